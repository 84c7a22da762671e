import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { persons } from '../../db/schema.js';
import { buildIdNumber, createPerson, createStaffMember, createStreetPair } from '../../testing/factories.js';
import { createTestApp, loginAs, type TestApp } from '../../testing/testApp.js';

let t: TestApp;
let clerk: { authorization: string };
let otherStreetClerk: { authorization: string };
let reviewer: { authorization: string };
const today = '2026-11-23';

const person = (idNumber: string, over: Record<string, unknown> = {}) => ({
  idNumber,
  name: '测试人员',
  regionCode: '140105001001',
  householdType: 'urban',
  ...over,
});

async function register(headers: { authorization: string }, body: object) {
  return t.app.inject({ method: 'POST', url: '/api/v1/persons', headers, payload: body });
}

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T04:00:00Z`) });
  const streets = await createStreetPair(t);
  clerk = streets.home.auth;
  otherStreetClerk = streets.other.auth;
  reviewer = (await createStaffMember(t, { regionCode: '140105001000', roles: ['reviewer'] })).auth;
});
afterAll(() => t.close());

describe('REG-2 citizen ID validated by GB 11643', () => {
  it('REG-2 rejects an ID whose check character is wrong', async () => {
    const good = buildIdNumber({ birthDate: '1985-03-12' });
    const bad = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    const res = await register(clerk, person(bad));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_ID_NUMBER', errors: [{ path: '/idNumber', code: 'CHECK_CHARACTER' }] });
  });

  it('REG-2 rejects an impossible birth date and an unknown region', async () => {
    expect((await register(clerk, person(buildIdNumber({ birthDate: '1985-02-30' })))).json()).toMatchObject({
      code: 'INVALID_ID_NUMBER',
      errors: [{ code: 'BIRTH_DATE' }],
    });
    expect((await register(clerk, person(buildIdNumber({ regionCode: '149999', birthDate: '1985-03-12' })))).json()).toMatchObject({
      code: 'INVALID_ID_NUMBER',
      errors: [{ code: 'REGION' }],
    });
  });

  it('REG-2 (property) sex and birth date come from the ID, never typed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.date({ min: new Date('1960-01-01'), max: new Date('2005-12-31'), noInvalidDate: true }),
        fc.boolean(),
        async (birth, male) => {
          const birthDate = birth.toISOString().slice(0, 10);
          const id = buildIdNumber({ birthDate, sex: male ? 'M' : 'F' });
          const res = await register(clerk, person(id, { sex: 'F', birthDate: '2000-01-01' }));
          expect(res.statusCode).toBe(201);
          expect(res.json()).toMatchObject({ sex: male ? 'M' : 'F', birthDate, idNumber: `${id.slice(0, 6)}********${id.slice(14)}` });
        },
      ),
      { numRuns: 15 },
    );
  });

  it('REG-2 a second person with the same ID gets 409 DUPLICATE_PERSON', async () => {
    const id = buildIdNumber({ birthDate: '1979-01-01' });
    expect((await register(clerk, person(id))).statusCode).toBe(201);
    const again = await register(clerk, person(id.toLowerCase(), { name: '另一人' }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'DUPLICATE_PERSON' });
    const elsewhere = await register(otherStreetClerk, person(id, { regionCode: '140105002001' }));
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().personId).toBeUndefined();
  });

  it('REG-2 a 15-digit legacy ID is converted to 18 digits and recorded as converted', async () => {
    const res = await register(clerk, person('140105580101021'));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ birthDate: '1958-01-01', sex: 'M', idConvertedFrom15: true });
  });

  it('SYS-3 the database holds no ID number or phone in clear text; lookup and reveal work', async () => {
    const id = buildIdNumber({ birthDate: '1990-07-07' });
    const created = await register(clerk, person(id, { phone: '13512345678' }));
    const raw = JSON.stringify(await t.handle.db.select().from(persons));
    expect(raw).not.toContain(id);
    expect(raw).not.toContain(id.slice(6, 14) + id.slice(14, 17));
    expect(raw).not.toContain('13512345678');
    const found = await t.app.inject({ method: 'POST', url: '/api/v1/persons/lookup', headers: clerk, payload: { idNumber: id } });
    expect(found.json().id).toBe(created.json().id);
    const notMine = await t.app.inject({
      method: 'POST',
      url: '/api/v1/persons/lookup',
      headers: otherStreetClerk,
      payload: { idNumber: id },
    });
    expect(notMine.statusCode).toBe(404);
    const revealed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/persons/${created.json().id}/reveal`,
      headers: clerk,
      payload: { fields: ['idNumber', 'phone'], reason: '办理失业登记核对' },
    });
    expect(revealed.json()).toEqual({ idNumber: id, phone: '13512345678' });
  });

  it('SYS-2 a reveal needs a real reason: blanks and zero-width characters are refused per field, and nothing is revealed', async () => {
    const created = await register(clerk, person(buildIdNumber({ birthDate: '1991-08-08' })));
    for (const reason of ['  　 ', '\u200b\u200b\u200b', ' 查\u200b ']) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/persons/${created.json().id}/reveal`,
        headers: clerk,
        payload: { fields: ['idNumber'], reason },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/reason', code: 'REASON_REQUIRED' }] });
      expect(res.json()).not.toHaveProperty('idNumber');
    }
  });
});

describe('REG-3 registrations as events; status as of any date', () => {
  it('REG-3 asOf status is right before and after each event and after a correction', async () => {
    const created = await register(clerk, person(buildIdNumber({ birthDate: '1980-05-15' })));
    const id = created.json().id as string;
    const reg = (body: object) =>
      t.app.inject({ method: 'POST', url: `/api/v1/persons/${id}/registrations`, headers: clerk, payload: body });
    const statusOn = async (asOf: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/persons/${id}?asOf=${asOf}`, headers: clerk })).json().employmentStatus;
    expect((await reg({ type: 'employment', date: '2025-03-01', employerName: '太原重工' })).statusCode).toBe(201);
    const refused = await reg({ type: 'unemployment', date: '2025-09-01' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'RULE_VIOLATION' });
    expect((await reg({ type: 'employment_end', date: '2025-08-31', reason: '合同到期' })).statusCode).toBe(201);
    const unemployment = await reg({ type: 'unemployment', date: '2025-09-10' });
    expect(unemployment.statusCode).toBe(201);
    expect(await statusOn('2025-02-28')).toBe('not_registered');
    expect(await statusOn('2025-03-01')).toBe('employed');
    expect(await statusOn('2025-09-09')).toBe('not_registered');
    expect(await statusOn('2025-09-10')).toBe('unemployed');
    const correction = await reg({
      type: 'correction',
      date: today,
      correctsEventId: unemployment.json().id,
      action: 'redate',
      correctedDate: '2025-09-05',
      reason: '登记日期录入错误',
    });
    expect(correction.statusCode).toBe(201);
    expect(await statusOn('2025-09-06')).toBe('unemployed');
    const current = await t.app.inject({ method: 'GET', url: `/api/v1/persons/${id}`, headers: clerk });
    expect(current.json()).toMatchObject({ employmentStatus: 'unemployed', statusSince: '2025-09-05' });
    const events = await t.app.inject({ method: 'GET', url: `/api/v1/persons/${id}/registrations`, headers: clerk });
    expect((events.json() as { type: string }[]).map((e) => e.type)).toEqual([
      'employment',
      'employment_end',
      'unemployment',
      'correction',
    ]);
  });

  it('REG-3 the first unemployment registration issues a 就业失业登记证 number; later ones keep it', async () => {
    const reg = async (id: string, body: object) =>
      (await t.app.inject({ method: 'POST', url: `/api/v1/persons/${id}/registrations`, headers: clerk, payload: body })).json();
    const a = (await register(clerk, person(buildIdNumber({ birthDate: '1983-03-03' })))).json().id as string;
    const b = (await register(clerk, person(buildIdNumber({ birthDate: '1983-03-04' })))).json().id as string;
    const first = await reg(a, { type: 'unemployment', date: '2026-02-01' });
    const second = await reg(b, { type: 'unemployment', date: '2026-02-02' });
    expect(first.certificateNo).toMatch(/^1401052026\d{6}$/);
    expect(Number(second.certificateNo.slice(-6))).toBe(Number(first.certificateNo.slice(-6)) + 1);
    await reg(a, { type: 'employment', date: '2026-03-01' });
    await reg(a, { type: 'employment_end', date: '2026-05-01' });
    expect((await reg(a, { type: 'unemployment', date: '2026-05-02' })).certificateNo).toBeNull();
    const shown = await t.app.inject({ method: 'GET', url: `/api/v1/persons/${a}`, headers: clerk });
    expect(shown.json().certificateNo).toBe(first.certificateNo);
    const cert = (body: object) => t.app.inject({ method: 'POST', url: `/api/v1/persons/${a}/certificate`, headers: clerk, payload: body });
    expect((await cert({ action: 'withdraw', reason: '本人已就业，证件收回' })).json()).toMatchObject({
      certificateNo: first.certificateNo,
      status: 'withdrawn',
    });
    expect((await cert({ action: 'withdraw', reason: '再次收回' })).statusCode).toBe(422);
    const unreviewed = await cert({ action: 'reissue', reason: '再次失业，补发新证' });
    expect(unreviewed.json().errors[0].code, 'AID-5: a withdrawn certificate is issued again only after an eligibility review').toBe(
      'ELIGIBILITY_REVIEW_REQUIRED',
    );
    const review = await t.app.inject({
      method: 'POST',
      url: `/api/v1/persons/${a}/certificate/eligibility-reviews`,
      headers: reviewer,
      payload: { comment: '再次失业，符合条件' },
    });
    expect(review.statusCode, review.body).toBe(201);
    const reissued = (await cert({ action: 'reissue', reason: '再次失业，补发新证' })).json();
    expect(reissued.status).toBe('valid');
    expect(reissued.certificateNo).not.toBe(first.certificateNo);
    expect(reissued.history.map((h: { action: string }) => h.action)).toEqual(['issue', 'withdraw', 'reissue']);
    const other = await t.app.inject({ method: 'GET', url: `/api/v1/persons/${a}/certificate`, headers: otherStreetClerk });
    expect(other.statusCode).toBe(404);
  });

  it('REG-6 community-managed retirees are listed on their own', async () => {
    await register(clerk, person(buildIdNumber({ birthDate: '1960-06-06' }), { name: '退休甲', retiree: true }));
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/persons?retiree=true', headers: clerk });
    expect(list.json().items.map((p: { name: string }) => p.name)).toEqual(['退休甲']);
  });

  it('REG-4 unemployed graduates have their own list', async () => {
    const g = (
      await register(
        clerk,
        person(buildIdNumber({ birthDate: '2002-06-06' }), {
          name: '毕业生甲',
          graduationYear: 2024,
          school: '山西大学',
          categories: ['高校毕业生'],
        }),
      )
    ).json().id as string;
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/persons/${g}/registrations`,
      headers: clerk,
      payload: { type: 'unemployment', date: '2026-07-01' },
    });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/persons?graduate=true&status=unemployed', headers: clerk });
    expect(list.json().items.map((p: { name: string; school: string }) => [p.name, p.school])).toEqual([['毕业生甲', '山西大学']]);
  });

  it('REG-3 a registration dated in the future is refused', async () => {
    const created = await register(clerk, person(buildIdNumber({ birthDate: '1981-05-15' })));
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/persons/${created.json().id}/registrations`,
      headers: clerk,
      payload: { type: 'unemployment', date: '2026-11-24' },
    });
    expect(res.statusCode).toBe(422);
  });
});

