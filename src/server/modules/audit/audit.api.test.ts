import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../platform/audit.js';
import { createStaffMember } from '../../testing/factories.js';
import { createTestApp, loginAs, queryRows, testDbKind, type TestApp } from '../../testing/testApp.js';

const run = promisify(execFile);
let t: TestApp;
let closed = false;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpes-audit-'));

beforeAll(async () => {
  t = await createTestApp({ dataDir: testDbKind === 'pglite' ? dataDir : undefined });
});
afterAll(async () => {
  if (!closed) await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Runs `npm run audit:verify` against the test database. */
async function auditVerifyCli(): Promise<{ code: number; output: string }> {
  const env = { ...process.env, OPENPES_DATA_DIR: dataDir, ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : {}) };
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'audit:verify'], { env, cwd: process.cwd() });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe('SYS-2 audit trail', () => {
  it("SYS-2 every change is audited with who, unit, what before and after, and our own request id (not the client's)", async () => {
    const admin = await loginAs(t.app, 'xiaodian_admin');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { ...admin, 'x-request-id': 'req-audit-1' },
      payload: { name: '北营街道劳动保障事务所二部', regionCode: '140105003000', type: 'street_office' },
    });
    const id = (created.json() as { id: string }).id;
    const requestId = created.headers['x-request-id'];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await t.app.inject({ method: 'PATCH', url: `/api/v1/units/${id}`, headers: admin, payload: { address: '北营南路1号' } });
    const auditor = await loginAs(t.app, 'taiyuan_auditor');
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit?entity=unit&entityId=${id}`, headers: auditor });
    const items = (res.json() as { items: Array<Record<string, unknown>> }).items;
    expect(items.map((i) => i.action)).toEqual(['update', 'create']);
    expect(items[1]).toMatchObject({
      actorUsername: 'xiaodian_admin',
      requestId,
      regionCode: '140105003000',
      after: { name: '北营街道劳动保障事务所二部' },
    });
    expect(items[0]).toMatchObject({ before: { address: null }, after: { address: '北营南路1号' } });
  });

  it('SYS-2 only auditors read the audit log (403 for a clerk)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: await loginAs(t.app, 'xiaodian_clerk') });
    expect(res.statusCode).toBe(403);
  });

  it('SYS-2 a district auditor sees only entries of their district', async () => {
    const districtAuditor = await createStaffMember(t, { regionCode: '140105000000', roles: ['auditor'] });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit?pageSize=100', headers: districtAuditor.auth });
    const items = (res.json() as { items: { regionCode: string | null }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.regionCode?.startsWith('140105'))).toBe(true);
  });

  it('SYS-2 the audit list filters by date and exports to Excel', async () => {
    const auditor = await loginAs(t.app, 'taiyuan_auditor');
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/audit?to=2000-01-01', headers: auditor });
    expect((none.json() as { total: number }).total).toBe(0);
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/v1/audit?format=xlsx&entity=unit', headers: auditor });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('.xlsx');
  });

  it('SYS-2 an intact chain verifies; an edited row is found by the API and by npm run audit:verify', async () => {
    const admin = await loginAs(t.app, 'admin');
    const unit = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: admin,
      payload: { name: '篡改测试事务所', regionCode: '140105002000', type: 'street_office' },
    });
    expect(unit.statusCode, unit.body).toBe(201);
    await t.app.inject({ method: 'PATCH', url: `/api/v1/units/${unit.json().id}`, headers: admin, payload: { address: '营盘路1号' } });
    expect(await verifyAuditChain(t.handle.db)).toMatchObject({ ok: true });
    const [row] = await queryRows<{ seq: number }>(
      t.handle.db,
      sql`SELECT seq FROM audit_log WHERE entity = 'unit' AND action = 'update' AND entity_id = ${unit.json().id} ORDER BY seq LIMIT 1`,
    );
    const seq = Number(row!.seq);
    await t.asOwner(sql`UPDATE audit_log SET after = '{"address":"篡改"}'::jsonb WHERE seq = ${seq}`);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: await loginAs(t.app, 'taiyuan_auditor') });
    expect(res.json()).toMatchObject({ ok: false, brokenAt: seq });
    if (testDbKind === 'pglite') {
      // PGlite allows one process at a time: release the data dir to the command line.
      await t.close();
      closed = true;
    }
    const cli = await auditVerifyCli();
    expect(cli.code).toBe(1);
    expect(cli.output).toContain(`第 ${seq} 条`);
  });
});
