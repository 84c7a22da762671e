// AID-7 campaigns and AID-9 full-employment communities through the API, on PGlite and on
// PostgreSQL. A campaign's results are counted from the records dated in its period, in its region,
// of its target groups (a late entry dated in the period counts, one dated outside does not); a
// community's facts are counted as of a date against parameters, ranked, with the share meeting them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, createPerson, createStaffMember, type Auth } from '../../testing/factories.js';
import { createTestApp, loginAs, type TestApp } from '../../testing/testApp.js';

const today = '2026-11-23';
let t: TestApp;
let clerk: Auth; // 坞城街道 (140105001)
let yingpan: Auth; // 营盘街道 (140105002): the communities of AID-9
let otherStreet: Auth;
let otherDistrict: Auth;
let reviewer: Auth;
let leader: Auth;
let admin: Auth;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T04:00:00Z`) });
  clerk = (await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk'] })).auth;
  yingpan = (await createStaffMember(t, { regionCode: '140105002000', roles: ['clerk'] })).auth;
  otherStreet = (await createStaffMember(t, { regionCode: '140105003000', roles: ['clerk'] })).auth;
  otherDistrict = (await createStaffMember(t, { regionCode: '140106000000', roles: ['clerk'] })).auth;
  reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] })).auth;
  leader = (await createStaffMember(t, { regionCode: '140105000000', roles: ['leader'] })).auth;
  admin = await loginAs(t.app, 'admin');
});
afterAll(() => t?.close());

const send = (auth: Auth, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: auth, ...(payload ? { payload } : {}) });

async function ok(res: Awaited<ReturnType<typeof send>>, status = 201) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

/** A registered unemployed woman of 46 in a community, recognised as a 4050 person (AID-1). */
async function person4050(as: Auth, regionCode: string, since = '2026-06-01') {
  const person = await createPerson(t, as, {
    regionCode,
    idNumber: buildIdNumber({ birthDate: '1980-03-03', sex: 'F' }),
    unemployedSince: since,
  });
  await ok(
    await send(reviewer, 'POST', `/persons/${person.id}/categories`, {
      category: 'person_4050',
      evidence: '身份证、失业登记',
      recognisedOn: since,
    }),
  );
  return person;
}

const serve = (as: Auth, personId: string, date: string) =>
  send(as, 'POST', `/persons/${personId}/services`, { type: 'vocational_guidance', channel: 'counter', date }).then((r) => ok(r));
const employ = (as: Auth, personId: string, date: string) =>
  send(as, 'POST', `/persons/${personId}/registrations`, { type: 'employment', date, employerName: '太原市某物业公司' }).then((r) => ok(r));

type Result = { indicator: string; target: number | null; actual: number; share: number | null };
const resultsOf = async (as: Auth, id: string) => {
  const body = await ok(await send(as, 'GET', `/assistance/campaigns/${id}/results`), 200);
  return Object.fromEntries((body.results as Result[]).map((r) => [r.indicator, r])) as Record<string, Result>;
};

describe('AID-7 campaigns', () => {
  let campaignId: string;

  beforeAll(async () => {
    // Community 140105001003: A and B are 4050 persons, C is not; D is a 4050 person of the next community.
    const a = await person4050(clerk, '140105001003');
    const b = await person4050(clerk, '140105001003');
    const c = await createPerson(t, clerk, { regionCode: '140105001003', unemployedSince: '2026-06-01' });
    const d = await person4050(clerk, '140105001004');
    await serve(clerk, a.id, '2026-09-10');
    await employ(clerk, a.id, '2026-09-15');
    await serve(clerk, b.id, '2026-08-31'); // the day before: not counted
    await serve(clerk, b.id, '2026-10-01'); // the day after: not counted
    await serve(clerk, c.id, '2026-09-12'); // not a target group
    await serve(clerk, d.id, '2026-09-12'); // another community
    const created = await ok(
      await send(clerk, 'POST', '/assistance/campaigns', {
        name: '2026年“4050”人员就业援助行动',
        kind: 'assistance_week',
        regionCode: '140105001003',
        startDate: '2026-09-01',
        endDate: '2026-09-30',
        targetGroups: ['person_4050'],
        targets: { persons_served: 4, persons_placed: 2, job_fairs: 1 },
      }),
    );
    expect(created).toMatchObject({ status: 'ended', regionName: expect.any(String), targetGroups: ['person_4050'] });
    campaignId = created.id;
    // A late entry: typed today (November), dated in the period; it counts like any other.
    await serve(clerk, b.id, '2026-09-20');
  });

  it('AID-7 results count only the records dated in the period, in the region, of the target groups (a late entry dated in the period counts)', async () => {
    const r = await resultsOf(clerk, campaignId);
    expect(r.persons_served).toMatchObject({ target: 4, actual: 2, share: 0.5 });
    expect(r.services!.actual).toBe(2);
    expect(r.persons_placed).toMatchObject({ target: 2, actual: 1, share: 0.5 });
    expect(r.hard_to_employ_placed!.actual).toBe(1);
    expect(r.job_fairs).toMatchObject({ target: 1, actual: 0, share: 0 });
    expect(r.referrals).toMatchObject({ target: null, actual: 0, share: null });
  });

  it('AID-7 widening the target groups to everyone and moving the period change the results, never a typed figure', async () => {
    const everyone = await ok(await send(clerk, 'PATCH', `/assistance/campaigns/${campaignId}`, { targetGroups: [] }), 200);
    expect(everyone.targetGroups).toEqual([]);
    expect((await resultsOf(clerk, campaignId)).persons_served!.actual).toBe(3);
    await ok(await send(clerk, 'PATCH', `/assistance/campaigns/${campaignId}`, { endDate: '2026-10-01' }), 200);
    // A 9-10, B 9-20 and 10-01, C 9-12; D is of another community.
    expect((await resultsOf(clerk, campaignId)).services!.actual).toBe(4);
    await ok(
      await send(clerk, 'PATCH', `/assistance/campaigns/${campaignId}`, { targetGroups: ['person_4050'], endDate: '2026-09-30' }),
      200,
    );
    expect((await resultsOf(clerk, campaignId)).services!.actual).toBe(2);
  });

  it('AID-7 creating and editing a campaign are audited', async () => {
    const audit = await ok(await send(admin, 'GET', `/audit?entity=campaign&entityId=${campaignId}&pageSize=50`), 200);
    const actions = (audit.items as { action: string }[]).map((e) => e.action);
    expect(actions).toContain('create');
    expect(actions.filter((a) => a === 'update').length).toBeGreaterThanOrEqual(3);
  });

  it('AID-7 a period ending before it starts is refused on /endDate, and writes nothing', async () => {
    const res = await send(clerk, 'POST', '/assistance/campaigns', {
      name: '倒置的活动',
      kind: 'other',
      regionCode: '140105001003',
      startDate: '2026-09-30',
      endDate: '2026-09-01',
      targetGroups: [],
      targets: {},
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(expect.objectContaining({ path: '/endDate', code: 'BEFORE_START' }));
    const list = await ok(await send(clerk, 'GET', '/assistance/campaigns?q=倒置'), 200);
    expect(list.total).toBe(0);
  });

  it('AID-7 the list is paged and exports to Excel; a leader reads it but may not plan a campaign', async () => {
    const list = await ok(await send(leader, 'GET', '/assistance/campaigns?pageSize=10'), 200);
    expect(list.items).toContainEqual(expect.objectContaining({ id: campaignId }));
    const xlsx = await send(clerk, 'GET', '/assistance/campaigns?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await send(leader, 'GET', `/assistance/campaigns/${campaignId}/results`)).statusCode).toBe(200);
    const refused = await send(leader, 'POST', '/assistance/campaigns', {
      name: '领导不能建',
      kind: 'other',
      regionCode: '140105000000',
      startDate: '2026-09-01',
      endDate: '2026-09-30',
      targetGroups: [],
      targets: {},
    });
    expect(refused.statusCode).toBe(403);
    expect((await send(leader, 'PATCH', `/assistance/campaigns/${campaignId}`, { name: '改名' })).statusCode).toBe(403);
  });

  it('AID-7 a campaign of another street or another district answers 404 on every id route', async () => {
    for (const other of [otherStreet, otherDistrict]) {
      expect((await send(other, 'GET', `/assistance/campaigns/${campaignId}`)).statusCode).toBe(404);
      expect((await send(other, 'GET', `/assistance/campaigns/${campaignId}/results`)).statusCode).toBe(404);
      expect((await send(other, 'PATCH', `/assistance/campaigns/${campaignId}`, { name: '越权修改' })).statusCode).toBe(404);
      expect((await ok(await send(other, 'GET', '/assistance/campaigns'), 200)).items).not.toContainEqual(
        expect.objectContaining({ id: campaignId }),
      );
    }
  });
});

type Fact = { criterion: string; numerator: number; denominator: number; value: number | null; threshold: number | null; met: boolean };
type Community = { regionCode: string; rank: number; criteriaMet: number; meetsStandard: boolean; score: number; facts: Fact[] };
const ranking = async (as: Auth, query = '') =>
  ok(await send(as, 'GET', `/assistance/full-employment-communities?pageSize=100${query}`), 200);
const fact = (c: Community, criterion: string) => c.facts.find((f) => f.criterion === criterion)!;

describe('AID-9 full-employment communities', () => {
  const nine = '140105002001'; // 10 4050 persons, 9 placed
  const eight = '140105002002'; // 10 4050 persons, 8 placed

  beforeAll(async () => {
    for (const [community, placed] of [
      [nine, 9],
      [eight, 8],
    ] as const) {
      for (let i = 0; i < 10; i++) {
        const p = await person4050(yingpan, community);
        if (i < placed) await employ(yingpan, p.id, '2026-09-01');
      }
    }
  });

  it('AID-9 9 of 10 4050 persons placed meets the 90% of seed 002 §(八); 8 of 10 does not; the facts behind each criterion are given', async () => {
    const list = await ranking(yingpan);
    const a = (list.items as Community[]).find((c) => c.regionCode === nine)!;
    const b = (list.items as Community[]).find((c) => c.regionCode === eight)!;
    expect(fact(a, 'placement_4050')).toMatchObject({ numerator: 9, denominator: 10, value: 90, threshold: 90, met: true });
    expect(fact(b, 'placement_4050')).toMatchObject({ numerator: 8, denominator: 10, value: 80, threshold: 90, met: false });
    // The one still unemployed is registered and holds the certificate issued at registration.
    expect(fact(a, 'registration')).toMatchObject({ numerator: 1, denominator: 1, met: true });
    expect(fact(a, 'certificates')).toMatchObject({ numerator: 1, denominator: 1, met: true });
    expect(fact(a, 'zero_employment')).toMatchObject({ denominator: 0, met: true });
    expect(a).toMatchObject({ meetsStandard: true, criteriaMet: 4 });
    expect(b).toMatchObject({ meetsStandard: false, criteriaMet: 3 });
  });

  it('AID-9 communities rank by criteria met, then score; the share meeting the standard is of the communities in scope', async () => {
    const list = await ranking(yingpan);
    const codes = (list.items as Community[]).map((c) => c.regionCode);
    expect(codes).toEqual([nine, eight]);
    expect((list.items as Community[]).map((c) => c.rank)).toEqual([1, 2]);
    expect(list).toMatchObject({ communities: 2, meeting: 1, share: 50, targetShare: 20, asOf: today });
  });

  it('AID-9 as of a past date the facts are those of that date (before the placements nobody was placed)', async () => {
    const past = await ranking(yingpan, '&asOf=2026-08-31');
    expect(past.asOf).toBe('2026-08-31');
    for (const c of past.items as Community[]) {
      expect(fact(c, 'placement_4050')).toMatchObject({ numerator: 0, denominator: 10, met: false });
      expect(fact(c, 'registration')).toMatchObject({ numerator: 10, denominator: 10, met: true });
    }
    expect(past.meeting).toBe(0);
    expect((await send(yingpan, 'GET', '/assistance/full-employment-communities?asOf=2026-11-24')).statusCode).toBe(400);
  });

  it('AID-9 lowering the parameter full_employment_community.min_4050_placed_rate to 80 lets 8 of 10 meet it', async () => {
    await ok(
      await send(admin, 'POST', '/params/full_employment_community.min_4050_placed_rate/values', {
        regionPrefix: '140105',
        effectiveFrom: '2026-10-01',
        value: 80,
        source: '测试：小店区充分就业社区安置率标准调整为80%',
      }),
    );
    const list = await ranking(yingpan);
    expect(list).toMatchObject({ communities: 2, meeting: 2, share: 100 });
    expect(
      fact(
        (list.items as Community[]).find((c) => c.regionCode === eight)!,
        'placement_4050',
      ),
    ).toMatchObject({ threshold: 80, met: true });
    // Before the new value took effect the old standard applies.
    const september = await ranking(yingpan, '&asOf=2026-09-30');
    expect(
      fact(
        (september.items as Community[]).find((c) => c.regionCode === eight)!,
        'placement_4050',
      ),
    ).toMatchObject({ threshold: 90, met: false });
  });

  it('AID-9 a community detail gives its facts; another street and another district get 404; the ranking exports to Excel', async () => {
    const detail = await ok(await send(yingpan, 'GET', `/assistance/full-employment-communities/${nine}`), 200);
    expect(detail).toMatchObject({ regionCode: nine, asOf: today, facts: expect.any(Array) });
    expect(fact(detail, 'placement_4050')).toMatchObject({ numerator: 9, denominator: 10 });
    expect((await send(leader, 'GET', `/assistance/full-employment-communities/${nine}`)).statusCode).toBe(200);
    for (const other of [otherStreet, otherDistrict]) {
      expect((await send(other, 'GET', `/assistance/full-employment-communities/${nine}`)).statusCode).toBe(404);
      expect((await ranking(other)).items.map((c: Community) => c.regionCode)).not.toContain(nine);
    }
    const xlsx = await send(yingpan, 'GET', '/assistance/full-employment-communities?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('AID-9 region codes outside the caller’s area or of no community answer an empty ranking or 404, never an error', async () => {
    for (const code of ['000000000000', '140106000000', '999999999999']) {
      const list = await ranking(yingpan, `&regionCode=${code}`);
      expect(list).toMatchObject({ communities: 0, items: [], share: null });
      expect((await send(yingpan, 'GET', `/assistance/full-employment-communities/${code}`)).statusCode).toBe(404);
    }
    expect((await send(admin, 'GET', '/assistance/full-employment-communities/000000000000')).statusCode).toBe(404);
    const narrowed = await ranking(yingpan, `&regionCode=${nine}`);
    expect((narrowed.items as Community[]).map((c) => c.regionCode)).toEqual([nine]);
  });
});
