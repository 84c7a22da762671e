// UI-3 at scale: a monthly payment run over BENCH_CLAIMS active, approved benefit claims
// (default 100,000; persons and claims made by bulk INSERT ... SELECT), timed on each database
// while a probe measures the longest time the run held the database from others (PGlite's one
// connection), then a second run of the same month (nothing left to pay), the approval, the bank
// file, and a baseline: the same payment rows stored the plain way (Drizzle's insert builder in
// batches of 1,000 in one transaction, no rules, no unique-key checks of a run's chunks).
//
//   npm run bench -- ui
//   BENCH_CLAIMS=2000 BENCH_DB=pglite npm run bench -- ui   a quick look
import crypto from 'node:crypto';
import os from 'node:os';
import { eq, sql } from 'drizzle-orm';
import type { App } from '../src/server/app.js';
import { openDatabase, type DbHandle } from '../src/server/db/connection.js';
import { scopedDatabase } from '../src/server/db/rowSecurity.js';
import { staff, uiPaymentRuns, uiPayments } from '../src/server/db/schema.js';
import { createPaymentRun } from '../src/server/modules/ui/index.js';
import { actorOf } from '../src/server/platform/auth.js';
import type { Ctx } from '../src/server/platform/context.js';
import type { Sealer } from '../src/server/platform/crypto.js';
import { shanghaiDateOf } from '../src/server/platform/clock.js';
import { buildIdNumber } from '../src/server/testing/factories.js';
import { writeBenchResults } from './results.js';

export interface UiTarget {
  name: string;
  handle: DbHandle;
  app: App;
  sealer: Sealer;
}

/** BENCH_CLAIMS (API.md); BENCH_UI_CLAIMS, its name before, still works. */
export const uiClaimCount = Number(process.env.BENCH_CLAIMS ?? process.env.BENCH_UI_CLAIMS ?? 100_000);

const rowsOf = async <T>(handle: DbHandle, query: ReturnType<typeof sql>) =>
  ((await handle.db.execute(query)) as unknown as { rows: T[] }).rows;

