// Rules of public-welfare posts (AID-4), without I/O: how long a placement may run under the term
// limit (parameter public_welfare_post.max_term, in months over all of a person's placements), and
// what a month of a placement is worth in subsidies (a full month's amount, or its share by days).
import { addDays, addMonths, daysBetween, monthBounds } from '../../platform/clock.js';

// Date arithmetic lives in platform/clock.ts; re-exported for the module's callers and tests.
export { addDays, daysBetween, monthBounds };

/** An earlier placement of the person: from its start to its exit, or to its planned end while it runs. */
export interface PastPlacement {
  startDate: string;
  endDate: string;
  exitedOn: string | null;
}

/** Whole months and remaining days from `from` to `to`, both included (2024-11-01 to 2025-10-31: 12 months, 0 days). */
export function monthsAndDays(from: string, to: string): { months: number; days: number } {
  const after = addDays(to, 1);
  let months = 0;
  while (addMonths(from, months + 1) <= after) months++;
  return { months, days: daysBetween(addMonths(from, months), after) - 1 };
}

/**
 * Months of the term a person has already used on posts: each placement from its start to its exit
 * (or its planned end while it runs), a month begun counting as a month, as post subsidies are
 * granted by the month.
 */
export function usedMonths(past: readonly PastPlacement[]): number {
  return past.reduce((sum, p) => {
    const end = p.exitedOn ?? p.endDate;
    if (end < p.startDate) return sum;
    const used = monthsAndDays(p.startDate, end);
    return sum + used.months + (used.days > 0 ? 1 : 0);
  }, 0);
}

/**
 * The last day a new placement from `startDate` may run: the post's end, or the day the person's
 * term runs out (`maxTermMonths` less the months already used), whichever is first. Null when the
 * term is used up.
 */
export function placementEnd(startDate: string, postEnd: string, maxTermMonths: number, past: readonly PastPlacement[]): string | null {
  const left = maxTermMonths - usedMonths(past);
  if (left <= 0) return null;
  const termEnd = addDays(addMonths(startDate, left), -1);
  return termEnd < postEnd ? termEnd : postEnd;
}

/** Days of the month a placement ran (from its start to its exit or planned end, within the month). */
export function daysInMonth(p: { startDate: string; endDate: string; exitedOn: string | null }, month: string): number {
  const { first, last } = monthBounds(month);
  const from = p.startDate > first ? p.startDate : first;
  const end = p.exitedOn && p.exitedOn < p.endDate ? p.exitedOn : p.endDate;
  const to = end < last ? end : last;
  return to < from ? 0 : daysBetween(from, to);
}

/** A monthly amount (fen) for `days` of a month of `monthDays`: whole for the whole month, else its share, to the fen. */
export function proRata(amountFen: number, days: number, monthDays: number): number {
  return days >= monthDays ? amountFen : Math.round((amountFen * days) / monthDays);
}
