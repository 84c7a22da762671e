// Self-service accounts on the public site (JOB-7): a job seeker registers with phone and
// password and proves who they are with their citizen ID and name, which must already be in the
// labour-force ledger (registration at a counter comes first, so the ledger stays the one source);
// an employer registers with its unified social credit code. Seekers keep their job wishes, see
// their matches and apply online, free of charge (seed 002 §(十六)); employers post vacancies,
// which go through screening and review like any other.
import crypto from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { applications, employers, persons, publicAccounts, vacancies } from '../../db/schema.js';
import type { Database } from '../../db/connection.js';
import {
  assertLoginAllowed,
  endSession,
  noteLoginFailure,
  noteLoginSuccess,
  openSession,
  passwordProblem,
  resumeSession,
} from '../../platform/auth.js';
import { accessesOf, noteAccess } from '../../platform/accessLog.js';
import { writeAudit } from '../../platform/audit.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { anywhereCtx, noScope, ownRecordCtx, withTransaction, type Actor, type Ctx } from '../../platform/context.js';
import { hashPassword, maskPhone, verifyPassword } from '../../platform/crypto.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { ClientAttempts } from '../../platform/requestLimits.js';
import { registerEmployerSelf, validCreditCode } from '../employers/index.js';
import { checkBindingCode, codeRequestAnswer, findSubject, requestBindingCode, spendBindingCode } from './binding.js';
import { matchesForPerson } from '../matching/index.js';
import { regionOfPerson, updateOwnWishes, validIdNumber } from '../persons/index.js';
import * as vacancyRepo from '../vacancies/index.js';
import { getVacancy, postVacancyAsEmployer, vacanciesOfOwnEmployer, type VacancyInput } from '../vacancies/index.js';

export type AccountKind = 'seeker' | 'employer';
export type Account = typeof publicAccounts.$inferSelect;
export const publicSessionCookie = 'openpes_public';

const invalid = (path: string, code: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ path, code, message }]);

function checkPassword(password: string, phone: string) {
  const problem = passwordProblem(password, [phone]);
  if (problem) throw invalid('/password', 'WEAK_PASSWORD', problem);
}

/** The actor a self-service account acts as: no roles, no staff scope; use cases pin what it may touch. */
export function accountActor(account: Account, name: string): Actor {
  return { id: null, username: `${account.kind}:${account.id}`, name, unitId: null, scope: noScope, roles: [] };
}

/** Opens a public session (platform/auth.ts) and records the login on the account. */
async function startSession(db: Database, accountId: string, now: Date): Promise<string> {
  const token = await openSession(db, 'public', accountId, now);
  await db.update(publicAccounts).set({ lastLoginAt: now }).where(eq(publicAccounts.id, accountId));
  return token;
}

/** The region of the record an account is bound to (for its audit rows). */
async function regionOfAccount(ctx: Ctx, account: Account): Promise<string | null> {
  const db = boundRecordDb(ctx);
  if (account.personId)
    return (await db.select({ r: persons.regionCode }).from(persons).where(eq(persons.id, account.personId)))[0]?.r ?? null;
  if (account.employerId)
    return (await db.select({ r: employers.regionCode }).from(employers).where(eq(employers.id, account.employerId)))[0]?.r ?? null;
  return null;
}

/**
 * The database as a public use case reads the record its account is bound to, or the published
 * vacancies it may see: the binding (or publication) is the authority, wherever the row lies.
 */
const boundRecordDb = (ctx: Ctx): Database => anywhereCtx(ctx).db;

