// Schema-driven fuzzing (issue 10, SYS-3): every write endpoint of the OpenAPI document the app
// serves gets at least 1,000 generated inputs and every GET at least 200 generated query strings
// and path parameters, valid-shaped and hostile mixed. No answer may be a 5xx, and a rejected
// request (4xx) may not leave anything behind: the row count and the number of updated rows of
// every table, the audit log included, kept by triggers installed here, are compared before and
// after each request. Seed: OPENPES_FUZZ_SEED (printed; every failure names it with the
// counterexample); runs scaled by OPENPES_FUZZ_SCALE.
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../shared/creditCode.js';
import { idCheckCharacter } from '../../shared/idNumber.js';
import { asText, fuzzedValue, hostileRawBody, hostileRawQuery, hostileValue, type Dictionary, type JsonSchema } from './fuzz.js';
import { createEmployer, createPublishedVacancy, createStaffMember, createWelderSeeker } from './factories.js';
import { createTestApp, loginAs, queryRows, testDbKind, type TestApp } from './testApp.js';

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

interface Operation {
  method: string;
  path: string;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; schema: JsonSchema; required: boolean }[];
  body: JsonSchema | null;
}

interface Tally {
  ms: number;
  inputs: number;
  ok: number;
  rejected: number;
  failed: number;
}

let t: TestApp;
let admin: { authorization: string };
let uiStaff: { authorization: string };
let operations: Operation[] = [];
let dict: Dictionary;
let pools: Record<string, string[]> = {};
let countTables: string[] = [];
let lastCounts: Record<string, string> = {};
const tallies = new Map<string, Tally>();
const failures: string[] = [];

/**
 * Row counts and update counts per table, kept by triggers this file installs on every table of
 * the test database: one small query per request instead of counting every table. The trigger's
 * own write rolls back with the request's transaction, so only committed changes show.
 */
async function installWriteCounters() {
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
  for (const name of countTables) {
    await run(`INSERT INTO fuzz_write_counts (name) VALUES ('${name}')`);
    await run(
      `CREATE TRIGGER fuzz_count_write AFTER INSERT OR UPDATE OR DELETE ON "${name}" FOR EACH ROW EXECUTE FUNCTION fuzz_count_write()`,
    );
  }
}

/** Per table, "rows <net inserted> updates <n>" since the triggers were installed. */
async function rowCounts(): Promise<Record<string, string>> {
  const [row] = await queryRows<{ counts: Record<string, string> }>(
    t.handle.db,
    sql`SELECT json_object_agg(name, 'rows ' || row_count || ' updates ' || updates) AS counts FROM fuzz_write_counts`,
  );
  return row!.counts;
}

async function ids(table: string, where = 'true', limit = 25): Promise<string[]> {
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

/** The pool of ids a path's `{id}` names, by the resource the path is about. */
function poolFor(path: string, param: string): string[] {
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
function authFor(op: Operation): Record<string, string> {
  if (op.path.startsWith('/api/v1/public/') || op.path === '/api/v1/auth/login' || op.path === '/api/v1/health') return {};
  if (op.path.startsWith('/api/v1/ui/')) return uiStaff;
  return admin;
}

/** The string with lone surrogates replaced, as a client must before putting it in a URL. */
const wellFormed = (text: string) => text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** One generated request for an operation. */
function requestArb(op: Operation) {
  const pathValues = fc.tuple(
    ...op.pathParams.map((p) =>
      fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...poolFor(op.path, p.name)) },
        { weight: 1, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: hostileValue.map(asText) },
      ),
    ),
  );
  const queryObject = fc.record(Object.fromEntries(op.queryParams.map((p) => [p.name, fuzzedValue(p.schema, p.name, dict)])), {
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
            { weight: 19, arbitrary: fuzzedValue(op.body, '', dict).map((v) => JSON.stringify(v)) },
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
  const remoteAddress = authFor(op).authorization ? fc.constant('127.0.0.1') : fc.ipV4();
  return fc.record({ pathValues, query, body, token, idempotencyKey, remoteAddress });
}

/** Runs the property for one operation: no 5xx, and a rejected request leaves every row count as it was. */
async function fuzz(op: Operation, runs: number, index: number) {
  const key = `${op.method} ${op.path}`;
  const tally: Tally = { ms: 0, inputs: 0, ok: 0, rejected: 0, failed: 0 };
  const started = Date.now();
  tallies.set(key, tally);
  const mayWrite = new Set([...sessionTouch, ...(writtenByRejections[key] ?? [])]);
  const outcome = await fc.check(
    fc.asyncProperty(requestArb(op), async (input) => {
      let url = op.path;
      op.pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, encodeURIComponent(wellFormed(input.pathValues[i]!)) || '%20')));
      if (input.query) url += `?${input.query}`;
      const headers: Record<string, string> = { ...authFor(op) };
      if (input.token !== null) headers.authorization = `Bearer ${input.token.replace(/[^\x21-\x7e]/g, '')}`;
      if (input.body !== undefined) headers['content-type'] = 'application/json';
      if (input.idempotencyKey !== null) headers['idempotency-key'] = input.idempotencyKey.replace(/[^\x20-\x7e]/g, '');
      const res = await t.app.inject({
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
      const counts = await rowCounts();
      const before = lastCounts;
      lastCounts = counts;
      if (res.statusCode >= 400) {
        tally.rejected++;
        const changed = Object.keys(counts).filter((table) => counts[table] !== before[table] && !mayWrite.has(table));
        if (changed.length)
          throw new Error(
            `${op.method} ${url.slice(0, 300)} answered ${res.statusCode} but changed ${changed.map((c) => `${c} (${before[c]} → ${counts[c]})`).join(', ')}`,
          );
      } else tally.ok++;
    }),
    { numRuns: runs, seed: seed + index, endOnFailure: true, includeErrorInReport: true },
  );
  // fc.check instead of fc.assert so one failing endpoint does not hide the others; the report
  // names the seed, the counterexample and the error, as fc.assert's would.
  tally.ms = Date.now() - started;
  if (outcome.failed) failures.push(`${key}: ${fc.defaultReportMessage(outcome)}`);
}

