// Two tabs of 扩面征缴 (UI-6, 种子文件 003 §(十五) 扩面): the employers' enrolments in unemployment
// insurance, and the registered employers in scope not enrolled in a month, the ones to visit.
// UI officers enrol, end enrolments and open follow-up tasks; the other readers only read.
import { Button, DatePicker, Form, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { industryLabel } from '../../../shared/industries.js';
import type { UiFollowUpKind } from '../../../shared/labels.js';
import { PagedTable } from '../../components/PagedTable.js';
import { PageLink } from '../../components/PageLink.js';
import { RegionLabel } from '../../components/RegionLabel.js';
import { formatDateTime } from '../../format.js';
import { EmployerSelect } from '../employers/EmployerSelect.js';
import type { EmployerRef } from './CoverageDialogs.js';
import type { Enrolment, FollowUp, NotEnrolled } from './coverageTypes.js';

/** What a UI officer may do from the lists; absent for those who only read. */
export interface CoverageActions {
  enrol(employer?: EmployerRef): void;
  endEnrolment(enrolment: Enrolment): void;
  reopenEnrolment(enrolment: Enrolment): void;
  followUp(employer: EmployerRef | undefined, kind: UiFollowUpKind): void;
  closeFollowUp(followUp: FollowUp): void;
  reopenFollowUp(followUp: FollowUp): void;
}

/** The employer's name, linked to its page where the user may open it. */
export function EmployerName({ id, name, creditCode }: { id: string; name: string; creditCode?: string }) {
  return (
    <Space orientation="vertical" size={0}>
      <PageLink to={`/employers/${id}`}>{name}</PageLink>
      {creditCode && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {creditCode}
        </Typography.Text>
      )}
    </Space>
  );
}

const thisMonth = () => dayjs().format('YYYY-MM');

/** 参保中 until the last month has passed, then 已终止. */
function EnrolmentState({ untilMonth }: { untilMonth: string | null }) {
  if (untilMonth === null) return <Tag color="green">参保中</Tag>;
  return untilMonth >= thisMonth() ? <Tag color="green">参保至 {untilMonth}</Tag> : <Tag>已终止</Tag>;
}

/** 参保登记: every enrolment in scope, by employer name (its periods latest first); an employer filter. */
export function EnrolmentsList({ version, actions }: { version: number; actions: CoverageActions | undefined }) {
  return (
    <PagedTable<Enrolment, { employerId?: string }>
      path="/ui/enrolments"
      rowKey="id"
      reloadKey={version}
      exportName="失业保险参保单位"
      searchFields={
        <Form.Item name="employerId" label="用人单位" style={{ minWidth: 360 }}>
          <EmployerSelect />
        </Form.Item>
      }
      actions={
        actions && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => actions.enrol()}>
            参保登记
          </Button>
        )
      }
      emptyText="没有参保登记：由失业保险经办员为用人单位登记参保，或从“未参保单位”中办理"
      columns={[
        {
          title: '单位名称',
          key: 'employer',
          render: (_: unknown, e) => <EmployerName id={e.employerId} name={e.employerName} creditCode={e.creditCode} />,
        },
        { title: '所在区划', dataIndex: 'regionCode', render: (code: string) => <RegionLabel prefix={code} nameOnly /> },
        { title: '参保起始月份', dataIndex: 'sinceMonth' },
        { title: '参保终止月份', dataIndex: 'untilMonth', render: (m: string | null) => m ?? '—' },
        { title: '状态', key: 'state', render: (_: unknown, e) => <EnrolmentState untilMonth={e.untilMonth} /> },
        { title: '登记人', dataIndex: 'createdBy' },
        { title: '登记时间', dataIndex: 'createdAt', render: (t: string) => formatDateTime(t) },
        ...(actions
          ? [
              {
                title: '操作',
                key: 'actions',
                fixed: 'right' as const,
                render: (_: unknown, e: Enrolment) =>
                  e.untilMonth === null ? (
                    <Button size="small" type="link" danger onClick={() => actions.endEnrolment(e)}>
                      终止参保
                    </Button>
                  ) : (
                    <Button size="small" type="link" onClick={() => actions.reopenEnrolment(e)}>
                      撤销终止
                    </Button>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** 未参保单位: registered employers in scope without an enrolment covering the month (this month by default). */
export function NotEnrolledList({ version, actions }: { version: number; actions: CoverageActions | undefined }) {
  return (
    <PagedTable<NotEnrolled, { month?: Dayjs }>
      path="/ui/coverage/not-enrolled"
      rowKey="employerId"
      reloadKey={version}
      exportName="未参保单位"
      initialValues={{ month: dayjs() }}
      toQuery={(v) => ({ month: v.month?.format('YYYY-MM') })}
      searchFields={
        <Form.Item name="month" label="统计月份" tooltip="列出该月没有参保登记的已登记用人单位；不选为本月">
          <DatePicker picker="month" placeholder="本月" disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
        </Form.Item>
      }
      header={
        <Typography.Paragraph type="secondary">
          辖区内已办理用人单位登记、但该月没有失业保险参保登记的单位（种子文件 003
          §(十五)：扩面）。逐户督促参保：生成“督促参保”跟进任务，单位参保后办理参保登记即从本表移出。
        </Typography.Paragraph>
      }
      emptyText="辖区内已登记的用人单位该月都已参保"
      columns={[
        {
          title: '单位名称',
          key: 'employer',
          render: (_: unknown, e) => <EmployerName id={e.employerId} name={e.name} creditCode={e.creditCode} />,
        },
        { title: '所在区划', dataIndex: 'regionCode', render: (code: string) => <RegionLabel prefix={code} nameOnly /> },
        { title: '行业', dataIndex: 'industry', render: (i: string | null) => (i ? industryLabel(i) : '—') },
        { title: '联系人', dataIndex: 'contactName', render: (c: string | null) => c ?? '—' },
        {
          title: '待办督促任务',
          dataIndex: 'openFollowUps',
          align: 'right',
          render: (n: number) => (n > 0 ? <Tag color="blue">{n} 项待办</Tag> : <Typography.Text type="secondary">无</Typography.Text>),
        },
        ...(actions
          ? [
              {
                title: '操作',
                key: 'actions',
                fixed: 'right' as const,
                render: (_: unknown, e: NotEnrolled) => {
                  const employer = { id: e.employerId, name: e.name };
                  return (
                    <Space size={0}>
                      <Button size="small" type="link" onClick={() => actions.followUp(employer, 'enrol')}>
                        生成跟进任务
                      </Button>
                      <Button size="small" type="link" onClick={() => actions.enrol(employer)}>
                        参保登记
                      </Button>
                    </Space>
                  );
                },
              },
            ]
          : []),
      ]}
    />
  );
}
