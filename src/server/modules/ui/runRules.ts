// Which benefit months a monthly payment run pays (UI-3), as a pure rule: 《失业保险条例》第十七条
// (the entitlement: so many months from the first benefit month), 第十五条 (the benefit stops with
// the event: no month from the stop's month on) and 《失业保险金申领发放办法》(2000) 第十二条
// (paid monthly). A run for month M pays every month from the claim's start up to M that falls
// within the entitlement, before the stop and not paid by a live payment yet: so a claim approved
// late gets its back months, and a month the bank returned unpaid is paid again by the next run.
import { addMonths } from '../../platform/clock.js';
import { monthsFrom } from './rules.js';

export interface RunClaim {
  /** active, stopped, exhausted ...: only a claim a reviewer approved (decidedBy set) is paid. */
  status: string;
  decidedBy: string | null;
  /** The first benefit month ('YYYY-MM'). */
  startMonth: string;
  entitlementMonths: number;
  /** The stop's date ('YYYY-MM-DD'), when the benefit stopped. */
  stoppedOn: string | null;
}

/** The month `n` months after `month` ('YYYY-MM'). */
export function monthPlus(month: string, n: number): string {
  return addMonths(`${month}-01`, n).slice(0, 7);
}

/** The statuses of a claim whose months may be paid (an approved claim, in benefit or stopped later). */
export const payableStatuses = ['active', 'stopped', 'exhausted'] as const;

/** Whether month `m` of the claim may be paid at all (whatever was paid already). */
export function payableMonth(claim: RunClaim, m: string): boolean {
  if (claim.decidedBy === null || !(payableStatuses as readonly string[]).includes(claim.status)) return false;
  if (m < claim.startMonth) return false;
  if (monthsFrom(claim.startMonth, m) >= claim.entitlementMonths) return false;
  if (claim.stoppedOn !== null && m >= claim.stoppedOn.slice(0, 7)) return false;
  return true;
}

/** The months a run for `runMonth` pays for the claim, oldest first, given the months paid by live payments. */
export function dueMonths(claim: RunClaim, runMonth: string, paid: ReadonlySet<string>): string[] {
  const due: string[] = [];
  for (let i = 0; i < claim.entitlementMonths; i++) {
    const m = monthPlus(claim.startMonth, i);
    if (m > runMonth) break;
    if (payableMonth(claim, m) && !paid.has(m)) due.push(m);
  }
  return due;
}
