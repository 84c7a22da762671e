// AID-6 the graduate one-to-one service through the API, on PGlite and on PostgreSQL: the checklist
// fills itself from service records and referrals within the deadline (parameter
// graduate_service.deadline from the unemployment registration), turns complete only with the
// required number of vacancies offered, and unfinished ones past the deadline are on the overdue list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmployer, createPerson, createPublishedVacancy, createStaffMember, type Auth } from '../../testing/factories.js';
import { createTestApp, type TestApp } from '../../testing/testApp.js';

const today = '2026-11-23';
let t: TestApp;
let clerk: Auth; // 坞城街道, clerk and job officer
let reviewer: Auth;
let otherStreet: Auth;
let otherDistrict: Auth;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T04:00:00Z`) });
  clerk = (await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk', 'job_officer'] })).auth;
  reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] })).auth;
  otherStreet = (await createStaffMember(t, { regionCode: '140105002000', roles: ['clerk'] })).auth;
  otherDistrict = (await createStaffMember(t, { regionCode: '140106000000', roles: ['clerk'] })).auth;
});
afterAll(() => t?.close());

const send = (auth: Auth, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: auth, ...(payload ? { payload } : {}) });

const graduate = (unemployedSince: string) =>
  createPerson(t, clerk, { school: '山西大学', graduationYear: 2026, education: '大学本科', unemployedSince });

const serve = async (personId: string, type: string, date: string) => {
  const res = await send(clerk, 'POST', `/persons/${personId}/services`, { type, channel: 'counter', date });
  expect(res.statusCode, res.body).toBe(201);
};

const checklist = async (personId: string) => {
  const res = await send(clerk, 'GET', `/persons/${personId}/graduate-service`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    deadline: string;
    consultation: boolean;
    guidance: boolean;
    vacanciesOffered: number;
    complete: boolean;
    status: string;
  };
};

describe('AID-6 graduate one-to-one service', () => {
  it('AID-6 the checklist turns complete only with the third vacancy offered (two vacancy notices and a referral)', async () => {
    const g = await graduate('2026-10-10');
    expect(await checklist(g.id)).toEqual({
      since: '2026-10-10',
      deadline: '2027-01-10',
      consultation: false,
      guidance: false,
      vacanciesOffered: 0,
      vacanciesRequired: 3,
      complete: false,
      status: 'open',
    });
    await serve(g.id, 'consultation', '2026-10-12');
    await serve(g.id, 'vocational_guidance', '2026-10-20');
    await serve(g.id, 'vacancy_information', '2026-11-02');
    await serve(g.id, 'vacancy_information', '2026-11-09');
    expect(await checklist(g.id)).toMatchObject({
      consultation: true,
      guidance: true,
      vacanciesOffered: 2,
      complete: false,
      status: 'open',
    });
    const vacancy = await createPublishedVacancy(t, clerk, reviewer, (await createEmployer(t, clerk)).id, { title: '行政助理' });
    const referred = await send(clerk, 'POST', '/referrals', { personId: g.id, vacancyId: vacancy.id, date: '2026-11-20' });
    expect(referred.statusCode, referred.body).toBe(201);
    expect(await checklist(g.id)).toMatchObject({ vacanciesOffered: 3, complete: true, status: 'complete' });
    const done = (await send(clerk, 'GET', '/assistance/graduate-service?status=complete&pageSize=100')).json();
    expect(done.items).toContainEqual(expect.objectContaining({ personId: g.id, vacanciesOffered: 3, complete: true, school: '山西大学' }));
  });

  it('AID-6 services before the registration or after the deadline do not count; unfinished past the deadline is overdue and listed', async () => {
    const g = await graduate('2026-07-01');
    await serve(g.id, 'consultation', '2026-06-20'); // before: the service of another spell
    await serve(g.id, 'vocational_guidance', '2026-08-01');
    await serve(g.id, 'vacancy_information', '2026-11-20'); // after the deadline of 2026-10-01
    expect(await checklist(g.id)).toMatchObject({
      deadline: '2026-10-01',
      consultation: false,
      guidance: true,
      vacanciesOffered: 0,
      status: 'overdue',
    });
    const overdue = (await send(clerk, 'GET', '/assistance/graduate-service?status=overdue&pageSize=100')).json();
    expect(overdue.items).toContainEqual(
      expect.objectContaining({ personId: g.id, status: 'overdue', guidance: true, consultation: false }),
    );
    const open = (await send(clerk, 'GET', '/assistance/graduate-service?status=open&pageSize=100')).json();
    expect(open.items.map((i: { personId: string }) => i.personId)).not.toContain(g.id);
    const soon = await graduate('2026-08-30'); // deadline 2026-11-30: within the 15 days of graduate_service.due_soon_days
    const dueSoon = (await send(clerk, 'GET', '/assistance/graduate-service?status=due_soon&pageSize=100')).json();
    expect(dueSoon.items).toContainEqual(expect.objectContaining({ personId: soon.id, deadline: '2026-11-30', status: 'due_soon' }));
  });

  it('AID-6 a person who is not a registered unemployed graduate has no checklist (409), and is on no list', async () => {
    const notGraduate = await createPerson(t, clerk, { unemployedSince: '2026-10-01' });
    const res = await send(clerk, 'GET', `/persons/${notGraduate.id}/graduate-service`);
    expect(res.statusCode).toBe(409);
    const employed = await createPerson(t, clerk, { school: '太原理工大学', graduationYear: 2025 });
    expect((await send(clerk, 'GET', `/persons/${employed.id}/graduate-service`)).statusCode).toBe(409);
    const all = (await send(clerk, 'GET', '/assistance/graduate-service?pageSize=100')).json();
    expect(all.items.map((i: { personId: string }) => i.personId)).not.toContain(notGraduate.id);
  });

  it('AID-6 the checklist answers 404 to a clerk of another street and of another district, whose lists do not hold the graduate', async () => {
    const g = await graduate('2026-11-01');
    for (const auth of [otherStreet, otherDistrict]) {
      expect((await send(auth, 'GET', `/persons/${g.id}/graduate-service`)).statusCode).toBe(404);
      const list = (await send(auth, 'GET', '/assistance/graduate-service?pageSize=100')).json();
      expect(list.items.map((i: { personId: string }) => i.personId)).not.toContain(g.id);
    }
    const xlsx = await send(clerk, 'GET', '/assistance/graduate-service?format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});
