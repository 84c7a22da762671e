// Types, names and small pieces of the unemployment insurance pages (UI-1, UI-2), read from the API's schemas.
import { Tag, Tooltip } from 'antd';
import type { Role } from '../../../shared/roles.js';
import {
  uiClaimStatusNames,
  uiStopReasonArticles,
  uiStopReasonNames,
  type UiClaimStatus,
  type UiPaymentStatus,
  type UiStopReason,
} from '../../../shared/labels.js';
import type { ItemOf, ResponseOf } from '../../apiTypes.js';

/** A claim with its facts, reasons, decision, stop and payments. */
export type Claim = ResponseOf<'/api/v1/ui/claims/{id}'>;
/** One row of the claim list. */
export type ClaimItem = ItemOf<'/api/v1/ui/claims'>;
/** The dry run of a claim (POST /ui/claims/assess). */
export type Assessment = ResponseOf<'/api/v1/ui/claims/assess', 'post'>;
/** A person's individual account. */
export type UiAccount = ResponseOf<'/api/v1/persons/{id}/ui-account'>;
export type AccountMonth = UiAccount['months'][number];
export type Reason = Claim['reasons'][number];

/** API paths. */
export const claimsApi = '/ui/claims';
export const accountApi = (personId: string) => `/persons/${personId}/ui-account`;

/** Page paths. */
export const intakePath = '/ui/claims/new';
export const reviewPath = '/ui/claims/review';
export const claimsPath = '/ui/claims';
export const claimPath = (id: string) => `/ui/claims/${id}`;
export const contributionsPath = '/ui/contributions';

/** Who reads contribution accounts and claims (the server's uiReaders): the UI office, reviewers, finance, leaders, auditors, admins. */
export const uiStaff: Role[] = ['ui_officer', 'reviewer', 'finance', 'leader', 'auditor', 'admin'];

const statusColors: Record<UiClaimStatus, string> = {
  pending: 'gold',
  active: 'green',
  stopped: 'default',
  exhausted: 'blue',
  rejected: 'red',
};

export function ClaimStatusTag({ status }: { status: UiClaimStatus }) {
  return <Tag color={statusColors[status]}>{uiClaimStatusNames[status]}</Tag>;
}

/** Why a claim stopped, with its article: "应征服兵役（《失业保险条例》第十五条第（二）项）". */
export const stopReasonText = (reason: UiStopReason | null) =>
  reason ? `${uiStopReasonNames[reason]}（《失业保险条例》${uiStopReasonArticles[reason]}）` : '';

/** The rules a claim's decision lists (rules.ts), in Chinese. */
export const ruleNames: Record<string, string> = {
  involuntary_separation: '非因本人意愿中断就业',
  contribution_period: '缴费满一年',
  unemployment_registered: '已办理失业登记',
  job_seeking: '有求职要求',
  entitlement: '领取期限',
  amount: '失业保险金标准',
  amount_band: '失业保险金标准',
  start_month: '起始发放月份',
};

/** One line of 发放记录: a payment of a run, or one the bank returned (`failed`); `repaid` marks a month paid again after a return. */
export interface PaymentRow {
  key: string;
  month: string;
  amountFen: number;
  runId: string;
  status: UiPaymentStatus;
  repaid: boolean;
  failureReason: string | null;
  returnedAt: string | null;
}

/** The claim's payments and returned payments in one list, by month, a returned payment before the month's re-payment. */
export function paymentRows(c: Pick<Claim, 'payments' | 'returnedPayments'>): PaymentRow[] {
  const returnedMonths = new Set(c.returnedPayments.map((p) => p.month));
  const rows: PaymentRow[] = [
    ...c.returnedPayments.map((p) => ({ ...p, key: `returned/${p.runId}/${p.month}`, status: 'failed' as const, repaid: false })),
    ...c.payments.map((p) => ({
      ...p,
      key: `${p.runId}/${p.month}`,
      repaid: returnedMonths.has(p.month),
      failureReason: null,
      returnedAt: null,
    })),
  ];
  const order = (r: PaymentRow) => (r.status === 'failed' ? 0 : 1);
  return rows.sort(
    (a, b) => a.month.localeCompare(b.month) || order(a) - order(b) || (a.returnedAt ?? '').localeCompare(b.returnedAt ?? ''),
  );
}

const yuanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Fen as yuan with two decimals and thousands separators. */
export const yuanText = (fen: number) => yuanFormat.format(fen / 100);

/** Months from `from` to `to` inclusive ('YYYY-MM'), oldest first; empty when `to` is earlier. */
export function monthsBetween(from: string, to: string): string[] {
  const n = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let i = n(from); i <= n(to); i++) out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return out;
}

/** A rule's source: the article first, clamped to two lines; the whole text on hover. */
export function SourceText({ text }: { text: string }) {
  return (
    <Tooltip title={text} placement="topLeft">
      <div
        className="ui-rule-source"
        style={{
          color: 'rgba(0, 0, 0, 0.45)',
          fontSize: 12,
          display: '-webkit-box',
          WebkitLineClamp: 2,
          WebkitBoxOrient: 'vertical',
          overflow: 'hidden',
        }}
      >
        {text}
      </div>
    </Tooltip>
  );
}
