// `npm run bench`: measured figures, never asserted. Generates its own data. Prints each figure
// beside a baseline measured in the same run, on PGlite (file-backed, as `npm start` runs it) and
// on PostgreSQL when 127.0.0.1:5432 answers. Record results in docs/performance.md.
//
//   npm run bench                 all sections
//   npm run bench -- import       only the ledger import/export section
//   npm run bench -- jobs         only matching and public search at city scale (bench/jobs.ts)
//   npm run bench -- ui           only the unemployment benefit payment run (bench/ui.ts; BENCH_CLAIMS)
//   BENCH_ROWS=20000 npm run bench  smaller data for a quick look
//   BENCH_PERSONS=50000 BENCH_VACANCIES=10000 npm run bench -- jobs   a smaller city
//   BENCH_DB=postgres npm run bench   one database only (pglite or postgres)
//   BENCH_KEEP=1                    keep the PostgreSQL database afterwards (its name is printed)
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp, type App } from '../src/server/app.js';
import { bootstrap } from '../src/server/bootstrap.js';
import { openDatabase, type DbHandle } from '../src/server/db/connection.js';
import { persons } from '../src/server/db/schema.js';
import { createSealer, type Sealer } from '../src/server/platform/crypto.js';
import { ledgerXlsx, makeLedgerRows } from '../src/server/testing/ledgerFile.js';
import { jobsSection } from './jobs.js';
import { writeBenchResults } from './results.js';
import { uiClaimCount, uiSection } from './ui.js';

const rows = Number(process.env.BENCH_ROWS ?? 100_000);
const steps = ['import', 'jobs', 'ui'] as const;
const only = process.argv[2];
const pgUrl = process.env.OPENPES_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const password = 'Bench12345';

interface Target {
  name: string;
  handle: DbHandle;
  sealer: Sealer;
  app: App;
  cleanup: () => Promise<void>;
}

/** Peak resident memory above the start, sampled every 20 ms while `fn` runs. */
async function measure<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; peakMb: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  const result = await fn();
  const ms = performance.now() - start;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { result, ms, peakMb: (peak - base) / 1024 / 1024 };
}

