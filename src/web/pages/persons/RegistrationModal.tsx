// The dialog of one registration type (REG-3): date (today by default, never in the future) and
// the fields of that type; 更正 picks an earlier event and voids it or gives it another date.
import { App, DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { post } from '../../api.js';
import { FormModal } from '../../components/FormModal.js';
import { correctionActionNames, employmentFormNames, optionsOf, registrationTypeNames } from '../../labels.js';
import type { Person, RegistrationEvent, RegistrationType } from '../../types.js';
import { correctionsByEvent, eventLabel } from './history.js';

interface Values {
  date: Dayjs;
  reason?: string;
  employmentForm?: 'employer' | 'self_employed' | 'flexible';
  employerName?: string;
  correctsEventId?: string;
  action?: 'void' | 'redate';
  correctedDate?: Dayjs;
}

const reasonLabels: Partial<Record<RegistrationType, string>> = {
  employment_end: '终止原因',
  unemployment: '失业原因',
  unemployment_end: '注销原因',
  job_seeking: '备注',
  job_seeking_end: '终止原因',
  employment: '备注',
  correction: '更正原因',
};

const reasonHints: Partial<Record<RegistrationType, string>> = {
  employment_end: '如：劳动合同期满终止',
  unemployment: '如：单位裁员、合同到期未续签',
  unemployment_end: '如：已实现就业、迁出本地',
  correction: '如：登记日期录入错误，按材料更正',
};

const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** The dialog for `type` (closed while null); `onDone` after the event is saved. */
export function RegistrationModal({
  person,
  type,
  events,
  onClose,
  onDone,
}: {
  person: Person;
  type: RegistrationType | null;
  events: RegistrationEvent[];
  onClose(): void;
  onDone(): void;
}) {
  const { message } = App.useApp();
  const corrections = correctionsByEvent(events);
  const correctable = events.filter((e) => e.type !== 'correction' && corrections.get(e.id)?.action !== 'void');
  return (
    <FormModal<Values>
      title={type ? `${registrationTypeNames[type]}：${person.name}` : ''}
      open={!!type}
      onClose={onClose}
      okText="登记"
      // A correction's own date is hidden: a rule it breaks belongs to the event it corrects.
      rename={type === 'correction' ? { date: 'correctsEventId' } : undefined}
      initialValues={{ date: dayjs(), employmentForm: 'employer', action: 'void' }}
      onSubmit={async (v, { idempotencyKey }) => {
        if (!type) return;
        const body = {
          type,
          date: v.date.format('YYYY-MM-DD'),
          reason: v.reason?.trim() || undefined,
          ...(type === 'employment' ? { employmentForm: v.employmentForm, employerName: v.employerName?.trim() || undefined } : {}),
          ...(type === 'correction'
            ? {
                correctsEventId: v.correctsEventId,
                action: v.action,
                correctedDate: v.action === 'redate' ? v.correctedDate?.format('YYYY-MM-DD') : undefined,
              }
            : {}),
        };
        await post(`/persons/${person.id}/registrations`, body, { idempotencyKey });
        message.success(`已办理${registrationTypeNames[type]}`);
        onDone();
      }}
    >
      {type === 'correction' ? (
        <>
          <Typography.Paragraph type="secondary">更正不会删除原记录：原记录保留，按更正后的内容重新计算就业状态。</Typography.Paragraph>
          <Form.Item name="correctsEventId" label="要更正的登记" rules={[{ required: true, message: '请选择要更正的登记' }]}>
            <Select
              placeholder="请选择"
              options={correctable.map((e) => ({ value: e.id, label: eventLabel(e) }))}
              notFoundContent="没有可更正的登记"
            />
          </Form.Item>
          <Form.Item name="action" label="更正方式" rules={[{ required: true, message: '请选择更正方式' }]}>
            <Radio.Group name="action" options={optionsOf(correctionActionNames)} />
          </Form.Item>
          <Form.Item noStyle dependencies={['action']}>
            {({ getFieldValue }) =>
              getFieldValue('action') === 'redate' ? (
                <Form.Item name="correctedDate" label="更正后的日期" rules={[{ required: true, message: '请选择更正后的日期' }]}>
                  <DatePicker disabledDate={notFuture} style={{ width: 200 }} />
                </Form.Item>
              ) : null
            }
          </Form.Item>
          <Form.Item name="date" hidden>
            <DatePicker />
          </Form.Item>
        </>
      ) : (
        <Form.Item name="date" label="登记日期" rules={[{ required: true, message: '请选择登记日期' }]}>
          <DatePicker disabledDate={notFuture} style={{ width: 200 }} />
        </Form.Item>
      )}
      {type === 'employment' && (
        <>
          <Form.Item name="employmentForm" label="就业形式" rules={[{ required: true, message: '请选择就业形式' }]}>
            <Radio.Group name="employmentForm" options={optionsOf(employmentFormNames).filter((o) => o.value !== 'public_welfare_post')} />
          </Form.Item>
          <Form.Item name="employerName" label="就业单位（个体经营为字号）" rules={[{ max: 100, message: '最多 100 个字' }]}>
            <Input />
          </Form.Item>
        </>
      )}
      {type && (
        <Form.Item
          name="reason"
          label={reasonLabels[type] ?? '备注'}
          rules={[
            { max: 200, message: '最多 200 个字' },
            ...(type === 'correction' ? [{ required: true, whitespace: true, message: '更正须说明原因' }] : []),
          ]}
        >
          <Input placeholder={reasonHints[type]} />
        </Form.Item>
      )}
    </FormModal>
  );
}
