// A job fair at /fairs/:id (JOB-6), read from its report: what, when and where; the totals; the
// employers' booths (添加展位); the vacancies offered there; after the day, attendance, intentions
// and deals (登记举办结果); and the report as Excel.
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
  Table,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { downloadFile, get, patch, post } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { FormModal } from '../../components/FormModal.js';
import { errorText } from '../../components/formErrors.js';
import { shanghaiToday } from '../../format.js';
import { useLoad } from '../../hooks.js';
import { jobFairKindNames, vacancyStatusColors, vacancyStatusNames } from '../../labels.js';
import type { FairReport, JobFair, VacancyStatus } from '../../types.js';
import { wageRangeText } from '../matching/MatchReasons.js';
import { EmployerSelect } from '../employers/EmployerSelect.js';
import { FairModal } from './FairModal.js';
import { FairStatusTag } from './FairsPage.js';

type Booth = FairReport['booths'][number];
type OfferedVacancy = FairReport['vacancies'][number];

/** 添加展位. */
function BoothModal({
  report,
  open,
  onClose,
  onDone,
}: {
  report: FairReport;
  open: boolean;
  onClose(): void;
  onDone(report: FairReport): void;
}) {
  const { message } = App.useApp();
  const taken = Object.fromEntries(report.booths.map((b) => [b.employerId, b.boothNo ? `已有展位 ${b.boothNo}` : '已有展位']));
  return (
    <FormModal<{ employerId: string; boothNo?: string }>
      title={`添加展位：${report.fair.name}`}
      open={open}
      onClose={onClose}
      okText="添加"
      onSubmit={async (v) => {
        const updated = await post<FairReport>(`/fairs/${report.fair.id}/booths`, {
          employerId: v.employerId,
          boothNo: v.boothNo?.trim() || undefined,
        });
        message.success('已添加展位');
        onDone(updated);
      }}
    >
      <Form.Item
        name="employerId"
        label="用人单位"
        rules={[{ required: true, message: '请选择用人单位' }]}
        extra="只能选管辖范围内已登记的用人单位；未登记的请先在“用人单位”中登记。"
      >
        <EmployerSelect taken={taken} />
      </Form.Item>
      <Form.Item name="boothNo" label="展位号" rules={[{ max: 20, message: '最多 20 个字' }]}>
        <Input placeholder="如：A01" style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}

interface ResultValues {
  attendance?: number | null;
  intentions?: number | null;
  deals?: number | null;
}

/** 登记举办结果: attendance, intentions and deals, only after the day. */
function ResultsModal({ fair, open, onClose, onDone }: { fair: JobFair; open: boolean; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  const number = (name: keyof ResultValues, label: string, extra?: string) => (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={[{ type: 'integer', min: 0, max: 1_000_000, message: '请填写 0 至 1,000,000 的整数' }]}
    >
      <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 200 }} suffix="人" />
    </Form.Item>
  );
  return (
    <FormModal<ResultValues>
      title={`登记举办结果：${fair.name}`}
      open={open}
      onClose={onClose}
      okText="保存"
      initialValues={{ attendance: fair.attendance, intentions: fair.intentions, deals: fair.deals }}
      onSubmit={async (v) => {
        await patch<JobFair>(`/fairs/${fair.id}`, {
          attendance: v.attendance ?? null,
          intentions: v.intentions ?? null,
          deals: v.deals ?? null,
        });
        message.success('已登记举办结果');
        onDone();
      }}
    >
      {number('attendance', '入场人数', '进场求职的人数')}
      {number('intentions', '达成意向人数', '与用人单位初步达成录用意向的人数')}
      <Form.Item
        name="deals"
        label="签约人数"
        extra="现场签订劳动合同或录用协议的人数，不能多于达成意向人数"
        dependencies={['intentions']}
        rules={[
          { type: 'integer', min: 0, max: 1_000_000, message: '请填写 0 至 1,000,000 的整数' },
          ({ getFieldValue }) => ({
            validator: (_, deals: number | null | undefined) => {
              const intentions = getFieldValue('intentions') as number | null | undefined;
              return deals != null && intentions != null && deals > intentions
                ? Promise.reject(new Error('签约人数不能多于达成意向人数'))
                : Promise.resolve();
            },
          }),
        ]}
      >
        <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 200 }} suffix="人" />
      </Form.Item>
    </FormModal>
  );
}

