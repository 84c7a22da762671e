// 基金台账 (UI-5): the unemployment-insurance fund of the region picked (the user's scope by
// default) through the month picked: balance, income and spending; the year's months with their
// opening and closing balances (a chart of income, spending and balance above the table) and the
// auditor's checks (Excel); the transfers, where one finance officer requests a provincial
// transfer, interest or a subsidy, another approves it (then it is posted), and a posted transfer
// is corrected by a reversal, approved the same way.
import { lazy, Suspense, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { DatePicker } from 'antd';
import {
  fundAccountNames,
  fundTransferKindNames,
  fundTransferStatusNames,
  type FundTransferKind,
  type FundTransferStatus,
} from '../../../shared/labels.js';
import { padRegionCode } from '../../../shared/region.js';
import { get, post } from '../../api.js';
import type { ItemOf, ResponseOf } from '../../apiTypes.js';
import { hasRole, useUser } from '../../auth.js';
import { FormModal } from '../../components/FormModal.js';
import { errorText } from '../../components/formErrors.js';
import { MonthToolbar, useMonth } from '../../components/MonthToolbar.js';
import { PagedTable } from '../../components/PagedTable.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { formatDateTime } from '../../format.js';
import { useLoad } from '../../hooks.js';
import { optionsOf } from '../../labels.js';

// ECharts is half a megabyte: its own chunk, loaded when the fund page first shows a chart.
const FundMonthsChart = lazy(() => import('./FundMonthsChart.js').then((m) => ({ default: m.FundMonthsChart })));

type Balance = ResponseOf<'/api/v1/ui/fund/balance'>;
type Reconciliation = ResponseOf<'/api/v1/ui/fund/reconciliation'>;
type Transfer = ItemOf<'/api/v1/ui/fund/transfers'>;
type MonthRow = Reconciliation['months'][number];

const requestKinds = ['provincial_in', 'provincial_out', 'interest', 'subsidy'] as const;
const kindColors: Record<FundTransferKind, string> = {
  contribution: 'green',
  benefit: 'blue',
  benefit_returned: 'cyan',
  subsidy: 'purple',
  provincial_out: 'orange',
  provincial_in: 'gold',
  interest: 'lime',
  reversal: 'red',
};

const yuanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const yuanText = (fen: number) => yuanFormat.format(fen / 100);
const money = (fen: number) => <span className="num">{yuanText(fen)}</span>;

/** The page. */
export function FundLedgerPage() {
  const user = useUser();
  const isFinance = hasRole(user, 'finance');
  const { month, setMonth, key } = useMonth();
  const [regionCode, setRegionCode] = useState('');
  const [version, setVersion] = useState(0);
  const [requesting, setRequesting] = useState(false);
  const [reversing, setReversing] = useState<Transfer | null>(null);
  const { message, modal } = App.useApp();
  const region = regionCode || undefined;
  const balance = useLoad(() => get<Balance>('/ui/fund/balance', { regionCode: region, month: key }), [region, key, version]);
  const rec = useLoad(() => get<Reconciliation>('/ui/fund/reconciliation', { regionCode: region, month: key }), [region, key, version]);
  const reload = () => setVersion((v) => v + 1);

  const approve = (tr: Transfer) =>
    modal.confirm({
      title: `复核入账：${fundTransferKindNames[tr.kind]} ${yuanText(tr.amountFen)} 元？`,
      content: `${tr.month} ${tr.memo}。入账后写入借贷两条分录，不能修改；如有错误只能冲正。`,
      okText: '复核入账',
      cancelText: '取消',
      onOk: async () => {
        try {
          await post(`/ui/fund/transfers/${tr.id}/approve`);
          message.success('已入账');
          reload();
        } catch (err) {
          message.error(errorText(err));
        }
      },
    });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="失业保险基金"
        data-testid="fund-balance"
        extra={
          <Space wrap>
            <RegionPicker baseScope={user.scope} value={regionCode} onChange={setRegionCode} maxLevel={4} />
            <MonthToolbar
              label="截至月份"
              month={month}
              onChange={setMonth}
              exportTo={{ path: '/ui/fund/reconciliation', query: { regionCode: region, month: key }, fileName: `失业保险基金对账_${key}` }}
            />
          </Space>
        }
      >
        {balance.error ? <Alert type="error" showIcon title={errorText(balance.error)} /> : null}
        <Row gutter={24}>
          <Col span={6}>
            <Statistic
              title="基金余额（元）"
              value={balance.data ? yuanText(balance.data.balanceFen) : '—'}
              loading={balance.loading && !balance.data}
            />
          </Col>
          <Col span={6}>
            <Statistic title="累计收入（元）" value={balance.data ? yuanText(balance.data.incomeFen) : '—'} />
          </Col>
          <Col span={6}>
            <Statistic title="累计支出（元）" value={balance.data ? yuanText(balance.data.spendingFen) : '—'} />
          </Col>
          <Col span={6}>
            <Statistic
              title="对账核对"
              value={rec.data ? (rec.data.ok ? '全部相符' : '有不符项') : '—'}
              styles={{ content: { color: rec.data?.ok === false ? '#cf1322' : '#389e0d' } }}
              prefix={rec.data ? rec.data.ok ? <CheckCircleOutlined /> : <CloseCircleOutlined /> : null}
            />
          </Col>
        </Row>
      </Card>
      <Card title={`${key.slice(0, 4)} 年月度收支`} data-testid="fund-months">
        {rec.data && (
          <Suspense fallback={<div style={{ height: 300 }} />}>
            <FundMonthsChart months={rec.data.months} />
          </Suspense>
        )}
        <Table<MonthRow>
          size="small"
          rowKey="month"
          pagination={false}
          loading={rec.loading && !rec.data}
          dataSource={rec.data?.months ?? []}
          columns={[
            { title: '月份', dataIndex: 'month' },
            { title: '期初余额', dataIndex: 'openingFen', align: 'right', render: money },
            { title: '缴费收入', key: 'contribution', align: 'right', render: (_: unknown, m) => money(m.income.contribution ?? 0) },
            { title: '调剂金下拨', key: 'provincial_in', align: 'right', render: (_: unknown, m) => money(m.income.provincial_in ?? 0) },
            { title: '利息', key: 'interest', align: 'right', render: (_: unknown, m) => money(m.income.interest ?? 0) },
            { title: '本期收入', dataIndex: 'incomeFen', align: 'right', render: money },
            {
              title: '待遇支出',
              key: 'benefit',
              align: 'right',
              render: (_: unknown, m) => money((m.spending.benefit ?? 0) + (m.spending.benefit_returned ?? 0)),
            },
            { title: '补贴支出', key: 'subsidy', align: 'right', render: (_: unknown, m) => money(m.spending.subsidy ?? 0) },
            {
              title: '上解调剂金',
              key: 'provincial_out',
              align: 'right',
              render: (_: unknown, m) => money(m.spending.provincial_out ?? 0),
            },
            { title: '本期支出', dataIndex: 'spendingFen', align: 'right', render: money },
            { title: '期末余额', dataIndex: 'closingFen', align: 'right', render: money },
          ]}
        />
        {rec.data && (
          <Space orientation="vertical" size={4} style={{ marginTop: 16 }} data-testid="fund-checks">
            <Typography.Text strong>核对</Typography.Text>
            {rec.data.checks
              .filter((c) => c.check !== 'contribution_income' || c.expected !== 0 || c.found !== 0)
              .map((c) => (
                <Space key={`${c.check}${c.month ?? ''}`}>
                  {c.ok ? <Tag color="green">相符</Tag> : <Tag color="red">不符</Tag>}
                  <Typography.Text>{c.label}</Typography.Text>
                  <Typography.Text type="secondary">
                    {c.check === 'transfers_balanced'
                      ? `不符 ${c.found} 笔`
                      : `应为 ${yuanText(c.expected)} 元，实为 ${yuanText(c.found)} 元`}
                  </Typography.Text>
                </Space>
              ))}
          </Space>
        )}
      </Card>
      <FundTransfers
        regionCode={region}
        version={version}
        isFinance={isFinance}
        username={user.username}
        onRequest={() => setRequesting(true)}
        onApprove={approve}
        onReverse={setReversing}
      />
      {isFinance && (
        <RequestTransferModal
          open={requesting}
          baseScope={user.scope}
          onClose={() => setRequesting(false)}
          onDone={() => {
            setRequesting(false);
            reload();
          }}
        />
      )}
      {isFinance && (
        <ReverseModal
          transfer={reversing}
          onClose={() => setReversing(null)}
          onDone={() => {
            setReversing(null);
            reload();
          }}
        />
      )}
    </Space>
  );
}

