// Policy notices through the API (JOB-8): written, reviewed by someone else, published on the
// public board while valid; on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDistrictPair, createStaffMember, type Auth } from '../../testing/factories.js';
import { factoryPassword } from '../../testing/factories.js';
import { createTestApp, loginAs, type TestApp } from '../../testing/testApp.js';

let t: TestApp;
/** The app's clock: tests move it forward to let notices expire. */
let now = new Date('2026-11-23T04:00:00Z');
let author: Auth; // a 小店区 clerk and job officer
let otherDistrict: Auth; // the same roles in 迎泽区
let reviewer: Auth; // a city reviewer
let reviewerUsername: string;
let otherReviewer: Auth; // a reviewer of 迎泽区
let usernames: { author: string; reviewer: string; otherDistrict: string; otherReviewer: string };

/** Moves the clock; sessions idle that long have ended, so the two actors of these tests sign in again. */
async function setClock(iso: string) {
  now = new Date(iso);
  author = await loginAs(t.app, usernames.author, factoryPassword);
  reviewer = await loginAs(t.app, usernames.reviewer, factoryPassword);
  otherDistrict = await loginAs(t.app, usernames.otherDistrict, factoryPassword);
  otherReviewer = await loginAs(t.app, usernames.otherReviewer, factoryPassword);
}
const today = '2026-11-23T04:00:00Z';

const send = (method: 'POST' | 'PATCH' | 'GET', headers: Auth | undefined, url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, payload });
const post = (headers: Auth | undefined, url: string, payload: object = {}) => send('POST', headers, url, payload);
const get = (headers: Auth | undefined, url: string) => send('GET', headers, url);

const sources = [
  { title: '失业保险条例', documentNumber: '国务院令第258号', issuer: '国务院', date: '1999-01-22' },
  { title: '太原市劳动力市场“三化”建设推进试点实施方案', issuer: '太原市劳动和社会保障局' },
];

interface NoticeJson {
  id: string;
  status: string;
  title: string;
  contributors: string[];
  reviewedBy: string | null;
  reviewComment: string | null;
  publishedOn: string | null;
}

let serial = 0;
/** A draft of a 小店区 subsidy notice with two sources; `over` changes any field. */
async function draft(over: object = {}, as: Auth = author): Promise<NoticeJson> {
  const res = await post(as, '/notices', {
    title: `失业保险金申领须知（第${++serial}号）`,
    body: '同时具备下列条件的失业人员可以领取失业保险金：参加失业保险并缴费满一年；非因本人意愿中断就业；已办理失业登记并有求职要求。',
    category: 'subsidy',
    regionCode: '140105000000',
    sources,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as NoticeJson;
}

/** A notice taken through submission and a city reviewer's approval. */
async function published(over: object = {}): Promise<NoticeJson> {
  const n = await draft(over);
  expect((await post(author, `/notices/${n.id}/submit`)).statusCode).toBe(200);
  const res = await post(reviewer, `/notices/${n.id}/review`, { decision: 'approve' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as NoticeJson;
}

const board = async (query: string) =>
  ((await get(undefined, `/public/notices?pageSize=100&${query}`)).json() as { items: { id: string }[] }).items.map((n) => n.id);

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  const pair = await createDistrictPair(t);
  author = pair.home.auth;
  otherDistrict = pair.other.auth;
  const city = await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] });
  reviewer = city.auth;
  reviewerUsername = city.username;
  const yingze = await createStaffMember(t, { regionCode: '140106000000', roles: ['reviewer'] });
  otherReviewer = yingze.auth;
  usernames = { author: pair.home.username, reviewer: city.username, otherDistrict: pair.other.username, otherReviewer: yingze.username };
});
afterAll(() => t.close());