/** The page. */
export function FairPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const { message, modal } = App.useApp();
  const canWrite = hasRole(user, 'job_officer');
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<'booth' | 'results' | 'edit' | null>(null);
  const [exporting, setExporting] = useState(false);
  const loaded = useLoad(() => get<FairReport>(`/fairs/${id}/report`), [id, version]);
  const reload = () => setVersion((v) => v + 1);

  if (loaded.error) return <Alert type="error" showIcon title={errorText(loaded.error)} />;
  const report = loaded.data?.fair.id === id ? loaded.data : undefined;
  if (!report) return <Spin size="large" />;
  const { fair } = report;
  const held = fair.date <= shanghaiToday();
  const open = canWrite && !fair.cancelled;

  const exportReport = async () => {
    setExporting(true);
    try {
      await downloadFile(`/fairs/${fair.id}/report`, { format: 'xlsx' }, `招聘会报告-${fair.name}.xlsx`);
    } catch (err) {
      message.error(`导出失败：${errorText(err)}`);
    } finally {
      setExporting(false);
    }
  };

  const cancel = () =>
    modal.confirm({
      title: `取消招聘会“${fair.name}”？`,
      content: '取消后招聘会不再出现在公共网站的招聘会日程中，记录保留。',
      okText: '取消招聘会',
      okButtonProps: { danger: true },
      cancelText: '不取消',
      onOk: async () => {
        try {
          await patch<JobFair>(`/fairs/${fair.id}`, { cancelled: true });
          message.success('招聘会已取消');
          reload();
        } catch (err) {
          message.error(errorText(err));
        }
      },
    });

  const result = (n: number | null) => (n === null ? (held ? '未登记' : '—') : n);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Link to="/fairs">
              <ArrowLeftOutlined /> 招聘会
            </Link>
            <Typography.Text strong data-testid="fair-name">
              {fair.name}
            </Typography.Text>
            <Tag color="purple">{jobFairKindNames[fair.kind] ?? fair.kind}</Tag>
            <FairStatusTag fair={fair} />
          </Space>
        }
        extra={
          <Space wrap>
            {open && (
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                修改
              </Button>
            )}
            {open && !held && (
              <Button danger icon={<StopOutlined />} onClick={cancel}>
                取消招聘会
              </Button>
            )}
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportReport()}>
              导出报告
            </Button>
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'date', label: '举办日期', children: fair.date },
            { key: 'venue', label: '举办地点', children: fair.venue },
            { key: 'region', label: '所在区域', children: fair.regionName ?? fair.regionCode },
            ...(fair.description ? [{ key: 'description', label: '说明', span: 3, children: fair.description }] : []),
          ]}
        />
      </Card>

      <Card
        title="招聘会报告"
        data-testid="fair-totals"
        extra={
          open &&
          held && (
            <Button type="primary" onClick={() => setDialog('results')}>
              登记举办结果
            </Button>
          )
        }
      >
        <Row gutter={[16, 16]}>
          {[
            ['展位数', fair.boothCount, '个'],
            ['岗位数', fair.vacancyCount, '个'],
            ['招聘人数', fair.headcount, '人'],
            ['入场人数', result(fair.attendance), '人'],
            ['达成意向', result(fair.intentions), '人'],
            ['签约人数', result(fair.deals), '人'],
          ].map(([title, value, suffix]) => (
            <Col key={title} xs={12} md={8} xl={4}>
              <Statistic title={title} value={value ?? ''} suffix={typeof value === 'number' ? suffix : undefined} />
            </Col>
          ))}
        </Row>
        {!held && !fair.cancelled && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            招聘会于 {fair.date} 举办，举办当天起可登记入场人数、达成意向人数和签约人数。
          </Typography.Paragraph>
        )}
      </Card>

      <Card
        title={`展位（${report.booths.length}）`}
        extra={
          open && (
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setDialog('booth')}>
              添加展位
            </Button>
          )
        }
      >
        <Table<Booth>
          rowKey="id"
          size="small"
          dataSource={report.booths}
          pagination={false}
          locale={{ emptyText: '尚未安排展位' }}
          data-testid="booths"
          columns={[
            { title: '展位号', dataIndex: 'boothNo', width: 100, render: (b: string | null) => b ?? '—' },
            { title: '用人单位', dataIndex: 'employerName' },
            { title: '带来岗位', dataIndex: 'vacancies', align: 'right', render: (n: number) => `${n} 个` },
            { title: '招聘人数', dataIndex: 'headcount', align: 'right', render: (n: number) => `${n} 人` },
          ]}
        />
      </Card>

      <Card title={`招聘会岗位（${report.vacancies.length}）`}>
        <Table<OfferedVacancy>
          rowKey="id"
          size="small"
          dataSource={report.vacancies}
          pagination={report.vacancies.length > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: '尚无为本招聘会登记的岗位（登记岗位时注明所属招聘会即列在这里）' }}
          columns={[
            { title: '岗位', dataIndex: 'title', render: (t: string, v) => <Link to={`/vacancies/${v.id}`}>{t}</Link> },
            { title: '用人单位', dataIndex: 'employerName' },
            { title: '招聘人数', dataIndex: 'headcount', align: 'right', render: (n: number) => `${n} 人` },
            { title: '月工资', key: 'wage', render: (_: unknown, v) => wageRangeText(v.wageMin, v.wageMax) },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: string) => (
                <Tag color={vacancyStatusColors[s as VacancyStatus]}>{vacancyStatusNames[s as VacancyStatus] ?? s}</Tag>
              ),
            },
          ]}
        />
      </Card>

      <BoothModal report={report} open={dialog === 'booth'} onClose={() => setDialog(null)} onDone={reload} />
      <ResultsModal fair={fair} open={dialog === 'results'} onClose={() => setDialog(null)} onDone={reload} />
      <FairModal open={dialog === 'edit'} fair={fair} onClose={() => setDialog(null)} onDone={reload} />
    </Space>
  );
}
