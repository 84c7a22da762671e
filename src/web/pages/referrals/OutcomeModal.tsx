// 登记结果 (JOB-5): what came of a referral. 已面试 may later become 已录用 or 未录用; the others are
// final. 已录用 registers the person's employment with the employer (the API does it in the same
// transaction), so the dialog says so before the clerk confirms.
import { App, Alert, DatePicker, Form, Input, Radio, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { post } from '../../api.js';
import { FormModal } from '../../components/FormModal.js';
import { formatDateTime } from '../../format.js';
import { referralOutcomeColors, referralOutcomeNames } from '../../labels.js';
import type { Referral, ReferralOutcome } from '../../types.js';

/** The outcomes that may follow a referral's current one (the API's rule, for the buttons). */
export function nextOutcomesOf(referral: Pick<Referral, 'outcome'>): ReferralOutcome[] {
  if (referral.outcome === null) return ['interviewed', 'hired', 'rejected', 'no_show'];
  if (referral.outcome === 'interviewed') return ['hired', 'rejected'];
  return [];
}

/** 待反馈 or the outcome, with its date. */
export function OutcomeTag({ referral }: { referral: Pick<Referral, 'outcome' | 'outcomeDate'> }) {
  if (!referral.outcome) return <Tag color="gold">待反馈</Tag>;
  return (
    <Tag color={referralOutcomeColors[referral.outcome]} data-outcome={referral.outcome}>
      {referralOutcomeNames[referral.outcome] ?? referral.outcome}
      {referral.outcomeDate ? `（${referral.outcomeDate}）` : ''}
    </Tag>
  );
}

/**
 * The employer's answer from the public letter check, in Chinese: the API keeps it as
 * "单位反馈：hired；comment" with the outcome's code, so the code is named here.
 */
export function feedbackText(feedback: string): string {
  return feedback.replace(/\b(interviewed|hired|rejected|no_show)\b/g, (code) => referralOutcomeNames[code as ReferralOutcome] ?? code);
}

interface Values {
  outcome: ReferralOutcome;
  date: Dayjs;
  note?: string;
}

/** The dialog (closed while `referral` is null); `onDone` gets the updated referral. */
export function OutcomeModal({
  referral,
  onClose,
  onDone,
}: {
  referral: Referral | null;
  onClose(): void;
  onDone(referral: Referral): void;
}) {
  const { message } = App.useApp();
  const allowed = referral ? nextOutcomesOf(referral) : [];
  return (
    <FormModal<Values>
      title={referral ? `登记推荐结果：${referral.personName} → ${referral.vacancyTitle}` : ''}
      open={!!referral}
      onClose={onClose}
      okText="登记"
      width={600}
      initialValues={{ date: dayjs(), outcome: allowed.length === 1 ? allowed[0] : undefined }}
      onSubmit={async (v, { idempotencyKey }) => {
        if (!referral) return;
        const updated = await post<Referral>(
          `/referrals/${referral.id}/outcome`,
          { outcome: v.outcome, date: v.date.format('YYYY-MM-DD'), note: v.note?.trim() || undefined },
          { idempotencyKey },
        );
        message.success(
          v.outcome === 'hired' ? `已登记录用，并为${referral.personName}办理了就业登记` : `已登记：${referralOutcomeNames[v.outcome]}`,
        );
        onDone(updated);
      }}
    >
      {referral && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {referral.date} 推荐至 {referral.employerName}，介绍信验证码 <Typography.Text code>{referral.verificationCode}</Typography.Text>
          {referral.outcome && (
            <>
              ；当前结果 <OutcomeTag referral={referral} />
            </>
          )}
        </Typography.Paragraph>
      )}
      {referral?.employerFeedback && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`用人单位已在网上反馈${referral.employerFeedbackAt ? `（${formatDateTime(referral.employerFeedbackAt)}）` : ''}`}
          description={feedbackText(referral.employerFeedback)}
        />
      )}
      <Form.Item
        name="outcome"
        label="推荐结果"
        rules={[{ required: true, message: '请选择推荐结果' }]}
        extra="已面试的，之后还可登记已录用或未录用；其他结果登记后不能再改。"
      >
        <Radio.Group name="outcome" options={allowed.map((o) => ({ value: o, label: referralOutcomeNames[o] }))} />
      </Form.Item>
      <Form.Item noStyle dependencies={['outcome']}>
        {({ getFieldValue }) =>
          getFieldValue('outcome') === 'hired' && referral ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="登记“已录用”将同时办理就业登记"
              description={`将为${referral.personName}登记单位就业（${referral.employerName}），就业状态随之变为“就业”，并占用该岗位一个招聘名额。`}
              data-testid="hire-warning"
            />
          ) : null
        }
      </Form.Item>
      <Form.Item name="date" label="结果日期" rules={[{ required: true, message: '请选择结果日期' }]}>
        <DatePicker
          disabledDate={(d) => d.isAfter(dayjs(), 'day') || (!!referral && d.isBefore(dayjs(referral.date), 'day'))}
          style={{ width: 200 }}
        />
      </Form.Item>
      <Form.Item name="note" label="备注" rules={[{ max: 500, message: '最多 500 个字' }]}>
        <Input.TextArea rows={2} placeholder="如：试用期三个月，月薪 6000 元" />
      </Form.Item>
    </FormModal>
  );
}
