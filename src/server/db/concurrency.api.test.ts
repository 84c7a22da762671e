import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../platform/audit.js';
import { createTestApp, loginAs, queryRows, type TestApp } from '../testing/testApp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());

describe('concurrent writes queue their transactions and never interleave', () => {
  it('40 concurrent audited writes all land, the audit chain stays unbroken, and a failing write leaves nothing', async () => {
    const headers = await loginAs(t.app, 'admin');
    const streets = (await t.app.inject({ method: 'GET', url: '/api/v1/regions?parent=140105000000', headers })).json() as {
      code: string;
    }[];
    const requests = Array.from({ length: 40 }, (_, i) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers,
        payload: { name: `并发测试事务所${i}`, regionCode: streets[i % streets.length]!.code, type: 'street_office' },
      }),
    );
    // One request that passes validation but fails inside its transaction (duplicate name).
    requests.push(
      t.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers,
        payload: { name: '并发测试事务所0', regionCode: streets[0]!.code, type: 'street_office' },
      }),
    );
    const results = await Promise.all(requests);
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(40);
    expect(statuses.filter((s) => s === 409)).toHaveLength(1);
    const [count] = await queryRows<{ n: number }>(
      t.handle.db,
      sql`SELECT count(*)::int AS n FROM units WHERE name LIKE '并发测试事务所%'`,
    );
    expect(Number(count!.n)).toBe(40);
    const [audits] = await queryRows<{ n: number }>(
      t.handle.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'unit' AND action = 'create'`,
    );
    expect(Number(audits!.n)).toBe(40);
    expect(await verifyAuditChain(t.handle.db)).toMatchObject({ ok: true });
  });
});
