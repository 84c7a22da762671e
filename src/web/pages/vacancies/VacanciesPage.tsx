// 岗位信息 (JOB-2): the vacancies in scope by status, with full-text search (title, description,
// skills, employer), occupation and source filters, wages in yuan, Excel export, and 登记岗位.
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Form, Input, Select, Tabs, Typography } from 'antd';
import { AuditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Query } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { PagedTable } from '../../components/PagedTable.js';
import { optionsOf, vacancySourceNames, vacancyStatusNames } from '../../labels.js';
import type { Vacancy, VacancyStatus } from '../../types.js';
import { OccupationFilter, occupationText } from './OccupationSelect.js';
import { FlagSummary } from './ScreeningFlags.js';
import { VacancyStatusTag, wageText } from './vacancyDisplay.js';

interface Search {
  q?: string;
  occupation?: string;
  source?: string;
  flagged?: 'true' | 'false';
}

const toQuery = (s: Search): Query => ({ q: s.q?.trim(), occupation: s.occupation, source: s.source, flagged: s.flagged });
const sourceNames: Record<string, string> = vacancySourceNames;
const statusTabs = [{ key: 'all', label: '全部' }, ...Object.entries(vacancyStatusNames).map(([key, label]) => ({ key, label }))];

/** The vacancies page; the status tab is kept in the address (?status=), so it survives going back. */
export function VacanciesPage() {
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? undefined) as VacancyStatus | undefined;
  return (
    <PagedTable<Vacancy, Search>
      title="岗位信息"
      path="/vacancies"
      rowKey="id"
      exportName="岗位信息"
      toQuery={toQuery}
      extraQuery={{ status }}
      header={
        <Tabs
          activeKey={status ?? 'all'}
          items={statusTabs}
          onChange={(key) => setParams(key === 'all' ? {} : { status: key }, { replace: true })}
          style={{ marginBottom: 0 }}
        />
      }
      actions={
        <>
          {hasRole(user, 'reviewer') && (
            <Button icon={<AuditOutlined />} onClick={() => navigate('/vacancies/review')}>
              岗位审核
            </Button>
          )}
          {hasRole(user, 'job_officer') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/vacancies/new')}>
              登记岗位
            </Button>
          )}
        </>
      }
      searchFields={
        <>
          <Form.Item name="q" label="关键词">
            <Input placeholder="岗位、单位、技能或描述中的词" allowClear style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="occupation" label="职业">
            <OccupationFilter />
          </Form.Item>
          <Form.Item name="source" label="来源">
            <Select placeholder="全部" allowClear options={optionsOf(sourceNames)} style={{ width: 130 }} popupMatchSelectWidth={false} />
          </Form.Item>
          <Form.Item name="flagged" label="审查提示">
            <Select
              placeholder="全部"
              allowClear
              style={{ width: 100 }}
              options={[
                { value: 'true', label: '有提示' },
                { value: 'false', label: '无提示' },
              ]}
            />
          </Form.Item>
        </>
      }
      columns={[
        { title: '岗位名称', dataIndex: 'title', render: (t: string, v) => <Link to={`/vacancies/${v.id}`}>{t}</Link> },
        { title: '用人单位', dataIndex: 'employerName', render: (n: string, v) => <Link to={`/employers/${v.employerId}`}>{n}</Link> },
        {
          title: '职业',
          dataIndex: 'occupation',
          render: (c: string | null) => <Typography.Text style={{ whiteSpace: 'nowrap' }}>{occupationText(c)}</Typography.Text>,
        },
        { title: '人数', dataIndex: 'headcount', align: 'right', render: (n: number, v) => (v.filled ? `${n}（已录 ${v.filled}）` : n) },
        {
          title: '月工资',
          key: 'wage',
          render: (_: unknown, v) => <span style={{ whiteSpace: 'nowrap' }}>{wageText(v.wageMin, v.wageMax)}</span>,
        },
        { title: '工作地点', dataIndex: 'regionName', render: (n: string | null, v) => n ?? v.regionCode },
        { title: '有效期至', dataIndex: 'validUntil' },
        { title: '来源', dataIndex: 'source', render: (s: string) => sourceNames[s] ?? s },
        { title: '状态', dataIndex: 'status', render: (s: VacancyStatus) => <VacancyStatusTag status={s} /> },
        { title: '审查提示', key: 'flags', render: (_: unknown, v) => <FlagSummary flags={v.screening.flags} /> },
        { title: '操作', key: 'actions', fixed: 'right', render: (_: unknown, v) => <Link to={`/vacancies/${v.id}`}>查看</Link> },
      ]}
    />
  );
}
