// AID-2 casework through the API, on PGlite and on PostgreSQL: a named caseworker per recognised
// person with the history of changes, an individual employment plan, visits recorded as services
// whose next date is the last visit (or the recognition) plus parameter
// assistance.visit_interval_days, the due and overdue lists, the unassigned list and the work list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, createStaffMember, type Auth, type StaffMember } from '../../testing/factories.js';
import { createTestApp, loginAs, type TestApp } from '../../testing/testApp.js';

const today = '2026-11-23';
let t: TestApp;
let community: StaffMember; // 坞城街道 first community's clerk: the caseworker
let street: StaffMember; // 坞城街道 clerk
let reviewer: Auth;
let leader: Auth;
let otherStreet: Auth;
let otherDistrict: Auth;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T04:00:00Z`) });
  community = await createStaffMember(t, { regionCode: '140105001001', roles: ['clerk'], name: '王社区' });
  street = await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk'], name: '李街道' });
  reviewer = (await createStaffMember(t, { regionCode: '140105000000', roles: ['reviewer'] })).auth;
  leader = (await createStaffMember(t, { regionCode: '140105000000', roles: ['leader'] })).auth;
  otherStreet = (await createStaffMember(t, { regionCode: '140105002000', roles: ['clerk'] })).auth;
  otherDistrict = (await createStaffMember(t, { regionCode: '140106000000', roles: ['clerk'] })).auth;
});
afterAll(() => t?.close());

const send = (auth: Auth, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: auth, ...(payload ? { payload } : {}) });

/** A person of the first community recognised as long-term unemployed on `recognisedOn` (by override: the rule is not the point here). */
async function recognised(recognisedOn: string) {
  const person = await createPerson(t, street.auth, { regionCode: '140105001001', unemployedSince: '2025-01-10' });
  const res = await send(reviewer, 'POST', `/persons/${person.id}/categories`, {
    category: 'long_term_unemployed',
    evidence: '失业登记证明',
    overrideReason: '测试：经核实确有困难',
    recognisedOn,
  });
  expect(res.statusCode, res.body).toBe(201);
  return person;
}

interface CaseworkBody {
  caseworker: { id: string; name: string } | null;
  assignments: { caseworkerId: string; endedOn: string | null }[];
  plan: { id: string; text: string; dueOn: string; doneOn: string | null }[];
  visits: { date: string; kind: string }[];
  schedule: { lastVisitOn: string | null; nextVisitDue: string; status: string; intervalDays: number } | null;
}
const casework = async (personId: string, as: Auth = street.auth) => {
  const res = await send(as, 'GET', `/persons/${personId}/casework`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseworkBody;
};
const visits = async (as: Auth, query: string) => {
  const res = await send(as, 'GET', `/assistance/visits?pageSize=100&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { personId: string; status: string; nextVisitDue: string; caseworkerName: string | null }[];
    total: number;
  };
};

