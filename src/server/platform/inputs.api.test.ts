// SYS-3 (issue 10): no input is a 500. Each hostile input found by the security probe answers
// 400 problem+json naming the field, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAppError } from '../app.js';
import { buildIdNumber, createEmployer, createPerson, type Auth } from '../testing/factories.js';
import { ledgerXlsx, makeLedgerRows } from '../testing/ledgerFile.js';
import { createTestApp, loginAs, type TestApp } from '../testing/testApp.js';

let t: TestApp;
let admin: Auth;
beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
});
afterAll(() => t.close());

const send = (method: 'POST' | 'PATCH' | 'GET', url: string, payload?: unknown, headers: Record<string, string> = admin) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...headers, ...(typeof payload === 'string' ? { 'content-type': 'application/json' } : {}) },
    ...(payload === undefined ? {} : { payload: payload as string }),
  });

/** Expects a 400 VALIDATION_FAILED problem whose errors name `path`. */
function expectFieldError(res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }, path: string) {
  expect(res.statusCode).toBe(400);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json() as { code: string; errors: { path: string }[] };
  expect(body.code).toBe('VALIDATION_FAILED');
  expect(body.errors.map((e) => e.path)).toContain(path);
}

const person = (over: Record<string, unknown> = {}) => ({
  idNumber: buildIdNumber(),
  name: '王小明',
  regionCode: '140105001001',
  householdType: 'urban',
  ...over,
});

describe('SYS-3 control characters', () => {
  it('SYS-3 a NUL in the staff login (no session) is a 400 naming the field, not a 500', async () => {
    expectFieldError(await send('POST', '/auth/login', { username: 'ad\u0000min', password: 'x' }, {}), '/username');
    expectFieldError(await send('POST', '/auth/login', { username: 'admin', password: 'pa\u0000ss' }, {}), '/password');
  });

  it('SYS-3 NUL and other control characters in public sign-up and login are refused per field', async () => {
    expectFieldError(
      await send('POST', '/public/accounts/login', { kind: 'seeker', phone: '13800138000', password: 'a\u0000b' }, {}),
      '/password',
    );
    const seeker = { phone: '13800138001', password: 'Secret1234', idNumber: buildIdNumber(), name: '王\u0007小明' };
    expectFieldError(await send('POST', '/public/accounts/seekers', seeker, {}), '/name');
  });

  it('SYS-3 a control character in any string of a body, nested or in a key, is a 400 naming where it is', async () => {
    expectFieldError(await send('POST', '/persons', person({ name: '王\u0000明' })), '/name');
    expectFieldError(await send('POST', '/persons', person({ skills: ['焊工', 'a\u0000'] })), '/skills/1');
    expectFieldError(await send('POST', '/persons', person({ jobWishes: { hours: '白\u001b班' } })), '/jobWishes/hours');
    expectFieldError(await send('POST', '/persons', person({ address: 'x\u0085y' })), '/address');
  });

  it('SYS-3 a control character in a query string is a 400 naming the parameter', async () => {
    expectFieldError(await send('GET', '/persons?q=%00'), '/q');
    expectFieldError(await send('GET', '/public/vacancies?q=%E7%84%8A%00', undefined, {}), '/q');
  });

  it('SYS-3 a name on one line may not hold a line break; free text may', async () => {
    expectFieldError(await send('POST', '/persons', person({ name: '王\n小明' })), '/name');
    const employer = await createEmployer(t, admin, { description: '第一行\n第二行\t（制表）' });
    expect(employer.id).toBeTruthy();
  });
});

describe('SYS-3 paging and numbers', () => {
  it('SYS-3 page=1e20 and an oversized pageSize are 400 on staff lists and the public board, not 500', async () => {
    for (const url of ['/persons?page=1e20', '/employers?page=1e20', '/vacancies?page=1e20', '/units?pageSize=1e9']) {
      expectFieldError(await send('GET', url), url.includes('pageSize') ? '/pageSize' : '/page');
    }
    expectFieldError(await send('GET', '/public/vacancies?page=1e20', undefined, {}), '/page');
    expectFieldError(await send('GET', '/public/vacancies?page=1&pageSize=1000000', undefined, {}), '/pageSize');
    // A far but possible page still answers, with no rows.
    const res = await send('GET', '/public/vacancies?page=10000000&pageSize=100', undefined, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ items: [], page: 10_000_000 });
  });

  it('SYS-3 an integer beyond PostgreSQL integer in a query or body is a 400, not a database error', async () => {
    expectFieldError(await send('GET', '/public/vacancies?wageMin=100000000000', undefined, {}), '/wageMin');
    expectFieldError(await send('POST', '/persons', person({ jobWishes: { wageMinFen: 1e12 } })), '/jobWishes/wageMinFen');
  });
});

