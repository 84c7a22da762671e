import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffMember, findUnit, type Unit } from '../../testing/factories.js';
import { createTestApp, loginAs, type TestApp } from '../../testing/testApp.js';

let t: TestApp;
let streetClerk: { authorization: string };
let streetAdmin: { authorization: string };
let districtAdmin: { authorization: string };

beforeAll(async () => {
  t = await createTestApp();
  streetClerk = (await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk'] })).auth;
  districtAdmin = (await createStaffMember(t, { regionCode: '140105000000', roles: ['admin'] })).auth;
  // A street-level admin of 坞城街道 (140105001).
  streetAdmin = (await createStaffMember(t, { regionCode: '140105001000', roles: ['admin'] })).auth;
});
afterAll(() => t.close());

describe('NET-1 units of the four-level network', () => {
  it('NET-1 the demo region has units at city, district, street and community level', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/units?pageSize=100', headers: await loginAs(t.app, 'admin') });
    const scopes = (res.json() as { items: Unit[] }).items.map((u) => u.scope.length);
    expect(new Set(scopes)).toEqual(new Set([4, 6, 9, 12]));
  });

  it('NET-1 a district admin creates a street office at a street of their district', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: districtAdmin,
      payload: { name: '平阳路街道劳动保障事务所', regionCode: '140105004000', type: 'street_office' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ regionCode: '140105004000', scope: '140105004', type: 'street_office', regionName: '平阳路街道' });
  });

  it('NET-1 a street office must sit at a street-level region', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: districtAdmin,
      payload: { name: '错误层级事务所', regionCode: '140105000000', type: 'street_office' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/type' }] });
  });

  it('NET-1 a region code that does not exist is refused with INVALID_REGION', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: districtAdmin,
      payload: { name: '不存在街道事务所', regionCode: '140105999000', type: 'street_office' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_REGION', errors: [{ path: '/regionCode' }] });
  });

  it('NET-1 two units of one region may not share a name (409 CONFLICT)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: districtAdmin,
      payload: { name: '小店区就业服务中心', regionCode: '140105000000', type: 'employment_centre' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONFLICT' });
  });

  it('NET-1 an address set on a unit is cleared with null (not stored as an empty string)', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: districtAdmin,
      payload: { name: '清空地址测试站', regionCode: '140105003001', type: 'community_station', address: '山针路 1 号' },
    });
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${created.json().id}`,
      headers: districtAdmin,
      payload: { address: null },
    });
    expect(res.json().address).toBeNull();
  });

  it('NET-1 a clerk without the admin role may not create units (403 FORBIDDEN)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: streetClerk,
      payload: { name: '某社区工作站', regionCode: '140105001001', type: 'community_station' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('NET-2 jurisdiction by region-code prefix', () => {
  it('NET-2 a street clerk lists only units of their own street', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/units?pageSize=100', headers: streetClerk });
    const items = (res.json() as { items: Unit[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((u) => u.regionCode.startsWith('140105001'))).toBe(true);
  });

  it('NET-2 a street staff member gets 404 for a unit of another street, the same answer as a missing one', async () => {
    const other = await findUnit(t, '140105002000');
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/units/${other.id}`, headers: streetClerk });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/units/00000000-0000-4000-8000-000000000000', headers: streetClerk });
    expect(missing.json().detail).toBe(res.json().detail);
  });

  it('NET-2 a user of another district gets 404 when editing a unit', async () => {
    const other = await findUnit(t, '140106000000');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${other.id}`,
      headers: districtAdmin,
      payload: { name: '改名' },
    });
    expect(res.statusCode).toBe(404);
  });

  it('NET-2 a street admin creating a unit in another street gets 403 OUT_OF_JURISDICTION', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: streetAdmin,
      payload: { name: '营盘某社区工作站', regionCode: '140105002001', type: 'community_station' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'OUT_OF_JURISDICTION' });
  });

  it('NET-2 a street admin creates a community station in their own street', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: streetAdmin,
      payload: { name: '坞城第四社区工作站', regionCode: '140105001004', type: 'community_station' },
    });
    expect(res.statusCode).toBe(201);
  });

  it('NET-2 parentScope narrows the list inside the caller scope but never widens it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/units?parentScope=140106&pageSize=100', headers: districtAdmin });
    expect((res.json() as { total: number }).total).toBe(0);
    const own = await t.app.inject({ method: 'GET', url: '/api/v1/units?parentScope=140105001&pageSize=100', headers: districtAdmin });
    expect((own.json() as { items: Unit[] }).items.every((u) => u.scope.startsWith('140105001'))).toBe(true);
  });

  it('REG-7 the unit list exports to Excel with the same filters', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/units?format=xlsx&parentScope=140105001', headers: districtAdmin });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).text).toBe('机构名称');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/units?parentScope=140105001&pageSize=100', headers: districtAdmin });
    expect(ws.rowCount - 1).toBe((list.json() as { total: number }).total);
  });
});

describe('DESIGN idea 5: retried writes with an Idempotency-Key happen once', () => {
  it('a retry with the same key and body returns the first response and creates nothing more', async () => {
    const headers = { ...districtAdmin, 'idempotency-key': 'unit-create-0001' };
    const payload = { name: '幂等测试工作站', regionCode: '140105002002', type: 'community_station' };
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers, payload });
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers, payload });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/units?q=${encodeURIComponent('幂等测试')}`, headers: districtAdmin });
    expect(list.json().total).toBe(1);
  });

  it('the same key with another body answers 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const headers = { ...districtAdmin, 'idempotency-key': 'unit-create-0003' };
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/units',
          headers,
          payload: { name: '首次请求工作站', regionCode: '140105002002', type: 'community_station' },
        })
      ).statusCode,
    ).toBe(201);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers,
      payload: { name: '另一个工作站', regionCode: '140105002002', type: 'community_station' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('a failed first attempt frees the key for a corrected retry', async () => {
    const existing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: districtAdmin,
      payload: { name: '占用名称工作站', regionCode: '140105002003', type: 'community_station' },
    });
    const headers = { ...districtAdmin, 'idempotency-key': 'unit-create-0002' };
    const payload = { name: '占用名称工作站', regionCode: '140105002003', type: 'community_station' };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/units', headers, payload })).statusCode).toBe(409);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${existing.json().id}`,
      headers: districtAdmin,
      payload: { name: '已改名工作站' },
    });
    const retry = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers, payload });
    expect(retry.statusCode).toBe(201);
  });
});
