// 欠费单位 (UI-6, 种子文件 003 §(十五) 征缴、清欠): enrolled employers in scope whose months in the
// period were not declared or were paid below base × (employer rate + person rate) of 《失业保险条例》
// 第六条, the largest amount owed first; each row opens to its months. The rates and their sources
// are the policy parameters in force, read from the server, never written here.
import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { get } from '../../api.js';
import type { ResponseOf } from '../../apiTypes.js';
import { PagedTable } from '../../components/PagedTable.js';
import { useLoad } from '../../hooks.js';
import { EmployerName, type CoverageActions } from './CoverageLists.js';
import type { ArrearsMonth, ArrearsRow } from './coverageTypes.js';
import { SourceText, yuanText } from './uiTypes.js';

type Param = ResponseOf<'/api/v1/params/{name}'>;

interface Search {
  period?: [Dayjs, Dayjs];
}

/** The twelve months before this one: this month's contributions are not yet due. */
const defaultPeriod = (): [Dayjs, Dayjs] => [dayjs().subtract(12, 'month'), dayjs().subtract(1, 'month')];
const yuanOrDash = (fen: number | null) => (fen === null ? '—' : yuanText(fen));

/** How the amounts are computed, with the two rates in force today in the user's area and their sources. */
function ArrearsRule() {
  // Without a region the server reads the parameters for the user's own area.
  const rates = useLoad(
    () => Promise.all([get<Param>('/params/ui.contribution_rate.employer'), get<Param>('/params/ui.contribution_rate.person')]),
    [],
  );
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="arrears-rule"
      title="应缴金额 = 缴费基数 ×（单位费率 + 个人费率）；实缴低于应缴的月份为少缴，参保期间没有申报的月份为未申报"
      description={
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          {rates.data?.map((p) => (
            <div key={p.name}>
              <Typography.Text strong>
                现行{p.title} {p.value}%
              </Typography.Text>
              <SourceText text={p.source} />
            </div>
          ))}
          {rates.error ? <Typography.Text type="warning">未能读取本地区的失业保险费率参数，请在“政策参数”中查看。</Typography.Text> : null}
          <Typography.Text type="secondary">
            未申报月份的应缴额按该单位上次申报的缴费基数估算（标“估算”）；从未申报过的单位无基数可估，列出月份但不计金额。各月费率按单位所在地当月有效的参数计算。
          </Typography.Text>
        </Space>
      }
    />
  );
}

/** The months an employer owes, as its row opens. */
function ArrearsMonths({ months }: { months: ArrearsMonth[] }) {
  return (
    <div data-testid="arrears-months">
      <Table<ArrearsMonth>
        size="small"
        rowKey="month"
        pagination={false}
        dataSource={months}
        columns={[
          { title: '月份', dataIndex: 'month' },
          {
            title: '情况',
            dataIndex: 'status',
            render: (s: ArrearsMonth['status']) => (s === 'missing' ? <Tag color="red">未申报</Tag> : <Tag color="orange">少缴</Tag>),
          },
          {
            title: '缴费基数（元）',
            dataIndex: 'baseFen',
            align: 'right',
            render: (b: number | null, m) => (
              <Space size={4}>
                {yuanOrDash(b)}
                {m.estimated && b !== null && <Tag>估算</Tag>}
              </Space>
            ),
          },
          { title: '费率', dataIndex: 'ratePercent', align: 'right', render: (r: number) => `${r}%` },
          { title: '应缴（元）', dataIndex: 'dueFen', align: 'right', render: yuanOrDash },
          { title: '实缴（元）', dataIndex: 'paidFen', align: 'right', render: (p: number) => yuanText(p) },
          {
            title: '欠缴（元）',
            dataIndex: 'owedFen',
            align: 'right',
            render: (o: number | null) => (o === null ? <Typography.Text type="secondary">无基数，未计</Typography.Text> : yuanText(o)),
          },
        ]}
      />
    </div>
  );
}

/** The list. */
export function ArrearsList({ version, actions }: { version: number; actions: CoverageActions | undefined }) {
  const [initial] = useState(defaultPeriod);
  return (
    <PagedTable<ArrearsRow, Search>
      path="/ui/arrears"
      rowKey="enrolmentId"
      reloadKey={version}
      exportName="欠缴失业保险费单位"
      initialValues={{ period: initial }}
      toQuery={(v) => {
        const [from, through] = v.period ?? defaultPeriod();
        return { from: from.format('YYYY-MM'), through: through.format('YYYY-MM') };
      }}
      searchFields={
        <Form.Item name="period" label="统计期间">
          <DatePicker.RangePicker
            picker="month"
            placeholder={['起始月份', '截止月份']}
            disabledDate={(d) => !d.isBefore(dayjs(), 'month')}
          />
        </Form.Item>
      }
      header={<ArrearsRule />}
      expandable={{ expandedRowRender: (r) => <ArrearsMonths months={r.months} />, rowExpandable: (r) => r.months.length > 0 }}
      emptyText="统计期间内参保单位均已足额申报缴纳"
      columns={[
        {
          title: '单位名称',
          key: 'employer',
          render: (_: unknown, r) => <EmployerName id={r.employerId} name={r.employerName} creditCode={r.creditCode} />,
        },
        { title: '参保期间', key: 'enrolment', render: (_: unknown, r) => `${r.sinceMonth} 至 ${r.untilMonth ?? '今'}` },
        { title: '未申报月数', dataIndex: 'missingMonths', align: 'right' },
        { title: '少缴月数', dataIndex: 'shortMonths', align: 'right' },
        {
          title: '欠缴合计（元）',
          dataIndex: 'owedFen',
          align: 'right',
          render: (fen: number, r) => {
            const uncounted = r.months.filter((m) => m.owedFen === null).length;
            return (
              <Space orientation="vertical" size={0} style={{ alignItems: 'flex-end' }}>
                <Typography.Text strong className="num">
                  {yuanText(fen)}
                </Typography.Text>
                {uncounted > 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    另有 {uncounted} 个月无基数未计
                  </Typography.Text>
                )}
              </Space>
            );
          },
        },
        {
          title: '欠缴月份',
          key: 'months',
          render: (_: unknown, r) => (
            <Typography.Text style={{ maxWidth: 280 }} ellipsis={{ tooltip: r.months.map((m) => m.month).join('、') }}>
              {r.months.map((m) => m.month).join('、')}
            </Typography.Text>
          ),
        },
        ...(actions
          ? [
              {
                title: '操作',
                key: 'actions',
                fixed: 'right' as const,
                render: (_: unknown, r: ArrearsRow) => (
                  <Button size="small" type="link" onClick={() => actions.followUp({ id: r.employerId, name: r.employerName }, 'arrears')}>
                    生成追缴任务
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
