import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildIdNumber, createPerson, createStaffMember, type Auth, type StaffMember } from '../../testing/factories.js';
import { createTestApp, loginAs, queryRows, type TestApp } from '../../testing/testApp.js';

let t: TestApp;
let clerk: StaffMember; // a clerk of 坞城街道 (140105001)
let reviewer: StaffMember; // a reviewer of 小店区 (140105)
let otherStreet: StaffMember; // a clerk and reviewer of 营盘街道 (140105002)
let otherDistrict: StaffMember; // a clerk and reviewer of 迎泽区 (140106)
let admin: Auth;
const today = '2026-11-23';

const categoriesOf = (personId: string, headers: Auth = reviewer.auth) =>
  t.app.inject({ method: 'GET', url: `/api/v1/persons/${personId}/categories`, headers });
const recognise = (personId: string, payload: object, headers: Auth = reviewer.auth) =>
  t.app.inject({ method: 'POST', url: `/api/v1/persons/${personId}/categories`, headers, payload });
const revoke = (id: string, reason: string, headers: Auth = reviewer.auth) =>
  t.app.inject({ method: 'POST', url: `/api/v1/assistance/recognitions/${id}/revoke`, headers, payload: { reason } });
const register = (personId: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/v1/persons/${personId}/registrations`, headers: clerk.auth, payload });

/** A person of 坞城街道 born on a date, registered unemployed from `unemployedSince` unless null. */
function person(sex: 'M' | 'F', birthDate: string, over: Record<string, unknown> = {}) {
  return createPerson(t, clerk.auth, {
    idNumber: buildIdNumber({ birthDate, sex }),
    unemployedSince: '2026-03-01',
    ...over,
  });
}

interface Categories {
  proposed: { category: string; reasons: { rule: string; source: string; detail: string }[] }[];
  recognised: { id: string; category: string; recognisedOn: string; validUntil: string | null; evidence: string }[];
  history: { id: string; category: string; status: string; revokedOn: string | null; revokedReason: string | null }[];
  assessed: { category: string; met: boolean }[];
}

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T04:00:00Z`) });
  clerk = await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk'] });
  reviewer = await createStaffMember(t, { regionCode: '140105000000', roles: ['reviewer'] });
  otherStreet = await createStaffMember(t, { regionCode: '140105002000', roles: ['clerk', 'reviewer'] });
  otherDistrict = await createStaffMember(t, { regionCode: '140106000000', roles: ['clerk', 'reviewer'] });
  admin = await loginAs(t.app, 'admin');
});
afterAll(() => t.close());