async function insertAccount(
  ctx: Ctx,
  kind: AccountKind,
  phone: string,
  password: string,
  link: { personId?: string; employerId?: string },
) {
  const phoneIndex = ctx.sealer.blindIndex('phone', phone);
  const [taken] = await ctx.db
    .select({ id: publicAccounts.id })
    .from(publicAccounts)
    .where(and(eq(publicAccounts.kind, kind), eq(publicAccounts.phoneIndex, phoneIndex)));
  if (taken)
    throw new AppError('CONFLICT', '该手机号已注册，请直接登录', [{ path: '/phone', code: 'PHONE_TAKEN', message: '该手机号已注册' }]);
  const account = {
    id: crypto.randomUUID(),
    kind,
    phoneSealed: ctx.sealer.seal('phone', phone),
    phoneIndex,
    phoneMasked: maskPhone(phone),
    passwordHash: hashPassword(password),
    personId: link.personId ?? null,
    employerId: link.employerId ?? null,
    disabled: false,
    createdAt: ctx.now(),
    lastLoginAt: null,
  };
  await ctx.db.insert(publicAccounts).values(account);
  return account;
}

/**
 * Step one of a seeker's registration: a code by text message to the phone in the ledger. The
 * answer is the same whether or not the ID number and name are in the ledger.
 */
export async function requestSeekerCode(ctx: Ctx, input: { idNumber: string; name: string }) {
  const id = validIdNumber(ctx, input.idNumber);
  const subject = await findSubject(ctx, 'seeker', ctx.sealer.blindIndex('idNumber', id.idNumber), input.name);
  await requestBindingCode(ctx, 'seeker', subject);
  return codeRequestAnswer;
}

/**
 * Registers a seeker account bound to the ledger person with this ID number and name, proved by a
 * code from the phone on record or a counter's activation code; answers a session token. A wrong
 * code, an unknown ID and a name that differs all answer the same.
 */
export async function registerSeeker(
  ctx: Ctx,
  input: { phone: string; password: string; idNumber: string; name: string; code: string },
  attempts: ClientAttempts,
) {
  checkPassword(input.password, input.phone);
  const id = validIdNumber(ctx, input.idNumber);
  const subject = await findSubject(ctx, 'seeker', ctx.sealer.blindIndex('idNumber', id.idNumber), input.name);
  const codeId = await checkBindingCode(ctx, 'seeker', subject, input.code, attempts);
  const person = subject!;
  return withTransaction(ctx, async (tx) => {
    await spendBindingCode(tx, codeId);
    const [existing] = await tx.db.select({ id: publicAccounts.id }).from(publicAccounts).where(eq(publicAccounts.personId, person.id));
    if (existing)
      throw new AppError('CONFLICT', '您已注册过账号，请用注册时的手机号登录；忘记密码请到服务窗口重置', [
        { path: '/idNumber', code: 'ACCOUNT_EXISTS', message: '已注册过账号' },
      ]);
    const account = await insertAccount(tx, 'seeker', input.phone, input.password, { personId: person.id });
    await writeAudit(
      { ...tx, actor: accountActor(account, input.name.trim()) },
      {
        action: 'register',
        entity: 'public_account',
        entityId: account.id,
        regionCode: person.regionCode,
        after: { kind: 'seeker', personId: person.id, phone: account.phoneMasked },
      },
    );
    return { token: await startSession(tx.db, account.id, tx.now()), account: await accountView(tx, account) };
  });
}

/**
 * Step one of binding an account to a registered employer: a code by text message to the
 * employer's contact phone on record. The answer is the same whatever the credit code.
 */
export async function requestEmployerCode(ctx: Ctx, input: { creditCode: string; employerName: string }) {
  const creditCode = validCreditCode(input.creditCode);
  await requestBindingCode(ctx, 'employer', await findSubject(ctx, 'employer', creditCode, input.employerName));
  return codeRequestAnswer;
}

/**
 * Registers an employer account tied to a credit code. An employer new to the service is
 * registered with it; binding to one already registered needs a code from its contact phone on
 * record or a counter's activation code.
 */
