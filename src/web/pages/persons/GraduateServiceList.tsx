// 一对一服务 (AID-6): the registered unemployed graduates in scope with their checklist, soonest
// deadline first, by status with counts (服务中 holds the 即将到期 ones too), and its Excel export;
// names open the person page, where clerks record the missing services.
import { useSearchParams } from 'react-router-dom';
import { Space, Tabs, Tag, Typography } from 'antd';
import { hasRole, useUser } from '../../auth.js';
import { DeadlineText } from '../../components/DeadlineText.js';
import { PageLink } from '../../components/PageLink.js';
import { PagedTable } from '../../components/PagedTable.js';
import { RegionLabel } from '../../components/RegionLabel.js';
import { useStatusCounts } from '../../hooks.js';
import { graduateServiceStatusColors, graduateServiceStatusNames } from '../../labels.js';
import type { GraduateServiceItem, GraduateServiceStatus } from '../../types.js';
import { GivenMark, VacanciesMark } from './graduateChecklist.js';

const path = '/assistance/graduate-service';
const statuses: GraduateServiceStatus[] = ['open', 'due_soon', 'overdue', 'complete'];
type Tab = GraduateServiceStatus | 'all';

const emptyTexts: Record<Tab, string> = {
  all: '管辖范围内没有登记失业的高校毕业生。填写了毕业年份（或人员类别含“高校毕业生”）的人员办理失业登记后，即列入“一对一”服务。',
  open: '没有服务时限内尚未完成服务的高校毕业生',
  due_soon: '没有即将到期的高校毕业生',
  overdue: '没有超过服务时限仍未完成服务的高校毕业生',
  complete: '还没有已完成“一对一”服务的高校毕业生',
};

/** The list, its status in the address bar (?status=) so a link or a reload keeps the tab. */
export function GraduateServiceList() {
  const user = useUser();
  const canWrite = hasRole(user, 'clerk');
  const [params, setParams] = useSearchParams();
  const asked = params.get('status');
  const tab: Tab = statuses.find((s) => s === asked) ?? 'all';
  const counts = useStatusCounts(path, statuses);
  // Every graduate is open (due soon ones included), overdue or complete.
  const all = counts.data ? counts.data.open + counts.data.overdue + counts.data.complete : undefined;
  const countOf = (n: number | undefined) => (n === undefined ? '' : `（${n}）`);
  const setTab = (key: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (key === 'all') next.delete('status');
        else next.set('status', key);
        return next;
      },
      { replace: true },
    );
  return (
    <PagedTable<GraduateServiceItem>
      title="高校毕业生“一对一”服务"
      path={path}
      rowKey="personId"
      exportName="高校毕业生一对一服务"
      extraQuery={{ status: tab === 'all' ? undefined : tab }}
      emptyText={emptyTexts[tab]}
      header={
        <Tabs
          activeKey={tab}
          onChange={setTab}
          tabBarExtraContent={
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              服务时限自登记失业之日起算；“服务中”含即将到期
            </Typography.Text>
          }
          items={[
            { key: 'all', label: `全部${countOf(all)}` },
            ...statuses.map((s) => ({ key: s, label: `${graduateServiceStatusNames[s]}${countOf(counts.data?.[s])}` })),
          ]}
        />
      }
      columns={[
        {
          title: '姓名',
          dataIndex: 'name',
          render: (name: string, g) => (
            <Space orientation="vertical" size={0}>
              <PageLink to={`/persons/${g.personId}`}>{name}</PageLink>
              <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
                {g.idNumber}
              </Typography.Text>
            </Space>
          ),
        },
        { title: '所在社区', dataIndex: 'regionCode', render: (code: string) => <RegionLabel prefix={code} nameOnly /> },
        {
          title: '毕业院校',
          dataIndex: 'school',
          render: (school: string | null, g) => (
            <Space orientation="vertical" size={0}>
              <span>{school ?? '—'}</span>
              {g.graduationYear !== null ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {g.graduationYear} 年毕业
                </Typography.Text>
              ) : null}
            </Space>
          ),
        },
        { title: '登记失业日期', dataIndex: 'since' },
        {
          title: '服务时限',
          dataIndex: 'deadline',
          render: (d: string, g) => <DeadlineText deadline={d} state={g.status === 'complete' ? 'settled' : g.status} />,
        },
        { title: '政策咨询', dataIndex: 'consultation', render: (v: boolean) => <GivenMark given={v} /> },
        { title: '职业指导', dataIndex: 'guidance', render: (v: boolean) => <GivenMark given={v} /> },
        {
          title: '岗位信息',
          dataIndex: 'vacanciesOffered',
          render: (n: number, g) => <VacanciesMark offered={n} required={g.vacanciesRequired} />,
        },
        {
          title: '状态',
          dataIndex: 'status',
          render: (s: GraduateServiceStatus) => (
            <Tag color={graduateServiceStatusColors[s]} style={{ marginInlineEnd: 0 }}>
              {graduateServiceStatusNames[s]}
            </Tag>
          ),
        },
        {
          title: '操作',
          key: 'actions',
          fixed: 'right',
          render: (_: unknown, g) => <PageLink to={`/persons/${g.personId}`}>{canWrite ? '办理' : '查看'}</PageLink>,
        },
      ]}
    />
  );
}
