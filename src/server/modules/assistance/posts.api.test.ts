// AID-4 public-welfare posts through the API, on PGlite and on PostgreSQL: a registry of posts;
// a placement registers the person's employment (and so resolves their household's zero-employment
// case), comes first for hard-to-employ persons, fills a place (a full post answers 409), is capped
// by the term limit over all of a person's placements, and ends with an exit that registers the end
// of the employment; the month's subsidy list pays whole months whole and part months by days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, createPerson, createStaffMember, type Auth } from '../../testing/factories.js';
import { createTestApp, loginAs, type TestApp } from '../../testing/testApp.js';

const today = '2026-11-23';
let t: TestApp;
let clerk: Auth; // 坞城街道 (140105001)
let otherStreet: Auth;
let otherDistrict: Auth;
let reviewer: Auth;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T04:00:00Z`) });
  clerk = (await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk'] })).auth;
  otherStreet = (await createStaffMember(t, { regionCode: '140105002000', roles: ['clerk'] })).auth;
  otherDistrict = (await createStaffMember(t, { regionCode: '140106000000', roles: ['clerk'] })).auth;
  reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] })).auth;
});
afterAll(() => t?.close());

const send = (auth: Auth, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: auth, ...(payload ? { payload } : {}) });

let postSerial = 0;
async function createPost(over: Record<string, unknown> = {}) {
  const res = await send(clerk, 'POST', '/assistance/posts', {
    name: `社区保洁${++postSerial}`,
    sponsor: '坞城街道办事处',
    postType: 'community_service',
    regionCode: '140105001001',
    places: 2,
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; places: number; free: number; occupied: number };
}

/** A registered unemployed woman of 51, recognised by a reviewer as hard-to-employ (person_4050, AID-1). */
async function hardToEmploy(over: Record<string, unknown> = {}) {
  const person = await createPerson(t, clerk, {
    idNumber: buildIdNumber({ birthDate: '1975-03-03', sex: 'F' }),
    unemployedSince: '2026-06-01',
    ...over,
  });
  const recognised = await send(reviewer, 'POST', `/persons/${person.id}/categories`, {
    category: 'person_4050',
    evidence: '身份证、失业登记',
    recognisedOn: (over.unemployedSince as string | undefined) ?? '2026-06-01',
  });
  expect(recognised.statusCode, recognised.body).toBe(201);
  return person;
}

const place = (postId: string, body: object) => send(clerk, 'POST', `/assistance/posts/${postId}/placements`, body);
const statusOf = async (personId: string) => (await send(clerk, 'GET', `/persons/${personId}`)).json().employmentStatus as string;

describe('AID-4 public-welfare posts', () => {
  it('AID-4 placing a 4050 person registers the employment and resolves the household’s zero-employment case by a public-welfare post', async () => {
    const a = await hardToEmploy();
    const b = await hardToEmploy({ idNumber: buildIdNumber({ birthDate: '1978-04-04' }) });
    const household = await send(clerk, 'POST', '/households', { regionCode: '140105001001', memberIds: [a.id, b.id] });
    const caseId = household.json().openCase.id as string;
    const post = await createPost();
    const placed = await place(post.id, { personId: a.id, startDate: '2026-11-16' });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json()).toMatchObject({
      personId: a.id,
      startDate: '2026-11-16',
      endDate: '2027-12-31',
      exitedOn: null,
      priorityOverride: null,
    });
    expect(await statusOf(a.id)).toBe('employed');
    const registrations = (await send(clerk, 'GET', `/persons/${a.id}/registrations`)).json() as { type: string; date: string }[];
    expect(registrations.at(-1)).toMatchObject({ type: 'employment', date: '2026-11-16' });
    const c = (await send(clerk, 'GET', `/assistance/zero-employment-cases/${caseId}`)).json();
    expect(c).toMatchObject({ status: 'resolved', resolvedOn: '2026-11-16', resolution: 'public_welfare_post' });
    expect((await send(clerk, 'GET', `/assistance/posts/${post.id}`)).json()).toMatchObject({ occupied: 1, free: 1 });
    const withFree = (await send(clerk, 'GET', '/assistance/posts?free=true&pageSize=100')).json() as {
      items: { id: string; occupied: number }[];
      total: number;
    };
    expect(withFree.items).toContainEqual(expect.objectContaining({ id: post.id, occupied: 1 }));
    expect(withFree.total).toBe(withFree.items.length);
  });

  it('AID-4 a full post answers 409 CONFLICT and changes nothing; an exit frees the place and registers the end of the employment', async () => {
    const post = await createPost({ places: 1 });
    const first = await hardToEmploy();
    const second = await hardToEmploy();
    const placed = await place(post.id, { personId: first.id, startDate: '2026-11-02' });
    expect(placed.statusCode, placed.body).toBe(201);
    const freeIds = async () =>
      ((await send(clerk, 'GET', '/assistance/posts?free=true&pageSize=100')).json() as { items: { id: string }[] }).items.map((p) => p.id);
    expect(await freeIds()).not.toContain(post.id);
    const full = await place(post.id, { personId: second.id, startDate: '2026-11-03' });
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('CONFLICT');
    expect(await statusOf(second.id)).toBe('unemployed');

    const exit = await send(clerk, 'POST', `/assistance/placements/${placed.json().id}/exit`, { date: '2026-11-20', reason: 'resigned' });
    expect(exit.statusCode, exit.body).toBe(200);
    expect(exit.json()).toMatchObject({ exitedOn: '2026-11-20', exitReason: 'resigned' });
    expect(await statusOf(first.id)).not.toBe('employed');
    expect(
      (await send(clerk, 'POST', `/assistance/placements/${placed.json().id}/exit`, { date: '2026-11-21', reason: 'other' })).statusCode,
    ).toBe(409);
    expect((await place(post.id, { personId: second.id, startDate: '2026-11-21' })).statusCode).toBe(201);
  });

  it('AID-4 a person outside the priority groups is placed only with a reason (422 RULE_VIOLATION on /overrideReason), which is kept', async () => {
    const post = await createPost();
    const ordinary = await createPerson(t, clerk, { unemployedSince: '2026-09-01' });
    const refused = await place(post.id, { personId: ordinary.id, startDate: '2026-11-10' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'RULE_VIOLATION', errors: [expect.objectContaining({ path: '/overrideReason' })] });
    expect(await statusOf(ordinary.id)).toBe('unemployed');
    const placed = await place(post.id, {
      personId: ordinary.id,
      startDate: '2026-11-10',
      overrideReason: '社区无其他符合条件人员，经街道研究同意',
    });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json().priorityOverride).toBe('社区无其他符合条件人员，经街道研究同意');
  });

  it('AID-4 the term limit counts every placement: after 36 months on posts a person cannot be placed again, and a placement ends where the term runs out', async () => {
    const longPost = await createPost({ startDate: '2023-01-01', endDate: '2030-12-31', places: 5 });
    const veteran = await hardToEmploy({ unemployedSince: '2023-10-01' });
    const first = await place(longPost.id, { personId: veteran.id, startDate: '2023-11-01' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().endDate).toBe('2026-10-31'); // 36 months (public_welfare_post.max_term), not the post's 2030
    const exit = await send(clerk, 'POST', `/assistance/placements/${first.json().id}/exit`, { date: '2026-10-31', reason: 'term_ended' });
    expect(exit.statusCode, exit.body).toBe(200);
    // The placement's employment ended the 4050 recognition (AID-1); a reason stands in, so the term is what refuses.
    const again = await place(longPost.id, { personId: veteran.id, startDate: '2026-11-02', overrideReason: '期满后再次申请（测试）' });
    expect(again.statusCode).toBe(422);
    expect(again.json().detail).toContain('36');

    // Twelve months used elsewhere leave twenty-four.
    const partly = await hardToEmploy({ unemployedSince: '2024-10-01' });
    const earlier = await place(longPost.id, { personId: partly.id, startDate: '2024-11-01' });
    await send(clerk, 'POST', `/assistance/placements/${earlier.json().id}/exit`, { date: '2025-10-31', reason: 'resigned' });
    const later = await place(longPost.id, { personId: partly.id, startDate: '2026-01-01', overrideReason: '再次安置（测试）' });
    expect(later.statusCode, later.body).toBe(201);
    expect(later.json().endDate).toBe('2027-12-31');
  });

  it('AID-4 the month’s subsidy list: a whole month is paid whole, a part month by its days, and an unset parameter says so (hand computed)', async () => {
    // In 140105001005 only, so this test's rows are its own.
    const region = '140105001005';
    const post = await createPost({ regionCode: region, places: 3 });
    const whole = await hardToEmploy({ regionCode: region, unemployedSince: '2026-09-01' });
    const part = await hardToEmploy({ regionCode: region, unemployedSince: '2026-09-01' });
    expect((await place(post.id, { personId: whole.id, startDate: '2026-10-20' })).statusCode).toBe(201);
    expect((await place(post.id, { personId: part.id, startDate: '2026-11-10' })).statusCode).toBe(201);
    const list = async () => {
      const res = await send(clerk, 'GET', '/assistance/posts/subsidy-list?month=2026-11');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: { personId: string; days: number; postSubsidyFen: number | null }[]; unsetRegions: string[] };
      return { ...body, mine: body.items.filter((i) => [whole.id, part.id].includes(i.personId)) };
    };
    const unset = await list();
    const row = (body: typeof unset, id: string) => body.mine.find((i) => i.personId === id);
    expect(row(unset, whole.id)).toMatchObject({ days: 30, postSubsidyFen: null });
    expect(row(unset, part.id)).toMatchObject({ days: 21, postSubsidyFen: null });
    expect(unset.unsetRegions).toContain(region);
    const admin = await loginAs(t.app, 'admin');
    for (const [name, value] of [
      ['subsidy.public_welfare_post.amount', 150000],
      ['subsidy.social_insurance.amount', 60000],
    ] as const) {
      const set = await send(admin, 'POST', `/params/${name}/values`, {
        regionPrefix: region,
        effectiveFrom: '2026-01-01',
        value,
        source: '测试用补贴标准',
      });
      expect(set.statusCode, set.body).toBe(201);
    }
    const paid = await list();
    // Whole month: 1,500.00 and 600.00 yuan; 10–30 November is 21 of 30 days: 1,050.00 and 420.00.
    expect(row(paid, whole.id)).toMatchObject({ days: 30, postSubsidyFen: 150000, socialInsuranceSubsidyFen: 60000 });
    expect(row(paid, part.id)).toMatchObject({ days: 21, postSubsidyFen: 105000, socialInsuranceSubsidyFen: 42000 });
    expect(paid.unsetRegions).not.toContain(region);
    const xlsx = await send(clerk, 'GET', '/assistance/posts/subsidy-list?month=2026-11&format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('AID-4 every post and placement route answers 404 to a clerk of another street and of another district', async () => {
    const post = await createPost();
    const person = await hardToEmploy();
    const placed = await place(post.id, { personId: person.id, startDate: '2026-11-05' });
    for (const auth of [otherStreet, otherDistrict]) {
      expect((await send(auth, 'GET', `/assistance/posts/${post.id}`)).statusCode).toBe(404);
      const intoForeign = await send(auth, 'POST', `/assistance/posts/${post.id}/placements`, { personId: person.id, startDate: today });
      expect(intoForeign.statusCode).toBe(404);
      const exit = await send(auth, 'POST', `/assistance/placements/${placed.json().id}/exit`, { date: today, reason: 'other' });
      expect(exit.statusCode).toBe(404);
      const list = (await send(auth, 'GET', '/assistance/posts?pageSize=100')).json() as { items: { id: string }[] };
      expect(list.items.map((p) => p.id)).not.toContain(post.id);
    }
    expect((await send(clerk, 'GET', `/assistance/posts/${post.id}`)).json()).toMatchObject({ occupied: 1 });
  });
});
