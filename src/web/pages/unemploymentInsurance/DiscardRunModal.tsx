// 作废 of a draft payment run (UI-3): the confirmation says what goes (every draft payment of the
// run, their months then paid by a later run of the month) and what stays (the run, as 已作废, and
// the reason in the audit), and asks for the reason the API requires.
import { App, Form, Input, Typography } from 'antd';
import { post } from '../../api.js';
import { FormModal } from '../../components/FormModal.js';
import { paymentRunApi, yuanText, type PaymentRun } from './paymentRunTypes.js';

export function DiscardRunModal({ run, open, onClose, onDone }: { run: PaymentRun; open: boolean; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  return (
    <FormModal<{ reason: string }>
      title={`作废 ${run.month} 的发放批次？`}
      open={open}
      onClose={onClose}
      okText="作废"
      danger
      onSubmit={async ({ reason }, { idempotencyKey }) => {
        await post<PaymentRun>(`${paymentRunApi(run.id)}/discard`, { reason: reason.trim() }, { idempotencyKey });
        message.success(`${run.month} 发放批次已作废，可重新生成该月的发放批次`);
        onDone();
      }}
    >
      <div data-testid="discard-what">
        <Typography.Paragraph>
          作废将删除本批次的全部 <Typography.Text strong>{run.payments} 笔待审批支付</Typography.Text>（合计 {yuanText(run.totalFen)}{' '}
          元）。这些支付所涉的待遇月份不再由本批次占用，之后再生成该月的发放批次时重新计入，不会漏发也不会重复发放。
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          批次本身保留，状态改为“已作废”，作废原因记入审计日志；作废后不能撤销，也不能再审批。本批次尚未审批，没有发放，也没有记入基金台账。
        </Typography.Paragraph>
      </div>
      <Form.Item
        name="reason"
        label="作废原因"
        rules={[
          { required: true, whitespace: true, message: '请填写作废原因' },
          { max: 200, message: '作废原因最多 200 个字' },
        ]}
      >
        <Input maxLength={200} placeholder="如：应发名单有误，待更正后重新生成" />
      </Form.Item>
    </FormModal>
  );
}
