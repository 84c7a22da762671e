// Unemployment insurance in the demo city (UI-1 to UI-6), made through the ui module's use cases as
// the people who do it in 小店区: a district UI office with a UI officer, a reviewer and two finance
// officers (four eyes on claims and on payment runs). The district's employers but one are
// enrolled, the last enrolled one in arrears; their employees are demo persons hired years ago
// (employment registrations) whose monthly contribution files for their last twelve months are
// posted month by month. Some employees lose their job without their will and claim: pending,
// approved and in benefit, rejected, stopped when a re-employment is registered, one exhausted by
// the payment runs; a claim after a resignation is refused and stored nowhere. The last two
// months have payment runs built by one finance officer and approved by the other; the earlier
// run's bank returns are posted, one payment returned unpaid and paid again by the later run.
// Every step runs with the clock set to its day, in date order, like the demo population.
import { and, asc, eq, inArray, like } from 'drizzle-orm';
import type { SeparationReason } from '../../shared/labels.js';
import { separationReasonNames } from '../../shared/labels.js';
import type { Role } from '../../shared/roles.js';
import { employers, persons, regions, staff } from '../db/schema.js';
import { actorOf } from '../platform/auth.js';
import { addDays, addMonths, shanghaiDateOf } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { paramLookup } from '../policy/service.js';
import { createPerson } from '../modules/persons/index.js';
import { registerEvent } from '../modules/registrations/index.js';
import { createStaff } from '../modules/staff/index.js';
import { createUnit } from '../modules/units/index.js';
import {
  approvePaymentRun,
  createFollowUp,
  createPaymentRun,
  decideOnClaim,
  enrolEmployer,
  listRunPayments,
  postBankReturns,
  postContributions,
  takeClaim,
  type ContributionItem,
} from '../modules/ui/index.js';
import { makeLedgerRows, seededRandom } from './people.js';
import type { DemoAccount } from './region.js';

const district = '140105000000';

/** The district UI office's staff: the officer takes claims, the reviewer decides them, two finance officers build and approve runs. */
const officeStaff: { username: string; name: string; roles: Role[] }[] = [
  { username: 'xiaodian_ui', name: '刘芳', roles: ['ui_officer'] },
  { username: 'xiaodian_reviewer', name: '陈静怡', roles: ['reviewer'] },
  { username: 'xiaodian_finance', name: '杨帆', roles: ['finance'] },
  { username: 'xiaodian_finance2', name: '马丽娟', roles: ['finance'] },
];

type Outcome = 'exhausted' | 'stopped' | 'active' | 'returned' | 'rejected' | 'pending' | 'refused';

/**
 * The claimants, by the month of their separation (months before this one) and what becomes of
 * the claim. The exhausted one separated thirteen months ago: its twelve months are paid by the
 * demo's two runs (the first pays the months before, as it pays any claim's back months); the
 * `returned` one's payment of the earlier run's month comes back from the bank.
 */
const claimants: { separatedMonthsAgo: number; reason: SeparationReason; outcome: Outcome }[] = [
  { separatedMonthsAgo: 13, reason: 'contract_ended_not_renewed', outcome: 'exhausted' },
  { separatedMonthsAgo: 5, reason: 'mutual_agreement_employer_initiated', outcome: 'stopped' },
  { separatedMonthsAgo: 4, reason: 'dismissed_by_employer', outcome: 'returned' },
  { separatedMonthsAgo: 3, reason: 'contract_ended_not_renewed', outcome: 'active' },
  { separatedMonthsAgo: 2, reason: 'employer_terminated_by_law', outcome: 'active' },
  { separatedMonthsAgo: 3, reason: 'dismissed_by_employer', outcome: 'rejected' },
  { separatedMonthsAgo: 2, reason: 'voluntary_resignation', outcome: 'refused' },
  { separatedMonthsAgo: 1, reason: 'contract_ended_not_renewed', outcome: 'pending' },
  { separatedMonthsAgo: 1, reason: 'mutual_agreement_employer_initiated', outcome: 'pending' },
];

export interface UnemploymentInsuranceSummary {
  accounts: DemoAccount[];
  enrolled: number;
  insuredPersons: number;
  contributions: number;
  claims: number;
  runs: number;
}

const nothing: UnemploymentInsuranceSummary = { accounts: [], enrolled: 0, insuredPersons: 0, contributions: 0, claims: 0, runs: 0 };