describe('AID-2 caseworker, plan and visits', () => {
  it('AID-2 a recognised person without a caseworker is on the unassigned list until one is named; a change keeps the history', async () => {
    const p = await recognised('2026-11-01');
    expect((await visits(street.auth, 'unassigned=true')).items.map((i) => i.personId)).toContain(p.id);
    const set = await send(street.auth, 'PUT', `/persons/${p.id}/caseworker`, { caseworkerId: street.id });
    expect(set.statusCode, set.body).toBe(200);
    const changed = await send(street.auth, 'PUT', `/persons/${p.id}/caseworker`, { caseworkerId: community.id, reason: '移交社区跟踪' });
    expect(changed.statusCode, changed.body).toBe(200);
    const body = await casework(p.id);
    expect(body.caseworker).toMatchObject({ id: community.id, name: '王社区' });
    expect(body.assignments).toEqual([
      expect.objectContaining({ caseworkerId: community.id, endedOn: null }),
      expect.objectContaining({ caseworkerId: street.id, endedOn: today }),
    ]);
    expect((await visits(street.auth, 'unassigned=true')).items.map((i) => i.personId)).not.toContain(p.id);
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit?entity=caseworker_assignment&pageSize=100',
      headers: await loginAs(t.app, 'admin'),
    });
    expect((audit.json() as { items: { action: string }[] }).items.map((i) => i.action)).toEqual(
      expect.arrayContaining(['assign', 'reassign']),
    );
  });

  it('AID-2 the caseworker must be a clerk whose unit covers the person; the same one twice is a conflict', async () => {
    const p = await recognised('2026-11-01');
    const far = await createStaffMember(t, { regionCode: '140105001002', roles: ['clerk'] });
    const res = await send(street.auth, 'PUT', `/persons/${p.id}/caseworker`, { caseworkerId: far.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ path: '/caseworkerId', code: 'OUT_OF_JURISDICTION' });
    expect((await send(street.auth, 'PUT', `/persons/${p.id}/caseworker`, { caseworkerId: community.id })).statusCode).toBe(200);
    expect((await send(street.auth, 'PUT', `/persons/${p.id}/caseworker`, { caseworkerId: community.id })).statusCode).toBe(409);
  });

  it('AID-2 the plan: steps with due dates (late ones allowed), marked done with a note, audited', async () => {
    const p = await recognised('2026-10-01');
    const added = await send(community.auth, 'POST', `/persons/${p.id}/plan-steps`, { text: '参加职业指导', dueOn: '2026-10-15' });
    expect(added.statusCode, added.body).toBe(201);
    const step = added.json() as { id: string };
    const done = await send(community.auth, 'PATCH', `/assistance/plan-steps/${step.id}`, { doneOn: '2026-10-14', doneNote: '已参加' });
    expect(done.statusCode, done.body).toBe(200);
    expect((await casework(p.id)).plan).toEqual([
      expect.objectContaining({ text: '参加职业指导', dueOn: '2026-10-15', doneOn: '2026-10-14' }),
    ]);
    const future = await send(community.auth, 'PATCH', `/assistance/plan-steps/${step.id}`, { doneOn: '2026-12-01' });
    expect(future.statusCode).toBe(400);
    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit?entity=employment_plan_step&entityId=${step.id}`,
      headers: await loginAs(t.app, 'admin'),
    });
    expect((audit.json() as { items: { action: string }[] }).items.map((i) => i.action).sort()).toEqual(['create', 'update']);
  });

  it('AID-2 a visit is a service record and moves the next visit to its date plus the interval', async () => {
    const p = await recognised('2026-10-01');
    expect((await casework(p.id)).schedule).toMatchObject({
      lastVisitOn: null,
      nextVisitDue: '2026-10-31',
      status: 'overdue',
      intervalDays: 30,
    });
    const res = await send(community.auth, 'POST', `/persons/${p.id}/visits`, {
      date: '2026-11-20',
      kind: 'phone',
      note: '电话了解求职情况',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as CaseworkBody).schedule).toMatchObject({
      lastVisitOn: '2026-11-20',
      nextVisitDue: '2026-12-20',
      status: 'scheduled',
    });
    const services = (await send(street.auth, 'GET', `/persons/${p.id}/services`)).json() as {
      type: string;
      channel: string;
      date: string;
    }[];
    expect(services).toContainEqual(expect.objectContaining({ type: 'home_visit', channel: 'phone', date: '2026-11-20' }));
  });

  it("AID-2 a visit overdue by one day is on the caseworker's overdue list and the unit's; one due in a week is due soon", async () => {
    const overdue = await recognised('2026-10-23'); // due 2026-11-22
    const soon = await recognised('2026-10-30'); // due 2026-11-29
    for (const p of [overdue, soon])
      expect((await send(street.auth, 'PUT', `/persons/${p.id}/caseworker`, { caseworkerId: community.id })).statusCode).toBe(200);
    const mine = await visits(community.auth, 'mine=true&status=overdue');
    expect(mine.items).toContainEqual(expect.objectContaining({ personId: overdue.id, status: 'overdue', nextVisitDue: '2026-11-22' }));
    expect(mine.items.map((i) => i.personId)).not.toContain(soon.id);
    expect((await visits(community.auth, 'mine=true&status=due_soon')).items.map((i) => i.personId)).toContain(soon.id);
    const unit = await visits(leader, `caseworkerId=${community.id}&status=due`);
    expect(unit.items.map((i) => i.personId)).toEqual(expect.arrayContaining([overdue.id, soon.id]));
    const list = await send(community.auth, 'GET', '/assistance/work-list');
    expect(list.statusCode, list.body).toBe(200);
    const work = list.json() as { visits: { overdue: number; items: { personId: string }[] } };
    expect(work.visits.items.map((i) => i.personId)).toEqual(expect.arrayContaining([overdue.id, soon.id]));
    expect(work.visits.overdue).toBeGreaterThanOrEqual(1);
    const xlsx = await send(leader, 'GET', '/assistance/visits?status=due&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('AID-2 a longer interval set for the district moves the next visit date', async () => {
    const p = await recognised('2026-10-01');
    const admin = await loginAs(t.app, 'admin');
    const set = await send(admin, 'POST', '/params/assistance.visit_interval_days/values', {
      regionPrefix: '140105',
      effectiveFrom: '2026-11-01',
      value: 60,
      source: '测试：本区每两个月走访一次',
    });
    expect(set.statusCode, set.body).toBe(201);
    expect((await casework(p.id)).schedule).toMatchObject({ nextVisitDue: '2026-11-30', status: 'due_soon', intervalDays: 60 });
  });

  it('AID-2 no visit is due for a person without an active recognition', async () => {
    const p = await createPerson(t, street.auth, { regionCode: '140105001001' });
    expect((await casework(p.id)).schedule).toBeNull();
  });

  it('AID-2 the caseworker history and the plan follow a person who moves to another street', async () => {
    const p = await recognised('2026-11-01');
    expect((await send(street.auth, 'PUT', `/persons/${p.id}/caseworker`, { caseworkerId: community.id })).statusCode).toBe(200);
    expect((await send(street.auth, 'POST', `/persons/${p.id}/plan-steps`, { text: '参加招聘会', dueOn: '2026-12-05' })).statusCode).toBe(
      201,
    );
    const districtClerk = await createStaffMember(t, { regionCode: '140105000000', roles: ['clerk'] });
    const moved = await send(districtClerk.auth, 'PATCH', `/persons/${p.id}`, { regionCode: '140105002001' });
    expect(moved.statusCode, moved.body).toBe(200);
    const there = await casework(p.id, otherStreet);
    expect(there.assignments.map((x) => x.caseworkerId)).toEqual([community.id]);
    expect(there.plan.map((s) => s.text)).toEqual(['参加招聘会']);
  });

  it('AID-2 every id route answers 404 to another street and another district', async () => {
    const p = await recognised('2026-11-01');
    const step = (
      await send(street.auth, 'POST', `/persons/${p.id}/plan-steps`, { text: '推荐公益性岗位', dueOn: '2026-12-01' })
    ).json() as { id: string };
    for (const outsider of [otherStreet, otherDistrict]) {
      expect((await send(outsider, 'GET', `/persons/${p.id}/casework`)).statusCode).toBe(404);
      expect((await send(outsider, 'PUT', `/persons/${p.id}/caseworker`, { caseworkerId: community.id })).statusCode).toBe(404);
      expect((await send(outsider, 'POST', `/persons/${p.id}/plan-steps`, { text: '推荐岗位', dueOn: '2026-12-01' })).statusCode).toBe(404);
      expect((await send(outsider, 'PATCH', `/assistance/plan-steps/${step.id}`, { text: '改写' })).statusCode).toBe(404);
      expect((await send(outsider, 'POST', `/persons/${p.id}/visits`, { date: today, kind: 'home', note: '入户' })).statusCode).toBe(404);
      expect((await visits(outsider, 'status=due')).items.map((i) => i.personId)).not.toContain(p.id);
    }
  });

  it('AID-2 only clerks assign, plan and visit; a job officer may not read the unit lists', async () => {
    const p = await recognised('2026-11-01');
    const jobOfficer = (await createStaffMember(t, { regionCode: '140105001000', roles: ['job_officer'] })).auth;
    expect((await send(reviewer, 'PUT', `/persons/${p.id}/caseworker`, { caseworkerId: community.id })).statusCode).toBe(403);
    expect((await send(leader, 'POST', `/persons/${p.id}/plan-steps`, { text: '推荐岗位', dueOn: '2026-12-01' })).statusCode).toBe(403);
    expect((await send(reviewer, 'POST', `/persons/${p.id}/visits`, { date: today, kind: 'home', note: '入户' })).statusCode).toBe(403);
    expect((await send(jobOfficer, 'GET', '/assistance/visits')).statusCode).toBe(403);
    expect((await send(leader, 'GET', '/assistance/work-list')).statusCode).toBe(403);
  });
});
