// 走访安排 (AID-2): the recognised persons in scope by the state of their visits, of one caseworker
// (本人 for a clerk) or without one, with counts, soonest due first and an Excel export; names open
// the person page, where the caseworker records the visit.
import { useSearchParams } from 'react-router-dom';
import { Segmented, Space, Tabs, Typography } from 'antd';
import { hasRole, useUser } from '../../auth.js';
import { DeadlineText } from '../../components/DeadlineText.js';
import { PageLink } from '../../components/PageLink.js';
import { PagedTable } from '../../components/PagedTable.js';
import { useStatusCounts } from '../../hooks.js';
import type { VisitScheduleItem } from '../../types.js';

const path = '/assistance/visits';
const statuses = ['overdue', 'due_soon', 'scheduled'] as const;
type Status = (typeof statuses)[number];
const statusNames: Record<Status, string> = { overdue: '已逾期', due_soon: '即将到期', scheduled: '未到期' };
type Who = 'all' | 'mine' | 'unassigned';
const whoQuery = (who: Who) => (who === 'mine' ? { mine: true } : who === 'unassigned' ? { unassigned: true } : {});

export function VisitsPage() {
  const user = useUser();
  const isClerk = hasRole(user, 'clerk');
  const [params, setParams] = useSearchParams();
  const tab: Status | 'all' = statuses.find((s) => s === params.get('status')) ?? 'all';
  const who: Who = params.get('unassigned') ? 'unassigned' : isClerk && params.get('mine') ? 'mine' : 'all';
  const counts = useStatusCounts(path, statuses, whoQuery(who));
  const set = (changes: Record<string, string | null>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(changes))
          if (v === null) next.delete(k);
          else next.set(k, v);
        return next;
      },
      { replace: true },
    );
  return (
    <PagedTable<VisitScheduleItem>
      title="走访安排"
      path={path}
      rowKey="personId"
      exportName="就业困难人员走访"
      extraQuery={{ status: tab === 'all' ? undefined : tab, ...whoQuery(who) }}
      emptyText={who === 'unassigned' ? '所有有效认定的就业困难人员都已指定援助责任人' : '没有符合条件的人员'}
      header={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Segmented<Who>
            value={who}
            onChange={(v) => set({ mine: v === 'mine' ? '1' : null, unassigned: v === 'unassigned' ? '1' : null })}
            options={[
              { value: 'all', label: '辖区全部' },
              ...(isClerk ? [{ value: 'mine' as Who, label: '本人负责' }] : []),
              { value: 'unassigned', label: '未指定责任人' },
            ]}
          />
          <Tabs
            activeKey={tab}
            onChange={(k) => set({ status: k === 'all' ? null : k })}
            tabBarExtraContent={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                下次应走访 = 上次走访（未走访的自认定之日）+ 走访间隔（政策参数）
              </Typography.Text>
            }
            items={[
              { key: 'all', label: '全部' },
              ...statuses.map((s) => ({ key: s, label: `${statusNames[s]}${counts.data ? `（${counts.data[s]}）` : ''}` })),
            ]}
          />
        </Space>
      }
      columns={[
        {
          title: '姓名',
          dataIndex: 'name',
          render: (name: string, r) => (
            <Space orientation="vertical" size={0}>
              <PageLink to={`/persons/${r.personId}`}>{name}</PageLink>
              <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
                {r.idNumber}
              </Typography.Text>
            </Space>
          ),
        },
        { title: '社区（村）', dataIndex: 'regionName' },
        { title: '认定日期', dataIndex: 'recognisedSince' },
        { title: '援助责任人', render: (_, r) => r.caseworkerName ?? <Typography.Text type="warning">未指定</Typography.Text> },
        { title: '上次走访', render: (_, r) => r.lastVisitOn ?? '尚未走访' },
        {
          title: '应走访日期',
          render: (_, r) => (
            <DeadlineText deadline={r.nextVisitDue} state={r.status === 'scheduled' ? 'open' : (r.status as 'overdue' | 'due_soon')} />
          ),
        },
      ]}
    />
  );
}