describe('JOB-8 writing, reviewing and publishing a notice', () => {
  it('JOB-8 a draft submitted and approved by another staff member is on the public board with its sources, no login', async () => {
    const n = await draft({ title: '失业保险金申领办法公告' });
    expect(n.status).toBe('draft');
    expect(await board('q=申领办法')).not.toContain(n.id);
    expect((await post(author, `/notices/${n.id}/submit`)).json().status).toBe('submitted');
    expect(await board('q=申领办法')).not.toContain(n.id);
    const approved = (await post(reviewer, `/notices/${n.id}/review`, { decision: 'approve' })).json();
    expect(approved).toMatchObject({ status: 'published', reviewedBy: reviewerUsername, publishedOn: '2026-11-23' });
    expect(await board('q=申领办法')).toContain(n.id);
    const page = (await get(undefined, `/public/notices/${n.id}`)).json();
    expect(page).toMatchObject({
      title: '失业保险金申领办法公告',
      category: 'subsidy',
      publishedOn: '2026-11-23',
      publisherName: expect.stringContaining('小店区'),
      sources: [
        { title: '失业保险条例', documentNumber: '国务院令第258号', issuer: '国务院', date: '1999-01-22', url: null },
        { title: '太原市劳动力市场“三化”建设推进试点实施方案', documentNumber: null, date: null },
      ],
    });
    expect(page).not.toHaveProperty('reviewedBy');
    expect(page).not.toHaveProperty('createdBy');
  });

  it('JOB-8 four eyes: the author may not publish their own notice, even holding the reviewer role; nor may anyone who edited it', async () => {
    const both = await createStaffMember(t, { regionCode: '140105000000', roles: ['job_officer', 'reviewer'] });
    const own = await draft({}, both.auth);
    await post(both.auth, `/notices/${own.id}/submit`);
    const refused = await post(both.auth, `/notices/${own.id}/review`, { decision: 'approve' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'RULE_VIOLATION', errors: [{ path: '/decision', code: 'OWN_NOTICE' }] });

    const edited = await draft();
    const patched = await send('PATCH', both.auth, `/notices/${edited.id}`, { title: '失业保险金申领须知（修订）' });
    expect(patched.json().contributors).toEqual([expect.any(String), both.username]);
    await post(author, `/notices/${edited.id}/submit`);
    expect((await post(both.auth, `/notices/${edited.id}/review`, { decision: 'approve' })).json().errors[0].code).toBe('OWN_NOTICE');
    expect((await post(reviewer, `/notices/${edited.id}/review`, { decision: 'approve' })).json().status).toBe('published');
  });

  it('JOB-8 the built-in admin, holding every role, cannot publish a notice it wrote', async () => {
    const admin = await loginAs(t.app, 'admin');
    const n = await draft({}, admin);
    await post(admin, `/notices/${n.id}/submit`);
    expect((await post(admin, `/notices/${n.id}/review`, { decision: 'approve' })).statusCode).toBe(422);
  });

  it('JOB-8 only reviewers review; a return needs a reason and sends the notice back to draft, where it can be edited and resubmitted', async () => {
    const n = await draft();
    await post(author, `/notices/${n.id}/submit`);
    expect((await post(author, `/notices/${n.id}/review`, { decision: 'approve' })).statusCode).toBe(403);
    const bare = await post(reviewer, `/notices/${n.id}/review`, { decision: 'return' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors).toEqual([expect.objectContaining({ path: '/comment', code: 'REQUIRED' })]);
    expect((await send('PATCH', author, `/notices/${n.id}`, { title: '提交后不能改的标题' })).statusCode).toBe(409);
    const returned = (await post(reviewer, `/notices/${n.id}/review`, { decision: 'return', comment: '请补充申领地点' })).json();
    expect(returned).toMatchObject({ status: 'draft', reviewComment: '请补充申领地点' });
    const fixed = await send('PATCH', author, `/notices/${n.id}`, {
      body: `${sources.length}个依据文件之外，补充申领地点：各区县失业保险经办窗口。`,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await post(author, `/notices/${n.id}/submit`)).json().status).toBe('submitted');
  });

  it('JOB-8 a published notice cannot be edited; withdrawn with a reason it leaves the board and its page is gone', async () => {
    const n = await published({ title: '暂停办理窗口业务的通知' });
    expect((await send('PATCH', author, `/notices/${n.id}`, { title: '暂停办理窗口业务的通知（更正）' })).statusCode).toBe(409);
    expect((await post(author, `/notices/${n.id}/withdraw`, {})).statusCode).toBe(400);
    const withdrawn = (await post(author, `/notices/${n.id}/withdraw`, { reason: '通知内容有误，更正后重新发布' })).json();
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawReason: '通知内容有误，更正后重新发布' });
    expect(await board('q=暂停办理')).not.toContain(n.id);
    expect((await get(undefined, `/public/notices/${n.id}`)).statusCode).toBe(404);
    expect((await post(author, `/notices/${n.id}/withdraw`, { reason: '再撤一次' })).statusCode).toBe(409);
  });

  it('JOB-8 a notice shows from its first valid day to its last, then leaves the board by itself', async () => {
    const later = await published({
      title: '元旦后开始受理的培训补贴',
      category: 'training',
      validFrom: '2026-12-01',
      validUntil: '2026-12-10',
    });
    expect((await get(author, `/notices/${later.id}`)).json().status).toBe('scheduled');
    expect(await board('q=培训补贴')).not.toContain(later.id);
    try {
      await setClock('2026-12-01T04:00:00Z');
      expect(await board('q=培训补贴')).toContain(later.id);
      await setClock('2026-12-11T04:00:00Z');
      expect(await board('q=培训补贴')).not.toContain(later.id);
      expect((await get(undefined, `/public/notices/${later.id}`)).statusCode).toBe(404);
      expect((await get(author, `/notices/${later.id}`)).json().status).toBe('expired');
      const list = (await get(author, '/notices?status=expired&pageSize=100')).json() as { items: { id: string }[] };
      expect(list.items.map((n) => n.id)).toContain(later.id);
    } finally {
      await setClock(today);
    }
  });

  it('JOB-8 a reviewer cannot publish a notice whose last valid day has passed since it was submitted', async () => {
    const n = await draft({ validUntil: '2026-11-25' });
    await post(author, `/notices/${n.id}/submit`);
    try {
      await setClock('2026-11-26T04:00:00Z');
      const res = await post(reviewer, `/notices/${n.id}/review`, { decision: 'approve' });
      expect(res.json()).toMatchObject({ code: 'RULE_VIOLATION', errors: [{ code: 'EXPIRED' }] });
    } finally {
      await setClock(today);
    }
  });

  it('SYS-2 every step is in the audit trail with its reason', async () => {
    const n = await published();
    await post(author, `/notices/${n.id}/withdraw`, { reason: '政策调整' });
    const admin = await loginAs(t.app, 'admin');
    const rows = (await get(admin, `/audit?entity=policy_notice&entityId=${n.id}`)).json().items as {
      action: string;
      reason: string | null;
    }[];
    expect(rows.map((r) => r.action).sort()).toEqual(['create', 'publish', 'submit', 'withdraw']);
    expect(rows.find((r) => r.action === 'withdraw')?.reason).toBe('政策调整');
  });
});

