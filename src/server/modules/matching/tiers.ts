// The best `limit` of all candidates without scoring them all (JOB-4): a threshold algorithm over
// tiers of candidates, nearest first (service.ts: the district and wished places, then all). Place
// weighs much, and a district's candidates are a few hundred, so the best of a city is usually
// found among them. Each tier query returns the best `limit` rows of its tier; a tier carries an upper
// bound of the score of every candidate in no tier so far (scoreSql.ts, scoreBound). Once `limit`
// rows are in hand and the last of them scores above that bound, no candidate left can enter the
// answer, whatever the tie-break; otherwise the next tier runs, and the last tier is every candidate.
// Why the answer is exact: a row of the true top `limit` is among the top `limit` of any tier it
// belongs to, so it is fetched once its tier runs; a row in no tier run scores at most the bound.
import type { SQL } from 'drizzle-orm';
import type { Ranked } from './repo.js';

export interface Tier {
  /** The candidates of this tier (and maybe of earlier ones: a row fetched twice counts once). */
  where: SQL;
  /** The highest score a candidate of no tier up to this one can reach; -Infinity for the last tier. */
  boundAfter: number;
}

/**
 * The order of an answer: score, highest first; then the occupation's points (an exact occupation
 * before the same 小类 before none: a welder before a non-welder of equal score); then `newer`
 * (vacancies: later published_at first)
 * or `older` (seekers: earlier status_since first), a missing date last; then id. Ids compare as
 * PostgreSQL compares uuids (the same as their lowercase text).
 */
export function byScoreThen(tie: 'newer' | 'older') {
  return <R extends Ranked>(a: R, b: R): number => {
    if (a.score !== b.score) return b.score - a.score;
    if (a.occupation !== b.occupation) return b.occupation - a.occupation;
    if (a.tie !== b.tie) {
      if (a.tie === null) return 1;
      if (b.tie === null) return -1;
      return (a.tie < b.tie ? -1 : 1) * (tie === 'newer' ? -1 : 1);
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** Runs the tiers in order until the best `limit` are certain (see the file comment). */
export async function bestOfTiers<R extends Ranked>(
  tiers: Tier[],
  limit: number,
  order: (a: R, b: R) => number,
  rank: (where: SQL) => Promise<R[]>,
): Promise<R[]> {
  const found = new Map<string, R>();
  let best: R[] = [];
  for (const tier of tiers) {
    for (const row of await rank(tier.where)) found.set(row.id, row);
    best = [...found.values()].sort(order).slice(0, limit);
    if (best.length === limit && best[limit - 1]!.score > tier.boundAfter) break;
  }
  return best;
}
