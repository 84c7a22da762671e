import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, createStaffMember, createStreetPair, type Auth, type StaffMember } from '../../testing/factories.js';
import { createTestApp, type TestApp } from '../../testing/testApp.js';

let t: TestApp;
let clerk: StaffMember; // a clerk of 坞城街道 (140105001)
let otherStreet: Auth; // a clerk of 营盘街道 (140105002)
const today = '2026-11-23';

const record = (personId: string, payload: object, headers: Auth = clerk.auth) =>
  t.app.inject({ method: 'POST', url: `/api/v1/persons/${personId}/services`, headers, payload });

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T04:00:00Z`) });
  const streets = await createStreetPair(t);
  clerk = streets.home;
  otherStreet = streets.other.auth;
});
afterAll(() => t.close());

describe('REG-8 every service given to a person is recorded', () => {
  it('REG-8 records what, who, which unit, channel and when; lists newest first', async () => {
    const person = await createPerson(t, clerk.auth, { regionCode: '140105001002' });
    const first = await record(person.id, { type: 'consultation', channel: 'counter', date: '2026-11-20', notes: '咨询失业保险金申领' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      type: 'consultation',
      channel: 'counter',
      date: '2026-11-20',
      staffName: clerk.name,
      unitName: clerk.unit.name,
    });
    expect((await record(person.id, { type: 'vocational_guidance', channel: 'counter' })).json().date).toBe(today);
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/persons/${person.id}/services`, headers: clerk.auth });
    expect((list.json() as { type: string }[]).map((s) => s.type)).toEqual(['vocational_guidance', 'consultation']);
  });

  it('REG-8 a service dated in the future is refused', async () => {
    const person = await createPerson(t, clerk.auth);
    const res = await record(person.id, { type: 'home_visit', channel: 'home_visit', date: '2026-11-24' });
    expect(res.statusCode).toBe(422);
  });

  it('REG-8 counts per unit and per staff member for a period, within scope', async () => {
    // October is a month no other test of this file records services in, so the counts are exactly these.
    const person = await createPerson(t, clerk.auth);
    await record(person.id, { type: 'consultation', channel: 'counter', date: '2026-10-05' });
    await record(person.id, { type: 'vocational_guidance', channel: 'counter', date: '2026-10-20' });
    const districtAdmin = await createStaffMember(t, { regionCode: '140105000000', roles: ['admin'] });
    const byUnit = await t.app.inject({
      method: 'GET',
      url: '/api/v1/services/counts?from=2026-10-01&to=2026-10-31&groupBy=unit',
      headers: districtAdmin.auth,
    });
    expect(byUnit.json()).toEqual([
      expect.objectContaining({ name: clerk.unit.name, total: 2, byType: { consultation: 1, vocational_guidance: 1 } }),
    ]);
    const byStaff = await t.app.inject({
      method: 'GET',
      url: '/api/v1/services/counts?from=2026-10-15&to=2026-10-31&groupBy=staff',
      headers: clerk.auth,
    });
    expect(byStaff.json()).toEqual([expect.objectContaining({ name: clerk.name, total: 1 })]);
    const otherDistrictAdmin = await createStaffMember(t, { regionCode: '140106000000', roles: ['admin'] });
    const otherDistrict = await t.app.inject({
      method: 'GET',
      url: '/api/v1/services/counts?from=2026-10-01&to=2026-10-31&groupBy=unit',
      headers: otherDistrictAdmin.auth,
    });
    expect(otherDistrict.json()).toEqual([]);
  });

  it('NET-2 a clerk of another street gets 404 recording or reading services of this person', async () => {
    const person = await createPerson(t, clerk.auth);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/persons/${person.id}/services`, headers: otherStreet })).statusCode).toBe(
      404,
    );
    expect((await record(person.id, { type: 'consultation', channel: 'phone' }, otherStreet)).statusCode).toBe(404);
  });
});
