import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../../../shared/idNumber.js';
import { createTestApp, loginAs, type TestApp } from '../../testing/testApp.js';

let t: TestApp;
let clerk: { authorization: string };
let personId: string;
const today = '2026-11-23';

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T04:00:00Z`) });
  clerk = await loginAs(t.app, 's140105001_clerk');
  const body = '140105198203040567'.slice(0, 17);
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/persons', headers: clerk, payload: { idNumber: body + idCheckCharacter(body), name: '赵服务', regionCode: '140105001002', householdType: 'urban' } });
  personId = res.json().id;
});
afterAll(() => t.close());

describe('REG-8 every service given to a person is recorded', () => {
  it('REG-8 records what, who, which unit, channel and when; lists newest first', async () => {
    const post = (payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/persons/${personId}/services`, headers: clerk, payload });
    const first = await post({ type: 'consultation', channel: 'counter', date: '2026-11-20', notes: '咨询失业保险金申领' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ type: 'consultation', channel: 'counter', date: '2026-11-20', staffName: '坞城街道经办员', unitName: '坞城街道劳动保障事务所' });
    expect((await post({ type: 'vocational_guidance', channel: 'counter' })).json().date).toBe(today);
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/persons/${personId}/services`, headers: clerk });
    expect((list.json() as { type: string }[]).map((s) => s.type)).toEqual(['vocational_guidance', 'consultation']);
  });

  it('REG-8 a service dated in the future is refused', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/persons/${personId}/services`, headers: clerk, payload: { type: 'home_visit', channel: 'home_visit', date: '2026-11-24' } });
    expect(res.statusCode).toBe(422);
  });

  it('REG-8 counts per unit and per staff member for a period, within scope', async () => {
    const byUnit = await t.app.inject({ method: 'GET', url: '/api/v1/services/counts?from=2026-11-01&to=2026-11-30&groupBy=unit', headers: await loginAs(t.app, 'xiaodian_admin') });
    expect(byUnit.json()).toEqual([expect.objectContaining({ name: '坞城街道劳动保障事务所', total: 2, byType: { consultation: 1, vocational_guidance: 1 } })]);
    const byStaff = await t.app.inject({ method: 'GET', url: '/api/v1/services/counts?from=2026-11-21&to=2026-11-30&groupBy=staff', headers: clerk });
    expect(byStaff.json()).toEqual([expect.objectContaining({ name: '坞城街道经办员', total: 1 })]);
    const otherDistrict = await t.app.inject({ method: 'GET', url: '/api/v1/services/counts?from=2026-11-01&to=2026-11-30&groupBy=unit', headers: await loginAs(t.app, 'yingze_admin') });
    expect(otherDistrict.json()).toEqual([]);
  });

  it('NET-2 a clerk of another street gets 404 recording or reading services of this person', async () => {
    const other = await loginAs(t.app, 's140105002_clerk');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/persons/${personId}/services`, headers: other })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/persons/${personId}/services`, headers: other, payload: { type: 'consultation', channel: 'phone' } })).statusCode).toBe(404);
  });
});