describe('AID-1 recognition of hard-to-employ persons', () => {
  it('AID-1 a 41-year-old registered unemployed woman is proposed as person_4050 and a 45-year-old man is not', async () => {
    const woman = await person('F', '1985-06-01');
    const man = await person('M', '1981-06-01');
    const hers = (await categoriesOf(woman.id)).json() as Categories;
    expect(hers.proposed.map((p) => p.category)).toEqual(['person_4050']);
    expect(hers.proposed[0]!.reasons).toEqual([
      expect.objectContaining({ rule: 'person_4050.registered_unemployed' }),
      expect.objectContaining({ rule: 'person_4050.min_age_female', source: expect.stringContaining('中发〔2002〕12号') }),
    ]);
    expect(hers.proposed[0]!.reasons[1]!.detail).toContain('41');
    expect(hers.recognised).toEqual([]);
    const his = (await categoriesOf(man.id)).json() as Categories;
    expect(his.proposed).toEqual([]);
    expect(his.assessed.find((a) => a.category === 'person_4050')).toMatchObject({ met: false });
  });

  it('AID-1 recognising him without an override is 422 RULE_VIOLATION', async () => {
    const man = await person('M', '1981-06-01');
    const res = await recognise(man.id, { category: 'person_4050', evidence: '身份证、失业登记' });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'RULE_VIOLATION',
      errors: [{ path: '/category', code: 'RULE_NOT_MET' }],
      reasons: expect.arrayContaining([expect.objectContaining({ rule: 'person_4050.min_age_male' })]),
    });
    expect(res.json().detail).toContain('未达到 50 周岁');
    const blank = await recognise(man.id, { category: 'person_4050', evidence: '身份证', overrideReason: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors).toEqual([expect.objectContaining({ path: '/overrideReason' })]);
    expect(((await categoriesOf(man.id)).json() as Categories).recognised).toEqual([]);
  });

  it('AID-1 recognising him with an override reason is recorded, and the audit row keeps the reason', async () => {
    const man = await person('M', '1981-06-01');
    const res = await recognise(man.id, {
      category: 'person_4050',
      evidence: '街道审核表',
      overrideReason: '长期病休，经街道会审确认就业困难',
    });
    expect(res.statusCode).toBe(201);
    const recognition = res.json();
    expect(recognition).toMatchObject({
      category: 'person_4050',
      recognisedOn: today,
      status: 'active',
      overrideReason: '长期病休，经街道会审确认就业困难',
    });
    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit?entity=hard_to_employ_recognition&entityId=${recognition.id}`,
      headers: admin,
    });
    expect(audit.json().items).toEqual([
      expect.objectContaining({ action: 'recognise_override', reason: '长期病休，经街道会审确认就业困难' }),
    ]);
  });

  it('AID-1 a reviewer recognises the proposal with its evidence; a second active recognition is 409; a clerk may not recognise', async () => {
    const woman = await person('F', '1985-06-01');
    expect((await recognise(woman.id, { category: 'person_4050', evidence: '身份证' }, clerk.auth)).statusCode).toBe(403);
    const res = await recognise(woman.id, { category: 'person_4050', evidence: '身份证、就业失业登记证', validUntil: '2027-11-22' });
    expect(res.statusCode).toBe(201);
    const after = (await categoriesOf(woman.id)).json() as Categories;
    expect(after.proposed).toEqual([]);
    expect(after.recognised).toEqual([
      expect.objectContaining({
        id: res.json().id,
        category: 'person_4050',
        recognisedOn: today,
        validUntil: '2027-11-22',
        evidence: '身份证、就业失业登记证',
      }),
    ]);
    const again = await recognise(woman.id, { category: 'person_4050', evidence: '身份证' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CONFLICT', errors: [{ path: '/category', code: 'ALREADY_RECOGNISED' }] });
  });

  it('AID-1 an employment registration revokes person_4050 in its transaction; the history is kept and the match priority ends', async () => {
    const woman = await person('F', '1980-01-10', { skills: ['保洁'] });
    const recognised = (await recognise(woman.id, { category: 'person_4050', evidence: '身份证', recognisedOn: '2026-11-01' })).json();
    const priority = async () =>
      (
        await queryRows<{ priority: boolean }>(t.handle.db, sql`SELECT priority FROM seeker_match_profiles WHERE person_id = ${woman.id}`)
      )[0]?.priority;
    expect(await priority()).toBe(true);
    expect((await register(woman.id, { type: 'employment', date: '2026-11-20', employerName: '太原保洁公司' })).statusCode).toBe(201);
    const after = (await categoriesOf(woman.id)).json() as Categories;
    expect(after.recognised).toEqual([]);
    expect(after.proposed).toEqual([]);
    expect(after.history).toEqual([
      expect.objectContaining({
        id: recognised.id,
        status: 'revoked',
        revokedOn: '2026-11-20',
        revokedReason: expect.stringContaining('登记就业'),
      }),
    ]);
    expect(await priority()).toBeUndefined(); // employed: no longer a seeker at all
    const rows = await queryRows<{ n: number }>(
      t.handle.db,
      sql`SELECT count(*)::int AS n FROM hard_to_employ_recognitions WHERE person_id = ${woman.id}`,
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('AID-1 a reviewer revokes with a reason (kept in the history, priority ends); revoking twice is 409; a clerk may not', async () => {
    const woman = await person('F', '1982-02-02', { skills: ['保洁'] });
    const id = (await recognise(woman.id, { category: 'person_4050', evidence: '身份证' })).json().id as string;
    expect((await revoke(id, '复核发现已灵活就业', clerk.auth)).statusCode).toBe(403);
    const res = await revoke(id, '复核发现已灵活就业');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'revoked', revokedOn: today, revokedReason: '复核发现已灵活就业' });
    expect((await revoke(id, '再次撤销')).statusCode).toBe(409);
    const after = (await categoriesOf(woman.id)).json() as Categories;
    expect(after.history.map((h) => h.id)).toEqual([id]);
    expect(after.proposed.map((p) => p.category)).toEqual(['person_4050']);
    const [profile] = await queryRows<{ priority: boolean }>(
      t.handle.db,
      sql`SELECT priority FROM seeker_match_profiles WHERE person_id = ${woman.id}`,
    );
    expect(profile!.priority).toBe(false);
  });

  it('AID-1 long_term_unemployed needs 12 months of continuous unemployment as of today', async () => {
    const long = await person('M', '1990-01-01', { unemployedSince: '2025-11-23' });
    const short = await person('M', '1990-01-01', { unemployedSince: '2025-11-24' });
    expect(((await categoriesOf(long.id)).json() as Categories).proposed.map((p) => p.category)).toEqual(['long_term_unemployed']);
    expect(((await categoriesOf(short.id)).json() as Categories).proposed).toEqual([]);
  });

  it('AID-1 a late entry applies the rule as of its own date', async () => {
    // She turned 40 on 2026-10-01.
    const woman = await person('F', '1986-10-01');
    const early = await recognise(woman.id, { category: 'person_4050', evidence: '补录', recognisedOn: '2026-09-30' });
    expect(early.statusCode).toBe(422);
    const onTime = await recognise(woman.id, { category: 'person_4050', evidence: '补录', recognisedOn: '2026-10-01' });
    expect(onTime.statusCode).toBe(201);
    expect(onTime.json().recognisedOn).toBe('2026-10-01');
    const future = await recognise(woman.id, { category: 'disabled', evidence: '残疾人证', recognisedOn: '2026-11-24' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([expect.objectContaining({ path: '/recognisedOn' })]);
  });

  it('AID-1 a late entry whose unemployment has ended since is kept as history, revoked from the employment day', async () => {
    const woman = await person('F', '1978-05-05', { unemployedSince: '2026-02-01' });
    expect((await register(woman.id, { type: 'employment', date: '2026-09-15', employerName: '超市' })).statusCode).toBe(201);
    const res = await recognise(woman.id, { category: 'person_4050', evidence: '补录：2026年3月认定表', recognisedOn: '2026-03-10' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ recognisedOn: '2026-03-10', status: 'revoked', revokedOn: '2026-09-15' });
    const after = (await categoriesOf(woman.id)).json() as Categories;
    expect(after.recognised).toEqual([]);
    expect(after.history).toEqual([expect.objectContaining({ status: 'revoked', revokedOn: '2026-09-15' })]);
  });

  it('AID-1 evidence categories are proposed from the fact recorded on the person; a graduate within the window is proposed', async () => {
    const disabled = await person('M', '1990-05-05', { disability: '肢体三级', categories: ['低保'], unemployedSince: undefined });
    const proposed = ((await categoriesOf(disabled.id)).json() as Categories).proposed.map((p) => p.category);
    expect(proposed).toEqual(['disabled', 'minimum_living_allowance']);
    const graduate = await person('F', '2003-07-01', { graduationYear: 2026, unemployedSince: '2026-08-01' });
    const old = await person('F', '1998-07-01', { graduationYear: 2020, unemployedSince: '2026-08-01' });
    expect(((await categoriesOf(graduate.id)).json() as Categories).proposed.map((p) => p.category)).toEqual(['graduate_unemployed']);
    expect(((await categoriesOf(old.id)).json() as Categories).proposed).toEqual([]);
  });

  it('AID-1 a member of a zero-employment household is proposed; when a member finds work every member recognition is revoked', async () => {
    const a = await person('M', '1988-01-01');
    const b = await person('F', '1989-01-01');
    const household = await t.app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: clerk.auth,
      payload: { regionCode: '140105001001', memberIds: [a.id, b.id] },
    });
    expect(household.json().zeroEmployment).toBe(true);
    expect(((await categoriesOf(a.id)).json() as Categories).proposed.map((p) => p.category)).toEqual(['zero_employment_household']);
    const ra = (await recognise(a.id, { category: 'zero_employment_household', evidence: '入户核查' })).json().id;
    const rb = (await recognise(b.id, { category: 'zero_employment_household', evidence: '入户核查' })).json().id;
    expect((await register(b.id, { type: 'employment', date: '2026-11-21', employerName: '社区超市' })).statusCode).toBe(201);
    for (const [p, id] of [
      [a.id, ra],
      [b.id, rb],
    ]) {
      const c = (await categoriesOf(p!)).json() as Categories;
      expect(c.recognised).toEqual([]);
      // Recognised today, after the backdated employment: the revocation is not dated before the recognition.
      expect(c.history).toEqual([expect.objectContaining({ id, status: 'revoked', revokedOn: today })]);
    }
  });

  it('AID-1 a member leaving the household loses the recognition; the household ceasing to be zero-employment ends the others', async () => {
    const a = await person('M', '1986-01-01');
    const b = await person('F', '1987-01-01');
    const household = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/households',
        headers: clerk.auth,
        payload: { regionCode: '140105001001', memberIds: [a.id, b.id] },
      })
    ).json();
    const ra = (await recognise(a.id, { category: 'zero_employment_household', evidence: '入户核查' })).json().id;
    const rb = (await recognise(b.id, { category: 'zero_employment_household', evidence: '入户核查' })).json().id;
    const removed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/households/${household.id}/members/${b.id}/remove`,
      headers: clerk.auth,
      payload: { reason: '迁出本市' },
    });
    expect(removed.json().zeroEmployment).toBe(true);
    expect(((await categoriesOf(b.id)).json() as Categories).history).toEqual([
      expect.objectContaining({ id: rb, status: 'revoked', revokedReason: expect.stringContaining('移出') }),
    ]);
    expect(((await categoriesOf(a.id)).json() as Categories).recognised.map((r) => r.id)).toEqual([ra]);
    const employed = await person('F', '1960-01-01', { unemployedSince: undefined });
    expect((await register(employed.id, { type: 'employment', date: '2026-11-01', employerName: '社区超市' })).statusCode).toBe(201);
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/v1/households/${household.id}/members`,
      headers: clerk.auth,
      payload: { personId: employed.id, relation: 'parent' },
    });
    expect(added.json().zeroEmployment).toBe(false);
    expect(((await categoriesOf(a.id)).json() as Categories).history).toEqual([
      expect.objectContaining({ id: ra, status: 'revoked', revokedReason: expect.stringContaining('不再是零就业家庭') }),
    ]);
  });

  it('AID-1 the overview lists recognitions in scope by category and status, and exports them', async () => {
    const woman = await person('F', '1984-04-04');
    const id = (await recognise(woman.id, { category: 'person_4050', evidence: '身份证' })).json().id;
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/assistance/recognitions?category=person_4050&status=active&regionCode=140105001&pageSize=100',
      headers: clerk.auth,
    });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; category: string; status: string; personName: string }[];
    expect(items.find((i) => i.id === id)).toMatchObject({ personName: woman.name, status: 'active' });
    expect(items.every((i) => i.category === 'person_4050' && i.status === 'active')).toBe(true);
    const elsewhere = await t.app.inject({
      method: 'GET',
      url: '/api/v1/assistance/recognitions?pageSize=100',
      headers: otherDistrict.auth,
    });
    expect((elsewhere.json().items as { id: string }[]).some((i) => i.id === id)).toBe(false);
    const officer = await createStaffMember(t, { regionCode: '140105000000', roles: ['job_officer'] });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/assistance/recognitions', headers: officer.auth })).statusCode).toBe(403);
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/v1/assistance/recognitions?format=xlsx&status=active',
      headers: reviewer.auth,
    });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('AID-1 the recognitions follow a person who moves to another street', async () => {
    const woman = await person('F', '1982-08-08');
    const id = (await recognise(woman.id, { category: 'person_4050', evidence: '身份证' })).json().id as string;
    expect((await categoriesOf(woman.id, otherStreet.auth)).statusCode).toBe(404);
    const districtClerk = await createStaffMember(t, { regionCode: '140105000000', roles: ['clerk'] });
    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/persons/${woman.id}`,
      headers: districtClerk.auth,
      payload: { regionCode: '140105002001' },
    });
    expect(moved.statusCode).toBe(200);
    expect(((await categoriesOf(woman.id, otherStreet.auth)).json() as Categories).recognised.map((r) => r.id)).toEqual([id]);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/assistance/recognitions?pageSize=100', headers: otherStreet.auth });
    expect((list.json().items as { id: string; regionCode: string }[]).find((i) => i.id === id)).toMatchObject({
      regionCode: '140105002001',
    });
  });

  it('NET-2 every id route answers 404 to a user of another street and of another district', async () => {
    const woman = await person('F', '1983-03-03');
    const id = (await recognise(woman.id, { category: 'person_4050', evidence: '身份证' })).json().id as string;
    for (const other of [otherStreet, otherDistrict]) {
      expect((await categoriesOf(woman.id, other.auth)).statusCode).toBe(404);
      expect(
        (await recognise(woman.id, { category: 'disabled', evidence: '残疾人证', overrideReason: '测试' }, other.auth)).statusCode,
      ).toBe(404);
      expect((await revoke(id, '不在辖区', other.auth)).statusCode).toBe(404);
    }
    expect(((await categoriesOf(woman.id)).json() as Categories).recognised).toHaveLength(1);
  });
});

