// The dialogs of a zero-employment case (AID-3): naming the caseworker, adding a plan step or a
// measure taken, and recording a planned step as taken. Each answers with the updated case.
import { App, Button, DatePicker, Form, Input, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { getAllPages, patch, post } from '../../api.js';
import { useUser } from '../../auth.js';
import { FormModal } from '../../components/FormModal.js';
import { useLoad } from '../../hooks.js';
import { caseMeasureKindNames, optionsOf, relationNames } from '../../labels.js';
import { casesPath, type CaseDetail, type CaseMeasure, type StaffItem } from './caseTypes.js';

const notAfterToday = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/**
 * 指定承办人: the clerks in the user's scope whose own area holds the household (the server refuses
 * others), the user first as 本人. Any clerk may list the staff of their scope; should the list
 * fail, the user can still name themselves.
 */
export function AssignCaseworkerModal({
  open,
  detail,
  onClose,
  onDone,
}: {
  open: boolean;
  detail: CaseDetail;
  onClose(): void;
  onDone(updated: CaseDetail): void;
}) {
  const user = useUser();
  const { message } = App.useApp();
  const staff = useLoad(async () => (open ? getAllPages<StaffItem>('/staff', { role: 'clerk', disabled: false }) : []), [open]);
  const eligible = (staff.data ?? []).filter((s) => detail.regionCode.startsWith(s.scope) && s.id !== user.id);
  const options = [
    { value: user.id, label: `${user.name}（本人）` },
    ...eligible.map((s) => ({ value: s.id, label: `${s.name}${s.unitName ? `，${s.unitName}` : ''}` })),
  ];
  return (
    <FormModal<{ caseworkerId?: string }>
      title={detail.caseworkerId ? '更换承办人' : '指定承办人'}
      open={open}
      onClose={onClose}
      okText="确定"
      initialValues={{ caseworkerId: detail.caseworkerId ?? undefined }}
      onSubmit={async (v) => {
        const updated = await patch<CaseDetail>(`${casesPath}/${detail.id}`, { caseworkerId: v.caseworkerId ?? null });
        message.success(updated.caseworkerName ? `承办人：${updated.caseworkerName}` : '已取消指定承办人');
        onDone(updated);
      }}
    >
      <Form.Item
        name="caseworkerId"
        label="承办人"
        extra={
          staff.error
            ? '未能加载工作人员名单，目前只能指定本人。'
            : `可指定管辖范围包含该家庭的经办人员${detail.caseworkerId ? '；清空后保存为取消指定' : ''}。`
        }
        rules={detail.caseworkerId ? [] : [{ required: true, message: '请选择承办人' }]}
      >
        <Select
          aria-label="承办人"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={staff.loading}
          options={options}
          placeholder="请选择经办人员"
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue, setFieldValue }) =>
          getFieldValue('caseworkerId') !== user.id && (
            <Button size="small" onClick={() => setFieldValue('caseworkerId', user.id)}>
              指定为本人
            </Button>
          )
        }
      </Form.Item>
    </FormModal>
  );
}

interface MeasureValues {
  mode: 'plan' | 'taken';
  kind: string;
  personId?: string;
  dueOn?: Dayjs;
  takenOn?: Dayjs;
  note: string;
  outcome?: string;
}

