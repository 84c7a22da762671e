// UI-1 and UI-2 through the API on PGlite and on PostgreSQL: contributions recorded once per
// person, employer and month (all or nothing), the individual account with its gaps and the months
// each claim counted, claims decided by the articles of 《失业保险条例》 (第十四条 conditions,
// 第十七条 entitlement and combination, 第十八条 amount), four eyes on the decision, the stop on
// re-employment (第十五条), jurisdiction (404) and roles (403).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmployer, createPerson, createStaffMember, type Auth } from '../../testing/factories.js';
import { createTestApp, loginAs, queryRows, type TestApp } from '../../testing/testApp.js';

const today = '2026-11-23';
let t: TestApp;
let clerk: Auth; // 坞城街道: persons and registrations
let officer: Auth; // 坞城街道 失业保险经办员
let reviewer: Auth; // 太原市
let officerReviewer: Auth; // 小店区, both roles
let otherStreet: Auth;
let otherDistrict: Auth;
let jobOfficer: Auth;
let auditor: Auth;
let employerId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T04:00:00Z`) });
  clerk = (await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk'] })).auth;
  officer = (await createStaffMember(t, { regionCode: '140105001000', roles: ['ui_officer'] })).auth;
  reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'], name: '太原市审核员' })).auth;
  officerReviewer = (
    await createStaffMember(t, { regionCode: '140105000000', roles: ['ui_officer', 'reviewer'], name: '小店区经办审核员' })
  ).auth;
  otherStreet = (await createStaffMember(t, { regionCode: '140105002000', roles: ['ui_officer', 'reviewer'] })).auth;
  otherDistrict = (await createStaffMember(t, { regionCode: '140106000000', roles: ['ui_officer', 'reviewer'] })).auth;
  jobOfficer = (await createStaffMember(t, { regionCode: '140105000000', roles: ['job_officer'] })).auth;
  auditor = (await createStaffMember(t, { regionCode: '140100000000', roles: ['auditor'] })).auth;
  employerId = (await createEmployer(t, jobOfficer)).id;
}, 120_000);
afterAll(() => t?.close());

function send(auth: Auth, method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({ method, url: `/api/v1${url}`, headers: { ...auth }, ...(payload ? { payload } : {}) });
}

/** `count` consecutive months ending with `last` ('YYYY-MM'), oldest first. */
function monthsEnding(last: string, count: number): string[] {
  const [y, m] = last.split('-').map(Number) as [number, number];
  const end = y * 12 + (m - 1);
  return Array.from({ length: count }, (_, i) => {
    const n = end - count + 1 + i;
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
}

const item = (personId: string, month: string, paidFen = 3_000) => ({ personId, employerId, month, baseFen: 300_000, paidFen });

async function contribute(personId: string, months: string[]) {
  const res = await send(officer, 'POST', '/ui/contributions', { items: months.map((m) => item(personId, m)) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { inserted: number; unchanged: number };
}

async function register(personId: string, type: string, date: string, extra: object = {}) {
  const res = await send(clerk, 'POST', `/persons/${personId}/registrations`, { type, date, ...extra });
  expect(res.statusCode, res.body).toBe(201);
}

/** A person with `months` months of contributions up to May 2026, registered unemployed and job-seeking on 3 June 2026. */
async function claimant(months: number) {
  const person = await createPerson(t, clerk, { unemployedSince: '2026-06-03' });
  await register(person.id, 'job_seeking', '2026-06-03');
  if (months > 0) await contribute(person.id, monthsEnding('2026-05', months));
  return person;
}

const claim = (personId: string, separationReason = 'employer_bankrupt', separationDate = '2026-05-31', as = officer) =>
  send(as, 'POST', '/ui/claims', { personId, separationDate, separationReason });
const decide = (id: string, decision: 'approve' | 'reject', as = reviewer) =>
  send(as, 'POST', `/ui/claims/${id}/decision`, { decision, comment: decision === 'approve' ? '材料齐全，同意' : '不符合条件' });

describe('UI-1 contributions and the individual account', () => {
  it('UI-1 条例第十四条 contributions posted twice: the second post is all unchanged, and the account shows the months', async () => {
    const person = await createPerson(t, clerk);
    const months = monthsEnding('2026-03', 3);
    expect(await contribute(person.id, months)).toEqual({ inserted: 3, unchanged: 0 });
    expect(await contribute(person.id, months)).toEqual({ inserted: 0, unchanged: 3 });
    const account = (await send(officer, 'GET', `/persons/${person.id}/ui-account`)).json();
    expect(account).toMatchObject({ contributionMonths: 3, since: '2026-01', unusedMonths: 3 });
    expect(account.months.map((m: { month: string }) => m.month)).toEqual(months);
  });

  it('UI-1 a bad item rejects the whole post with its field path and writes nothing; a changed amount for a stored month is 409', async () => {
    const person = await createPerson(t, clerk);
    const bad = await send(officer, 'POST', '/ui/contributions', {
      items: [item(person.id, '2026-01'), item(person.id, '2026-02'), item(person.id, '2027-01'), item(crypto.randomUUID(), '2026-01')],
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().errors).toEqual([
      expect.objectContaining({ path: '/items/2/month', code: 'IN_FUTURE' }),
      expect.objectContaining({ path: '/items/3/personId', code: 'NOT_FOUND' }),
    ]);
    const malformed = await send(officer, 'POST', '/ui/contributions', { items: [item(person.id, '2026-13')] });
    expect(malformed.statusCode).toBe(400);
    expect((await send(officer, 'POST', '/ui/contributions', { items: [] })).statusCode).toBe(400);
    expect((await send(officer, 'GET', `/persons/${person.id}/ui-account`)).json()).toMatchObject({ contributionMonths: 0, months: [] });
    expect(await contribute(person.id, ['2026-01'])).toEqual({ inserted: 1, unchanged: 0 });
    const changed = await send(officer, 'POST', '/ui/contributions', {
      items: [item(person.id, '2026-02'), item(person.id, '2026-01', 9_999)],
    });
    expect(changed.statusCode, changed.body).toBe(409);
    expect(changed.json().errors).toEqual([expect.objectContaining({ path: '/items/1/paidFen', code: 'AMOUNT_DIFFERS' })]);
    expect((await send(officer, 'GET', `/persons/${person.id}/ui-account`)).json().contributionMonths, 'nothing of the refused post').toBe(
      1,
    );
  });
});

describe('UI-2 claims', () => {
  it('UI-2 条例第十四条第（一）项: 11 contribution months are not enough (422 naming the rule, nothing stored)', async () => {
    const person = await claimant(11);
    const res = await claim(person.id);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ code: 'RULE_VIOLATION', errors: [expect.objectContaining({ code: 'contribution_period' })] });
    expect(res.json().detail).toContain('contribution_period');
    expect(res.json().reasons.map((r: { rule: string }) => r.rule)).toContain('contribution_period');
    expect((await send(officer, 'GET', `/ui/claims?personId=${person.id}`)).json().total).toBe(0);
  });

  it('UI-2 条例第十七条: 12 and 59 contribution months give 12 months', async () => {
    for (const months of [12, 59]) {
      const res = await claim((await claimant(months)).id);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ status: 'pending', eligible: true, entitlementMonths: 12, contributionMonths: months });
    }
  });

  it('UI-2 条例第十七条: 60 and 119 contribution months give 18 months', async () => {
    for (const months of [60, 119]) {
      const res = await claim((await claimant(months)).id);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().entitlementMonths).toBe(18);
    }
  });

  it('UI-2 条例第十七条、第十八条: 120 contribution months give 24 months, at the region’s rate of the minimum wage, from the month after the registration', async () => {
    const res = await claim((await claimant(120)).id);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    // Taiyuan example parameters: 80% of 1,980.00 yuan, between 830.00 and 1,980.00.
    expect(body).toMatchObject({
      status: 'pending',
      eligible: true,
      entitlementMonths: 24,
      monthlyAmountFen: 158_400,
      startMonth: '2026-07',
    });
    expect(body.reasons.map((r: { rule: string }) => r.rule)).toEqual([
      'involuntary_separation',
      'contribution_period',
      'unemployment_registered',
      'job_seeking',
      'entitlement',
      'amount',
      'start_month',
    ]);
    expect(body).toMatchObject({ paidMonths: 0, payments: [], stoppedOn: null });
  });

  it('UI-2 条例第十四条第（二）项: a voluntary resignation is not eligible (422 naming involuntary_separation)', async () => {
    const person = await claimant(36);
    for (const reason of ['voluntary_resignation', 'other_voluntary']) {
      const res = await claim(person.id, reason);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({ code: 'RULE_VIOLATION', errors: [expect.objectContaining({ code: 'involuntary_separation' })] });
      expect(res.json().detail).toContain('involuntary_separation');
    }
    expect((await claim(person.id, 'mutual_agreement_employer_initiated')).statusCode).toBe(201);
  });

  it('UI-2 条例第十四条第（三）项: a person not registered unemployed, or not seeking a job, is not eligible', async () => {
    const notRegistered = await createPerson(t, clerk);
    await contribute(notRegistered.id, monthsEnding('2026-05', 24));
    const res = await claim(notRegistered.id);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { code: string }) => e.code)).toEqual(['unemployment_registered', 'job_seeking']);
  });

  it('UI-2 four eyes: the officer who took a claim cannot decide it (403); another reviewer approves it (active), once', async () => {
    const person = await claimant(30);
    const taken = await claim(person.id, 'dismissed_by_employer', '2026-05-31', officerReviewer);
    expect(taken.statusCode, taken.body).toBe(201);
    const id = taken.json().id;
    expect((await decide(id, 'approve', officerReviewer)).statusCode).toBe(403);
    const approved = await decide(id, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'active', decisionComment: '材料齐全，同意' });
    expect(approved.json(), 'UI-2 the staff members’ names beside their logins').toMatchObject({
      takenByName: '小店区经办审核员',
      decidedByName: '太原市审核员',
    });
    const listed = (await send(reviewer, 'GET', `/ui/claims?personId=${person.id}`)).json().items;
    expect(listed).toEqual([expect.objectContaining({ id, takenByName: '小店区经办审核员', decidedByName: '太原市审核员' })]);
    expect((await decide(id, 'reject')).statusCode).toBe(409);
    expect((await claim(person.id)).statusCode, 'one open claim per person').toBe(409);
    const audited = await queryRows<{ action: string }>(
      t.handle.db,
      sql`SELECT action FROM audit_log WHERE entity = 'ui_claim' AND entity_id = ${id} ORDER BY seq`,
    );
    expect(audited.map((a) => a.action)).toEqual(['apply', 'approve']);
  });

  it('UI-3 条例第十五条: an employment registration stops the claim on its date (re_employed)', async () => {
    const person = await claimant(30);
    const id = (await claim(person.id)).json().id;
    expect((await decide(id, 'approve')).statusCode).toBe(200);
    await register(person.id, 'employment', '2026-09-14', { employmentForm: 'employer', employerName: '太原某公司' });
    const stopped = (await send(officer, 'GET', `/ui/claims/${id}`)).json();
    expect(stopped).toMatchObject({ status: 'stopped', stoppedOn: '2026-09-14', stopReason: 're_employed' });
    expect((await send(officer, 'GET', `/ui/claims?status=stopped&personId=${person.id}`)).json().total).toBe(1);
  });

  it('UI-3 条例第十五条: a claim stopped before its decision cannot be decided and counts no contribution months', async () => {
    const person = await claimant(30);
    const id = (await claim(person.id)).json().id;
    await register(person.id, 'employment', '2026-07-01', { employmentForm: 'flexible' });
    expect((await send(officer, 'GET', `/ui/claims/${id}`)).json()).toMatchObject({
      status: 'stopped',
      stoppedOn: '2026-07-01',
      decidedBy: null,
      decidedByName: null,
    });
    expect((await decide(id, 'approve')).statusCode).toBe(409);
    const account = (await send(officer, 'GET', `/persons/${person.id}/ui-account`)).json();
    expect(account).toMatchObject({ contributionMonths: 30, unusedMonths: 30 });
  });

  it('UI-2 条例第十七条: an earlier claim’s unused 20 months plus a new 12 gives 24 (capped); the account marks the months each claim counted', async () => {
    const person = await createPerson(t, clerk, { unemployedSince: '2024-01-05' });
    await register(person.id, 'job_seeking', '2024-01-05');
    await contribute(person.id, monthsEnding('2023-12', 120));
    const first = await claim(person.id, 'employer_bankrupt', '2023-12-31');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ entitlementMonths: 24, startMonth: '2024-02' });
    expect((await decide(first.json().id, 'approve')).statusCode).toBe(200);
    // Benefit February to May 2024 (4 months), then a job from 10 June: 20 months unused.
    await register(person.id, 'employment', '2024-06-10', { employmentForm: 'employer' });
    await contribute(person.id, monthsEnding('2025-05', 12));
    await register(person.id, 'employment_end', '2025-05-31');
    await register(person.id, 'unemployment', '2025-06-02');
    await register(person.id, 'job_seeking', '2025-06-02');
    const second = await claim(person.id, 'contract_ended_not_renewed', '2025-05-31');
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({
      contributionMonths: 12,
      carriedMonths: 20,
      earlierClaimId: first.json().id,
      entitlementMonths: 24,
      startMonth: '2025-07',
    });
    const account = (await send(officer, 'GET', `/persons/${person.id}/ui-account`)).json();
    expect(account).toMatchObject({ contributionMonths: 132, since: '2014-01', unusedMonths: 0 });
    const byMonth = new Map(account.months.map((m: { month: string }) => [m.month, m]));
    expect(byMonth.get('2023-12')).toMatchObject({ contributed: true, usedByClaimId: first.json().id });
    expect(byMonth.get('2024-03'), 'the gap while on benefit').toMatchObject({ contributed: false, usedByClaimId: null });
    expect(byMonth.get('2024-06')).toMatchObject({ contributed: true, usedByClaimId: second.json().id });
  });

  it('UI-2 jurisdiction: another street’s and another district’s officer gets 404 on the claim, its decision and the person’s ui-account', async () => {
    const person = await claimant(24);
    const id = (await claim(person.id)).json().id;
    for (const other of [otherStreet, otherDistrict]) {
      expect((await send(other, 'GET', `/ui/claims/${id}`)).statusCode).toBe(404);
      expect((await decide(id, 'approve', other)).statusCode).toBe(404);
      expect((await send(other, 'GET', `/persons/${person.id}/ui-account`)).statusCode).toBe(404);
      expect((await send(other, 'GET', `/ui/claims?personId=${person.id}`)).json().total).toBe(0);
    }
    expect((await send(officer, 'GET', `/ui/claims/${id}`)).json().status, 'untouched').toBe('pending');
  });

  it('UI-2 roles: a clerk may not post contributions, take, read or list claims, and a UI officer may not decide (403)', async () => {
    const person = await claimant(24);
    const id = (await claim(person.id)).json().id;
    expect((await send(clerk, 'POST', '/ui/contributions', { items: [item(person.id, '2026-06')] })).statusCode).toBe(403);
    expect((await claim(person.id, 'employer_bankrupt', '2026-05-31', clerk)).statusCode).toBe(403);
    expect((await send(clerk, 'GET', `/ui/claims/${id}`)).statusCode).toBe(403);
    expect((await send(clerk, 'GET', '/ui/claims')).statusCode).toBe(403);
    expect((await send(jobOfficer, 'GET', `/persons/${person.id}/ui-account`)).statusCode).toBe(403);
    expect((await decide(id, 'approve', officer)).statusCode).toBe(403);
  });

  it('UI-2 the claims list pages, filters by status and exports to Excel', async () => {
    const page = await send(reviewer, 'GET', '/ui/claims?status=pending&pageSize=2');
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().items.length).toBe(2);
    expect(page.json().items.every((c: { status: string }) => c.status === 'pending')).toBe(true);
    const xlsx = await send(reviewer, 'GET', '/ui/claims?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('UI-2 parameters and concurrency', () => {
  it('UI-2 条例第十八条: a benefit rate of 100% or more, or a living allowance not below the minimum wage, is refused when set (400 OUT_OF_BAND)', async () => {
    const admin = await loginAs(t.app, 'admin');
    const set = (name: string, value: number, regionPrefix = '140105') =>
      send(admin, 'POST', `/params/${name}/values`, { regionPrefix, effectiveFrom: '2026-10-01', value, source: '测试：越界取值' });
    const rate = await set('ui.benefit_rate_of_min_wage', 100);
    expect(rate.statusCode, rate.body).toBe(400);
    expect(rate.json().errors).toEqual([expect.objectContaining({ path: '/value', code: 'OUT_OF_BAND' })]);
    expect((await set('minimum_living_allowance.monthly', 198_000)).json().errors[0].code).toBe('OUT_OF_BAND');
    expect((await set('minimum_wage.monthly', 80_000)).json().errors[0].code).toBe('OUT_OF_BAND');
    expect((await set('ui.max_entitlement_months', 36)).statusCode).toBe(400);
    const ok = await set('minimum_wage.monthly', 200_000, '140106');
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('UI-2 one open claim per person: two claims taken at once give one 201 and one 409', async () => {
    const person = await claimant(24);
    const both = await Promise.all([claim(person.id), claim(person.id)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await send(officer, 'GET', `/ui/claims?personId=${person.id}`)).json().total).toBe(1);
  });

  it('UI-1 the same contributions posted twice at once are stored once', async () => {
    const person = await createPerson(t, clerk);
    const items = monthsEnding('2025-12', 6).map((m) => item(person.id, m));
    const both = await Promise.all([1, 2].map(() => send(officer, 'POST', '/ui/contributions', { items })));
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(both.map((r) => r.json().inserted).sort()).toEqual([0, 6]);
    expect((await send(officer, 'GET', `/persons/${person.id}/ui-account`)).json().contributionMonths).toBe(6);
  });

  it('SYS-2 reading a claim or a UI account is a look in the person’s access log', async () => {
    const person = await claimant(24);
    const id = (await claim(person.id)).json().id;
    const views = async () =>
      (await send(auditor, 'GET', `/persons/${person.id}/access-log`)).json().items.filter((e: { action: string }) => e.action === 'view')
        .length;
    expect(await views()).toBe(0);
    await send(reviewer, 'GET', `/ui/claims/${id}`);
    await send(reviewer, 'GET', `/persons/${person.id}/ui-account`);
    expect(await views()).toBeGreaterThanOrEqual(1);
  });
});
