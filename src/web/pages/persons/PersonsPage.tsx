// 人员台账 (REG-2): the persons in scope with search by name, ID or phone, status, category and
// community; Excel export; 身份证号查找 that jumps to the person; and 登记新人员. The same page,
// with a fixed filter and columns of its own, serves the 高校毕业生 list (REG-4).
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Form, Input, Select, Space, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ApiError, type Query } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { errorText } from '../../components/formErrors.js';
import { PagedTable } from '../../components/PagedTable.js';
import { EmploymentStatusTag, JobSeekingTag } from '../../components/PersonTags.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { ageOn, shanghaiToday } from '../../format.js';
import { lookupPerson, looksLikeIdNumber } from '../../personLookup.js';
import { employmentStatusNames, householdTypeNames, optionsOf, personCategories, plainOptions, sexNames } from '../../labels.js';
import type { EmploymentStatus, Person } from '../../types.js';

export interface Search {
  q?: string;
  status?: EmploymentStatus;
  category?: string;
  regionCode?: string;
  jobSeeking?: 'true' | 'false';
}

const toQuery = (s: Search): Query => ({
  q: s.q?.trim(),
  status: s.status,
  category: s.category,
  regionCode: s.regionCode || undefined,
  jobSeeking: s.jobSeeking,
});

/** Finds the person in scope with a full ID number and opens their page (`pathOf` gives it). */
function useLookup(pathOf: (id: string) => string) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const lookup = async (idNumber: string) => {
    if (!looksLikeIdNumber(idNumber)) {
      message.warning('请输入完整的 18 位身份证号');
      return;
    }
    setBusy(true);
    try {
      const person = await lookupPerson(idNumber);
      navigate(pathOf(person.id));
    } catch (err) {
      message.error(err instanceof ApiError && err.status === 404 ? '管辖范围内没有该身份证号的人员' : errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return { lookup, busy };
}

type Columns = NonNullable<TableProps<Person>['columns']>;

export interface PersonsPageProps {
  title?: string;
  /** File name of the Excel export. */
  exportName?: string;
  /** Filters always sent, outside the search form (e.g. `{ graduate: true }`). */
  fixedQuery?: Query;
  /** Search values to start with (e.g. status 登记失业). */
  initialSearch?: Search;
  /** Columns shown before 就业状态. */
  extraColumns?: Columns;
  /** Where a person opens (default the one-stop person page). */
  personPath?: (id: string) => string;
  /** What the list holds and how a person gets into it, shown when it is empty. */
  emptyText?: ReactNode;
  /** The row link's word (default 办理 for clerks, 查看 for those who only read the ledger). */
  actionLabel?: string;
}

const onePersonPage = (id: string) => `/persons/${id}`;

/** The person search page; the props make a preset list of it (高校毕业生). */
export function PersonsPage({
  title = '人员台账',
  exportName = '人员名册',
  fixedQuery,
  initialSearch,
  extraColumns = [],
  personPath = onePersonPage,
  emptyText,
  actionLabel,
}: PersonsPageProps = {}) {
  const user = useUser();
  const navigate = useNavigate();
  const { lookup } = useLookup(personPath);
  // Clerks keep the ledger (办理); leaders, admins and auditors only read it (查看).
  const canWrite = hasRole(user, 'clerk');
  const today = shanghaiToday();
  return (
    <PagedTable<Person, Search>
      title={title}
      path="/persons"
      rowKey="id"
      exportName={exportName}
      toQuery={toQuery}
      extraQuery={fixedQuery}
      initialValues={initialSearch}
      beforeSearch={async (v) => {
        // A full ID number typed into the search goes through lookup, so it never lands in a URL.
        if (!v.q || !looksLikeIdNumber(v.q)) return true;
        await lookup(v.q);
        return false;
      }}
      emptyText={emptyText}
      actions={
        <>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/persons/new')}>
              登记新人员
            </Button>
          )}
        </>
      }
      searchFields={
        <>
          <Form.Item name="q" label="关键词" tooltip="输入完整的 18 位身份证号直接打开该人员（号码不进网址）">
            <Input placeholder="姓名或完整身份证号" allowClear maxLength={40} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="status" label="就业状态">
            <Select placeholder="全部" allowClear options={optionsOf(employmentStatusNames)} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="jobSeeking" label="求职登记">
            <Select
              placeholder="全部"
              allowClear
              style={{ width: 100 }}
              options={[
                { value: 'true', label: '求职中' },
                { value: 'false', label: '未求职' },
              ]}
            />
          </Form.Item>
          <Form.Item name="category" label="人员类别">
            <Select
              placeholder="全部"
              allowClear
              options={plainOptions(personCategories)}
              style={{ width: 150 }}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
          <Form.Item name="regionCode" label="社区">
            <RegionPicker baseScope={user.scope} maxLevel={5} />
          </Form.Item>
        </>
      }
      columns={[
        { title: '姓名', dataIndex: 'name', render: (name: string, p) => <Link to={personPath(p.id)}>{name}</Link> },
        {
          title: '身份证号',
          dataIndex: 'idNumber',
          render: (v: string) => <Typography.Text style={{ fontFamily: 'monospace' }}>{v}</Typography.Text>,
        },
        { title: '性别', dataIndex: 'sex', render: (s: string) => sexNames[s] ?? s },
        { title: '年龄', dataIndex: 'birthDate', render: (b: string) => ageOn(b, today) },
        { title: '户籍', dataIndex: 'householdType', render: (t: Person['householdType']) => householdTypeNames[t] ?? t },
        { title: '居住社区', dataIndex: 'regionName', render: (n: string | null, p) => n ?? p.regionCode },
        { title: '手机号', dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
        ...extraColumns,
        {
          title: '就业状态',
          dataIndex: 'employmentStatus',
          render: (s: EmploymentStatus, p) => (
            <Space size={0}>
              <EmploymentStatusTag status={s} since={p.statusSince} />
              <JobSeekingTag seeking={p.jobSeeking} />
            </Space>
          ),
        },
        { title: '人员类别', dataIndex: 'categories', render: (c: string[]) => (c.length ? c.join('、') : '—') },
        {
          title: '操作',
          key: 'actions',
          fixed: 'right',
          render: (_: unknown, p) => <Link to={personPath(p.id)}>{actionLabel ?? (canWrite ? '办理' : '查看')}</Link>,
        },
      ]}
    />
  );
}
