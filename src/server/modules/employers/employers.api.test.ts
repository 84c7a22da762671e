// Employers through the API (JOB-1), on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCreditCode, createDistrictPair, createEmployer, type Auth } from '../../testing/factories.js';
import { createTestApp, type TestApp } from '../../testing/testApp.js';

let t: TestApp;
let officer: Auth; // a 小店区 clerk and job officer
let otherDistrict: Auth; // the same roles in 迎泽区

const post = (headers: Auth, url: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload });
const get = (headers: Auth, url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-11-23T04:00:00Z') });
  const pair = await createDistrictPair(t);
  officer = pair.home.auth;
  otherDistrict = pair.other.auth;
});
afterAll(() => t.close());

describe('JOB-1 employers', () => {
  it('JOB-1 an invalid credit code gets 400 INVALID_CREDIT_CODE (GB 32100 check character)', async () => {
    const good = buildCreditCode();
    const bad = good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A');
    const res = await post(officer, '/employers', { name: '校验位错误公司', creditCode: bad, regionCode: '140105001001' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_CREDIT_CODE', errors: [expect.objectContaining({ path: '/creditCode' })] });
  });

  it('JOB-1 a second employer with the same credit code is refused with 409', async () => {
    const first = await createEmployer(t, officer);
    const again = await post(officer, '/employers', {
      name: '另一个名字',
      creditCode: first.creditCode.toLowerCase(),
      regionCode: '140105001001',
    });
    expect(again.statusCode).toBe(409);
  });

  it('JOB-1 an industry is a GB/T 4754-2017 门类 or 大类: C34 is accepted, C99 and Z are refused at /industry, C stays valid', async () => {
    const division = await createEmployer(t, officer, { industry: 'C34' });
    expect((await get(officer, `/employers/${division.id}`)).json()).toMatchObject({ industry: 'C34' });
    for (const industry of ['C99', 'Z', 'T01']) {
      const res = await post(officer, '/employers', {
        name: '行业代码有误公司',
        creditCode: buildCreditCode(),
        regionCode: '140105001001',
        industry,
      });
      expect(res.statusCode, industry).toBe(400);
      expect(res.json().errors, industry).toEqual([expect.objectContaining({ path: '/industry', code: 'UNKNOWN_INDUSTRY' })]);
    }
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/employers/${division.id}`,
      headers: officer,
      payload: { industry: 'C99' },
    });
    expect(edited.json().errors[0]).toMatchObject({ path: '/industry', code: 'UNKNOWN_INDUSTRY' });
    const section = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/employers/${division.id}`,
      headers: officer,
      payload: { industry: 'C' },
    });
    expect(section.json()).toMatchObject({ industry: 'C' });
  });

  it('JOB-1 the list by industry rolls 大类 up to their 门类: C finds employers filed under C and under C34, C34 only those', async () => {
    const section = await createEmployer(t, officer, { industry: 'C' });
    const machinery = await createEmployer(t, officer, { industry: 'C34' });
    const vehicles = await createEmployer(t, officer, { industry: 'C36' });
    const retail = await createEmployer(t, officer, { industry: 'F52' });
    const ids = async (industry: string) =>
      new Set(((await get(officer, `/employers?industry=${industry}&pageSize=100`)).json().items as { id: string }[]).map((e) => e.id));
    const manufacturing = await ids('C');
    for (const e of [section, machinery, vehicles]) expect(manufacturing.has(e.id)).toBe(true);
    expect(manufacturing.has(retail.id)).toBe(false);
    const only34 = await ids('C34');
    expect(only34.has(machinery.id)).toBe(true);
    expect([section, vehicles, retail].some((e) => only34.has(e.id))).toBe(false);
    expect((await ids('F')).has(retail.id)).toBe(true);
  });

  it('JOB-1 hiring and labour-contract filings are recorded per employer', async () => {
    const e = await createEmployer(t, officer);
    const res = await post(officer, `/employers/${e.id}/filings`, {
      kind: 'contract',
      personName: '王五',
      date: '2026-11-01',
      contractEnd: '2029-10-31',
    });
    expect(res.statusCode).toBe(201);
    expect((await get(officer, `/employers/${e.id}/filings`)).json()).toEqual([
      expect.objectContaining({ kind: 'contract', personName: '王五' }),
    ]);
  });

  it('NET-2 a clerk of another district gets 404 reading, editing or reading the filings of an employer', async () => {
    const e = await createEmployer(t, officer);
    const attempts = [
      get(otherDistrict, `/employers/${e.id}`),
      get(otherDistrict, `/employers/${e.id}/filings`),
      t.app.inject({ method: 'PATCH', url: `/api/v1/employers/${e.id}`, headers: otherDistrict, payload: { name: '改名' } }),
    ];
    for (const res of await Promise.all(attempts)) expect(res.statusCode, res.body).toBe(404);
  });
});
