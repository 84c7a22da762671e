// 失业保险金发放 (UI-3): the monthly payment runs in scope (month, status, payments, total, who created
// and who approved), and for finance 生成发放批次: the month's run is built on the server while the
// POST waits, which for a big city takes minutes, so the page polls the building run's progress
// and shows it as a bar. Each click sends a fresh Idempotency-Key: a second click for the same month
// joins or resumes the same run on the server, never pays a month twice.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Progress, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { uiPaymentRunStatusNames, type UiPaymentRunStatus } from '../../../shared/labels.js';
import { get, newIdempotencyKey, post } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { errorText } from '../../components/formErrors.js';
import { PagedTable } from '../../components/PagedTable.js';
import { formatDateTime } from '../../format.js';
import { optionsOf } from '../../labels.js';
import type { Paged } from '../../types.js';
import {
  approveBlockOf,
  paymentRunPath,
  paymentRunsApi,
  progressPercent,
  RunStatusTag,
  yuanText,
  type PaymentRun,
} from './paymentRunTypes.js';

interface Filters {
  month?: Dayjs;
  status?: UiPaymentRunStatus;
}

/** How often the building run's progress is read while the POST waits. */
const pollMs = 1000;

/** 生成发放批次: the month (this month by default), the button, and the progress while the run is built. */
function CreateRunCard({ onBuilt }: { onBuilt(run: PaymentRun): void }) {
  const { modal } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  const [building, setBuilding] = useState<string | null>(null);
  const [progress, setProgress] = useState<PaymentRun | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const key = month.format('YYYY-MM');

  useEffect(() => {
    if (!building) return;
    let live = true;
    const read = async () => {
      try {
        const res = await get<Paged<PaymentRun>>(paymentRunsApi, { month: building, status: 'building', pageSize: 1 });
        if (live && res.items[0]) setProgress(res.items[0]);
      } catch {
        // A missed reading is shown by the next one; the POST reports failures.
      }
    };
    void read();
    const timer = setInterval(() => void read(), pollMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [building]);

  const build = async (forMonth: string) => {
    setBuilding(forMonth);
    setProgress(null);
    setProblem(null);
    try {
      const run = await post<PaymentRun>(paymentRunsApi, { month: forMonth }, { idempotencyKey: newIdempotencyKey() });
      onBuilt(run);
    } catch (err) {
      setProblem(`${errorText(err)}。已生成的部分不会丢失，可再次点击“生成发放批次”继续，不会重复发放。`);
    } finally {
      setBuilding(null);
    }
  };

  const confirm = () =>
    modal.confirm({
      title: `生成 ${key} 的发放批次？`,
      content: (
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          将为管辖范围内已审核通过的失业保险金申领生成发放至 {key} 的支付（含应补发的月份）。每笔申领每月只会发放一次；{''}
          生成后须由另一名财务人员审批，审批后才能导出银行代发文件。
        </Typography.Paragraph>
      ),
      okText: '生成',
      cancelText: '取消',
      onOk: () => {
        void build(key);
      },
    });

  const percent = progress ? progressPercent(progress) : 0;
  return (
    <Card title="生成发放批次" data-testid="create-run">
      <Space size={16} wrap align="center">
        <Typography.Text>发放至待遇月份</Typography.Text>
        <DatePicker
          picker="month"
          aria-label="发放月份"
          allowClear={false}
          value={month}
          disabled={!!building}
          onChange={(d) => {
            if (d) setMonth(d);
            setProblem(null);
          }}
          disabledDate={(d) => d.isAfter(dayjs(), 'month')}
        />
        <Button type="primary" icon={<PlusOutlined />} loading={!!building} onClick={confirm}>
          生成发放批次
        </Button>
        {!building && <Typography.Text type="secondary">生成后在列表中打开批次，核对支付明细，再由另一名财务人员审批。</Typography.Text>}
      </Space>
      {building && (
        <div style={{ marginTop: 16, maxWidth: 640 }} data-testid="run-progress">
          <Typography.Text>
            正在生成 {building} 的发放批次
            {progress && progress.progress.claimsTotal > 0
              ? `：已处理 ${progress.progress.claimsSeen} / ${progress.progress.claimsTotal} 笔申领，已生成 ${progress.payments} 笔支付`
              : '…'}
          </Typography.Text>
          <Progress percent={percent} status="active" />
          <Typography.Text type="secondary">生成期间可以离开本页，批次会在服务器上继续生成。</Typography.Text>
        </div>
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 16 }} data-testid="run-problem" />}
    </Card>
  );
}

/** The page. */
export function PaymentRunsPage() {
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const isFinance = hasRole(user, 'finance');
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {isFinance && (
        <CreateRunCard
          onBuilt={(run) => {
            setReloadKey((k) => k + 1);
            message.success(`${run.month} 发放批次已生成：${run.payments} 笔，合计 ${yuanText(run.totalFen)} 元，待审批`);
            navigate(paymentRunPath(run.id));
          }}
        />
      )}
      <div data-testid="runs">
        <PagedTable<PaymentRun, Filters>
          title="发放批次"
          path={paymentRunsApi}
          rowKey="id"
          reloadKey={reloadKey}
          exportName="失业保险金发放批次"
          toQuery={(v) => ({ month: v.month?.format('YYYY-MM'), status: v.status })}
          searchFields={
            <>
              <Form.Item name="month" label="待遇月份">
                <DatePicker picker="month" placeholder="全部月份" disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
              </Form.Item>
              <Form.Item name="status" label="状态">
                <Select allowClear placeholder="全部" style={{ width: 120 }} options={optionsOf(uiPaymentRunStatusNames)} />
              </Form.Item>
            </>
          }
          emptyText={isFinance ? '还没有发放批次，可在上方选择月份后点“生成发放批次”' : '还没有发放批次'}
          columns={[
            {
              title: '待遇月份',
              dataIndex: 'month',
              render: (m: string, r) => <Link to={paymentRunPath(r.id)}>{m}</Link>,
            },
            { title: '状态', dataIndex: 'status', render: (s: UiPaymentRunStatus) => <RunStatusTag status={s} /> },
            { title: '支付笔数', dataIndex: 'payments', align: 'right', render: (n: number) => <span className="num">{n}</span> },
            {
              title: '合计金额（元）',
              dataIndex: 'totalFen',
              align: 'right',
              render: (f: number) => <span className="num">{yuanText(f)}</span>,
            },
            {
              title: '生成人',
              dataIndex: 'createdByName',
              render: (name: string, r) => (
                <span>
                  {name}
                  {r.createdBy === user.username && <Typography.Text type="secondary">（本人）</Typography.Text>}
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(r.createdAt)}
                  </Typography.Text>
                </span>
              ),
            },
            {
              title: '审批人',
              dataIndex: 'approvedByName',
              render: (name: string | null, r) =>
                name ? (
                  <span>
                    {name}
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(r.approvedAt)}
                    </Typography.Text>
                  </span>
                ) : (
                  '—'
                ),
            },
            {
              title: '操作',
              key: 'open',
              render: (_: unknown, r) => (
                <Link to={paymentRunPath(r.id)}>
                  {isFinance && r.status === 'draft' && !approveBlockOf(r, user.username) ? '审批' : '查看'}
                </Link>
              ),
            },
          ]}
        />
      </div>
    </Space>
  );
}