export async function registerEmployer(
  ctx: Ctx,
  input: {
    phone: string;
    password: string;
    creditCode: string;
    employerName: string;
    regionCode?: string | undefined;
    contactName?: string | undefined;
    code?: string | undefined;
  },
  attempts: ClientAttempts,
) {
  checkPassword(input.password, input.phone);
  const creditCode = validCreditCode(input.creditCode);
  const [known] = await boundRecordDb(ctx)
    .select({ id: employers.id, name: employers.name, regionCode: employers.regionCode })
    .from(employers)
    .where(eq(employers.creditCode, creditCode));
  if (known && known.name !== input.employerName.trim()) {
    throw new AppError('RULE_VIOLATION', '单位名称与该统一社会信用代码登记的名称不一致，请按营业执照填写', [
      { path: '/employerName', code: 'NAME_MISMATCH', message: '单位名称与登记不一致' },
    ]);
  }
  if (known && !input.code)
    throw new AppError('RULE_VIOLATION', '该单位已在公共就业服务机构登记，请获取发送到单位登记联系电话的验证码，或到服务窗口领取激活码', [
      { path: '/code', code: 'CODE_REQUIRED', message: '请填写验证码或激活码' },
    ]);
  const codeId = known ? await checkBindingCode(ctx, 'employer', known, input.code!, attempts) : null;
  if (!known && !input.regionCode) throw invalid('/regionCode', 'REQUIRED', '新登记的单位请选择所在地');
  return withTransaction(ctx, async (tx) => {
    if (codeId) await spendBindingCode(tx, codeId);
    if (known) {
      const [existing] = await tx.db.select({ id: publicAccounts.id }).from(publicAccounts).where(eq(publicAccounts.employerId, known.id));
      if (existing)
        throw new AppError('CONFLICT', '该单位已注册账号，请用注册手机号登录；更换联系人请到服务窗口办理', [
          { path: '/creditCode', code: 'ACCOUNT_EXISTS', message: '该单位已注册账号' },
        ]);
    }
    const selfCtx: Ctx = {
      ...tx,
      actor: { id: null, username: `employer:${creditCode}`, name: input.employerName.trim(), unitId: null, scope: noScope, roles: [] },
    };
    const employerId =
      known?.id ??
      (
        await registerEmployerSelf(selfCtx, {
          name: input.employerName,
          creditCode,
          regionCode: input.regionCode!,
          contactName: input.contactName,
          contactPhone: input.phone,
        })
      ).id;
    const account = await insertAccount(tx, 'employer', input.phone, input.password, { employerId });
    await writeAudit(
      { ...tx, actor: accountActor(account, input.employerName) },
      {
        action: 'register',
        entity: 'public_account',
        entityId: account.id,
        regionCode: known?.regionCode ?? input.regionCode!,
        after: { kind: 'employer', employerId, phone: account.phoneMasked },
      },
    );
    return { token: await startSession(tx.db, account.id, tx.now()), account: await accountView(tx, account) };
  });
}

/** Phone-and-password login of a self-service account from a client address, throttled like staff logins (platform/loginLimits.ts). */
export async function loginAccount(ctx: Ctx, kind: AccountKind, phone: string, password: string, source: string) {
  const phoneIndex = ctx.sealer.blindIndex('phone', phone);
  const attempt = { realm: 'public', key: `public:${kind}:${phoneIndex}`, source } as const;
  const now = ctx.now();
  await assertLoginAllowed(ctx, attempt);
  const [account] = await ctx.db
    .select()
    .from(publicAccounts)
    .where(and(eq(publicAccounts.kind, kind), eq(publicAccounts.phoneIndex, phoneIndex)));
  if (!account || !verifyPassword(password, account.passwordHash) || account.disabled) {
    await noteLoginFailure(ctx, attempt);
    throw new AppError('UNAUTHENTICATED', '手机号或密码错误');
  }
  return withTransaction(ctx, async (tx) => {
    await noteLoginSuccess(tx, attempt);
    const token = await startSession(tx.db, account.id, now);
    await writeAudit(
      { ...tx, actor: accountActor(account, account.kind) },
      { action: 'login', entity: 'public_account', entityId: account.id, regionCode: await regionOfAccount(tx, account) },
    );
    return { token, account: await accountView(tx, account) };
  });
}

