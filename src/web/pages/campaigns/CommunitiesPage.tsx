// 充分就业社区 (AID-9): every community of the area judged as of a date against the criteria of
// seed 002 §(八) and seed 003 §(四), ranked, with the share meeting them all against the target
// share; a row opens a drawer with the facts behind each criterion and the standard's source.
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Card, Col, DatePicker, Descriptions, Drawer, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import dayjs from 'dayjs';
import { get } from '../../api.js';
import { ExportButton } from '../../components/ExportButton.js';
import { errorText } from '../../components/formErrors.js';
import { shanghaiToday } from '../../format.js';
import { useLoad } from '../../hooks.js';
import { communitiesPath, type CommunityFact, type CommunityItem, type CommunityRanking } from './campaignTypes.js';

/** Short column titles of the criteria (the drawer and the export give the full names). */
const shortNames: Record<string, string> = {
  registration: '失业登记率',
  certificates: '发证率',
  placement_4050: '“4050”安置率',
  zero_employment: '零就业家庭',
};

const factValue = (f: CommunityFact) => (f.value === null ? '—' : `${f.value}%`);

function MetIcon({ met }: { met: boolean }) {
  return met ? (
    <CheckCircleTwoTone twoToneColor="#52c41a" aria-label="达标" />
  ) : (
    <CloseCircleTwoTone twoToneColor="#ff4d4f" aria-label="未达标" />
  );
}

/** The facts of one community, criterion by criterion. */
function CommunityDrawer({ community, asOf, onClose }: { community: CommunityItem | null; asOf: string; onClose(): void }) {
  return (
    <Drawer
      open={community !== null}
      onClose={onClose}
      size={560}
      title={community ? `${community.regionName}（${community.streetName}）` : ''}
    >
      {community && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="community-facts">
          <Typography.Text>
            截至 {asOf}：第 {community.rank} 名，达标 {community.criteriaMet}/{community.criteriaTotal} 项，得分 {community.score}
            {community.meetsStandard ? (
              <Tag color="green" style={{ marginLeft: 8 }}>
                达到充分就业社区标准
              </Tag>
            ) : (
              <Tag style={{ marginLeft: 8 }}>未达到标准</Tag>
            )}
          </Typography.Text>
          {community.facts.map((f) => (
            <Card
              key={f.criterion}
              size="small"
              title={
                <Space>
                  <MetIcon met={f.met} />
                  {f.name}
                </Space>
              }
              extra={<strong>{factValue(f)}</strong>}
            >
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'facts', label: '依据', children: f.explanation },
                  { key: 'count', label: '计数', children: `${f.numerator} / ${f.denominator}` },
                  { key: 'standard', label: '标准', children: f.threshold === null ? '无逾期未解决' : `不低于 ${f.threshold}%` },
                  {
                    key: 'source',
                    label: '出处',
                    children: (
                      <Typography.Text type="secondary">
                        {f.parameter ? `参数 ${f.parameter}：` : ''}
                        {f.source}
                      </Typography.Text>
                    ),
                  },
                ]}
              />
            </Card>
          ))}
        </Space>
      )}
    </Drawer>
  );
}

/** The page at /full-employment-communities. */
export function CommunitiesPage() {
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? shanghaiToday();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<CommunityItem | null>(null);
  const loaded = useLoad(() => get<CommunityRanking>(communitiesPath, { asOf, page, pageSize: 20 }), [asOf, page]);
  const data = loaded.data;
  const criteria = data?.items[0]?.facts ?? [];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="充分就业社区"
        extra={
          <Space>
            <span>统计截止日</span>
            <DatePicker
              aria-label="统计截止日"
              allowClear={false}
              value={dayjs(asOf)}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              onChange={(d) => {
                setPage(1);
                setParams(d ? { asOf: d.format('YYYY-MM-DD') } : {}, { replace: true });
              }}
            />
            <ExportButton path={communitiesPath} query={{ asOf }} fileName={`充分就业社区-${asOf}`} />
          </Space>
        }
      >
        {loaded.error ? <Alert type="error" showIcon title={errorText(loaded.error)} /> : null}
        <Row gutter={16} data-testid="community-summary">
          <Col xs={12} md={6}>
            <Statistic title="参评社区" value={data?.communities ?? '—'} suffix="个" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="达到标准" value={data?.meeting ?? '—'} suffix="个" />
          </Col>
          <Col xs={24} md={12}>
            <Typography.Text type="secondary">达标社区占比（目标 {data?.targetShare ?? '—'}%）</Typography.Text>
            <Progress
              percent={data?.share ?? 0}
              format={() => (data?.share === null || data === undefined ? '—' : `${data.share}%`)}
              status={data && data.share !== null && data.targetShare !== null && data.share >= data.targetShare ? 'success' : 'normal'}
              success={{ percent: 0 }}
            />
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          标准（种子文件 002 §(八)、003
          §(四)）：下岗失业人员登记率、登记失业人员发证率达标，有就业要求的“4050”人员安置率达标，零就业家庭无逾期未解决；各项比例按参数设定，按记录的业务日期计至统计截止日。排名先按达标项数，再按得分（各项比例的平均）。
        </Typography.Paragraph>
      </Card>
      <Card>
        <Table<CommunityItem>
          rowKey="regionCode"
          size="middle"
          loading={loaded.loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 'max-content' }}
          data-testid="community-ranking"
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          onRow={(c) => ({ onClick: () => setOpen(c), style: { cursor: 'pointer' } })}
          locale={{ emptyText: '管辖范围内的社区台账中尚无人员' }}
          columns={[
            { title: '排名', dataIndex: 'rank', width: 64, align: 'center' },
            { title: '社区', dataIndex: 'regionName', render: (n: string) => <Typography.Link>{n}</Typography.Link> },
            { title: '街道', dataIndex: 'streetName' },
            ...criteria.map((criterion, i) => ({
              title: <span title={criterion.name}>{shortNames[criterion.criterion] ?? criterion.name}</span>,
              key: `fact${i}`,
              render: (_: unknown, c: CommunityItem) => {
                const f = c.facts[i]!;
                return (
                  <Space size={4}>
                    <MetIcon met={f.met} />
                    <span>
                      {f.criterion === 'zero_employment' ? (f.met ? '无逾期' : `逾期 ${f.denominator - f.numerator} 户`) : factValue(f)}
                    </span>
                  </Space>
                );
              },
            })),
            {
              title: '达标项',
              key: 'met',
              align: 'center' as const,
              render: (_: unknown, c: CommunityItem) => `${c.criteriaMet}/${c.criteriaTotal}`,
            },
            { title: '得分', dataIndex: 'score', align: 'right' as const },
            {
              title: '结论',
              dataIndex: 'meetsStandard',
              render: (m: boolean) => (m ? <Tag color="green">达标</Tag> : <Tag>未达标</Tag>),
            },
          ]}
        />
      </Card>
      <CommunityDrawer community={open} asOf={data?.asOf ?? asOf} onClose={() => setOpen(null)} />
    </Space>
  );
}
