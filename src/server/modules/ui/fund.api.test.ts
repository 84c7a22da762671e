// UI-5 the fund ledger through the API on PGlite and on PostgreSQL: double entry (every transfer's
// two entries cancel, the balance is the sum of the fund's entries), contribution income posted
// once with its contributions, four eyes on transfers and reversals, a reversal at most once,
// entries that the database refuses to change, jurisdiction (404), and a property test over
// sequences of contributions, requests, approvals and reversals.
import fc from 'fast-check';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createEmployer, createPerson, createStaffMember, type Auth } from '../../testing/factories.js';
import { createTestApp, queryRows, type TestApp } from '../../testing/testApp.js';
import { scopeOf } from '../../../shared/region.js';

const today = '2026-11-23';
let t: TestApp;
let clerk: Auth; // 坞城街道
let officer: Auth; // 坞城街道 失业保险经办员
let finance1: Auth; // 小店区 财务
let finance2: Auth; // 小店区 财务
let otherDistrict: Auth; // 迎泽区 财务
let otherStreet: Auth; // 小店区 another street's finance
let leader: Auth; // 太原市
let jobOfficer: Auth;
let employerId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T04:00:00Z`) });
  clerk = (await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk'] })).auth;
  officer = (await createStaffMember(t, { regionCode: '140105001000', roles: ['ui_officer'] })).auth;
  finance1 = (await createStaffMember(t, { regionCode: '140105000000', roles: ['finance'], name: '小店区财务一' })).auth;
  finance2 = (await createStaffMember(t, { regionCode: '140105000000', roles: ['finance'], name: '小店区财务二' })).auth;
  otherDistrict = (await createStaffMember(t, { regionCode: '140106000000', roles: ['finance'] })).auth;
  otherStreet = (await createStaffMember(t, { regionCode: '140105002000', roles: ['finance'] })).auth;
  leader = (await createStaffMember(t, { regionCode: '140100000000', roles: ['leader'] })).auth;
  jobOfficer = (await createStaffMember(t, { regionCode: '140105000000', roles: ['job_officer'] })).auth;
  employerId = (await createEmployer(t, jobOfficer)).id;
}, 300_000);
afterAll(() => t?.close());

function send(auth: Auth, method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({ method, url: `/api/v1${url}`, headers: { ...auth }, ...(payload ? { payload } : {}) });
}

interface Balance {
  balanceFen: number;
  incomeFen: number;
  spendingFen: number;
  income: Record<string, number>;
  spending: Record<string, number>;
}

async function balance(as: Auth = finance1, regionCode = '140105000000', month = '2026-11'): Promise<Balance> {
  const res = await send(as, 'GET', `/ui/fund/balance?regionCode=${regionCode}&month=${month}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The fund account's entries under a prefix through a month, summed by the database itself. */
async function fundEntriesSum(prefix: string, month = '2026-11'): Promise<number> {
  const [row] = await queryRows<{ n: string }>(
    t.handle.db,
    sql`SELECT coalesce(sum(amount_fen), 0)::text AS n FROM ui_fund_entries WHERE account = 'fund' AND region_code LIKE ${prefix + '%'} AND month <= ${month}`,
  );
  return Number(row!.n);
}

/** The database's message when it refuses a statement run as its owner (Drizzle wraps it as the cause). */
async function refusal(query: SQL): Promise<string> {
  try {
    await t.asOwner(query);
  } catch (err) {
    return `${(err as Error).message} ${((err as Error).cause as Error | undefined)?.message ?? ''}`;
  }
  throw new Error('the statement was not refused');
}

