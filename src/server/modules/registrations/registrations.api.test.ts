// Registrations as events (REG-3): the list a person's page shows is in the order things happened,
// whatever the order they were entered in (API.md), on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDistrictPair, createPerson, type Auth } from '../../testing/factories.js';
import { createTestApp, type TestApp } from '../../testing/testApp.js';

let t: TestApp;
let clerk: Auth;
let otherDistrict: Auth;
let clock = new Date('2026-11-23T04:00:00Z');
const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload, headers: clerk });

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  const pair = await createDistrictPair(t);
  clerk = pair.home.auth;
  otherDistrict = pair.other.auth;
});
afterAll(() => t.close());

describe('REG-3 registrations in date order', () => {
  it('REG-3 a late-entered registration is listed at its real date: oldest first, entry time breaking ties', async () => {
    const p = await createPerson(t, clerk);
    expect((await post(`/persons/${p.id}/registrations`, { type: 'unemployment', date: '2026-11-10' })).statusCode).toBe(201);
    clock = new Date(clock.getTime() + 60_000);
    // Entered later, happened earlier: the job seeking registration brought from the paper ledger.
    const late = await post(`/persons/${p.id}/registrations`, { type: 'job_seeking', date: '2026-11-02' });
    expect(late.statusCode, late.body).toBe(201);
    const listed = await t.app.inject({ method: 'GET', url: `/api/v1/persons/${p.id}/registrations`, headers: clerk });
    expect((listed.json() as { type: string; date: string }[]).map((e) => `${e.date} ${e.type}`)).toEqual([
      '2026-11-02 job_seeking',
      '2026-11-10 unemployment',
    ]);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/persons/${p.id}/registrations`, headers: otherDistrict })).statusCode).toBe(
      404,
    );
  });
});
