// 失业保险 on the one-stop person page (UI-1, UI-2): the individual account in one line (months paid,
// since, gaps, months not counted yet) and the person's benefit claims with status and amount, each
// linked to its page; for the roles that read unemployment insurance.
import { Card, Space, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { get } from '../../api.js';
import { ListEmpty } from '../../components/PagedTable.js';
import { useLoad } from '../../hooks.js';
import type { Paged } from '../../types.js';
import { accountApi, claimPath, claimsApi, claimsPath, ClaimStatusTag, yuanText, type ClaimItem, type UiAccount } from './uiTypes.js';

export function PersonUiCard({ personId, version }: { personId: string; version: number }) {
  const account = useLoad(() => get<UiAccount>(accountApi(personId)), [personId, version]);
  const claims = useLoad(() => get<Paged<ClaimItem>>(claimsApi, { personId, pageSize: 100 }), [personId, version]);
  const a = account.data?.personId === personId ? account.data : undefined;
  const gaps = a ? a.months.filter((m) => !m.contributed).length : 0;
  return (
    <Card title="失业保险" size="small" data-testid="person-ui" extra={<Link to={claimsPath}>失业保险金申领</Link>}>
      <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="person-ui-account">
        {a ? (
          a.contributionMonths > 0 ? (
            <>
              累计缴费 <strong>{a.contributionMonths}</strong> 个月（{a.since} 起{gaps > 0 ? `，中断 ${gaps} 个月` : ''}），未被申领计算{' '}
              {a.unusedMonths} 个月
            </>
          ) : (
            <Typography.Text type="secondary">没有失业保险缴费记录</Typography.Text>
          )
        ) : account.error ? (
          <Typography.Text type="secondary">未能加载个人账户</Typography.Text>
        ) : (
          <Typography.Text type="secondary">正在加载…</Typography.Text>
        )}
      </Typography.Paragraph>
      <Table<ClaimItem>
        rowKey="id"
        size="small"
        loading={claims.loading}
        dataSource={claims.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <ListEmpty loading={claims.loading && !claims.data} failed={!!claims.error} text="没有失业保险金申领" /> }}
        columns={[
          {
            title: '申领',
            dataIndex: 'separationDate',
            render: (d: string, c) => (
              <Space orientation="vertical" size={0}>
                <Link to={claimPath(c.id)} style={{ whiteSpace: 'nowrap' }}>
                  {c.entitlementMonths} 个月，{c.startMonth} 起
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  离职 {d}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: <span style={{ whiteSpace: 'nowrap' }}>每月（元）</span>,
            dataIndex: 'monthlyAmountFen',
            align: 'right',
            render: (f: number) => <span className="num">{yuanText(f)}</span>,
          },
          { title: '状态', dataIndex: 'status', render: (s: ClaimItem['status']) => <ClaimStatusTag status={s} /> },
        ]}
      />
    </Card>
  );
}
