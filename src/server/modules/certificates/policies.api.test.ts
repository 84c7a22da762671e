// AID-5 the 就业失业登记证 for preferential policies, through the API on PGlite and on PostgreSQL:
// the eligibility review states every rule (422 without an override reason), the yearly check
// falls due by the parameter's interval, a paid subsidy and a placement record the policy enjoyed
// once (a retried run adds none), and the policy rate is computed on a small arranged set by hand.
// With AID-8's leftovers: the subsidy run's bank file and the staff names on a subsidy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber, createPerson, createStaffMember, type Auth, type StaffMember } from '../../testing/factories.js';
import { createTestApp, loginAs, type TestApp } from '../../testing/testApp.js';

const today = '2026-11-23';
let t: TestApp;
let clerk: StaffMember; // 坞城街道
let reviewer: Auth; // 坞城街道
let districtClerk: Auth; // 小店区
let finance: Auth; // 小店区
let otherStreet: Auth; // 营盘街道
let otherDistrict: Auth; // 迎泽区
let otherFinance: Auth; // 迎泽区
let admin: Auth;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T04:00:00Z`) });
  clerk = await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk'], name: '王经办' });
  reviewer = (await createStaffMember(t, { regionCode: '140105001000', roles: ['reviewer'], name: '李审核' })).auth;
  districtClerk = (await createStaffMember(t, { regionCode: '140105000000', roles: ['clerk'] })).auth;
  finance = (await createStaffMember(t, { regionCode: '140105000000', roles: ['finance'] })).auth;
  otherStreet = (await createStaffMember(t, { regionCode: '140105002000', roles: ['clerk', 'reviewer'] })).auth;
  otherDistrict = (await createStaffMember(t, { regionCode: '140106000000', roles: ['clerk', 'reviewer'] })).auth;
  otherFinance = (await createStaffMember(t, { regionCode: '140106000000', roles: ['finance'] })).auth;
  admin = await loginAs(t.app, 'admin');
}, 60_000);
afterAll(() => t?.close());

function send(auth: Auth, method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) {
  return t.app.inject({ method, url: `/api/v1${url}`, headers: { ...auth, ...headers }, ...(payload ? { payload } : {}) });
}

async function setParam(name: string, regionPrefix: string, value: number, source: string) {
  const set = await send(admin, 'POST', `/params/${name}/values`, { regionPrefix, effectiveFrom: '2020-01-01', value, source });
  expect(set.statusCode, set.body).toBe(201);
}

const registerEmployment = async (as: Auth, personId: string, date: string) => {
  const r = await send(as, 'POST', `/persons/${personId}/registrations`, { type: 'employment', date, employerName: '太原某商贸有限公司' });
  expect(r.statusCode, r.body).toBe(201);
};

describe('AID-5 eligibility review', () => {
  it('AID-5 an urban registered unemployed person of working age is eligible, every rule stated with its source', async () => {
    const person = await createPerson(t, clerk.auth, { unemployedSince: '2026-03-02' });
    const res = await send(reviewer, 'POST', `/persons/${person.id}/certificate/eligibility-reviews`, { comment: '材料齐全，符合条件' });
    expect(res.statusCode, res.body).toBe(201);
    const review = res.json();
    expect(review.result).toBe('eligible');
    expect(review.reasons.map((r: { rule: string }) => r.rule)).toEqual([
      'REGISTERED_UNEMPLOYED',
      'WORKING_AGE',
      'LABOUR_CAPACITY',
      'URBAN_HOUSEHOLD',
    ]);
    expect(review.reasons.every((r: { met: boolean; source: string }) => r.met && r.source.includes('种子文件'))).toBe(true);
    const listed = await send(clerk.auth, 'GET', `/persons/${person.id}/certificate/reviews`);
    expect(listed.json().reviews).toHaveLength(1);
    expect(listed.json().reviews[0].createdByName).toBe('李审核');
  });

  it('AID-5 a rural household is refused with 422 RULE_VIOLATION naming the rule, and accepted with an override reason that the audit keeps', async () => {
    const person = await createPerson(t, clerk.auth, { householdType: 'rural', unemployedSince: '2026-03-02' });
    const refused = await send(reviewer, 'POST', `/persons/${person.id}/certificate/eligibility-reviews`, { comment: '审核' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('RULE_VIOLATION');
    expect(refused.json().errors.map((e: { code: string }) => e.code)).toEqual(['URBAN_HOUSEHOLD']);
    expect((await send(clerk.auth, 'GET', `/persons/${person.id}/certificate/reviews`)).json().reviews).toHaveLength(0);

    const overridden = await send(reviewer, 'POST', `/persons/${person.id}/certificate/eligibility-reviews`, {
      comment: '审核',
      overrideReason: '已转入城镇户口的被征地农民，户籍信息待更新',
    });
    expect(overridden.statusCode, overridden.body).toBe(201);
    expect(overridden.json().result).toBe('eligible_by_override');
    const audit = await send(admin, 'GET', `/audit?entityId=${overridden.json().id}`);
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.json().items[0]).toMatchObject({ action: 'review', reason: '已转入城镇户口的被征地农民，户籍信息待更新' });
  });

  it('AID-5 an employed person fails REGISTERED_UNEMPLOYED; only a reviewer reviews (403), and another street or district gets 404', async () => {
    const person = await createPerson(t, clerk.auth, { unemployedSince: '2026-03-02' });
    await registerEmployment(clerk.auth, person.id, '2026-06-01');
    const refused = await send(reviewer, 'POST', `/persons/${person.id}/certificate/eligibility-reviews`, { comment: '审核' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((e: { code: string }) => e.code)).toContain('REGISTERED_UNEMPLOYED');
    expect((await send(clerk.auth, 'POST', `/persons/${person.id}/certificate/eligibility-reviews`, { comment: '审核' })).statusCode).toBe(
      403,
    );
    for (const as of [otherStreet, otherDistrict]) {
      expect((await send(as, 'POST', `/persons/${person.id}/certificate/eligibility-reviews`, { comment: '审核' })).statusCode).toBe(404);
      expect((await send(as, 'GET', `/persons/${person.id}/certificate/reviews`)).statusCode).toBe(404);
      expect((await send(as, 'GET', `/persons/${person.id}/policies-enjoyed`)).statusCode).toBe(404);
      expect((await send(as, 'POST', `/persons/${person.id}/certificate/checks`, { result: 'continue', comment: '核实' })).statusCode).toBe(
        404,
      );
    }
  });
});

describe('AID-5 issuing a withdrawn certificate again', () => {
  it('AID-5 a withdrawn certificate is reissued only after an eligibility review since the withdrawal (422 ELIGIBILITY_REVIEW_REQUIRED before); a lost valid one is replaced without', async () => {
    const person = await createPerson(t, clerk.auth, { unemployedSince: '2026-03-02' });
    const certificate = (body: object) => send(clerk.auth, 'POST', `/persons/${person.id}/certificate`, body);
    const review = (body: object) => send(reviewer, 'POST', `/persons/${person.id}/certificate/eligibility-reviews`, body);
    expect((await review({ date: '2026-11-10', comment: '材料齐全，符合条件' })).statusCode).toBe(201);
    const withdrawn = await certificate({ action: 'withdraw', date: '2026-11-20', reason: '年审未到场，证件收回' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);

    const refused = await certificate({ action: 'reissue', reason: '本人申请重新发证' });
    expect(refused.statusCode, 'the review of 2026-11-10 came before the withdrawal').toBe(422);
    expect(refused.json().code).toBe('RULE_VIOLATION');
    expect(refused.json().errors.map((e: { code: string }) => e.code)).toEqual(['ELIGIBILITY_REVIEW_REQUIRED']);
    expect((await send(clerk.auth, 'GET', `/persons/${person.id}/certificate`)).json().status, 'nothing issued').toBe('withdrawn');

    expect((await review({ comment: '重新审核，仍处于登记失业状态' })).statusCode).toBe(201);
    const backdated = await certificate({ action: 'reissue', date: '2026-11-21', reason: '本人申请重新发证' });
    expect(backdated.statusCode, 'a reissue dated before the review').toBe(422);
    const reissued = await certificate({ action: 'reissue', reason: '经资格审核，重新发证' });
    expect(reissued.statusCode, reissued.body).toBe(200);
    expect(reissued.json()).toMatchObject({ status: 'valid' });
    expect(reissued.json().history.map((h: { action: string }) => h.action)).toEqual(['issue', 'withdraw', 'reissue']);

    const replaced = await certificate({ action: 'reissue', reason: '原证遗失，申请补发' });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().certificateNo).not.toBe(reissued.json().certificateNo);
  });
});

describe('AID-5 yearly check', () => {
  let overdue: { id: string };
  let dueSoon: { id: string };
  let notYet: { id: string };

  beforeAll(async () => {
    overdue = await createPerson(t, clerk.auth, { unemployedSince: '2025-10-01' });
    dueSoon = await createPerson(t, clerk.auth, { unemployedSince: '2025-12-10' });
    notYet = await createPerson(t, clerk.auth, { unemployedSince: '2026-03-01' });
  });

  const due = async (query = '') => {
    const res = await send(clerk.auth, 'GET', `/certificates/checks-due?pageSize=100${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { personId: string; dueOn: string; overdue: boolean }[];
  };

  it('AID-5 a certificate issued 2025-10-01 is overdue by the 12-month default, one issued 2025-12-10 is due within 30 days, one of 2026-03-01 is not listed', async () => {
    const items = await due();
    expect(items.find((i) => i.personId === overdue.id)).toMatchObject({ dueOn: '2026-10-01', overdue: true });
    expect(items.find((i) => i.personId === dueSoon.id)).toMatchObject({ dueOn: '2026-12-10', overdue: false });
    expect(items.find((i) => i.personId === notYet.id)).toBeUndefined();
    const onlyOverdue = await due('&overdue=true');
    expect(onlyOverdue.some((i) => i.personId === overdue.id)).toBe(true);
    expect(onlyOverdue.some((i) => i.personId === dueSoon.id)).toBe(false);
    expect(
      (await send(otherStreet, 'GET', '/certificates/checks-due?pageSize=100'))
        .json()
        .items.some((i: { personId: string }) => i.personId === overdue.id),
    ).toBe(false);
    const xlsx = await send(clerk.auth, 'GET', '/certificates/checks-due?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('AID-5 a check (continue) moves the next check an interval later; a check (withdraw) withdraws the certificate', async () => {
    const early = await send(clerk.auth, 'POST', `/persons/${overdue.id}/certificate/checks`, {
      date: '2025-09-30',
      result: 'continue',
      comment: '补录',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0].code).toBe('BEFORE_ISSUE');
    const checked = await send(clerk.auth, 'POST', `/persons/${overdue.id}/certificate/checks`, {
      date: '2026-11-20',
      result: 'continue',
      comment: '本人到场，仍处于失业状态',
    });
    expect(checked.statusCode, checked.body).toBe(201);
    expect((await due()).some((i) => i.personId === overdue.id)).toBe(false);
    expect((await send(clerk.auth, 'GET', `/persons/${overdue.id}/certificate/reviews`)).json().nextCheck).toMatchObject({
      lastChecked: '2026-11-20',
      dueOn: '2027-11-20',
    });

    const withdrawn = await send(clerk.auth, 'POST', `/persons/${dueSoon.id}/certificate/checks`, {
      result: 'withdraw',
      comment: '已迁出本市',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(201);
    const cert = (await send(clerk.auth, 'GET', `/persons/${dueSoon.id}/certificate`)).json();
    expect(cert.status).toBe('withdrawn');
    expect(cert.history.at(-1)).toMatchObject({ action: 'withdraw', reason: '年审不通过：已迁出本市' });
    const again = await send(clerk.auth, 'POST', `/persons/${dueSoon.id}/certificate/checks`, { result: 'continue', comment: '核实' });
    expect(again.statusCode).toBe(422);
  });

  it('AID-5 with the interval set to 6 months for 小店区 the certificate of 2026-03-01 is overdue since 2026-09-01', async () => {
    await setParam('reemployment_certificate.check_interval_months', '140105', 6, '测试：小店区半年一审');
    expect((await due()).find((i) => i.personId === notYet.id)).toMatchObject({ dueOn: '2026-09-01', overdue: true });
  });
});

describe('AID-5 policies enjoyed, recorded by the granting module; AID-8 bank file and staff names', () => {
  let person: { id: string; name: string; idNumber: string };
  let subsidyId: string;
  let runId: string;

  beforeAll(async () => {
    await setParam('subsidy.public_welfare_post.amount', '1401', 150000, '测试用补贴标准');
    person = await createPerson(t, clerk.auth, {
      idNumber: buildIdNumber({ birthDate: '1974-05-05', sex: 'F' }),
      unemployedSince: '2026-01-05',
    });
    const recognised = await send(reviewer, 'POST', `/persons/${person.id}/categories`, {
      category: 'person_4050',
      evidence: '身份证、失业登记',
      recognisedOn: '2026-01-05',
    });
    expect(recognised.statusCode, recognised.body).toBe(201);
    const post = await send(clerk.auth, 'POST', '/assistance/posts', {
      name: '社区保洁（优惠政策测试）',
      sponsor: '坞城街道办事处',
      regionCode: '140105001001',
      places: 20,
      startDate: '2026-01-01',
      endDate: '2027-12-31',
    });
    expect(post.statusCode, post.body).toBe(201);
    const placed = await send(clerk.auth, 'POST', `/assistance/posts/${post.json().id}/placements`, {
      personId: person.id,
      startDate: '2026-08-01',
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const applied = await send(clerk.auth, 'POST', '/assistance/subsidies', {
      type: 'public_welfare_post',
      period: '2026-09',
      personId: person.id,
    });
    expect(applied.statusCode, applied.body).toBe(201);
    subsidyId = applied.json().id;
    const decided = await send(reviewer, 'POST', `/assistance/subsidies/${subsidyId}/decision`, {
      decision: 'approve',
      comment: '材料齐全，同意',
    });
    expect(decided.statusCode, decided.body).toBe(200);
  });

  it('AID-8 a subsidy shows its applicant and decider by name', async () => {
    const one = (await send(clerk.auth, 'GET', `/assistance/subsidies/${subsidyId}`)).json();
    expect(one).toMatchObject({ appliedBy: clerk.username, appliedByName: '王经办', decidedByName: '李审核' });
    const list = (await send(clerk.auth, 'GET', `/assistance/subsidies?personId=${person.id}`)).json();
    expect(list.items[0]).toMatchObject({ appliedByName: '王经办', decidedByName: '李审核' });
  });

  it('AID-5 a paid subsidy records one policy enjoyed even when the run is retried and rerun; the placement records its own', async () => {
    const key = crypto.randomUUID();
    const first = await send(finance, 'POST', '/assistance/subsidy-runs', { period: '2026-09' }, { 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().payments).toBe(1);
    runId = first.json().id;
    const retried = await send(finance, 'POST', '/assistance/subsidy-runs', { period: '2026-09' }, { 'idempotency-key': key });
    expect(retried.json().id).toBe(runId);
    const rerun = await send(
      finance,
      'POST',
      '/assistance/subsidy-runs',
      { period: '2026-09' },
      { 'idempotency-key': crypto.randomUUID() },
    );
    expect(rerun.json().payments).toBe(0);

    const enjoyed = await send(clerk.auth, 'GET', `/persons/${person.id}/policies-enjoyed`);
    expect(enjoyed.statusCode, enjoyed.body).toBe(200);
    const items = enjoyed.json().items as { policyType: string; amountFen: number | null; sourceType: string; sourceId: string }[];
    expect(items.map((i) => i.policyType).sort()).toEqual(['placement.public_welfare_post', 'subsidy.public_welfare_post']);
    const paid = items.find((i) => i.policyType === 'subsidy.public_welfare_post')!;
    expect(paid).toMatchObject({ sourceType: 'subsidy', sourceId: subsidyId });
    expect(paid.amountFen).toBeGreaterThan(0);
  });

  it('AID-8 the run’s bank file has one line per payment with the full ID number and ends with the count and total in fen', async () => {
    const res = await send(finance, 'GET', `/assistance/subsidy-runs/${runId}/bank-file`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    const amount = (await send(clerk.auth, 'GET', `/assistance/subsidies/${subsidyId}`)).json().amountFen as number;
    expect(lines[1]!.split(',').slice(1, 4)).toEqual([person.name, person.idNumber, String(amount)]);
    expect(lines.at(-1)).toBe(`合计,1,${amount}`);
    const auditor = (await createStaffMember(t, { regionCode: '140105000000', roles: ['auditor'] })).auth;
    const accesses = await send(auditor, 'GET', `/persons/${person.id}/access-log`);
    expect(accesses.statusCode, accesses.body).toBe(200);
    expect(accesses.json().items.some((a: { action: string }) => a.action === 'export')).toBe(true);
  });

  it('AID-8 the bank file is for finance only (403) and answers 404 outside the run’s district', async () => {
    expect((await send(clerk.auth, 'GET', `/assistance/subsidy-runs/${runId}/bank-file`)).statusCode).toBe(403);
    expect((await send(otherFinance, 'GET', `/assistance/subsidy-runs/${runId}/bank-file`)).statusCode).toBe(404);
    expect((await send(finance, 'GET', `/assistance/subsidy-runs/${crypto.randomUUID()}/bank-file`)).statusCode).toBe(404);
  });
});

describe('AID-5 the policy rate of re-employed holders', () => {
  it('AID-5 of 5 holders issued in 2026 and re-employed after it, 4 enjoyed a policy: 80% against the 80% target, met; figures shown', async () => {
    // 营盘街道 (140105002): 4 placed on a public-welfare post (a policy and an employment), 1 employed
    // on the market without a policy, 1 still unemployed, 1 issued in 2025 and re-employed in 2026.
    const streetClerk = (await createStaffMember(t, { regionCode: '140105002000', roles: ['clerk'] })).auth;
    const post = await send(streetClerk, 'POST', '/assistance/posts', {
      name: '社区治安巡逻（比例测试）',
      sponsor: '营盘街道办事处',
      regionCode: '140105002001',
      places: 10,
      startDate: '2026-01-01',
      endDate: '2027-12-31',
    });
    expect(post.statusCode, post.body).toBe(201);
    const make = () => createPerson(t, streetClerk, { regionCode: '140105002001', unemployedSince: '2026-02-02' });
    for (let i = 0; i < 4; i++) {
      const p = await make();
      const placed = await send(streetClerk, 'POST', `/assistance/posts/${post.json().id}/placements`, {
        personId: p.id,
        startDate: '2026-05-01',
        overrideReason: '社区推荐，本人申请',
      });
      expect(placed.statusCode, placed.body).toBe(201);
    }
    await registerEmployment(streetClerk, (await make()).id, '2026-06-01');
    await make();
    const earlier = await createPerson(t, streetClerk, { regionCode: '140105002001', unemployedSince: '2025-06-02' });
    await registerEmployment(streetClerk, earlier.id, '2026-04-01');

    await setParam('reemployment_certificate.target_policy_rate', '1401', 80, '测试：参照种子文件 002 §一(二) 80%');
    const rate = await send(districtClerk, 'GET', '/certificates/policy-rate?year=2026&regionCode=140105002000');
    expect(rate.statusCode, rate.body).toBe(200);
    expect(rate.json()).toMatchObject({
      year: 2026,
      regionCode: '140105002000',
      numerator: 4,
      denominator: 5,
      ratePercent: 80,
      targetPercent: 80,
      met: true,
      byRegion: [{ regionCode: '140105002001', numerator: 4, denominator: 5, ratePercent: 80 }],
    });
    const district = (await send(districtClerk, 'GET', '/certificates/policy-rate?year=2026')).json();
    expect(district.regionCode).toBe('140105000000');
    expect(district.byRegion.find((r: { regionCode: string }) => r.regionCode === '140105002000')).toEqual({
      regionCode: '140105002000',
      numerator: 4,
      denominator: 5,
      ratePercent: 80,
    });
    expect(district.denominator).toBe(district.byRegion.reduce((sum: number, r: { denominator: number }) => sum + r.denominator, 0));
    const lastYear = (await send(districtClerk, 'GET', '/certificates/policy-rate?year=2025&regionCode=140105002000')).json();
    expect(lastYear).toMatchObject({ numerator: 0, denominator: 0, ratePercent: null, met: null });
  });

  it('AID-5 the rate of a region outside the caller’s scope is 404', async () => {
    expect((await send(otherDistrict, 'GET', '/certificates/policy-rate?year=2026&regionCode=140105002000')).statusCode).toBe(404);
    expect((await send(otherStreet, 'GET', '/certificates/policy-rate?year=2026&regionCode=140105001000')).statusCode).toBe(404);
  });
});