describe('SYS-3 shapes', () => {
  it('SYS-3 an array where a string is expected is refused, not unwrapped', async () => {
    expectFieldError(await send('POST', '/persons', person({ name: ['王小明'] })), '/name');
    expectFieldError(await send('POST', '/persons', person({ skills: [['焊工']] })), '/skills/0');
  });

  it('SYS-3 a PATCH with nothing to change is a 400 on every record type, also when it names only unknown fields', async () => {
    const someone = await createPerson(t, admin);
    const employer = await createEmployer(t, admin);
    const units = (await send('GET', '/units?pageSize=1')).json() as { items: { id: string }[] };
    for (const url of [`/persons/${someone.id}`, `/employers/${employer.id}`, `/units/${units.items[0]!.id}`]) {
      const empty = await send('PATCH', url, {});
      expect(empty.statusCode).toBe(400);
      expect(empty.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ code: 'MINPROPERTIES' }] });
      const unknown = await send('PATCH', url, { noSuchField: 1 });
      expect(unknown.statusCode).toBe(400);
    }
  });

  it('SYS-3 a 5,000-deep JSON body is a 400 before anything parses it recursively', async () => {
    for (const body of ['['.repeat(5_000) + ']'.repeat(5_000), `{"name":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_001)}`]) {
      const res = await send('POST', '/persons', body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/', code: 'MAX_DEPTH' }] });
    }
  });

  it('SYS-3 a JSON body over the size limit is refused as a problem, not parsed', async () => {
    const res = await send('POST', '/persons', JSON.stringify(person({ address: 'x'.repeat(2 * 1024 * 1024) })));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/', code: 'BODY_TOO_LARGE' }] });
  });

  it('SYS-3 job wishes are a closed object: unknown keys are not stored, sizes are bounded', async () => {
    const res = await send('POST', '/persons', person({ jobWishes: { hours: '白班', injected: 'x'.repeat(1_000) } }));
    expect(res.statusCode).toBe(201);
    expect(res.json().jobWishes).toEqual({ hours: '白班' });
    expectFieldError(await send('POST', '/persons', person({ jobWishes: { keywords: Array(11).fill('焊') } })), '/jobWishes/keywords');
  });
});

describe('SYS-3 names and dates', () => {
  it('SYS-3 a name of only spaces or zero-width characters is not a name', async () => {
    for (const name of ['   ', '　　', '\u200b\u200b', ' \u200d '])
      expectFieldError(await send('POST', '/persons', person({ name })), '/name');
    expectFieldError(await send('POST', '/employers', { name: ' \u200b ', creditCode: 'x', regionCode: '140105001001' }), '/name');
    expectFieldError(await send('POST', '/units', { name: '  ', regionCode: '140105001001', type: 'community_station' }), '/name');
    // Two visible characters are needed where two are asked for: one and a space is not enough.
    expectFieldError(await send('POST', '/vacancy-surveys', { name: '调 ', year: 2026, dueDate: '2026-12-31' }), '/name');
  });

  it('SYS-3 REG-7 a date of 2026-02-30, entered or imported, is refused for its field or row instead of a 500', async () => {
    expectFieldError(await send('POST', '/vacancy-surveys', { name: '空岗调查', year: 2026, dueDate: '2026-02-30' }), '/dueDate');
    const rows = makeLedgerRows(2, ['140105001001'], 7);
    rows[1] = { ...rows[1]!, registration: '失业', registrationDate: '2026-02-30' };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/persons/import',
      headers: { ...admin, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      payload: await ledgerXlsx(rows),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', rejectedCount: 1, errors: [{ path: '/rows/3' }] });
  });
});

describe('SYS-3 database errors are the input’s fault, not the server’s', () => {
  it('SYS-3 data exceptions (bad text for a type, out of range, NUL byte, too deep) map to 400 VALIDATION_FAILED', () => {
    for (const code of ['22P02', '22003', '22008', '22021', '54001']) {
      expect(toAppError({ code }).status).toBe(400);
      expect(toAppError({ message: 'Failed query', cause: { code } }).code).toBe('VALIDATION_FAILED');
    }
    expect(toAppError({ code: '42P01' }).status).toBe(500);
    expect(toAppError(new Error('boom')).status).toBe(500);
  });
});
