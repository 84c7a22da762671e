// 零就业家庭 (AID-3): counts by case status, and the cases with status tabs, the deadline in red
// once overdue, a link to each household, and Excel export.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Row, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import { get } from '../../api.js';
import { PagedTable } from '../../components/PagedTable.js';
import { RegionLabel } from '../../components/RegionLabel.js';
import { deadlineText } from '../../format.js';
import { useLoad } from '../../hooks.js';
import { caseResolutionNames, caseStatusColors, caseStatusNames } from '../../labels.js';
import type { CaseStatus, Paged, ZeroEmploymentCase } from '../../types.js';

const statuses: CaseStatus[] = ['open', 'due_soon', 'overdue', 'resolved'];
const path = '/assistance/zero-employment-cases';

/** The number of cases of each status (the list's total, one row asked for). */
function useCaseCounts() {
  return useLoad(async () => {
    const totals = await Promise.all(
      statuses.map((status) => get<Paged<ZeroEmploymentCase>>(path, { status, pageSize: 1 }).then((r) => r.total)),
    );
    return Object.fromEntries(statuses.map((s, i) => [s, totals[i] ?? 0])) as Record<CaseStatus, number>;
  }, []);
}

const cardColors: Record<CaseStatus, string> = { open: '#1f5fbf', due_soon: '#d48806', overdue: '#cf1322', resolved: '#389e0d' };

/** The dashboard page. */
export function ZeroEmploymentPage() {
  const counts = useCaseCounts();
  const [tab, setTab] = useState<CaseStatus | 'all'>('all');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={16}>
        {statuses.map((s) => (
          <Col key={s} xs={12} lg={6}>
            <Card
              hoverable
              onClick={() => setTab(s)}
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
      <PagedTable<ZeroEmploymentCase>
        title="零就业家庭个案"
        path={path}
        rowKey="id"
        exportName="零就业家庭"
        extraQuery={{ status: tab === 'all' ? undefined : tab }}
        header={
          <Tabs
            activeKey={tab}
            onChange={(k) => setTab(k as CaseStatus | 'all')}
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
            render: (n: string | null, c) => <Link to={`/households/${c.householdId}`}>{n ?? '—'}</Link>,
          },
          { title: '家庭住址', dataIndex: 'address', render: (a: string | null) => a || '（未登记住址）' },
          { title: '所在社区', dataIndex: 'regionCode', render: (code: string) => <RegionLabel prefix={code} /> },
          { title: '认定日期', dataIndex: 'detectedOn' },
          {
            title: '解决期限',
            dataIndex: 'deadline',
            render: (d: string, c) =>
              c.status === 'resolved' ? (
                d
              ) : (
                <Space size={4}>
                  <Typography.Text
                    type={c.status === 'overdue' ? 'danger' : c.status === 'due_soon' ? 'warning' : undefined}
                    strong={c.status === 'overdue'}
                  >
                    {d}
                  </Typography.Text>
                  <Typography.Text type={c.status === 'overdue' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                    {deadlineText(d)}
                  </Typography.Text>
                </Space>
              ),
          },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: CaseStatus) => <Tag color={caseStatusColors[s]}>{caseStatusNames[s] ?? s}</Tag>,
          },
          {
            title: '解决日期',
            dataIndex: 'resolvedOn',
            render: (d: string | null, c) =>
              d ? `${d}${c.resolution ? `（${caseResolutionNames[c.resolution] ?? c.resolution}）` : ''}` : '—',
          },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_: unknown, c) => <Link to={`/households/${c.householdId}`}>查看家庭</Link>,
          },
        ]}
      />
    </Space>
  );
}
