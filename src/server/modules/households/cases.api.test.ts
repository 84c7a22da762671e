// AID-3 zero-employment casework through the API, on PGlite and on PostgreSQL: a case begins on the
// day the household became zero-employment by its members' registrations (so a late entry can be
// overdue at once, says so, and is on the district's list), has a named caseworker, a plan and
// measures, is resolved by a member's employment registration on its date and by its form, and
// the month's figures per area count what was resolved by its deadline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, createPerson, createStaffMember, type Auth, type StaffMember } from '../../testing/factories.js';
import { createTestApp, type TestApp } from '../../testing/testApp.js';

const today = '2026-11-23';
let t: TestApp;
let streetClerk: StaffMember; // 坞城街道 (140105001)
let communityClerk: StaffMember; // 师范街社区 (140105001001), the caseworker
let otherStreetClerk: Auth; // another street of 小店区
let districtClerk: Auth; // 小店区
let otherDistrictClerk: Auth; // 迎泽区
let districtLeader: StaffMember; // a leader, not a clerk, of 小店区

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T04:00:00Z`) });
  streetClerk = await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk'] });
  communityClerk = await createStaffMember(t, { regionCode: '140105001001', roles: ['clerk'], name: '师范街协理员' });
  otherStreetClerk = (await createStaffMember(t, { regionCode: '140105002000', roles: ['clerk'] })).auth;
  districtClerk = (await createStaffMember(t, { regionCode: '140105000000', roles: ['clerk'] })).auth;
  otherDistrictClerk = (await createStaffMember(t, { regionCode: '140106000000', roles: ['clerk'] })).auth;
  districtLeader = await createStaffMember(t, { regionCode: '140105000000', roles: ['leader'] });
});
afterAll(() => t?.close());

const send = (auth: Auth, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: auth, ...(payload ? { payload } : {}) });

interface CaseJson {
  id: string;
  householdId: string;
  detectedOn: string;
  deadline: string;
  recordedOn: string;
  status: string;
  escalated: boolean;
  overdueOnEntry: boolean;
  resolvedOn: string | null;
  resolution: string | null;
  resolutionEvidence: string | null;
  caseworkerId: string | null;
  caseworkerName: string | null;
  measures: { id: string; kind: string; dueOn: string | null; takenOn: string | null; note: string; outcome: string | null }[];
}

/** A zero-employment household of two urban members registered unemployed on the given dates; returns its open case. */
async function zeroEmploymentCase(firstUnemployed: string, secondUnemployed: string, regionCode = '140105001001') {
  const a = await createPerson(t, streetClerk.auth, {
    idNumber: buildIdNumber({ birthDate: '1979-04-04' }),
    regionCode,
    unemployedSince: firstUnemployed,
  });
  const b = await createPerson(t, streetClerk.auth, {
    idNumber: buildIdNumber({ birthDate: '1981-05-05' }),
    regionCode,
    unemployedSince: secondUnemployed,
  });
  const household = await send(streetClerk.auth, 'POST', '/households', { regionCode, memberIds: [a.id, b.id] });
  expect(household.statusCode, household.body).toBe(201);
  const caseId = (household.json() as { openCase: { id: string } | null }).openCase?.id;
  expect(caseId, 'the household opened a case').toBeDefined();
  return { caseId: caseId!, members: [a.id, b.id], householdId: household.json().id as string };
}

const getCase = async (auth: Auth, id: string) => {
  const res = await send(auth, 'GET', `/assistance/zero-employment-cases/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseJson;
};