/** 添加计划或措施: a plan step has a date it is due; a measure taken has the date and what came of it. */
export function MeasureModal({
  open,
  detail,
  onClose,
  onDone,
}: {
  open: boolean;
  detail: CaseDetail;
  onClose(): void;
  onDone(updated: CaseDetail): void;
}) {
  const { message } = App.useApp();
  return (
    <FormModal<MeasureValues>
      title="添加帮扶计划或措施"
      open={open}
      onClose={onClose}
      okText="保存"
      width={600}
      initialValues={{ mode: 'plan' }}
      onSubmit={async (v, { idempotencyKey }) => {
        const taken = v.mode === 'taken';
        const updated = await post<CaseDetail>(
          `${casesPath}/${detail.id}/measures`,
          {
            kind: v.kind,
            personId: v.personId || undefined,
            dueOn: !taken && v.dueOn ? v.dueOn.format('YYYY-MM-DD') : undefined,
            takenOn: taken && v.takenOn ? v.takenOn.format('YYYY-MM-DD') : undefined,
            note: v.note.trim(),
            outcome: taken ? v.outcome?.trim() || undefined : undefined,
          },
          { idempotencyKey },
        );
        message.success(taken ? '已登记措施' : '已添加帮扶计划');
        onDone(updated);
      }}
    >
      <Form.Item name="mode" label="登记内容">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'plan', label: '帮扶计划（尚未办理）' },
            { value: 'taken', label: '已采取的措施' },
          ]}
        />
      </Form.Item>
      <Space size={16} style={{ display: 'flex' }} align="start">
        <Form.Item name="kind" label="措施类型" rules={[{ required: true, message: '请选择措施类型' }]} style={{ width: 200 }}>
          <Select options={optionsOf(caseMeasureKindNames)} placeholder="请选择" />
        </Form.Item>
        <Form.Item name="personId" label="帮扶对象" extra="不选为全家" style={{ width: 200 }}>
          <Select
            allowClear
            placeholder="全家"
            options={detail.members.map((m) => ({ value: m.personId, label: `${m.name}（${relationNames[m.relation] ?? m.relation}）` }))}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={['mode']}>
          {({ getFieldValue }) =>
            getFieldValue('mode') === 'taken' ? (
              <Form.Item name="takenOn" label="办理日期" rules={[{ required: true, message: '请选择办理日期' }]}>
                <DatePicker disabledDate={notAfterToday} style={{ width: 150 }} />
              </Form.Item>
            ) : (
              <Form.Item name="dueOn" label="计划日期" rules={[{ required: true, message: '请选择计划完成日期' }]}>
                <DatePicker style={{ width: 150 }} />
              </Form.Item>
            )
          }
        </Form.Item>
      </Space>
      <Form.Item
        name="note"
        label="措施内容"
        rules={[
          { required: true, whitespace: true, message: '请填写措施内容' },
          { min: 2, message: '至少 2 个字' },
          { max: 1000, message: '最多 1000 个字' },
        ]}
      >
        <Input.TextArea rows={3} placeholder="如：约定到社区接受职业指导，了解求职意向" />
      </Form.Item>
      <Form.Item noStyle dependencies={['mode']}>
        {({ getFieldValue }) =>
          getFieldValue('mode') === 'taken' && (
            <Form.Item name="outcome" label="办理结果" rules={[{ max: 1000, message: '最多 1000 个字' }]}>
              <Input.TextArea rows={2} placeholder="如：已推荐保洁岗位两个，约定下周面试" />
            </Form.Item>
          )
        }
      </Form.Item>
    </FormModal>
  );
}

/** 登记办理: a planned step was taken on a day, with what came of it. */
export function MeasureTakenModal({
  measure,
  detail,
  onClose,
  onDone,
}: {
  measure: CaseMeasure | null;
  detail: CaseDetail;
  onClose(): void;
  onDone(updated: CaseDetail): void;
}) {
  const { message } = App.useApp();
  return (
    <FormModal<{ takenOn: Dayjs; outcome?: string }>
      title="登记办理"
      open={!!measure}
      onClose={onClose}
      okText="登记"
      initialValues={{ takenOn: dayjs() }}
      onSubmit={async (v, { idempotencyKey }) => {
        if (!measure) return;
        const updated = await post<CaseDetail>(
          `${casesPath}/${detail.id}/measures/${measure.id}/taken`,
          { takenOn: v.takenOn.format('YYYY-MM-DD'), outcome: v.outcome?.trim() || undefined },
          { idempotencyKey },
        );
        message.success('已登记办理');
        onDone(updated);
      }}
    >
      {measure && (
        <Typography.Paragraph>
          {caseMeasureKindNames[measure.kind]}
          {measure.personName ? `（${measure.personName}）` : '（全家）'}：{measure.note}
          <br />
          <Typography.Text type="secondary">计划日期 {measure.dueOn}</Typography.Text>
        </Typography.Paragraph>
      )}
      <Form.Item name="takenOn" label="办理日期" rules={[{ required: true, message: '请选择办理日期' }]}>
        <DatePicker disabledDate={notAfterToday} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="outcome" label="办理结果" rules={[{ max: 1000, message: '最多 1000 个字' }]}>
        <Input.TextArea rows={3} placeholder="如：已推荐保洁岗位两个，约定下周面试" />
      </Form.Item>
    </FormModal>
  );
}