async function openTarget(kind: 'pglite' | 'postgres'): Promise<Target | null> {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpes-bench-'));
    handle = await openDatabase({ dataDir: dir });
    cleanup = async () => {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  } else {
    const admin = new pg.Client({ connectionString: pgUrl });
    try {
      await admin.connect();
    } catch {
      console.log('PostgreSQL is not reachable: skipping the PostgreSQL figures.');
      return null;
    }
    const name = `openpes_bench_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    handle = await openDatabase({ url: url.toString() });
    cleanup = async () => {
      await handle.close();
      // BENCH_KEEP=1 leaves the database for a closer look (psql, EXPLAIN); drop it yourself afterwards.
      if (process.env.BENCH_KEEP) return console.log(`kept the database ${name}`);
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const sealer = createSealer(crypto.randomBytes(32));
  await bootstrap(handle.db, sealer, () => new Date(), { adminPassword: password, demo: true, regionPrefixes: ['1401'] });
  const app = await buildApp({ db: handle.db, dbKind: handle.kind, sealer, now: () => new Date(), version: 'bench' });
  await app.ready();
  return {
    name: kind === 'pglite' ? 'PGlite' : 'PostgreSQL',
    handle,
    sealer,
    app,
    cleanup: async () => (await app.close(), await cleanup()),
  };
}

async function login(app: App, username: string): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  return { authorization: `Bearer ${(res.json() as { token: string }).token}` };
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Figures of one database in bench/results/import.json (shared/API.md, "Benchmarks"). */
interface ImportFigures {
  importSeconds: number;
  reimportSeconds: number;
  exportSeconds: number;
  baselineSeconds: number;
  peakExtraMb: number;
  longestHoldMs: number;
  counterP50Ms: number;
  counterMaxMs: number;
  counterRequests: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

/**
 * While `work` runs: a counter clerk's request (a page of the ledger) every 25 ms, timed, and
 * a probe (`SELECT 1` on the app's database) every 20 ms, whose longest wait is the longest time
 * the work held the database from others — PGlite's one connection; on PostgreSQL, a free one of
 * the pool. Both measured, never asserted.
 */
async function whileServing<T>(t: Target, counter: Record<string, string>, work: () => Promise<T>) {
  let done = false;
  const latencies: number[] = [];
  let longestHoldMs = 0;
  const counterLoop = (async () => {
    while (!done) {
      const start = performance.now();
      await t.app.inject({ method: 'GET', url: '/api/v1/persons?pageSize=20', headers: counter });
      latencies.push(performance.now() - start);
      // A clerk's requests arrive over the network, a little apart; injected back to back in one
      // process they would run on microtasks alone and starve everything waiting for a timer.
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  const probeLoop = (async () => {
    while (!done) {
      const start = performance.now();
      await t.handle.db.execute(sql`SELECT 1`);
      longestHoldMs = Math.max(longestHoldMs, performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    return { result: await work(), latencies, longestHoldMs: () => longestHoldMs };
  } finally {
    done = true;
    await Promise.all([counterLoop, probeLoop]);
  }
}

/** REG-7: importing and exporting a district's ledger of `rows` persons. */
async function importSection(t: Target, file: Buffer, communities: string[]): Promise<ImportFigures> {
  const clerk = await login(t.app, 'xiaodian_clerk');
  // A street office's clerk at the counter, in the district being imported.
  const counter = await login(t.app, 's140105001_clerk');
  const served = await whileServing(t, counter, () =>
    measure(() =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/persons/import',
        headers: { ...clerk, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        payload: file,
      }),
    ),
  );
  const imported = served.result;
  const body = imported.result.json() as { imported?: number; detail?: string };
  if (imported.result.statusCode !== 200) throw new Error(`import failed: ${imported.result.body.slice(0, 300)}`);
  const again = await measure(() =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/persons/import',
      headers: { ...clerk, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      payload: file,
    }),
  );
  const exported = await measure(() => t.app.inject({ method: 'GET', url: '/api/v1/persons?format=xlsx', headers: clerk }));

  // Baseline: the same number of rows stored the plain way — Drizzle's insert builder in batches
  // of 1,000 in one transaction, without validation, sealing or events.
  const template = await t.handle.db.select().from(persons).limit(1);
  const baseline = await measure(() =>
    t.handle.db.transaction(async (tx) => {
      const proto = template[0]!;
      for (let i = 0; i < rows; i += 1000) {
        const batch = Array.from({ length: Math.min(1000, rows - i) }, (_, j) => ({
          ...proto,
          id: crypto.randomUUID(),
          idNumberIndex: `bench-${i + j}`,
          // Certificate numbers are unique: the template's (if it holds one) may be stored once.
          certificateNo: null,
          certificateStatus: null,
          regionCode: communities[(i + j) % communities.length]!,
        }));
        await tx.insert(persons).values(batch);
      }
    }),
  );
  await t.handle.db.execute(sql`DELETE FROM persons WHERE id_number_index LIKE 'bench-%'`);
  const latencies = [...served.latencies].sort((a, b) => a - b);
  const figures: ImportFigures = {
    importSeconds: round(imported.ms / 1000),
    reimportSeconds: round(again.ms / 1000),
    exportSeconds: round(exported.ms / 1000),
    baselineSeconds: round(baseline.ms / 1000),
    peakExtraMb: Math.round(imported.peakMb),
    longestHoldMs: Math.round(served.longestHoldMs()),
    counterP50Ms: Math.round(percentile(latencies, 50)),
    counterMaxMs: Math.round(latencies.at(-1) ?? 0),
    counterRequests: latencies.length,
  };
  console.log(`\n[${t.name}] ledger import of ${rows.toLocaleString()} rows (goal: PGlite < 40 s, PostgreSQL < 20 s, < 400 MB extra)`);
  console.log(
    `  import (validate, seal, insert, events)  ${fmt(imported.ms)}  peak +${imported.peakMb.toFixed(0)} MB  imported ${body.imported}`,
  );
  console.log(
    `    meanwhile: database held at most ${figures.longestHoldMs} ms at a time; ${figures.counterRequests} counter requests, p50 ${figures.counterP50Ms} ms, max ${figures.counterMaxMs} ms`,
  );
  console.log(`  re-import of the same file (no change)   ${fmt(again.ms)}  peak +${again.peakMb.toFixed(0)} MB`);
  console.log(
    `  export to Excel (all rows)               ${fmt(exported.ms)}  peak +${exported.peakMb.toFixed(0)} MB  ${(exported.result.rawPayload.length / 1e6).toFixed(1)} MB file`,
  );
  console.log(`  baseline: Drizzle insert, same rows, no checks ${fmt(baseline.ms)}  peak +${baseline.peakMb.toFixed(0)} MB`);
  return figures;
}

const round = (n: number) => Math.round(n * 100) / 100;

async function main() {
  if (only && !(steps as readonly string[]).includes(only)) throw new Error(`unknown step ${only}; steps: ${steps.join(', ')}`);
  console.log(`OpenPES benchmark — ${os.cpus().length} cores, Node ${process.version}`);
  const targets = (['pglite', 'postgres'] as const).filter((k) => !process.env.BENCH_DB || process.env.BENCH_DB === k);
  let file: Buffer | undefined;
  const importResults: Record<string, unknown> = { rows };
  const uiResults: Record<string, unknown> = { claims: uiClaimCount };
  for (const kind of targets) {
    if (!only || only === 'import') {
      const t = await openTarget(kind);
      if (!t) continue;
      try {
        const communities = (
          (await t.handle.db.execute(sql`SELECT code FROM regions WHERE code LIKE '140105%' AND level = 5 ORDER BY code`)) as unknown as {
            rows: { code: string }[];
          }
        ).rows.map((r) => r.code);
        if (!file) {
          const made = await measure(async () => ledgerXlsx(makeLedgerRows(rows, communities, 2026)));
          file = made.result;
          console.log(`generated ledger file of ${rows.toLocaleString()} rows: ${(file.length / 1e6).toFixed(1)} MB in ${fmt(made.ms)}`);
        }
        importResults[kind] = await importSection(t, file, communities);
        console.log(`  results: ${writeBenchResults('import', importResults)}`);
      } finally {
        await t.cleanup();
      }
    }
    // Each section gets a fresh database, so one section's data never weighs on another's figures.
    if (!only || only === 'jobs') {
      const t = await openTarget(kind);
      if (!t) continue;
      try {
        await jobsSection(t);
      } finally {
        await t.cleanup();
      }
    }
    if (!only || only === 'ui') {
      const t = await openTarget(kind);
      if (!t) continue;
      try {
        await uiSection(t, password, uiResults);
      } finally {
        await t.cleanup();
      }
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