async function contribute(personId: string, months: string[], paidFen = 3_000) {
  const res = await send(officer, 'POST', '/ui/contributions', {
    items: months.map((month) => ({ personId, employerId, month, baseFen: 300_000, paidFen })),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { inserted: number; unchanged: number };
}

async function requestTransfer(
  as: Auth,
  body: Partial<{ kind: string; regionCode: string; month: string; amountFen: number; memo: string }>,
) {
  return send(as, 'POST', '/ui/fund/transfers', {
    kind: 'provincial_in',
    regionCode: '140105000000',
    month: '2026-11',
    amountFen: 1_000_000,
    memo: '晋人社厅函〔2026〕12号 调剂金下拨',
    ...body,
  });
}

async function requested(as: Auth, body: Parameters<typeof requestTransfer>[1]): Promise<string> {
  const res = await requestTransfer(as, body);
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json()).toMatchObject({ status: 'requested', approvedBy: null });
  return res.json().id;
}

const approve = (as: Auth, id: string) => send(as, 'POST', `/ui/fund/transfers/${id}/approve`);
const reverse = (as: Auth, id: string, reason = '金额录入错误') => send(as, 'POST', `/ui/fund/transfers/${id}/reverse`, { reason });

async function posted(body: Parameters<typeof requestTransfer>[1]): Promise<string> {
  const id = await requested(finance1, body);
  const res = await approve(finance2, id);
  expect(res.statusCode, res.body).toBe(200);
  return id;
}

describe('UI-5 fund ledger', () => {
  it('UI-5 contributions post their income once: the same file posted twice adds nothing, and the reconciliation agrees', async () => {
    const person = await createPerson(t, clerk);
    const before = await balance();
    expect(await contribute(person.id, ['2026-08', '2026-09'], 4_500)).toEqual({ inserted: 2, unchanged: 0 });
    const after = await balance();
    expect(after.incomeFen - before.incomeFen).toBe(9_000);
    expect(after.income.contribution! - before.income.contribution!).toBe(9_000);
    expect(await contribute(person.id, ['2026-08', '2026-09'], 4_500)).toEqual({ inserted: 0, unchanged: 2 });
    expect(await balance(), 'a repeated file adds nothing').toEqual(after);
    const transfers = (await send(finance1, 'GET', '/ui/fund/transfers?kind=contribution&month=2026-08&pageSize=100')).json();
    expect(transfers.items.every((x: { status: string; debitAccount: string; creditAccount: string }) => x.status === 'posted')).toBe(true);
    expect(transfers.items[0]).toMatchObject({ debitAccount: 'contributors', creditAccount: 'fund', sourceType: 'ui_contribution_post' });
    const rec = (await send(leader, 'GET', '/ui/fund/reconciliation?regionCode=140105000000&month=2026-11')).json();
    expect(rec.ok, JSON.stringify(rec.checks)).toBe(true);
    expect(rec.checks.find((c: { month: string | null }) => c.month === '2026-08')).toMatchObject({ ok: true });
    expect(rec.checks.find((c: { month: string | null }) => c.month === '2026-08').found).toBeGreaterThanOrEqual(4_500);
  });

  it('UI-5 the balance is income − spending and equals the sum of the fund account’s entries, each transfer’s two entries cancelling', async () => {
    const person = await createPerson(t, clerk);
    await contribute(person.id, ['2026-10'], 6_000);
    await posted({ kind: 'provincial_in', amountFen: 2_000_000 });
    await posted({ kind: 'interest', amountFen: 12_345, memo: '第三季度银行存款利息' });
    await posted({ kind: 'subsidy', amountFen: 300_000, memo: '稳岗返还 太原某厂' });
    await posted({ kind: 'provincial_in', regionCode: '140105001000', amountFen: 600_000 });
    const out = await posted({ kind: 'provincial_out', regionCode: '140105001000', amountFen: 500_000, memo: '上解省级调剂金' });
    const b = await balance();
    expect(b.balanceFen).toBe(b.incomeFen - b.spendingFen);
    expect(b.balanceFen).toBe(await fundEntriesSum('140105'));
    expect(b.spending.provincial_out).toBeGreaterThanOrEqual(500_000);
    const street = await balance(finance1, '140105001000');
    expect(street.balanceFen).toBe(await fundEntriesSum('140105001'));
    const entries = (await send(finance1, 'GET', `/ui/fund/entries?transferId=${out}`)).json();
    expect(entries.items.map((e: { account: string; amountFen: number }) => [e.account, e.amountFen]).sort()).toEqual([
      ['fund', -500_000],
      ['provincial_adjustment', 500_000],
    ]);
    const [sum] = await queryRows<{ n: string }>(t.handle.db, sql`SELECT coalesce(sum(amount_fen), 0)::text AS n FROM ui_fund_entries`);
    expect(Number(sum!.n), 'all entries of the ledger sum to zero').toBe(0);
    const rec = (await send(finance1, 'GET', '/ui/fund/reconciliation?month=2026-11')).json();
    expect(rec.ok, JSON.stringify(rec.checks)).toBe(true);
    expect(rec.closingFen).toBe(b.balanceFen);
    expect(rec.months).toHaveLength(11);
    const nov = rec.months.at(-1);
    expect(nov.closingFen).toBe(nov.openingFen + nov.incomeFen - nov.spendingFen);
    const xlsx = await send(finance1, 'GET', '/ui/fund/reconciliation?month=2026-11&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['月度收支', '核对']);
    expect(wb.getWorksheet('月度收支')!.rowCount).toBe(12);
    const list = await send(finance1, 'GET', '/ui/fund/transfers?format=xlsx');
    expect(list.headers['content-type']).toContain('spreadsheetml');
  });

  it('UI-5 four eyes: the requester cannot approve (403) and a requested transfer changes no balance until another finance officer posts it', async () => {
    const before = await balance();
    const id = await requested(finance1, { kind: 'interest', amountFen: 777 });
    expect(await balance(), 'requested: nothing posted').toEqual(before);
    const own = await approve(finance1, id);
    expect(own.statusCode, own.body).toBe(403);
    expect((await approve(leader, id)).statusCode, 'a leader only reads').toBe(403);
    expect((await requestTransfer(officer, {})).statusCode, 'a UI officer does not move fund money').toBe(403);
    const ok = await approve(finance2, id);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'posted',
      approvedBy: expect.any(String),
      createdByName: '小店区财务一',
      approvedByName: '小店区财务二',
    });
    const listed = (await send(finance1, 'GET', '/ui/fund/transfers?kind=interest&pageSize=100')).json().items;
    expect(listed, 'UI-5 the list names the staff').toContainEqual(
      expect.objectContaining({ id, createdByName: '小店区财务一', approvedByName: '小店区财务二' }),
    );
    expect((await approve(finance2, id)).statusCode, 'posted once').toBe(409);
    expect((await balance()).balanceFen - before.balanceFen).toBe(777);
    const audited = await queryRows<{ action: string }>(
      t.handle.db,
      sql`SELECT action FROM audit_log WHERE entity = 'ui_fund_transfer' AND entity_id = ${id} ORDER BY seq`,
    );
    expect(audited.map((a) => a.action)).toEqual(['request', 'approve']);
  });

  it('UI-5 a reversal restores the balance once posted by another finance officer, and a transfer is reversed at most once (409)', async () => {
    const before = await balance();
    const id = await posted({ kind: 'subsidy', amountFen: 88_800, memo: '技能提升补贴 误付' });
    expect((await balance()).balanceFen).toBe(before.balanceFen - 88_800);
    const rev = await reverse(finance1, id);
    expect(rev.statusCode, rev.body).toBe(201);
    expect(rev.json()).toMatchObject({
      kind: 'reversal',
      reversesId: id,
      debitAccount: 'subsidy_recipients',
      creditAccount: 'fund',
      amountFen: 88_800,
      status: 'requested',
    });
    expect((await reverse(finance2, id)).statusCode, 'a second reversal').toBe(409);
    expect((await approve(finance1, rev.json().id)).statusCode, 'the reversal’s requester').toBe(403);
    expect((await approve(finance2, rev.json().id)).statusCode).toBe(200);
    const after = await balance();
    expect(after.balanceFen).toBe(before.balanceFen);
    expect(after.spending.subsidy, 'the reversal counts against the kind it reverses').toBe(before.spending.subsidy);
    expect((await reverse(finance2, id)).statusCode, 'still once').toBe(409);
    expect((await reverse(finance2, rev.json().id)).statusCode, 'a reversal is not reversed').toBe(422);
    expect((await send(finance1, 'GET', `/ui/fund/transfers/${id}`)).json().reversedById).toBe(rev.json().id);
    const listed = (await send(finance1, 'GET', '/ui/fund/transfers?kind=subsidy&pageSize=100')).json().items;
    expect(listed.find((x: { id: string }) => x.id === id).reversedById, 'the list names the reversal too').toBe(rev.json().id);
    const pending = await requested(finance1, { kind: 'interest', amountFen: 100 });
    expect((await reverse(finance2, pending)).statusCode, 'nothing posted to reverse').toBe(409);
    const person = await createPerson(t, clerk);
    await contribute(person.id, ['2026-07']);
    const [income] = (await send(finance1, 'GET', '/ui/fund/transfers?kind=contribution&month=2026-07')).json().items;
    expect((await reverse(finance2, income.id)).statusCode, 'contribution income is corrected at its source').toBe(422);
  });

  it('UI-5 a spending that would take a region’s fund below zero is refused with 422 RULE_VIOLATION, on request and again on approval; so is a reversal of income', async () => {
    const region = '140105002000';
    const income = await posted({ kind: 'provincial_in', regionCode: region, amountFen: 10_000 });
    const available = (await balance(finance1, region)).balanceFen;
    expect(available).toBeGreaterThanOrEqual(10_000);
    const tooMuch = await requestTransfer(finance1, { kind: 'subsidy', regionCode: region, amountFen: available + 1, memo: '稳岗返还' });
    expect(tooMuch.statusCode, tooMuch.body).toBe(422);
    expect(tooMuch.json()).toMatchObject({ code: 'RULE_VIOLATION' });
    expect(tooMuch.json().detail).toContain(`区划 ${region} 的失业保险基金余额为 ${(available / 100).toFixed(2)} 元`);
    expect(tooMuch.json().detail).toContain('基金余额不能为负');
    // Two requests each covered on its own: the first approved empties the fund, the second is refused at approval.
    const first = await requested(finance1, { kind: 'provincial_out', regionCode: region, amountFen: available, memo: '上解省级调剂金' });
    const second = await requested(finance1, { kind: 'subsidy', regionCode: region, amountFen: available, memo: '技能提升补贴' });
    expect((await approve(finance2, first)).statusCode).toBe(200);
    const refused = await approve(finance2, second);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().detail).toContain('元后将为 -');
    expect((await send(finance1, 'GET', `/ui/fund/transfers/${second}`)).json().status, 'still requested, nothing posted').toBe(
      'requested',
    );
    expect((await balance(finance1, region)).balanceFen).toBe(0);
    const undo = await reverse(finance1, income, '下拨金额有误');
    expect(undo.statusCode, 'reversing income would take the fund below zero').toBe(422);
    const [entries] = await queryRows<{ n: number }>(
      t.handle.db,
      sql`SELECT count(*)::int AS n FROM ui_fund_entries WHERE transfer_id = ${second}`,
    );
    expect(entries!.n).toBe(0);
  });

  it('UI-5 entries can be neither updated nor deleted: the database raises, even for its owner', async () => {
    await posted({ kind: 'interest', amountFen: 5_000 });
    const [entry] = await queryRows<{ id: string }>(t.handle.db, sql`SELECT id FROM ui_fund_entries LIMIT 1`);
    expect(await refusal(sql`UPDATE ui_fund_entries SET amount_fen = amount_fen + 1 WHERE id = ${entry!.id}`)).toMatch(
      /append-only: UPDATE/,
    );
    expect(await refusal(sql`DELETE FROM ui_fund_entries WHERE id = ${entry!.id}`)).toMatch(/append-only: DELETE/);
    expect(await refusal(sql`TRUNCATE ui_fund_entries, ui_fund_transfers`)).toMatch(/append-only: TRUNCATE/);
    expect(await refusal(sql`UPDATE ui_fund_transfers SET amount_fen = 1 WHERE status = 'posted'`)).toMatch(/ui_fund_transfers: UPDATE/);
    expect(await refusal(sql`UPDATE ui_fund_transfers SET status = 'requested' WHERE status = 'posted'`)).toMatch(
      /ui_fund_transfers: UPDATE/,
    );
    expect(await refusal(sql`DELETE FROM ui_fund_transfers`)).toMatch(/ui_fund_transfers: DELETE/);
    const [sum] = await queryRows<{ n: string }>(t.handle.db, sql`SELECT coalesce(sum(amount_fen), 0)::text AS n FROM ui_fund_entries`);
    expect(Number(sum!.n)).toBe(0);
  });

  it('UI-5 bad requests are 400 per field and change nothing; a region outside the scope is 403 to write and 404 to read', async () => {
    const before = (await send(finance1, 'GET', '/ui/fund/transfers?pageSize=1')).json().total;
    const future = await requestTransfer(finance1, { month: '2026-12' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ path: '/month', code: 'IN_FUTURE' });
    expect((await requestTransfer(finance1, { amountFen: 0 })).statusCode).toBe(400);
    expect((await requestTransfer(finance1, { kind: 'benefit' })).statusCode, 'benefit comes from payment runs').toBe(400);
    expect((await requestTransfer(finance1, { kind: 'reversal' })).statusCode).toBe(400);
    expect((await requestTransfer(finance1, { regionCode: '140105999000' })).statusCode, 'an unknown division').toBe(400);
    expect((await requestTransfer(finance1, { regionCode: '140106000000' })).statusCode).toBe(403);
    expect((await send(finance1, 'GET', '/ui/fund/transfers?pageSize=1')).json().total).toBe(before);
    expect((await send(finance1, 'GET', '/ui/fund/balance?regionCode=140106000000')).statusCode).toBe(404);
    expect((await send(otherStreet, 'GET', '/ui/fund/balance?regionCode=140105000000')).statusCode).toBe(404);
    expect((await send(finance1, 'GET', '/ui/fund/reconciliation?regionCode=1401')).statusCode).toBe(404);
    expect((await send(jobOfficer, 'GET', '/ui/fund/balance')).statusCode).toBe(403);
  });

  it('UI-5 another district’s and another street’s finance officer get 404 on every id route', async () => {
    const id = await requested(finance1, { kind: 'interest', regionCode: '140105001000', amountFen: 300 });
    const done = await posted({ kind: 'interest', regionCode: '140105001000', amountFen: 400 });
    for (const outsider of [otherDistrict, otherStreet]) {
      expect((await send(outsider, 'GET', `/ui/fund/transfers/${id}`)).statusCode).toBe(404);
      expect((await approve(outsider, id)).statusCode).toBe(404);
      expect((await reverse(outsider, done)).statusCode).toBe(404);
      expect((await send(outsider, 'GET', `/ui/fund/entries?transferId=${done}`)).json().total).toBe(0);
      expect((await send(outsider, 'GET', '/ui/fund/transfers?month=2026-11')).json().items.map((x: { id: string }) => x.id)).not.toContain(
        id,
      );
    }
    expect((await balance(otherDistrict, '140106000000')).balanceFen).toBe(await fundEntriesSum('140106'));
  });
});

