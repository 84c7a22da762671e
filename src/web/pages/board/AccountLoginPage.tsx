// 登录 on the public site (JOB-7): a job seeker or an employer signs in with phone and password.
// `?from=` brings them back to the page they came from (a vacancy they want to apply to, say).
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Tabs, Typography } from 'antd';
import { post } from '../../api.js';
import { errorText } from '../../components/formErrors.js';
import { usePublicAccount } from './publicAccount.js';
import type { PublicAccount } from './types.js';

type Kind = PublicAccount['kind'];

/** Only a path on the board itself, never an address elsewhere. */
export function safeFrom(from: string | null): string {
  return from && from.startsWith('/jobs') && !from.startsWith('//') ? from : '/jobs/me';
}

/** The phone rule shared by login and registration: a mainland mobile number. */
export const phoneRules = [
  { required: true, message: '请输入手机号' },
  { pattern: /^1\d{10}$/, message: '请输入 11 位手机号' },
];

export const kindTabs = [
  { key: 'seeker', label: '求职者' },
  { key: 'employer', label: '用人单位' },
];

/** The login form with 求职者 / 用人单位 tabs. */
export function AccountLoginPage() {
  const [params] = useSearchParams();
  const [kind, setKind] = useState<Kind>(params.get('kind') === 'employer' ? 'employer' : 'seeker');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { setAccount } = usePublicAccount();
  const navigate = useNavigate();
  const from = safeFrom(params.get('from'));

  const submit = async (values: { phone: string; password: string }) => {
    setBusy(true);
    setProblem(null);
    try {
      const { account } = await post<{ account: PublicAccount }>('/public/accounts/login', {
        kind,
        phone: values.phone.trim(),
        password: values.password,
      });
      setAccount(account);
      navigate(from, { replace: true });
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="board-narrow">
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          登录
        </Typography.Title>
        <Tabs activeKey={kind} onChange={(k) => setKind(k as Kind)} items={kindTabs} />
        {problem && <Alert type="error" showIcon title={problem} data-testid="login-error" style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="phone" label="手机号" rules={phoneRules}>
            <Input size="large" inputMode="numeric" maxLength={11} autoComplete="tel" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password size="large" autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          还没有账号？<Link to={`/jobs/register${kind === 'employer' ? '?kind=employer' : ''}`}>免费注册</Link>
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0, textAlign: 'center' }}>
          忘记密码请携带身份证件（单位带营业执照）到服务窗口重置。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
