// 补贴管理 (AID-8): the applications by status (待审批, 已审批待发放, 已发放, 已驳回, 全部) with filters
// and an Excel export; clerks apply, reviewers open an application to decide it, finance pays a
// month's approved subsidies in a run, leaders and admins read.
import { useState } from 'react';
import { Button, DatePicker, Form, Select, Space, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { subsidyTypeNames, type SubsidyStatus, type SubsidyType } from '../../../shared/labels.js';
import { hasRole, useUser } from '../../auth.js';
import { PagedTable } from '../../components/PagedTable.js';
import { PersonLink } from '../../components/PageLink.js';
import { formatDateTime } from '../../format.js';
import { optionsOf } from '../../labels.js';
import { ApplySubsidyModal } from './ApplySubsidyModal.js';
import { SubsidyRunCard } from './SubsidyRunCard.js';
import { subsidiesPath, subsidyPagePath, SubsidyStatusTag, yuanText, type SubsidyItem } from './subsidyTypes.js';

interface Filters {
  type?: SubsidyType;
  period?: Dayjs;
}

const tabs: { key: SubsidyStatus | 'all'; label: string }[] = [
  { key: 'applied', label: '待审批' },
  { key: 'approved', label: '已审批待发放' },
  { key: 'paid', label: '已发放' },
  { key: 'rejected', label: '已驳回' },
  { key: 'all', label: '全部' },
];

/** The page. */
export function SubsidiesPage() {
  const user = useUser();
  const navigate = useNavigate();
  const isClerk = hasRole(user, 'clerk');
  const isFinance = hasRole(user, 'finance');
  // Finance works on what awaits payment; the others start with what awaits a decision.
  const [tab, setTab] = useState<SubsidyStatus | 'all'>(isFinance && !hasRole(user, 'reviewer') ? 'approved' : 'applied');
  const [applying, setApplying] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {isFinance && <SubsidyRunCard onPaid={() => setReloadKey((k) => k + 1)} />}
      <PagedTable<SubsidyItem, Filters>
        title="补贴申请"
        path={subsidiesPath}
        rowKey="id"
        reloadKey={reloadKey}
        exportName="补贴申请"
        extraQuery={{ status: tab === 'all' ? undefined : tab }}
        toQuery={(v) => ({ type: v.type, period: v.period?.format('YYYY-MM') })}
        searchFields={
          <>
            <Form.Item name="type" label="补贴类型">
              <Select allowClear placeholder="全部" style={{ width: 160 }} options={optionsOf(subsidyTypeNames)} />
            </Form.Item>
            <Form.Item name="period" label="所属期">
              <DatePicker picker="month" placeholder="全部月份" disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
            </Form.Item>
          </>
        }
        actions={
          isClerk && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)}>
              申请补贴
            </Button>
          )
        }
        header={<Tabs activeKey={tab} onChange={(k) => setTab(k as SubsidyStatus | 'all')} items={tabs} style={{ marginBottom: 0 }} />}
        emptyText={isClerk ? '没有该状态的补贴申请，可点“申请补贴”提交' : '没有该状态的补贴申请'}
        columns={[
          {
            title: '补贴类型',
            dataIndex: 'type',
            render: (t: SubsidyType, s) => <Link to={`${subsidyPagePath}/${s.id}`}>{subsidyTypeNames[t]}</Link>,
          },
          { title: '所属期', dataIndex: 'period' },
          {
            title: '人员',
            dataIndex: 'personName',
            render: (n: string | null, s) => (s.personId ? <PersonLink personId={s.personId}>{n ?? '—'}</PersonLink> : '—'),
          },
          {
            title: '金额（元）',
            dataIndex: 'amountFen',
            align: 'right',
            render: (f: number) => <span className="num">{yuanText(f)}</span>,
          },
          { title: '资金科目', dataIndex: 'budgetLine' },
          { title: '状态', dataIndex: 'status', render: (st: SubsidyStatus) => <SubsidyStatusTag status={st} /> },
          { title: '申请人', dataIndex: 'appliedByName' },
          { title: '申请时间', dataIndex: 'appliedAt', render: (t: string) => formatDateTime(t) },
          { title: '审批人', dataIndex: 'decidedByName', render: (d: string | null) => d ?? '—' },
          {
            title: '操作',
            key: 'open',
            fixed: 'right',
            render: (_: unknown, s) => (
              <Link to={`${subsidyPagePath}/${s.id}`}>
                {hasRole(user, 'reviewer') && s.status === 'applied' && s.appliedBy !== user.username ? '审批' : '查看'}
              </Link>
            ),
          },
        ]}
      />
      {isClerk && (
        <ApplySubsidyModal
          open={applying}
          onClose={() => setApplying(false)}
          onDone={(created) => {
            setApplying(false);
            navigate(`${subsidyPagePath}/${created.id}`);
          }}
        />
      )}
    </Space>
  );
}
