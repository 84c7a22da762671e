// 账号安全: the signed-in staff member's two-factor sign-in (set up with an authenticator app,
// recovery codes shown once, turn off) and their sign-in sessions (sign out one or all others).
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  QRCode,
  Space,
  Steps,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { LogoutOutlined, SafetyOutlined } from '@ant-design/icons';
import { del, get, post } from '../../api.js';
import { useAuth } from '../../auth.js';
import { errorText } from '../../components/formErrors.js';
import { FormModal } from '../../components/FormModal.js';
import { formatDateTime } from '../../format.js';
import { useLoad } from '../../hooks.js';
import type { OwnSession, TwoFactorStatus, User } from '../../types.js';
import { ListEmpty } from '../../components/PagedTable.js';

/** The security page. */
export function SecurityPage() {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 960 }}>
      <TwoFactorCard />
      <SessionsCard />
    </Space>
  );
}

/** A base32 key in groups of four, as it is typed into an app by hand. */
export function groupedKey(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

function TwoFactorCard() {
  const { message } = App.useApp();
  const { user, signedIn } = useAuth();
  const navigate = useNavigate();
  const status = useLoad(() => get<TwoFactorStatus>('/auth/two-factor'), []);
  const [enrolment, setEnrolment] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  /** Enrolled because the role requires it: once the codes are kept, go on to the start page. */
  const [leaveAfterCodes, setLeaveAfterCodes] = useState(false);
  const [disabling, setDisabling] = useState(false);
  const s = status.data;

  const begin = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setEnrolment(await post<{ secret: string; otpauthUri: string }>('/auth/two-factor/enrolment'));
      setCode('');
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await post<{ recoveryCodes: string[] }>('/auth/two-factor/enrolment/confirm', { code });
      setLeaveAfterCodes(!!user?.twoFactor?.setupRequired);
      setRecoveryCodes(result.recoveryCodes);
      setEnrolment(null);
      status.reload();
      signedIn(await get<User>('/auth/me'));
    } catch (err) {
      setProblem(errorText(err));
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={
        <Space>
          <SafetyOutlined />
          两步验证
          {s && (s.enabled ? <Tag color="green">已启用</Tag> : <Tag>未启用</Tag>)}
        </Space>
      }
      loading={status.loading && !s}
      data-testid="two-factor-card"
    >
      {user?.twoFactor?.setupRequired && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="您的角色要求使用两步验证"
          description="请先完成下面的设置，之后才能使用系统的其他功能。"
        />
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      {s?.enabled ? (
        <>
          <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label="启用时间">{formatDateTime(s.enabledAt)}</Descriptions.Item>
            <Descriptions.Item label="剩余恢复码">
              {s.recoveryCodesLeft} 个
              {s.recoveryCodesLeft <= 3 && <Typography.Text type="warning">（不多了，用完后请联系管理员重置）</Typography.Text>}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary">
            登录时除密码外，还需输入验证器应用（如微信小程序“腾讯身份验证器”、Google Authenticator、Microsoft Authenticator）显示的 6
            位验证码。
          </Typography.Paragraph>
          <Tooltip title={s.required ? '您的角色必须使用两步验证，不能停用；更换手机请联系管理员重置' : undefined}>
            <Button danger disabled={s.required} onClick={() => setDisabling(true)}>
              停用两步验证
            </Button>
          </Tooltip>
        </>
      ) : enrolment ? (
        <>
          <Steps
            orientation="vertical"
            size="small"
            current={1}
            items={[
              {
                title: '用验证器应用扫描二维码，或手动输入密钥',
                description: (
                  <Space align="start" size="large" wrap style={{ marginTop: 8 }}>
                    <QRCode value={enrolment.otpauthUri} size={168} bordered />
                    <div style={{ maxWidth: 560 }}>
                      <Typography.Text type="secondary">密钥（基于时间，6 位，30 秒）</Typography.Text>
                      <Typography.Paragraph
                        copyable={{ text: enrolment.secret }}
                        style={{ fontFamily: 'monospace', fontSize: 18, letterSpacing: 1, marginBottom: 8, whiteSpace: 'nowrap' }}
                        data-testid="totp-secret"
                      >
                        {groupedKey(enrolment.secret)}
                      </Typography.Paragraph>
                      <Typography.Text type="secondary">otpauth 链接</Typography.Text>
                      <Typography.Paragraph
                        copyable
                        ellipsis={{ rows: 2, tooltip: enrolment.otpauthUri }}
                        style={{ fontFamily: 'monospace', fontSize: 12 }}
                      >
                        {enrolment.otpauthUri}
                      </Typography.Paragraph>
                    </div>
                  </Space>
                ),
              },
              {
                title: '输入应用中显示的 6 位验证码，确认启用',
                description: (
                  <Space style={{ marginTop: 8 }} wrap>
                    <Input.OTP length={6} value={code} onChange={setCode} formatter={(v) => v.replace(/\D/g, '')} aria-label="验证码" />
                    <Button type="primary" loading={busy} disabled={!/^\d{6}$/.test(code)} onClick={() => void confirm()}>
                      确认启用
                    </Button>
                    <Button onClick={() => setEnrolment(null)}>取消</Button>
                  </Space>
                ),
              },
            ]}
          />
        </>
      ) : (
        <>
          <Typography.Paragraph>
            启用后，登录时除密码外还需输入手机上验证器应用显示的 6 位验证码，密码泄露也不会被他人登录。
          </Typography.Paragraph>
          <Button type="primary" icon={<SafetyOutlined />} loading={busy} onClick={() => void begin()}>
            开始设置
          </Button>
        </>
      )}
      <RecoveryCodesModal
        codes={recoveryCodes}
        onClose={() => {
          setRecoveryCodes(null);
          message.success('两步验证已启用');
          if (leaveAfterCodes) navigate('/', { replace: true });
        }}
      />
      <FormModal<{ code: string }>
        title="停用两步验证"
        open={disabling}
        onClose={() => setDisabling(false)}
        okText="停用"
        width={420}
        onSubmit={async (v) => {
          await post('/auth/two-factor/disable', { code: v.code.trim() });
          message.success('两步验证已停用');
          status.reload();
        }}
      >
        <Form.Item name="code" label="验证码或恢复码" rules={[{ required: true, message: '请输入当前验证码或一个恢复码' }]}>
          <Input autoComplete="off" placeholder="6 位验证码，或 xxxxx-xxxxx" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

/** The recovery codes, shown once after enrolment; closes only when the user says they kept them. */
function RecoveryCodesModal({ codes, onClose }: { codes: string[] | null; onClose(): void }) {
  return (
    <Modal
      title="请保存恢复码"
      open={!!codes}
      closable={false}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          我已妥善保存
        </Button>
      }
      width={480}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="恢复码只显示这一次"
        description="手机丢失或无法使用验证器时，可用恢复码代替验证码登录，每个只能用一次。请抄写或打印后妥善保管，不要存放在手机里。"
      />
      <div
        data-testid="recovery-codes"
        style={{
          display: 'grid',
          gridTemplateColumns: '1fr 1fr',
          gap: '8px 24px',
          padding: 16,
          background: '#fafafa',
          border: '1px solid #f0f0f0',
          borderRadius: 8,
          fontFamily: 'monospace',
          fontSize: 16,
          textAlign: 'center',
        }}
      >
        {codes?.map((c) => (
          <span key={c}>{c}</span>
        ))}
      </div>
      <Typography.Paragraph copyable={{ text: codes?.join('\n') ?? '' }} style={{ marginTop: 12, marginBottom: 0, textAlign: 'right' }}>
        复制全部
      </Typography.Paragraph>
    </Modal>
  );
}

const browsers: [RegExp, string][] = [
  [/MicroMessenger\/(\d+)/, '微信'],
  [/Edg\/(\d+)/, 'Edge'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/Chrom(?:e|ium)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+).*Safari\//, 'Safari'],
];
const systems: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Mac OS X/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** "Chrome 130 · Windows" from a user agent (the full string is in the tooltip). */
export function deviceOf(userAgent: string | null): string {
  if (!userAgent) return '未知';
  const browser = browsers.map(([re, name]) => [re.exec(userAgent), name] as const).find(([m]) => m);
  const system = systems.find(([re]) => re.test(userAgent))?.[1];
  const browserText = browser ? `${browser[1]} ${browser[0]![1]}` : userAgent.slice(0, 40);
  return system ? `${browserText} · ${system}` : browserText;
}

function SessionsCard() {
  const { message } = App.useApp();
  const sessions = useLoad(() => get<OwnSession[]>('/auth/sessions'), []);
  const others = (sessions.data ?? []).filter((s) => !s.current).length;

  const end = async (id: string) => {
    try {
      await del(`/auth/sessions/${id}`);
      message.success('已退出该会话');
    } catch (err) {
      message.error(errorText(err));
    }
    sessions.reload();
  };
  const endOthers = async () => {
    try {
      const { ended } = await post<{ ended: number }>('/auth/sessions/sign-out-others');
      message.success(`已退出其他 ${ended} 个会话`);
    } catch (err) {
      message.error(errorText(err));
    }
    sessions.reload();
  };

  return (
    <Card
      title="登录会话"
      data-testid="sessions-card"
      extra={
        <Popconfirm
          title="退出其他全部会话？"
          description="其他电脑和手机上的登录将立即失效，本会话保留。"
          onConfirm={() => endOthers()}
          disabled={others === 0}
        >
          <Button icon={<LogoutOutlined />} disabled={others === 0}>
            退出其他全部会话
          </Button>
        </Popconfirm>
      }
    >
      <Table<OwnSession>
        rowKey="id"
        size="middle"
        loading={sessions.loading}
        locale={{ emptyText: <ListEmpty loading={sessions.loading} text="没有登录会话" /> }}
        dataSource={sessions.data ?? []}
        pagination={false}
        columns={[
          { title: '登录时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: '最近活动', dataIndex: 'lastSeenAt', render: (v: string) => formatDateTime(v) },
          { title: '网络地址', dataIndex: 'source', render: (v: string | null) => v ?? '—' },
          {
            title: '浏览器',
            dataIndex: 'userAgent',
            render: (v: string | null) => (
              <Tooltip title={v}>
                <span>{deviceOf(v)}</span>
              </Tooltip>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 140,
            render: (_: unknown, row) =>
              row.current ? (
                <Tag color="blue">当前会话</Tag>
              ) : (
                <Popconfirm title="退出该会话？" onConfirm={() => end(row.id)}>
                  <Button size="small">退出</Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
