// 登录: username and password, then, for staff who enrolled two-factor sign-in, the 6-digit code
// of their authenticator app or a recovery code; the API's Chinese detail is shown on failure (401, 429).
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError, post } from '../api.js';
import { useAuth } from '../auth.js';
import { errorText } from '../components/formErrors.js';
import { securityPath } from '../pageEntry.js';
import type { User } from '../types.js';

interface Values {
  username: string;
  password: string;
}

/** The answers of POST /auth/login and /auth/login/two-factor. */
type SignedIn = { token: string; user: User; twoFactorSetupRequired: boolean };
type SecondStep = { twoFactorRequired: true; challenge: string; expiresAt: string };

/** Where to go after login: the page that sent the user here, if it is one of ours. */
function target(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

/** The login page. */
export function LoginPage() {
  const { signedIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const [challenge, setChallenge] = useState<string | null>(null);

  const finish = ({ user, twoFactorSetupRequired }: SignedIn) => {
    signedIn({
      ...user,
      twoFactor: { enabled: !twoFactorSetupRequired, required: twoFactorSetupRequired, setupRequired: twoFactorSetupRequired },
    });
    navigate(twoFactorSetupRequired ? securityPath : target(params.get('from')), { replace: true });
  };

  const submit = async (values: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await post<SignedIn | SecondStep>('/auth/login', values);
      if ('challenge' in result) setChallenge(result.challenge);
      else finish(result);
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const submitCode = async (code: string) => {
    setBusy(true);
    setProblem(null);
    try {
      finish(await post<SignedIn>('/auth/login/two-factor', { challenge, code: code.trim() }));
    } catch (err) {
      setProblem(errorText(err));
      // An expired or used-up challenge cannot be retried: back to the password.
      if (err instanceof ApiError && err.detail.includes('已过期')) setChallenge(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #1f5fbf 0%, #0b2e6b 100%)',
      }}
    >
      <Card style={{ width: 400, maxWidth: 'calc(100vw - 32px)', boxShadow: '0 12px 40px rgba(0,0,0,0.25)' }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            OpenPES 公共就业服务平台
          </Typography.Title>
          <Typography.Text type="secondary">工作人员登录</Typography.Text>
        </div>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="login-error" />}
        {challenge ? (
          <SecondStepForm busy={busy} onSubmit={submitCode} onBack={() => (setChallenge(null), setProblem(null))} />
        ) : (
          <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} size="large">
            <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" placeholder="用户名" autoFocus />
            </Form.Item>
            <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="密码" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              登录
            </Button>
          </Form>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12, textAlign: 'center' }}>
          忘记密码请联系本单位管理员重置。
        </Typography.Paragraph>
        <div style={{ marginTop: 12, paddingTop: 12, borderTop: '1px solid #f0f0f0', textAlign: 'center' }}>
          <Link to="/jobs">查看公开招聘信息</Link>
        </div>
      </Card>
    </div>
  );
}

/** The second step: the authenticator app's 6-digit code (sent when complete), or a recovery code. */
function SecondStepForm({ busy, onSubmit, onBack }: { busy: boolean; onSubmit(code: string): Promise<void>; onBack(): void }) {
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState('');
  return (
    <div data-testid="second-step">
      <Typography.Paragraph style={{ textAlign: 'center' }}>
        <SafetyOutlined style={{ fontSize: 28, color: '#1f5fbf' }} />
        <br />
        {useRecovery ? '请输入一个未用过的恢复码（每个只能用一次）' : '请输入验证器应用中显示的 6 位验证码'}
      </Typography.Paragraph>
      {useRecovery ? (
        <Form layout="vertical" size="large" onFinish={() => void onSubmit(recovery)}>
          <Form.Item label="恢复码" htmlFor="recovery-code">
            <Input
              id="recovery-code"
              value={recovery}
              onChange={(e) => setRecovery(e.target.value)}
              placeholder="xxxxx-xxxxx"
              autoComplete="off"
              autoFocus
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} disabled={recovery.trim().length < 10}>
            验证并登录
          </Button>
        </Form>
      ) : (
        <Form layout="vertical" size="large" onFinish={() => void onSubmit(code)}>
          <Form.Item label="验证码" style={{ textAlign: 'center' }}>
            <Input.OTP
              length={6}
              value={code}
              formatter={(v) => v.replace(/\D/g, '')}
              onChange={(v) => {
                setCode(v);
                if (/^\d{6}$/.test(v)) void onSubmit(v);
              }}
              autoFocus
              aria-label="验证码"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} disabled={!/^\d{6}$/.test(code)}>
            验证并登录
          </Button>
        </Form>
      )}
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 12 }}>
        <Button type="link" size="small" style={{ padding: 0 }} onClick={onBack}>
          返回重新输入密码
        </Button>
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setUseRecovery(!useRecovery)}>
          {useRecovery ? '使用验证码' : '使用恢复码'}
        </Button>
      </div>
    </div>
  );
}
