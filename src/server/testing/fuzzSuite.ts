// Schema-driven fuzzing (issue 10, SYS-3): every write endpoint of the OpenAPI document the app
// serves gets at least 1,000 generated inputs, every list 200 and every other GET 50 generated
// query strings and path parameters, valid-shaped and hostile mixed. No answer may be a 5xx, and a
// rejected request (4xx) may not leave anything behind: the row count and the number of updated
// rows of every table, the audit log included, kept by triggers installed here, are compared
// before and after each request. Seed: OPENPES_FUZZ_SEED (printed; every failure names it with
// the counterexample); runs scaled by OPENPES_FUZZ_SCALE.
//
// The suite is split into the test files fuzz.part1.api.test.ts … fuzz.part<fuzzParts>.api.test.ts,
// each fuzzing a share of the operations of about equal cost on its own app and database. Vitest
// runs files in parallel, not tests: as one file the suite kept one of CI's two workers busy for
// 17 minutes of a 38-minute run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../shared/creditCode.js';
import { idCheckCharacter } from '../../shared/idNumber.js';
import {
  asText,
  fuzzedValue,
  hostileRawBody,
  hostileRawQuery,
  hostileValue,
  inputsAtScaleOne,
  isList,
  operationKey,
  operationsOf,
  partitionOperations,
  type Dictionary,
  type OpenApiDocument,
  type Operation,
} from './fuzz.js';
import { createEmployer, createPublishedVacancy, createStaffMember, createWelderSeeker } from './factories.js';
import { createTestApp, loginAs, queryRows, testDbKind, type TestApp } from './testApp.js';

/** How many test files the suite is split into: fuzz.part1.api.test.ts to fuzz.part6.api.test.ts. */
export const fuzzParts = 6;
const partFileName = /^fuzz\.part(\d+)\.api\.test\.ts$/;

const seed = Number(process.env.OPENPES_FUZZ_SEED ?? 20_261_130);
/**
 * The full count runs on PGlite, the default database; PostgreSQL gets a fifth of it. The inputs
 * and the code they reach are the same on both, and the full count twice would add some ten
 * minutes to a 2-core CI run; what differs by database (its error codes, its types) shows in the
 * smaller run as well.
 */
const scale = Number(process.env.OPENPES_FUZZ_SCALE ?? (testDbKind === 'postgres' ? 0.2 : 1));
const writeRuns = Math.ceil(1_000 * scale);
const listRuns = Math.ceil(200 * scale);
/** GETs of one record or report take only a path (and a date or limit): fewer inputs say all there is. */
const readRuns = Math.ceil(50 * scale);

/**
 * Tables a rejected request may write on purpose: a failed login is counted (login limits), which
 * is the point of the 401 it answers; any authenticated request may refresh its session's
 * last-seen time; and the access log of personal data is written in batches after the looks it
 * records, so a batch may land during any later request. Request-rate limits (a 429) count in
 * memory and write nothing.
 */
const sessionTouch = ['sessions', 'public_sessions', 'person_access_log'];
const writtenByRejections: Record<string, string[]> = {
  'POST /api/v1/auth/login': ['login_failures'],
  'POST /api/v1/auth/password': ['login_failures'],
  // A wrong first code while confirming an enrolment counts against the member like a wrong sign-in code.
  'POST /api/v1/auth/two-factor/enrolment/confirm': ['login_failures'],
  'POST /api/v1/public/accounts/login': ['login_failures'],
  // A wrong binding code counts against the record's live codes, and is audited.
  'POST /api/v1/public/accounts/seekers': ['binding_codes', 'audit_log', 'audit_head'],
  'POST /api/v1/public/accounts/employers': ['binding_codes', 'audit_log', 'audit_head'],
};

interface Tally {
  ms: number;
  inputs: number;
  ok: number;
  rejected: number;
  failed: number;
}

/** One part's app and database, who sends its requests, the records its paths name, and what it found. */
interface Fuzzing {
  t: TestApp;
  admin: { authorization: string };
  uiStaff: { authorization: string };
  dict: Dictionary;
  pools: Record<string, string[]>;
  /** The write counters after the last request. */
  lastCounts: Record<string, string>;
  tallies: Map<string, Tally>;
  failures: string[];
}

/**
 * Row counts and update counts per table, kept by triggers installed on every table of the test
 * database: one small query per request instead of counting every table. The trigger's own write
 * rolls back with the request's transaction, so only committed changes show.
 */