describe('JOB-8 the board: search, area and category', () => {
  it('JOB-8 search finds a notice by a word that is only in its body, by one character too', async () => {
    const n = await published({
      title: '关于就业见习的公告',
      category: 'training',
      body: '离校未就业高校毕业生可报名参加就业见习，见习单位由区就业服务中心统一公布，报名请到所在街道劳动保障事务所。',
    });
    expect(await board('q=见习单位')).toContain(n.id);
    expect(await board(`q=${encodeURIComponent('离校未就业')}`)).toContain(n.id);
    expect(await board('q=见')).toContain(n.id);
    expect(await board('q=焊工')).not.toContain(n.id);
    expect(await board('q=见习&category=training')).toContain(n.id);
    expect(await board('q=见习&category=subsidy')).not.toContain(n.id);
  });

  it("JOB-8 a district's notice shows for that district and the city, not another district; a city's notice shows for every district", async () => {
    const district = await published({ title: '小店区专场招聘活动公告', category: 'recruitment', sources: [] });
    const cityOfficer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['job_officer'] })).auth;
    const cityDraft = await draft(
      { title: '全市专场招聘活动公告', category: 'recruitment', regionCode: '140100000000', sources: [] },
      cityOfficer,
    );
    await post(cityOfficer, `/notices/${cityDraft.id}/submit`);
    await post(reviewer, `/notices/${cityDraft.id}/review`, { decision: 'approve' });
    expect(await board('q=专场招聘活动&regionCode=140105')).toEqual(expect.arrayContaining([district.id, cityDraft.id]));
    expect(await board('q=专场招聘活动&regionCode=140105000000')).toEqual(expect.arrayContaining([district.id, cityDraft.id]));
    expect(await board('q=专场招聘活动&regionCode=1401')).toEqual(expect.arrayContaining([district.id, cityDraft.id]));
    const other = await board('q=专场招聘活动&regionCode=140106');
    expect(other).toContain(cityDraft.id);
    expect(other).not.toContain(district.id);
    expect(await board('q=专场招聘活动&regionCode=140105001')).toEqual(expect.arrayContaining([district.id, cityDraft.id]));
  });

  it('JOB-8 the demo city has notices on the board, with seed documents as sources', async () => {
    const page = (await get(undefined, '/public/notices?regionCode=140105&pageSize=100')).json();
    expect(page.total).toBeGreaterThanOrEqual(4);
    // Every notice published at the test clock's one instant: which comes last is chance, so look at all of them.
    const details = await Promise.all(
      page.items.map(async (n: { id: string }) => (await get(undefined, `/public/notices/${n.id}`)).json()),
    );
    const numbers = details.flatMap((d: { sources: { documentNumber: string | null }[] }) => d.sources.map((s) => s.documentNumber));
    expect(numbers).toEqual(expect.arrayContaining(['中发〔2002〕12号', '国务院令第258号']));
  });
});