const statusTabs: { key: FundTransferStatus | 'all'; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'requested', label: '待复核' },
  { key: 'posted', label: '已入账' },
];

function FundTransfers(props: {
  regionCode: string | undefined;
  version: number;
  isFinance: boolean;
  username: string;
  onRequest(): void;
  onApprove(tr: Transfer): void;
  onReverse(tr: Transfer): void;
}) {
  const [tab, setTab] = useState<FundTransferStatus | 'all'>('all');
  return (
    <PagedTable<Transfer, { kind?: FundTransferKind; month?: Dayjs }>
      title="基金划转"
      path="/ui/fund/transfers"
      rowKey="id"
      reloadKey={props.version}
      exportName="失业保险基金划转"
      extraQuery={{ status: tab === 'all' ? undefined : tab, regionCode: props.regionCode }}
      toQuery={(v) => ({ kind: v.kind, month: v.month?.format('YYYY-MM') })}
      searchFields={
        <>
          <Form.Item name="kind" label="类型">
            <Select allowClear placeholder="全部" style={{ width: 200 }} options={optionsOf(fundTransferKindNames)} />
          </Form.Item>
          <Form.Item name="month" label="会计期间">
            <DatePicker picker="month" placeholder="全部月份" disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
          </Form.Item>
        </>
      }
      actions={
        props.isFinance && (
          <Button type="primary" icon={<PlusOutlined />} onClick={props.onRequest}>
            提出划转
          </Button>
        )
      }
      header={
        <Tabs activeKey={tab} onChange={(k) => setTab(k as FundTransferStatus | 'all')} items={statusTabs} style={{ marginBottom: 0 }} />
      }
      emptyText="没有基金划转：缴费录入后自动记入缴费收入，调剂金、利息和补贴由财务提出"
      columns={[
        { title: '会计期间', dataIndex: 'month' },
        { title: '类型', dataIndex: 'kind', render: (k: FundTransferKind) => <Tag color={kindColors[k]}>{fundTransferKindNames[k]}</Tag> },
        {
          title: '借方 → 贷方',
          key: 'accounts',
          render: (_: unknown, tr) =>
            `${fundAccountNames[tr.debitAccount as keyof typeof fundAccountNames]} → ${fundAccountNames[tr.creditAccount as keyof typeof fundAccountNames]}`,
        },
        { title: '金额（元）', dataIndex: 'amountFen', align: 'right', render: money },
        { title: '摘要', dataIndex: 'memo', ellipsis: true },
        {
          title: '状态',
          dataIndex: 'status',
          render: (s: FundTransferStatus, tr) => (
            <Space size={4}>
              <Tag color={s === 'posted' ? 'green' : 'gold'}>{fundTransferStatusNames[s]}</Tag>
              {tr.reversedById && <Tag color="red">已冲正</Tag>}
            </Space>
          ),
        },
        { title: '提出人', dataIndex: 'createdByName' },
        { title: '提出时间', dataIndex: 'createdAt', render: (t: string) => formatDateTime(t) },
        { title: '复核人', dataIndex: 'approvedByName', render: (a: string | null) => a ?? '—' },
        {
          title: '操作',
          key: 'actions',
          fixed: 'right',
          render: (_: unknown, tr) => {
            if (!props.isFinance) return null;
            if (tr.status === 'requested')
              return tr.createdBy === props.username ? (
                <Typography.Text type="secondary">待他人复核</Typography.Text>
              ) : (
                <Button size="small" type="link" onClick={() => props.onApprove(tr)}>
                  复核入账
                </Button>
              );
            const reversible = (requestKinds as readonly string[]).includes(tr.kind) && !tr.reversedById;
            return reversible ? (
              <Button size="small" type="link" danger onClick={() => props.onReverse(tr)}>
                冲正
              </Button>
            ) : null;
          },
        },
      ]}
    />
  );
}

