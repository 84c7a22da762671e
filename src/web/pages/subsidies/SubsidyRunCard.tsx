// 发放批次 for finance (AID-8): the month's approved, unpaid subsidies in scope (count and total),
// and 发放, which pays them in one run. One click's Idempotency-Key is kept until the run answers,
// so a retry after a lost answer is the same run, never a second one.
import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Space, Statistic, Typography } from 'antd';
import { downloadFile, getAllPages, newIdempotencyKey, post } from '../../api.js';
import { errorText } from '../../components/formErrors.js';
import { MonthToolbar, useMonth } from '../../components/MonthToolbar.js';
import { useLoad } from '../../hooks.js';
import { subsidiesPath, yuanText, type SubsidyItem, type SubsidyRun } from './subsidyTypes.js';

/** The card; `onPaid` reloads the lists after a run. */
export function SubsidyRunCard({ onPaid }: { onPaid(): void }) {
  const { modal, message } = App.useApp();
  const { month, setMonth, key } = useMonth();
  const [version, setVersion] = useState(0);
  const due = useLoad(() => getAllPages<SubsidyItem>(subsidiesPath, { status: 'approved', period: key }), [key, version]);
  const [result, setResult] = useState<SubsidyRun | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The key of the run not yet answered: kept across retries of it, dropped once it answers.
  const pending = useRef<{ period: string; key: string } | null>(null);
  const rows = due.data ?? [];
  const totalFen = rows.reduce((sum, s) => sum + s.amountFen, 0);

  const pay = async (period: string) => {
    if (pending.current?.period !== period) pending.current = { period, key: newIdempotencyKey() };
    setBusy(true);
    setProblem(null);
    try {
      const run = await post<SubsidyRun>('/assistance/subsidy-runs', { period }, { idempotencyKey: pending.current.key });
      pending.current = null;
      setResult(run);
      message.success(`已发放 ${run.payments} 笔，合计 ${yuanText(run.totalFen)} 元`);
      setVersion((v) => v + 1);
      onPaid();
    } catch (err) {
      setProblem(`${errorText(err)}${pending.current ? '。可再次点击“发放”重试，不会重复发放。' : ''}`);
    } finally {
      setBusy(false);
    }
  };

  const confirm = () =>
    modal.confirm({
      title: `发放 ${key} 的补贴？`,
      content: `将发放管辖范围内 ${key} 已审批、未发放的 ${rows.length} 笔补贴，合计 ${yuanText(totalFen)} 元。每笔补贴只会发放一次。`,
      okText: '发放',
      cancelText: '取消',
      onOk: () => pay(key),
    });

  return (
    <Card
      title="发放批次"
      data-testid="subsidy-run"
      extra={
        <MonthToolbar
          label="所属期"
          month={month}
          onChange={(m) => {
            setMonth(m);
            setResult(null);
            setProblem(null);
          }}
        />
      }
    >
      {due.error ? <Alert type="error" showIcon title={errorText(due.error)} style={{ marginBottom: 16 }} /> : null}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="run-problem" />}
      <Space size={48} align="end" wrap>
        <Statistic title="已审批待发放" value={rows.length} suffix="笔" loading={due.loading && !due.data} />
        <Statistic title="合计金额（元）" value={yuanText(totalFen)} loading={due.loading && !due.data} />
        <Button type="primary" loading={busy} disabled={rows.length === 0 && !pending.current} onClick={confirm}>
          发放
        </Button>
        {rows.length === 0 && !due.loading && <Typography.Text type="secondary">该月没有待发放的补贴</Typography.Text>}
      </Space>
      {result && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 16 }}
          data-testid="run-result"
          title={`${result.period} 发放完成`}
          description={
            <Descriptions
              size="small"
              column={3}
              items={[
                { key: 'payments', label: '发放笔数', children: `${result.payments} 笔` },
                { key: 'total', label: '发放金额', children: `${yuanText(result.totalFen)} 元` },
                { key: 'run', label: '批次号', children: result.id.slice(0, 8) },
              ]}
            />
          }
          action={
            result.payments > 0 ? (
              <Button
                data-testid="bank-file"
                onClick={() =>
                  void downloadFile(`/assistance/subsidy-runs/${result.id}/bank-file`, {}, `补贴发放银行文件-${result.period}.csv`).catch(
                    (err: unknown) => message.error(errorText(err)),
                  )
                }
              >
                下载银行代发文件
              </Button>
            ) : null
          }
        />
      )}
    </Card>
  );
}