async function installWriteCounters(t: TestApp, tables: string[]) {
  // As the tables' owner: on PostgreSQL the application's role may not create triggers or functions.
  const run = (text: string) => t.asOwner(sql.raw(text));
  await run(
    'CREATE TABLE fuzz_write_counts (name text PRIMARY KEY, row_count bigint NOT NULL DEFAULT 0, updates bigint NOT NULL DEFAULT 0)',
  );
  await run('GRANT SELECT ON fuzz_write_counts TO PUBLIC');
  await run(`CREATE FUNCTION fuzz_count_write() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
    BEGIN
      UPDATE fuzz_write_counts
         SET row_count = row_count + CASE TG_OP WHEN 'INSERT' THEN 1 WHEN 'DELETE' THEN -1 ELSE 0 END,
             updates = updates + CASE TG_OP WHEN 'UPDATE' THEN 1 ELSE 0 END
       WHERE name = TG_TABLE_NAME;
      RETURN NULL;
    END $$`);
  // One statement for all tables: on PostgreSQL each run() opens a connection of its own, and two
  // per table made every part open some hundreds.
  const perTable = tables.map(
    (name) => `INSERT INTO fuzz_write_counts (name) VALUES ('${name}');
      CREATE TRIGGER fuzz_count_write AFTER INSERT OR UPDATE OR DELETE ON "${name}" FOR EACH ROW EXECUTE FUNCTION fuzz_count_write();`,
  );
  await run(`DO $$ BEGIN ${perTable.join('\n')} END $$`);
}

/** Per table, "rows <net inserted> updates <n>" since the triggers were installed. */
async function rowCounts(t: TestApp): Promise<Record<string, string>> {
  const [row] = await queryRows<{ counts: Record<string, string> }>(
    t.handle.db,
    sql`SELECT json_object_agg(name, 'rows ' || row_count || ' updates ' || updates) AS counts FROM fuzz_write_counts`,
  );
  return row!.counts;
}

async function ids(t: TestApp, table: string, where = 'true', limit = 25): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    t.handle.db,
    sql.raw(`SELECT id::text AS id FROM "${table}" WHERE ${where} ORDER BY id LIMIT ${limit}`),
  );
  return rows.map((r) => r.id);
}

/** A valid citizen ID number with a random sequence (duplicates are a 409, which is fine). */
const idNumberArb = fc
  .tuple(fc.constantFrom('140105', '140106', '140107'), fc.integer({ min: 0, max: 12_000 }), fc.integer({ min: 0, max: 999 }))
  .map(([region, days, sequence]) => {
    const birth = new Date(Date.UTC(1965, 0, 1) + days * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const first17 = `${region}${birth}${String(sequence).padStart(3, '0')}`;
    return first17 + idCheckCharacter(first17);
  });

const creditCodeArb = fc.integer({ min: 0, max: 99_999_999 }).map((serial) => {
  const first17 = `91140105${String(serial).padStart(8, '0')}X`.slice(0, 17);
  return first17 + creditCodeCheckCharacter(first17);
});

/**
 * The part's app on its own database, with records for the path parameters to name: seekers
 * (some unemployed, so they have registrations and certificates), a household of two, and a
 * referral to a published vacancy; and the write counters installed.
 */
async function arrange(): Promise<Fuzzing> {
  const t = await createTestApp({ deps: { logger: { level: 'error' } } });
  const admin = await loginAs(t.app, 'admin');
  const uiStaff = (await createStaffMember(t, { regionCode: '140100000000', roles: ['ui_officer', 'reviewer', 'finance'] })).auth;
  const seekers = [];
  for (let i = 0; i < 6; i++) seekers.push(await createWelderSeeker(t, admin, i % 2 ? {} : { unemployedSince: '2026-11-02' }));
  const employer = await createEmployer(t, admin);
  const vacancy = await createPublishedVacancy(t, admin, admin, employer.id);
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/households',
    headers: admin,
    payload: { regionCode: '140105001001', memberIds: [seekers[0]!.id, seekers[1]!.id] },
  });
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/referrals',
    headers: admin,
    payload: { personId: seekers[2]!.id, vacancyId: vacancy.id },
  });

  const regionCodes = (
    await queryRows<{ code: string }>(t.handle.db, sql`SELECT code FROM regions WHERE code LIKE '1401%' ORDER BY level DESC, code LIMIT 30`)
  ).map((r) => r.code);
  const paramNames = (await queryRows<{ name: string }>(t.handle.db, sql`SELECT name FROM param_definitions ORDER BY name`)).map(
    (r) => r.name,
  );
  const pools: Record<string, string[]> = {
    persons: await ids(t, 'persons'),
    employers: await ids(t, 'employers'),
    vacancies: await ids(t, 'vacancies'),
    surveys: await ids(t, 'vacancy_surveys'),
    units: await ids(t, 'units'),
    // Never the built-in admin: a PATCH disabling it would end the fuzzer's own session.
    staff: await ids(t, 'staff', 'NOT built_in'),
    fairs: await ids(t, 'job_fairs'),
    notices: await ids(t, 'policy_notices'),
    households: await ids(t, 'households'),
    referrals: await ids(t, 'referrals'),
    cases: await ids(t, 'zero_employment_cases'),
    events: await ids(t, 'registration_events'),
    regionCodes,
    paramNames,
  };
  for (const [name, pool] of Object.entries(pools)) if (pool.length === 0) pools[name] = ['00000000-0000-4000-8000-000000000000'];
  pools.all = Object.values(pools).flat();
  const pick = (name: string) => fc.constantFrom(...pools[name]!);
  const dict: Dictionary = {
    anyId: pick('all'),
    byName: {
      regionCode: pick('regionCodes'),
      parent: pick('regionCodes'),
      regionCodes: fc.array(pick('regionCodes'), { maxLength: 3 }),
      regionPrefix: fc.constantFrom('', '14', '1401', '140105', '140105001', '140105001001'),
      idNumber: idNumberArb,
      creditCode: creditCodeArb,
      phone: fc.integer({ min: 0, max: 999_999_999 }).map((n) => `13${String(n).padStart(9, '0')}`),
      contactPhone: fc.constantFrom('13800138000', '0351-1234567'),
      month: fc
        .tuple(fc.integer({ min: 2020, max: 2027 }), fc.integer({ min: 1, max: 12 }))
        .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
      personId: pick('persons'),
      memberIds: fc.array(pick('persons'), { minLength: 1, maxLength: 3 }),
      employerId: pick('employers'),
      vacancyId: pick('vacancies'),
      unitId: pick('units'),
      fairId: pick('fairs'),
      caseworkerId: pick('staff'),
      correctsEventId: pick('events'),
      username: fc.oneof(fc.constantFrom('admin', 'xiaodian_clerk', 'nobody'), fc.stringMatching(/^[a-z][a-z0-9_]{2,12}$/)),
    },
  };
  const tables = (
    await queryRows<{ name: string }>(
      t.handle.db,
      sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
  ).map((r) => r.name);
  await installWriteCounters(t, tables);
  return { t, admin, uiStaff, dict, pools, lastCounts: await rowCounts(t), tallies: new Map(), failures: [] };
}

