// REG-7 ledger import in chunks of short transactions (issue 11): other requests are served
// between the chunks, the import's persons stay invisible until the batch is applied, and a
// failure at any point leaves nothing behind. The use case is called with small chunks so a
// 1,000-row file spans ten of them. On PGlite and on PostgreSQL.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../platform/context.js';
import { createStaffMember, type StaffMember } from '../../testing/factories.js';
import { ledgerXlsx, makeLedgerRows, type LedgerRow } from '../../testing/ledgerFile.js';
import { createTestApp, queryRows, type TestApp } from '../../testing/testApp.js';
import { importLedger } from './index.js';

let t: TestApp;
let clerk: StaffMember;
let counterClerk: StaffMember;
let clerkCtx: Ctx;
const communities = ['140105001001', '140105001002', '140105001003', '140105001004'];
const used = new Set<string>();

beforeAll(async () => {
  t = await createTestApp({ demo: true, now: () => new Date('2026-11-23T04:00:00Z') });
  clerk = await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk'] });
  counterClerk = await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk'] });
  clerkCtx = {
    ...t.systemCtx,
    requestId: 'ledger-import-test',
    actor: { id: clerk.id, username: clerk.username, name: clerk.name, unitId: clerk.unit.id, scope: '140105001', roles: ['clerk'] },
  };
});
afterAll(() => t.close());

const total = async () =>
  (await t.app.inject({ method: 'GET', url: '/api/v1/persons?pageSize=1', headers: counterClerk.auth })).json().total as number;
/** Rows of the tables an import writes, counted past every filter: what is really stored. */
const stored = async () => {
  const [row] = await queryRows<{ persons: number; events: number; certificates: number; batches: number }>(
    t.handle.db,
    sql`SELECT (SELECT count(*) FROM persons)::int AS persons, (SELECT count(*) FROM registration_events)::int AS events,
               (SELECT count(*) FROM certificate_events)::int AS certificates,
               (SELECT count(*) FROM person_import_batches WHERE applied_at IS NULL)::int AS batches`,
  );
  return row!;
};
const lookup = (row: LedgerRow) =>
  t.app.inject({ method: 'POST', url: '/api/v1/persons/lookup', headers: counterClerk.auth, payload: { idNumber: row.idNumber } });

describe('REG-7 a large import holds the database a chunk at a time and shows nothing before it is applied', () => {
  it('REG-7 a counter request is served between chunks; the rows stored so far are invisible to it; all appear when the import is applied', async () => {
    const rows = makeLedgerRows(1000, communities, 31, used);
    const before = await total();
    const seenBetweenChunks: { stored: number; status: number; total: number; lookup: number }[] = [];
    const result = await importLedger(clerkCtx, await ledgerXlsx(rows), {
      chunkRows: 100,
      afterChunk: async (storedRows) => {
        // A counter clerk's request, answered while the import is still running.
        const list = await t.app.inject({ method: 'GET', url: '/api/v1/persons?pageSize=1', headers: counterClerk.auth });
        const found = await lookup(rows[0]!);
        seenBetweenChunks.push({ stored: storedRows, status: list.statusCode, total: list.json().total, lookup: found.statusCode });
      },
    });
    expect(result).toEqual({ rows: 1000, imported: 1000, unchanged: 0 });
    expect(seenBetweenChunks.map((s) => s.stored)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    for (const seen of seenBetweenChunks) expect(seen).toMatchObject({ status: 200, total: before, lookup: 404 });
    expect(await total()).toBe(before + 1000);
    expect((await lookup(rows[0]!)).statusCode).toBe(200);
    expect((await stored()).batches).toBe(0);
  });

  it('REG-7 a bad row at 90% of the file is found before anything is written: nothing stored, no batch opened', async () => {
    const rows = makeLedgerRows(1000, communities, 32, used);
    rows[900]!.householdType = '城市';
    const before = await stored();
    const chunks: number[] = [];
    await expect(
      importLedger(clerkCtx, await ledgerXlsx(rows), { chunkRows: 100, afterChunk: async (n) => void chunks.push(n) }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', extra: { rejectedCount: 1 } });
    expect(chunks).toEqual([]);
    expect(await stored()).toEqual(before);
  });

  it('REG-7 a row that fails while chunks are stored (its ID registered at the counter meanwhile, at 90% of the file) leaves no half import', async () => {
    const rows = makeLedgerRows(1000, communities, 33, used);
    const late = rows[900]!;
    const before = await stored();
    const visibleBefore = await total();
    let registeredAtCounter: string | undefined;
    const failure = importLedger(clerkCtx, await ledgerXlsx(rows), {
      chunkRows: 100,
      afterChunk: async (storedRows) => {
        if (storedRows !== 300) return;
        // A counter clerk registers the person of row 901 while the import is on its fourth chunk.
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/persons',
          headers: counterClerk.auth,
          payload: { idNumber: late.idNumber, name: late.name, regionCode: late.regionCode, householdType: 'urban' },
        });
        expect(res.statusCode, res.body).toBe(201);
        registeredAtCounter = res.json().id;
      },
    });
    await expect(failure).rejects.toThrow();
    // Only the counter clerk's person is new: no person, event, certificate or batch of the import stayed.
    expect(await stored()).toEqual({ ...before, persons: before.persons + 1 });
    expect(await total()).toBe(visibleBefore + 1);
    expect((await lookup(late)).json().id).toBe(registeredAtCounter);
    expect((await lookup(rows[0]!)).statusCode).toBe(404);
  });
});
