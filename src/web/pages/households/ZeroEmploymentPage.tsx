// 零就业家庭 (AID-3): the cases with counts by status, status tabs, the deadline in red once
// overdue, 超期督办 and 补录 notes, the caseworker, and a link to each case; clerks narrow the list
// to their own cases or to those without a caseworker. A second tab holds the month's figures.
import { useSearchParams } from 'react-router-dom';
import { Card, Col, Row, Segmented, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import { hasRole, useUser } from '../../auth.js';
import { DeadlineText } from '../../components/DeadlineText.js';
import { PageLink } from '../../components/PageLink.js';
import { PagedTable } from '../../components/PagedTable.js';
import { RegionLabel } from '../../components/RegionLabel.js';
import { useStatusCounts } from '../../hooks.js';
import { caseResolutionNames, caseStatusColors, caseStatusNames } from '../../labels.js';
import type { CaseStatus } from '../../types.js';
import { CaseMonthCard } from './CaseMonthCard.js';
import { casesPath, type CaseItem } from './caseTypes.js';

const statuses: CaseStatus[] = ['open', 'due_soon', 'overdue', 'resolved'];

/** Whose cases a clerk looks at. */
type Who = 'all' | 'mine' | 'unassigned';
const whoNames: Record<Who, string> = { all: '全部个案', mine: '我承办的', unassigned: '未指定承办人' };
const whoQuery = (who: Who) => ({ mine: who === 'mine' ? true : undefined, unassigned: who === 'unassigned' ? true : undefined });

const cardColors: Record<CaseStatus, string> = { open: '#1f5fbf', due_soon: '#d48806', overdue: '#cf1322', resolved: '#389e0d' };

/** The status tag of a case with 超期督办 when it is escalated. */
export function CaseStatusTags({ status, escalated }: { status: CaseStatus; escalated: boolean }) {
  return (
    <Space size={4} wrap={false}>
      <Tag color={caseStatusColors[status]} style={{ marginInlineEnd: 0 }}>
        {caseStatusNames[status] ?? status}
      </Tag>
      {escalated && (
        <Tag color="#cf1322" style={{ marginInlineEnd: 0 }} data-testid="escalated">
          超期督办
        </Tag>
      )}
    </Space>
  );
}

/** A case's deadline with the days left, in warning or danger colour as the case nears or passes it. */
export function CaseDeadlineText({ deadline, status }: { deadline: string; status: CaseStatus }) {
  return <DeadlineText deadline={deadline} state={status === 'resolved' ? 'settled' : status} />;
}

/** The list of cases with its counts. */
function CasesView({ isClerk }: { isClerk: boolean }) {
  const [params, setParams] = useSearchParams();
  const tab = (statuses as string[]).includes(params.get('status') ?? '') ? (params.get('status') as CaseStatus) : 'all';
  const whoParam = params.get('who');
  const who: Who = isClerk && (whoParam === 'mine' || whoParam === 'unassigned') ? whoParam : 'all';
  const counts = useStatusCounts(casesPath, statuses, whoQuery(who));
  const set = (key: string, value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value === 'all') next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={16}>
        {statuses.map((s) => (
          <Col key={s} xs={12} lg={6}>
            <Card
              hoverable
              onClick={() => set('status', s)}
              data-testid={`case-count-${s}`}
              style={tab === s ? { borderColor: cardColors[s] } : undefined}
            >
              <Statistic
                title={caseStatusNames[s]}
                value={counts.data?.[s] ?? '—'}
                suffix="户"
                loading={counts.loading && !counts.data}
                styles={{ content: { color: cardColors[s] } }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <PagedTable<CaseItem>
        title="零就业家庭个案"
        path={casesPath}
        rowKey="id"
        exportName="零就业家庭"
        extraQuery={{ status: tab === 'all' ? undefined : tab, ...whoQuery(who) }}
        emptyText={
          who === 'mine'
            ? '没有由您承办的个案'
            : who === 'unassigned'
              ? '所有个案都已指定承办人'
              : '管辖范围内没有零就业家庭；家庭成员均登记失业时自动认定'
        }
        header={
          <Tabs
            activeKey={tab}
            onChange={(k) => set('status', k)}
            tabBarExtraContent={
              isClerk && (
                <Segmented<Who>
                  aria-label="承办范围"
                  value={who}
                  onChange={(v) => set('who', v)}
                  options={(Object.keys(whoNames) as Who[]).map((w) => ({ value: w, label: whoNames[w] }))}
                />
              )
            }
            items={[
              { key: 'all', label: '全部' },
              ...statuses.map((s) => ({ key: s, label: `${caseStatusNames[s]}${counts.data ? `（${counts.data[s]}）` : ''}` })),
            ]}
          />
        }
        columns={[
          {
            title: '户主',
            dataIndex: 'headName',
            render: (n: string | null, c) => <PageLink to={`/households/${c.householdId}`}>{n ?? '—'}</PageLink>,
          },
          { title: '家庭住址', dataIndex: 'address', render: (a: string | null) => a || '（未登记住址）' },
          {
            title: '所在社区',
            dataIndex: 'regionCode',
            render: (code: string, c) => c.communityName ?? <RegionLabel prefix={code} />,
          },
          {
            title: '认定日期',
            dataIndex: 'detectedOn',
            render: (d: string, c) =>
              c.overdueOnEntry ? (
                <Space orientation="vertical" size={0}>
                  <span>{d}</span>
                  <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="late-entry" title={`${c.recordedOn} 录入`}>
                    补录时已超期
                  </Typography.Text>
                </Space>
              ) : (
                d
              ),
          },
          { title: '解决期限', dataIndex: 'deadline', render: (d: string, c) => <CaseDeadlineText deadline={d} status={c.status} /> },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: CaseStatus, c) => <CaseStatusTags status={s} escalated={c.escalated} />,
          },
          {
            title: '承办人',
            dataIndex: 'caseworkerName',
            render: (n: string | null, c) =>
              n ?? (c.status === 'resolved' ? '—' : <Typography.Text type="warning">未指定</Typography.Text>),
          },
          {
            title: '解决日期',
            dataIndex: 'resolvedOn',
            render: (d: string | null, c) =>
              d ? (
                <Space orientation="vertical" size={0}>
                  <span>{d}</span>
                  {c.resolution && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {caseResolutionNames[c.resolution] ?? c.resolution}
                    </Typography.Text>
                  )}
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_: unknown, c) => (
              <PageLink to={`/zero-employment/${c.id}`}>{isClerk && c.status !== 'resolved' ? '办理' : '查看'}</PageLink>
            ),
          },
        ]}
      />
    </Space>
  );
}

/** The page at /zero-employment: 个案清单 and 月度情况. */
export function ZeroEmploymentPage() {
  const user = useUser();
  const isClerk = hasRole(user, 'clerk');
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'month' ? 'month' : 'cases';
  return (
    <Tabs
      activeKey={view}
      onChange={(k) => setParams(k === 'month' ? { view: 'month' } : {}, { replace: true })}
      items={[
        { key: 'cases', label: '个案清单', children: <CasesView isClerk={isClerk} /> },
        { key: 'month', label: '月度情况', children: <CaseMonthCard /> },
      ]}
    />
  );
}
