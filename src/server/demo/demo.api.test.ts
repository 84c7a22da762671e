// The demo as `npm start` makes it (bootstrap with OPENPES_DEMO=1 and demo people): what its pages
// suggest is there (issue 12). Graduates and retirees in their lists; employers posting vacancies
// of their own trade; drivers for the board's 司机 example; the fairs' vacancies counted; and
// publication dates spread over weeks rather than all today.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { occupationName } from '../../shared/occupations.js';
import { bootstrap } from '../bootstrap.js';
import { addMonths } from '../platform/clock.js';
import { createTestApp, loginAs, testAdminPassword, type TestApp } from '../testing/testApp.js';
import { createDemoUnemploymentInsurance } from './unemploymentInsurance.js';

let t: TestApp;
let admin: { authorization: string };
const today = '2026-11-23';
const now = () => new Date(`${today}T04:00:00Z`);
/** The month `n` months before today's. */
const monthsAgo = (n: number) => addMonths(`${today.slice(0, 7)}-01`, -n).slice(0, 7);

const get = async <T>(url: string, as = admin): Promise<T> => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: as });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

interface Vacancy {
  title: string;
  employerName: string;
  occupation: string | null;
  publishedAt: string | null;
  status: string;
}

beforeAll(async () => {
  t = await createTestApp({ now, demoPeople: 1 });
  admin = await loginAs(t.app, 'taiyuan_admin');
}, 600_000);
afterAll(() => t?.close());

