// A benefit payment run (UI-3): its facts, its payments (paged, by status, Excel), and for finance
// the four-eyes approval (never by the officer who created the run, nor by one who resumed building
// it after a crash), 作废 of a draft, the bank file of an approved run, and the bank's returns, all
// or nothing as the API takes them. While the run is still being built the page shows its progress.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Progress, Select, Space, Spin, Tooltip, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { uiPaymentStatusNames, type UiPaymentStatus } from '../../../shared/labels.js';
import { downloadFile, get, newIdempotencyKey, post } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { errorText } from '../../components/formErrors.js';
import { useSubmit } from '../../components/useSubmit.js';
import { PagedTable } from '../../components/PagedTable.js';
import { PageLink, PersonLink } from '../../components/PageLink.js';
import { RegionLabel } from '../../components/RegionLabel.js';
import { formatDateTime } from '../../format.js';
import { useLoad } from '../../hooks.js';
import { optionsOf } from '../../labels.js';
import { BankReturnsModal } from './BankReturnsModal.js';
import { DiscardRunModal } from './DiscardRunModal.js';
import {
  approveBlockOf,
  paymentRunApi,
  paymentRunsPath,
  PaymentStatusTag,
  progressPercent,
  RunStatusTag,
  yuanText,
  type BankReturnResult,
  type PaymentRun,
  type RunPayment,
} from './paymentRunTypes.js';

interface Filters {
  status?: UiPaymentStatus;
}