/** The pool of ids a path's `{id}` names, by the resource the path is about. */
function poolFor(pools: Record<string, string[]>, path: string, param: string): string[] {
  if (param === 'employerId') return pools.employers!;
  if (param === 'personId') return pools.persons!;
  if (param === 'code') return pools.regionCodes!;
  if (param === 'name') return pools.paramNames!;
  const resource = path.replace('/api/v1/', '').replace(/^public\/(me\/)?/, '');
  const byPrefix: [string, string][] = [
    ['persons', 'persons'],
    ['employers', 'employers'],
    ['vacancies', 'vacancies'],
    ['vacancy-surveys', 'surveys'],
    ['units', 'units'],
    ['staff', 'staff'],
    ['fairs', 'fairs'],
    ['notices', 'notices'],
    ['households', 'households'],
    ['referrals', 'referrals'],
    ['assistance/zero-employment-cases', 'cases'],
  ];
  const hit = byPrefix.find(([prefix]) => resource.startsWith(prefix));
  return hit ? pools[hit[1]]! : pools.all!;
}

/**
 * Who sends the request: anonymous on the public board and login; on unemployment insurance a
 * city UI officer who is also reviewer and finance (the built-in admin holds none of those roles,
 * so its requests would stop at 403 before their bodies are read); else the built-in admin.
 */
function authFor(f: Fuzzing, op: Operation): Record<string, string> {
  if (op.path.startsWith('/api/v1/public/') || op.path === '/api/v1/auth/login' || op.path === '/api/v1/health') return {};
  if (op.path.startsWith('/api/v1/ui/')) return f.uiStaff;
  return f.admin;
}

