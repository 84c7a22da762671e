// The frame of every signed-in page: menu by role on the left, the user and their scope on top.
import { useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Button, Dropdown, Layout, Menu, Space, Spin, Tag, Tooltip, Typography, type MenuProps } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { roleNames } from '../../shared/roles.js';
import { useAuth } from '../auth.js';
import { useLoad } from '../hooks.js';
import { regionDetail } from '../regions.js';
import { pageAt, PagesContext, securityPath, type PageEntry } from '../pageEntry.js';
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
  const { user } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [changing, setChanging] = useState(false);
  const setupOnly = !!user!.twoFactor?.setupRequired;
  const items = pages
    .filter((p) => p.icon && !setupOnly && (!p.roles || p.roles.some((r) => user!.roles.includes(r))))
    .map((p) => ({ key: p.path, icon: p.icon, label: p.label }));
  const current = pageAt(pages, location.pathname);
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
            gap: 16,
            borderBottom: '1px solid #f0f0f0',
            whiteSpace: 'nowrap',
          }}
          data-testid="app-header"
        >
          <Typography.Text strong ellipsis={{ tooltip: current?.label }} style={{ fontSize: 16, flex: '1 1 auto', minWidth: 0 }}>
            {current?.label ?? ''}
          </Typography.Text>
          <UserBar onChangePassword={() => setChanging(true)} />
        </Header>
        <Content style={{ margin: 24 }}>
          <PagesContext.Provider value={pages}>
            <Outlet />
          </PagesContext.Provider>
        </Content>
      </Layout>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </Layout>
  );
}

/**
 * The right of the header on one line at 1280 px and up, whatever the unit is called: the
 * jurisdiction and the roles as tags (long names cut with the whole on hover), the user's name as
 * the menu that holds the unit, 账号安全 and 修改密码, and 退出登录 always in sight.
 */
function UserBar({ onChangePassword }: { onChangePassword(): void }) {
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  // The tag names the jurisdiction itself (营盘街道); the hover gives the whole chain and the code.
  const scope = useLoad(async () => (user!.scope === '' ? { name: '全国', fullName: '全国' } : regionDetail(user!.scope)), [user!.scope]);
  const roleText = user!.roles.map((r) => roleNames[r] ?? r).join('、');
  const menu: MenuProps['items'] = [
    {
      key: 'who',
      type: 'group',
      label: (
        <div style={{ maxWidth: 280, whiteSpace: 'normal' }} data-testid="user-menu-who">
          <Typography.Text strong>{user!.name}</Typography.Text>
          <Typography.Text type="secondary">（{user!.username}）</Typography.Text>
          <br />
          <Typography.Text type="secondary">{user!.unitName ?? '未分配机构'}</Typography.Text>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'security', icon: <SafetyOutlined />, label: '账号安全', onClick: () => navigate(securityPath) },
    { key: 'password', icon: <KeyOutlined />, label: '修改密码', onClick: onChangePassword },
  ];
  return (
    <Space size={12} wrap={false} style={{ flex: 'none' }}>
      <Tooltip title={`管辖范围：${scope.data?.fullName ?? ''}（区划代码前缀 ${user!.scope || '全国'}）`}>
        <Tag
          color="blue"
          style={{ marginInlineEnd: 0, maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'middle' }}
        >
          管辖：{scope.data?.name ?? user!.scope}
        </Tag>
      </Tooltip>
      <Tooltip title={roleText}>
        <Tag style={{ marginInlineEnd: 0, maxWidth: 200, overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'middle' }}>
          {user!.roles.length > 2 ? `${roleNames[user!.roles[0]!]}等 ${user!.roles.length} 个角色` : roleText}
        </Tag>
      </Tooltip>
      <Dropdown menu={{ items: menu }} trigger={['click']} placement="bottomRight">
        <Button type="text" data-testid="current-user" title={`${user!.name}（${user!.username}）· ${user!.unitName ?? '未分配机构'}`}>
          <UserOutlined />
          <span style={{ display: 'inline-block', maxWidth: 180, overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'bottom' }}>
            {user!.name}
          </span>
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <Button icon={<LogoutOutlined />} onClick={() => void logout()}>
        退出登录
      </Button>
    </Space>
  );
}
