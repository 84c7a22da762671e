// UI-2's dry run (POST /ui/claims/assess) on PGlite and on PostgreSQL: the decision that taking the
// claim would give, with every rule and the failed ones, before anything is saved; nothing stored
// (no claim, no audit row); the same figures as the claim then taken; 404 out of scope, 403 for
// other roles, 409 while a claim is open.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmployer, createPerson, createStaffMember, type Auth } from '../../testing/factories.js';
import { createTestApp, queryRows, type TestApp } from '../../testing/testApp.js';

const today = '2026-11-23';
let t: TestApp;
let clerk: Auth;
let officer: Auth; // 坞城街道 失业保险经办员
let reviewer: Auth;
let otherStreet: Auth;
let otherDistrict: Auth;
let employerId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T04:00:00Z`) });
  clerk = (await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk'] })).auth;
  officer = (await createStaffMember(t, { regionCode: '140105001000', roles: ['ui_officer'] })).auth;
  reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] })).auth;
  otherStreet = (await createStaffMember(t, { regionCode: '140105002000', roles: ['ui_officer'] })).auth;
  otherDistrict = (await createStaffMember(t, { regionCode: '140106000000', roles: ['ui_officer'] })).auth;
  const jobOfficer = (await createStaffMember(t, { regionCode: '140105000000', roles: ['job_officer'] })).auth;
  employerId = (await createEmployer(t, jobOfficer)).id;
}, 120_000);
afterAll(() => t?.close());

function send(auth: Auth, url: string, payload: object) {
  return t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { ...auth }, payload });
}

/** A person with `months` months of contributions up to May 2026, registered unemployed and job-seeking on 3 June 2026. */
async function claimant(months: number) {
  const person = await createPerson(t, clerk, { unemployedSince: '2026-06-03' });
  const seeking = await send(clerk, `/persons/${person.id}/registrations`, { type: 'job_seeking', date: '2026-06-03' });
  expect(seeking.statusCode, seeking.body).toBe(201);
  const items = Array.from({ length: months }, (_, i) => {
    const n = 2026 * 12 + 4 - months + 1 + i; // ending with 2026-05
    return {
      personId: person.id,
      employerId,
      month: `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`,
      baseFen: 300_000,
      paidFen: 3_000,
    };
  });
  const res = await send(officer, '/ui/contributions', { items });
  expect(res.statusCode, res.body).toBe(200);
  return person;
}

const body = (personId: string, separationReason = 'employer_bankrupt') => ({ personId, separationDate: '2026-05-31', separationReason });

async function stored(personId: string) {
  const claims = await queryRows<{ n: number }>(t.handle.db, sql`SELECT count(*)::int AS n FROM ui_claims WHERE person_id = ${personId}`);
  const audits = await queryRows<{ n: number }>(
    t.handle.db,
    sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'ui_claim' AND after->>'personId' = ${personId}`,
  );
  return { claims: claims[0]!.n, audits: audits[0]!.n };
}

describe('UI-2 the dry run of a claim', () => {
  it('UI-2 an eligible claim assessed shows its entitlement, amount, start month and rules, stores nothing, and is what taking it gives', async () => {
    const person = await claimant(30);
    const res = await send(officer, '/ui/claims/assess', body(person.id));
    expect(res.statusCode, res.body).toBe(200);
    const assessed = res.json();
    expect(assessed).toMatchObject({ eligible: true, entitlementMonths: 12, contributionMonths: 30, carriedMonths: 0, failed: [] });
    expect(assessed.startMonth).toBe('2026-07');
    expect(assessed.monthlyAmountFen).toBeGreaterThan(0);
    expect(assessed.reasons.map((r: { rule: string }) => r.rule)).toEqual([
      'involuntary_separation',
      'contribution_period',
      'unemployment_registered',
      'job_seeking',
      'entitlement',
      'amount',
      'start_month',
    ]);
    expect(assessed.reasons[0].source).toContain('第十四条');
    expect(await stored(person.id), 'a dry run stores no claim and no audit row').toEqual({ claims: 0, audits: 0 });
    const again = await send(officer, '/ui/claims/assess', body(person.id));
    expect(again.json(), 'assessing twice gives the same answer').toEqual(assessed);

    const taken = await send(officer, '/ui/claims', body(person.id));
    expect(taken.statusCode, taken.body).toBe(201);
    const { entitlementMonths, monthlyAmountFen, startMonth, contributionMonths, carriedMonths, reasons } = taken.json();
    expect({ entitlementMonths, monthlyAmountFen, startMonth, contributionMonths, carriedMonths, reasons }).toEqual({
      entitlementMonths: assessed.entitlementMonths,
      monthlyAmountFen: assessed.monthlyAmountFen,
      startMonth: assessed.startMonth,
      contributionMonths: assessed.contributionMonths,
      carriedMonths: assessed.carriedMonths,
      reasons: assessed.reasons,
    });
    const open = await send(officer, '/ui/claims/assess', body(person.id));
    expect(open.statusCode, 'an open claim: taking another would be a conflict').toBe(409);
    expect(open.json().errors).toEqual([expect.objectContaining({ path: '/personId', code: 'OPEN_CLAIM' })]);
  });

  it('UI-2 条例第十四条 an ineligible claim assessed is a 200 naming each failed rule with its field and article, and stores nothing', async () => {
    const person = await claimant(11);
    const res = await send(officer, '/ui/claims/assess', body(person.id, 'voluntary_resignation'));
    expect(res.statusCode, res.body).toBe(200);
    const assessed = res.json();
    expect(assessed).toMatchObject({ eligible: false, entitlementMonths: 0, contributionMonths: 11 });
    expect(assessed.failed).toEqual([
      expect.objectContaining({
        rule: 'involuntary_separation',
        path: '/separationReason',
        source: expect.stringContaining('第十四条第（二）项'),
      }),
      expect.objectContaining({ rule: 'contribution_period', path: '/personId', detail: expect.stringContaining('只有 11 个月') }),
    ]);
    expect(await stored(person.id)).toEqual({ claims: 0, audits: 0 });
    const taken = await send(officer, '/ui/claims', body(person.id, 'voluntary_resignation'));
    expect(taken.statusCode, 'taking it is refused on the same rules').toBe(422);
    expect(taken.json().errors.map((e: { code: string }) => e.code)).toEqual(assessed.failed.map((f: { rule: string }) => f.rule));
  });

  it('UI-2 jurisdiction and roles: another street’s or district’s officer gets 404, a reviewer 403, a future separation 400', async () => {
    const person = await claimant(12);
    for (const other of [otherStreet, otherDistrict])
      expect((await send(other, '/ui/claims/assess', body(person.id))).statusCode).toBe(404);
    expect((await send(officer, '/ui/claims/assess', body(crypto.randomUUID()))).statusCode).toBe(404);
    expect((await send(reviewer, '/ui/claims/assess', body(person.id))).statusCode).toBe(403);
    const future = await send(officer, '/ui/claims/assess', { ...body(person.id), separationDate: '2026-12-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([expect.objectContaining({ path: '/separationDate', code: 'IN_FUTURE' })]);
    expect(await stored(person.id)).toEqual({ claims: 0, audits: 0 });
  });
});