interface RequestValues {
  kind: (typeof requestKinds)[number];
  regionCode?: string;
  month: Dayjs;
  amountYuan: number;
  memo: string;
}

function RequestTransferModal({ open, baseScope, onClose, onDone }: { open: boolean; baseScope: string; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  return (
    <FormModal<RequestValues>
      title="提出基金划转"
      open={open}
      onClose={onClose}
      okText="提交复核"
      rename={{ amountFen: 'amountYuan' }}
      initialValues={{ kind: 'provincial_in', month: dayjs() }}
      onSubmit={async (v, { idempotencyKey }) => {
        const body = {
          kind: v.kind,
          regionCode: v.regionCode || padRegionCode(baseScope),
          month: v.month.format('YYYY-MM'),
          amountFen: Math.round(v.amountYuan * 100),
          memo: v.memo,
        };
        await post('/ui/fund/transfers', body, { idempotencyKey });
        message.success('已提交，待另一名财务人员复核入账');
        onDone();
      }}
    >
      <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
        <Select options={requestKinds.map((k) => ({ value: k, label: fundTransferKindNames[k] }))} />
      </Form.Item>
      <Form.Item name="regionCode" label="统筹区划" extra="不选为本人管辖区划">
        <RegionPicker baseScope={baseScope} maxLevel={4} />
      </Form.Item>
      <Form.Item name="month" label="会计期间" rules={[{ required: true, message: '请选择会计期间' }]}>
        <DatePicker picker="month" allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
      </Form.Item>
      <Form.Item name="amountYuan" label="金额（元）" rules={[{ required: true, message: '请填写金额' }]}>
        <InputNumber min={0.01} max={1_000_000_000} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="memo" label="摘要" rules={[{ required: true, min: 2, message: '请填写摘要（文号、银行回单号等）' }]}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

function ReverseModal({ transfer, onClose, onDone }: { transfer: Transfer | null; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  return (
    <FormModal<{ reason: string }>
      title={transfer ? `冲正：${fundTransferKindNames[transfer.kind]} ${yuanText(transfer.amountFen)} 元` : '冲正'}
      open={!!transfer}
      onClose={onClose}
      okText="提交冲正"
      onSubmit={async (v, { idempotencyKey }) => {
        await post(`/ui/fund/transfers/${transfer!.id}/reverse`, v, { idempotencyKey });
        message.success('已提出冲正，待另一名财务人员复核入账');
        onDone();
      }}
    >
      <Typography.Paragraph type="secondary">
        冲正在本月记入一笔金额相同、方向相反的划转，原划转和分录保持不变；每笔划转只能冲正一次。
      </Typography.Paragraph>
      <Form.Item name="reason" label="冲正原因" rules={[{ required: true, min: 2, message: '请填写冲正原因' }]}>
        <Input.TextArea maxLength={500} rows={3} />
      </Form.Item>
    </FormModal>
  );
}
