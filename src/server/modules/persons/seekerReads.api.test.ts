// Who reads the ledger (issue 12): clerks, admins, leaders, auditors and the programme roles read
// every person in scope; a job officer reads only the job seekers in scope, which is what matching
// and referral need, and each look is in the access log like any other read of a person.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, createStaffMember, createWelderSeeker, type Auth } from '../../testing/factories.js';
import { createTestApp, loginAs, type TestApp } from '../../testing/testApp.js';

let t: TestApp;
let clerk: Auth;
let officer: Auth;
let otherOfficer: Auth;
let auditor: Auth;
let seeker: { id: string; name: string; idNumber: string };
let employedNeighbour: { id: string; name: string; idNumber: string };

const get = (as: Auth, url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: as });
const lookup = (as: Auth, idNumber: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/persons/lookup', headers: as, payload: { idNumber } });

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-11-23T04:00:00Z') });
  clerk = (await createStaffMember(t, { regionCode: '140105000000', roles: ['clerk'] })).auth;
  officer = (await createStaffMember(t, { regionCode: '140105000000', roles: ['job_officer'] })).auth;
  otherOfficer = (await createStaffMember(t, { regionCode: '140106000000', roles: ['job_officer'] })).auth;
  auditor = await loginAs(t.app, 'taiyuan_auditor');
  seeker = await createWelderSeeker(t, clerk, { name: '求职甲' });
  employedNeighbour = await createPerson(t, clerk, { name: '未求职乙', skills: ['焊工'] });
});
afterAll(() => t.close());

describe('JOB-4 a job officer reads the job seekers in scope, no more of the ledger', () => {
  it('JOB-4 the list of a job officer holds seekers only; a clerk sees the whole ledger, and ?seeker=true narrows it', async () => {
    const officerList = (await get(officer, '/persons?pageSize=100')).json() as { items: { id: string }[] };
    const ids = officerList.items.map((p) => p.id);
    expect(ids).toContain(seeker.id);
    expect(ids).not.toContain(employedNeighbour.id);
    const clerkAll = (await get(clerk, '/persons?pageSize=100')).json() as { items: { id: string }[] };
    expect(clerkAll.items.map((p) => p.id)).toEqual(expect.arrayContaining([seeker.id, employedNeighbour.id]));
    const clerkSeekers = (await get(clerk, '/persons?seeker=true&pageSize=100')).json() as { items: { id: string }[] };
    expect(clerkSeekers.items.map((p) => p.id)).toContain(seeker.id);
    expect(clerkSeekers.items.map((p) => p.id)).not.toContain(employedNeighbour.id);
  });

  it('JOB-4 a job officer opens a seeker and their matches; a person who seeks no job is 404 to them, as is a lookup of their ID', async () => {
    expect((await get(officer, `/persons/${seeker.id}`)).statusCode).toBe(200);
    expect((await get(officer, `/persons/${seeker.id}/matches`)).statusCode).toBe(200);
    expect((await lookup(officer, seeker.idNumber)).statusCode).toBe(200);
    expect((await get(officer, `/persons/${employedNeighbour.id}`)).statusCode).toBe(404);
    expect((await get(officer, `/persons/${employedNeighbour.id}/matches`)).statusCode).toBe(404);
    expect((await lookup(officer, employedNeighbour.idNumber)).statusCode).toBe(404);
    expect((await get(clerk, `/persons/${employedNeighbour.id}`)).statusCode).toBe(200);
  });

  it('JOB-4 a job officer of another district gets 404 for the seeker', async () => {
    expect((await get(otherOfficer, `/persons/${seeker.id}`)).statusCode).toBe(404);
    expect((await get(otherOfficer, `/persons/${seeker.id}/matches`)).statusCode).toBe(404);
    const list = (await get(otherOfficer, '/persons?pageSize=100')).json() as { items: { id: string }[] };
    expect(list.items.map((p) => p.id)).not.toContain(seeker.id);
  });

  it('SYS-2 a job officer’s view and lookup of a seeker are in the access log', async () => {
    const log = (await get(auditor, `/persons/${seeker.id}/access-log?pageSize=100`)).json() as {
      items: { actorUsername: string; action: string }[];
    };
    const officerName = (await get(officer, '/auth/me')).json().username as string;
    expect(log.items.filter((e) => e.actorUsername === officerName).map((e) => e.action)).toEqual(
      expect.arrayContaining(['view', 'lookup']),
    );
  });

  it('SYS-2 asking for a seeker’s matches is a look at their record, in the access log', async () => {
    const matcher = await createStaffMember(t, { regionCode: '140105000000', roles: ['job_officer'] });
    expect((await get(matcher.auth, `/persons/${seeker.id}/matches`)).statusCode).toBe(200);
    const log = (await get(auditor, `/persons/${seeker.id}/access-log?pageSize=100`)).json() as {
      items: { actorUsername: string; action: string }[];
    };
    const name = (await get(matcher.auth, '/auth/me')).json().username as string;
    expect(log.items.filter((e) => e.actorUsername === name).map((e) => e.action)).toEqual(['view']);
  });
});