describe('AID-1 the recognitions migration', () => {
  it("AID-1 today's free-text categories become recognitions dated from the person's entry (高校毕业生 only while unemployed)", async () => {
    const mixed = await person('F', '1975-01-01', { categories: ['4050人员', '低保', '其他'] });
    const graduate = await person('M', '2003-01-01', { categories: ['高校毕业生'] });
    const employedGraduate = await person('M', '2003-02-02', { categories: ['高校毕业生'], unemployedSince: undefined });
    const migrations = path.resolve(import.meta.dirname, '../../db/migrations');
    // Found by name, not number: migrations are renumbered when branches meet.
    const file = fs.readdirSync(migrations).find((f) => f.endsWith('_recognitions.sql'))!;
    const [insert] = fs
      .readFileSync(path.join(migrations, file), 'utf8')
      .split('--> statement-breakpoint')
      .map((s) => s.replace(/^\s*(--.*\n)*/g, '').trim())
      .filter((s) => s.startsWith('INSERT INTO "hard_to_employ_recognitions"'));
    await t.handle.db.transaction(async (tx) => {
      await tx.execute(
        sql`DELETE FROM hard_to_employ_recognitions WHERE person_id IN (${mixed.id}, ${graduate.id}, ${employedGraduate.id})`,
      );
      await tx.execute(sql.raw(`${insert!.replace(/;$/, '')} ON CONFLICT DO NOTHING`));
    });
    const rows = await queryRows<{ person_id: string; category: string; recognised_on: string; evidence: string }>(
      t.handle.db,
      sql`SELECT person_id, category, to_char(recognised_on, 'YYYY-MM-DD') AS recognised_on, evidence FROM hard_to_employ_recognitions
          WHERE person_id IN (${mixed.id}, ${graduate.id}, ${employedGraduate.id}) ORDER BY person_id, category`,
    );
    expect(rows.filter((r) => r.person_id === mixed.id).map((r) => r.category)).toEqual(['minimum_living_allowance', 'person_4050']);
    expect(rows.filter((r) => r.person_id === graduate.id).map((r) => r.category)).toEqual(['graduate_unemployed']);
    expect(rows.some((r) => r.person_id === employedGraduate.id)).toBe(false);
    expect(rows.every((r) => r.recognised_on === today && r.evidence.startsWith('迁移自人员类别'))).toBe(true);
  });
});
