// The frame of the public job board (JOB-7, JOB-8): no login, no side menu; a header with the
// four public services and the self-service account, and a footer naming the free services.
// Narrow screens stack it.
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { UserOutlined } from '@ant-design/icons';
import { useAuth } from '../../auth.js';
import { freeServices } from './boardFormat.js';
import { accountName, loginLink, PublicAccountProvider, usePublicAccount } from './publicAccount.js';
import './board.css';

const nav = [
  { to: '/jobs', label: '找工作' },
  { to: '/jobs/fairs', label: '招聘会' },
  { to: '/jobs/notices', label: '政策公告' },
  { to: '/jobs/verify', label: '介绍信核验' },
];

const accountPaths = ['/jobs/login', '/jobs/register', '/jobs/me'];

/** The nav entry of a path: a vacancy's page (/jobs/:id) belongs to 找工作; the account pages to none. */
function sectionOf(pathname: string): string | undefined {
  if (accountPaths.some((p) => pathname.startsWith(p))) return undefined;
  return nav.find((n) => n.to !== '/jobs' && pathname.startsWith(n.to))?.to ?? '/jobs';
}

/** Header, page, footer; the pages under /jobs render in the middle, with the public account known. */
export function PublicLayout() {
  return (
    <PublicAccountProvider>
      <BoardFrame />
    </PublicAccountProvider>
  );
}

/** 登录 / 注册 for a visitor; the account's name, 我的 and 退出 once signed in. */
function AccountLinks() {
  const { account, logout } = usePublicAccount();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  if (account === undefined) return <div className="board-account" />;
  if (!account) {
    // Back to the page the visitor was reading (a vacancy, a search); from the account pages or
    // the board's front page, on to 我的.
    const stay = !['/jobs', ...accountPaths].includes(pathname) || search !== '';
    const here = stay ? pathname + search : undefined;
    return (
      <div className="board-account">
        <Link to={here ? loginLink(here) : '/jobs/login'}>登录</Link>
        <span className="board-account-sep">/</span>
        <Link to="/jobs/register">注册</Link>
      </div>
    );
  }
  return (
    <div className="board-account" data-testid="account-bar">
      <span className="board-account-name" title={account.phone}>
        <UserOutlined /> {accountName(account)}
      </span>
      <Link to="/jobs/me">我的</Link>
      <button
        type="button"
        className="board-account-link"
        onClick={() => {
          void logout().then(() => navigate('/jobs'));
        }}
      >
        退出
      </button>
    </div>
  );
}

function BoardFrame() {
  const { user } = useAuth();
  const section = sectionOf(useLocation().pathname);
  return (
    <div className="board">
      <header className="board-header">
        <div className="board-wrap board-header-inner">
          <Link to="/jobs" className="board-brand">
            公共就业服务平台<span className="board-brand-sep"> · </span>
            <span className="board-brand-sub">招聘信息</span>
          </Link>
          <nav className="board-nav" aria-label="公共服务">
            {nav.map((n) => (
              <Link
                key={n.to}
                to={n.to}
                className={section === n.to ? 'active' : undefined}
                aria-current={section === n.to ? 'page' : undefined}
              >
                {n.label}
              </Link>
            ))}
          </nav>
          <AccountLinks />
        </div>
      </header>
      <main className="board-wrap board-main">
        <Outlet />
      </main>
      <footer className="board-footer">
        <div className="board-wrap">
          <p data-testid="free-services">
            公共就业服务“五免费”：{freeServices.join('、')}，一律免费。请到就近的街道（乡镇）劳动保障事务所或公共就业服务机构办理。
          </p>
          <p>政策咨询请拨打 12333 · {user ? <Link to="/">进入工作台</Link> : <Link to="/login">工作人员登录</Link>}</p>
        </div>
      </footer>
    </div>
  );
}