describe('REG-5 / AID-3 zero-employment households', () => {
  it('AID-3 a household of two working-age members is zero-employment from the second unemployment date, due 3 months later; an employment resolves it', async () => {
    const a = (await register(clerk, person(buildIdNumber({ birthDate: '1978-08-08' }), { name: '王大' }))).json().id as string;
    const b = (await register(clerk, person(buildIdNumber({ birthDate: '1980-09-09' }), { name: '李二' }))).json().id as string;
    const hh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: clerk,
      payload: { regionCode: '140105001001', address: '师范街 1 号', memberIds: [a, b] },
    });
    expect(hh.statusCode).toBe(201);
    const householdId = hh.json().id as string;
    const reg = (id: string, body: object) =>
      t.app.inject({ method: 'POST', url: `/api/v1/persons/${id}/registrations`, headers: clerk, payload: body });
    const household = async () => (await t.app.inject({ method: 'GET', url: `/api/v1/households/${householdId}`, headers: clerk })).json();
    await reg(a, { type: 'unemployment', date: '2026-10-01' });
    expect((await household()).zeroEmployment).toBe(false);
    await reg(b, { type: 'unemployment', date: '2026-11-02' });
    // Became zero-employment on the day of the second registration, not the day it was entered.
    expect(await household()).toMatchObject({
      zeroEmployment: true,
      zeroEmploymentSince: '2026-11-02',
      openCase: { detectedOn: '2026-11-02', deadline: '2027-02-02' },
    });
    const cases = await t.app.inject({ method: 'GET', url: '/api/v1/assistance/zero-employment-cases?status=open', headers: clerk });
    expect(cases.json().items).toContainEqual(
      expect.objectContaining({ householdId, deadline: '2027-02-02', status: 'open', headName: '王大', communityName: expect.any(String) }),
    );
    await reg(b, { type: 'employment', date: today, employerName: '山西某物业公司' });
    expect(await household()).toMatchObject({ zeroEmployment: false, openCase: null });
    const resolved = await t.app.inject({ method: 'GET', url: '/api/v1/assistance/zero-employment-cases?status=resolved', headers: clerk });
    expect(resolved.json().items).toContainEqual(
      expect.objectContaining({ householdId, resolvedOn: today, resolution: 'employment', status: 'resolved' }),
    );
    const other = await t.app.inject({
      method: 'GET',
      url: '/api/v1/assistance/zero-employment-cases?status=resolved',
      headers: otherStreetClerk,
    });
    expect(other.json().items.map((c: { householdId: string }) => c.householdId)).not.toContain(householdId);
  });

  it('REG-5 adding an employed member ends zero-employment; removing them brings it back', async () => {
    const a = (await register(clerk, person(buildIdNumber({ birthDate: '1981-01-01' })))).json().id as string;
    const b = (await register(clerk, person(buildIdNumber({ birthDate: '1982-02-02' })))).json().id as string;
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/persons/${a}/registrations`,
      headers: clerk,
      payload: { type: 'unemployment', date: '2026-10-01' },
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/persons/${b}/registrations`,
      headers: clerk,
      payload: { type: 'employment', date: '2026-10-01' },
    });
    const hh = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/households',
        headers: clerk,
        payload: { regionCode: '140105001001', memberIds: [a] },
      })
    ).json();
    expect(hh.zeroEmployment).toBe(true);
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/v1/households/${hh.id}/members`,
      headers: clerk,
      payload: { personId: b, relation: 'spouse' },
    });
    expect(added.json()).toMatchObject({ zeroEmployment: false, openCase: null });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/households/${hh.id}/members`,
      headers: clerk,
      payload: { personId: b, relation: 'spouse' },
    });
    const freeText = await t.app.inject({
      method: 'POST',
      url: `/api/v1/households/${hh.id}/members`,
      headers: clerk,
      payload: { personId: b, relation: '表哥' },
    });
    expect(freeText.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ path: '/relation' })] });
    expect(again.statusCode).toBe(409);
    const removed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/households/${hh.id}/members/${b}/remove`,
      headers: clerk,
      payload: { reason: '迁出本社区' },
    });
    expect(removed.json()).toMatchObject({ zeroEmployment: true, members: [expect.objectContaining({ personId: a })] });
    const other = await t.app.inject({
      method: 'POST',
      url: `/api/v1/households/${hh.id}/members`,
      headers: otherStreetClerk,
      payload: { personId: b, relation: 'spouse' },
    });
    expect(other.statusCode).toBe(404);
  });

  it('AID-3 "due soon" follows the parameter zero_employment.due_soon_days of the caller\'s area', async () => {
    const a = (await register(clerk, person(buildIdNumber({ birthDate: '1983-03-03' }), { name: '赵三' }))).json().id as string;
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/persons/${a}/registrations`,
      headers: clerk,
      payload: { type: 'unemployment', date: '2026-10-01' },
    });
    const householdId = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/households',
        headers: clerk,
        payload: { regionCode: '140105001001', memberIds: [a] },
      })
    ).json().id as string;
    const statusOfCase = async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/assistance/zero-employment-cases?pageSize=100', headers: clerk });
      return (res.json().items as { householdId: string; status: string }[]).find((c) => c.householdId === householdId)?.status;
    };
    // Deadline 2027-02-23 is 92 days away: outside the seeded 15-day window.
    expect(await statusOfCase()).toBe('open');
    const admin = await loginAs(t.app, 'admin');
    const set = await t.app.inject({
      method: 'POST',
      url: '/api/v1/params/zero_employment.due_soon_days/values',
      headers: admin,
      payload: { regionPrefix: '140105001', effectiveFrom: '2026-01-01', value: 100, source: '街道提前 100 天提醒（测试）' },
    });
    expect(set.statusCode).toBe(201);
    expect(await statusOfCase()).toBe('due_soon');
  });

  it('NET-2 a clerk of another street gets 404 for persons, their registrations and households', async () => {
    const a = (await register(clerk, person(buildIdNumber({ birthDate: '1977-07-07' })))).json().id as string;
    const hh = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/households',
        headers: clerk,
        payload: { regionCode: '140105001001', memberIds: [a] },
      })
    ).json().id as string;
    for (const req of [
      { method: 'GET' as const, url: `/api/v1/persons/${a}` },
      { method: 'PATCH' as const, url: `/api/v1/persons/${a}`, payload: { education: '本科' } },
      { method: 'GET' as const, url: `/api/v1/persons/${a}/registrations` },
      { method: 'POST' as const, url: `/api/v1/persons/${a}/registrations`, payload: { type: 'unemployment', date: today } },
      { method: 'POST' as const, url: `/api/v1/persons/${a}/reveal`, payload: { fields: ['idNumber'], reason: '越权查看' } },
      { method: 'GET' as const, url: `/api/v1/households/${hh}` },
      { method: 'POST' as const, url: `/api/v1/households/${hh}/members/${a}/remove`, payload: { reason: '越权移出' } },
      { method: 'GET' as const, url: `/api/v1/persons/${a}/certificate` },
      { method: 'POST' as const, url: `/api/v1/persons/${a}/certificate`, payload: { action: 'withdraw', reason: '越权收回' } },
    ]) {
      const res = await t.app.inject({ ...req, headers: otherStreetClerk });
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(404);
    }
    const intoOther = await t.app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: otherStreetClerk,
      payload: { regionCode: '140105002001', memberIds: [a] },
    });
    expect(intoOther.statusCode).toBe(404);
    const outOfScope = await register(otherStreetClerk, person(buildIdNumber({ birthDate: '1977-07-08' }), { regionCode: '140105001001' }));
    expect(outOfScope.statusCode).toBe(403);
    expect(outOfScope.json()).toMatchObject({ code: 'OUT_OF_JURISDICTION' });
  });
});

