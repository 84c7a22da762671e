// Types, names and small pieces of the benefit payment run pages (UI-3), read from the API's schemas.
import { Tag } from 'antd';
import type { Role } from '../../../shared/roles.js';
import { uiPaymentRunStatusNames, uiPaymentStatusNames, type UiPaymentRunStatus, type UiPaymentStatus } from '../../../shared/labels.js';
import type { ItemOf, ResponseOf } from '../../apiTypes.js';

/** A payment run with its progress. */
export type PaymentRun = ResponseOf<'/api/v1/ui/payment-runs/{id}'>;
/** One payment of a run. */
export type RunPayment = ItemOf<'/api/v1/ui/payment-runs/{id}/payments'>;
/** What the bank's returns answer. */
export type BankReturnResult = ResponseOf<'/api/v1/ui/payment-runs/{id}/bank-returns', 'post'>;

/** API paths. */
export const paymentRunsApi = '/ui/payment-runs';
export const paymentRunApi = (id: string) => `/ui/payment-runs/${id}`;

/** Page paths. */
export const paymentRunsPath = '/ui/payment-runs';
export const paymentRunPath = (id: string) => `/ui/payment-runs/${id}`;

/** Who opens the pages: finance builds, approves and pays runs; leaders and auditors read. */
export const paymentRunStaff: Role[] = ['finance', 'leader', 'auditor'];

const runColors: Record<UiPaymentRunStatus, string> = {
  building: 'processing',
  draft: 'gold',
  approving: 'processing',
  approved: 'green',
  discarded: 'default',
};

export function RunStatusTag({ status }: { status: UiPaymentRunStatus }) {
  return <Tag color={runColors[status]}>{uiPaymentRunStatusNames[status]}</Tag>;
}

const paymentColors: Record<UiPaymentStatus, string> = { draft: 'gold', approved: 'blue', paid: 'green', failed: 'red' };

export function PaymentStatusTag({ status }: { status: UiPaymentStatus }) {
  return <Tag color={paymentColors[status]}>{uiPaymentStatusNames[status]}</Tag>;
}

/**
 * Why `username` may not approve the run (four eyes, as the server refuses it with 403), or null:
 * its creator, or a finance officer who resumed building it after a crash (续跑人), built part of it.
 */
export function approveBlockOf(run: Pick<PaymentRun, 'createdBy' | 'resumedBy'>, username: string): string | null {
  if (run.createdBy === username) return '本人生成的发放批次须由其他财务人员审批';
  if (run.resumedBy.includes(username)) return '四眼原则：续跑人不能审批。您接续生成过本批次，须由未参与生成的财务人员审批';
  return null;
}

const yuanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Fen as yuan with two decimals and thousands separators (no unit). */
export const yuanText = (fen: number) => yuanFormat.format(fen / 100);

/** The progress of a building run in percent (0 while its claims are still being counted). */
export function progressPercent(run: Pick<PaymentRun, 'progress'>): number {
  const { claimsSeen, claimsTotal } = run.progress;
  if (claimsTotal <= 0) return 0;
  return Math.min(100, Math.floor((claimsSeen / claimsTotal) * 100));
}

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** One line of pasted bank returns: the payment's id and the bank's reason. */
export interface ReturnLine {
  line: number;
  paymentId: string;
  reason: string;
}

/**
 * Failed payments from pasted or uploaded text (the bank's return file, or lines typed by hand):
 * each non-empty line names one payment id; the rest of the line, without separators and the
 * columns of the bank file (序号, 姓名, 身份证号码, 金额, 月份), is the reason: what follows the id, else a
 * lone cell before it. Lines without an id
 * are reported by number; a header line (no id, no digits) is skipped.
 */
export function parseReturnLines(text: string): { lines: ReturnLine[]; bad: number[] } {
  const lines: ReturnLine[] = [];
  const bad: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (!line) return;
    const id = uuidPattern.exec(line);
    if (!id) {
      if (/\d/.test(line)) bad.push(i + 1);
      return;
    }
    const cells = (part: string) =>
      part
        .split(/[,，\t;；]+/)
        .map((cell) => cell.trim())
        .filter(Boolean);
    // A row of the bank file ends with the id, the bank appends its reason; a typed line is "id 原因" or "原因 id".
    const after = cells(line.slice(id.index + id[0].length));
    const before = cells(line.slice(0, id.index));
    const reason = after.length > 0 ? after.join('，') : before.length === 1 ? before[0]! : '';
    lines.push({ line: i + 1, paymentId: id[0].toLowerCase(), reason });
  });
  return { lines, bad };
}
