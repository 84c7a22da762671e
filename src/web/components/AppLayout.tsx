// The frame of every signed-in page: menu by role on the left, the user and their scope on top.
import { useState } from 'react';
import { matchPath, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Button, Layout, Menu, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { roleNames } from '../../shared/roles.js';
import { useAuth } from '../auth.js';
import { useScopeName } from '../hooks.js';
import { securityPath, type PageEntry } from '../pageEntry.js';
import { ChangePasswordModal } from './ChangePasswordModal.js';

const { Header, Sider, Content } = Layout;

/** Waits for the session check, then shows the page inside the frame (or goes to login). */
export function AppLayout({ pages }: { pages: PageEntry[] }) {
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) {
    return (
      <div style={{ display: 'flex', height: '100vh', alignItems: 'center', justifyContent: 'center' }}>
        <Spin size="large" description="正在加载…" />
      </div>
    );
  }
  if (user === null) return <Navigate to={`/login?from=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  // A role that requires two-factor sign-in, not yet set up: the server allows only that page.
  if (user.twoFactor?.setupRequired && location.pathname !== securityPath) return <Navigate to={securityPath} replace />;
  return <Frame pages={pages} />;
}

function Frame({ pages }: { pages: PageEntry[] }) {
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [changing, setChanging] = useState(false);
  const scopeName = useScopeName(user!.scope);
  const setupOnly = !!user!.twoFactor?.setupRequired;
  const items = pages
    .filter((p) => p.icon && !setupOnly && (!p.roles || p.roles.some((r) => user!.roles.includes(r))))
    .map((p) => ({ key: p.path, icon: p.icon, label: p.label }));
  const current = currentPage(pages, location.pathname);
  const selected = current?.menuKey ?? current?.path;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={208} theme="dark" breakpoint="lg" collapsedWidth={64}>
        <div
          style={{ height: 64, display: 'flex', alignItems: 'center', padding: '0 16px', color: '#fff', fontWeight: 600, lineHeight: 1.3 }}
        >
          <span>
            OpenPES
            <br />
            <span style={{ fontSize: 12, fontWeight: 400, opacity: 0.85 }}>公共就业服务平台</span>
          </span>
        </div>
        <Menu theme="dark" mode="inline" selectedKeys={selected ? [selected] : []} items={items} onClick={(e) => navigate(e.key)} />
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Typography.Text strong style={{ fontSize: 16 }}>
            {current?.label ?? ''}
          </Typography.Text>
          <Space size="middle" wrap={false}>
            <Space size={4} data-testid="current-user">
              <UserOutlined />
              <Typography.Text strong>{user!.name}</Typography.Text>
              <Typography.Text type="secondary">（{user!.username}）</Typography.Text>
            </Space>
            <Typography.Text>{user!.unitName ?? '未分配机构'}</Typography.Text>
            <Tooltip title={`管辖范围：区划代码前缀 ${user!.scope || '（全国）'}`}>
              <Tag color="blue">管辖：{scopeName ?? user!.scope}</Tag>
            </Tooltip>
            <Tooltip title={user!.roles.map((r) => roleNames[r] ?? r).join('、')}>
              <Tag>
                {user!.roles.length > 2
                  ? `${roleNames[user!.roles[0]!]}等 ${user!.roles.length} 个角色`
                  : user!.roles.map((r) => roleNames[r] ?? r).join('、')}
              </Tag>
            </Tooltip>
            <Button icon={<SafetyOutlined />} onClick={() => navigate(securityPath)}>
              账号安全
            </Button>
            <Button icon={<KeyOutlined />} onClick={() => setChanging(true)}>
              修改密码
            </Button>
            <Button icon={<LogoutOutlined />} onClick={() => void logout()}>
              退出登录
            </Button>
          </Space>
        </Header>
        <Content style={{ margin: 24 }}>
          <Outlet />
        </Content>
      </Layout>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </Layout>
  );
}

/** The page whose path pattern matches; static paths win over parameters as in the router. */
function currentPage(pages: PageEntry[], pathname: string): PageEntry | undefined {
  const matching = pages.filter((p) => matchPath({ path: p.path, end: false }, pathname));
  return (
    matching.find((p) => !p.path.includes(':') && matchPath(p.path, pathname)) ??
    matching.find((p) => matchPath(p.path, pathname)) ??
    matching[0]
  );
}
