// 证件年审 (AID-5): holders of a valid 就业失业登记证 in scope whose yearly check is due within 30 days
// or overdue, with Excel export, and above it the year's policy rate: of the holders issued a
// certificate that year and re-employed after it, the share who enjoyed a preferential policy,
// against the target (reemployment_certificate.target_policy_rate).
import { useState } from 'react';
import { Alert, Card, Form, InputNumber, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { get } from '../../api.js';
import type { ItemOf, ResponseOf } from '../../apiTypes.js';
import { errorText } from '../../components/formErrors.js';
import { PagedTable } from '../../components/PagedTable.js';
import { PersonLink } from '../../components/PageLink.js';
import { RegionLabel } from '../../components/RegionLabel.js';
import { useLoad } from '../../hooks.js';

type DueItem = ItemOf<'/api/v1/certificates/checks-due'>;
type Rate = ResponseOf<'/api/v1/certificates/policy-rate'>;

interface Filters {
  overdue?: string;
}

/** The policy rate card: numerator, denominator, rate and target, for a chosen year. */
export function PolicyRateCard() {
  const [year, setYear] = useState(dayjs().year());
  const rate = useLoad(() => get<Rate>('/certificates/policy-rate', { year }), [year]);
  const r = rate.data;
  return (
    <Card
      title="持证再就业人员享受优惠政策比例"
      data-testid="policy-rate"
      extra={
        <Space>
          <Typography.Text type="secondary">年度</Typography.Text>
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} style={{ width: 90 }} />
        </Space>
      }
    >
      {rate.error ? <Alert type="error" showIcon title={errorText(rate.error)} /> : null}
      <Space size={48} wrap align="end">
        <Statistic title="当年领证并再就业（人）" value={r?.denominator ?? '—'} loading={rate.loading && !r} />
        <Statistic title="其中享受优惠政策（人）" value={r?.numerator ?? '—'} loading={rate.loading && !r} />
        <Statistic
          title="比例"
          value={r?.ratePercent ?? '—'}
          suffix={r?.ratePercent !== null ? '%' : undefined}
          loading={rate.loading && !r}
        />
        <Statistic
          title="目标"
          value={r?.targetPercent ?? '未设定'}
          suffix={r?.targetPercent != null ? '%' : undefined}
          loading={rate.loading && !r}
        />
        {r && r.met !== null ? (
          <Tag color={r.met ? 'green' : 'red'} style={{ marginBottom: 8 }} data-testid="policy-rate-met">
            {r.met ? '达到目标' : '未达到目标'}
          </Tag>
        ) : null}
      </Space>
      {r && r.byRegion.length > 1 ? (
        <Table<Rate['byRegion'][number]>
          rowKey="regionCode"
          size="small"
          style={{ marginTop: 12 }}
          data-testid="policy-rate-areas"
          dataSource={r.byRegion}
          pagination={false}
          columns={[
            { title: '区域', dataIndex: 'regionCode', render: (code: string) => <RegionLabel prefix={code} nameOnly /> },
            { title: '领证并再就业（人）', dataIndex: 'denominator', align: 'right' },
            { title: '享受政策（人）', dataIndex: 'numerator', align: 'right' },
            { title: '比例', dataIndex: 'ratePercent', align: 'right', render: (p: number | null) => (p === null ? '—' : `${p}%`) },
          ]}
        />
      ) : null}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
        口径：当年领取就业失业登记证、且领证后当年办理就业登记的人员中，年底前至少享受一项优惠政策（补贴发放、公益性岗位安置等）的比例。
        {r?.targetSource ? ` 目标依据：${r.targetSource}` : ' 本地区未设定目标值（参数 reemployment_certificate.target_policy_rate）。'}
      </Typography.Paragraph>
    </Card>
  );
}

/** The page at /certificates/checks. */
export function CertificateChecksPage() {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PolicyRateCard />
      <PagedTable<DueItem, Filters>
        title="证件年审"
        path="/certificates/checks-due"
        rowKey="personId"
        exportName="待年审持证人员"
        toQuery={(v) => ({ overdue: v.overdue === 'true' ? true : undefined })}
        emptyText="没有 30 天内到期或已逾期的年审。持证人员自发证或上次年审起每满一个年审周期须年审一次，在人员详情中办理。"
        searchFields={
          <Form.Item name="overdue" label="范围">
            <Select
              allowClear
              placeholder="30 天内到期及已逾期"
              style={{ width: 200 }}
              options={[{ value: 'true', label: '只看已逾期' }]}
            />
          </Form.Item>
        }
        columns={[
          { title: '姓名', dataIndex: 'name', render: (n: string, r) => <PersonLink personId={r.personId}>{n}</PersonLink> },
          { title: '身份证号', dataIndex: 'idNumber' },
          { title: '证号', dataIndex: 'certificateNo', render: (n: string) => <span style={{ fontFamily: 'monospace' }}>{n}</span> },
          { title: '所在社区', dataIndex: 'regionCode', render: (code: string) => <RegionLabel prefix={code} /> },
          { title: '上次发证/年审', dataIndex: 'lastCheckedOrIssued' },
          { title: '年审到期日', dataIndex: 'dueOn' },
          {
            title: '状态',
            dataIndex: 'overdue',
            render: (o: boolean) => (o ? <Tag color="red">已逾期</Tag> : <Tag color="orange">即将到期</Tag>),
          },
        ]}
      />
    </Space>
  );
}
