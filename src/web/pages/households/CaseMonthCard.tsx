// 月度情况 of zero-employment casework ("动态清零", AID-3): for a month, per area one level below
// the user's scope, the cases detected, due, resolved by their deadline and the share of those,
// open and overdue at the month's end, with the total and an Excel export.
import { Alert, Card, Table, Typography } from 'antd';
import { get } from '../../api.js';
import { MonthToolbar, useMonth } from '../../components/MonthToolbar.js';
import { errorText } from '../../components/formErrors.js';
import { ListEmpty } from '../../components/PagedTable.js';
import { useLoad } from '../../hooks.js';
import { casesPath, type CaseMonth } from './caseTypes.js';

type Row = CaseMonth['items'][number];

const rateText = (rate: number | null) => (rate === null ? '—' : `${rate}%`);

/** The figures' columns, shared by the rows and the total. */
const figureKeys = ['detected', 'due', 'resolvedInTime', 'resolvedInTimeRate', 'openAtEnd', 'overdueAtEnd'] as const;

/** The card. */
export function CaseMonthCard() {
  const { month, setMonth, key } = useMonth();
  const figures = useLoad(() => get<CaseMonth>(`${casesPath}/monthly`, { month: key }), [key]);
  const data = figures.data?.month === key ? figures.data : undefined;
  const rows = data?.items ?? [];
  return (
    <Card
      title="零就业家庭动态清零月度情况"
      data-testid="case-month"
      extra={
        <MonthToolbar
          label="统计月份"
          month={month}
          onChange={setMonth}
          exportTo={{ path: `${casesPath}/monthly`, query: { month: key }, fileName: `零就业家庭月度情况-${key}` }}
        />
      }
    >
      <Typography.Paragraph type="secondary">
        按下一级区域统计有个案的区域。本月到期：解决期限在本月的个案；按期解决：其中在解决期限前（含当天）实现就业或不再符合认定条件的；按期解决率
        = 按期解决 ÷ 本月到期，本月没有到期个案时为“—”。月末未解决、月末超期按月末当天的情况计。
      </Typography.Paragraph>
      {figures.error ? <Alert type="error" showIcon title={errorText(figures.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<Row>
        rowKey="regionCode"
        size="middle"
        loading={figures.loading}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <ListEmpty loading={figures.loading && !data} failed={!!figures.error} text="截至该月，管辖范围内没有零就业家庭个案" />
          ),
        }}
        columns={[
          { title: '区域', dataIndex: 'regionName', render: (n: string | null, r) => n ?? r.regionCode },
          { title: '本月新认定', dataIndex: 'detected', align: 'right' },
          { title: '本月到期', dataIndex: 'due', align: 'right' },
          { title: '按期解决', dataIndex: 'resolvedInTime', align: 'right' },
          {
            title: '按期解决率',
            dataIndex: 'resolvedInTimeRate',
            align: 'right',
            render: (r: number | null) => <span data-testid="in-time-rate">{rateText(r)}</span>,
          },
          { title: '月末未解决', dataIndex: 'openAtEnd', align: 'right' },
          {
            title: '月末超期',
            dataIndex: 'overdueAtEnd',
            align: 'right',
            render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
          },
        ]}
        summary={() =>
          data && rows.length > 1 ? (
            <Table.Summary.Row data-testid="case-month-total">
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>合计</Typography.Text>
              </Table.Summary.Cell>
              {figureKeys.map((k, i) => (
                <Table.Summary.Cell key={k} index={i + 1} align="right">
                  <Typography.Text strong>
                    {k === 'resolvedInTimeRate' ? rateText(data.total.resolvedInTimeRate) : data.total[k]}
                  </Typography.Text>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : null
        }
      />
    </Card>
  );
}
