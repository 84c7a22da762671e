// 缓发协议 on the claim page (seed 002 §(八): 已就业在领失业金人员签订缓发协议率达100%): a claimant
// re-employed while in benefit signs that the unused entitlement is kept; the months kept are the
// server's (entitlement less the months paid). The UI officer signs it once the claim has stopped
// by re-employment; the card says why nothing can be signed otherwise.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, Typography } from 'antd';
import { FileProtectOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { post } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { FormModal } from '../../components/FormModal.js';
import { formatDateTime } from '../../format.js';
import { deferralApi } from './deferralTypes.js';
import type { Claim } from './uiTypes.js';

/** Whether the claim was stopped by re-employment after it was approved (the claimant was in benefit). */
export const reemployedInBenefit = (c: Claim) => c.status === 'stopped' && c.stopReason === 're_employed' && c.decidedBy !== null;

export function ClaimDeferralCard({ claim, onChanged }: { claim: Claim; onChanged(): void }) {
  const user = useUser();
  const [open, setOpen] = useState(false);
  const d = claim.deferral;
  const canSign = hasRole(user, 'ui_officer') && !d && reemployedInBenefit(claim);
  return (
    <Card
      title="缓发协议"
      size="small"
      data-testid="claim-deferral"
      extra={
        canSign ? (
          <Button type="primary" icon={<FileProtectOutlined />} onClick={() => setOpen(true)}>
            签订缓发协议
          </Button>
        ) : null
      }
    >
      {d ? (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'signed', label: '签订日期', children: d.signedOn },
            { key: 'kept', label: '保留未领期限', children: <strong data-testid="deferral-kept">{`${d.keptMonths} 个月`}</strong> },
            { key: 'how', label: '计算', children: `领取期限 ${d.entitlementMonths} 个月 − 已发放 ${d.paidMonths} 个月` },
            { key: 'by', label: '经办人', children: `${d.createdBy}（${formatDateTime(d.createdAt)}）` },
            ...(d.note ? [{ key: 'note', label: '备注', children: d.note }] : []),
          ]}
        />
      ) : (
        <Typography.Text type="secondary" data-testid="deferral-none">
          {reemployedInBenefit(claim)
            ? `${claim.stoppedOn} 因重新就业停发，尚未签订缓发协议（应签订率 100%）。`
            : '申领人在领取期间重新就业而停发后，签订缓发协议以保留未领期限。'}
        </Typography.Text>
      )}
      <SignModal open={open} claim={claim} onClose={() => setOpen(false)} onDone={() => (setOpen(false), onChanged())} />
    </Card>
  );
}

function SignModal(props: { open: boolean; claim: Claim; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  const c = props.claim;
  const stoppedOn = c.stoppedOn ?? '';
  const outOfRange = (day: Dayjs) => day.isAfter(dayjs(), 'day') || day.format('YYYY-MM-DD') < stoppedOn;
  return (
    <FormModal<{ signedOn: Dayjs; note?: string }>
      title="签订缓发协议"
      open={props.open}
      onClose={props.onClose}
      okText="签订"
      initialValues={{ signedOn: dayjs() }}
      onSubmit={async (v, { idempotencyKey }) => {
        const updated = await post<Claim>(
          deferralApi(c.id),
          { signedOn: v.signedOn.format('YYYY-MM-DD'), ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
          { idempotencyKey },
        );
        message.success(`已签订缓发协议，保留未领期限 ${updated.deferral?.keptMonths ?? 0} 个月`);
        props.onDone();
      }}
    >
      <Typography.Paragraph type="secondary">
        {`${c.personName ?? ''} ${stoppedOn} 起因重新就业停发。领取期限 ${c.entitlementMonths} 个月，已发放 ${c.paidMonths} 个月；保留的未领期限由系统按领取期限减已发放月数计算，再次失业申领时与新的期限合并计算（《失业保险条例》第十七条）。`}
      </Typography.Paragraph>
      <Form.Item name="signedOn" label="签订日期" rules={[{ required: true, message: '请选择签订日期' }]}>
        <DatePicker disabledDate={outOfRange} aria-label="签订日期" />
      </Form.Item>
      <Form.Item name="note" label="备注">
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </FormModal>
  );
}