describe('the demo as npm start makes it', () => {
  it('REG-4 the 高校毕业生 list has graduates, some registered unemployed (the page’s default filter)', async () => {
    const all = await get<{ total: number; items: { graduationYear: number | null; school: string | null }[] }>('/persons?graduate=true');
    expect(all.total).toBeGreaterThanOrEqual(27);
    expect(all.items.every((p) => p.graduationYear !== null && p.school !== null)).toBe(true);
    const unemployed = await get<{ total: number }>('/persons?graduate=true&status=unemployed');
    expect(unemployed.total).toBeGreaterThan(0);
    // A community clerk sees those of their own community.
    const clerk = await loginAs(t.app, 'c140105001001_clerk');
    expect((await get<{ total: number }>('/persons?graduate=true&status=unemployed', clerk)).total).toBeGreaterThan(0);
  });

  it('AID-1 the 困难人员认定 overview has recognitions made by the reviewer in every district, and revoked ones with their reason', async () => {
    type Item = { regionCode: string; category: string; status: string; recognisedByName: string; revokedReason: string | null };
    const active = await get<{ total: number; items: Item[] }>('/assistance/recognitions?status=active&pageSize=100');
    expect(active.total).toBeGreaterThan(0);
    expect(new Set(active.items.map((r) => r.regionCode.slice(0, 6)))).toEqual(new Set(['140105', '140106', '140107']));
    expect(active.items.every((r) => r.recognisedByName === '孙丽')).toBe(true);
    // One revoked by the reviewer per district, and those the demo's public-welfare placements ended (an employment ends them).
    const revoked = await get<{ total: number; items: Item[] }>('/assistance/recognitions?status=revoked&pageSize=100');
    expect(revoked.total).toBeGreaterThanOrEqual(3);
    expect(revoked.items.every((r) => r.revokedReason !== null)).toBe(true);
  });

  it('REG-6 the 退休人员 list has community-managed retirees in every district', async () => {
    const retirees = await get<{ total: number; items: { retiree: boolean; regionCode: string }[] }>('/persons?retiree=true&pageSize=100');
    expect(retirees.total).toBeGreaterThanOrEqual(27);
    expect(retirees.items.every((p) => p.retiree)).toBe(true);
    expect(new Set(retirees.items.map((p) => p.regionCode.slice(0, 6)))).toEqual(new Set(['140105', '140106', '140107']));
  });

  it('JOB-2 employers post vacancies of their own trade: the security company guards, not accountants or cooks', async () => {
    const vacancies = (await get<{ items: Vacancy[] }>('/vacancies?pageSize=100')).items;
    const titlesOf = (employer: string) => new Set(vacancies.filter((v) => v.employerName === employer).map((v) => v.title));
    const security = titlesOf('太原北城保安服务有限公司');
    expect(security.size).toBeGreaterThan(0);
    for (const title of security) expect(title).toMatch(/保安|安检|消防/);
    const kitchen = titlesOf('太原并州餐饮管理有限公司');
    for (const title of kitchen) expect(title).toMatch(/烹调|面点|餐厅/);
    expect([...titlesOf('太原杏花岭汽车维修有限公司')].every((title) => /汽车|车/.test(title))).toBe(true);
  });

  it('JOB-7 the board’s example 司机 finds published driver vacancies', async () => {
    const found = await t.app.inject({ method: 'GET', url: `/api/v1/public/vacancies?q=${encodeURIComponent('司机')}` });
    expect(found.statusCode, found.body).toBe(200);
    const items = (found.json() as { items: Vacancy[] }).items;
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.every((v) => v.title.includes('司机') && occupationName(v.occupation!)?.includes('驾驶员'))).toBe(true);
  });

  it('JOB-6 the fairs offer vacancies: the past fair reports its vacancies beside its deals', async () => {
    const officer = await loginAs(t.app, 'taiyuan_job');
    const fairs = (await get<{ items: { name: string; vacancyCount: number }[] }>('/fairs', officer)).items;
    expect(fairs.length).toBe(2);
    for (const fair of fairs) expect({ name: fair.name, offered: fair.vacancyCount > 0 }).toEqual({ name: fair.name, offered: true });
  });

  it('JOB-2 publication dates spread over weeks', async () => {
    const vacancies = (await get<{ items: Vacancy[] }>('/vacancies?status=published&pageSize=100')).items;
    const days = new Set(vacancies.map((v) => v.publishedAt!.slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(10);
    const sorted = [...days].sort();
    const spanDays = (Date.parse(sorted.at(-1)!) - Date.parse(sorted[0]!)) / 86_400_000;
    expect(spanDays).toBeGreaterThanOrEqual(21);
    expect(sorted.at(-1)! <= today).toBe(true);
  });

  it('AID-4 AID-8 the demo streets have public-welfare posts with recognised persons placed, and last month’s post subsidies paid in a run', async () => {
    const streetClerk = await loginAs(t.app, 's140105001_clerk');
    const posts = await get<{ total: number; items: { id: string; occupied: number }[] }>('/assistance/posts', streetClerk);
    expect(posts.total).toBeGreaterThanOrEqual(1);
    expect(posts.items[0]!.occupied).toBeGreaterThanOrEqual(1);
    const paid = await get<{ total: number; items: { amountFen: number; type: string }[] }>('/assistance/subsidies?status=paid');
    expect(paid.total).toBeGreaterThanOrEqual(1);
    expect(paid.items.every((s) => s.type === 'public_welfare_post' && s.amountFen === 150000)).toBe(true);
  });

  it('AID-7 the district clerk finds last month’s 就业援助月 with targets, and results counted from the demo’s records of that month', async () => {
    const clerk = await loginAs(t.app, 'xiaodian_clerk');
    const list = await get<{ total: number; items: { id: string; kind: string; startDate: string; endDate: string }[] }>(
      '/assistance/campaigns',
      clerk,
    );
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ kind: 'assistance_month', startDate: '2026-10-01', endDate: '2026-10-31' });
    const results = await get<{ results: { indicator: string; target: number | null; actual: number }[] }>(
      `/assistance/campaigns/${list.items[0]!.id}/results`,
      clerk,
    );
    const byCode = Object.fromEntries(results.results.map((r) => [r.indicator, r]));
    expect(byCode.persons_served!.target).toBe(30);
    expect(results.results.some((r) => r.actual > 0)).toBe(true);
  });

  it('AID-2 community clerks are caseworkers of recognised persons, with plans and visits, some overdue, and their work list shows them', async () => {
    type Row = { personId: string; caseworkerName: string | null; status: string; lastVisitOn: string | null };
    const overdue = await get<{ total: number; items: Row[] }>('/assistance/visits?status=overdue&pageSize=100');
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.items.some((r) => r.caseworkerName?.endsWith('协理员'))).toBe(true);
    const visited = await get<{ items: Row[] }>('/assistance/visits?pageSize=100');
    expect(visited.items.some((r) => r.lastVisitOn !== null)).toBe(true);
    const someone = overdue.items.find((r) => r.caseworkerName)!;
    const work = await get<{ plan: unknown[]; caseworker: { name: string } | null }>(`/persons/${someone.personId}/casework`);
    expect(work.plan.length).toBe(2);
    const clerk = await loginAs(t.app, 'c140105001001_clerk');
    const list = await get<{ visits: { total: number } }>('/assistance/work-list', clerk);
    expect(list.visits.total).toBeGreaterThan(0);
  });

  it('AID-5 the demo’s paid subsidies and placements are policies enjoyed, and some holders have had their yearly check', async () => {
    const paid = await get<{ items: { personId: string }[] }>('/assistance/subsidies?status=paid');
    const enjoyed = await get<{ items: { policyType: string }[] }>(`/persons/${paid.items[0]!.personId}/policies-enjoyed`);
    expect(enjoyed.items.map((p) => p.policyType).sort()).toEqual(['placement.public_welfare_post', 'subsidy.public_welfare_post']);
    const streetClerk = await loginAs(t.app, 's140105001_clerk');
    const due = await get<{ items: { personId: string }[] }>('/certificates/checks-due?withinDays=366&pageSize=100', streetClerk);
    const checked = await Promise.all(
      due.items.map((d) => get<{ reviews: { kind: string }[] }>(`/persons/${d.personId}/certificate/reviews`, streetClerk)),
    );
    expect(checked.some((c) => c.reviews.some((r) => r.kind === 'yearly_check'))).toBe(true);
  });
  it('UI-2 UI-3 小店区 has claims pending, in benefit, rejected, stopped by a re-employment and exhausted, each decided by a reviewer other than its taker', async () => {
    const officer = await loginAs(t.app, 'xiaodian_ui');
    type Claim = { id: string; status: string; takenBy: string; decidedBy: string | null; stoppedOn: string | null; regionCode: string };
    const claims = (await get<{ total: number; items: Claim[] }>('/ui/claims?pageSize=100', officer)).items;
    const count = (status: string) => claims.filter((c) => c.status === status).length;
    expect({ pending: count('pending'), active: count('active'), rejected: count('rejected'), stopped: count('stopped') }).toEqual({
      pending: 2,
      active: 3,
      rejected: 1,
      stopped: 1,
    });
    expect(count('exhausted')).toBe(1);
    // Nine claimants: the one who resigned was refused by the rules, and a refusal stores no claim.
    expect(claims.length).toBe(8);
    expect(claims.every((c) => c.regionCode.startsWith('140105') && c.takenBy === 'xiaodian_ui')).toBe(true);
    expect(claims.filter((c) => c.status !== 'pending').every((c) => c.decidedBy === 'xiaodian_reviewer')).toBe(true);
    const stopped = await get<{ stopReason: string; stoppedOn: string }>(
      `/ui/claims/${claims.find((c) => c.status === 'stopped')!.id}`,
      officer,
    );
    expect(stopped.stopReason).toBe('re_employed');
    expect(stopped.stoppedOn.slice(0, 7)).toBe(monthsAgo(1));
  });

  it('UI-3 the last two months each have a run built by one finance officer and approved by the other; a month the bank returned is paid again', async () => {
    const finance = await loginAs(t.app, 'xiaodian_finance');
    type Run = {
      id: string;
      month: string;
      status: string;
      createdBy: string;
      approvedBy: string | null;
      payments: number;
      totalFen: number;
    };
    const runs = (await get<{ items: Run[] }>('/ui/payment-runs?pageSize=100', finance)).items;
    expect(runs.map((r) => r.month).sort()).toEqual([monthsAgo(2), monthsAgo(1)]);
    for (const run of runs) {
      expect(run).toMatchObject({ status: 'approved', createdBy: 'xiaodian_finance', approvedBy: 'xiaodian_finance2' });
      expect(run.payments).toBeGreaterThan(0);
    }
    const earlier = runs.find((r) => r.month === monthsAgo(2))!;
    type Payment = { claimId: string; month: string; status: string };
    const returned = (await get<{ items: Payment[] }>(`/ui/payment-runs/${earlier.id}/payments?status=failed`, finance)).items;
    expect(returned.length).toBe(1);
    const later = runs.find((r) => r.month === monthsAgo(1))!;
    const paidAgain = (await get<{ items: Payment[] }>(`/ui/payment-runs/${later.id}/payments?pageSize=100`, finance)).items;
    expect(paidAgain.some((p) => p.claimId === returned[0]!.claimId && p.month === monthsAgo(2))).toBe(true);
  });

  it('UI-1 UI-5 UI-6 twelve months of contributions, a fund balance equal to the sum of its entries, one employer not enrolled and one in arrears', async () => {
    const finance = await loginAs(t.app, 'xiaodian_finance');
    type Transfer = { month: string; kind: string; amountFen: number };
    const transfers: Transfer[] = [];
    for (let page = 1; ; page++) {
      const got = await get<{ items: Transfer[]; total: number }>(
        `/ui/fund/transfers?kind=contribution&pageSize=100&page=${page}`,
        finance,
      );
      transfers.push(...got.items);
      if (transfers.length >= got.total) break;
    }
    const months = new Set(transfers.map((tr) => tr.month));
    for (let n = 1; n <= 12; n++) expect(months.has(monthsAgo(n)), monthsAgo(n)).toBe(true);
    const balance = await get<{ balanceFen: number; incomeFen: number; spendingFen: number }>('/ui/fund/balance', finance);
    let entriesFen = 0;
    let seen = 0;
    for (let page = 1; ; page++) {
      const got = await get<{ items: { amountFen: number }[]; total: number }>(
        `/ui/fund/entries?account=fund&pageSize=100&page=${page}`,
        finance,
      );
      entriesFen += got.items.reduce((n, e) => n + e.amountFen, 0);
      seen += got.items.length;
      if (seen >= got.total) break;
    }
    expect(balance.spendingFen).toBeGreaterThan(0);
    expect(balance.balanceFen).toBe(entriesFen);
    expect(balance.balanceFen).toBe(balance.incomeFen - balance.spendingFen);
    const officer = await loginAs(t.app, 'xiaodian_ui');
    expect((await get<{ total: number }>('/ui/coverage/not-enrolled', officer)).total).toBe(1);
    const arrears = await get<{ items: { missingMonths: number; shortMonths: number }[] }>('/ui/arrears', officer);
    expect(arrears.items.map((a) => ({ missing: a.missingMonths, short: a.shortMonths }))).toEqual([{ missing: 2, short: 1 }]);
    // A claimant who lost the job last month: the individual account holds the twelve months before this one.
    const claimant = (await get<{ items: { personId: string }[] }>('/ui/claims?status=pending', officer)).items[0]!;
    const account = await get<{ contributionMonths: number; since: string }>(`/persons/${claimant.personId}/ui-account`, officer);
    expect(account).toMatchObject({ contributionMonths: 12, since: monthsAgo(12) });
  });

  it('the demo loads once: a second start, or loading its unemployment insurance again, adds nothing', async () => {
    const officer = await loginAs(t.app, 'xiaodian_ui');
    const finance = await loginAs(t.app, 'xiaodian_finance');
    const counts = async () => ({
      staff: (await get<{ total: number }>('/staff?pageSize=1')).total,
      persons: (await get<{ total: number }>('/persons?pageSize=1')).total,
      claims: (await get<{ total: number }>('/ui/claims?pageSize=1', officer)).total,
      enrolments: (await get<{ total: number }>('/ui/enrolments?pageSize=1', officer)).total,
      runs: (await get<{ total: number }>('/ui/payment-runs?pageSize=1', finance)).total,
      balanceFen: (await get<{ balanceFen: number }>('/ui/fund/balance', finance)).balanceFen,
    });
    const before = await counts();
    expect(before.claims).toBeGreaterThan(0);
    const again = await bootstrap(t.handle.db, t.sealer, now, {
      adminPassword: testAdminPassword,
      demo: true,
      regionPrefixes: ['1401'],
      demoPeoplePerCommunity: 1,
    });
    expect(again).toMatchObject({ firstStart: false, demoAccounts: [] });
    expect((await createDemoUnemploymentInsurance(t.systemCtx, testAdminPassword)).accounts).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});
