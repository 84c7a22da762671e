// The fund's year at a glance (UI-5): each month's income and spending as bars, the closing balance
// as a line on its own axis (a balance is many months of flows, so one axis would flatten the bars).
// The figures are the reconciliation's months, the same the table below the chart lists.
import { useMemo } from 'react';
import { EChart, type ChartOption } from '../../components/EChart.js';

export interface ChartMonth {
  month: string;
  incomeFen: number;
  spendingFen: number;
  closingFen: number;
}

const yuanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const axisFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

/** An axis label in yuan: 万 from ten thousand on, as finance reads its reports. */
export function axisYuan(value: number): string {
  return Math.abs(value) >= 10_000 ? `${axisFormat.format(value / 10_000)}万` : axisFormat.format(value);
}

/** Bars of the months' income and spending, a line of the balance at each month's end, in yuan. */
export function FundMonthsChart({ months }: { months: ChartMonth[] }) {
  const option = useMemo<ChartOption>(
    () => ({
      color: ['#52c41a', '#fa8c16', '#1677ff'],
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${yuanFormat.format(Number(v))} 元` },
      legend: { top: 0 },
      // Axis labels and names inside the box (ECharts 6's outer bounds, which replaced containLabel).
      grid: { left: 8, right: 8, top: 40, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
      xAxis: { type: 'category', data: months.map((m) => `${Number(m.month.slice(5))}月`) },
      yAxis: [
        { type: 'value', name: '收支（元）', axisLabel: { formatter: axisYuan } },
        { type: 'value', name: '余额（元）', axisLabel: { formatter: axisYuan }, splitLine: { show: false } },
      ],
      series: [
        { name: '本期收入', type: 'bar', data: months.map((m) => m.incomeFen / 100) },
        { name: '本期支出', type: 'bar', data: months.map((m) => m.spendingFen / 100) },
        { name: '期末余额', type: 'line', yAxisIndex: 1, data: months.map((m) => m.closingFen / 100) },
      ],
    }),
    [months],
  );
  const last = months.at(-1);
  const label = last
    ? `${months[0]!.month} 至 ${last.month} 各月基金收入、支出与期末余额；${last.month} 期末余额 ${yuanFormat.format(last.closingFen / 100)} 元`
    : '无月度数据';
  return <EChart option={option} height={300} label={label} data-testid="fund-chart" />;
}
