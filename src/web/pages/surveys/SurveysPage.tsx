// 空岗调查 at /vacancy-surveys (JOB-9): the yearly survey rounds in scope with how many employers
// have returned, the totals so far, and 开展空岗调查 for job officers (every employer registered
// in the area is enrolled).
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, DatePicker, Form, Input, InputNumber, Progress, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { post } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { FormModal } from '../../components/FormModal.js';
import { PagedTable } from '../../components/PagedTable.js';
import { RegionLabel } from '../../components/RegionLabel.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { shanghaiToday } from '../../format.js';
import type { VacancySurvey } from '../../types.js';
import { scopeOf } from '../../../shared/region.js';

/** Returned / enrolled as a bar with the numbers. */
export function SurveyProgress({ survey }: { survey: Pick<VacancySurvey, 'returned' | 'employers'> }) {
  const percent = survey.employers > 0 ? Math.round((survey.returned / survey.employers) * 100) : 0;
  return (
    <div style={{ minWidth: 180 }} data-testid="survey-progress">
      <Progress
        percent={percent}
        size="small"
        status={survey.employers > 0 && survey.returned === survey.employers ? 'success' : 'normal'}
        format={() => `${survey.returned}/${survey.employers}`}
      />
    </div>
  );
}

/** The due date, in red once passed with returns missing. */
export function DueDate({ survey }: { survey: Pick<VacancySurvey, 'dueDate' | 'returned' | 'employers'> }) {
  const late = survey.dueDate < shanghaiToday() && survey.returned < survey.employers;
  return (
    <Typography.Text type={late ? 'danger' : undefined}>{late ? `${survey.dueDate}（已过截止日期）` : survey.dueDate}</Typography.Text>
  );
}

interface Values {
  name: string;
  year: number;
  dueDate: Dayjs;
  regionCode?: string;
}

/** 开展空岗调查. */
function CreateSurveyModal({ open, onClose, onDone }: { open: boolean; onClose(): void; onDone(survey: VacancySurvey): void }) {
  const user = useUser();
  const { message } = App.useApp();
  const year = dayjs().year();
  return (
    <FormModal<Values>
      title="开展空岗调查"
      open={open}
      onClose={onClose}
      okText="开展"
      width={620}
      initialValues={{ year, name: `${year}年度空岗调查`, dueDate: dayjs().add(30, 'day') }}
      onSubmit={async (v, { idempotencyKey }) => {
        const regionCode = v.regionCode && v.regionCode !== '' ? v.regionCode : undefined;
        const survey = await post<VacancySurvey>(
          '/vacancy-surveys',
          { name: v.name.trim(), year: v.year, dueDate: v.dueDate.format('YYYY-MM-DD'), regionCode },
          { idempotencyKey },
        );
        message.success(`已开展空岗调查，纳入 ${survey.employers} 家用人单位`);
        onDone(survey);
      }}
    >
      <Typography.Paragraph type="secondary">
        调查区域内登记的用人单位全部纳入本次调查，逐家登记其现有空岗数和下一年度用工需求。同一区域每年只开展一次。
      </Typography.Paragraph>
      <Form.Item
        name="name"
        label="名称"
        rules={[
          { required: true, whitespace: true, message: '请填写名称' },
          { min: 2, max: 80, message: '名称应为 2 至 80 个字' },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="year" label="调查年度" rules={[{ required: true, message: '请填写调查年度' }]}>
        <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="dueDate" label="填报截止日期" rules={[{ required: true, message: '请选择截止日期' }]}>
        <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="regionCode" label="调查区域" extra="不选则为本机构全部管辖范围">
        <RegionPicker baseScope={user.scope} maxLevel={4} />
      </Form.Item>
    </FormModal>
  );
}

/** The page. */
export function SurveysPage() {
  const user = useUser();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PagedTable<VacancySurvey>
        title="空岗调查"
        path="/vacancy-surveys"
        rowKey="id"
        actions={
          hasRole(user, 'job_officer') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              开展空岗调查
            </Button>
          )
        }
        columns={[
          { title: '名称', dataIndex: 'name', render: (n: string, s) => <Link to={`/vacancy-surveys/${s.id}`}>{n}</Link> },
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '调查区域', dataIndex: 'regionCode', render: (code: string) => <RegionLabel prefix={scopeOf(code)} /> },
          { title: '截止日期', dataIndex: 'dueDate', render: (_: string, s) => <DueDate survey={s} /> },
          { title: '填报进度（已填报/单位数）', key: 'progress', render: (_: unknown, s) => <SurveyProgress survey={s} /> },
          { title: '现有空岗', dataIndex: 'currentVacancies', align: 'right', render: (n: number) => `${n} 个` },
          { title: '下年度用工需求', dataIndex: 'nextYearDemand', align: 'right', render: (n: number) => `${n} 人` },
          { title: '开展人', dataIndex: 'createdBy' },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_: unknown, s) => <Link to={`/vacancy-surveys/${s.id}`}>{hasRole(user, 'job_officer') ? '登记填报' : '查看'}</Link>,
          },
        ]}
      />
      <CreateSurveyModal open={creating} onClose={() => setCreating(false)} onDone={(s) => navigate(`/vacancy-surveys/${s.id}`)} />
    </>
  );
}
