// Self-service accounts of seekers and employers (JOB-7), on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCreditCode, buildIdNumber, createDistrictPair, createStaffMember } from '../../testing/factories.js';
import { createTestApp, type TestApp } from '../../testing/testApp.js';

let t: TestApp;
let clerk: { authorization: string };
let reviewer: { authorization: string };
const today = '2026-11-23';
const post = (url: string, payload: object, headers?: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload, headers });
const get = (url: string, headers?: Record<string, string>) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T04:00:00Z`) });
  clerk = (await createDistrictPair(t)).home.auth;
  reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] })).auth;
});
afterAll(() => t.close());

describe('JOB-7 self-service accounts', () => {
  it('JOB-7 a seeker registers only with an ID and name found in the ledger, then keeps wishes, sees matches and applies', async () => {
    const idNumber = buildIdNumber({ birthDate: '1988-08-08' });
    const notYet = await post('/public/accounts/seekers', {
      phone: '13912340001',
      password: 'Seek12345',
      idNumber,
      name: '钱多多',
      code: 'ABCD-EFGH',
    });
    expect(notYet.statusCode).toBe(422);
    expect(notYet.json().errors[0].code).toBe('INVALID_CODE');
    const person = await post(
      '/persons',
      { idNumber, name: '钱多多', regionCode: '140105001001', householdType: 'urban', skills: ['焊工'] },
      clerk,
    );
    expect(person.statusCode).toBe(201);
    await post(`/persons/${person.json().id}/registrations`, { type: 'unemployment', date: '2026-11-01' }, clerk);
    const { code } = (await post(`/persons/${person.json().id}/activation-code`, {}, clerk)).json();
    expect(
      (await post('/public/accounts/seekers', { phone: '13912340001', password: 'Seek12345', idNumber, name: '钱少少', code })).statusCode,
    ).toBe(422);
    const registered = await post('/public/accounts/seekers', {
      phone: '13912340001',
      password: 'Seek12345',
      idNumber,
      name: '钱多多',
      code,
    });
    expect(registered.statusCode).toBe(201);
    expect(registered.json().account).toMatchObject({
      kind: 'seeker',
      phone: '139****0001',
      seeker: { name: '钱多多', idNumber: expect.stringMatching(/^140105\*+/) },
    });
    expect(registered.headers['set-cookie']).toContain('openpes_public=');
    const second = (await post(`/persons/${person.json().id}/activation-code`, {}, clerk)).json().code;
    expect(
      (await post('/public/accounts/seekers', { phone: '13912340002', password: 'Seek12345', idNumber, name: '钱多多', code: second }))
        .statusCode,
    ).toBe(409);

    const login = await post('/public/accounts/login', { kind: 'seeker', phone: '13912340001', password: 'Seek12345' });
    const me = bearer(login.json().token);
    expect((await get('/public/me', me)).json().seeker.name).toBe('钱多多');
    const updated = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/public/me/profile',
      headers: me,
      payload: { jobWishes: { occupations: ['6-18-02-04'], wageMinFen: 500000 } },
    });
    expect(updated.json().seeker.jobWishes).toMatchObject({ occupations: ['6-18-02-04'] });
    const matches = (await get('/public/me/matches', me)).json() as { vacancyId: string; vacancy: { title: string }; reasons: unknown[] }[];
    expect(matches.length).toBeGreaterThan(0);
    expect(matches[0]!.vacancy.title).toMatch(/焊/);
    const applied = await post('/public/me/applications', { vacancyId: matches[0]!.vacancyId, message: '有焊工证' }, me);
    expect(applied.statusCode).toBe(201);
    expect((await post('/public/me/applications', { vacancyId: matches[0]!.vacancyId }, me)).statusCode).toBe(409);
    expect((await get('/public/me/applications', me)).json()).toHaveLength(1);
    const staffView = (
      await get(
        `/vacancies/${matches[0]!.vacancyId}/applications`,
        (await createStaffMember(t, { regionCode: '140100000000', roles: ['job_officer'] })).auth,
      )
    ).json();
    expect(staffView).toContainEqual(expect.objectContaining({ name: '钱多多', phone: null }));
    expect((await get('/public/me/vacancies', me)).statusCode).toBe(403);
  });

  it('JOB-7 an employer account is tied to its credit code; its vacancy is screened and waits for review before it is public', async () => {
    const creditCode = buildCreditCode();
    const registered = await post('/public/accounts/employers', {
      phone: '13912340010',
      password: 'Boss12345',
      creditCode,
      employerName: '太原自助招聘有限公司',
      regionCode: '140105001001',
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const me = bearer(registered.json().token);
    expect(
      (
        await post('/public/accounts/employers', {
          phone: '13912340011',
          password: 'Boss12345',
          creditCode,
          employerName: '太原自助招聘有限公司',
        })
      ).statusCode,
    ).toBe(422); // binding to an employer already registered needs a code from its phone on record
    const posted = await post(
      '/public/me/vacancies',
      {
        title: '店面销售',
        headcount: 2,
        wageMin: 350000,
        wageMax: 500000,
        regionCode: '140105001001',
        description: '招聘店面销售2名，限女性，底薪加提成。',
        validUntil: '2027-01-15',
      },
      me,
    );
    expect(posted.statusCode, posted.body).toBe(201);
    expect(posted.json()).toMatchObject({
      status: 'pending_review',
      source: 'employer',
      screening: { flags: [expect.objectContaining({ category: 'sex' })] },
    });
    const publicIds = ((await get('/public/vacancies?q=店面销售')).json().items as { id: string }[]).map((v) => v.id);
    expect(publicIds).not.toContain(posted.json().id);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/vacancies/${posted.json().id}`,
      headers: reviewer,
      payload: { description: '招聘店面销售2名，男女不限，底薪加提成。' },
    });
    await post(`/vacancies/${posted.json().id}/review`, { decision: 'approve' }, reviewer);
    expect(((await get('/public/vacancies?q=店面销售')).json().items as { id: string }[]).map((v) => v.id)).toContain(posted.json().id);
    expect((await get('/public/me/vacancies', me)).json()).toEqual([expect.objectContaining({ title: '店面销售', status: 'published' })]);
    expect((await get(`/public/me/vacancies/${posted.json().id}/applications`, me)).json()).toEqual([]);
  });

  it('JOB-7 public sessions do not open staff routes, and wrong passwords are throttled', async () => {
    const registered = await post('/public/accounts/employers', {
      phone: '13912340020',
      password: 'Boss12345',
      creditCode: buildCreditCode(),
      employerName: '太原限流测试有限公司',
      regionCode: '140105001001',
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const login = await post('/public/accounts/login', { kind: 'employer', phone: '13912340020', password: 'Boss12345' });
    expect((await get('/persons', bearer(login.json().token))).statusCode).toBe(401);
    expect((await get('/public/me')).statusCode).toBe(401);
    for (let i = 0; i < 5; i++)
      expect((await post('/public/accounts/login', { kind: 'employer', phone: '13912340020', password: 'wrong-pass1' })).statusCode).toBe(
        401,
      );
    expect((await post('/public/accounts/login', { kind: 'employer', phone: '13912340020', password: 'Boss12345' })).statusCode).toBe(429);
  });
});
