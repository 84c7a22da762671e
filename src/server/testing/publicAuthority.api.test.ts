// Public requests carry no authority (docs/architecture.md "Public requests"): the anonymous actor
// and a public account's actor have no staff role and a scope that matches no region code. So a
// public route that forgot its own check, and called a staff list, would still read nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoPopulation } from '../demo/population.js';
import { createDemoRecognitions } from '../demo/recognitions.js';
import { createDemoCampaigns } from '../demo/campaigns.js';
import { accountActor } from '../modules/accounts/index.js';
import { listCampaigns, listRecognitions, rankFullEmploymentCommunities } from '../modules/assistance/index.js';
import { listAudit } from '../modules/audit/index.js';
import { listEmployers } from '../modules/employers/index.js';
import { listFairs } from '../modules/fairs/index.js';
import { listZeroEmploymentCases } from '../modules/households/index.js';
import { listPersons } from '../modules/persons/index.js';
import { createReferral, listReferrals } from '../modules/referrals/index.js';
import { listStaff } from '../modules/staff/index.js';
import { createSurvey, listSurveys } from '../modules/surveys/index.js';
import { listUnits } from '../modules/units/index.js';
import { listVacancies } from '../modules/vacancies/index.js';
import { anonymousActor, type Actor, type Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { createTestApp, type TestApp } from './testApp.js';

let t: TestApp;
const paging = { limit: 100, offset: 0 };

/** Every staff list, called as a use case would be by a route. */
const staffLists: Record<string, (ctx: Ctx) => Promise<{ items: unknown[] }>> = {
  persons: (ctx) => listPersons(ctx, {}, paging),
  units: (ctx) => listUnits(ctx, {}, paging),
  staff: (ctx) => listStaff(ctx, {}, paging),
  audit: (ctx) => listAudit(ctx, {}, paging),
  zeroEmploymentCases: (ctx) => listZeroEmploymentCases(ctx, {}, paging),
  employers: (ctx) => listEmployers(ctx, {}, paging),
  vacancies: (ctx) => listVacancies(ctx, {}, paging),
  referrals: (ctx) => listReferrals(ctx, {}, paging),
  fairs: (ctx) => listFairs(ctx, {}, paging),
  surveys: (ctx) => listSurveys(ctx, paging),
  recognitions: (ctx) => listRecognitions(ctx, {}, paging),
  campaigns: (ctx) => listCampaigns(ctx, {}, paging),
  fullEmploymentCommunities: (ctx) => rankFullEmploymentCommunities(ctx, {}, paging),
};

/** The rows an actor reads from a list: a FORBIDDEN answer counts as none. */
async function rowsSeenBy(actor: Actor, list: (ctx: Ctx) => Promise<{ items: unknown[] }>): Promise<number> {
  try {
    return (await list({ ...t.systemCtx, actor })).items.length;
  } catch (err) {
    if (err instanceof AppError && err.code === 'FORBIDDEN') return 0;
    throw err;
  }
}

beforeAll(async () => {
  t = await createTestApp();
  await createDemoPopulation(t.systemCtx, 2);
  await createDemoRecognitions(t.systemCtx);
  await createDemoCampaigns(t.systemCtx);
  // One referral, so the referral list has a row too.
  const officer: Ctx = { ...t.systemCtx, actor: { ...t.systemCtx.actor, roles: ['job_officer'] } };
  const seeker = (await listPersons(t.systemCtx, { status: 'unemployed' }, { limit: 1, offset: 0 })).items[0]!;
  const vacancy = (await listVacancies(t.systemCtx, { status: 'published' }, { limit: 1, offset: 0 })).items[0]!;
  await createReferral(officer, { personId: seeker.id, vacancyId: vacancy.id });
  await createSurvey(
    { ...officer, actor: { ...officer.actor, scope: '1401' } },
    { name: '太原市空岗调查', year: 2026, dueDate: '2099-12-31' },
  );
  // The demo population (persons with a year of registrations) takes minutes on a busy machine.
}, 300_000);
afterAll(() => t?.close());

describe('SYS-2 public requests carry no authority', () => {
  it('the demo city has rows in every staff list, seen by the system actor (so the checks below can fail)', async () => {
    for (const [name, list] of Object.entries(staffLists)) {
      expect({ name, rows: (await list(t.systemCtx)).items.length > 0 }).toEqual({ name, rows: true });
    }
  });

  it('the anonymous actor reads zero rows from every staff list', async () => {
    for (const [name, list] of Object.entries(staffLists)) {
      expect({ name, rows: await rowsSeenBy(anonymousActor, list) }).toEqual({ name, rows: 0 });
    }
  });

  it('a seeker and an employer account read zero rows from every staff list', async () => {
    const seeker = accountActor(
      { id: '00000000-0000-4000-8000-000000000001', kind: 'seeker' } as Parameters<typeof accountActor>[0],
      '求职者',
    );
    const employer = accountActor(
      { id: '00000000-0000-4000-8000-000000000002', kind: 'employer' } as Parameters<typeof accountActor>[0],
      '用人单位',
    );
    for (const actor of [seeker, employer]) {
      expect(actor.roles).toEqual([]);
      for (const [name, list] of Object.entries(staffLists)) {
        expect({ actor: actor.username, name, rows: await rowsSeenBy(actor, list) }).toEqual({ actor: actor.username, name, rows: 0 });
      }
    }
  });
});
