// One vacancy-survey round at /vacancy-surveys/:id (JOB-9): its progress and totals, the enrolled
// employers filtered by 已填报 / 未填报, and 登记填报 (again to correct) for each.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Space,
  Spin,
  Statistic,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { get, put } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { FormModal } from '../../components/FormModal.js';
import { errorText } from '../../components/formErrors.js';
import { PagedTable } from '../../components/PagedTable.js';
import { RegionLabel } from '../../components/RegionLabel.js';
import { useLoad } from '../../hooks.js';
import type { Paged, SurveyReturn, VacancySurvey } from '../../types.js';
import { scopeOf } from '../../../shared/region.js';
import { DueDate, SurveyProgress } from './SurveysPage.js';

interface Values {
  currentVacancies: number;
  nextYearDemand: number;
  notes?: string;
}

/** 登记填报 for one employer (closed while `row` is null). */
function ReturnModal({
  survey,
  row,
  onClose,
  onDone,
}: {
  survey: VacancySurvey;
  row: SurveyReturn | null;
  onClose(): void;
  onDone(): void;
}) {
  const { message } = App.useApp();
  const count = (name: keyof Values, label: string, unit: string, extra: string) => (
    <Form.Item name={name} label={label} extra={extra} rules={[{ required: true, message: `请填写${label}` }]}>
      <InputNumber min={0} max={100_000} precision={0} style={{ width: 200 }} suffix={unit} />
    </Form.Item>
  );
  return (
    <FormModal<Values>
      title={row ? `登记填报：${row.employerName}` : ''}
      open={!!row}
      onClose={onClose}
      okText="保存"
      initialValues={
        row?.returnedOn
          ? { currentVacancies: row.currentVacancies ?? 0, nextYearDemand: row.nextYearDemand ?? 0, notes: row.notes ?? undefined }
          : {}
      }
      onSubmit={async (v) => {
        if (!row) return;
        await put<VacancySurvey>(`/vacancy-surveys/${survey.id}/returns/${row.employerId}`, {
          currentVacancies: v.currentVacancies,
          nextYearDemand: v.nextYearDemand,
          notes: v.notes?.trim() || undefined,
        });
        message.success(`已登记 ${row.employerName} 的填报`);
        onDone();
      }}
    >
      {row?.returnedOn && (
        <Typography.Paragraph type="secondary">该单位已于 {row.returnedOn} 填报；再次保存即更正，填报日期改为今天。</Typography.Paragraph>
      )}
      {count('currentVacancies', '现有空岗数', '个', '调查时单位尚未招到人的岗位数')}
      {count('nextYearDemand', `${survey.year + 1}年用工需求`, '人', '单位预计下一年度需要招用的人数')}
      <Form.Item name="notes" label="备注" rules={[{ max: 500, message: '最多 500 个字' }]}>
        <Input.TextArea rows={2} placeholder="如：主要缺焊工、电工，需持证" />
      </Form.Item>
    </FormModal>
  );
}

type Filter = 'all' | 'false' | 'true';

/** The page. */
export function SurveyPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const canWrite = hasRole(user, 'job_officer');
  const [tab, setTab] = useState<Filter>('all');
  const [reloadKey, setReloadKey] = useState(0);
  const [recording, setRecording] = useState<SurveyReturn | null>(null);
  const path = `/vacancy-surveys/${id}/returns`;
  // The round itself comes with every page of its returns; one row is enough for the head.
  const head = useLoad(() => get<Paged<SurveyReturn> & { survey: VacancySurvey }>(path, { pageSize: 1 }), [path, reloadKey]);

  if (head.error) return <Alert type="error" showIcon title={errorText(head.error)} />;
  const survey = head.data?.survey.id === id ? head.data.survey : undefined;
  if (!survey) return <Spin size="large" />;
  const missing = survey.employers - survey.returned;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Link to="/vacancy-surveys">
              <ArrowLeftOutlined /> 空岗调查
            </Link>
            <Typography.Text strong>{survey.name}</Typography.Text>
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'year', label: '调查年度', children: survey.year },
            { key: 'region', label: '调查区域', children: <RegionLabel prefix={scopeOf(survey.regionCode)} /> },
            { key: 'due', label: '填报截止日期', children: <DueDate survey={survey} /> },
          ]}
        />
        <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
          <Col xs={24} md={8}>
            <Typography.Text type="secondary">填报进度</Typography.Text>
            <SurveyProgress survey={survey} />
          </Col>
          <Col xs={8} md={5}>
            <Statistic
              title="未填报单位"
              value={missing}
              suffix="家"
              styles={{ content: { color: missing > 0 ? '#d48806' : '#389e0d' } }}
            />
          </Col>
          <Col xs={8} md={5}>
            <Statistic title="现有空岗合计" value={survey.currentVacancies} suffix="个" />
          </Col>
          <Col xs={8} md={6}>
            <Statistic title={`${survey.year + 1}年用工需求合计`} value={survey.nextYearDemand} suffix="人" />
          </Col>
        </Row>
      </Card>
      <PagedTable<SurveyReturn>
        title="参加调查的用人单位"
        path={path}
        rowKey="employerId"
        reloadKey={reloadKey}
        extraQuery={{ returned: tab === 'all' ? undefined : tab }}
        header={
          <Tabs
            activeKey={tab}
            onChange={(k) => setTab(k as Filter)}
            items={[
              { key: 'all', label: `全部（${survey.employers}）` },
              { key: 'false', label: `未填报（${missing}）` },
              { key: 'true', label: `已填报（${survey.returned}）` },
            ]}
          />
        }
        columns={[
          {
            title: '用人单位 / 统一社会信用代码',
            dataIndex: 'employerName',
            render: (n: string, r) => (
              <Space orientation="vertical" size={0}>
                <span>{n}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
                  {r.creditCode}
                </Typography.Text>
              </Space>
            ),
          },
          { title: '所在地', dataIndex: 'regionCode', render: (code: string) => <RegionLabel prefix={scopeOf(code)} /> },
          {
            title: '填报',
            dataIndex: 'returnedOn',
            render: (d: string | null) => (d ? <Tag color="green">{d} 已填报</Tag> : <Tag color="gold">未填报</Tag>),
          },
          {
            title: '现有空岗',
            dataIndex: 'currentVacancies',
            align: 'right',
            render: (n: number | null) => (n === null ? '—' : `${n} 个`),
          },
          {
            title: '下年度用工需求',
            dataIndex: 'nextYearDemand',
            align: 'right',
            render: (n: number | null) => (n === null ? '—' : `${n} 人`),
          },
          { title: '备注', dataIndex: 'notes', render: (n: string | null) => n ?? '—' },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, r: SurveyReturn) => (
                    <Button size="small" type={r.returnedOn ? 'link' : 'primary'} ghost={!r.returnedOn} onClick={() => setRecording(r)}>
                      {r.returnedOn ? '更正' : '登记填报'}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ReturnModal survey={survey} row={recording} onClose={() => setRecording(null)} onDone={() => setReloadKey((k) => k + 1)} />
    </Space>
  );
}