/** The account of a public session token, or null when missing, expired or disabled. */
export async function accountOfToken(db: Database, token: string, now: Date): Promise<Account | null> {
  const accountId = await resumeSession(db, 'public', token, now);
  if (!accountId) return null;
  const [account] = await db.select().from(publicAccounts).where(eq(publicAccounts.id, accountId));
  return account && !account.disabled ? account : null;
}

/** Ends a public session. */
export async function logoutAccount(db: Database, token: string) {
  await endSession(db, 'public', token);
}

/** What the account holder sees of their account: masked phone, and the seeker's profile or the employer. */
export async function accountView(ctx: Ctx, account: Account) {
  const db = boundRecordDb(ctx);
  const base = { id: account.id, kind: account.kind as AccountKind, phone: account.phoneMasked, createdAt: account.createdAt };
  if (account.personId) {
    const [p] = await db
      .select({
        name: persons.name,
        idNumber: persons.idNumberMasked,
        education: persons.education,
        skills: persons.skills,
        jobWishes: persons.jobWishes,
        employmentStatus: persons.employmentStatus,
      })
      .from(persons)
      .where(eq(persons.id, account.personId));
    return { ...base, seeker: { ...p!, jobWishes: (p!.jobWishes ?? {}) as JobWishes }, employer: null };
  }
  const [e] = await db
    .select({ id: employers.id, name: employers.name, creditCode: employers.creditCode, regionCode: employers.regionCode })
    .from(employers)
    .where(eq(employers.id, account.employerId!));
  return { ...base, seeker: null, employer: e! };
}

export interface JobWishes {
  occupations?: string[] | undefined;
  keywords?: string[] | undefined;
  wageMinFen?: number | undefined;
  regionCodes?: string[] | undefined;
  hours?: string | undefined;
}

const seekerOnly = (account: Account) => {
  if (account.kind !== 'seeker' || !account.personId) throw new AppError('FORBIDDEN', '此功能仅供求职者账号使用');
  return account.personId;
};
const employerOnly = (account: Account) => {
  if (account.kind !== 'employer' || !account.employerId) throw new AppError('FORBIDDEN', '此功能仅供用人单位账号使用');
  return account.employerId;
};

/**
 * A seeker updates their own job wishes (audited). Education, skills and every other fact in the
 * ledger are recorded by staff from documents; a seeker tells a counter when they change.
 */
export async function updateSeekerProfile(ctx: Ctx, account: Account, input: { jobWishes: JobWishes }) {
  const personId = seekerOnly(account);
  return withTransaction(ctx, async (tx) => {
    await updateOwnWishes(tx, personId, input.jobWishes);
    return accountView(tx, account);
  });
}

/** Who looked at the seeker's own record (SYS-2; PIPL art. 45: a person may see what is done with their data). */
export async function myAccessLog(ctx: Ctx, account: Account, paging: { limit: number; offset: number }) {
  return accessesOf(boundRecordDb(ctx), seekerOnly(account), paging);
}

/** The seeker's own matches (the same scoring staff see). */
export async function seekerMatches(ctx: Ctx, account: Account, limit: number) {
  const personId = seekerOnly(account);
  return matchesForPerson(ownRecordCtx(ctx, await regionOfPerson(ctx, personId)), personId, limit);
}

/** A seeker applies online to a published vacancy, once. */
export async function apply(ctx: Ctx, account: Account, vacancyId: string, message: string | undefined) {
  const personId = seekerOnly(account);
  return withTransaction(ctx, async (tx) => {
    const vacancy = await vacancyRepo.findPublic(boundRecordDb(tx), vacancyId, shanghaiDateOf(tx.now()));
    if (!vacancy) throw notFound('岗位（可能已过期或下架）');
    const [earlier] = await tx.db
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.personId, personId), eq(applications.vacancyId, vacancyId)));
    if (earlier) throw new AppError('CONFLICT', '您已投递过这个岗位');
    const row = { id: crypto.randomUUID(), personId, vacancyId, message: message?.trim() || null, createdAt: tx.now() };
    await tx.db.insert(applications).values(row);
    await writeAudit(tx, { action: 'apply', entity: 'application', entityId: row.id, regionCode: vacancy.regionCode, after: row });
    return { ...row, vacancyTitle: vacancy.title, employerName: vacancy.employerName };
  });
}

