// The demo region's people: a few thousand persons in its communities with households,
// registration events and services, made through the same services as the API, each step run
// with the clock set to the day it happened, so statuses, detection dates and deadlines read
// like a ledger kept over the past year (the audit rows carry those days too).
import { and, asc, eq } from 'drizzle-orm';
import { staff } from '../db/schema.js';
import { actorOf } from '../platform/auth.js';
import { shanghaiDateOf } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { createHousehold } from '../modules/households/index.js';
import { createPerson } from '../modules/persons/index.js';
import { registerEvent } from '../modules/registrations/index.js';
import { recordService } from '../modules/services/index.js';
import { makeLedgerRows, seededRandom } from './people.js';

export interface PopulationSummary {
  persons: number;
  households: number;
  events: number;
}

/** A context acting as `actor` on a given calendar day (10:00 Beijing time). */
function on(ctx: Ctx, day: string): Ctx {
  const at = new Date(`${day}T10:00:00+08:00`);
  return { ...ctx, now: () => at };
}

function daysBefore(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

type Step = { day: string; run: (ctx: Ctx) => Promise<unknown> };

/** Taiyuan's universities, for the graduates' schools. */
const schools = ['山西大学', '太原理工大学', '中北大学', '山西财经大学', '太原科技大学', '山西医科大学', '山西农业大学', '太原师范学院'];
/** What the graduates studied, as skills and wished occupations the demo vacancies use. */
const studies = [
  { skills: ['会计'], occupations: ['2-06-03-00'] },
  { skills: ['计算机编程'], occupations: ['4-04-05-01'] },
  { skills: ['电工'], occupations: ['6-31-01-03'] },
  { skills: ['市场营销'], occupations: ['2-06-07-02'] },
];

/**
 * Per community: two college graduates of this year's class (REG-4), one registered unemployed
 * and seeking a job some weeks ago, one not (yet) registered; and two community-managed retirees
 * (REG-6). Made through createPerson and registerEvent like every other demo person, so the
 * 高校毕业生 and 退休人员 lists have people in them.
 */
async function addGraduatesAndRetirees(
  ctx: Ctx,
  stations: (typeof staff.$inferSelect)[],
  today: string,
  usedIds: Set<string>,
  steps: Step[],
  summary: PopulationSummary,
): Promise<void> {
  const rand = seededRandom(2026);
  // This year's class once it has left in summer; last year's before that.
  const classOf = Number(daysBefore(today, 150).slice(0, 4));
  for (const [n, clerk] of stations.entries()) {
    const actorCtx: Ctx = { ...ctx, actor: actorOf(clerk) };
    const graduates = makeLedgerRows(2, [clerk.regionCode], 20_000 + n, usedIds, [classOf - 23, classOf - 21]);
    for (const [k, r] of graduates.entries()) {
      const study = studies[(n + k) % studies.length]!;
      const person = await createPerson(actorCtx, {
        idNumber: r.idNumber,
        name: r.name,
        regionCode: r.regionCode,
        householdType: r.householdType === '城镇' ? 'urban' : 'rural',
        phone: r.phone,
        ethnicity: r.ethnicity,
        education: rand() < 0.6 ? '大学本科' : '大学专科',
        address: r.address,
        skills: study.skills,
        jobWishes: { occupations: study.occupations, keywords: study.skills },
        categories: ['高校毕业生'],
        school: schools[Math.floor(rand() * schools.length)]!,
        graduationYear: classOf,
      });
      summary.persons++;
      if (k > 0) continue;
      const day = daysBefore(today, 10 + Math.floor(rand() * 80));
      steps.push({
        day,
        run: (c) => registerEvent({ ...c, actor: actorCtx.actor }, person.id, { type: 'unemployment', date: day, reason: '毕业未就业' }),
      });
      steps.push({ day, run: (c) => registerEvent({ ...c, actor: actorCtx.actor }, person.id, { type: 'job_seeking', date: day }) });
    }
    const retirees = makeLedgerRows(2, [clerk.regionCode], 30_000 + n, usedIds, [1950, 1963]);
    for (const r of retirees) {
      await createPerson(actorCtx, {
        idNumber: r.idNumber,
        name: r.name,
        regionCode: r.regionCode,
        householdType: 'urban',
        phone: r.phone,
        ethnicity: r.ethnicity,
        education: r.education,
        address: r.address,
        labourCapacity: rand() < 0.7 ? 'full' : 'partial',
        retiree: true,
      });
      summary.persons++;
    }
  }
}

/** Creates `perCommunity` persons in every demo community, with their history. */
export async function createDemoPopulation(ctx: Ctx, perCommunity: number): Promise<PopulationSummary> {
  const today = shanghaiDateOf(ctx.now());
  const clerks = await ctx.db
    .select()
    .from(staff)
    .where(and(eq(staff.builtIn, false)))
    .orderBy(asc(staff.regionCode));
  const stations = clerks.filter((s) => s.regionCode.length === 12 && !s.regionCode.endsWith('000') && s.roles.includes('clerk'));
  const rand = seededRandom(4050);
  const steps: Step[] = [];
  const summary: PopulationSummary = { persons: 0, households: 0, events: 0 };
  const usedIds = new Set<string>();
  let seed = 1;
  for (const clerk of stations) {
    const actorCtx: Ctx = { ...ctx, actor: actorOf(clerk) };
    const rows = makeLedgerRows(perCommunity, [clerk.regionCode], seed++, usedIds);
    const ids: string[] = [];
    for (const r of rows) {
      const person = await createPerson(actorCtx, {
        idNumber: r.idNumber,
        name: r.name,
        regionCode: r.regionCode,
        householdType: r.householdType === '城镇' ? 'urban' : 'rural',
        phone: r.phone,
        ethnicity: r.ethnicity,
        education: r.education,
        address: r.address,
        labourCapacity: r.labourCapacity === '部分' ? 'partial' : 'full',
        skills: [r.skills],
        categories: r.categories ? [r.categories] : [],
        jobWishes: { keywords: [r.skills] },
      });
      ids.push(person.id);
      summary.persons++;
      if (r.registration === '就业') {
        steps.push({
          day: r.registrationDate,
          run: (c) =>
            registerEvent({ ...c, actor: actorCtx.actor }, person.id, {
              type: 'employment',
              date: r.registrationDate,
              employerName: r.employerName,
              employmentForm: 'employer',
            }),
        });
      } else if (r.registration === '失业') {
        const day = r.registrationDate;
        steps.push({
          day,
          run: (c) => registerEvent({ ...c, actor: actorCtx.actor }, person.id, { type: 'unemployment', date: day, reason: '合同期满' }),
        });
        steps.push({ day, run: (c) => registerEvent({ ...c, actor: actorCtx.actor }, person.id, { type: 'job_seeking', date: day }) });
        steps.push({
          day,
          run: (c) =>
            recordService({ ...c, actor: actorCtx.actor }, person.id, {
              type: 'consultation',
              channel: 'counter',
              notes: '办理失业登记时宣讲就业政策',
            }),
        });
        const later = daysBefore(today, Math.floor(rand() * 60));
        if (later > day)
          steps.push({
            day: later,
            run: (c) =>
              recordService({ ...c, actor: actorCtx.actor }, person.id, {
                type: 'vocational_guidance',
                channel: rand() < 0.7 ? 'counter' : 'phone',
              }),
          });
      }
    }
    // Households of one to three persons, formed before the year's registrations.
    for (let i = 0; i < ids.length;) {
      const size = Math.min(ids.length - i, 1 + Math.floor(rand() * 3));
      const members = ids.slice(i, i + size);
      const address = rows[i]!.address;
      i += size;
      await createHousehold(on(actorCtx, '2025-01-01'), { regionCode: clerk.regionCode, address, memberIds: members });
      summary.households++;
    }
    // Zero-employment households detected 100, 80 and 20 days ago: overdue, due soon and open.
    for (const [n, ago] of [
      [0, 100],
      [1, 80],
      [2, 20],
    ] as const) {
      // Working-age adults (born 1980–1995), so the household qualifies whatever the sexes.
      const pair = makeLedgerRows(2, [clerk.regionCode], 10_000 + seed * 10 + n, usedIds, [1980, 1995]);
      const members: string[] = [];
      for (const r of pair) {
        const p = await createPerson(actorCtx, {
          idNumber: r.idNumber,
          name: r.name,
          regionCode: r.regionCode,
          householdType: 'urban',
          phone: r.phone,
          education: r.education,
          skills: [r.skills],
        });
        members.push(p.id);
        summary.persons++;
      }
      await createHousehold(on(actorCtx, '2025-01-01'), {
        regionCode: clerk.regionCode,
        address: `${pair[0]!.address}（零就业家庭）`,
        memberIds: members,
      });
      summary.households++;
      const first = daysBefore(today, ago + 30);
      const second = daysBefore(today, ago);
      steps.push({
        day: first,
        run: (c) => registerEvent({ ...c, actor: actorCtx.actor }, members[0]!, { type: 'unemployment', date: first, reason: '企业关闭' }),
      });
      steps.push({
        day: second,
        run: (c) => registerEvent({ ...c, actor: actorCtx.actor }, members[1]!, { type: 'unemployment', date: second, reason: '企业裁员' }),
      });
      steps.push({
        day: second,
        run: (c) =>
          recordService({ ...c, actor: actorCtx.actor }, members[1]!, {
            type: 'home_visit',
            channel: 'home_visit',
            notes: '零就业家庭入户走访',
          }),
      });
    }
  }
  await addGraduatesAndRetirees(ctx, stations, today, usedIds, steps, summary);
  // Replay the year in date order so every detection happens on the day its cause was registered.
  steps.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  for (const step of steps) {
    await step.run(on(ctx, step.day));
    summary.events++;
  }
  return summary;
}
