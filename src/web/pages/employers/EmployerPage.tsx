// 用人单位详情 (JOB-1): the employer's registration, its vacancies, and its hiring and
// labour-contract filings.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Space, Spin, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { industryLabel } from '../../../shared/industries.js';
import { get } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { ActivationCodeButton, activationIssuers } from '../../components/ActivationCodeButton.js';
import { errorText } from '../../components/formErrors.js';
import { PagedTable } from '../../components/PagedTable.js';
import { formatDateTime } from '../../format.js';
import { useLoad } from '../../hooks.js';
import { employerOwnershipNames, employerSizeNames, employerSourceNames } from '../../labels.js';
import type { Employer, Vacancy, VacancyStatus } from '../../types.js';
import { occupationText } from '../vacancies/OccupationSelect.js';
import { FlagSummary } from '../vacancies/ScreeningFlags.js';
import { VacancyStatusTag, wageText } from '../vacancies/vacancyDisplay.js';
import { EditEmployerModal } from './EmployerForms.js';
import { FilingsCard } from './FilingsCard.js';

const none = '—';
const sizeNames: Record<string, string> = employerSizeNames;
const ownershipNames: Record<string, string> = employerOwnershipNames;

/** The registration card with 编辑. */
function EmployerInfoCard({ employer, canWrite, onEdit }: { employer: Employer; canWrite: boolean; onEdit(): void }) {
  const e = employer;
  const canIssue = hasRole(useUser(), ...activationIssuers);
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="employer-name">
          {e.name}
        </Typography.Title>
      }
      extra={
        <Space>
          {canIssue && <ActivationCodeButton kind="employer" path={`/employers/${e.id}/activation-code`} subject={e.name} />}
          {canWrite && (
            <Button icon={<EditOutlined />} onClick={onEdit}>
              编辑
            </Button>
          )}
          <Link to="/employers">返回用人单位</Link>
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          {
            key: 'code',
            label: '统一社会信用代码',
            children: <Typography.Text style={{ fontFamily: 'monospace' }}>{e.creditCode}</Typography.Text>,
          },
          { key: 'region', label: '所在地', children: e.regionName ?? e.regionCode },
          { key: 'industry', label: '行业', children: e.industry ? industryLabel(e.industry) : none },
          { key: 'size', label: '企业规模', children: e.size ? (sizeNames[e.size] ?? e.size) : none },
          { key: 'ownership', label: '经济类型', children: e.ownership ? (ownershipNames[e.ownership] ?? e.ownership) : none },
          { key: 'contact', label: '联系人', children: e.contactName || none },
          { key: 'phone', label: '联系电话', children: e.contactPhone || none },
          { key: 'address', label: '地址', span: 2, children: e.address || none },
          { key: 'vacancies', label: '已发布岗位', children: `${e.vacancyCount} 个` },
          { key: 'source', label: '登记方式', children: employerSourceNames[e.source] ?? e.source },
          { key: 'created', label: '登记时间', children: formatDateTime(e.createdAt) },
          { key: 'description', label: '单位简介', span: 3, children: e.description || none },
        ]}
      />
    </Card>
  );
}

/** The page at /employers/:id. */
export function EmployerPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const navigate = useNavigate();
  const canWrite = hasRole(user, 'job_officer');
  const loaded = useLoad(() => get<Employer>(`/employers/${id}`), [id]);
  const [saved, setSaved] = useState<Employer>();
  const [editing, setEditing] = useState(false);

  if (loaded.error)
    return <Alert type="error" showIcon title={errorText(loaded.error)} action={<Link to="/employers">返回用人单位</Link>} />;
  const employer = saved?.id === id ? saved : loaded.data?.id === id ? loaded.data : undefined;
  if (!employer) return <Spin size="large" />;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <EmployerInfoCard employer={employer} canWrite={canWrite} onEdit={() => setEditing(true)} />
      <PagedTable<Vacancy>
        title="岗位"
        path="/vacancies"
        rowKey="id"
        extraQuery={{ employerId: employer.id }}
        actions={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/vacancies/new?employerId=${employer.id}`)}>
              登记岗位
            </Button>
          )
        }
        columns={[
          { title: '岗位名称', dataIndex: 'title', render: (t: string, v) => <Link to={`/vacancies/${v.id}`}>{t}</Link> },
          { title: '职业', dataIndex: 'occupation', render: (c: string | null) => occupationText(c) },
          { title: '人数', dataIndex: 'headcount', align: 'right' },
          { title: '月工资', key: 'wage', render: (_: unknown, v) => wageText(v.wageMin, v.wageMax) },
          { title: '有效期至', dataIndex: 'validUntil' },
          { title: '状态', dataIndex: 'status', render: (s: VacancyStatus) => <VacancyStatusTag status={s} /> },
          { title: '审查提示', key: 'flags', render: (_: unknown, v) => <FlagSummary flags={v.screening.flags} /> },
        ]}
      />
      <FilingsCard employer={employer} canWrite={canWrite} />
      <EditEmployerModal
        employer={editing ? employer : null}
        onClose={() => setEditing(false)}
        onSaved={(e) => {
          setSaved(e);
          setEditing(false);
        }}
      />
    </Space>
  );
}