/** 登记失败 of one payment: the bank's reason is required. */
function MarkFailedModal({
  run,
  payment,
  onClose,
  onDone,
}: {
  run: PaymentRun;
  payment: RunPayment | null;
  onClose(): void;
  onDone(): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, problem, clearProblem, submit: send } = useSubmit();
  const submit = async () => {
    if (!payment) return;
    let reason: string;
    try {
      reason = (await form.validateFields()).reason.trim();
    } catch {
      return;
    }
    await send(async () => {
      await post<BankReturnResult>(
        `${paymentRunApi(run.id)}/bank-returns`,
        { items: [{ paymentId: payment.id, result: 'failed', reason }] },
        { idempotencyKey: newIdempotencyKey() },
      );
      message.success(`已登记 ${payment.personName} ${payment.month} 发放失败，下一发放批次将补发该月`);
      form.resetFields();
      onDone();
    });
  };
  return (
    <Modal
      title="登记发放失败"
      open={payment !== null}
      onCancel={() => {
        clearProblem();
        onClose();
      }}
      onOk={() => void submit()}
      okText="登记失败"
      okButtonProps={{ danger: true }}
      confirmLoading={busy}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      {payment && (
        <Typography.Paragraph>
          {payment.personName}，待遇月份 {payment.month}，金额 {yuanText(payment.amountFen)}{' '}
          元。登记后该月不再计为已发放，下一发放批次将补发。
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label="银行退回原因"
          rules={[
            { required: true, whitespace: true, message: '请填写银行退回原因' },
            { max: 200, message: '退回原因最多 200 个字' },
          ]}
        >
          <Input maxLength={200} placeholder="如：账户已销户、户名与账号不符" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The page. */
export function PaymentRunPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const { modal, message } = App.useApp();
  const loaded = useLoad(() => get<PaymentRun>(paymentRunApi(id)), [id]);
  const [reloadKey, setReloadKey] = useState(0);
  const [approving, setApproving] = useState(false);
  const [returning, setReturning] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const [failing, setFailing] = useState<RunPayment | null>(null);
  const run = loaded.data?.id === id ? loaded.data : undefined;
  const building = run?.status === 'building';
  const { reload } = loaded;

  // A run still being built: read it again every second until it is done.
  useEffect(() => {
    if (!building) return;
    const timer = setInterval(reload, 1000);
    return () => clearInterval(timer);
  }, [building, reload]);

  if (loaded.error && !run) return <Alert type="error" showIcon title={errorText(loaded.error)} />;
  if (!run) return <Spin size="large" />;

  const isFinance = hasRole(user, 'finance');
  const ownRun = run.createdBy === user.username;
  const resumedByMe = run.resumedBy.includes(user.username);
  const approveBlock = approveBlockOf(run, user.username);
  const canApprove = isFinance && (run.status === 'draft' || run.status === 'approving') && !approveBlock;
  const refresh = () => {
    reload();
    setReloadKey((k) => k + 1);
  };

  const approve = async () => {
    setApproving(true);
    try {
      const done = await post<PaymentRun>(`${paymentRunApi(run.id)}/approve`, {}, { idempotencyKey: newIdempotencyKey() });
      message.success(`已审批：${done.payments} 笔，合计 ${yuanText(done.totalFen)} 元，可导出银行代发文件`);
      refresh();
    } catch (err) {
      modal.error({ title: '审批未完成', content: errorText(err) });
      refresh();
    } finally {
      setApproving(false);
    }
  };

  const confirmApprove = () =>
    modal.confirm({
      title: `审批 ${run.month} 的发放批次？`,
      content: (
        <Space orientation="vertical" size={8}>
          <Typography.Text>
            共 {run.payments} 笔支付，合计 {yuanText(run.totalFen)} 元，由 {run.createdByName} 生成。
          </Typography.Text>
          <Typography.Text>
            失业保险金发放须经双人复核：生成人以外的第二名财务人员核对支付明细后审批。审批后支付不能再更改，可导出银行代发文件。
          </Typography.Text>
          <Typography.Text type="secondary">审批时已停发（如重新就业）的月份会从本批次剔除。</Typography.Text>
        </Space>
      ),
      okText: '审批',
      cancelText: '取消',
      onOk: () => approve(),
    });

  const downloadBankFile = () =>
    void downloadFile(`${paymentRunApi(run.id)}/bank-file`, {}, `失业保险金银行代发文件-${run.month}.csv`).catch((err: unknown) =>
      message.error(errorText(err)),
    );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span>失业保险金发放批次 {run.month}</span>
            <span data-testid="run-status">
              <RunStatusTag status={run.status} />
            </span>
          </Space>
        }
        extra={
          <Space>
            {isFinance && (run.status === 'draft' || run.status === 'approving') && (
              <Tooltip title={approveBlock}>
                <Button type="primary" disabled={!canApprove} loading={approving} onClick={confirmApprove} data-testid="approve-run">
                  审批
                </Button>
              </Tooltip>
            )}
            {isFinance && run.status === 'draft' && (
              <Button danger icon={<DeleteOutlined />} onClick={() => setDiscarding(true)} data-testid="discard-run">
                作废
              </Button>
            )}
            {isFinance && run.status === 'approved' && (
              <>
                <Button icon={<DownloadOutlined />} onClick={downloadBankFile} data-testid="bank-file">
                  下载银行代发文件
                </Button>
                <Button onClick={() => setReturning(true)} disabled={run.payments === 0}>
                  登记银行回盘
                </Button>
              </>
            )}
            <PageLink to={paymentRunsPath}>返回列表</PageLink>
          </Space>
        }
      >
        {isFinance && run.status === 'draft' && ownRun && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="approve-block"
            title="本批次由您生成，不能由您本人审批"
            description="失业保险金发放须经双人复核：请由本单位或上级的另一名财务人员打开本批次核对后审批。"
          />
        )}
        {isFinance && run.status === 'draft' && !ownRun && resumedByMe && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="approve-block"
            title="您接续生成过本批次，不能由您审批"
            description="四眼原则：续跑人不能审批。本批次生成中断后由您接续生成，您与生成人一样参与了生成；请由未参与生成的另一名财务人员核对后审批。"
          />
        )}
        {building && (
          <div style={{ marginBottom: 16, maxWidth: 640 }} data-testid="run-progress">
            <Typography.Text>
              正在生成：已处理 {run.progress.claimsSeen} / {run.progress.claimsTotal} 笔申领，已生成 {run.payments} 笔支付
            </Typography.Text>
            <Progress percent={progressPercent(run)} status="active" />
            <Typography.Text type="secondary">若生成中断，财务人员在列表页再次生成同一月份即从中断处继续，不会重复发放。</Typography.Text>
          </div>
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          data-testid="run-facts"
          items={[
            { key: 'month', label: '发放至待遇月份', children: run.month },
            { key: 'payments', label: '支付笔数', children: <span className="num">{run.payments} 笔</span> },
            { key: 'total', label: '合计金额', children: <span className="num">{yuanText(run.totalFen)} 元</span> },
            { key: 'region', label: '管辖范围', children: <RegionLabel prefix={run.regionCode} /> },
            {
              key: 'created',
              label: '生成人',
              children: `${run.createdByName}${ownRun ? '（本人）' : ''}（${formatDateTime(run.createdAt)}）`,
            },
            ...(run.resumedBy.length > 0
              ? [
                  {
                    key: 'resumed',
                    label: '续跑人',
                    children: run.resumedBy
                      .map((login, i) => `${run.resumedByNames[i] ?? login}${login === user.username ? '（本人）' : ''}`)
                      .join('、'),
                  },
                ]
              : []),
            {
              key: 'approved',
              label: '审批人',
              children: run.approvedBy
                ? `${run.approvedByName}（${formatDateTime(run.approvedAt)}）`
                : run.status === 'discarded'
                  ? '—（已作废，未审批）'
                  : '待审批',
            },
            { key: 'finished', label: '生成完成', children: run.finishedAt ? formatDateTime(run.finishedAt) : '生成中' },
            { key: 'id', label: '批次号', children: <Typography.Text copyable={{ text: run.id }}>{run.id.slice(0, 8)}</Typography.Text> },
          ]}
        />
      </Card>
      <div data-testid="run-payments">
        <PagedTable<RunPayment, Filters>
          title="支付明细"
          path={`${paymentRunApi(run.id)}/payments`}
          rowKey="id"
          reloadKey={reloadKey}
          exportName={`失业保险金支付明细-${run.month}`}
          searchFields={
            <Form.Item name="status" label="状态">
              <Select allowClear placeholder="全部" style={{ width: 140 }} options={optionsOf(uiPaymentStatusNames)} />
            </Form.Item>
          }
          emptyText={
            building
              ? '正在生成，支付会陆续出现'
              : run.status === 'discarded'
                ? '本批次已作废，其待审批支付已删除；所涉月份由之后生成的发放批次发放'
                : '本批次没有支付：该月没有应发放的申领，或已由之前的批次发放'
          }
          columns={[
            {
              title: '姓名',
              dataIndex: 'personName',
              render: (n: string, p) => <PersonLink personId={p.personId}>{n}</PersonLink>,
            },
            {
              title: '待遇月份',
              dataIndex: 'month',
              render: (m: string, p) => <PageLink to={`/ui/claims/${p.claimId}`}>{m}</PageLink>,
            },
            {
              title: '金额（元）',
              dataIndex: 'amountFen',
              align: 'right',
              render: (f: number) => <span className="num">{yuanText(f)}</span>,
            },
            { title: '状态', dataIndex: 'status', render: (s: UiPaymentStatus) => <PaymentStatusTag status={s} /> },
            {
              title: '退回原因',
              dataIndex: 'failureReason',
              render: (r: string | null, p) =>
                r ? (
                  <span>
                    {r}
                    {p.returnedAt && (
                      <>
                        <br />
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatDateTime(p.returnedAt)}
                        </Typography.Text>
                      </>
                    )}
                  </span>
                ) : (
                  '—'
                ),
            },
            {
              title: '支付编号',
              dataIndex: 'id',
              render: (pid: string) => (
                <Typography.Text copyable={{ text: pid }} style={{ fontFamily: 'monospace', fontSize: 12 }}>
                  {pid}
                </Typography.Text>
              ),
            },
            ...(isFinance && run.status === 'approved'
              ? [
                  {
                    title: '操作',
                    key: 'fail',
                    render: (_: unknown, p: RunPayment) =>
                      p.status === 'approved' ? (
                        <Button type="link" danger size="small" onClick={() => setFailing(p)} style={{ padding: 0 }}>
                          登记失败
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </div>
      {isFinance && (
        <>
          <MarkFailedModal
            run={run}
            payment={failing}
            onClose={() => setFailing(null)}
            onDone={() => {
              setFailing(null);
              refresh();
            }}
          />
          <DiscardRunModal
            run={run}
            open={discarding}
            onClose={() => setDiscarding(false)}
            onDone={() => {
              setDiscarding(false);
              refresh();
            }}
          />
          <BankReturnsModal
            run={run}
            open={returning}
            onClose={() => setReturning(false)}
            onDone={() => {
              setReturning(false);
              refresh();
            }}
          />
        </>
      )}
    </Space>
  );
}
