// 介绍信核验 (JOB-5 on the public board): an employer types the code printed on a referral
// letter, sees whom the public employment service sent (name partly hidden) to which vacancy,
// and may answer how it went; staff confirm the answer before it counts as the outcome.
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Result, Typography } from 'antd';
import { referralOutcomeNames, type ReferralOutcome } from '../../../shared/labels.js';
import { ApiError, post } from '../../api.js';
import { errorText } from '../../components/formErrors.js';
import { formatDateTime } from '../../format.js';
import { optionsOf } from '../../labels.js';
import { normaliseCode } from './boardFormat.js';
import type { ReferralLetter } from './types.js';

const outcomeNames: Record<string, string> = referralOutcomeNames;
const outcomeOptions = optionsOf(referralOutcomeNames);

/** The verify page; `?code=` (a link or QR code on the letter) fills the code in and checks it. */
export function VerifyLetterPage() {
  const [params] = useSearchParams();
  const linked = normaliseCode(params.get('code') ?? '');
  const [letter, setLetter] = useState<ReferralLetter | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async (code: string) => {
    setBusy(true);
    setProblem(null);
    setLetter(null);
    try {
      setLetter(await post<ReferralLetter>('/public/referrals/verify', { code: normaliseCode(code) }));
    } catch (err) {
      setProblem(
        err instanceof ApiError && err.status === 404
          ? '没有找到这封介绍信。请核对介绍信上的 10 位验证码（不含数字 0、1 和字母 O、I、L）。'
          : errorText(err),
      );
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    if (linked) void verify(linked);
    // Only when the link's code changes; verify itself is new on every render.
  }, [linked]);

  return (
    <div style={{ maxWidth: 760 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        介绍信核验
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        用人单位收到公共就业服务机构开具的介绍信后，可在此输入介绍信上的验证码，核对被推荐人和推荐岗位，并反馈面试或录用结果。
      </Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Form<{ code: string }>
          layout="vertical"
          initialValues={{ code: linked }}
          onFinish={(v) => void verify(v.code)}
          requiredMark={false}
        >
          <Form.Item
            name="code"
            label="验证码"
            normalize={(v: string) => normaliseCode(v)}
            rules={[
              { required: true, message: '请输入介绍信上的验证码' },
              { pattern: /^[0-9A-Z]{6,16}$/, message: '验证码由字母和数字组成，介绍信上为 10 位' },
            ]}
            style={{ marginBottom: 12 }}
          >
            <Input
              size="large"
              maxLength={16}
              placeholder="介绍信上的 10 位验证码"
              autoComplete="off"
              spellCheck={false}
              style={{ fontFamily: 'monospace', letterSpacing: 2 }}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" loading={busy} block>
            核验
          </Button>
        </Form>
      </Card>
      {problem && <Alert type="error" showIcon title={problem} data-testid="verify-error" style={{ marginBottom: 16 }} />}
      {letter && <LetterCard letter={letter} onChange={setLetter} />}
    </div>
  );
}

/** The letter's data and the feedback form. */
function LetterCard({ letter, onChange }: { letter: ReferralLetter; onChange(l: ReferralLetter): void }) {
  return (
    <Card title="介绍信有效" data-testid="letter" style={{ marginBottom: 16 }}>
      <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small">
        <Descriptions.Item label="验证码">
          <span style={{ fontFamily: 'monospace' }}>{letter.verificationCode}</span>
        </Descriptions.Item>
        <Descriptions.Item label="开具日期">{letter.date}</Descriptions.Item>
        <Descriptions.Item label="被推荐人">
          <span data-testid="letter-person">{letter.personName}</span>
        </Descriptions.Item>
        <Descriptions.Item label="推荐岗位">{letter.vacancyTitle}</Descriptions.Item>
        <Descriptions.Item label="招聘单位">{letter.employerName}</Descriptions.Item>
        <Descriptions.Item label="开具机构">{letter.unitName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="推荐结果">
          {letter.outcome ? (outcomeNames[letter.outcome] ?? letter.outcome) : '尚未登记'}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
        为保护个人信息，姓名已部分隐去，请与被推荐人所持身份证件核对。
      </Typography.Paragraph>
      <FeedbackForm letter={letter} onSent={onChange} />
    </Card>
  );
}

interface Feedback {
  outcome: ReferralOutcome;
  comment?: string;
}

function FeedbackForm({ letter, onSent }: { letter: ReferralLetter; onSent(l: ReferralLetter): void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const submit = async (values: Feedback) => {
    setBusy(true);
    setProblem(null);
    try {
      onSent(
        await post<ReferralLetter>('/public/referrals/feedback', {
          code: letter.verificationCode,
          outcome: values.outcome,
          comment: values.comment?.trim() || undefined,
        }),
      );
      setSent(true);
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  if (sent) {
    return (
      <Result
        status="success"
        title="反馈已提交"
        subTitle={`谢谢！经办人员核实后登记推荐结果。提交时间：${formatDateTime(letter.employerFeedbackAt)}`}
        data-testid="feedback-sent"
        style={{ padding: '24px 0 0' }}
      />
    );
  }
  return (
    <div style={{ borderTop: '1px solid #f0f0f0', marginTop: 16, paddingTop: 16 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        反馈推荐结果
      </Typography.Title>
      {letter.employerFeedbackAt && (
        <Alert
          type="info"
          showIcon
          data-testid="earlier-feedback"
          title={`贵单位已于 ${formatDateTime(letter.employerFeedbackAt)} 反馈过，再次提交将以新的反馈为准。`}
          description={letter.employerFeedback ? <span className="board-pre">{letter.employerFeedback}</span> : undefined}
          style={{ marginBottom: 12 }}
        />
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form<Feedback> layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="outcome" label="结果" rules={[{ required: true, message: '请选择结果' }]}>
          <Radio.Group options={outcomeOptions} optionType="button" buttonStyle="solid" />
        </Form.Item>
        <Form.Item name="comment" label="说明（选填）">
          <Input.TextArea rows={3} maxLength={300} showCount placeholder="如：已于 12 月 1 日面试，安排试岗一周" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          提交反馈
        </Button>
      </Form>
    </div>
  );
}