describe('AID-3 zero-employment casework', () => {
  it('AID-3 a household that became zero-employment five months ago, entered today, is overdue at once, says so, and is on the district list', async () => {
    const { caseId } = await zeroEmploymentCase('2026-05-10', '2026-06-20');
    const c = await getCase(streetClerk.auth, caseId);
    expect(c).toMatchObject({
      detectedOn: '2026-06-20', // the second unemployment, not the day of entry
      deadline: '2026-09-20', // zero_employment.resolve_within: 3 months
      recordedOn: today,
      status: 'overdue',
      escalated: true,
      overdueOnEntry: true,
      resolvedOn: null,
    });
    const districtOverdue = await send(districtClerk, 'GET', '/assistance/zero-employment-cases?status=overdue&pageSize=100');
    expect(districtOverdue.json().items).toContainEqual(expect.objectContaining({ id: caseId, escalated: true, overdueOnEntry: true }));
    const cityOpen = await send(districtClerk, 'GET', '/assistance/zero-employment-cases?status=open&pageSize=100');
    expect(cityOpen.json().items.map((i: { id: string }) => i.id)).not.toContain(caseId);
  });

  it('AID-3 a recent household is open, not escalated and not late', async () => {
    const { caseId } = await zeroEmploymentCase('2026-10-01', '2026-11-02');
    expect(await getCase(streetClerk.auth, caseId)).toMatchObject({
      detectedOn: '2026-11-02',
      deadline: '2027-02-02',
      status: 'open',
      escalated: false,
      overdueOnEntry: false,
    });
  });

  it('AID-3 a clerk names the community clerk as caseworker; "mine" lists the case for them; a leader or someone outside the area is refused on the field', async () => {
    const { caseId } = await zeroEmploymentCase('2026-10-05', '2026-11-05');
    const assigned = await send(streetClerk.auth, 'PATCH', `/assistance/zero-employment-cases/${caseId}`, {
      caseworkerId: communityClerk.id,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ caseworkerId: communityClerk.id, caseworkerName: '师范街协理员' });
    const mine = await send(communityClerk.auth, 'GET', '/assistance/zero-employment-cases?mine=true&pageSize=100');
    expect(mine.json().items).toContainEqual(expect.objectContaining({ id: caseId, caseworkerName: '师范街协理员' }));
    expect((await send(streetClerk.auth, 'GET', '/assistance/zero-employment-cases?mine=true&pageSize=100')).json().items).toEqual([]);
    const unassigned = await send(streetClerk.auth, 'GET', '/assistance/zero-employment-cases?unassigned=true&pageSize=100');
    expect(unassigned.json().items.map((i: { id: string }) => i.id)).not.toContain(caseId);

    // A leader may read the case but does not work cases.
    const leader = await send(districtClerk, 'PATCH', `/assistance/zero-employment-cases/${caseId}`, { caseworkerId: districtLeader.id });
    expect(leader.statusCode).toBe(400);
    expect(leader.json().errors).toEqual([expect.objectContaining({ path: '/caseworkerId', code: 'NOT_A_CLERK' })]);
    const otherCommunity = await createStaffMember(t, { regionCode: '140105001002', roles: ['clerk'] });
    const outside = await send(streetClerk.auth, 'PATCH', `/assistance/zero-employment-cases/${caseId}`, {
      caseworkerId: otherCommunity.id,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors).toEqual([expect.objectContaining({ path: '/caseworkerId', code: 'OUT_OF_JURISDICTION' })]);
    expect((await getCase(streetClerk.auth, caseId)).caseworkerId).toBe(communityClerk.id); // nothing changed
  });

  it('AID-3 the caseworker plans a step, records it taken, and records a measure; dates in the future or before the case are refused', async () => {
    const { caseId, members } = await zeroEmploymentCase('2026-10-06', '2026-11-06');
    const path = `/assistance/zero-employment-cases/${caseId}/measures`;
    const planned = await send(communityClerk.auth, 'POST', path, {
      kind: 'vocational_guidance',
      personId: members[0],
      dueOn: '2026-11-30',
      note: '约定到社区接受职业指导',
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const step = (planned.json() as CaseJson).measures[0]!;
    expect(step).toMatchObject({ kind: 'vocational_guidance', dueOn: '2026-11-30', takenOn: null });
    const taken = await send(communityClerk.auth, 'POST', `${path}/${step.id}/taken`, { takenOn: today, outcome: '已推荐保洁岗位两个' });
    expect(taken.statusCode, taken.body).toBe(200);
    expect((taken.json() as CaseJson).measures[0]).toMatchObject({ takenOn: today, outcome: '已推荐保洁岗位两个' });
    expect((await send(communityClerk.auth, 'POST', `${path}/${step.id}/taken`, { takenOn: today })).statusCode).toBe(409);

    const visit = await send(communityClerk.auth, 'POST', path, { kind: 'home_visit', takenOn: '2026-11-20', note: '入户了解家庭情况' });
    expect(visit.statusCode, visit.body).toBe(201);
    expect((visit.json() as CaseJson).measures.map((m) => m.kind)).toEqual(['home_visit', 'vocational_guidance']);

    for (const [body, field] of [
      [{ kind: 'home_visit', takenOn: '2026-12-01', note: '未来的走访' }, '/takenOn'],
      [{ kind: 'home_visit', takenOn: '2026-10-01', note: '早于认定' }, '/takenOn'],
      [{ kind: 'home_visit', note: '没有日期' }, '/dueOn'],
      [{ kind: 'home_visit', dueOn: '2026-12-01', note: '不是成员', personId: (await createPerson(t, streetClerk.auth)).id }, '/personId'],
    ] as const) {
      const res = await send(communityClerk.auth, 'POST', path, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0].path).toBe(field);
    }
    expect((await getCase(communityClerk.auth, caseId)).measures).toHaveLength(2);
  });

  it('AID-3 a member’s flexible employment resolves the case on the employment’s date, with the registration as evidence; a resolved case takes no measures', async () => {
    const { caseId, members } = await zeroEmploymentCase('2026-10-07', '2026-11-07');
    const hired = await send(streetClerk.auth, 'POST', `/persons/${members[1]}/registrations`, {
      type: 'employment',
      date: '2026-11-18',
      employmentForm: 'flexible',
      employerName: '网约配送',
    });
    expect(hired.statusCode, hired.body).toBe(201);
    const c = await getCase(streetClerk.auth, caseId);
    expect(c).toMatchObject({ status: 'resolved', resolvedOn: '2026-11-18', resolution: 'flexible_employment', escalated: false });
    // Whose employment, when and where, in words a clerk reads (not the registration's id).
    const name = (await send(streetClerk.auth, 'GET', `/persons/${members[1]}`)).json().name as string;
    expect(c.resolutionEvidence).toBe(`就业登记 2026-11-18，网约配送（${name}）`);
    const more = await send(streetClerk.auth, 'POST', `/assistance/zero-employment-cases/${caseId}/measures`, {
      kind: 'home_visit',
      takenOn: today,
      note: '回访',
    });
    expect(more.statusCode).toBe(409);
  });

  it('AID-3 every case route answers 404 to a clerk of another street and of another district', async () => {
    const { caseId } = await zeroEmploymentCase('2026-10-08', '2026-11-08');
    const planned = await send(streetClerk.auth, 'POST', `/assistance/zero-employment-cases/${caseId}/measures`, {
      kind: 'policy_consultation',
      dueOn: '2026-12-05',
      note: '讲解就业困难人员认定政策',
    });
    const measureId = (planned.json() as CaseJson).measures[0]!.id;
    for (const auth of [otherStreetClerk, otherDistrictClerk]) {
      for (const [method, url, body] of [
        ['GET', `/assistance/zero-employment-cases/${caseId}`, undefined],
        ['PATCH', `/assistance/zero-employment-cases/${caseId}`, { caseworkerId: null }],
        ['POST', `/assistance/zero-employment-cases/${caseId}/measures`, { kind: 'home_visit', takenOn: today, note: '越权走访' }],
        ['POST', `/assistance/zero-employment-cases/${caseId}/measures/${measureId}/taken`, { takenOn: today }],
      ] as const) {
        const res = await send(auth, method, url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(404);
      }
    }
    expect((await getCase(streetClerk.auth, caseId)).measures).toEqual([expect.objectContaining({ takenOn: null })]);
  });

  it('AID-3 the month’s figures per community: due, resolved by the deadline and the share, open and overdue at the month’s end (hand computed)', async () => {
    // In 140105001003: two cases due in February 2027, one resolved in time (January), one not.
    const region = '140105001003';
    const inTime = await zeroEmploymentCase('2026-10-10', '2026-11-10', region); // due 2027-02-10
    const late = await zeroEmploymentCase('2026-10-12', '2026-11-12', region); // due 2027-02-12
    await zeroEmploymentCase('2026-10-14', '2026-11-14', region); // due 2027-02-14, never resolved
    const employ = (personId: string, date: string) =>
      send(streetClerk.auth, 'POST', `/persons/${personId}/registrations`, { type: 'employment', date, employerName: '太原某公司' });
    expect((await employ(inTime.members[0]!, '2026-11-20')).statusCode).toBe(201);
    const month = async (m: string) => {
      const res = await send(streetClerk.auth, 'GET', `/assistance/zero-employment-cases/monthly?month=${m}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: { regionCode: string }[] }).items.find((i) => i.regionCode === region);
    };
    expect(await month('2026-11')).toEqual({
      regionCode: region,
      regionName: expect.any(String),
      detected: 3,
      due: 0,
      resolvedInTime: 0,
      resolvedInTimeRate: null,
      openAtEnd: 2,
      overdueAtEnd: 0,
    });
    expect(await month('2027-02')).toMatchObject({
      detected: 0,
      due: 3,
      resolvedInTime: 1,
      resolvedInTimeRate: 33.3,
      openAtEnd: 2,
      overdueAtEnd: 2,
    });
    expect(late.caseId).toBeDefined();
    // The street's Excel of the month.
    const xlsx = await send(streetClerk.auth, 'GET', '/assistance/zero-employment-cases/monthly?month=2027-02&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});
