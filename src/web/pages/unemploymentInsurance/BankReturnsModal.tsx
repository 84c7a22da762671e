// 登记银行回盘 (UI-3): the bank's failed payments of an approved run, pasted or read from the bank's
// return file (a payment id and the reason on each line), checked on the page and sent in one
// request, which the API takes all or nothing; optionally the run's other unreturned payments are
// registered as paid in the same request.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Input, Modal, Space, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ApiError, getAllPages, newIdempotencyKey, post } from '../../api.js';
import { errorText } from '../../components/formErrors.js';
import {
  paymentRunApi,
  parseReturnLines,
  type BankReturnResult,
  type PaymentRun,
  type ReturnLine,
  type RunPayment,
} from './paymentRunTypes.js';

/** The API's limit of one request. */
const maxItems = 1000;

interface Item {
  paymentId: string;
  result: 'paid' | 'failed';
  reason?: string;
}

/** Problems of the API's answer, as "第 n 行：…" for the pasted lines (the items of the paid rest have no line). */
function lineProblems(err: unknown, lines: ReturnLine[]): string[] {
  if (!(err instanceof ApiError)) return [];
  return err.errors.map((e) => {
    const index = Number(/^\/items\/(\d+)/.exec(e.path)?.[1]);
    const line = lines[index];
    return line ? `第 ${line.line} 行（${line.paymentId.slice(0, 8)}…）：${e.message}` : e.message;
  });
}

export function BankReturnsModal({ run, open, onClose, onDone }: { run: PaymentRun; open: boolean; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [restPaid, setRestPaid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ detail: string; lines: string[] } | null>(null);
  const parsed = useMemo(() => parseReturnLines(text), [text]);
  const missingReason = parsed.lines.filter((l) => !l.reason);

  const close = () => {
    setProblem(null);
    onClose();
  };

  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const items: Item[] = parsed.lines.map((l) => ({ paymentId: l.paymentId, result: 'failed', reason: l.reason }));
      if (restPaid) {
        const failed = new Set(parsed.lines.map((l) => l.paymentId));
        const waiting = await getAllPages<RunPayment>(`${paymentRunApi(run.id)}/payments`, { status: 'approved' });
        for (const p of waiting) if (!failed.has(p.id)) items.push({ paymentId: p.id, result: 'paid' });
      }
      if (items.length === 0) {
        setProblem({ detail: '没有要登记的支付：请粘贴失败的支付编号，或勾选“其余登记为已发放”', lines: [] });
        return;
      }
      if (items.length > maxItems) {
        setProblem({ detail: `一次最多登记 ${maxItems} 笔，本次 ${items.length} 笔，请分批登记`, lines: [] });
        return;
      }
      const result = await post<BankReturnResult>(
        `${paymentRunApi(run.id)}/bank-returns`,
        { items },
        { idempotencyKey: newIdempotencyKey() },
      );
      message.success(
        `已登记银行回盘：发放成功 ${result.paid} 笔，发放失败 ${result.failed} 笔${result.unchanged ? `，${result.unchanged} 笔此前已登记` : ''}`,
      );
      setText('');
      setRestPaid(false);
      onDone();
    } catch (err) {
      const lines = lineProblems(err, parsed.lines);
      // The API's detail names the first item by its JSON path; with the lines listed, a plain title says it.
      setProblem({ detail: lines.length > 0 ? `银行回盘有 ${lines.length} 处错误，整批未登记` : errorText(err), lines });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={`登记银行回盘：${run.month} 发放批次`}
      open={open}
      width={760}
      onCancel={close}
      onOk={() => void submit()}
      okText="登记"
      okButtonProps={{ disabled: parsed.bad.length > 0 || missingReason.length > 0 || (parsed.lines.length === 0 && !restPaid) }}
      confirmLoading={busy}
      mask={{ closable: false }}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          每行一笔银行退回（发放失败）的支付：支付编号和退回原因，可直接粘贴银行回盘文件的内容（在代发文件每行末尾加退回原因）。{''}
          整批登记：任一行有误则整批不登记。发放失败的月份由下一发放批次补发。
        </Typography.Paragraph>
        {problem && (
          <Alert
            type="error"
            showIcon
            title={problem.detail}
            data-testid="returns-problem"
            description={
              problem.lines.length > 0 ? (
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {problem.lines.map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        <Space>
          <Upload
            accept=".csv,.txt"
            showUploadList={false}
            beforeUpload={(file) => {
              void file.text().then(setText);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>读取回盘文件</Button>
          </Upload>
          <Typography.Text type="secondary">CSV 或文本文件，UTF-8 编码</Typography.Text>
        </Space>
        <Input.TextArea
          aria-label="银行退回的支付"
          rows={6}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={'支付编号 退回原因，每行一笔，如：\n0b6c1c5e-8f0e-4f7a-9d7e-1c2b3a4d5e6f 账户已销户'}
          style={{ fontFamily: 'monospace' }}
        />
        {parsed.bad.length > 0 && <Alert type="warning" showIcon title={`第 ${parsed.bad.join('、')} 行没有支付编号，请修改或删去`} />}
        {missingReason.length > 0 && (
          <Alert type="warning" showIcon title={`第 ${missingReason.map((l) => l.line).join('、')} 行没有写退回原因`} />
        )}
        {parsed.lines.length > 0 && (
          <Table<ReturnLine>
            size="small"
            rowKey="line"
            pagination={parsed.lines.length > 5 ? { pageSize: 5, size: 'small' } : false}
            dataSource={parsed.lines}
            data-testid="returns-preview"
            columns={[
              { title: '行', dataIndex: 'line', width: 56 },
              {
                title: '支付编号',
                dataIndex: 'paymentId',
                render: (v: string) => <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{v}</span>,
              },
              {
                title: '退回原因',
                dataIndex: 'reason',
                render: (v: string) => v || <Typography.Text type="danger">未填写</Typography.Text>,
              },
            ]}
          />
        )}
        <Checkbox checked={restPaid} onChange={(e) => setRestPaid(e.target.checked)}>
          本批次其余已审批待发放的支付登记为已发放
        </Checkbox>
      </Space>
    </Modal>
  );
}