beforeAll(async () => {
  t = await createTestApp({ deps: { logger: { level: 'error' } } });
  admin = await loginAs(t.app, 'admin');
  uiStaff = (await createStaffMember(t, { regionCode: '140100000000', roles: ['ui_officer', 'reviewer', 'finance'] })).auth;
  // Records for the path parameters to name: seekers (some unemployed, so they have registrations
  // and certificates), a household of two, and a referral to a published vacancy.
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
  const doc = t.app.swagger() as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
          requestBody?: { content?: Record<string, { schema: JsonSchema }> };
        }
      >
    >;
  };
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = op.parameters ?? [];
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema, required: !!p.required })),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  operations = operations.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));

  const regionCodes = (
    await queryRows<{ code: string }>(t.handle.db, sql`SELECT code FROM regions WHERE code LIKE '1401%' ORDER BY level DESC, code LIMIT 30`)
  ).map((r) => r.code);
  const paramNames = (await queryRows<{ name: string }>(t.handle.db, sql`SELECT name FROM param_definitions ORDER BY name`)).map(
    (r) => r.name,
  );
  pools = {
    persons: await ids('persons'),
    employers: await ids('employers'),
    vacancies: await ids('vacancies'),
    surveys: await ids('vacancy_surveys'),
    units: await ids('units'),
    // Never the built-in admin: a PATCH disabling it would end the fuzzer's own session.
    staff: await ids('staff', 'NOT built_in'),
    fairs: await ids('job_fairs'),
    notices: await ids('policy_notices'),
    households: await ids('households'),
    referrals: await ids('referrals'),
    cases: await ids('zero_employment_cases'),
    events: await ids('registration_events'),
    regionCodes,
    paramNames,
  };
  for (const [name, pool] of Object.entries(pools)) if (pool.length === 0) pools[name] = ['00000000-0000-4000-8000-000000000000'];
  pools.all = Object.values(pools).flat();
  const pick = (name: string) => fc.constantFrom(...pools[name]!);
  dict = {
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
  countTables = (
    await queryRows<{ name: string }>(
      t.handle.db,
      sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
  ).map((r) => r.name);
  await installWriteCounters();
  lastCounts = await rowCounts();
  console.log(
    `fuzz: seed ${seed} (OPENPES_FUZZ_SEED), ${writeRuns} inputs per write, ${listRuns} per list, ${readRuns} per other GET, on ${testDbKind}`,
  );
}, 300_000);

afterAll(async () => {
  const rows = [...tallies.entries()];
  const sum = (f: keyof Tally) => rows.reduce((n, [, x]) => n + x[f], 0);
  console.log(
    [
      `fuzz: seed ${seed} on ${testDbKind}: ${rows.length} endpoints, ${sum('inputs')} inputs, ${sum('ok')} 2xx, ${sum('rejected')} 4xx, ${sum('failed')} 5xx`,
      ...rows.map(
        ([key, x]) =>
          `  ${key.padEnd(62)} ${String(x.inputs).padStart(5)} inputs ${String(x.ok).padStart(5)} 2xx ${String(x.rejected).padStart(5)} 4xx ${x.failed} 5xx ${String(x.ms).padStart(6)} ms`,
      ),
    ].join('\n'),
  );
  await t?.close();
});

describe('SYS-3 no input makes a 5xx or leaves a rejected write behind (schema-driven fuzzing)', () => {
  it('the OpenAPI document lists the endpoints fuzzed here', () => {
    expect(operations.filter((op) => op.method !== 'GET').length).toBeGreaterThan(40);
    expect(operations.filter((op) => op.method === 'GET').length).toBeGreaterThan(30);
  });

  it(`every write endpoint takes ${writeRuns} generated bodies, paths and query strings`, { timeout: 1_800_000 }, async () => {
    const writes = operations.filter((op) => op.method !== 'GET');
    for (const [i, op] of writes.entries()) await fuzz(op, writeRuns, i);
    expect(failures).toEqual([]);
  });

  it(`every list takes ${listRuns} generated query strings, every other GET ${readRuns}`, { timeout: 1_800_000 }, async () => {
    const reads = operations.filter((op) => op.method === 'GET');
    const isList = (op: Operation) => op.queryParams.some((p) => p.name === 'page');
    expect(reads.filter(isList).length).toBeGreaterThan(10);
    failures.length = 0;
    for (const [i, op] of reads.entries()) await fuzz(op, isList(op) ? listRuns : readRuns, 1_000 + i);
    expect(failures).toEqual([]);
  });
});