/** A context whose clock reads 10:00 Beijing time on `day`; today's steps keep the real clock. */
function on(ctx: Ctx, day: string): Ctx {
  if (day === shanghaiDateOf(ctx.now())) return ctx;
  const at = new Date(`${day}T10:00:00+08:00`);
  return { ...ctx, now: () => at };
}

/** What happens on a day; on the same day, contribution files come first, then registrations, claims, decisions, runs. */
type Step = { day: string; order: 0 | 1 | 2 | 3 | 4; run: () => Promise<unknown> };
const [file, registration, claiming, deciding, paying] = [0, 1, 2, 3, 4] as const;

/**
 * Loads the district's unemployment insurance; the accounts it adds are printed like the other
 * demo accounts (same password). Loaded once: where the district UI office's officer exists
 * already, it adds nothing.
 */
export async function createDemoUnemploymentInsurance(ctx: Ctx, password: string): Promise<UnemploymentInsuranceSummary> {
  const byName = async (username: string) => (await ctx.db.select().from(staff).where(eq(staff.username, username)))[0];
  const clerkRow = await byName('xiaodian_clerk');
  if (!clerkRow || (await byName(officeStaff[0]!.username))) return nothing;
  const firms = await ctx.db
    .select()
    .from(employers)
    .where(like(employers.regionCode, `${district.slice(0, 6)}%`))
    .orderBy(asc(employers.creditCode));
  // One registered employer stays out (the coverage list's example), the last enrolled one is in arrears.
  if (firms.length < 3) return nothing;
  const today = shanghaiDateOf(ctx.now());
  const thisMonth = today.slice(0, 7);
  const month = (monthsAgo: number) => addMonths(`${thisMonth}-01`, -monthsAgo).slice(0, 7);
  /** The day `d` of the month `monthsAgo` months ago, never after today. */
  const dayOf = (monthsAgo: number, d: number) => {
    const day = `${month(monthsAgo)}-${String(d).padStart(2, '0')}`;
    return day > today ? today : day;
  };

  // The office and its staff, as the city's admin would create them.
  const [districtRow] = await ctx.db.select({ name: regions.name }).from(regions).where(eq(regions.code, district));
  const office = await createUnit(ctx, { name: `${districtRow!.name}失业保险管理所`, regionCode: district, type: 'ui_office' });
  const accounts: DemoAccount[] = [];
  const actors = new Map<string, Ctx>();
  for (const s of officeStaff) {
    await createStaff(ctx, { username: s.username, name: s.name, unitId: office.id, roles: s.roles, password });
    accounts.push({ username: s.username, name: s.name, unit: office.name, roles: s.roles });
    actors.set(s.username, { ...ctx, actor: actorOf((await byName(s.username))!) });
  }
  const officer = actors.get('xiaodian_ui')!;
  const reviewer = actors.get('xiaodian_reviewer')!;
  const [finance, finance2] = [actors.get('xiaodian_finance')!, actors.get('xiaodian_finance2')!];
  const clerk: Ctx = { ...ctx, actor: actorOf(clerkRow) };

  const notEnrolled = firms.at(-1)!;
  const enrolledFirms = firms.slice(0, -1);
  const inArrears = enrolledFirms.at(-1)!;
  const payingFirms = enrolledFirms.slice(0, -1);
  for (const firm of enrolledFirms) await enrolEmployer(on(officer, addDays(today, -55)), { employerId: firm.id, sinceMonth: month(60) });

  // The insured persons: a few current employees per enrolled employer, and the claimants.
  const rand = seededRandom(20261201);
  const staffCounts = enrolledFirms.map(() => 3 + Math.floor(rand() * 3));
  const needed = staffCounts.reduce((n, c) => n + c, 0) + claimants.length;
  const communities = (
    await ctx.db
      .select({ code: regions.code })
      .from(regions)
      .where(and(like(regions.code, `${district.slice(0, 6)}%`), eq(regions.level, 5)))
      .orderBy(asc(regions.code))
      .limit(9)
  ).map((r) => r.code);
  // Generated IDs the demo population holds already are left out, so every insured person is new.
  const candidates = makeLedgerRows(needed * 2, communities, 1999, new Set(), [1972, 1998]);
  const indexOf = (idNumber: string) => ctx.sealer.blindIndex('idNumber', idNumber);
  const taken = new Set(
    (
      await ctx.db
        .select({ index: persons.idNumberIndex })
        .from(persons)
        .where(
          inArray(
            persons.idNumberIndex,
            candidates.map((r) => indexOf(r.idNumber)),
          ),
        )
    ).map((r) => r.index),
  );
  const rows = candidates.filter((r) => !taken.has(indexOf(r.idNumber))).slice(0, needed);
  if (rows.length < needed) throw new Error('demo: not enough new ID numbers for the insured persons');
  const people: { id: string; regionCode: string; baseFen: number }[] = [];
  for (const r of rows) {
    const person = await createPerson(clerk, {
      idNumber: r.idNumber,
      name: r.name,
      regionCode: r.regionCode,
      householdType: r.householdType === '城镇' ? 'urban' : 'rural',
      phone: r.phone,
      ethnicity: r.ethnicity,
      education: r.education,
      address: r.address,
      skills: [r.skills],
      jobWishes: { keywords: [r.skills] },
    });
    // A monthly wage of 3,500 to 7,900 yuan is the contribution base.
    people.push({ id: person.id, regionCode: r.regionCode, baseFen: 350_000 + Math.floor(rand() * 45) * 10_000 });
  }

  const steps: Step[] = [];
  type Insured = (typeof people)[number];
  const contributions = new Map<string, { person: Insured; employerId: string; short: boolean }[]>();
  const contribute = (person: Insured, employerId: string, monthsAgo: number, short = false) => {
    const list = contributions.get(month(monthsAgo)) ?? [];
    list.push({ person, employerId, short });
    contributions.set(month(monthsAgo), list);
  };
  const register = (person: Insured, day: string, input: Omit<Parameters<typeof registerEvent>[2], 'date'>) =>
    steps.push({ day, order: registration, run: () => registerEvent(on(clerk, day), person.id, { ...input, date: day }) });
  const hire = (person: Insured, firm: (typeof firms)[number], day: string) =>
    register(person, day, { type: 'employment', employerName: firm.name, employmentForm: 'employer' });

  // Current employees: hired one to four years ago, contributing the last twelve months; the
  // employer in arrears declared nothing for the last two months and, four months ago, only its own share.
  let next = 0;
  for (const [i, firm] of enrolledFirms.entries()) {
    for (let k = 0; k < staffCounts[i]!; k++) {
      const person = people[next++]!;
      hire(person, firm, dayOf(13 + Math.floor(rand() * 36), 1 + Math.floor(rand() * 27)));
      for (let ago = 12; ago >= 1; ago--) {
        if (firm.id === inArrears.id && ago <= 2) continue;
        contribute(person, firm.id, ago, firm.id === inArrears.id && ago === 4);
      }
    }
  }

  // Claimants: their last twelve months contributed up to the separation month, then the
  // separation, the unemployment and job-seeking registrations, and the claim once the separation
  // month's contributions are posted (the 15th of the next month).
  const claimIds = new Map<number, string>();
  for (const [i, c] of claimants.entries()) {
    const person = people[next++]!;
    const firm = payingFirms[i % payingFirms.length]!;
    const s = c.separatedMonthsAgo;
    hire(person, firm, dayOf(s + 12 + Math.floor(rand() * 24), 1 + Math.floor(rand() * 27)));
    for (let ago = s + 11; ago >= s; ago--) contribute(person, firm.id, ago);
    const reason = separationReasonNames[c.reason];
    const separated = dayOf(s, 24);
    const registered = dayOf(s, 27);
    register(person, separated, { type: 'employment_end', reason });
    register(person, registered, { type: 'unemployment', reason });
    register(person, registered, { type: 'job_seeking' });
    const claimedOn = dayOf(s - 1, 16 + (i % 3));
    const input = { personId: person.id, separationDate: separated, separationReason: c.reason };
    if (c.outcome === 'refused') {
      // 条例第十四条: a resignation is not an involuntary separation; the refusal is answered, nothing is stored.
      steps.push({
        day: claimedOn,
        order: claiming,
        run: () =>
          takeClaim(on(officer, claimedOn), input).then(
            () => {
              throw new Error('demo: a claim after a resignation was accepted');
            },
            (err: unknown) => {
              if (!(err instanceof AppError && err.code === 'RULE_VIOLATION')) throw err;
            },
          ),
      });
      continue;
    }
    steps.push({
      day: claimedOn,
      order: claiming,
      run: async () => claimIds.set(i, (await takeClaim(on(officer, claimedOn), input)).id),
    });
    if (c.outcome === 'pending') continue;
    const decidedOn = dayOf(s - 1, 20 + (i % 3));
    steps.push({
      day: decidedOn,
      order: deciding,
      run: () =>
        c.outcome === 'rejected'
          ? decideOnClaim(
              on(reviewer, decidedOn),
              claimIds.get(i)!,
              'reject',
              '单位出具的解除劳动合同证明书载明为本人提出解除，与申报的离职原因不符，请申请人与单位核实后重新申请',
            )
          : decideOnClaim(on(reviewer, decidedOn), claimIds.get(i)!, 'approve', '离职证明、失业登记和缴费记录核对无误，同意'),
    });
    if (c.outcome === 'stopped') {
      // Re-employed last month at another enrolled employer: the registration stops the benefit (条例第十五条).
      const newFirm = payingFirms[(i + 1) % payingFirms.length]!;
      hire(person, newFirm, dayOf(1, 5));
      contribute(person, newFirm.id, 1);
    }
  }

  // The monthly contribution files, each posted on the 15th of the next month, at the rates of 条例第六条 as parameters.
  const lookup = await paramLookup(ctx.db, ['ui.contribution_rate.employer', 'ui.contribution_rate.person']);
  const rateOf = (regionCode: string, m: string) => {
    const [employer, person] = (['ui.contribution_rate.employer', 'ui.contribution_rate.person'] as const).map((name) => {
      const value = lookup(name, regionCode, `${m}-01`);
      if (value === undefined) throw new Error(`demo: ${name} has no value for ${regionCode} in ${m}`);
      return value;
    }) as [number, number];
    return { employer, person };
  };
  const regionOfFirm = new Map(firms.map((f) => [f.id, f.regionCode]));
  let contributionCount = 0;
  for (const [m, list] of contributions) {
    const due = addMonths(`${m}-15`, 1);
    const postedOn = due > today ? today : due;
    contributionCount += list.length;
    steps.push({
      day: postedOn,
      order: file,
      run: async () => {
        const items: ContributionItem[] = [];
        for (const { person, employerId, short } of list) {
          const rate = rateOf(regionOfFirm.get(employerId)!, m);
          const share = short ? rate.employer : rate.employer + rate.person;
          items.push({
            personId: person.id,
            employerId,
            month: m,
            baseFen: person.baseFen,
            paidFen: Math.round((person.baseFen * share) / 100),
          });
        }
        return postContributions(on(officer, postedOn), items);
      },
    });
  }

  // The last two months' payment runs: built on the 25th by one finance officer, approved the next
  // day by the other; the earlier run's bank returns two days later, one account closed.
  const returned = claimants.findIndex((c) => c.outcome === 'returned');
  for (const ago of [2, 1]) {
    const runMonth = month(ago);
    steps.push({
      day: dayOf(ago, 25),
      order: paying,
      run: async () => {
        const run = await createPaymentRun(on(finance, dayOf(ago, 25)), runMonth);
        await approvePaymentRun(on(finance2, dayOf(ago, 26)), run.id);
        if (ago !== 2) return;
        const payments = await listRunPayments(finance, run.id, {}, { limit: 1000, offset: 0 });
        await postBankReturns(
          on(finance, dayOf(ago, 28)),
          run.id,
          payments.items.map((p) =>
            p.claimId === claimIds.get(returned) && p.month === runMonth
              ? { paymentId: p.id, result: 'failed' as const, reason: '收款账户已销户，请申领人提供新的银行账户' }
              : { paymentId: p.id, result: 'paid' as const },
          ),
        );
      },
    });
  }

  // Replay in date order (sort is stable: a person's registrations of one day keep their order).
  steps.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.order - b.order));
  for (const step of steps) await step.run();

  // Follow-ups on the coverage list: enrol the employer that is not, collect the arrears.
  await createFollowUp(officer, {
    employerId: notEnrolled.id,
    kind: 'enrol',
    dueDate: addDays(today, 30),
    note: '该单位已登记招用人员但未参加失业保险，上门宣传《失业保险条例》并督促办理参保登记',
  });
  await createFollowUp(officer, {
    employerId: inArrears.id,
    kind: 'arrears',
    dueDate: addDays(today, 15),
    note: `${month(2)}、${month(1)} 未申报缴费，${month(4)} 只缴了单位部分，发出限期缴纳通知`,
  });
  return {
    accounts,
    enrolled: enrolledFirms.length,
    insuredPersons: people.length,
    contributions: contributionCount,
    claims: claimIds.size,
    runs: 2,
  };
}