describe('JOB-8 validation and jurisdiction', () => {
  it('JOB-8 bad fields are refused with a code per field', async () => {
    const bad = (await post(author, '/notices', { title: '短', body: '太短', category: 'gossip', regionCode: '1401' })).json();
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(bad.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['/title', '/body', '/category', '/regionCode']),
    );
    const html = await post(author, '/notices', {
      title: '失业保险金申领须知',
      body: '<p>同时具备下列条件的失业人员可以领取失业保险金，请到经办窗口申领。</p>',
      category: 'subsidy',
      regionCode: '140105000000',
      validFrom: '2026-12-10',
      validUntil: '2026-12-01',
      sources: [
        { title: '失业保险条例', documentNumber: '国务院令第258号', issuer: '国务院', date: '2027-01-01' },
        { title: '失业保险条例（重复）', documentNumber: '国务院令第258号', issuer: '国务院', url: 'javascript:alert(1)' },
      ],
    });
    expect(html.statusCode).toBe(400);
    const schemaErrors = html.json().errors.map((e: { path: string }) => e.path);
    expect(schemaErrors).toEqual(['/sources/1/url']);
    const codes = (
      await post(author, '/notices', {
        title: '失业保险金申领须知',
        body: '<p>同时具备下列条件的失业人员可以领取失业保险金，请到经办窗口申领。</p>',
        category: 'subsidy',
        regionCode: '140105000000',
        validFrom: '2026-12-10',
        validUntil: '2026-12-01',
        sources: [
          { title: '失业保险条例', documentNumber: '国务院令第258号', issuer: '国务院', date: '2027-01-01' },
          { title: '失业保险条例（重复）', documentNumber: '国务院令 第258号', issuer: '国务院' },
        ],
      })
    ).json().errors;
    expect(codes).toEqual([
      expect.objectContaining({ path: '/body', code: 'HTML_NOT_ALLOWED' }),
      expect.objectContaining({ path: '/validUntil', code: 'BEFORE_VALID_FROM' }),
      expect.objectContaining({ path: '/sources/0/date', code: 'IN_THE_FUTURE' }),
      expect.objectContaining({ path: '/sources/1/documentNumber', code: 'DUPLICATE' }),
    ]);
    expect((await post(author, '/notices', { ...(await draftBody()), validUntil: '2026-11-01' })).json().errors[0].code).toBe(
      'IN_THE_PAST',
    );
  });

  it('JOB-8 a policy or subsidy notice needs a source document before review; a recruitment notice does not', async () => {
    const n = await draft({ sources: [] });
    const refused = await post(author, `/notices/${n.id}/submit`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ path: '/sources', code: 'SOURCE_REQUIRED' })]);
    const recruitment = await draft({ category: 'recruitment', sources: [] });
    expect((await post(author, `/notices/${recruitment.id}/submit`)).json().status).toBe('submitted');
  });

  it("NET-2 a notice for a region outside the writer's scope is refused, and only writers and reviewers may write", async () => {
    expect((await post(author, '/notices', { ...(await draftBody()), regionCode: '140106000000' })).json().code).toBe(
      'OUT_OF_JURISDICTION',
    );
    expect((await post(reviewer, '/notices', await draftBody())).statusCode).toBe(403);
  });

  it('NET-2 staff of another district get 404 on every id endpoint of a notice', async () => {
    const n = await draft();
    const submitted = await draft();
    await post(author, `/notices/${submitted.id}/submit`);
    const live = await published();
    for (const res of [
      await get(otherDistrict, `/notices/${n.id}`),
      await send('PATCH', otherDistrict, `/notices/${n.id}`, { title: '别区改的标题' }),
      await post(otherDistrict, `/notices/${n.id}/submit`),
      await post(otherReviewer, `/notices/${submitted.id}/review`, { decision: 'approve' }),
      await post(otherDistrict, `/notices/${live.id}/withdraw`, { reason: '别区撤回' }),
    ])
      expect(res.statusCode, res.body).toBe(404);
    const list = (await get(otherDistrict, '/notices?pageSize=100')).json() as { items: { id: string }[] };
    expect(list.items.map((x) => x.id)).not.toContain(n.id);
  });

  it('JOB-8 the staff list pages, finds by title, filters by status and exports to Excel', async () => {
    const n = await draft({ title: '稳岗返还申领公告' });
    const list = (await get(author, `/notices?q=${encodeURIComponent('稳岗')}&status=draft`)).json();
    expect(list).toMatchObject({ total: 1, page: 1, pageSize: 20, items: [{ id: n.id }] });
    expect((await get(author, `/notices?q=${encodeURIComponent('稳岗')}&status=published`)).json().total).toBe(0);
    expect((await get(author, `/notices?q=${encodeURIComponent('%')}`)).json().total).toBe(0);
    const xlsx = await get(author, '/notices?format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});

async function draftBody() {
  return {
    title: '失业保险金申领须知',
    body: '同时具备下列条件的失业人员可以领取失业保险金：参加失业保险并缴费满一年；非因本人意愿中断就业；已办理失业登记。',
    category: 'subsidy',
    regionCode: '140105000000',
    sources,
  };
}
