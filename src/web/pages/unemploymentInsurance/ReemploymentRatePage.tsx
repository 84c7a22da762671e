// 领金期间再就业率 at /ui/reemployment-rate (UI-4, 种子文件 003 §(十七)): of the persons who drew
// unemployment benefit in the year, the share stopped because they found work within it, against
// the target parameter (ui.reemployment_rate_target, with its source), for the region picked and
// for each area one level down; exported to Excel with the same figures.
import { useState } from 'react';
import { Alert, Card, Col, DatePicker, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { get } from '../../api.js';
import { useUser } from '../../auth.js';
import { ExportButton } from '../../components/ExportButton.js';
import { errorText } from '../../components/formErrors.js';
import { ListEmpty } from '../../components/PagedTable.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { useLoad } from '../../hooks.js';
import type { ReemploymentRate } from './coverageTypes.js';
import { SourceText } from './uiTypes.js';

type Area = ReemploymentRate['byArea'][number];
type AreaRow = Area & { total?: boolean };

const green = '#389e0d';
const red = '#cf1322';

/** 达标 / 未达标 against the target; 无领取人员 when nobody drew benefit; 未设目标 without the parameter. */
function MetTag({ met, rate }: { met: boolean | null; rate: number | null }) {
  if (rate === null) return <Tag>无领取人员</Tag>;
  if (met === null) return <Tag>未设目标</Tag>;
  return <Tag color={met ? 'green' : 'red'}>{met ? '达标' : '未达标'}</Tag>;
}

/** A rate in percent, green when the target is met and red when not. */
function RateText({ rate, met }: { rate: number | null; met: boolean | null }) {
  if (rate === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text strong style={met === null ? undefined : { color: met ? green : red }}>
      {rate}%
    </Typography.Text>
  );
}

/** The page. */
export function ReemploymentRatePage() {
  const user = useUser();
  const [year, setYear] = useState<Dayjs>(() => dayjs());
  const [regionCode, setRegionCode] = useState('');
  const query = { year: year.year(), regionCode: regionCode || undefined };
  const rate = useLoad(() => get<ReemploymentRate>('/ui/reemployment-rate', query), [query.year, query.regionCode]);
  const r = rate.data;
  const rows: AreaRow[] = r ? [...r.byArea, { ...r, name: `${r.name}合计`, total: true }] : [];
  const gap = r && r.rate !== null && r.target !== null && !r.met ? Math.round((r.target - r.rate) * 10) / 10 : null;
  return (
    <Card
      title="享受失业保险待遇期间再就业率"
      extra={
        <Space wrap>
          <RegionPicker baseScope={user.scope} value={regionCode} onChange={setRegionCode} maxLevel={4} />
          <Typography.Text>统计年度</Typography.Text>
          <DatePicker
            picker="year"
            aria-label="统计年度"
            allowClear={false}
            value={year}
            onChange={(d) => d && setYear(d)}
            disabledDate={(d) => d.isAfter(dayjs(), 'year')}
          />
          <ExportButton path="/ui/reemployment-rate" query={query} fileName={`享受待遇期间再就业率${query.year}`} />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        再就业率 = 当年因重新就业停发失业保险金的人数 ÷ 当年享受过失业保险金的人数（每人只计一次；按申领所在地计入区划，上级包含下级）。
        目标为政策参数“享受失业保险待遇期间再就业率目标”。
      </Typography.Paragraph>
      {rate.error ? <Alert type="error" showIcon title={errorText(rate.error)} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={24} data-testid="rate-summary" style={{ marginBottom: 16 }}>
        <Col xs={12} lg={6}>
          <Statistic title="享受失业保险金人数" value={r?.claimants ?? '—'} suffix={r ? '人' : undefined} loading={!r && rate.loading} />
        </Col>
        <Col xs={12} lg={6}>
          <Statistic title="其中重新就业停发人数" value={r?.reemployed ?? '—'} suffix={r ? '人' : undefined} />
        </Col>
        <Col xs={12} lg={6}>
          <Statistic
            title={`${r?.name ?? ''} ${query.year} 年再就业率`}
            value={r?.rate ?? '—'}
            suffix={r?.rate !== null && r?.rate !== undefined ? '%' : undefined}
            styles={{ content: r?.met === null || r?.met === undefined ? {} : { color: r.met ? green : red } }}
          />
        </Col>
        <Col xs={12} lg={6}>
          <Statistic title="目标" value={r?.target ?? '未设定'} suffix={r?.target !== null && r?.target !== undefined ? '%' : undefined} />
          {r && (
            <Space size={4} style={{ marginTop: 4 }}>
              <MetTag met={r.met} rate={r.rate} />
              {gap !== null && <Typography.Text type="danger">差 {gap} 个百分点</Typography.Text>}
            </Space>
          )}
        </Col>
      </Row>
      {r?.targetSource && (
        <div style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">目标依据：</Typography.Text>
          <SourceText text={r.targetSource} />
        </div>
      )}
      <div data-testid="rate-areas">
        <Table<AreaRow>
          rowKey={(a) => (a.total ? 'total' : a.regionCode)}
          size="middle"
          loading={rate.loading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <ListEmpty loading={rate.loading} failed={!!rate.error} text="没有数据" /> }}
          columns={[
            {
              title: '区划',
              dataIndex: 'name',
              render: (name: string, a) => (a.total ? <Typography.Text strong>{name}</Typography.Text> : name),
            },
            { title: '享受失业保险金人数', dataIndex: 'claimants', align: 'right' },
            { title: '重新就业停发人数', dataIndex: 'reemployed', align: 'right' },
            { title: '再就业率', key: 'rate', align: 'right', render: (_: unknown, a) => <RateText rate={a.rate} met={a.met} /> },
            { title: '达标', key: 'met', render: (_: unknown, a) => <MetTag met={a.met} rate={a.rate} /> },
          ]}
        />
      </div>
      {r && r.byArea.length === 0 && r.claimants > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          下一级区划没有单独的领取人员数据（本区划已是最低一级，或人员都登记在本级）。
        </Typography.Paragraph>
      )}
    </Card>
  );
}
