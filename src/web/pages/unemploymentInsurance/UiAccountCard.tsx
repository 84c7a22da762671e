// 失业保险个人账户 (UI-1): the contribution months from the first to the last with the gaps, what the
// person paid and on which base, and which claim counted each month; above the table the totals a
// clerk asks first (months paid, since when, gaps, months no claim has counted yet).
import { useEffect, useState } from 'react';
import { Card, Descriptions, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { get } from '../../api.js';
import { ListEmpty } from '../../components/PagedTable.js';
import { useLoad } from '../../hooks.js';
import type { Employer } from '../../types.js';
import { accountApi, claimPath, yuanText, type AccountMonth, type UiAccount } from './uiTypes.js';

/** Names of the employers (those the user may read; others by the start of their id). */
export function useEmployerNames(ids: string[]): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    let live = true;
    const missing = key.split(',').filter((id) => id && !(id in names));
    if (missing.length === 0) return;
    void Promise.all(
      missing.map((id) =>
        get<Employer>(`/employers/${id}`)
          .then((e) => [id, e.name] as const)
          .catch(() => [id, `单位 ${id.slice(0, 8)}`] as const),
      ),
    ).then((found) => live && setNames((held) => ({ ...held, ...Object.fromEntries(found) })));
    return () => {
      live = false;
    };
    // Only a new set of ids asks again (names already known are not asked for).
  }, [key]);
  return names;
}

/** The summary line of an account: 累计缴费, 首次缴费, 中断, 未被申领计算. */
export function AccountSummary({ account }: { account: UiAccount }) {
  const gaps = account.months.filter((m) => !m.contributed).length;
  return (
    <Descriptions
      size="small"
      style={{ marginBottom: 12 }}
      column={{ xs: 1, md: 2, xl: 4 }}
      data-testid="ui-account-summary"
      items={[
        { key: 'months', label: '累计缴费', children: `${account.contributionMonths} 个月` },
        { key: 'since', label: '首次缴费', children: account.since ?? '无缴费记录' },
        {
          key: 'gaps',
          label: '中断',
          children: gaps > 0 ? <Typography.Text type="warning">{gaps} 个月</Typography.Text> : '无',
        },
        { key: 'unused', label: '未被申领计算', children: `${account.unusedMonths} 个月` },
      ]}
    />
  );
}

/** The account's months, newest first. */
export function AccountMonthsTable({
  account,
  pageSize = 12,
  compact = false,
}: {
  account: UiAccount;
  pageSize?: number;
  /** Month, employer, paid and status only (a narrow column). */
  compact?: boolean;
}) {
  const names = useEmployerNames(account.months.flatMap((m) => m.employerIds));
  const rows = [...account.months].reverse();
  const narrow = new Set(['baseFen', 'usedByClaimId']);
  return (
    <Table<AccountMonth>
      rowKey="month"
      size="small"
      dataSource={rows}
      data-testid="ui-account-months"
      pagination={rows.length > pageSize ? { pageSize, showSizeChanger: false, size: 'small' } : false}
      locale={{ emptyText: '没有缴费记录' }}
      columns={[
        { title: '月份', dataIndex: 'month', width: 90 },
        {
          title: '缴费单位',
          dataIndex: 'employerIds',
          ellipsis: compact,
          render: (ids: string[]) => (ids.length ? ids.map((id) => names[id] ?? '…').join('、') : '—'),
        },
        {
          title: '缴费基数（元）',
          dataIndex: 'baseFen',
          align: 'right' as const,
          render: (f: number, m: AccountMonth) => (m.contributed ? <span className="num">{yuanText(f)}</span> : '—'),
        },
        {
          title: '实缴（元）',
          dataIndex: 'paidFen',
          align: 'right' as const,
          render: (f: number, m: AccountMonth) => (m.contributed ? <span className="num">{yuanText(f)}</span> : '—'),
        },
        {
          title: '状态',
          dataIndex: 'contributed',
          render: (c: boolean) => (c ? <Tag color="green">已缴费</Tag> : <Tag color="orange">中断</Tag>),
        },
        {
          title: '申领计算',
          dataIndex: 'usedByClaimId',
          render: (id: string | null, m: AccountMonth) =>
            id ? (
              <Link to={claimPath(id)}>已被申领计算</Link>
            ) : m.contributed ? (
              <Typography.Text type="secondary">未计算</Typography.Text>
            ) : (
              ''
            ),
        },
      ].filter((c) => !compact || !narrow.has(c.dataIndex))}
    />
  );
}

/** The card: the person's account loaded (again when `version` changes). */
export function UiAccountCard({
  personId,
  version = 0,
  title = '失业保险个人账户',
}: {
  personId: string;
  version?: number;
  title?: string;
}) {
  const account = useLoad(() => get<UiAccount>(accountApi(personId)), [personId, version]);
  const a = account.data?.personId === personId ? account.data : undefined;
  return (
    <Card title={title} size="small" data-testid="ui-account">
      {a ? (
        <>
          <AccountSummary account={a} />
          <AccountMonthsTable account={a} />
        </>
      ) : (
        <ListEmpty loading={account.loading} failed={!!account.error} text="没有缴费记录" />
      )}
    </Card>
  );
}