/** The string with lone surrogates replaced, as a client must before putting it in a URL. */
const wellFormed = (text: string) => text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** One generated request for an operation. */
function requestArb(f: Fuzzing, op: Operation) {
  const pathValues = fc.tuple(
    ...op.pathParams.map((p) =>
      fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...poolFor(f.pools, op.path, p.name)) },
        { weight: 1, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: hostileValue.map(asText) },
      ),
    ),
  );
  const queryObject = fc.record(Object.fromEntries(op.queryParams.map((p) => [p.name, fuzzedValue(p.schema, p.name, f.dict)])), {
    requiredKeys: [],
  });
  const query = op.queryParams.length
    ? fc.oneof(
        {
          weight: 9,
          arbitrary: fc
            .tuple(queryObject, fc.option(fc.tuple(fc.string({ maxLength: 8 }), hostileValue), { freq: 5 }))
            .map(([params, extra]) => {
              const search = new URLSearchParams();
              for (const [k, v] of Object.entries(params)) for (const item of Array.isArray(v) ? v : [v]) search.append(k, asText(item));
              if (extra) search.append(extra[0], asText(extra[1]));
              return search.toString();
            }),
        },
        { weight: 1, arbitrary: hostileRawQuery },
      )
    : fc.oneof({ weight: 9, arbitrary: fc.constant('') }, { weight: 1, arbitrary: hostileRawQuery });
  const body =
    op.method === 'GET'
      ? fc.constant(undefined)
      : op.body
        ? fc.oneof(
            { weight: 19, arbitrary: fuzzedValue(op.body, '', f.dict).map((v) => JSON.stringify(v)) },
            { weight: 1, arbitrary: hostileRawBody },
          )
        : fc.oneof(
            fc.constant(undefined),
            hostileValue.map((v) => JSON.stringify(v)),
            hostileRawBody,
          );
  // Logging out takes no input but the session: it gets forged tokens instead of the admin's.
  const token = op.path === '/api/v1/auth/logout' ? hostileValue.map(asText) : fc.constant(null);
  const idempotencyKey = fc.option(
    fc.oneof(fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 16, maxLength: 32 }), hostileValue.map(asText)),
    { freq: 3 },
  );
  // Public requests come from many addresses, as they would: from one, the request limits would
  // answer nearly all of them 429 and the handlers behind would go unfuzzed.
  const remoteAddress = authFor(f, op).authorization ? fc.constant('127.0.0.1') : fc.ipV4();
  return fc.record({ pathValues, query, body, token, idempotencyKey, remoteAddress });
}

/**
 * Runs the property for one operation: no 5xx, and a rejected request leaves every row count as
 * it was. `seedOffset` is the operation's own (its place among the document's writes, or 1,000
 * plus its place among the GETs), so it gets the same inputs whichever part fuzzes it.
 */
