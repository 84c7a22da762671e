// 申领查询 and 申领审核 (UI-2): claims by status with paging and an Excel export; the review queue is
// the pending ones, each opened to be approved or rejected (except by the one who took it).
import { useState } from 'react';
import { Button, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { separationReasonNames, type SeparationReason, type UiClaimStatus } from '../../../shared/labels.js';
import { hasRole, useUser } from '../../auth.js';
import { PagedTable } from '../../components/PagedTable.js';
import { PersonLink } from '../../components/PageLink.js';
import { formatDateTime } from '../../format.js';
import { claimPath, claimsApi, ClaimStatusTag, intakePath, yuanText, type ClaimItem } from './uiTypes.js';

const tabs: { key: UiClaimStatus | 'all'; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'pending', label: '待审核' },
  { key: 'active', label: '享受待遇中' },
  { key: 'stopped', label: '已停发' },
  { key: 'exhausted', label: '期满终止' },
  { key: 'rejected', label: '已驳回' },
];

type Filters = Record<string, never>;

function ClaimsTable({ status, review }: { status?: UiClaimStatus; review?: boolean }) {
  const user = useUser();
  const navigate = useNavigate();
  const [tab, setTab] = useState<UiClaimStatus | 'all'>('all');
  const isOfficer = hasRole(user, 'ui_officer');
  const shown = status ?? (tab === 'all' ? undefined : tab);
  return (
    <PagedTable<ClaimItem, Filters>
      title={review ? '待审核的失业保险金申领' : '失业保险金申领'}
      path={claimsApi}
      rowKey="id"
      exportName="失业保险金申领"
      extraQuery={{ status: shown }}
      actions={
        isOfficer && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(intakePath)}>
            受理申领
          </Button>
        )
      }
      header={
        review ? undefined : (
          <Tabs activeKey={tab} onChange={(k) => setTab(k as UiClaimStatus | 'all')} items={tabs} style={{ marginBottom: 0 }} />
        )
      }
      emptyText={review ? '没有待审核的申领' : '没有该状态的失业保险金申领'}
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
