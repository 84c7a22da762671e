// 跟进任务 (UI-6): the follow-up tasks on employers in scope (督促参保, 追缴欠费) by status, the
// earliest deadline first; a UI officer opens tasks, closes them with the result, or reopens one.
import { useState } from 'react';
import { Button, Form, Select, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { uiFollowUpKindNames, uiFollowUpStatusNames, type UiFollowUpKind, type UiFollowUpStatus } from '../../../shared/labels.js';
import { DeadlineText } from '../../components/DeadlineText.js';
import { PagedTable } from '../../components/PagedTable.js';
import { formatDateTime, shanghaiToday } from '../../format.js';
import { optionsOf } from '../../labels.js';
import { EmployerSelect } from '../employers/EmployerSelect.js';
import { EmployerName, type CoverageActions } from './CoverageLists.js';
import { FollowUpKindTag, type FollowUp } from './coverageTypes.js';

const statusTabs: { key: UiFollowUpStatus | 'all'; label: string }[] = [
  { key: 'open', label: uiFollowUpStatusNames.open },
  { key: 'done', label: uiFollowUpStatusNames.done },
  { key: 'all', label: '全部' },
];

/** The list, 待办 first. */
export function FollowUpsList({ version, actions }: { version: number; actions: CoverageActions | undefined }) {
  const [tab, setTab] = useState<UiFollowUpStatus | 'all'>('open');
  const today = shanghaiToday();
  return (
    <PagedTable<FollowUp, { kind?: UiFollowUpKind; employerId?: string }>
      path="/ui/follow-ups"
      rowKey="id"
      reloadKey={version}
      exportName="扩面征缴跟进任务"
      extraQuery={{ status: tab === 'all' ? undefined : tab }}
      searchFields={
        <>
          <Form.Item name="kind" label="类别">
            <Select allowClear placeholder="全部" style={{ width: 140 }} options={optionsOf(uiFollowUpKindNames)} />
          </Form.Item>
          <Form.Item name="employerId" label="用人单位" style={{ minWidth: 320 }}>
            <EmployerSelect />
          </Form.Item>
        </>
      }
      actions={
        actions && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => actions.followUp(undefined, 'enrol')}>
            新建跟进任务
          </Button>
        )
      }
      header={<Tabs activeKey={tab} onChange={(k) => setTab(k as UiFollowUpStatus | 'all')} items={statusTabs} />}
      emptyText="没有跟进任务：在“未参保单位”或“欠费单位”中为单位生成跟进任务"
      columns={[
        { title: '单位名称', key: 'employer', render: (_: unknown, f) => <EmployerName id={f.employerId} name={f.employerName} /> },
        { title: '类别', dataIndex: 'kind', render: (k: UiFollowUpKind) => <FollowUpKindTag kind={k} /> },
        {
          title: '办结期限',
          dataIndex: 'dueDate',
          render: (d: string, f) => <DeadlineText deadline={d} state={f.status === 'done' ? 'settled' : d < today ? 'overdue' : 'open'} />,
        },
        { title: '备注', dataIndex: 'note', ellipsis: true, render: (n: string | null) => n ?? '—' },
        {
          title: '状态',
          dataIndex: 'status',
          render: (s: UiFollowUpStatus) => <Tag color={s === 'done' ? 'green' : 'gold'}>{uiFollowUpStatusNames[s]}</Tag>,
        },
        {
          title: '办理结果',
          dataIndex: 'result',
          render: (r: string | null, f) =>
            r ? (
              <Typography.Text style={{ maxWidth: 260 }} ellipsis={{ tooltip: r }}>
                {r}
              </Typography.Text>
            ) : f.status === 'open' ? (
              <Typography.Text type="secondary">待办</Typography.Text>
            ) : (
              '—'
            ),
        },
        { title: '建立人', dataIndex: 'createdBy' },
        {
          title: '办结',
          key: 'done',
          render: (_: unknown, f) => (f.doneBy ? `${f.doneBy} ${formatDateTime(f.doneAt)}` : '—'),
        },
        ...(actions
          ? [
              {
                title: '操作',
                key: 'actions',
                fixed: 'right' as const,
                render: (_: unknown, f: FollowUp) =>
                  f.status === 'open' ? (
                    <Button size="small" type="link" onClick={() => actions.closeFollowUp(f)}>
                      办结
                    </Button>
                  ) : (
                    <Button size="small" type="link" onClick={() => actions.reopenFollowUp(f)}>
                      重新打开
                    </Button>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
