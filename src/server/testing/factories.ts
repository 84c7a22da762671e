// Test data for the API suite (outline's `buildUser()` style): valid identifiers computed with the
// same check-character code as production, and persons, employers, vacancies and staff made
// through the API so every row passes the rules a clerk's would. Each call makes new, unique data.
import { expect } from 'vitest';
import type { Role } from '../../shared/roles.js';
import { creditCodeCheckCharacter } from '../../shared/creditCode.js';
import { addMonths } from '../platform/clock.js';
import { idCheckCharacter } from '../../shared/idNumber.js';
import { loginAs, type TestApp } from './testApp.js';

/** The bearer header a logged-in caller sends. */
export type Auth = { authorization: string };

/** The password of every staff member made here. */
export const factoryPassword = 'Factory123';

let idSerial = 0;
let creditSerial = 0;
let staffSerial = 0;

/**
 * A valid 18-character citizen ID number (GB 11643) for an address code, birth date and sex.
 * The sequence part is taken from a counter, so no two calls in one test file give the same number.
 */
export function buildIdNumber(opts: { regionCode?: string; birthDate?: string; sex?: 'M' | 'F' } = {}): string {
  const region6 = (opts.regionCode ?? '140105').slice(0, 6);
  const birth = (opts.birthDate ?? '1985-03-15').replaceAll('-', '');
  const serial = ++idSerial;
  if (serial > 499) throw new Error('buildIdNumber: more than 499 ID numbers in one file; widen the sequence');
  // 17th digit odd = male: the sequence is 2·serial (even) or 2·serial − 1 (odd).
  const sequence = opts.sex === 'M' ? 2 * serial - 1 : opts.sex === 'F' ? 2 * serial : serial;
  const first17 = `${region6}${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

/** A valid unified social credit code (GB 32100) registered in a region, unique per call. */
export function buildCreditCode(regionCode = '140105'): string {
  const first17 = `91${regionCode.slice(0, 6)}${String(++creditSerial).padStart(8, '0')}X`.slice(0, 17);
  return first17 + creditCodeCheckCharacter(first17);
}

const post = (t: TestApp, as: Auth | undefined, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as, payload });

/** Throws with the response body when the API did not answer 201, so a broken arrangement names its cause. */
function created<T>(res: { statusCode: number; body: string; json: () => unknown }, what: string): T {
  if (res.statusCode !== 201) throw new Error(`factory: creating ${what} answered ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

export interface PersonInput {
  idNumber?: string;
  name?: string;
  regionCode?: string;
  householdType?: string;
  /** Registers unemployment on this date after creating the person. */
  unemployedSince?: string;
  [field: string]: unknown;
}

/** Registers a person in the ledger (community 140105001001 unless told); optionally unemployed from a date. */
export async function createPerson(
  t: TestApp,
  as: Auth,
  input: PersonInput = {},
): Promise<{ id: string; name: string; idNumber: string; [field: string]: unknown }> {
  const { unemployedSince, ...over } = input;
  const idNumber = over.idNumber ?? buildIdNumber({ regionCode: over.regionCode });
  const body = { idNumber, name: `测试人员${idSerial}`, regionCode: '140105001001', householdType: 'urban', ...over };
  const person = created<{ id: string; name: string }>(await post(t, as, '/persons', body), `person ${idNumber}`);
  if (unemployedSince)
    created(
      await post(t, as, `/persons/${person.id}/registrations`, { type: 'unemployment', date: unemployedSince }),
      'unemployment registration',
    );
  return { ...person, idNumber };
}

/** A seeker who wants a welder's job (6-18-02-04, 焊工, from 4,500 yuan), registered unemployed on 2026-11-02. */
export function createWelderSeeker(t: TestApp, as: Auth, over: PersonInput = {}) {
  return createPerson(t, as, {
    education: '高中/中专/技校',
    skills: ['焊工'],
    jobWishes: { occupations: ['6-18-02-04'], wageMinFen: 450000 },
    unemployedSince: '2026-11-02',
    ...over,
  });
}

/** An employer with a fresh valid credit code in community 140105001001. */
export async function createEmployer(
  t: TestApp,
  as: Auth,
  over: Record<string, unknown> = {},
): Promise<{ id: string; name: string; creditCode: string }> {
  const creditCode = buildCreditCode();
  return created(
    await post(t, as, '/employers', {
      name: `太原测试${creditSerial}有限公司`,
      creditCode,
      regionCode: '140105001001',
      industry: 'C',
      size: 'small',
      ...over,
    }),
    `employer ${creditCode}`,
  );
}

/** The text of the ordinary welder vacancy: nothing in it for screening to flag. */
export const welderAd = '招聘电焊工3名，持焊工证，男女不限，月薪5000-7000元，包食宿，工作地点小店区。';

export interface VacancyJson {
  id: string;
  status: string;
  screening: { flags: { text: string; category: string; severity: string; reason: string; field: string }[] };
}

/** A welder vacancy of an employer (3 posts, 5,000–7,000 yuan), pending review. */
export async function createVacancy(t: TestApp, as: Auth, employerId: string, over: Record<string, unknown> = {}): Promise<VacancyJson> {
  const body = {
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
  };
  return created(await post(t, as, '/vacancies', body), 'vacancy');
}

/** Approves a vacancy as a reviewer; returns the response for tests about review itself. */
export const approveVacancy = (t: TestApp, reviewer: Auth, id: string, comment?: string) =>
  post(t, reviewer, `/vacancies/${id}/review`, { decision: 'approve', ...(comment ? { comment } : {}) });

/** A welder vacancy that a reviewer has approved, so it is on the board and can be matched and referred. */
export async function createPublishedVacancy(
  t: TestApp,
  as: Auth,
  reviewer: Auth,
  employerId: string,
  over: Record<string, unknown> = {},
): Promise<VacancyJson> {
  const v = await createVacancy(t, as, employerId, over);
  const res = await approveVacancy(t, reviewer, v.id);
  if (res.statusCode !== 200) throw new Error(`factory: approving vacancy answered ${res.statusCode} ${res.body}`);
  return res.json() as VacancyJson;
}

export interface Unit {
  id: string;
  name: string;
  regionCode: string;
  scope: string;
}

const unitTypeOfLevel = (regionCode: string) =>
  regionCode.endsWith('000000') ? 'labour_bureau' : regionCode.endsWith('000') ? 'street_office' : 'community_station';

/** A unit at a region code: the demo's first one there, or a new one when the app has none (demo: false). */
export async function findUnit(t: TestApp, regionCode: string): Promise<Unit> {
  const admin = await loginAs(t.app, 'admin');
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/units?pageSize=100', headers: admin });
  const unit = (res.json() as { items: Unit[] }).items.find((u) => u.regionCode === regionCode);
  if (unit) return unit;
  return created(
    await post(t, admin, '/units', { name: `测试机构${regionCode}`, regionCode, type: unitTypeOfLevel(regionCode) }),
    `unit at ${regionCode}`,
  );
}

export interface StaffMember {
  id: string;
  username: string;
  name: string;
  unit: Unit;
  /** The member's bearer header, logged in. */
  auth: Auth;
}

/** A staff member of the unit at a region code with the given roles, logged in. */
export async function createStaffMember(
  t: TestApp,
  opts: { regionCode: string; roles: Role[]; name?: string; phone?: string },
): Promise<StaffMember> {
  const unit = await findUnit(t, opts.regionCode);
  const n = ++staffSerial;
  const username = `factory_staff${n}`;
  const name = opts.name ?? `测试${opts.roles.join('')}${n}`;
  const body = {
    username,
    name,
    unitId: unit.id,
    roles: opts.roles,
    password: factoryPassword,
    ...(opts.phone ? { phone: opts.phone } : {}),
  };
  const member = created<{ id: string }>(await post(t, await loginAs(t.app, 'admin'), '/staff', body), `staff ${username}`);
  return { id: member.id, username, name, unit, auth: await loginAs(t.app, username, factoryPassword) };
}

/** Two staff members with the same roles in units that must not see each other's data. */
export interface ScopePair {
  home: StaffMember;
  other: StaffMember;
}

/** Clerks of two streets of one district: 坞城街道 (140105001, home) and 营盘街道 (140105002). */
export async function createStreetPair(t: TestApp, roles: Role[] = ['clerk']): Promise<ScopePair> {
  return {
    home: await createStaffMember(t, { regionCode: '140105001000', roles }),
    other: await createStaffMember(t, { regionCode: '140105002000', roles }),
  };
}

/** Staff of two districts of one city: 小店区 (140105, home) and 迎泽区 (140106). */
export async function createDistrictPair(t: TestApp, roles: Role[] = ['clerk', 'job_officer']): Promise<ScopePair> {
  return {
    home: await createStaffMember(t, { regionCode: '140105000000', roles }),
    other: await createStaffMember(t, { regionCode: '140106000000', roles }),
  };
}

export interface ClaimArrangement {
  /** Registers the person and their job seeking. */
  clerk: Auth;
  /** Posts the contributions and takes the claim (ui_officer). */
  officer: Auth;
  /** Approves the claim when given (a reviewer other than the officer). */
  reviewer?: Auth | undefined;
  employerId: string;
  regionCode?: string | undefined;
  /** The claimant's name (a generated one by default). */
  name?: string | undefined;
  /** The month of separation, 'YYYY-MM' (default 2026-05): separated on its last day, registered on the 3rd of the next. */
  separatedIn?: string | undefined;
  /** Contribution months, ending with the separation month (default 24). */
  months?: number | undefined;
  /** Paid per month in fen (base 300,000). */
  paidFen?: number | undefined;
}

/**
 * A benefit claim (UI-2) of a new person who separated on the last day of `separatedIn` (default
 * 2026-05, employer bankrupt) and registered unemployed and seeking work on the 3rd of the next
 * month, with `months` contribution months up to the separation month: taken by `officer`,
 * approved by `reviewer` when given.
 */
export async function arrangeClaim(
  t: TestApp,
  a: ClaimArrangement,
): Promise<{ personId: string; id: string; startMonth: string; monthlyAmountFen: number }> {
  const send = (auth: Auth, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { ...auth }, payload });
  const separatedIn = a.separatedIn ?? '2026-05';
  const registeredOn = addMonths(`${separatedIn}-03`, 1);
  const person = await createPerson(t, a.clerk, {
    unemployedSince: registeredOn,
    ...(a.regionCode ? { regionCode: a.regionCode } : {}),
    ...(a.name ? { name: a.name } : {}),
  });
  const seeking = await send(a.clerk, `/persons/${person.id}/registrations`, { type: 'job_seeking', date: registeredOn });
  expect(seeking.statusCode, seeking.body).toBe(201);
  const months = a.months ?? 24;
  const items = Array.from({ length: months }, (_, i) => ({
    personId: person.id,
    employerId: a.employerId,
    month: addMonths(`${separatedIn}-01`, i - (months - 1)).slice(0, 7),
    baseFen: 300_000,
    paidFen: a.paidFen ?? 3_000,
  }));
  const paid = await send(a.officer, '/ui/contributions', { items });
  expect(paid.statusCode, paid.body).toBe(200);
  const taken = await send(a.officer, '/ui/claims', {
    personId: person.id,
    separationDate: addMonths(`${separatedIn}-31`, 0),
    separationReason: 'employer_bankrupt',
  });
  expect(taken.statusCode, taken.body).toBe(201);
  const { id, startMonth, monthlyAmountFen } = taken.json() as { id: string; startMonth: string; monthlyAmountFen: number };
  if (a.reviewer) {
    const decided = await send(a.reviewer, `/ui/claims/${id}/decision`, { decision: 'approve', comment: '材料齐全，同意' });
    expect(decided.statusCode, decided.body).toBe(200);
  }
  return { personId: person.id, id, startMonth, monthlyAmountFen };
}
