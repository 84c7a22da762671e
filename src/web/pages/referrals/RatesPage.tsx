// 推荐率统计 at /referrals/rates (RPT-7, JOB-5): for a month, per unit in scope, how many seekers
// registered, how many were referred and hired, and the referral rate and success rate beside the
// targets in force (seed 002: 40% and 15%), green where met and red where not.
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { get } from '../../api.js';
import { MonthToolbar, useMonth } from '../../components/MonthToolbar.js';
import { errorText } from '../../components/formErrors.js';
import { useLoad } from '../../hooks.js';
import type { ReferralRate } from '../../types.js';
import { ListEmpty } from '../../components/PagedTable.js';

const green = '#389e0d';
const red = '#cf1322';

/** A rate in percent against its target: green when met, red when below, — when nothing to divide. */
function RateCell({ rate, target, testId }: { rate: number | null; target: number; testId: string }) {
  if (rate === null) {
    return (
      <Space orientation="vertical" size={0}>
        <Typography.Text type="secondary">—</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          目标 {target}%
        </Typography.Text>
      </Space>
    );
  }
  const met = rate >= target;
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text strong style={{ color: met ? green : red }} data-testid={testId} data-met={met}>
        {rate}%
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        目标 {target}%{met ? '，已达到' : `，差 ${Math.round((target - rate) * 10) / 10} 个百分点`}
      </Typography.Text>
    </Space>
  );
}

/** The page. */
export function RatesPage() {
  const { month, setMonth, key } = useMonth();
  const rates = useLoad(() => get<ReferralRate[]>('/referrals/rates', { month: key }), [key]);
  const rows = rates.data ?? [];
  return (
    <Card title="推荐介绍率统计" extra={<MonthToolbar label="统计月份" month={month} onChange={setMonth} />}>
      <Typography.Paragraph type="secondary">
        推荐介绍率 = 当月求职人员中被推荐介绍的人数 ÷ 当月求职人数（当月任何时候处于求职或失业登记状态的人，含上月结转）；推荐介绍成功率 =
        其中经推荐录用的人数 ÷ 被推荐人数，两者都不会超过
        100%。按人员所在地计入各机构的管辖范围，上级机构包含下级，同一区域的几个机构数字相同。目标值为政策参数（可在“政策参数”中查看来源）。本表暂不能导出
        Excel。
      </Typography.Paragraph>
      {rates.error ? <Alert type="error" showIcon title={errorText(rates.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<ReferralRate>
        rowKey="unitId"
        size="middle"
        loading={rates.loading}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <ListEmpty loading={rates.loading} text="管辖范围内没有机构" /> }}
        columns={[
          {
            title: '机构',
            dataIndex: 'unitName',
            render: (n: string, r) => (
              <Space orientation="vertical" size={0}>
                <span>{n}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  管辖 {r.scope}
                </Typography.Text>
              </Space>
            ),
          },
          { title: '当月求职人数', dataIndex: 'seekers', align: 'right' },
          { title: '被推荐人数', dataIndex: 'referred', align: 'right' },
          { title: '推荐次数', dataIndex: 'referrals', align: 'right' },
          { title: '推荐成功人数', dataIndex: 'hired', align: 'right' },
          {
            title: '推荐介绍率',
            key: 'rate',
            render: (_: unknown, r) => <RateCell rate={r.referralRate} target={r.targetRate} testId="referral-rate" />,
          },
          {
            title: '推荐介绍成功率',
            key: 'success',
            render: (_: unknown, r) => <RateCell rate={r.successRate} target={r.targetSuccessRate} testId="success-rate" />,
          },
          {
            title: '达标',
            key: 'met',
            render: (_: unknown, r) => {
              if (r.referralRate === null && r.successRate === null) return <Tag>无数据</Tag>;
              const met = (r.referralRate ?? 0) >= r.targetRate && (r.successRate ?? 0) >= r.targetSuccessRate;
              return <Tag color={met ? 'green' : 'red'}>{met ? '两率达标' : '未达标'}</Tag>;
            },
          },
        ]}
      />
    </Card>
  );
}
