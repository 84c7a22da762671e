// AID-8 subsidies paid exactly once, through the API on PGlite and on PostgreSQL: the rule of the
// type decides (422 RULE_VIOLATION naming it), the same type, beneficiary and period exists once
// (409, concurrent applications too), the applicant cannot decide (403), and runs pay each approved
// subsidy once ever: two concurrent runs, a retry with the same Idempotency-Key and a rerun after a
// crash mid-run included. A property test drives random sequences and checks the paid amounts.
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, createPerson, createStaffMember, type Auth } from '../../testing/factories.js';
import { createTestApp, loginAs, queryRows, type TestApp } from '../../testing/testApp.js';
import * as repo from './subsidyRepo.js';

const today = '2026-11-23';
let t: TestApp;
let clerk: Auth; // 坞城街道
let reviewer: Auth;
let finance: Auth; // 小店区
let otherStreet: Auth;
let otherDistrict: Auth;
let postId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T04:00:00Z`) });
  clerk = (await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk'] })).auth;
  reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] })).auth;
  finance = (await createStaffMember(t, { regionCode: '140105000000', roles: ['finance'] })).auth;
  otherStreet = (await createStaffMember(t, { regionCode: '140105002000', roles: ['clerk', 'reviewer'] })).auth;
  otherDistrict = (await createStaffMember(t, { regionCode: '140106000000', roles: ['clerk', 'reviewer'] })).auth;
  const admin = await loginAs(t.app, 'admin');
  for (const [name, value] of [
    ['subsidy.public_welfare_post.amount', 150000],
    ['subsidy.social_insurance.amount', 60000],
  ] as const) {
    const set = await send(admin, 'POST', `/params/${name}/values`, {
      regionPrefix: '1401',
      effectiveFrom: '2026-01-01',
      value,
      source: '测试用补贴标准',
    });
    expect(set.statusCode, set.body).toBe(201);
  }
  const post = await send(clerk, 'POST', '/assistance/posts', {
    name: '社区保洁（补贴测试）',
    sponsor: '坞城街道办事处',
    regionCode: '140105001001',
    places: 500,
    startDate: '2026-01-01',
    endDate: '2027-12-31',
  });
  postId = post.json().id;
}, 60_000);
afterAll(() => t?.close());

function send(auth: Auth, method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) {
  return t.app.inject({ method, url: `/api/v1${url}`, headers: { ...auth, ...headers }, ...(payload ? { payload } : {}) });
}

/** A recognised (4050) person on the post since `since`. */
async function onPost(since = '2026-08-01') {
  const person = await createPerson(t, clerk, {
    idNumber: buildIdNumber({ birthDate: '1974-05-05', sex: 'F' }),
    unemployedSince: '2026-01-05',
  });
  const recognised = await send(reviewer, 'POST', `/persons/${person.id}/categories`, {
    category: 'person_4050',
    evidence: '身份证、失业登记',
    recognisedOn: '2026-01-05',
  });
  expect(recognised.statusCode, recognised.body).toBe(201);
  const placed = await send(clerk, 'POST', `/assistance/posts/${postId}/placements`, { personId: person.id, startDate: since });
  expect(placed.statusCode, placed.body).toBe(201);
  return person;
}

const apply = (personId: string, period: string, type = 'public_welfare_post') =>
  send(clerk, 'POST', '/assistance/subsidies', { type, period, personId });
const decide = (id: string, decision: 'approve' | 'reject', auth = reviewer) =>
  send(auth, 'POST', `/assistance/subsidies/${id}/decision`, { decision, comment: decision === 'approve' ? '材料齐全，同意' : '材料不全' });
const run = (period: string, key = crypto.randomUUID()) =>
  send(finance, 'POST', '/assistance/subsidy-runs', { period }, { 'idempotency-key': key });
const paymentsOf = async (id: string) =>
  (await send(clerk, 'GET', `/assistance/subsidies/${id}`)).json().payments as { runId: string; amountFen: number }[];

/** Every (type, beneficiary, period) paid more than one subsidy's amount: must be none. */
const overpaid = () =>
  queryRows<{ key: string }>(
    t.handle.db,
    sql`SELECT s.type || s.beneficiary_key || s.period AS key
        FROM subsidies s JOIN subsidy_payments p ON p.subsidy_id = s.id
        GROUP BY s.type, s.beneficiary_key, s.period
        HAVING sum(p.amount_fen) > max(s.amount_fen) OR count(*) > 1`,
  );

describe('AID-8 subsidies', () => {
  it('AID-8 a month on a post: applied with its reasons and amount, the applicant may not decide (403), a reviewer approves, a run pays it once', async () => {
    const person = await onPost();
    const applied = await apply(person.id, '2026-08');
    expect(applied.statusCode, applied.body).toBe(201);
    const subsidy = applied.json();
    expect(subsidy).toMatchObject({ type: 'public_welfare_post', period: '2026-08', status: 'applied', amountFen: 150000 });
    expect(subsidy.personName, 'the subsidy names its beneficiary').toBe(person.name);
    expect(subsidy.reasons.map((r: { rule: string }) => r.rule)).toEqual(['placed_on_post', 'amount']);
    expect((await decide(subsidy.id, 'approve', clerk)).statusCode).toBe(403);
    const approved = await decide(subsidy.id, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('approved');
    expect((await decide(subsidy.id, 'reject')).statusCode).toBe(409);
    const first = await run('2026-08');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ period: '2026-08', payments: 1, totalFen: 150000 });
    const second = await run('2026-08');
    expect(second.json()).toMatchObject({ payments: 0, totalFen: 0 });
    expect(await paymentsOf(subsidy.id)).toEqual([expect.objectContaining({ runId: first.json().id, amountFen: 150000 })]);
    expect((await send(clerk, 'GET', `/assistance/subsidies/${subsidy.id}`)).json().status).toBe('paid');
  });

  it('AID-8 the same subsidy applied twice, also concurrently, exists once (409); a rejected one may be applied for again', async () => {
    const person = await onPost();
    expect((await apply(person.id, '2026-09')).statusCode).toBe(201);
    const again = await apply(person.id, '2026-09');
    expect(again.statusCode).toBe(409);
    const other = await onPost();
    const both = await Promise.all([apply(other.id, '2026-09'), apply(other.id, '2026-09')]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const list = (await send(clerk, 'GET', `/assistance/subsidies?personId=${other.id}&pageSize=100`)).json();
    expect(list.total).toBe(1);
    expect((await decide(list.items[0].id, 'reject')).json().status).toBe('rejected');
    expect((await apply(other.id, '2026-09')).statusCode).toBe(201);
  });

  it('AID-8 an application its rule does not allow is 422 RULE_VIOLATION naming the rule, and nothing is stored', async () => {
    const idle = await createPerson(t, clerk, { unemployedSince: '2026-06-01' });
    const notOnPost = await apply(idle.id, '2026-08');
    expect(notOnPost.statusCode).toBe(422);
    expect(notOnPost.json()).toMatchObject({ code: 'RULE_VIOLATION', errors: [expect.objectContaining({ code: 'placed_on_post' })] });
    const notRecognised = await apply(idle.id, '2026-08', 'social_insurance');
    expect(notRecognised.json()).toMatchObject({
      code: 'RULE_VIOLATION',
      errors: [expect.objectContaining({ code: 'recognised_hard_to_employ' })],
    });
    const future = await apply(idle.id, '2027-01');
    expect(future.statusCode).toBe(400);
    expect((await send(clerk, 'GET', `/assistance/subsidies?personId=${idle.id}`)).json().total).toBe(0);
    // A person recognised when placed on a post (the placement's employment ended the recognition) gets the social-insurance subsidy too.
    const worker = await onPost();
    const insurance = await apply(worker.id, '2026-10', 'social_insurance');
    expect(insurance.statusCode, insurance.body).toBe(201);
    expect(insurance.json()).toMatchObject({ amountFen: 60000, budgetLine: '就业补助资金·社会保险补贴' });
  });

  it('AID-8 two concurrent runs and a retry with the same Idempotency-Key pay each approved subsidy once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const person = await onPost('2026-06-15');
      const applied = await apply(person.id, '2026-06');
      expect(applied.json().amountFen).toBe(80000); // 16 of 30 days
      ids.push(applied.json().id);
      await decide(applied.json().id, 'approve');
    }
    const key = crypto.randomUUID();
    const [a, b] = await Promise.all([run('2026-06', key), run('2026-06')]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().payments + b.json().payments).toBe(5);
    const replay = await run('2026-06', key);
    expect(replay.headers['idempotent-replay']).toBe('true');
    expect(replay.json()).toEqual(a.json());
    for (const id of ids) expect(await paymentsOf(id)).toHaveLength(1);
    expect(await overpaid()).toEqual([]);
  });

  it('AID-8 after a crash mid-run (one chunk committed), a rerun pays the rest and nothing twice', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const person = await onPost('2026-05-01');
      const applied = await apply(person.id, '2026-05');
      ids.push(applied.json().id);
      await decide(applied.json().id, 'approve');
    }
    // The crashed run: its row and the payments of its first chunk (two subsidies) were committed.
    const crashed = crypto.randomUUID();
    await t.handle.db.execute(
      sql`INSERT INTO subsidy_runs (id, period, region_code, created_by, created_at) VALUES (${crashed}, '2026-05', '140105000000', 'crashed', now())`,
    );
    const ctx = { ...t.systemCtx, inTransaction: false };
    const firstChunk = (await repo.unpaidApproved(ctx, '2026-05', 100)).filter((r) => ids.includes(r.id)).slice(0, 2);
    expect(await repo.insertPayments(ctx, crashed, firstChunk)).toHaveLength(2);
    const rerun = await run('2026-05');
    expect(rerun.json().payments).toBe(2);
    for (const id of ids) expect(await paymentsOf(id)).toHaveLength(1);
    expect(await overpaid()).toEqual([]);
  });

  it('AID-8 a subsidy answers 404 to a clerk or reviewer of another street and of another district', async () => {
    const person = await onPost();
    const applied = await apply(person.id, '2026-09');
    expect(applied.statusCode, applied.body).toBe(201);
    const id = applied.json().id;
    for (const auth of [otherStreet, otherDistrict]) {
      expect((await send(auth, 'GET', `/assistance/subsidies/${id}`)).statusCode).toBe(404);
      expect((await decide(id, 'approve', auth)).statusCode).toBe(404);
      expect((await send(auth, 'GET', '/assistance/subsidies?pageSize=100')).json().items.map((s: { id: string }) => s.id)).not.toContain(
        id,
      );
    }
    expect((await send(clerk, 'GET', `/assistance/subsidies/${id}`)).json().status).toBe('applied');
  });

  it('AID-8 for any sequence of applications, decisions and runs, no (type, beneficiary, period) is paid more than one amount (property)', async () => {
    const people = [await onPost('2026-03-01'), await onPost('2026-03-01')];
    const periods = ['2026-03', '2026-04'];
    const op = fc.oneof(
      fc.record({ kind: fc.constant('apply' as const), person: fc.integer({ min: 0, max: 1 }), period: fc.integer({ min: 0, max: 1 }) }),
      fc.record({ kind: fc.constantFrom('approve' as const, 'reject' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('run' as const), period: fc.integer({ min: 0, max: 1 }), concurrent: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        for (const o of ops) {
          if (o.kind === 'apply') {
            const res = await apply(people[o.person]!.id, periods[o.period]!);
            expect([201, 409]).toContain(res.statusCode);
          } else if (o.kind === 'run') {
            const runs = await Promise.all(o.concurrent ? [run(periods[o.period]!), run(periods[o.period]!)] : [run(periods[o.period]!)]);
            for (const r of runs) expect(r.statusCode).toBe(201);
          } else {
            const pending = (await send(clerk, 'GET', '/assistance/subsidies?status=applied&pageSize=100')).json().items as {
              id: string;
            }[];
            if (pending.length === 0) continue;
            const res = await decide(pending[o.pick % pending.length]!.id, o.kind);
            expect(res.statusCode, res.body).toBe(200);
          }
        }
        expect(await overpaid()).toEqual([]);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
