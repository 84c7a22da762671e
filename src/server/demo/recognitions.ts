// Hard-to-employ recognitions (AID-1) in the demo city, made through the assistance module's use
// cases as the city centre's reviewer makes them: in every community the first two registered
// unemployed persons whom the rules propose (4050, long-term unemployed, zero-employment
// households, graduates) are recognised on the evidence a counter sees; in each district one
// recognition is then revoked with a reason, so the overview shows the history as well. Each is
// entered as decided some weeks ago where the rule was met then (a late entry, as offices catch up),
// so the caseworkers' visits (AID-2) have fallen due on some of them.
import { and, asc, eq } from 'drizzle-orm';
import { persons, staff } from '../db/schema.js';
import { actorOf } from '../platform/auth.js';
import { addDays, shanghaiDateOf } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { categoriesOfPerson, recognise, revokeRecognition, type CategoryCode } from '../modules/assistance/index.js';

/** What a reviewer checks for each category. */
const evidenceFor: Record<CategoryCode, string> = {
  person_4050: '身份证、就业失业登记证',
  zero_employment_household: '户口簿、社区入户核查表',
  long_term_unemployed: '就业失业登记证（失业登记记录）',
  disabled: '残疾人证',
  minimum_living_allowance: '城市居民最低生活保障证',
  land_lost_farmer: '征地安置证明',
  extreme_hardship: '社区、街道特困审核表',
  graduate_unemployed: '毕业证书、就业失业登记证',
};

export interface RecognitionSummary {
  recognised: number;
  revoked: number;
}

/** Recognises up to `perCommunity` proposed persons in each demo community; revokes one per district. */
export async function createDemoRecognitions(ctx: Ctx, perCommunity = 2): Promise<RecognitionSummary> {
  const [reviewer] = await ctx.db
    .select()
    .from(staff)
    .where(and(eq(staff.username, 'taiyuan_reviewer')));
  if (!reviewer) return { recognised: 0, revoked: 0 };
  const asReviewer: Ctx = { ...ctx, actor: actorOf(reviewer) };
  const unemployed = await ctx.db
    .select({ id: persons.id, regionCode: persons.regionCode, statusSince: persons.statusSince })
    .from(persons)
    .where(eq(persons.employmentStatus, 'unemployed'))
    .orderBy(asc(persons.regionCode), asc(persons.name), asc(persons.id));
  const perPlace = new Map<string, number>();
  const firstOfDistrict = new Map<string, string>();
  const summary: RecognitionSummary = { recognised: 0, revoked: 0 };
  const weeksAgo = addDays(shanghaiDateOf(ctx.now()), -45);
  for (const p of unemployed) {
    if ((perPlace.get(p.regionCode) ?? 0) >= perCommunity) continue;
    const { proposed } = await categoriesOfPerson(asReviewer, p.id);
    if (proposed.length === 0) continue;
    perPlace.set(p.regionCode, (perPlace.get(p.regionCode) ?? 0) + 1);
    for (const { category } of proposed) {
      const input = { category, evidence: evidenceFor[category] };
      const decidedOn = p.statusSince && p.statusSince > weeksAgo ? p.statusSince : weeksAgo;
      // The rule as of the earlier day may not have been met (a birthday, a year of unemployment not yet full): then today.
      const made = await recognise(asReviewer, p.id, { ...input, recognisedOn: decidedOn }).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'RULE_VIOLATION') return recognise(asReviewer, p.id, input);
        throw err;
      });
      summary.recognised++;
      if (!firstOfDistrict.has(p.regionCode.slice(0, 6))) firstOfDistrict.set(p.regionCode.slice(0, 6), made.id);
    }
  }
  for (const id of firstOfDistrict.values()) {
    await revokeRecognition(asReviewer, id, '复核：本人已实现灵活就业，待办理就业登记');
    summary.revoked++;
  }
  return summary;
}
