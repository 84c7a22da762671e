import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffMember } from '../testing/factories.js';
import { createTestApp, loginAs, type TestApp } from '../testing/testApp.js';
import { paramDefinitions } from '../db/schema.js';
import { addParamValue, param, type ParamName } from './service.js';
import { pickParamValue } from './pick.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());

describe('DESIGN idea 3: policy parameters with region and date', () => {
  it('seed 004 §四(一): the Dalian guaranteed-loan cap is 20,000 yuan (2,000,000 fen) with its source', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/params/loan.max_amount?regionCode=210202000000&date=2004-01-01',
      headers: await loginAs(t.app, 'admin'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'loan.max_amount',
      value: 2_000_000,
      unit: '分',
      regionPrefix: '2102',
      effectiveFrom: '2003-06-03',
    });
    expect((res.json() as { source: string }).source).toContain('004');
  });

  it('seed 003 §(四): Hubei resolves a zero-employment household within 3 months', async () => {
    expect(await param(t.handle.db, 'zero_employment.resolve_within', '420100000000', '2007-06-01')).toBe(3);
  });

  it('seed 001 §三(三): Suining county funds a counsellor with 30,000 yuan a year', async () => {
    expect(await param(t.handle.db, 'counsellor.funding_per_year', '430527100000', '2020-01-01')).toBe(3_000_000);
  });

  it('a name outside the catalogue answers 404 on every parameter route', async () => {
    const admin = await loginAs(t.app, 'admin');
    for (const [method, url] of [
      ['GET', '/api/v1/params/loan.max_amout'],
      ['GET', '/api/v1/params/loan.max_amout/values'],
      ['POST', '/api/v1/params/loan.max_amout/values'],
    ] as const) {
      const payload = method === 'POST' ? { regionPrefix: '', effectiveFrom: '2026-01-01', value: 1, source: '拼写错误测试' } : undefined;
      const res = await t.app.inject({ method, url, headers: admin, payload });
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it("a date before a place's first value answers 404 with a clear message, not a guess", async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/params/loan.max_amount?regionCode=210202000000&date=2003-06-02',
      headers: await loginAs(t.app, 'admin'),
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toContain('没有适用的取值');
  });

  it('an admin adds a dated value in scope; the more specific region and newer date win from then on', async () => {
    const admin = await loginAs(t.app, 'admin');
    const add = (body: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/params/loan.max_amount/values', headers: admin, payload: body });
    expect(
      (await add({ regionPrefix: '1401', effectiveFrom: '2009-01-01', value: 5_000_000, source: '太原市 2009 年文件' })).statusCode,
    ).toBe(201);
    expect(
      (await add({ regionPrefix: '140105', effectiveFrom: '2010-01-01', value: 8_000_000, source: '小店区 2010 年文件' })).statusCode,
    ).toBe(201);
    const at = async (region: string, date: string) => param(t.handle.db, 'loan.max_amount', region, date);
    await expect(at('140105001000', '2008-12-31')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await at('140105001000', '2009-06-01')).toBe(5_000_000);
    expect(await at('140105001000', '2010-01-01')).toBe(8_000_000);
    expect(await at('140106000000', '2010-01-01')).toBe(5_000_000);
    expect(await at('210202000000', '2010-01-01')).toBe(2_000_000);
    const unknownRegion = await add({ regionPrefix: '140199', effectiveFrom: '2011-01-01', value: 1, source: '不存在的区划' });
    expect(unknownRegion.json()).toMatchObject({ code: 'INVALID_REGION' });
    const dup = await add({ regionPrefix: '1401', effectiveFrom: '2009-01-01', value: 1, source: '重复日期' });
    expect(dup.statusCode).toBe(409);
    const fraction = await add({ regionPrefix: '1401', effectiveFrom: '2011-01-01', value: 100.5, source: '金额非整数' });
    expect(fraction.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/value' }] });
  });

  it('a count of days, months or years is a whole number within reason: 12.5 days, −1 day or 10 million days are refused and nothing is stored (the fuzzer found a fraction of a day making the visit schedule unanswerable)', async () => {
    const admin = await loginAs(t.app, 'admin');
    const add = (name: string, value: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/params/${name}/values`,
        headers: admin,
        payload: { regionPrefix: '1401', effectiveFrom: '2012-01-01', value, source: '测试取值' },
      });
    for (const [name, value] of [
      ['assistance.visit_interval_days', 12.5],
      ['assistance.visit_interval_days', -1],
      ['assistance.visit_interval_days', 10_000_000],
      ['ui.max_entitlement_months', 1.5],
      ['person_4050.min_age_female', 200],
    ] as const) {
      const res = await add(name, value);
      expect(res.statusCode, `${name} ${value}`).toBe(400);
      expect(res.json()).toMatchObject({ errors: [{ path: '/value', code: value < 0 ? 'MINIMUM' : 'NOT_INTEGER' }] });
    }
    expect((await add('assistance.visit_interval_days', 14)).statusCode).toBe(201);
    expect(await param(t.handle.db, 'assistance.visit_interval_days', '140105001001', '2012-06-01')).toBe(14);
  });

  it('NET-2 a district admin may not set a value outside their district (403 OUT_OF_JURISDICTION)', async () => {
    // Demo-less app: the factory makes the 小店区 unit and its admin.
    const districtAdmin = await createStaffMember(t, { regionCode: '140105000000', roles: ['admin'] });
    const district = districtAdmin.auth;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/params/loan.max_amount/values',
      headers: district,
      payload: { regionPrefix: '1401', effectiveFrom: '2026-01-01', value: 1, source: '越权设置测试' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'OUT_OF_JURISDICTION' });
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/v1/params/loan.max_amount/values',
      headers: district,
      payload: { regionPrefix: '140105', effectiveFrom: '2026-02-01', value: 3_000_000, source: '小店区 2026 年文件' },
    });
    expect(own.statusCode).toBe(201);
    const history = await t.app.inject({ method: 'GET', url: '/api/v1/params/loan.max_amount/values', headers: district });
    expect((history.json() as { values: { regionName: string }[] }).values.map((v) => v.regionName)).toContain('小店区');
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit?entity=param_value&pageSize=100',
      headers: await loginAs(t.app, 'admin'),
    });
    const byDistrictAdmin = (audit.json() as { items: { actorUsername: string; action: string }[] }).items.filter(
      (i) => i.actorUsername === districtAdmin.username,
    );
    expect(byDistrictAdmin).toEqual([expect.objectContaining({ action: 'create' })]);
  });

  it('DESIGN idea 3 (property): the stored lookup agrees with the pure rule for random values, regions and dates', async () => {
    // Defined by this test only, outside the catalogue, so that no seeded value interferes.
    const testProp = 'test.prop' as ParamName;
    await t.handle.db
      .insert(paramDefinitions)
      .values({ name: testProp, title: '属性测试参数', unit: '个', description: 'x' })
      .onConflictDoNothing();
    const prefixes = ['', '14', '1401', '140105', '140105001', '140106'];
    const dates = ['2020-01-01', '2021-06-30', '2022-01-01', '2023-12-31'];
    const stored: { regionPrefix: string; effectiveFrom: string; value: number }[] = [];
    let n = 0;
    for (const regionPrefix of prefixes) {
      for (const effectiveFrom of dates) {
        if ((regionPrefix.length + effectiveFrom.charCodeAt(6)) % 3 === 0) continue;
        const value = ++n;
        stored.push({ regionPrefix, effectiveFrom, value });
        await addParamValue(t.systemCtx, testProp, { regionPrefix, effectiveFrom, value, source: `测试取值 ${value}` });
      }
    }
    const regions = ['140105001001', '140105002000', '140106000000', '140107000000', '140200000000', '150000000000'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...regions),
        fc.date({ min: new Date('2019-01-01'), max: new Date('2025-01-01'), noInvalidDate: true }),
        async (region, d) => {
          const date = d.toISOString().slice(0, 10);
          const expected = pickParamValue(stored, region, date)?.value;
          const actual = await param(t.handle.db, testProp, region, date).catch(() => undefined);
          expect(actual).toBe(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});