describe('UI-5 ledger invariants over sequences of operations (property)', () => {
  const months = ['2026-09', '2026-10', '2026-11'];
  const regions = ['140105001000', '140105002000'];
  const requestKinds = ['provincial_in', 'provincial_out', 'interest', 'subsidy'] as const;
  const fundSign: Record<(typeof requestKinds)[number], number> = { provincial_in: 1, interest: 1, provincial_out: -1, subsidy: -1 };
  const finance = () => [finance1, finance2];

  type Op =
    | { op: 'contribute'; person: number; month: number }
    | { op: 'request'; by: number; kind: (typeof requestKinds)[number]; region: number; month: number; amountFen: number }
    | { op: 'approve'; by: number; which: number }
    | { op: 'reverse'; by: number; which: number };
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ op: fc.constant('contribute' as const), person: fc.nat(2), month: fc.nat(2) }),
    fc.record({
      op: fc.constant('request' as const),
      by: fc.nat(1),
      kind: fc.constantFrom(...requestKinds),
      region: fc.nat(1),
      month: fc.nat(2),
      amountFen: fc.integer({ min: 1, max: 5_000_000 }),
    }),
    fc.record({ op: fc.constant('approve' as const), by: fc.nat(1), which: fc.nat(20) }),
    fc.record({ op: fc.constant('reverse' as const), by: fc.nat(1), which: fc.nat(20) }),
  );

  /** What the test knows of the ledger, across runs (one database). */
  interface Known {
    id: string;
    by: number;
    region: number;
    status: 'requested' | 'posted';
    signedFen: number;
    reversible: boolean;
    reversed: boolean;
  }

  it('UI-5 after any sequence every balance equals the sum of its entries and the model, all entries sum to zero, no source is posted twice, no spending takes a region below zero (422)', async () => {
    const people = [await createPerson(t, clerk), await createPerson(t, clerk), await createPerson(t, clerk)];
    const paidOf = (person: number, month: number) => 1_000 + 100 * person + 10 * month;
    const contributed = new Set<string>();
    const known: Known[] = [];
    let expectedDelta = 0;
    const start = (await balance()).balanceFen;
    // Each request region's own balance (its prefix), which a spending may not take below zero; the people live under the first.
    const regionBalance = await Promise.all(regions.map(async (r) => (await balance(finance1, r)).balanceFen));
    const regionStart = [...regionBalance];
    const covers = (region: number, signedFen: number) => signedFen >= 0 || regionBalance[region]! + signedFen >= 0;
    const refusals = { request: 0, approve: 0, reverse: 0 };

    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 8 }), async (ops) => {
        for (const op of ops) {
          if (op.op === 'contribute') {
            const key = `${op.person}/${op.month}`;
            const res = await contribute(people[op.person]!.id, [months[op.month]!], paidOf(op.person, op.month));
            expect(res.inserted).toBe(contributed.has(key) ? 0 : 1);
            if (!contributed.has(key)) {
              expectedDelta += paidOf(op.person, op.month);
              regionBalance[0]! += paidOf(op.person, op.month);
            }
            contributed.add(key);
          } else if (op.op === 'request') {
            const res = await requestTransfer(finance()[op.by]!, {
              kind: op.kind,
              regionCode: regions[op.region],
              month: months[op.month],
              amountFen: op.amountFen,
            });
            const signedFen = fundSign[op.kind] * op.amountFen;
            if (!covers(op.region, signedFen)) {
              expect(res.statusCode, res.body).toBe(422);
              expect(res.json()).toMatchObject({ code: 'RULE_VIOLATION', detail: expect.stringContaining('基金余额不能为负') });
              refusals.request++;
              continue;
            }
            expect(res.statusCode, res.body).toBe(201);
            known.push({
              id: res.json().id,
              by: op.by,
              region: op.region,
              status: 'requested',
              signedFen,
              reversible: true,
              reversed: false,
            });
          } else if (op.op === 'approve') {
            const target = known[op.which % Math.max(known.length, 1)];
            if (!target) continue;
            const res = await approve(finance()[op.by]!, target.id);
            const expected =
              target.by === op.by ? 403 : target.status === 'posted' ? 409 : !covers(target.region, target.signedFen) ? 422 : 200;
            expect(res.statusCode, res.body).toBe(expected);
            if (expected === 422) refusals.approve++;
            if (expected === 200) {
              target.status = 'posted';
              expectedDelta += target.signedFen;
              regionBalance[target.region]! += target.signedFen;
            }
          } else {
            const target = known[op.which % Math.max(known.length, 1)];
            if (!target) continue;
            const res = await reverse(finance()[op.by]!, target.id);
            const expected = !target.reversible
              ? 422
              : target.status !== 'posted' || target.reversed
                ? 409
                : !covers(target.region, -target.signedFen)
                  ? 422
                  : 201;
            expect(res.statusCode, res.body).toBe(expected);
            if (expected === 422 && target.reversible) refusals.reverse++;
            if (expected === 201) {
              target.reversed = true;
              known.push({
                id: res.json().id,
                by: op.by,
                region: target.region,
                status: 'requested',
                signedFen: -target.signedFen,
                reversible: false,
                reversed: false,
              });
            }
          }
        }
        const district = await balance();
        expect(district.balanceFen).toBe(start + expectedDelta);
        for (const [i, region] of regions.entries()) {
          const own = (await balance(finance1, region)).balanceFen;
          expect(own).toBe(regionBalance[i]);
          expect(own, 'no spending takes a region’s fund below zero').toBeGreaterThanOrEqual(Math.min(0, regionStart[i]!));
        }
        expect(district.balanceFen).toBe(district.incomeFen - district.spendingFen);
        expect(district.balanceFen).toBe(await fundEntriesSum('140105'));
        for (const region of [...regions, '140105001001']) {
          expect((await balance(finance1, region)).balanceFen).toBe(await fundEntriesSum(scopeOf(region)));
        }
        const [zero] = await queryRows<{ n: string }>(
          t.handle.db,
          sql`SELECT coalesce(sum(amount_fen), 0)::text AS n FROM ui_fund_entries`,
        );
        expect(Number(zero!.n)).toBe(0);
        const twice = await queryRows<{ n: number }>(
          t.handle.db,
          sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ui_fund_transfers GROUP BY source_type, source_id, kind, region_code, month HAVING count(*) > 1) d`,
        );
        expect(twice[0]!.n).toBe(0);
        const reversedTwice = await queryRows<{ n: number }>(
          t.handle.db,
          sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ui_fund_transfers WHERE reverses_id IS NOT NULL GROUP BY reverses_id HAVING count(*) > 1) d`,
        );
        expect(reversedTwice[0]!.n).toBe(0);
        const rec = (await send(finance1, 'GET', '/ui/fund/reconciliation?month=2026-11')).json();
        expect(rec.ok, JSON.stringify(rec.checks.filter((c: { ok: boolean }) => !c.ok))).toBe(true);
      }),
      { numRuns: 25 },
    );
    expect(refusals.request + refusals.approve + refusals.reverse, 'the balance rule was exercised').toBeGreaterThan(0);
  }, 120_000);
});