describe('REG-1 ledger edits', () => {
  it('REG-1 optional fields are changed and cleared with null; identity fields cannot be edited', async () => {
    const id = (
      await register(clerk, person(buildIdNumber({ birthDate: '1984-04-04', sex: 'M' }), { phone: '13711112222', address: '坞城路 1 号' }))
    ).json().id as string;
    const patch = (payload: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/persons/${id}`, headers: clerk, payload });
    expect((await patch({ education: '大学本科', phone: null, address: null })).json()).toMatchObject({
      education: '大学本科',
      phone: null,
      address: null,
    });
    expect((await patch({ name: null })).statusCode).toBe(400);
    // Identity fields are not in the PATCH schema: dropped, they leave nothing to change (SYS-3).
    expect((await patch({ sex: 'F', birthDate: '2000-01-01' })).statusCode).toBe(400);
    const same = await t.app.inject({ method: 'GET', url: `/api/v1/persons/${id}`, headers: clerk });
    expect(same.json()).toMatchObject({ sex: 'M', birthDate: '1984-04-04' });
  });
});

describe('API.md: no personal identifier in a URL', () => {
  it('the person list refuses an ID number or phone as q; they are looked up by POST', async () => {
    await createPerson(t, clerk, { name: '按名查找' });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/persons?q=13512345678', headers: clerk });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/q' }] });
    const byName = await t.app.inject({ method: 'GET', url: `/api/v1/persons?q=${encodeURIComponent('按名查找')}`, headers: clerk });
    expect(byName.json().items.map((p: { name: string }) => p.name)).toEqual(['按名查找']);
  });
});
