// The job market through the API (JOB-1 to JOB-7, RPT-7), on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../shared/creditCode.js';
import { idCheckCharacter } from '../../../shared/idNumber.js';
import { createTestApp, loginAs, type TestApp } from '../../testing/testApp.js';

let t: TestApp;
type Headers = { authorization: string };
let officer: Headers; // 小店区 clerk and job officer
let reviewer: Headers; // city reviewer
let otherDistrict: Headers; // 迎泽区 clerk and job officer
const today = '2026-11-23';

let serial = 0;
const creditCode = (region6 = '140105') => {
  const body = `91${region6}${String(++serial).padStart(8, '0')}X`.slice(0, 17);
  return body + creditCodeCheckCharacter(body);
};
const makeId = (birth: string, seq: number) => {
  const body = `140105${birth}${String(seq).padStart(3, '0')}`;
  return body + idCheckCharacter(body);
};

const post = (headers: Headers | undefined, url: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload });
const get = (headers: Headers | undefined, url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });

async function employer(headers = officer, over: object = {}) {
  const res = await post(headers, '/employers', { name: `太原测试${serial}有限公司`, creditCode: creditCode(), regionCode: '140105001001', industry: 'C', size: 'small', ...over });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; name: string; creditCode: string };
}

const welderAd = '招聘电焊工3名，持焊工证，男女不限，月薪5000-7000元，包食宿，工作地点小店区。';
async function vacancy(employerId: string, over: object = {}, headers = officer) {
  const res = await post(headers, '/vacancies', {
    employerId,
    title: '电焊工',
    occupation: '6-18-02-04',
    headcount: 3,
    wageMin: 500000,
    wageMax: 700000,
    skills: ['焊工'],
    regionCode: '140105001001',
    description: welderAd,
    validUntil: '2027-01-31',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string; screening: { flags: { text: string; category: string; severity: string; reason: string; field: string }[] } };
}
const approve = (id: string, comment?: string) => post(reviewer, `/vacancies/${id}/review`, { decision: 'approve', ...(comment ? { comment } : {}) });

async function seeker(seq: number, over: object = {}) {
  const res = await post(officer, '/persons', { idNumber: makeId('19850315', seq), name: `求职者${seq}`, regionCode: '140105001001', householdType: 'urban', education: '高中/中专/技校', skills: ['焊工'], jobWishes: { occupations: ['6-18-02-04'], wageMinFen: 450000 }, ...over });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  expect((await post(officer, `/persons/${id}/registrations`, { type: 'unemployment', date: '2026-11-02' })).statusCode).toBe(201);
  return id;
}

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T04:00:00Z`) });
  officer = await loginAs(t.app, 'xiaodian_clerk');
  reviewer = await loginAs(t.app, 'taiyuan_reviewer');
  otherDistrict = await loginAs(t.app, 'yingze_clerk');
});
afterAll(() => t.close());

describe('JOB-1 employers', () => {
  it('JOB-1 an invalid credit code gets 400 INVALID_CREDIT_CODE (GB 32100 check character)', async () => {
    const good = creditCode();
    const bad = good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A');
    const res = await post(officer, '/employers', { name: '校验位错误公司', creditCode: bad, regionCode: '140105001001' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_CREDIT_CODE', errors: [expect.objectContaining({ path: '/creditCode' })] });
  });

  it('JOB-1 a second employer with the same credit code is refused with 409', async () => {
    const first = await employer();
    const again = await post(officer, '/employers', { name: '另一个名字', creditCode: first.creditCode.toLowerCase(), regionCode: '140105001001' });
    expect(again.statusCode).toBe(409);
  });

  it('JOB-1 hiring and labour-contract filings are recorded per employer', async () => {
    const e = await employer();
    const res = await post(officer, `/employers/${e.id}/filings`, { kind: 'contract', personName: '王五', date: '2026-11-01', contractEnd: '2029-10-31' });
    expect(res.statusCode).toBe(201);
    expect((await get(officer, `/employers/${e.id}/filings`)).json()).toEqual([expect.objectContaining({ kind: 'contract', personName: '王五' })]);
  });
});

describe('JOB-3 discrimination screening and review', () => {
  it('JOB-3 a vacancy saying 限男性 is flagged sex with that span', async () => {
    const e = await employer();
    const v = await vacancy(e.id, { title: '仓库管理员', occupation: null, description: '招聘仓库管理员2名，限男性，月薪4000元。' });
    expect(v.status).toBe('pending_review');
    expect(v.screening.flags).toContainEqual(expect.objectContaining({ category: 'sex', text: '限男性', severity: 'flag', field: 'description' }));
  });

  it('JOB-3 仅限本地户口 is flagged as origin; 35岁以下 gets an age warning', async () => {
    const e = await employer();
    const origin = await vacancy(e.id, { description: '招聘保安5名，仅限本地户口，月薪3500元。' });
    expect(origin.screening.flags).toContainEqual(expect.objectContaining({ category: 'origin', severity: 'flag' }));
    const age = await vacancy(e.id, { description: '招聘快递员，35岁以下，月薪6000元。' });
    expect(age.screening.flags).toEqual([expect.objectContaining({ category: 'age', severity: 'warning' })]);
  });

  it('JOB-3 an ordinary welder vacancy has no flag', async () => {
    const v = await vacancy((await employer()).id);
    expect(v.screening.flags).toEqual([]);
  });

  it('JOB-3 a flagged vacancy cannot be approved without a reason; edited, it is screened again and approved', async () => {
    const v = await vacancy((await employer()).id, { description: '招聘电焊工，限男性，持焊工证。' });
    const refused = await approve(v.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('RULE_VIOLATION');
    const edited = await t.app.inject({ method: 'PATCH', url: `/api/v1/vacancies/${v.id}`, headers: reviewer, payload: { description: '招聘电焊工，男女不限，持焊工证。' } });
    expect(edited.json()).toMatchObject({ status: 'pending_review', screening: { flags: [] } });
    expect((await approve(v.id)).json()).toMatchObject({ status: 'published', reviewedBy: 'taiyuan_reviewer' });
    const unchanged = await t.app.inject({ method: 'PATCH', url: `/api/v1/vacancies/${v.id}`, headers: officer, payload: { description: '招聘电焊工，男女不限，持焊工证。' } });
    expect(unchanged.json().status).toBe('published');
    const cleared = await t.app.inject({ method: 'PATCH', url: `/api/v1/vacancies/${v.id}`, headers: officer, payload: { address: null } });
    expect(cleared.json()).toMatchObject({ status: 'published', address: null });
  });

  it('JOB-3 only a reviewer decides; a rejection needs a comment', async () => {
    const v = await vacancy((await employer()).id);
    expect((await post(officer, `/vacancies/${v.id}/review`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await post(reviewer, `/vacancies/${v.id}/review`, { decision: 'reject' })).statusCode).toBe(400);
    expect((await post(reviewer, `/vacancies/${v.id}/review`, { decision: 'reject', comment: '工资与岗位不符，请核实' })).json().status).toBe('rejected');
  });

  it('JOB-2 wages are checked: the maximum below the minimum is refused, and so is validity past the parameter', async () => {
    const e = await employer();
    const low = await post(officer, '/vacancies', { employerId: e.id, title: '会计', headcount: 1, wageMin: 600000, wageMax: 500000, regionCode: '140105001001', description: '招聘会计一名。', validUntil: '2027-01-01' });
    expect(low.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ path: '/wageMax' })] });
    const long = await post(officer, '/vacancies', { employerId: e.id, title: '会计', headcount: 1, wageMin: 400000, wageMax: 500000, regionCode: '140105001001', description: '招聘会计一名。', validUntil: '2028-01-01' });
    expect(long.json().errors[0].path).toBe('/validUntil');
  });
});

describe('JOB-7 public board', () => {
  it('JOB-7 unapproved vacancies never appear on the public board; approved ones are found by 焊工 and 焊 without login', async () => {
    const e = await employer(officer, { name: '太原晋焊钢构有限公司' });
    const pending = await vacancy(e.id, { title: '氩弧焊工（待审）' });
    const published = await vacancy(e.id, { title: '二保焊工' });
    await approve(published.id);
    const search = async (q: string) => (await get(undefined, `/public/vacancies?q=${encodeURIComponent(q)}&pageSize=100`)).json() as { items: { id: string }[] };
    for (const q of ['焊工', '焊', '晋焊钢构']) {
      const ids = (await search(q)).items.map((v) => v.id);
      expect(ids).toContain(published.id);
      expect(ids).not.toContain(pending.id);
    }
    expect((await search('会计')).items.map((v) => v.id)).not.toContain(published.id);
    expect((await get(undefined, `/public/vacancies/${pending.id}`)).statusCode).toBe(404);
    expect((await get(undefined, `/public/vacancies/${published.id}`)).json()).toMatchObject({ title: '二保焊工', employerName: '太原晋焊钢构有限公司', description: welderAd });
  });

  it('JOB-7 filters by region, occupation and wage; a closed vacancy leaves the board', async () => {
    const e = await employer();
    const v = await vacancy(e.id, { title: '叉车司机', occupation: null, skills: [], wageMin: 400000, wageMax: 450000, description: '招聘叉车司机，持证上岗。' });
    await approve(v.id);
    const ids = async (query: string) => ((await get(undefined, `/public/vacancies?${query}`)).json().items as { id: string }[]).map((x) => x.id);
    const districts = (await get(undefined, '/public/regions?parent=140100000000')).json() as { code: string; name: string }[];
    expect(districts).toContainEqual(expect.objectContaining({ code: '140105000000', name: '小店区' }));
    expect(await ids('q=司机&regionCode=140105')).toContain(v.id);
    expect(await ids('q=司机&regionCode=140106')).not.toContain(v.id);
    expect(await ids('q=司机&wageMin=500000')).not.toContain(v.id);
    await post(officer, `/vacancies/${v.id}/close`, { reason: '单位已招满' });
    expect(await ids('q=司机')).not.toContain(v.id);
  });

  it('JOB-7 the longest validity (vacancy.max_validity) is public, for the employer\'s form default', async () => {
    expect((await get(undefined, '/public/params/vacancy.max_validity?regionCode=140105001001')).json()).toEqual({ value: 90 });
    expect((await get(undefined, '/public/params/loan.max_amount?regionCode=140105001001')).statusCode).toBe(404);
  });
});

describe('JOB-4 matching', () => {
  it('JOB-4 a seeker wishing to be a welder in the same district gets the nearby welder vacancy first, with reasons', async () => {
    const e = await employer();
    const near = await vacancy(e.id, { title: '电焊工（近）' });
    const far = await vacancy(e.id, { title: '电焊工（远）', regionCode: '140107001001' }, await loginAs(t.app, 'taiyuan_job'));
    const other = await vacancy(e.id, { title: '钳工', occupation: '6-20-01-01', skills: ['钳工'], description: '招聘钳工。' });
    for (const v of [near, far, other]) await approve(v.id);
    const personId = await seeker(501);
    const matches = (await get(officer, `/persons/${personId}/matches?limit=50`)).json() as { vacancyId: string; score: number; reasons: { factor: string; detail: string; weight: number }[] }[];
    const ids = matches.map((m) => m.vacancyId);
    expect(ids[0]).toBe(near.id);
    expect(ids.indexOf(far.id)).toBeGreaterThan(0);
    expect(ids).not.toContain(other.id);
    expect(matches[0]!.reasons.map((r) => r.factor)).toEqual(expect.arrayContaining(['occupation', 'skills', 'place', 'wage', 'education']));
    expect(matches[0]!.reasons.find((r) => r.factor === 'occupation')).toMatchObject({ weight: 30, detail: expect.stringContaining('6-18-02-04') });
    expect(matches[0]!.score).toBe(matches[0]!.reasons.reduce((s, r) => s + r.weight, 0));
  });

  it('JOB-4 sex and age are never factors: seekers alike but for them get the same score for a vacancy', async () => {
    const v = await vacancy((await employer()).id, { title: '焊工（匹配公平性）' });
    await approve(v.id);
    const man = await seeker(503, { idNumber: makeId('19700101', 503), name: '甲' });
    const woman = await seeker(504, { idNumber: makeId('19980101', 504), name: '乙', ethnicity: '回族' });
    const matches = (await get(officer, `/vacancies/${v.id}/matches?limit=100`)).json() as { personId: string; score: number; reasons: { factor: string }[] }[];
    const scoreOf = (id: string) => matches.find((m) => m.personId === id)?.score;
    expect(scoreOf(man)).toBeDefined();
    expect(scoreOf(man)).toBe(scoreOf(woman));
    expect(new Set(matches.flatMap((m) => m.reasons.map((r) => r.factor)))).not.toContain('sex');
  });

  it('JOB-4 place points follow the parameter matching.share.same_city of the seeker\'s area', async () => {
    const v = await vacancy((await employer()).id, { title: '电焊工（同城他区）', regionCode: '140107001001' }, await loginAs(t.app, 'taiyuan_job'));
    await approve(v.id);
    const personId = await seeker(507);
    const placeReason = async () => {
      const matches = (await get(officer, `/persons/${personId}/matches?limit=100`)).json() as { vacancyId: string; reasons: { factor: string; detail: string; weight: number }[] }[];
      return matches.find((m) => m.vacancyId === v.id)?.reasons.find((r) => r.factor === 'place');
    };
    // Seeded: place weight 20, same city 10 %.
    expect(await placeReason()).toMatchObject({ weight: 2, detail: '岗位与求职者住址同一城市' });
    const set = await post(await loginAs(t.app, 'admin'), '/params/matching.share.same_city/values', { regionPrefix: '1401', effectiveFrom: '2026-01-01', value: 50, source: '太原市同城岗位得地点权重一半（测试）' });
    expect(set.statusCode, set.body).toBe(201);
    expect(await placeReason()).toMatchObject({ weight: 10 });
  });
});

describe('JOB-5 referrals', () => {
  it('JOB-5 a referral gives a letter the employer verifies; a hire makes the person employed and fills a post', async () => {
    const e = await employer();
    const v = await vacancy(e.id, { headcount: 1 });
    await approve(v.id);
    const personId = await seeker(601);
    const referral = await post(officer, '/referrals', { personId, vacancyId: v.id });
    expect(referral.statusCode).toBe(201);
    const r = referral.json() as { id: string; verificationCode: string; letterUrl: string };
    expect(r.letterUrl).toBe(`/referrals/${r.id}/letter`);
    expect((await post(officer, '/referrals', { personId, vacancyId: v.id })).statusCode).toBe(409);
    const checked = await post(undefined, '/public/referrals/verify', { code: r.verificationCode });
    expect(checked.json()).toMatchObject({ personName: expect.stringMatching(/^求职\*+$/), vacancyTitle: '电焊工', employerName: e.name, outcome: null });
    expect((await post(undefined, '/public/referrals/verify', { code: 'ZZZZZZZZZZ' })).statusCode).toBe(404);
    const services = (await get(officer, `/persons/${personId}/services`)).json() as { type: string }[];
    expect(services.map((s) => s.type)).toContain('referral');

    expect((await post(officer, `/referrals/${r.id}/outcome`, { outcome: 'interviewed', date: '2026-11-20' })).statusCode).toBe(422);
    expect((await post(officer, `/referrals/${r.id}/outcome`, { outcome: 'interviewed', date: today })).json().outcome).toBe('interviewed');
    const hired = await post(officer, `/referrals/${r.id}/outcome`, { outcome: 'hired', date: today });
    expect(hired.json()).toMatchObject({ outcome: 'hired', employmentEventId: expect.any(String) });
    expect((await get(officer, `/persons/${personId}`)).json()).toMatchObject({ employmentStatus: 'employed', statusSince: today });
    const events = (await get(officer, `/persons/${personId}/registrations`)).json() as { type: string; details: { employerName?: string } }[];
    expect(events.at(-1)).toMatchObject({ type: 'employment', details: { employerName: e.name } });
    expect((await get(officer, `/vacancies/${v.id}`)).json()).toMatchObject({ filled: 1, status: 'filled' });
    expect((await post(officer, `/referrals/${r.id}/outcome`, { outcome: 'rejected', date: today })).statusCode).toBe(409);
    expect((await get(undefined, `/public/vacancies/${v.id}`)).statusCode).toBe(404);
  });

  it('RPT-7 referral rate and success rate are computed per unit and month, beside the 40% and 15% targets', async () => {
    const e = await employer();
    const v = await vacancy(e.id, { headcount: 5 });
    await approve(v.id);
    const a = await seeker(701);
    await seeker(702);
    const r = (await post(officer, '/referrals', { personId: a, vacancyId: v.id })).json();
    await post(officer, `/referrals/${r.id}/outcome`, { outcome: 'hired', date: today });
    const rates = (await get(officer, '/referrals/rates?month=2026-11')).json() as { unitName: string; scope: string; seekers: number; referred: number; referrals: number; hired: number; referralRate: number; successRate: number; targetRate: number; targetSuccessRate: number }[];
    const district = rates.find((x) => x.scope === '140105')!;
    expect(district.seekers).toBeGreaterThanOrEqual(2);
    expect(district.referralRate).toBe(Math.round((district.referred * 1000) / district.seekers) / 10);
    expect(district.successRate).toBe(Math.round((district.hired * 1000) / district.referrals) / 10);
    expect(district).toMatchObject({ targetRate: 40, targetSuccessRate: 15 });
    const community = rates.find((x) => x.scope === '140105001001')!;
    expect(community.hired).toBeGreaterThanOrEqual(1);
    expect(rates.every((x) => x.scope.startsWith('140105'))).toBe(true);
  });
});

describe('JOB-6 fairs and JOB-9 survey', () => {
  it('JOB-6 a special fair with booths and vacancies gives a report; results only after it is held; it is on the public calendar', async () => {
    const fair = await post(officer, '/fairs', { name: '2026年冬季农民工专场招聘会', kind: 'rural_migrants', date: '2026-12-05', venue: '小店区人力资源市场', regionCode: '140105001001' });
    expect(fair.statusCode).toBe(201);
    const fairId = fair.json().id as string;
    const e = await employer();
    expect((await post(officer, `/fairs/${fairId}/booths`, { employerId: e.id, boothNo: 'A01' })).statusCode).toBe(201);
    await vacancy(e.id, { fairId, source: 'fair' });
    const report = (await get(officer, `/fairs/${fairId}/report`)).json();
    expect(report).toMatchObject({ fair: { boothCount: 1, vacancyCount: 1, headcount: 3 }, booths: [{ boothNo: 'A01', vacancies: 1, headcount: 3 }] });
    const early = await t.app.inject({ method: 'PATCH', url: `/api/v1/fairs/${fairId}`, headers: officer, payload: { attendance: 500 } });
    expect(early.statusCode).toBe(422);
    const calendar = (await get(undefined, '/public/fairs')).json() as { id: string }[];
    expect(calendar.map((f) => f.id)).toContain(fairId);
  });

  it('JOB-9 a survey round enrols the employers of the area and shows progress as returns come in', async () => {
    const e = await employer();
    const round = await post(officer, '/vacancy-surveys', { name: '小店区2027年度空岗调查', year: 2027, dueDate: '2026-12-31' });
    expect(round.statusCode).toBe(201);
    const id = round.json().id as string;
    expect(round.json().employers).toBeGreaterThan(0);
    const put = await t.app.inject({ method: 'PUT', url: `/api/v1/vacancy-surveys/${id}/returns/${e.id}`, headers: officer, payload: { currentVacancies: 4, nextYearDemand: 10 } });
    expect(put.json()).toMatchObject({ returned: 1, currentVacancies: 4, nextYearDemand: 10 });
    expect((await post(officer, '/vacancy-surveys', { name: '重复', year: 2027, dueDate: '2026-12-31' })).statusCode).toBe(409);
  });
});

describe('NET-2 jurisdiction', () => {
  it('NET-2 a clerk of another district gets 404 for an employer, a vacancy, a referral, matches, a fair and a survey', async () => {
    const e = await employer();
    const v = await vacancy(e.id);
    await approve(v.id);
    const personId = await seeker(801);
    const r = (await post(officer, '/referrals', { personId, vacancyId: v.id })).json();
    const fair = (await post(officer, '/fairs', { name: '小店区高校毕业生专场', kind: 'graduates', date: '2026-12-10', venue: '山西大学', regionCode: '140105001001' })).json();
    const survey = (await post(officer, '/vacancy-surveys', { name: '小店区街道空岗调查', year: 2028, dueDate: '2026-12-31', regionCode: '140105001000' })).json();
    const attempts = [
      get(otherDistrict, `/employers/${e.id}`),
      get(otherDistrict, `/employers/${e.id}/filings`),
      t.app.inject({ method: 'PATCH', url: `/api/v1/employers/${e.id}`, headers: otherDistrict, payload: { name: '改名' } }),
      get(otherDistrict, `/vacancies/${v.id}`),
      t.app.inject({ method: 'PATCH', url: `/api/v1/vacancies/${v.id}`, headers: otherDistrict, payload: { title: '改名' } }),
      post(otherDistrict, `/vacancies/${v.id}/close`, { reason: '越权关闭' }),
      get(otherDistrict, `/vacancies/${v.id}/matches`),
      get(otherDistrict, `/referrals/${r.id}`),
      post(otherDistrict, `/referrals/${r.id}/outcome`, { outcome: 'hired', date: today }),
      post(otherDistrict, '/referrals', { personId, vacancyId: v.id }),
      get(otherDistrict, `/persons/${personId}/matches`),
      get(otherDistrict, `/fairs/${fair.id}/report`),
      post(otherDistrict, `/fairs/${fair.id}/booths`, { employerId: e.id }),
      get(otherDistrict, `/vacancy-surveys/${survey.id}/returns`),
    ];
    for (const res of await Promise.all(attempts)) expect(res.statusCode, res.body).toBe(404);
    const list = (await get(otherDistrict, '/referrals')).json() as { items: { id: string }[] };
    expect(list.items.map((x) => x.id)).not.toContain(r.id);
  });
});
