// The dialogs of 扩面征缴 (UI-6), for UI officers: enrol an employer, end an enrolment, open a
// follow-up task on an employer (to enrol it or collect arrears) and close one with its result.
// An employer picked from a list row comes in by name; else the dialog has the employer search.
import { App, DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { uiFollowUpKindNames, type UiFollowUpKind } from '../../../shared/labels.js';
import { patch, post } from '../../api.js';
import { FormModal } from '../../components/FormModal.js';
import { optionsOf } from '../../labels.js';
import { EmployerSelect } from '../employers/EmployerSelect.js';
import type { Enrolment, FollowUp } from './coverageTypes.js';

/** An employer chosen on a list row. */
export interface EmployerRef {
  id: string;
  name: string;
}

const notAfterThisMonth = (d: Dayjs) => d.isAfter(dayjs(), 'month');
const month = (d: Dayjs) => d.format('YYYY-MM');

/** The employer of the dialog: its name when given, else a search among the employers in scope. */
function EmployerField({ employer }: { employer: EmployerRef | undefined }) {
  if (employer) return <Form.Item label="用人单位">{employer.name}</Form.Item>;
  return (
    <Form.Item name="employerId" label="用人单位" rules={[{ required: true, message: '请选择用人单位' }]}>
      <EmployerSelect />
    </Form.Item>
  );
}

interface EnrolValues {
  employerId?: string;
  sinceMonth: Dayjs;
  untilMonth?: Dayjs | null;
}

/** 参保登记: the employer (given or searched), the first month, and the last when it has ended already. */
export function EnrolModal({
  open,
  employer,
  onClose,
  onDone,
}: {
  open: boolean;
  employer?: EmployerRef | undefined;
  onClose(): void;
  onDone(): void;
}) {
  const { message } = App.useApp();
  return (
    <FormModal<EnrolValues>
      title="用人单位参保登记"
      open={open}
      onClose={onClose}
      okText="登记参保"
      initialValues={{ sinceMonth: dayjs() }}
      onSubmit={async (v, { idempotencyKey }) => {
        const body = {
          employerId: employer?.id ?? v.employerId,
          sinceMonth: month(v.sinceMonth),
          ...(v.untilMonth ? { untilMonth: month(v.untilMonth) } : {}),
        };
        const saved = await post<Enrolment>('/ui/enrolments', body, { idempotencyKey });
        message.success(`${saved.employerName} 已登记参保，自 ${saved.sinceMonth} 起`);
        onDone();
      }}
    >
      <EmployerField employer={employer} />
      <Form.Item name="sinceMonth" label="参保起始月份" rules={[{ required: true, message: '请选择参保起始月份' }]}>
        <DatePicker picker="month" allowClear={false} disabledDate={notAfterThisMonth} />
      </Form.Item>
      <Form.Item name="untilMonth" label="参保终止月份" extra="仍在参保的不填；补登已终止的参保期间时填写">
        <DatePicker picker="month" placeholder="仍在参保" />
      </Form.Item>
    </FormModal>
  );
}

/** 终止参保: the last month of the enrolment (its first at the earliest). */
export function EndEnrolmentModal({ enrolment, onClose, onDone }: { enrolment: Enrolment | null; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  return (
    <FormModal<{ untilMonth: Dayjs }>
      title={enrolment ? `终止参保：${enrolment.employerName}` : '终止参保'}
      open={!!enrolment}
      onClose={onClose}
      okText="终止参保"
      initialValues={{ untilMonth: dayjs() }}
      onSubmit={async (v) => {
        await patch(`/ui/enrolments/${enrolment!.id}`, { untilMonth: month(v.untilMonth) });
        message.success(`已终止参保，参保至 ${month(v.untilMonth)}`);
        onDone();
      }}
    >
      <Typography.Paragraph type="secondary">
        自 {enrolment?.sinceMonth} 起参保。终止月份为参保的最后一个月，此后的月份不再计算欠费，单位重新列入未参保单位。
      </Typography.Paragraph>
      <Form.Item name="untilMonth" label="参保终止月份" rules={[{ required: true, message: '请选择参保终止月份' }]}>
        <DatePicker picker="month" allowClear={false} disabledDate={(d) => !!enrolment && month(d) < enrolment.sinceMonth} />
      </Form.Item>
    </FormModal>
  );
}

interface FollowUpValues {
  employerId?: string;
  kind: UiFollowUpKind;
  dueDate: Dayjs;
  note?: string;
}

/** 生成跟进任务: the employer (given or searched), what to follow up, by when, and a note. */
export function FollowUpModal({
  open,
  employer,
  kind = 'enrol',
  onClose,
  onDone,
}: {
  open: boolean;
  employer?: EmployerRef | undefined;
  kind?: UiFollowUpKind;
  onClose(): void;
  onDone(): void;
}) {
  const { message } = App.useApp();
  return (
    <FormModal<FollowUpValues>
      title="生成跟进任务"
      open={open}
      onClose={onClose}
      okText="生成任务"
      initialValues={{ kind }}
      onSubmit={async (v, { idempotencyKey }) => {
        const body = {
          employerId: employer?.id ?? v.employerId,
          kind: v.kind,
          dueDate: v.dueDate.format('YYYY-MM-DD'),
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        };
        const saved = await post<FollowUp>('/ui/follow-ups', body, { idempotencyKey });
        message.success(`已生成跟进任务：${saved.employerName}，${uiFollowUpKindNames[saved.kind]}`);
        onDone();
      }}
    >
      <EmployerField employer={employer} />
      <Form.Item name="kind" label="任务类别" rules={[{ required: true, message: '请选择任务类别' }]}>
        <Select options={optionsOf(uiFollowUpKindNames)} />
      </Form.Item>
      <Form.Item name="dueDate" label="办结期限" rules={[{ required: true, message: '请选择办结期限' }]}>
        <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="note" label="备注">
        <Input.TextArea rows={3} maxLength={1000} placeholder="如：联系人、已采取的措施" />
      </Form.Item>
    </FormModal>
  );
}

/** 办结: the result of the follow-up (required by the server, so asked here). */
export function CloseFollowUpModal({ followUp, onClose, onDone }: { followUp: FollowUp | null; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  return (
    <FormModal<{ result: string }>
      title={followUp ? `办结：${followUp.employerName}（${uiFollowUpKindNames[followUp.kind]}）` : '办结'}
      open={!!followUp}
      onClose={onClose}
      okText="办结"
      onSubmit={async (v) => {
        await patch(`/ui/follow-ups/${followUp!.id}`, { status: 'done', result: v.result.trim() });
        message.success('任务已办结');
        onDone();
      }}
    >
      {followUp?.note && <Typography.Paragraph type="secondary">备注：{followUp.note}</Typography.Paragraph>}
      <Form.Item
        name="result"
        label="办理结果"
        rules={[{ required: true, whitespace: true, message: '请填写办理结果' }]}
        extra="如：单位已办理参保登记、已补缴欠费、已移交劳动保障监察"
      >
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