/** Wall time of `fn` and the longest a `SELECT 1` waited meanwhile (probed every 20 ms). */
async function probed<T>(handle: DbHandle, fn: () => Promise<T>): Promise<{ result: T; ms: number; longestHoldMs: number }> {
  let done = false;
  let longest = 0;
  const probe = (async () => {
    while (!done) {
      const start = performance.now();
      await handle.db.execute(sql`SELECT 1`);
      longest = Math.max(longest, performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const start = performance.now();
  try {
    const result = await fn();
    return { result, ms: performance.now() - start, longestHoldMs: longest };
  } finally {
    done = true;
    await probe;
  }
}

/** `count` persons copied from a demo person (new ids and ID number keys) with one active, approved claim each, starting `month`. */
async function makeClaims(handle: DbHandle, count: number, month: string): Promise<void> {
  const db = handle.db;
  for (let done = 0; done < count; done += 10_000) {
    const n = Math.min(10_000, count - done);
    await db.execute(sql`
      INSERT INTO persons
      SELECT r.*
      FROM (SELECT * FROM persons WHERE region_code LIKE '140105%' ORDER BY id LIMIT 1) p, generate_series(1, ${n}::int) g,
        LATERAL jsonb_populate_record(NULL::persons, to_jsonb(p) || jsonb_build_object(
          'id', gen_random_uuid(), 'id_number_index', 'bench-ui-' || (${done}::int + g), 'certificate_no', NULL)) r`);
  }
  await db.execute(sql`
    INSERT INTO ui_claims (id, person_id, region_code, separation_date, separation_reason, status, contribution_months,
      counted_through, carried_months, entitlement_months, monthly_amount_fen, start_month, reasons, taken_by, taken_at,
      decided_by, decided_at)
    SELECT gen_random_uuid(), p.id, p.region_code, '2026-01-31', 'employer_bankrupt', 'active', 24, '2026-01', 0, 12, 158400,
      ${month}, '[]'::jsonb, 'bench_officer', now(), 'bench_reviewer', now()
    FROM persons p WHERE p.id_number_index LIKE 'bench-ui-%'`);
  // Only the tables' owner may ANALYZE: on PostgreSQL the application's role is skipped with a mere
  // warning, which left ui_claims without statistics and the run's keyset on a bitmap scan of every
  // claim of the region (about 75 ms a chunk at 100,000 claims); a second pool as the owner does it.
  const owner = await ownerOf(handle);
  try {
    await owner.db.execute(sql`ANALYZE persons`);
    await owner.db.execute(sql`ANALYZE ui_claims`);
  } finally {
    await owner.close();
  }
}

/** The database's owner: on PostgreSQL a second pool as the owner of the bench database; on PGlite the one user there is. */
async function ownerOf(handle: DbHandle): Promise<{ db: DbHandle['db']; close: () => Promise<void> }> {
  if (handle.kind === 'pglite') return { db: handle.db, close: async () => {} };
  const [{ name } = { name: '' }] = await rowsOf<{ name: string }>(handle, sql`SELECT current_database() AS name`);
  const url = new URL(process.env.OPENPES_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${name}`;
  const owner = await openDatabase({ url: url.toString(), migrate: false });
  return { db: owner.db, close: owner.close };
}

async function login(app: App, username: string, password: string): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`);
  return { authorization: `Bearer ${(res.json() as { token: string }).token}` };
}

const secs = (ms: number) => Math.round(ms / 10) / 100;

export async function uiSection(t: UiTarget, password: string, results: Record<string, unknown>): Promise<void> {
  const month = shanghaiDateOf(new Date()).slice(0, 7);
  console.log(`\n[${t.name}] unemployment benefit payment run over ${uiClaimCount.toLocaleString()} active claims (${month})`);
  const admin = await login(t.app, 'admin', password);
  const template = await t.app.inject({
    method: 'POST',
    url: '/api/v1/persons',
    headers: admin,
    payload: { idNumber: buildIdNumber({ regionCode: '140105' }), name: '测试领金人', regionCode: '140105001001', householdType: 'urban' },
  });
  if (template.statusCode !== 201) throw new Error(`person: ${template.body.slice(0, 300)}`);
  const made = performance.now();
  await makeClaims(t.handle, uiClaimCount, month);
  const [held] = await rowsOf<{ n: number }>(t.handle, sql`SELECT count(*)::int AS n FROM ui_claims WHERE taken_by = 'bench_officer'`);
  if (held?.n !== uiClaimCount) throw new Error(`generated ${held?.n} claims, not ${uiClaimCount}`);
  const makeMs = performance.now() - made;
  console.log(`  generated ${uiClaimCount.toLocaleString()} persons and claims by bulk insert in ${secs(makeMs)} s`);
  // The city's finance officer runs the month; the district's approves (four eyes).
  const creator = await login(t.app, 'taiyuan_finance', password);
  const approverName = `bench_finance_${process.pid}`;
  const [unit] = await rowsOf<{ id: string }>(t.handle, sql`SELECT id FROM units WHERE region_code = '140100000000' ORDER BY name LIMIT 1`);
  const made2 = await t.app.inject({
    method: 'POST',
    url: '/api/v1/staff',
    headers: admin,
    payload: { username: approverName, name: '复核财务', unitId: unit!.id, roles: ['finance'], password },
  });
  if (made2.statusCode !== 201) throw new Error(`staff: ${made2.body}`);
  const approver = await login(t.app, approverName, password);
  // The use case itself (the route is a thin wrapper), so each chunk's transaction can be timed.
  const [member] = await t.handle.db.select().from(staff).where(eq(staff.username, 'taiyuan_finance'));
  const actor = actorOf(member!);
  const ctx: Ctx = { db: scopedDatabase(t.handle.db, actor.scope), actor, requestId: 'bench-ui', now: () => new Date(), sealer: t.sealer };
  const timedRun = async () => {
    let longestChunkMs = 0;
    let chunks = 0;
    const measured = await probed(t.handle, () =>
      createPaymentRun(ctx, month, {
        afterChunk: (_n, _id, ms) => {
          chunks++;
          longestChunkMs = Math.max(longestChunkMs, ms);
        },
      }),
    );
    return { ...measured, longestChunkMs, chunks };
  };

  const first = await timedRun();
  const run = first.result;
  console.log(
    `  run (chunks of short transactions)        ${secs(first.ms)} s  ${run.payments.toLocaleString()} payments in ${first.chunks} chunks; longest chunk transaction ${Math.round(first.longestChunkMs)} ms, probe waited at most ${Math.round(first.longestHoldMs)} ms`,
  );
  const second = await timedRun();
  const again = second.result;
  console.log(
    `  second run of the month                   ${secs(second.ms)} s  ${again.payments} payments (nothing left to pay) in ${second.chunks} chunks; longest chunk ${Math.round(second.longestChunkMs)} ms, probe waited at most ${Math.round(second.longestHoldMs)} ms`,
  );
  const approved = await probed(t.handle, () =>
    t.app.inject({ method: 'POST', url: `/api/v1/ui/payment-runs/${run.id}/approve`, headers: approver }),
  );
  if (approved.result.statusCode !== 200) throw new Error(`approve: ${approved.result.body.slice(0, 300)}`);
  console.log(`  approval (chunks of 1,000 payments)       ${secs(approved.ms)} s  held ${Math.round(approved.longestHoldMs)} ms`);
  const file = await probed(t.handle, () =>
    t.app.inject({ method: 'GET', url: `/api/v1/ui/payment-runs/${run.id}/bank-file`, headers: creator }),
  );
  console.log(`  bank file                                 ${secs(file.ms)} s  ${(file.result.rawPayload.length / 1e6).toFixed(1)} MB`);

  // Baseline: the same number of payment rows inserted the plain way, for another month, then removed.
  const claims = await rowsOf<{ id: string; person_id: string; region_code: string }>(
    t.handle,
    sql`SELECT id, person_id, region_code FROM ui_claims WHERE taken_by = 'bench_officer' ORDER BY id`,
  );
  const baselineRun = crypto.randomUUID();
  const baseMonth = `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
  const base = await probed(t.handle, () =>
    t.handle.db.transaction(async (tx) => {
      await tx.insert(uiPaymentRuns).values({
        id: baselineRun,
        regionCode: '140100000000',
        month: baseMonth,
        status: 'draft',
        createdBy: 'bench',
        createdAt: new Date(),
        payments: 0,
        totalFen: 0,
        claimsSeen: 0,
        claimsTotal: 0,
      });
      for (let i = 0; i < claims.length; i += 1000) {
        await tx.insert(uiPayments).values(
          claims.slice(i, i + 1000).map((c) => ({
            id: crypto.randomUUID(),
            runId: baselineRun,
            claimId: c.id,
            personId: c.person_id,
            regionCode: c.region_code,
            month: baseMonth,
            amountFen: 158_400,
            status: 'draft' as const,
            createdAt: new Date(),
          })),
        );
      }
    }),
  );
  console.log(
    `  baseline: plain batched INSERT, same rows ${secs(base.ms)} s  (one transaction: held ${Math.round(base.longestHoldMs)} ms)`,
  );
  await t.handle.db.execute(sql`DELETE FROM ui_payments WHERE run_id = ${baselineRun}`);
  await t.handle.db.execute(sql`DELETE FROM ui_payment_runs WHERE id = ${baselineRun}`);

  results[t.name === 'PGlite' ? 'pglite' : 'postgres'] = {
    generateSeconds: secs(makeMs),
    runSeconds: secs(first.ms),
    payments: run.payments,
    totalFen: run.totalFen,
    longestHoldMs: Math.round(first.longestChunkMs),
    probeLongestWaitMs: Math.round(first.longestHoldMs),
    rerunSeconds: secs(second.ms),
    rerunPayments: again.payments,
    rerunLongestHoldMs: Math.round(second.longestChunkMs),
    rerunProbeLongestWaitMs: Math.round(second.longestHoldMs),
    approveSeconds: secs(approved.ms),
    approveHoldMs: Math.round(approved.longestHoldMs),
    bankFileSeconds: secs(file.ms),
    baselineSeconds: secs(base.ms),
    baselineHoldMs: Math.round(base.longestHoldMs),
    // Other work on the machine weighs on the figures: the 1-minute load average when the section ended.
    loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
  };
  console.log(`  results: ${writeBenchResults('ui', results)}`);
}