/** The seeker's applications, newest first. */
export async function myApplications(ctx: Ctx, account: Account) {
  const personId = seekerOnly(account);
  return boundRecordDb(ctx)
    .select({
      id: applications.id,
      vacancyId: applications.vacancyId,
      vacancyTitle: vacancies.title,
      employerName: employers.name,
      message: applications.message,
      createdAt: applications.createdAt,
    })
    .from(applications)
    .innerJoin(vacancies, eq(vacancies.id, applications.vacancyId))
    .innerJoin(employers, eq(employers.id, vacancies.employerId))
    .where(eq(applications.personId, personId))
    .orderBy(desc(applications.createdAt));
}

/** An employer posts a vacancy: screened, then waits for a reviewer like any other. */
export async function postVacancy(ctx: Ctx, account: Account, input: Omit<VacancyInput, 'employerId' | 'source'>) {
  const employerId = employerOnly(account);
  return postVacancyAsEmployer(ctx, employerId, input);
}

/** The employer's vacancies in every state, with screening notes and review comments. */
export async function myVacancies(ctx: Ctx, account: Account) {
  return vacanciesOfOwnEmployer(ctx, employerOnly(account));
}

/** Applicants to one of the employer's vacancies: they applied to this employer, so name and phone are shown (audited). */
export async function applicantsOf(ctx: Ctx, account: Account, vacancyId: string) {
  const employerId = employerOnly(account);
  return withTransaction(ctx, async (tx) => {
    // The employer's own vacancy, and the persons who applied to it (wherever they live).
    const db = boundRecordDb(tx);
    const [vacancy] = await db
      .select({ id: vacancies.id, regionCode: vacancies.regionCode })
      .from(vacancies)
      .where(and(eq(vacancies.id, vacancyId), eq(vacancies.employerId, employerId)));
    if (!vacancy) throw notFound('岗位');
    const rows = await db
      .select({
        id: applications.id,
        name: persons.name,
        education: persons.education,
        skills: persons.skills,
        phoneSealed: persons.phoneSealed,
        personId: persons.id,
        regionCode: persons.regionCode,
        message: applications.message,
        createdAt: applications.createdAt,
      })
      .from(applications)
      .innerJoin(persons, eq(persons.id, applications.personId))
      .where(eq(applications.vacancyId, vacancyId))
      .orderBy(desc(applications.createdAt));
    await writeAudit(tx, {
      action: 'view_applicants',
      entity: 'vacancy',
      entityId: vacancyId,
      regionCode: vacancy.regionCode,
      after: { applicants: rows.length },
    });
    const [employer] = await db.select({ name: employers.name }).from(employers).where(eq(employers.id, employerId));
    // The applicants see on the board that this employer opened their application (name and phone).
    noteAccess(
      tx,
      rows.map((r) => ({ personId: r.personId, regionCode: r.regionCode, action: 'view' as const, unitName: employer?.name })),
    );
    return rows.map(({ phoneSealed, personId: _p, regionCode: _r, ...r }) => ({
      ...r,
      phone: phoneSealed ? tx.sealer.open('phone', phoneSealed) : null,
    }));
  });
}

/** Online applications to a vacancy in the staff member's scope (identifiers masked). */
export async function applicationsForStaff(ctx: Ctx, vacancyId: string) {
  await getVacancy(ctx, vacancyId);
  return ctx.db
    .select({
      id: applications.id,
      personId: applications.personId,
      name: persons.name,
      idNumber: persons.idNumberMasked,
      phone: persons.phoneMasked,
      message: applications.message,
      createdAt: applications.createdAt,
    })
    .from(applications)
    .innerJoin(persons, eq(persons.id, applications.personId))
    .where(eq(applications.vacancyId, vacancyId))
    .orderBy(desc(applications.createdAt));
}
