// 申领查询 and 申领审核 (UI-2): claims by status with paging and an Excel export; the review queue is
// the pending ones, each opened to be approved or rejected (except by the one who took it). Both
// narrow to the claims the user looks after (我负责的, the API's mine=true) or to one caseworker's
// (UI-4, caseworkerId=); the status tab and these filters are in the address, so a link or a
// reload keeps them.
import { useState } from 'react';
import { Button, Segmented, Select, Space, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { separationReasonNames, type SeparationReason, type UiClaimStatus } from '../../../shared/labels.js';
import { getAllPages } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { PagedTable } from '../../components/PagedTable.js';
import { PersonLink } from '../../components/PageLink.js';
import { formatDateTime } from '../../format.js';
import { useLoad } from '../../hooks.js';
import type { StaffItem } from '../households/caseTypes.js';
import { claimPath, claimsApi, ClaimStatusTag, intakePath, yuanText, type ClaimItem } from './uiTypes.js';

const tabs: { key: UiClaimStatus | 'all'; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'pending', label: '待审核' },
  { key: 'active', label: '享受待遇中' },
  { key: 'stopped', label: '已停发' },
  { key: 'exhausted', label: '期满终止' },
  { key: 'rejected', label: '已驳回' },
];

/** Whose claims: all in scope, or those the user is the caseworker of. */
type Who = 'all' | 'mine';
const whoNames: Record<Who, string> = { all: '全部申领', mine: '我负责的' };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Filters = Record<string, never>;

/**
 * 经办人: the staff of the user's scope (those disabled since marked), loaded when the list is first
 * opened or when the address already names one, so the choice shows a name.
 */
function CaseworkerSelect({ value, onChange }: { value: string | undefined; onChange(id: string | undefined): void }) {
  const [opened, setOpened] = useState(false);
  const wanted = opened || value !== undefined;
  const staff = useLoad(async () => (wanted ? getAllPages<StaffItem>('/staff') : []), [wanted]);
  const options = (staff.data ?? []).map((s) => ({
    value: s.id,
    label: `${s.name}${s.unitName ? `，${s.unitName}` : ''}${s.disabled ? '（已停用）' : ''}`,
  }));
  return (
    <Select
      aria-label="经办人"
      data-testid="caseworker-filter"
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="按经办人筛选"
      style={{ width: 260 }}
      popupMatchSelectWidth={false}
      loading={staff.loading && wanted}
      value={value}
      // The chosen caseworker by name, never as a bare id (while the names load: 加载中).
      labelRender={(o) => options.find((x) => x.value === o.value)?.label ?? (staff.loading ? '加载中…' : '（名单中没有该工作人员）')}
      onOpenChange={(open) => open && setOpened(true)}
      onChange={(id: string | undefined) => onChange(id)}
      options={options}
      notFoundContent={staff.error ? '未能加载工作人员名单' : '没有匹配的工作人员'}
    />
  );
}

function ClaimsTable({ status, review }: { status?: UiClaimStatus; review?: boolean }) {
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const tab = tabs.find((t) => t.key === statusParam)?.key ?? 'all';
  const caseworkerParam = params.get('caseworkerId') ?? '';
  const caseworkerId = uuidPattern.test(caseworkerParam) ? caseworkerParam : undefined;
  const who: Who = params.get('mine') === 'true' && !caseworkerId ? 'mine' : 'all';
  const isOfficer = hasRole(user, 'ui_officer');
  const shown = status ?? (tab === 'all' ? undefined : tab);
  /** Sets (or with undefined, removes) filters in the address; the list follows it. */
  const set = (changes: Record<string, string | undefined>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  return (
    <PagedTable<ClaimItem, Filters>
      title={review ? '待审核的失业保险金申领' : '失业保险金申领'}
      path={claimsApi}
      rowKey="id"
      exportName="失业保险金申领"
      extraQuery={{ status: shown, mine: who === 'mine' ? true : undefined, caseworkerId }}
      actions={
        isOfficer && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(intakePath)}>
            受理申领
          </Button>
        )
      }
      header={
        <>
          <Space wrap style={{ marginBottom: review ? 16 : 8 }} data-testid="claim-filters">
            <Segmented<Who>
              aria-label="经办范围"
              value={who}
              onChange={(v) => set({ mine: v === 'mine' ? 'true' : undefined, caseworkerId: undefined })}
              options={(Object.keys(whoNames) as Who[]).map((w) => ({ value: w, label: whoNames[w] }))}
            />
            <CaseworkerSelect value={caseworkerId} onChange={(id) => set({ caseworkerId: id, mine: undefined })} />
          </Space>
          {!review && (
            <Tabs activeKey={tab} onChange={(k) => set({ status: k === 'all' ? undefined : k })} items={tabs} style={{ marginBottom: 0 }} />
          )}
        </>
      }
      emptyText={
        who === 'mine'
          ? '没有由您担任经办人的申领；经办人在申领页面“经办人与就业指导”中指定'
          : caseworkerId
            ? '该经办人没有负责的申领'
            : review
              ? '没有待审核的申领'
              : '没有该状态的失业保险金申领'
      }
      columns={[
        {
          title: '申领人',
          dataIndex: 'personName',
          render: (n: string, c) => <PersonLink personId={c.personId}>{n}</PersonLink>,
        },
        { title: '离职日期', dataIndex: 'separationDate' },
        {
          title: '离职原因',
          dataIndex: 'separationReason',
          render: (r: SeparationReason) => separationReasonNames[r],
        },
        { title: '领取期限', dataIndex: 'entitlementMonths', render: (m: number) => `${m} 个月` },
        {
          title: '每月标准（元）',
          dataIndex: 'monthlyAmountFen',
          align: 'right',
          render: (f: number) => <span className="num">{yuanText(f)}</span>,
        },
        { title: '起始月份', dataIndex: 'startMonth' },
        { title: '状态', dataIndex: 'status', render: (s: UiClaimStatus) => <ClaimStatusTag status={s} /> },
        {
          title: '经办人',
          dataIndex: 'caseworkerName',
          render: (n: string | null, c) => (n ? `${n}${c.caseworkerId === user.id ? '（本人）' : ''}` : '未指定'),
        },
        { title: '受理人', dataIndex: 'takenByName' },
        { title: '受理时间', dataIndex: 'takenAt', render: (t: string) => formatDateTime(t) },
        {
          title: '操作',
          key: 'open',
          fixed: 'right',
          render: (_: unknown, c) => (
            <Link to={claimPath(c.id)}>
              {hasRole(user, 'reviewer') && c.status === 'pending' && c.takenBy !== user.username ? '审核' : '查看'}
            </Link>
          ),
        },
      ]}
    />
  );
}

/** 申领查询. */
export function ClaimsPage() {
  return <ClaimsTable />;
}

/** 申领审核: the pending claims. */
export function ClaimReviewPage() {
  return <ClaimsTable status="pending" review />;
}