async function fuzz(f: Fuzzing, op: Operation, runs: number, seedOffset: number) {
  const key = operationKey(op);
  const tally: Tally = { ms: 0, inputs: 0, ok: 0, rejected: 0, failed: 0 };
  const started = Date.now();
  f.tallies.set(key, tally);
  const mayWrite = new Set([...sessionTouch, ...(writtenByRejections[key] ?? [])]);
  const outcome = await fc.check(
    fc.asyncProperty(requestArb(f, op), async (input) => {
      let url = op.path;
      op.pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, encodeURIComponent(wellFormed(input.pathValues[i]!)) || '%20')));
      if (input.query) url += `?${input.query}`;
      const headers: Record<string, string> = { ...authFor(f, op) };
      if (input.token !== null) headers.authorization = `Bearer ${input.token.replace(/[^\x21-\x7e]/g, '')}`;
      if (input.body !== undefined) headers['content-type'] = 'application/json';
      if (input.idempotencyKey !== null) headers['idempotency-key'] = input.idempotencyKey.replace(/[^\x20-\x7e]/g, '');
      const res = await f.t.app.inject({
        method: op.method as 'POST',
        url,
        headers,
        payload: input.body,
        remoteAddress: input.remoteAddress,
      });
      tally.inputs++;
      if (res.statusCode >= 500) {
        tally.failed++;
        throw new Error(`${op.method} ${url.slice(0, 300)} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
      }
      const counts = await rowCounts(f.t);
      const before = f.lastCounts;
      f.lastCounts = counts;
      if (res.statusCode >= 400) {
        tally.rejected++;
        const changed = Object.keys(counts).filter((table) => counts[table] !== before[table] && !mayWrite.has(table));
        if (changed.length)
          throw new Error(
            `${op.method} ${url.slice(0, 300)} answered ${res.statusCode} but changed ${changed.map((c) => `${c} (${before[c]} → ${counts[c]})`).join(', ')}`,
          );
      } else tally.ok++;
    }),
    { numRuns: runs, seed: seed + seedOffset, endOnFailure: true, includeErrorInReport: true },
  );
  // fc.check instead of fc.assert so one failing endpoint does not hide the others; the report
  // names the seed, the counterexample and the error, as fc.assert's would.
  tally.ms = Date.now() - started;
  if (outcome.failed) f.failures.push(`${key}: ${fc.defaultReportMessage(outcome)}`);
}

/** The per-endpoint counts of one part, with its sums on the first line. */
function report(part: number, tallies: Map<string, Tally>): string {
  const rows = [...tallies.entries()];
  const sum = (field: keyof Tally) => rows.reduce((n, [, x]) => n + x[field], 0);
  return [
    `fuzz part ${part}/${fuzzParts}: seed ${seed} on ${testDbKind}: ${rows.length} endpoints, ${sum('inputs')} inputs, ${sum('ok')} 2xx, ${sum('rejected')} 4xx, ${sum('failed')} 5xx, ${sum('ms')} ms`,
    ...rows.map(
      ([key, x]) =>
        `  ${key.padEnd(62)} ${String(x.inputs).padStart(5)} inputs ${String(x.ok).padStart(5)} 2xx ${String(x.rejected).padStart(5)} 4xx ${x.failed} 5xx ${String(x.ms).padStart(6)} ms`,
    ),
  ].join('\n');
}

/**
 * Declares the tests of the part a test file's name gives: `fuzz.part3.api.test.ts` fuzzes the
 * third of `fuzzParts` groups of the document's operations (partitionOperations).
 */
export function declareFuzzPart(testFileUrl: string) {
  const testFile = fileURLToPath(testFileUrl);
  const part = Number(partFileName.exec(path.basename(testFile))?.[1]);
  if (!(part >= 1 && part <= fuzzParts)) throw new Error(`${testFile} is not named fuzz.part<1 to ${fuzzParts}>.api.test.ts`);
  let f: Fuzzing | undefined;
  let operations: Operation[] = [];
  let ours = new Set<Operation>();

  describe(`SYS-3 no input makes a 5xx or leaves a rejected write behind (schema-driven fuzzing, part ${part} of ${fuzzParts})`, () => {
    beforeAll(async () => {
      f = await arrange();
      operations = operationsOf(f.t.app.swagger() as OpenApiDocument);
      ours = new Set(partitionOperations(operations, fuzzParts)[part - 1]);
      const cost = (ops: Iterable<Operation>) => [...ops].reduce((n, op) => n + inputsAtScaleOne(op), 0);
      console.log(
        `fuzz part ${part}/${fuzzParts}: seed ${seed} (OPENPES_FUZZ_SEED), ${writeRuns} inputs per write, ${listRuns} per list, ${readRuns} per other GET, on ${testDbKind}; ` +
          `${ours.size} of ${operations.length} operations, ${cost(ours)} of ${cost(operations)} inputs at scale 1`,
      );
    }, 300_000);

    afterAll(async () => {
      if (f) console.log(report(part, f.tallies));
      await f?.t.close();
    });

    it('the OpenAPI document lists the endpoints fuzzed here', () => {
      expect(operations.filter((op) => op.method !== 'GET').length).toBeGreaterThan(40);
      expect(operations.filter((op) => op.method === 'GET').length).toBeGreaterThan(30);
      expect(operations.filter(isList).length).toBeGreaterThan(10);
    });

    it(`the ${fuzzParts} parts together fuzz every operation of the document exactly once`, () => {
      // A part file removed (or one added past fuzzParts) would leave its share unfuzzed.
      const partFiles = fs.readdirSync(path.dirname(testFile)).filter((name) => partFileName.test(name));
      const expectedFiles = Array.from({ length: fuzzParts }, (_, i) => `fuzz.part${i + 1}.api.test.ts`);
      expect(partFiles.sort()).toEqual(expectedFiles.sort());
      const dealt = partitionOperations(operations, fuzzParts).flat().map(operationKey);
      expect(new Set(dealt).size).toBe(dealt.length);
      expect(dealt.sort()).toEqual(operations.map(operationKey).sort());
    });

    it(
      `every write endpoint of this part takes ${writeRuns} generated bodies, paths and query strings`,
      { timeout: 1_800_000 },
      async () => {
        const writes = operations.filter((op) => op.method !== 'GET');
        f!.failures.length = 0;
        for (const [i, op] of writes.entries()) if (ours.has(op)) await fuzz(f!, op, writeRuns, i);
        expect(f!.failures).toEqual([]);
      },
    );

    it(
      `every list of this part takes ${listRuns} generated query strings, every other GET ${readRuns}`,
      { timeout: 1_800_000 },
      async () => {
        const reads = operations.filter((op) => op.method === 'GET');
        f!.failures.length = 0;
        for (const [i, op] of reads.entries()) if (ours.has(op)) await fuzz(f!, op, isList(op) ? listRuns : readRuns, 1_000 + i);
        expect(f!.failures).toEqual([]);
      },
    );
  });
}
