// Casework in the demo city (AID-2), made through the assistance module's use cases as each
// community's clerk makes it: of the recognised persons of a community, the first two get the
// community clerk as caseworker and a two-step employment plan; the second was visited some weeks
// ago (the next visit is near), the first not yet (overdue); any others wait on the unassigned list.
import { and, asc, isNull, eq } from 'drizzle-orm';
import { hardToEmployRecognitions, staff } from '../db/schema.js';
import { actorOf } from '../platform/auth.js';
import { addDays, shanghaiDateOf } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { addPlanStep, assignPersonCaseworker, recordVisit, updatePlanStep } from '../modules/assistance/index.js';

export interface CaseworkSummary {
  assigned: number;
  visits: number;
}

/** Names caseworkers, plans and visits for the demo's recognised persons. */
export async function createDemoCasework(ctx: Ctx): Promise<CaseworkSummary> {
  const today = shanghaiDateOf(ctx.now());
  const r = hardToEmployRecognitions;
  const rows = await ctx.db
    .select({ personId: r.personId, regionCode: r.regionCode, recognisedOn: r.recognisedOn })
    .from(r)
    .where(isNull(r.revokedOn))
    .orderBy(asc(r.regionCode), asc(r.recognisedOn), asc(r.personId));
  const byCommunity = new Map<string, { personId: string; recognisedOn: string }[]>();
  for (const row of rows) {
    const list = byCommunity.get(row.regionCode) ?? [];
    if (!list.some((x) => x.personId === row.personId)) list.push(row);
    byCommunity.set(row.regionCode, list);
  }
  const summary: CaseworkSummary = { assigned: 0, visits: 0 };
  for (const [community, persons] of byCommunity) {
    const [clerk] = await ctx.db
      .select()
      .from(staff)
      .where(and(eq(staff.username, `c${community}_clerk`)));
    if (!clerk) continue;
    const asClerk: Ctx = { ...ctx, actor: actorOf(clerk) };
    for (const [i, p] of persons.slice(0, 2).entries()) {
      await assignPersonCaseworker(asClerk, p.personId, { caseworkerId: clerk.id, assignedOn: p.recognisedOn });
      summary.assigned++;
      const guidance = await addPlanStep(asClerk, p.personId, {
        text: '参加一次职业指导，明确求职方向',
        dueOn: addDays(p.recognisedOn, 14),
      });
      await addPlanStep(asClerk, p.personId, { text: '推荐公益性岗位或三个适合岗位', dueOn: addDays(today, 20) });
      if (i === 1) {
        const visitedOn = addDays(today, -25) > p.recognisedOn ? addDays(today, -25) : p.recognisedOn;
        await recordVisit(asClerk, p.personId, { date: visitedOn, kind: 'home', note: '入户了解家庭和求职情况，介绍援助政策' });
        summary.visits++;
        if (guidance.dueOn <= today)
          await updatePlanStep(asClerk, guidance.id, { doneOn: guidance.dueOn, doneNote: '已参加，意向社区服务类岗位' });
      }
    }
  }
  return summary;
}
