// RPT-7 / JOB-5: referral and success rates are shares of persons, so no data can make them pass
// 100% (a property test over random registrations, referrals and outcomes), on PGlite and PostgreSQL.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDistrictPair,
  createEmployer,
  createPublishedVacancy,
  createStaffMember,
  createWelderSeeker,
  type Auth,
} from '../../testing/factories.js';
import { createTestApp, type TestApp } from '../../testing/testApp.js';

let t: TestApp;
let officer: Auth;
let vacancyIds: string[];
const today = '2026-11-23';
const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: officer, payload });

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T04:00:00Z`) });
  officer = (await createDistrictPair(t)).home.auth;
  const reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] })).auth;
  const e = await createEmployer(t, officer);
  vacancyIds = [];
  for (const title of ['电焊工', '二保焊工', '氩弧焊工'])
    vacancyIds.push((await createPublishedVacancy(t, officer, reviewer, e.id, { title, headcount: 200 })).id);
});
afterAll(() => t.close());

const community = fc.constantFrom('140105001001', '140105002001', '140105003001');
const day = (month: number) =>
  fc.integer({ min: 1, max: 28 }).map((d) => `2026-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const person = fc.record({
  regionCode: community,
  unemployedSince: fc.option(
    fc.oneof(
      day(9),
      day(10),
      day(11).filter((d) => d <= today),
    ),
    { nil: undefined },
  ),
  employedOn: fc.option(
    fc.oneof(
      day(10),
      day(11).filter((d) => d <= today),
    ),
    { nil: undefined },
  ),
  /** Referrals this month, by index into the vacancies; the first may end in a hire. */
  referredTo: fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { maxLength: 3 }),
  hired: fc.boolean(),
});

describe('RPT-7 referral rates', () => {
  it('RPT-7 on any registrations, referrals and outcomes, the referral and success rates of every unit stay within 0–100%', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 1, maxLength: 4 }), async (people) => {
        for (const p of people) {
          const seeker = await createWelderSeeker(t, officer, { regionCode: p.regionCode, unemployedSince: p.unemployedSince });
          // Registrations the rules refuse (employment before unemployment, say) are simply not there.
          if (p.employedOn)
            await post(`/persons/${seeker.id}/registrations`, { type: 'employment', date: p.employedOn, employerName: '太原某厂' });
          for (const [i, v] of p.referredTo.entries()) {
            const referral = await post('/referrals', { personId: seeker.id, vacancyId: vacancyIds[v]! });
            if (referral.statusCode === 201 && i === 0 && p.hired)
              await post(`/referrals/${referral.json().id as string}/outcome`, { outcome: 'hired', date: today });
          }
        }
        for (const month of ['2026-10', '2026-11']) {
          const rates = (await t.app.inject({ method: 'GET', url: `/api/v1/referrals/rates?month=${month}`, headers: officer })).json() as {
            seekers: number;
            referred: number;
            hired: number;
            referralRate: number | null;
            successRate: number | null;
          }[];
          for (const r of rates) {
            expect(r.referred).toBeLessThanOrEqual(r.seekers);
            expect(r.hired).toBeLessThanOrEqual(r.referred);
            expect(r.referralRate ?? 0).toBeLessThanOrEqual(100);
            expect(r.successRate ?? 0).toBeLessThanOrEqual(100);
          }
        }
      }),
      { numRuns: 12, seed: 20261130 },
    );
  }, 120_000);
});
