import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staff } from '../../db/schema.js';
import { createStaffMember, factoryPassword, findUnit } from '../../testing/factories.js';
import { createTestApp, loginAs, type TestApp } from '../../testing/testApp.js';

let t: TestApp;
let admin: { authorization: string };
let districtAdmin: { authorization: string };

interface Staff {
  id: string;
  username: string;
  phone: string | null;
  roles: string[];
}

async function staffNamed(username: string): Promise<Staff> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/staff?q=${username}`, headers: admin });
  return (res.json() as { items: Staff[] }).items.find((s) => s.username === username)!;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
  districtAdmin = await loginAs(t.app, 'xiaodian_admin');
});
afterAll(() => t.close());

describe('NET-1 staff accounts', () => {
  it('NET-1 a district admin creates a clerk in a street office of the district, who can log in', async () => {
    const office = await findUnit(t, '140105002000');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: districtAdmin,
      payload: {
        username: 'yingpan_clerk2',
        name: '张伟',
        unitId: office.id,
        roles: ['clerk'],
        password: 'Clerk12345',
        phone: '13812345678',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'yingpan_clerk2', scope: '140105002', roles: ['clerk'], phone: '138****5678' });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'yingpan_clerk2', password: 'Clerk12345' },
    });
    expect(login.json()).toMatchObject({ user: { scope: '140105002', roles: ['clerk'] } });
  });

  it('NET-1 a username is unique (409 CONFLICT on /username)', async () => {
    const office = await findUnit(t, '140105002000');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: districtAdmin,
      payload: { username: 'xiaodian_clerk', name: '重名', unitId: office.id, roles: ['clerk'], password: 'Clerk12345' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONFLICT', errors: [{ path: '/username' }] });
  });

  it('NET-1 a weak password is refused with a field error', async () => {
    const office = await findUnit(t, '140105002000');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: districtAdmin,
      payload: { username: 'weakpw', name: '弱密码', unitId: office.id, roles: ['clerk'], password: 'abcdefgh' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/password', code: 'WEAK_PASSWORD' }] });
  });

  it('NET-2 creating a staff member in a unit of another district answers 403 OUT_OF_JURISDICTION', async () => {
    const other = await findUnit(t, '140106000000');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: districtAdmin,
      payload: { username: 'intruder', name: '越权', unitId: other.id, roles: ['clerk'], password: 'Clerk12345' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'OUT_OF_JURISDICTION' });
  });

  it('NET-2 a street clerk gets 404 for a staff record of another street', async () => {
    const clerk = await loginAs(t.app, 's140105001_clerk');
    const other = await staffNamed('s140105002_clerk');
    for (const req of [
      { method: 'GET' as const, url: `/api/v1/staff/${other.id}` },
      { method: 'PATCH' as const, url: `/api/v1/staff/${other.id}`, payload: { name: 'x' } },
    ]) {
      const res = await t.app.inject({ ...req, headers: clerk });
      expect([403, 404]).toContain(res.statusCode);
    }
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/staff/${other.id}`, headers: clerk });
    expect(read.statusCode).toBe(404);
  });

  it('NET-2 a district admin gets 404 for staff of another district, reading, editing and revealing', async () => {
    const other = await staffNamed('yingze_clerk');
    for (const req of [
      { method: 'GET' as const, url: `/api/v1/staff/${other.id}` },
      { method: 'PATCH' as const, url: `/api/v1/staff/${other.id}`, payload: { disabled: true } },
      { method: 'POST' as const, url: `/api/v1/staff/${other.id}/reveal`, payload: { fields: ['phone'], reason: '核实身份' } },
    ]) {
      const res = await t.app.inject({ ...req, headers: districtAdmin });
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(404);
    }
  });

  it('NET-1 disabling a staff member ends their session on the next request', async () => {
    const target = await createStaffMember(t, { regionCode: '140105001001', roles: ['clerk'] });
    const victim = target.auth;
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: victim })).statusCode).toBe(200);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/${target.id}`,
      headers: districtAdmin,
      payload: { disabled: true },
    });
    expect(res.statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: victim });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const relogin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: target.username, password: factoryPassword },
    });
    expect(relogin.statusCode).toBe(401);
    // The right password of a disabled account gets the same answer as a wrong one (ASVS V6).
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: target.username, password: 'Wrong12345' },
    });
    expect(relogin.json().detail).toBe(wrong.json().detail);
  });

  it("NET-1 changing roles ends the member's sessions; renaming does not", async () => {
    const target = await createStaffMember(t, { regionCode: '140105001002', roles: ['clerk'] });
    const session = target.auth;
    await t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${target.id}`, headers: districtAdmin, payload: { name: '改名后' } });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session })).statusCode).toBe(200);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/${target.id}`,
      headers: districtAdmin,
      payload: { roles: ['clerk', 'job_officer'] },
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session })).statusCode).toBe(401);
  });

  it('NET-1 an admin cannot disable their own account', async () => {
    const me = await staffNamed('xiaodian_admin');
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${me.id}`, headers: districtAdmin, payload: { disabled: true } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'RULE_VIOLATION' });
  });
});

describe('SYS-3 sealed personal data', () => {
  it('SYS-3 the database holds no phone number in clear text', async () => {
    await createStaffMember(t, { regionCode: '140105002000', roles: ['clerk'], phone: '13812345679' });
    const rows = await t.handle.db.select().from(staff);
    const raw = JSON.stringify(rows);
    expect(raw).not.toContain('13812345679');
    expect(raw).not.toContain('13903510001');
    const sealed = rows.find((r) => r.username === 'taiyuan_admin')!;
    expect(sealed.phoneSealed).toMatch(/^v1\./);
    expect(t.sealer.open('phone', sealed.phoneSealed!)).toBe('13903510001');
  });

  it('SYS-3 a phone is masked in responses and revealed only with a reason, and the reveal is audited', async () => {
    const target = await staffNamed('taiyuan_admin');
    expect(target.phone).toBe('139****0001');
    const noReason = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/${target.id}/reveal`,
      headers: admin,
      payload: { fields: ['phone'] },
    });
    expect(noReason.statusCode).toBe(400);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/${target.id}/reveal`,
      headers: admin,
      payload: { fields: ['phone'], reason: '联系本人核实账号' },
    });
    expect(res.json()).toEqual({ phone: '13903510001' });
    const audit = await t.app.inject({ method: 'GET', url: `/api/v1/audit?action=reveal&entityId=${target.id}`, headers: admin });
    expect(audit.json()).toMatchObject({ total: 1, items: [{ reason: '联系本人核实账号', actorUsername: 'admin' }] });
  });

  it('SYS-3 a clerk may not reveal (403 FORBIDDEN)', async () => {
    const clerk = await loginAs(t.app, 'xiaodian_clerk');
    const target = await staffNamed('s140105001_clerk');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/${target.id}/reveal`,
      headers: clerk,
      payload: { fields: ['phone'], reason: '好奇' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('SYS-3 the staff row stores a blind index for exact phone look-up', async () => {
    const [row] = await t.handle.db
      .select()
      .from(staff)
      .where(eq(staff.phoneIndex, t.sealer.blindIndex('phone', '13903510001')));
    expect(row?.username).toBe('taiyuan_admin');
  });
});
