// Public-welfare posts and subsidies (AID-4, AID-8) in the demo city, made through the assistance
// module's use cases as the people who do it: the street clerks of 小店区's first streets register a
// post each and place recognised hard-to-employ persons of their street on it; a clerk applies for
// last month's post subsidies, the city reviewer approves them and the city's finance officer pays
// them in a run. No seed document gives the monthly amounts, so the demo sets Taiyuan's values
// through the parameters page's own use case, saying they are examples.
import { and, asc, eq, inArray, isNull, like } from 'drizzle-orm';
import { hardToEmployRecognitions, persons, staff } from '../db/schema.js';
import { actorOf } from '../platform/auth.js';
import { addMonths, shanghaiDateOf } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { addParamValue } from '../policy/service.js';
import { applyForSubsidy, createPost, decideOnSubsidy, placeOnPost, runSubsidies } from '../modules/assistance/index.js';

const exampleSource = '演示数据：太原市本地标准尚未录入，此为示例取值，正式使用前请按本地文件修改';

/** The staff member of a demo login, acting as themselves; undefined where the demo has no such account. */
async function as(ctx: Ctx, username: string): Promise<Ctx | undefined> {
  const [member] = await ctx.db.select().from(staff).where(eq(staff.username, username));
  return member ? { ...ctx, actor: actorOf(member) } : undefined;
}

export interface WelfareSummary {
  posts: number;
  placements: number;
  subsidiesPaid: number;
}

/** Posts in the first `streets` streets of 小店区, up to two placements each, and last month's subsidies paid. */
export async function createDemoWelfare(ctx: Ctx, streets = 3): Promise<WelfareSummary> {
  const summary: WelfareSummary = { posts: 0, placements: 0, subsidiesPaid: 0 };
  const [admin, reviewer, finance] = await Promise.all([as(ctx, 'taiyuan_admin'), as(ctx, 'taiyuan_reviewer'), as(ctx, 'taiyuan_finance')]);
  if (!admin || !reviewer || !finance) return summary;
  const today = shanghaiDateOf(ctx.now());
  const lastMonth = addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  for (const [name, value] of [
    ['subsidy.public_welfare_post.amount', 150_000],
    ['subsidy.social_insurance.amount', 60_000],
  ] as const)
    await addParamValue(admin, name, { regionPrefix: '1401', effectiveFrom: '2020-01-01', value, source: exampleSource });

  const start = addMonths(today, -2);
  const applied: string[] = [];
  for (let i = 1; i <= streets; i++) {
    const street = `140105${String(i).padStart(3, '0')}`;
    const clerk = await as(ctx, `s${street}_clerk`);
    if (!clerk) continue;
    const post = await createPost(clerk, {
      name: '社区公共环境维护',
      sponsor: '街道办事处',
      postType: 'community_service',
      regionCode: `${street}001`,
      places: 3,
      startDate: addMonths(today, -6),
      endDate: addMonths(today, 18),
    });
    summary.posts++;
    // Recognised older hard-to-employ persons of the street, unemployed since before the start date;
    // graduates stay on the graduates' list for its one-to-one service.
    const candidates = await ctx.db
      .selectDistinct({ id: persons.id, name: persons.name, statusSince: persons.statusSince })
      .from(hardToEmployRecognitions)
      .innerJoin(persons, eq(persons.id, hardToEmployRecognitions.personId))
      .where(
        and(
          like(persons.regionCode, `${street}%`),
          isNull(hardToEmployRecognitions.revokedOn),
          eq(persons.employmentStatus, 'unemployed'),
          inArray(hardToEmployRecognitions.category, ['person_4050', 'long_term_unemployed', 'zero_employment_household']),
        ),
      )
      .orderBy(asc(persons.name), asc(persons.id));
    for (const person of candidates.filter((p) => p.statusSince !== null && p.statusSince < start).slice(0, 2)) {
      await placeOnPost(clerk, post.id, { personId: person.id, startDate: start });
      summary.placements++;
      const subsidy = await applyForSubsidy(clerk, { type: 'public_welfare_post', period: lastMonth, personId: person.id });
      applied.push(subsidy.id);
    }
  }
  for (const id of applied) await decideOnSubsidy(reviewer, id, 'approve', '在岗记录与考勤表核对无误，同意');
  if (applied.length > 0) summary.subsidiesPaid = (await runSubsidies(finance, lastMonth)).payments;
  return summary;
}
