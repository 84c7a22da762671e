// UI-3 monthly payment runs of unemployment benefit through the API, on PGlite and PostgreSQL:
// one payment per claim and month, ever (the same month twice, with the same or another
// Idempotency-Key; two runs at once; a run killed between chunks and resumed), the months a run
// pays (条例第十七条 entitlement, catch-up of a late-approved claim, 第十五条 no month from the
// stop's month on), exhaustion, four eyes on the approval (also against whoever resumed a crashed
// run), discarding a draft (its months paid by a later run), the bank file and the bank's returns
// (a failed month paid again by the next run, once), jurisdiction (404), and a property test over
// sequences of claims, runs, approvals, discards, bank returns and fund transfers.
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopedDatabase } from '../../db/rowSecurity.js';
import type { Ctx } from '../../platform/context.js';
import { createEmployer, createPerson, createStaffMember, type Auth, type StaffMember } from '../../testing/factories.js';
import { createTestApp, queryRows, testDbKind, testPostgresUrl, type TestApp } from '../../testing/testApp.js';
import { approvedRunTotals, approvePaymentRun, createPaymentRun } from './index.js';

const today = '2026-11-23';
const amount = 158_400; // Taiyuan's example parameters: 80 % of 1,980.00 yuan
let t: TestApp;
let clerk: Auth;
let officer: Auth;
let reviewer: Auth;
let finance: StaffMember; // 小店区: creates runs
let finance2: Auth; // 太原市: approves them
let otherDistrict: Auth; // 迎泽区 finance
let otherStreet: Auth; // 营盘街道 finance
let employerId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T04:00:00Z`) });
  clerk = (await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk'] })).auth;
  officer = (await createStaffMember(t, { regionCode: '140105001000', roles: ['ui_officer'] })).auth;
  reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] })).auth;
  finance = await createStaffMember(t, { regionCode: '140105000000', roles: ['finance'] });
  finance2 = (await createStaffMember(t, { regionCode: '140100000000', roles: ['finance'] })).auth;
  otherDistrict = (await createStaffMember(t, { regionCode: '140106000000', roles: ['finance'] })).auth;
  otherStreet = (await createStaffMember(t, { regionCode: '140105002000', roles: ['finance'] })).auth;
  const jobOfficer = (await createStaffMember(t, { regionCode: '140105000000', roles: ['job_officer'] })).auth;
  employerId = (await createEmployer(t, jobOfficer)).id;
}, 120_000);
afterAll(() => t?.close());

function send(auth: Auth, method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) {
  return t.app.inject({ method, url: `/api/v1${url}`, headers: { ...auth, ...headers }, ...(payload ? { payload } : {}) });
}

function monthsEnding(last: string, count: number): string[] {
  const [y, m] = last.split('-').map(Number) as [number, number];
  const end = y * 12 + (m - 1);
  return Array.from({ length: count }, (_, i) => {
    const n = end - count + 1 + i;
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
}

/** The months from `first` to `last`, both included. */
function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last; m = next(m)) out.push(m);
  return out;
}
const next = (m: string) => {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
};

/**
 * An approved claim (unless `approve` is false) of a person who separated on the last day of
 * `separationMonth` and registered unemployed and job-seeking on the 3rd of the next month, with
 * 24 contribution months before: 12 months' entitlement from the month after the registration.
 */
async function approvedClaim(separationMonth = '2026-05', approve = true) {
  const registered = `${next(separationMonth)}-03`;
  const person = await createPerson(t, clerk, { unemployedSince: registered });
  const reg = await send(clerk, 'POST', `/persons/${person.id}/registrations`, { type: 'job_seeking', date: registered });
  expect(reg.statusCode, reg.body).toBe(201);
  const items = monthsEnding(separationMonth, 24).map((month) => ({
    personId: person.id,
    employerId,
    month,
    baseFen: 300_000,
    paidFen: 3_000,
  }));
  expect((await send(officer, 'POST', '/ui/contributions', { items })).statusCode).toBe(200);
  const [y, m] = separationMonth.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const taken = await send(officer, 'POST', '/ui/claims', {
    personId: person.id,
    separationDate: `${separationMonth}-${lastDay}`,
    separationReason: 'employer_bankrupt',
  });
  expect(taken.statusCode, taken.body).toBe(201);
  const claim = taken.json() as { id: string; startMonth: string; entitlementMonths: number };
  if (approve) await decide(claim.id);
  return { person, claim };
}

async function decide(id: string) {
  const res = await send(reviewer, 'POST', `/ui/claims/${id}/decision`, { decision: 'approve', comment: '材料齐全，同意' });
  expect(res.statusCode, res.body).toBe(200);
}

let keySerial = 0;
const newKey = () => `ui3-run-${process.pid}-${++keySerial}-${Date.now()}`;

function postRun(month: string, as: Auth = finance.auth, key = newKey()) {
  return send(as, 'POST', '/ui/payment-runs', { month }, { 'idempotency-key': key });
}

async function run(month: string, as: Auth = finance.auth) {
  const res = await postRun(month, as);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; month: string; status: string; payments: number; totalFen: number };
}

async function approve(id: string, as: Auth = finance2) {
  const res = await send(as, 'POST', `/ui/payment-runs/${id}/approve`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Every payment of the claim (failed ones too), oldest month first. */
function paymentsOf(claimId: string) {
  return queryRows<{ id: string; month: string; run_id: string; status: string; amount_fen: number }>(
    t.handle.db,
    sql`SELECT id, month, run_id, status, amount_fen FROM ui_payments WHERE claim_id = ${claimId} ORDER BY month, created_at`,
  );
}

/** The months of the claim's live payments (not failed), oldest first. */
async function liveMonths(claimId: string) {
  return (await paymentsOf(claimId)).filter((p) => p.status !== 'failed').map((p) => p.month);
}

function financeCtx(member: StaffMember, scope: string): Ctx {
  return {
    ...t.systemCtx,
    db: scopedDatabase(t.handle.db, scope),
    actor: { id: member.id, username: member.username, name: member.name, unitId: member.unit.id, scope, roles: ['finance'] },
  };
}

async function runRow(id: string) {
  const [row] = await queryRows<{ status: string; claims_seen: number; payments: number; total_fen: string | number }>(
    t.handle.db,
    sql`SELECT status, claims_seen, payments, total_fen FROM ui_payment_runs WHERE id = ${id}`,
  );
  return row!;
}

describe('UI-3 payment runs pay each claim and month once', () => {
  it('UI-3 a run pays an approved claim its months from the start month; GET /ui/claims/{id} shows them; a pending claim is paid nothing', async () => {
    const { claim } = await approvedClaim();
    const { claim: pending } = await approvedClaim('2026-05', false);
    expect(claim.startMonth).toBe('2026-07');
    const created = await postRun('2026-09');
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      month: '2026-09',
      status: 'draft',
      progress: { claimsSeen: expect.any(Number) },
      resumedBy: [],
      resumedByNames: [],
    });
    expect(await liveMonths(claim.id)).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(await liveMonths(pending.id)).toEqual([]);
    const view = (await send(officer, 'GET', `/ui/claims/${claim.id}`)).json();
    expect(view.paidMonths, 'a draft is not paid yet').toBe(0);
    expect(view.payments).toEqual(
      ['2026-07', '2026-08', '2026-09'].map((month) => ({ month, amountFen: amount, runId: created.json().id, status: 'draft' })),
    );
    await approve(created.json().id);
    expect((await send(officer, 'GET', `/ui/claims/${claim.id}`)).json().paidMonths).toBe(3);
  });

  it('UI-3 the same month posted twice with the same Idempotency-Key answers the first run; with another key a second run pays only what the first did not (none)', async () => {
    const { claim } = await approvedClaim();
    const key = newKey();
    const first = await postRun('2026-11', finance.auth, key);
    expect(first.statusCode, first.body).toBe(201);
    const replay = await postRun('2026-11', finance.auth, key);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replay']).toBe('true');
    expect(replay.json().id).toBe(first.json().id);
    const second = await postRun('2026-11');
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().id).not.toBe(first.json().id);
    expect(second.json()).toMatchObject({ status: 'draft', payments: 0, totalFen: 0 });
    expect(await liveMonths(claim.id)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    const totals = await runRow(first.json().id);
    expect(Number(totals.total_fen)).toBe(totals.payments * amount);
  });

  it('UI-3 two runs at once (the same officer twice, and the district and the city) give one payment per claim and month', async () => {
    const claims = [await approvedClaim(), await approvedClaim(), await approvedClaim()];
    const [a, b, c] = await Promise.all([postRun('2026-11'), postRun('2026-11'), postRun('2026-11', finance2)]);
    for (const res of [a, b, c]) expect(res!.statusCode, res!.body).toBe(201);
    expect(b!.json().id, 'a second request while the run is building joins it').toBe(a!.json().id);
    for (const { claim } of claims) expect(await liveMonths(claim.id)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    const runs = [a!.json(), c!.json()];
    const held = await queryRows<{ run_id: string; n: number; total: string | number }>(
      t.handle.db,
      sql`SELECT run_id, count(*)::int AS n, sum(amount_fen) AS total FROM ui_payments WHERE run_id IN (${runs[0].id}, ${runs[1].id}) GROUP BY run_id`,
    );
    for (const r of runs) {
      const row = held.find((h) => h.run_id === r.id);
      expect(r.payments, 'the run counts what it inserted').toBe(row?.n ?? 0);
      expect(r.totalFen).toBe(Number(row?.total ?? 0));
    }
  });

  it('UI-3 a run that died after its first chunk is resumed by the next request for the month: complete, nothing twice (in-process crash after chunk 1)', async () => {
    const claims = [await approvedClaim(), await approvedClaim(), await approvedClaim(), await approvedClaim()];
    let runId = '';
    await expect(
      createPaymentRun(financeCtx(finance, '140105'), '2026-11', {
        chunkClaims: 2,
        afterChunk: (n, id) => {
          runId = id;
          if (n === 1) throw new Error('simulated crash after chunk 1');
        },
      }),
    ).rejects.toThrow('simulated crash');
    expect(await runRow(runId)).toMatchObject({ status: 'building', claims_seen: 2 });
    const resumed = await run('2026-11');
    expect(resumed.id, 'the building run is resumed, not begun again').toBe(runId);
    expect(resumed.status).toBe('draft');
    for (const { claim } of claims) expect(await liveMonths(claim.id)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    const row = await runRow(runId);
    expect(row.payments).toBe(claims.length * 5);
  });

  it.runIf(testDbKind === 'postgres')(
    'UI-3 kill -9: a run in another process killed with SIGKILL after its first committed chunk is completed by a rerun, with no duplicate',
    async () => {
      const claims = [await approvedClaim(), await approvedClaim(), await approvedClaim(), await approvedClaim(), await approvedClaim()];
      const owner = new URL(testPostgresUrl);
      owner.pathname = new URL(t.databaseUrl!).pathname;
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'src/server/modules/ui/paymentRuns.child.ts', owner.toString(), finance.username, '140105', '2026-11', '2'],
        { stdio: ['pipe', 'pipe', 'inherit'] },
      );
      const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
      const out = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
      const first = (await out.next()).value as string;
      expect(first).toMatch(/^chunk 1 /);
      const runId = first.split(' ')[2]!;
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      expect(await runRow(runId)).toMatchObject({ status: 'building', claims_seen: 2 });
      const resumed = await run('2026-11');
      expect(resumed.id).toBe(runId);
      expect(resumed.status).toBe('draft');
      for (const { claim } of claims) {
        const payments = await paymentsOf(claim.id);
        expect(payments.map((p) => p.month)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
        expect(new Set(payments.map((p) => p.run_id))).toEqual(new Set([runId]));
      }
      expect((await runRow(runId)).payments).toBe(claims.length * 5);
    },
    60_000,
  );
});

describe('UI-3 the months a run pays', () => {
  it('UI-3 条例第十五条: an employment registration stops the claim and no month from the stop month on is paid', async () => {
    const { person, claim } = await approvedClaim();
    const reg = await send(clerk, 'POST', `/persons/${person.id}/registrations`, {
      type: 'employment',
      date: '2026-09-14',
      employmentForm: 'employer',
      employerName: '太原某公司',
    });
    expect(reg.statusCode, reg.body).toBe(201);
    await run('2026-11');
    expect(await liveMonths(claim.id)).toEqual(['2026-07', '2026-08']);
  });

  it('UI-3 条例第十五条: a stop recorded after the run was built takes the months from the stop month on out of the draft at approval', async () => {
    const { person, claim } = await approvedClaim();
    const built = await run('2026-11');
    expect(await liveMonths(claim.id)).toHaveLength(5);
    const reg = await send(clerk, 'POST', `/persons/${person.id}/registrations`, {
      type: 'employment',
      date: '2026-10-08',
      employmentForm: 'flexible',
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const approved = await approve(built.id);
    expect(await liveMonths(claim.id)).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(approved.payments).toBe(built.payments - 2);
    expect(approved.totalFen).toBe(built.totalFen - 2 * amount);
  });

  it('UI-3 a claim approved late gets its back months in the next run, once', async () => {
    const { claim } = await approvedClaim('2026-05', false);
    await run('2026-09');
    expect(await liveMonths(claim.id)).toEqual([]);
    await decide(claim.id);
    await run('2026-11');
    expect(await liveMonths(claim.id)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    await run('2026-11');
    expect(await liveMonths(claim.id)).toHaveLength(5);
  });

  it('UI-3 条例第十七条: a claim whose 12 months are all paid by an approved run is exhausted, and no later run pays it', async () => {
    const { claim } = await approvedClaim('2025-04');
    expect(claim).toMatchObject({ startMonth: '2025-06', entitlementMonths: 12 });
    const built = await run('2026-11');
    expect(await liveMonths(claim.id)).toEqual(monthsBetween('2025-06', '2026-05'));
    expect((await send(officer, 'GET', `/ui/claims/${claim.id}`)).json().status, 'not before the approval').toBe('active');
    await approve(built.id);
    const view = (await send(officer, 'GET', `/ui/claims/${claim.id}`)).json();
    expect(view).toMatchObject({ status: 'exhausted', paidMonths: 12 });
    await run('2026-11');
    expect(await liveMonths(claim.id)).toHaveLength(12);
    const audited = await queryRows<{ action: string }>(
      t.handle.db,
      sql`SELECT action FROM audit_log WHERE entity = 'ui_claim' AND entity_id = ${claim.id} ORDER BY seq`,
    );
    expect(audited.map((a) => a.action)).toEqual(['apply', 'approve', 'exhaust']);
  });
});

describe('UI-3 approval, bank file and bank returns', () => {
  it('UI-3 four eyes: the creator cannot approve (403); another finance officer approves once (409 after); a month in the future is refused (400)', async () => {
    await approvedClaim();
    const built = await run('2026-11');
    expect((await send(finance.auth, 'POST', `/ui/payment-runs/${built.id}/approve`)).statusCode).toBe(403);
    expect((await send(clerk, 'POST', '/ui/payment-runs', { month: '2026-11' })).statusCode).toBe(403);
    const future = await send(finance.auth, 'POST', '/ui/payment-runs', { month: '2026-12' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([expect.objectContaining({ path: '/month', code: 'IN_FUTURE' })]);
    expect((await send(finance.auth, 'GET', `/ui/payment-runs/${built.id}/bank-file`)).statusCode, 'a draft has no bank file').toBe(409);
    const approved = await approve(built.id);
    expect(approved).toMatchObject({ status: 'approved', approvedBy: expect.any(String), createdByName: finance.name });
    expect((await send(finance2, 'POST', `/ui/payment-runs/${built.id}/approve`)).statusCode).toBe(409);
    const totals = await approvedRunTotals(financeCtx(finance, '140105'), built.id);
    expect(totals.reduce((s, r) => s + r.amountFen, 0)).toBe(approved.totalFen);
    expect(totals.reduce((s, r) => s + r.count, 0)).toBe(approved.payments);
  });

  it('UI-3 an approval that died after its first chunk leaves the run approving (no bank file yet); the next request completes it', async () => {
    const { claim } = await approvedClaim();
    const built = await run('2026-11');
    expect(built.payments).toBeGreaterThan(2);
    const approver = await createStaffMember(t, { regionCode: '140100000000', roles: ['finance'], name: '太原市财务复核员' });
    await expect(
      approvePaymentRun(financeCtx(approver, '1401'), built.id, {
        chunkPayments: 2,
        afterChunk: (n) => {
          if (n === 1) throw new Error('simulated crash after chunk 1');
        },
      }),
    ).rejects.toThrow('simulated crash');
    expect((await runRow(built.id)).status).toBe('approving');
    const statuses = await queryRows<{ status: string; n: number }>(
      t.handle.db,
      sql`SELECT status, count(*)::int AS n FROM ui_payments WHERE run_id = ${built.id} GROUP BY status ORDER BY status`,
    );
    expect(statuses).toEqual([
      { status: 'approved', n: 2 },
      { status: 'draft', n: built.payments - 2 },
    ]);
    expect((await send(finance.auth, 'GET', `/ui/payment-runs/${built.id}/bank-file`)).statusCode).toBe(409);
    expect((await send(finance.auth, 'POST', `/ui/payment-runs/${built.id}/approve`)).statusCode, 'still not the creator').toBe(403);
    const completed = await approve(built.id, approver.auth);
    expect(completed).toMatchObject({
      status: 'approved',
      approvedBy: approver.username,
      approvedByName: '太原市财务复核员',
      createdBy: finance.username,
      createdByName: finance.name,
      payments: built.payments,
      totalFen: built.totalFen,
    });
    expect((await paymentsOf(claim.id)).every((p) => p.status === 'approved')).toBe(true);
    const audited = await queryRows<{ action: string }>(
      t.handle.db,
      sql`SELECT action FROM audit_log WHERE entity = 'ui_payment_run' AND entity_id = ${built.id} ORDER BY seq`,
    );
    expect(audited.map((a) => a.action)).toEqual(['create', 'build', 'approve']);
  });

  it('UI-3 the bank file lists each payment with name, full ID number, amount and month, and its last line is the count and the run’s total', async () => {
    const { person, claim } = await approvedClaim();
    const built = await run('2026-11');
    await approve(built.id);
    const file = await send(finance.auth, 'GET', `/ui/payment-runs/${built.id}/bank-file`);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-type']).toContain('text/csv');
    const lines = file.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('序号,姓名,身份证号码,金额（分）,待遇月份,支付编号');
    const body = lines.slice(1, -1);
    expect(body).toHaveLength(built.payments);
    const mine = body.filter((l) => l.includes(person.idNumber));
    expect(mine.map((l) => l.split(',')[4])).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(mine.every((l) => l.split(',')[1] === person.name && l.split(',')[3] === String(amount))).toBe(true);
    const payments = await paymentsOf(claim.id);
    expect(mine.map((l) => l.split(',')[5]).sort()).toEqual(payments.map((p) => p.id).sort());
    const sum = body.reduce((s, l) => s + Number(l.split(',')[3]), 0);
    expect(lines.at(-1)).toBe(`合计,${built.payments},${built.totalFen}`);
    expect(sum).toBe(built.totalFen);
    const audited = await queryRows<{ action: string }>(
      t.handle.db,
      sql`SELECT action FROM audit_log WHERE entity = 'ui_payment_run' AND entity_id = ${built.id} ORDER BY seq`,
    );
    expect(audited.map((a) => a.action)).toEqual(['create', 'build', 'approve', 'export']);
  });

  it('UI-3 a payment the bank returned as failed is paid again by the next run, once; a return posted twice changes nothing; the claim lists the returned month with the bank’s reason beside its re-payment', async () => {
    const { claim } = await approvedClaim();
    const built = await run('2026-11');
    await approve(built.id);
    const payments = await paymentsOf(claim.id);
    const august = payments.find((p) => p.month === '2026-08')!;
    const others = payments.filter((p) => p !== august);
    const items = [
      { paymentId: august.id, result: 'failed', reason: '账户已销户' },
      ...others.map((p) => ({ paymentId: p.id, result: 'paid' })),
    ];
    const bad = await send(finance.auth, 'POST', `/ui/payment-runs/${built.id}/bank-returns`, {
      items: [...items, { paymentId: crypto.randomUUID(), result: 'paid' }],
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: `/items/${items.length}/paymentId`, code: 'NOT_FOUND' })]);
    expect(
      (await paymentsOf(claim.id)).every((p) => p.status === 'approved'),
      'all or nothing',
    ).toBe(true);
    const posted = await send(finance.auth, 'POST', `/ui/payment-runs/${built.id}/bank-returns`, { items });
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json()).toEqual({ paid: 4, failed: 1, unchanged: 0 });
    const again = await send(finance.auth, 'POST', `/ui/payment-runs/${built.id}/bank-returns`, { items });
    expect(again.json()).toEqual({ paid: 0, failed: 0, unchanged: 5 });
    const flipped = await send(finance.auth, 'POST', `/ui/payment-runs/${built.id}/bank-returns`, {
      items: [{ paymentId: august.id, result: 'paid' }],
    });
    expect(flipped.statusCode).toBe(409);
    const view = (await send(officer, 'GET', `/ui/claims/${claim.id}`)).json();
    expect(view.paidMonths).toBe(4);
    expect(view.payments.map((p: { month: string }) => p.month)).toEqual(['2026-07', '2026-09', '2026-10', '2026-11']);
    expect(view.returnedPayments, 'the returned month with the bank’s reason').toEqual([
      { month: '2026-08', amountFen: amount, runId: built.id, failureReason: '账户已销户', returnedAt: expect.any(String) },
    ]);
    const next1 = await run('2026-11');
    const repaidView = (await send(officer, 'GET', `/ui/claims/${claim.id}`)).json();
    expect(repaidView.payments.find((p: { month: string }) => p.month === '2026-08')).toEqual({
      month: '2026-08',
      amountFen: amount,
      runId: next1.id,
      status: 'draft',
    });
    expect(repaidView.returnedPayments.map((p: { month: string; runId: string }) => [p.month, p.runId])).toEqual([['2026-08', built.id]]);
    const repaid = (await paymentsOf(claim.id)).filter((p) => p.month === '2026-08');
    expect(repaid.map((p) => [p.status, p.run_id])).toEqual([
      ['failed', built.id],
      ['draft', next1.id],
    ]);
    await run('2026-11');
    expect((await paymentsOf(claim.id)).filter((p) => p.month === '2026-08')).toHaveLength(2);
  });

  it('UI-5 an approved run’s benefit leaves the fund in its approval, once per claimants’ region; a payment the bank returned comes back', async () => {
    const { claim } = await approvedClaim();
    const built = await run('2026-11');
    const transfers = (source: string) =>
      queryRows<{ kind: string; region_code: string; month: string; amount_fen: number | string; debit_account: string }>(
        t.handle.db,
        sql`SELECT kind, region_code, month, amount_fen, debit_account FROM ui_fund_transfers WHERE source_id = ${source} ORDER BY region_code`,
      );
    expect(await transfers(built.id), 'nothing leaves the fund before the approval').toEqual([]);
    const approved = await approve(built.id);
    const spent = await transfers(built.id);
    expect(spent.every((r) => r.kind === 'benefit' && r.month === '2026-11' && r.debit_account === 'fund')).toBe(true);
    expect(spent.reduce((sum, r) => sum + Number(r.amount_fen), 0)).toBe(approved.totalFen);
    expect(new Set(spent.map((r) => r.region_code)).size).toBe(spent.length);
    expect((await send(finance2, 'POST', `/ui/payment-runs/${built.id}/approve`)).statusCode).toBe(409);
    expect(await transfers(built.id)).toHaveLength(spent.length);
    const [first] = await paymentsOf(claim.id);
    const returned = await send(finance.auth, 'POST', `/ui/payment-runs/${built.id}/bank-returns`, {
      items: [{ paymentId: first!.id, result: 'failed', reason: '户名不符' }],
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(await transfers(first!.id)).toEqual([
      {
        kind: 'benefit_returned',
        region_code: expect.any(String),
        month: '2026-11',
        amount_fen: expect.anything(),
        debit_account: 'claimants',
      },
    ]);
    expect(Number((await transfers(first!.id))[0]!.amount_fen)).toBe(amount);
  });

  it('UI-3 a draft never approved is discarded (finance, with a reason, audited): its payments stop holding their months and a new run pays them', async () => {
    const { claim } = await approvedClaim();
    const built = await run('2026-11');
    expect(await liveMonths(claim.id)).toHaveLength(5);
    expect((await run('2026-11')).payments, 'the draft holds the months').toBe(0);
    const discard = (as: Auth, id: string, reason = '生成后发现应发名单有误') =>
      send(as, 'POST', `/ui/payment-runs/${id}/discard`, { reason });
    expect((await discard(otherDistrict, built.id)).statusCode, 'another district').toBe(404);
    expect((await discard(otherStreet, built.id)).statusCode, 'another street').toBe(404);
    expect((await discard(officer, built.id)).statusCode, 'a UI officer').toBe(403);
    const blank = await discard(finance.auth, built.id, '   ');
    expect(blank.statusCode, blank.body).toBe(400);
    expect(blank.json().errors).toEqual([expect.objectContaining({ path: '/reason', code: 'REQUIRED' })]);
    const done = await discard(finance.auth, built.id);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ id: built.id, status: 'discarded', payments: 0, totalFen: 0 });
    expect(await liveMonths(claim.id)).toEqual([]);
    const [left] = await queryRows<{ n: number }>(t.handle.db, sql`SELECT count(*)::int AS n FROM ui_payments WHERE run_id = ${built.id}`);
    expect(left!.n).toBe(0);
    expect((await discard(finance.auth, built.id)).statusCode, 'discarded once').toBe(409);
    expect((await send(finance2, 'POST', `/ui/payment-runs/${built.id}/approve`)).statusCode, 'a discarded run is not approved').toBe(409);
    expect((await send(finance.auth, 'GET', `/ui/payment-runs/${built.id}/bank-file`)).statusCode).toBe(409);
    const listed = (await send(finance2, 'GET', '/ui/payment-runs?status=discarded&pageSize=100')).json();
    expect(listed.items.map((r: { id: string }) => r.id)).toContain(built.id);
    const again = await run('2026-11');
    expect(await liveMonths(claim.id)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(new Set((await paymentsOf(claim.id)).map((p) => p.run_id))).toEqual(new Set([again.id]));
    await approve(again.id);
    expect((await discard(finance.auth, again.id)).statusCode, 'an approved run is not discarded').toBe(409);
    const audited = await queryRows<{ action: string; reason: string | null }>(
      t.handle.db,
      sql`SELECT action, reason FROM audit_log WHERE entity = 'ui_payment_run' AND entity_id = ${built.id} ORDER BY seq`,
    );
    expect(audited).toEqual([
      { action: 'create', reason: null },
      { action: 'build', reason: null },
      { action: 'discard', reason: '生成后发现应发名单有误' },
    ]);
  });

  it('UI-3 four eyes after a crash: an officer who resumed another’s building run built part of it, is named on the run (resumedBy) and may not approve it (403); a third one may', async () => {
    await approvedClaim();
    await approvedClaim();
    await approvedClaim();
    let runId = '';
    await expect(
      createPaymentRun(financeCtx(finance, '140105'), '2026-11', {
        chunkClaims: 2,
        afterChunk: (n, id) => {
          runId = id;
          if (n === 1) throw new Error('simulated crash after chunk 1');
        },
      }),
    ).rejects.toThrow('simulated crash');
    const resumer = await createStaffMember(t, { regionCode: '140105000000', roles: ['finance'] });
    const resumed = await run('2026-11', resumer.auth);
    expect(resumed).toMatchObject({ id: runId, status: 'draft' });
    const [row] = await queryRows<{ resumed_by: string[] }>(t.handle.db, sql`SELECT resumed_by FROM ui_payment_runs WHERE id = ${runId}`);
    expect(row!.resumed_by).toEqual([resumer.username]);
    const shown = (await send(finance2, 'GET', `/ui/payment-runs/${runId}`)).json();
    expect(shown, 'the run names its resumer, so the page can tell them they may not approve').toMatchObject({
      createdBy: finance.username,
      resumedBy: [resumer.username],
      resumedByNames: [resumer.name],
    });
    const listed = (await send(finance2, 'GET', '/ui/payment-runs?month=2026-11&pageSize=100')).json();
    expect(listed.items.find((r: { id: string }) => r.id === runId)).toMatchObject({ resumedBy: [resumer.username] });
    const byResumer = await send(resumer.auth, 'POST', `/ui/payment-runs/${runId}/approve`);
    expect(byResumer.statusCode, byResumer.body).toBe(403);
    expect(byResumer.json().detail).toContain('接续生成');
    expect((await send(finance.auth, 'POST', `/ui/payment-runs/${runId}/approve`)).statusCode, 'nor its creator').toBe(403);
    expect((await runRow(runId)).status, 'untouched').toBe('draft');
    expect(await approve(runId)).toMatchObject({ status: 'approved' });
    const audited = await queryRows<{ action: string; actor: string }>(
      t.handle.db,
      sql`SELECT action, actor_username AS actor FROM audit_log WHERE entity = 'ui_payment_run' AND entity_id = ${runId} ORDER BY seq`,
    );
    expect(audited.map((a) => a.action)).toEqual(['create', 'resume', 'build', 'approve']);
    expect(audited[1]!.actor).toBe(resumer.username);
  });

  it('UI-3 lists: runs and a run’s payments page, filter and export to Excel, with the run’s progress', async () => {
    await approvedClaim();
    const built = await run('2026-11');
    const one = (await send(finance2, 'GET', `/ui/payment-runs/${built.id}`)).json();
    expect(one.progress.claimsSeen).toBe(one.progress.claimsTotal);
    const list = await send(finance2, 'GET', '/ui/payment-runs?month=2026-11&status=draft&pageSize=5');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.every((r: { month: string; status: string }) => r.month === '2026-11' && r.status === 'draft')).toBe(true);
    const payments = await send(finance2, 'GET', `/ui/payment-runs/${built.id}/payments?pageSize=2`);
    expect(payments.statusCode, payments.body).toBe(200);
    expect(payments.json().total).toBe(built.payments);
    expect(payments.json().items).toHaveLength(2);
    for (const url of ['/ui/payment-runs?format=xlsx', `/ui/payment-runs/${built.id}/payments?format=xlsx`]) {
      const xlsx = await send(finance2, 'GET', url);
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    }
  });

  it('UI-3 jurisdiction: another district’s and another street’s finance officer gets 404 on the run, its payments, approval, bank file and returns', async () => {
    await approvedClaim();
    const built = await run('2026-11');
    for (const other of [otherDistrict, otherStreet]) {
      expect((await send(other, 'GET', `/ui/payment-runs/${built.id}`)).statusCode).toBe(404);
      expect((await send(other, 'GET', `/ui/payment-runs/${built.id}/payments`)).statusCode).toBe(404);
      expect((await send(other, 'POST', `/ui/payment-runs/${built.id}/approve`)).statusCode).toBe(404);
      expect((await send(other, 'GET', `/ui/payment-runs/${built.id}/bank-file`)).statusCode).toBe(404);
      const returns = await send(other, 'POST', `/ui/payment-runs/${built.id}/bank-returns`, {
        items: [{ paymentId: crypto.randomUUID(), result: 'paid' }],
      });
      expect(returns.statusCode).toBe(404);
      expect((await send(other, 'GET', '/ui/payment-runs?month=2026-11')).json().items.map((r: { id: string }) => r.id)).not.toContain(
        built.id,
      );
    }
    expect((await runRow(built.id)).status, 'untouched').toBe('draft');
    await approve(built.id);
    for (const other of [otherDistrict, otherStreet]) {
      expect((await send(other, 'GET', `/ui/payment-runs/${built.id}/bank-file`)).statusCode).toBe(404);
    }
  });
});

describe('UI-3/UI-5 invariants over sequences of claims, runs, approvals, discards, bank returns and transfers (property)', () => {
  const separations = ['2026-05', '2026-07', '2025-10'] as const; // benefit from 2026-07, 2026-09, 2025-12 (12 months: exhausted by 2026-11)
  const runMonths = ['2026-09', '2026-10', '2026-11'] as const;
  const region = '140105001000';
  type Op =
    | { op: 'claim'; separation: number }
    | { op: 'run'; month: number; mode: 'once' | 'sameKey' | 'twoAtOnce' }
    | { op: 'approve'; which: number }
    | { op: 'discard'; which: number }
    | { op: 'return'; which: number; pick: number }
    | { op: 'transfer'; kind: 'provincial_in' | 'subsidy'; amountFen: number };
  const runArb = fc.record({
    op: fc.constant('run' as const),
    month: fc.nat(runMonths.length - 1),
    mode: fc.constantFrom('once' as const, 'sameKey' as const, 'twoAtOnce' as const),
  });
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ op: fc.constant('claim' as const), separation: fc.nat(separations.length - 1) }),
    runArb,
    fc.record({ op: fc.constant('approve' as const), which: fc.nat(20) }),
    fc.record({ op: fc.constant('discard' as const), which: fc.nat(20) }),
    fc.record({ op: fc.constant('return' as const), which: fc.nat(20), pick: fc.nat(50) }),
    fc.record({
      op: fc.constant('transfer' as const),
      kind: fc.constantFrom('provincial_in' as const, 'subsidy' as const),
      amountFen: fc.integer({ min: 1, max: 50_000_000 }),
    }),
  );

  const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(t.handle.db, query))[0]!;
  const fundEntriesSum = async (prefix: string) =>
    Number(
      (
        await one<{ n: string }>(
          sql`SELECT coalesce(sum(amount_fen), 0)::text AS n FROM ui_fund_entries WHERE account = 'fund' AND region_code LIKE ${prefix + '%'}`,
        )
      ).n,
    );
  const balanceOf = async (code: string) => {
    const res = await send(finance.auth, 'GET', `/ui/fund/balance?regionCode=${code}&month=2026-11`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { balanceFen: number; incomeFen: number; spendingFen: number };
  };

  it('UI-3/UI-5 after any sequence each fund balance is the sum of its entries, entries sum to zero, no (claim, month) is paid twice, and the benefit posted is the approved payments less those returned', async () => {
    const known: { id: string; status: string }[] = [];
    const remember = (body: { id: string; status: string }) => {
      const held = known.find((k) => k.id === body.id);
      if (held) held.status = body.status;
      else known.push({ id: body.id, status: body.status });
    };
    const counts = { runs: 0, approved: 0, discarded: 0, returned: 0, refused: 0 };
    await approvedClaim(separations[0]);

    await fc.assert(
      // Each sequence builds a run first, so every one has something to approve, discard or return.
      fc.asyncProperty(fc.tuple(runArb, fc.array(opArb, { minLength: 1, maxLength: 6 })), async ([first, rest]) => {
        const ops: Op[] = [first, ...rest];
        for (const op of ops) {
          if (op.op === 'claim') await approvedClaim(separations[op.separation]);
          else if (op.op === 'run') {
            const month = runMonths[op.month]!;
            if (op.mode === 'twoAtOnce') {
              const both = await Promise.all([postRun(month), postRun(month)]);
              for (const res of both) {
                expect(res.statusCode, res.body).toBe(201);
                remember(res.json());
              }
            } else {
              const key = newKey();
              const res = await postRun(month, finance.auth, key);
              expect(res.statusCode, res.body).toBe(201);
              remember(res.json());
              if (op.mode === 'sameKey') {
                const replay = await postRun(month, finance.auth, key);
                expect(replay.statusCode).toBe(201);
                expect(replay.json().id, 'the same Idempotency-Key answers the same run').toBe(res.json().id);
              }
            }
            counts.runs++;
          } else if (op.op === 'approve' || op.op === 'discard') {
            const target = known[op.which % Math.max(known.length, 1)];
            if (!target) continue;
            const res =
              op.op === 'approve'
                ? await send(finance2, 'POST', `/ui/payment-runs/${target.id}/approve`)
                : await send(finance.auth, 'POST', `/ui/payment-runs/${target.id}/discard`, { reason: '核对有误，重新生成' });
            expect(res.statusCode, res.body).toBe(target.status === 'draft' ? 200 : 409);
            if (res.statusCode === 200) {
              expect(res.json().status).toBe(op.op === 'approve' ? 'approved' : 'discarded');
              remember(res.json());
              counts[op.op === 'approve' ? 'approved' : 'discarded']++;
            }
          } else if (op.op === 'return') {
            const approved = known.filter((k) => k.status === 'approved');
            const target = approved[op.which % Math.max(approved.length, 1)];
            if (!target) continue;
            const open = (await send(finance.auth, 'GET', `/ui/payment-runs/${target.id}/payments?status=approved&pageSize=100`)).json();
            const payment = open.items[op.pick % Math.max(open.items.length, 1)] as { id: string } | undefined;
            if (!payment) continue;
            const res = await send(finance.auth, 'POST', `/ui/payment-runs/${target.id}/bank-returns`, {
              items: [{ paymentId: payment.id, result: 'failed', reason: '账户已冻结' }],
            });
            expect(res.statusCode, res.body).toBe(200);
            expect(res.json()).toEqual({ paid: 0, failed: 1, unchanged: 0 });
            counts.returned++;
          } else {
            const before = (await balanceOf(region)).balanceFen;
            const res = await send(finance.auth, 'POST', '/ui/fund/transfers', {
              kind: op.kind,
              regionCode: region,
              month: '2026-11',
              amountFen: op.amountFen,
              memo: op.kind === 'subsidy' ? '稳岗返还' : '省级调剂金下拨',
            });
            if (op.kind === 'subsidy' && before - op.amountFen < 0) {
              expect(res.statusCode, res.body).toBe(422);
              counts.refused++;
              continue;
            }
            expect(res.statusCode, res.body).toBe(201);
            const posted = await send(finance2, 'POST', `/ui/fund/transfers/${res.json().id}/approve`);
            expect(posted.statusCode, posted.body).toBe(200);
          }
        }

        for (const [code, prefix] of [
          ['140105000000', '140105'],
          ['140105001000', '140105001'],
          ['140105001001', '140105001001'],
        ] as const) {
          const b = await balanceOf(code);
          expect(b.balanceFen, `balance of ${code}`).toBe(await fundEntriesSum(prefix));
          expect(b.balanceFen).toBe(b.incomeFen - b.spendingFen);
        }
        expect(Number((await one<{ n: string }>(sql`SELECT coalesce(sum(amount_fen), 0)::text AS n FROM ui_fund_entries`)).n)).toBe(0);
        const twice = await one<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ui_payments WHERE status <> 'failed' GROUP BY claim_id, month HAVING count(*) > 1) d`,
        );
        expect(twice.n, 'no (claim, month) has two live payments').toBe(0);
        const misplaced = await one<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM ui_payments p JOIN ui_payment_runs r ON r.id = p.run_id
              WHERE r.status = 'discarded' OR (p.status = 'draft' AND r.status = 'approved')
                OR (p.status <> 'draft' AND r.status IN ('building', 'draft'))`,
        );
        expect(misplaced.n, 'a discarded run holds no payment; draft payments only in runs not yet approved').toBe(0);
        const benefit = await one<{ posted: string; returned: string; owed: string }>(sql`
          SELECT
            (SELECT coalesce(sum(amount_fen), 0) FROM ui_fund_transfers WHERE kind = 'benefit')::text AS posted,
            (SELECT coalesce(sum(amount_fen), 0) FROM ui_fund_transfers WHERE kind = 'benefit_returned')::text AS returned,
            (SELECT coalesce(sum(p.amount_fen), 0) FROM ui_payments p JOIN ui_payment_runs r ON r.id = p.run_id
              WHERE r.status = 'approved' AND p.status IN ('approved', 'paid'))::text AS owed`);
        expect(Number(benefit.posted) - Number(benefit.returned), 'benefit posted less returned = approved payments not returned').toBe(
          Number(benefit.owed),
        );
        const overpaid = await one<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM ui_claims c
              WHERE (SELECT count(*) FROM ui_payments p WHERE p.claim_id = c.id AND p.status <> 'failed') > c.entitlement_months`,
        );
        expect(overpaid.n, 'no claim is paid beyond its entitlement').toBe(0);
      }),
      { numRuns: 10 },
    );
    expect(counts.runs, 'runs were built').toBeGreaterThanOrEqual(10);
  }, 300_000);
});
