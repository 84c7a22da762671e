// 我的 on the public site (JOB-7): the seeker's or the employer's own page; a visitor without an
// account is asked to sign in here rather than sent away (never to the staff login).
import { Link } from 'react-router-dom';
import { Button, Result, Skeleton, Space, Typography } from 'antd';
import { EmployerHome } from './EmployerHome.js';
import { MyAccessLog } from './MyAccessLog.js';
import { accountName, loginLink, usePublicAccount } from './publicAccount.js';
import { SeekerHome } from './SeekerHome.js';

/** The page of the signed-in account. */
export function MyPage() {
  const { account } = usePublicAccount();
  if (account === undefined) return <Skeleton active />;
  if (!account) {
    return (
      <Result
        status="info"
        title="请先登录"
        subTitle="求职者登录后可以填写求职意向、查看推荐岗位并在线投递；用人单位登录后可以发布岗位、查看投递。注册和使用均免费。"
        extra={
          <Space>
            <Link to={loginLink('/jobs/me')}>
              <Button type="primary">登录</Button>
            </Link>
            <Link to="/jobs/register">
              <Button>免费注册</Button>
            </Link>
          </Space>
        }
      />
    );
  }
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="my-title">
        {accountName(account)}
        <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400, marginLeft: 8 }}>
          {account.kind === 'seeker' ? '求职者' : '用人单位'}
        </Typography.Text>
      </Typography.Title>
      {account.kind === 'seeker' ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <SeekerHome account={account} />
          <MyAccessLog />
        </Space>
      ) : (
        <EmployerHome account={account} />
      )}
    </>
  );
}
