// 验证码 on the public registration form (JOB-7, issue 10): the code field with 获取验证码
// beside it. The button checks the fields the request needs, asks the server to text a code to
// the phone on record, shows the server's one answer (the same whether or not the record exists)
// and waits a minute before the next request. A counter's activation code goes in the same field.
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Form, Input, Space, type FormInstance } from 'antd';
import { post } from '../../api.js';
import { applyFieldErrors, problemText } from '../../components/formErrors.js';

/** Seconds before the button may ask for another text message. */
const resendSeconds = 60;

/** The code as the server takes it: no spaces, upper case (activation codes are printed in capitals). */
export function normalizeCode(code: string): string {
  return code.replace(/\s/g, '').toUpperCase();
}

/** Six digits from a text message, or a counter's eight-character code with or without its dash. */
const codeRule = {
  validator: (_: unknown, v: string | undefined) => {
    if (!v) return Promise.resolve();
    const bare = v.replace(/[\s-]/g, '');
    return /^\d{6}$/.test(bare) || /^[A-Za-z0-9]{8}$/.test(bare)
      ? Promise.resolve()
      : Promise.reject(new Error('请填写 6 位数字验证码，或 8 位激活码（如 ABCD-EFGH）'));
  },
};

interface CodeFieldProps {
  form: FormInstance;
  /** The code request endpoint, e.g. `/public/accounts/seekers/codes`. */
  path: string;
  /** The fields the request needs; they are validated before it is sent. */
  needs: string[];
  /** The request body from the form's values. */
  body(values: Record<string, string>): object;
  required: boolean;
  extra: ReactNode;
  /** Called when a code was requested (the page clears an earlier failure's message). */
  onSent(): void;
}

/** The code input with 获取验证码, its countdown and the server's answer below. */
export function CodeField({ form, path, needs, body, required, extra, onSent }: CodeFieldProps) {
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ type: 'info' | 'error'; text: string } | null>(null);

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const request = async () => {
    let values: Record<string, string>;
    try {
      values = (await form.validateFields(needs)) as Record<string, string>;
    } catch {
      return; // the fields show what is missing
    }
    setBusy(true);
    setAnswer(null);
    try {
      const sent = await post<{ message: string }>(path, body(values));
      setAnswer({ type: 'info', text: sent.message });
      setWait(resendSeconds);
      form.setFields([{ name: 'code', errors: [] }]);
      onSent();
    } catch (err) {
      setAnswer({ type: 'error', text: problemText(err, applyFieldErrors(form, err)) ?? '获取验证码失败，请稍后重试' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Form.Item label="验证码" htmlFor="code" required={required} extra={extra}>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="code"
            noStyle
            rules={[...(required ? [{ required: true, message: '请填写验证码或激活码' }] : []), codeRule]}
            validateTrigger="onBlur"
          >
            <Input
              id="code"
              size="large"
              maxLength={12}
              inputMode="text"
              autoComplete="one-time-code"
              spellCheck={false}
              placeholder="验证码或激活码"
              style={{ fontFamily: 'monospace' }}
            />
          </Form.Item>
          <Button size="large" onClick={() => void request()} loading={busy} disabled={wait > 0} data-testid="request-code">
            {wait > 0 ? `重新获取(${wait}s)` : answer?.type === 'info' ? '重新获取' : '获取验证码'}
          </Button>
        </Space.Compact>
      </Form.Item>
      {answer && (
        <Alert type={answer.type} showIcon title={answer.text} data-testid="code-answer" style={{ marginTop: -8, marginBottom: 16 }} />
      )}
    </>
  );
}
