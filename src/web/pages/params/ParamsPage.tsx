// 政策参数: every parameter with the value in force for a chosen region and date; a row opens
// its history (and, for admins, 新增取值).
import { useState } from 'react';
import { Alert, Card, DatePicker, Space, Table, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { padRegionCode } from '../../../shared/region.js';
import { get } from '../../api.js';
import { useUser } from '../../auth.js';
import { errorText } from '../../components/formErrors.js';
import { RegionLabel } from '../../components/RegionLabel.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { formatParamValue } from '../../format.js';
import { useLoad } from '../../hooks.js';
import type { ParamInForce } from '../../types.js';
import { ParamHistoryDrawer } from './ParamHistoryDrawer.js';
import { ListEmpty } from '../../components/PagedTable.js';

/** The parameters page. */
export function ParamsPage() {
  const user = useUser();
  const [regionCode, setRegionCode] = useState(user.scope ? padRegionCode(user.scope) : '');
  const [date, setDate] = useState<Dayjs>(() => dayjs());
  const [open, setOpen] = useState<string | null>(null);
  const params = useLoad(
    () => get<ParamInForce[]>('/params', { regionCode: regionCode || undefined, date: date.format('YYYY-MM-DD') }),
    [regionCode, date],
  );

  return (
    <Card title="参数取值一览">
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        <Space>
          <Typography.Text>适用区划：</Typography.Text>
          <RegionPicker baseScope={user.scope} value={regionCode} onChange={setRegionCode} />
        </Space>
        <Space>
          <Typography.Text>日期：</Typography.Text>
          <DatePicker value={date} onChange={(d) => d && setDate(d)} allowClear={false} />
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">
        表中为所选区划在所选日期适用的取值（取最具体的区划、不晚于该日期的最新取值）。点击一行查看该参数在各区划、各时期的全部取值。
      </Typography.Paragraph>
      {params.error ? <Alert type="error" showIcon title={errorText(params.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<ParamInForce>
        rowKey="name"
        size="middle"
        loading={params.loading}
        locale={{ emptyText: <ListEmpty loading={params.loading} failed={!!params.error} text="没有符合条件的政策参数" /> }}
        dataSource={params.data ?? []}
        pagination={false}
        tableLayout="fixed"
        onRow={(row) => ({ onClick: () => setOpen(row.name), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: '名称',
            dataIndex: 'title',
            width: 200,
            render: (title: string, row) => (
              <Tooltip title={row.description}>
                <Typography.Link>{title}</Typography.Link>
              </Tooltip>
            ),
          },
          {
            title: '参数名',
            dataIndex: 'name',
            width: 320,
            ellipsis: true,
            render: (n: string) => (
              <Typography.Text code title={n}>
                {n}
              </Typography.Text>
            ),
          },
          {
            title: '取值',
            dataIndex: 'value',
            align: 'right',
            width: 120,
            render: (v: number | null, row) =>
              v === null ? <Typography.Text type="secondary">未设置</Typography.Text> : formatParamValue(v, row.unit),
          },
          { title: '适用区划', dataIndex: 'regionPrefix', width: 140, render: (p: string | null) => <RegionLabel prefix={p} /> },
          { title: '生效日期', dataIndex: 'effectiveFrom', width: 110, render: (d: string | null) => d ?? '—' },
          {
            title: '依据',
            dataIndex: 'source',
            render: (s: string | null) =>
              s ? (
                <Typography.Paragraph ellipsis={{ rows: 2, tooltip: s }} style={{ marginBottom: 0 }}>
                  {s}
                </Typography.Paragraph>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <ParamHistoryDrawer name={open} onClose={() => setOpen(null)} onChanged={params.reload} />
    </Card>
  );
}
