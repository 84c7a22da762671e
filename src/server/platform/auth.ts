// Staff sign-in: scrypt passwords, throttling (platform/loginLimits.ts), and a second step with a
// TOTP or recovery code for staff who enrolled one (platform/twoFactor.ts). A member of a role that
// requires a second factor but has none gets a session that may only enrol. Sessions themselves are
// platform/sessions.ts; what other modules used from here is re-exported.
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/connection.js';
import { staff, units } from '../db/schema.js';
import type { Role } from '../../shared/roles.js';
import type { Actor, Ctx } from './context.js';
import { anywhereCtx, withTransaction } from './context.js';
import { writeAudit } from './audit.js';
import { hashPassword, verifyPassword } from './crypto.js';
import { AppError } from './errors.js';
import { assertLoginAllowed, noteLoginFailure, noteLoginSuccess, type LoginAttempt } from './loginLimits.js';
import type { ScheduledJob } from './scheduler.js';
import { endSession, openSession, resumeStaffSession, sweepSessions, type SessionClient } from './sessions.js';
import {
  challengeOwner,
  closeChallenge,
  codeAttempt,
  hasTwoFactor,
  openChallenge,
  twoFactorRequiredFor,
  useSecondFactor,
} from './twoFactor.js';

export {
  endSession,
  endSessionsOf,
  failureWindowText,
  openSession,
  resumeSession,
  sessionCookie,
  sessionRules,
  sweepSessions,
  type SessionKind,
} from './sessions.js';
export { assertLoginAllowed, noteLoginFailure, noteLoginSuccess } from './loginLimits.js';
export { passwordProblem } from './passwords.js';

/** The signed-in user as login and /auth/me answer it. */
export interface LoginUser {
  id: string;
  username: string;
  name: string;
  unitId: string | null;
  unitName: string | null;
  scope: string;
  roles: Role[];
}

export interface LoginResult {
  token: string;
  user: LoginUser;
  /** The session may only enrol a second factor: the member's role requires one and they have none. */
  twoFactorSetupRequired: boolean;
}

/** The password was right and a second factor is enrolled: the sign-in waits for a code. */
export interface SecondStepPending {
  twoFactorRequired: true;
  challenge: string;
  expiresAt: Date;
}

/** How sign-in is configured: the roles that must use a second factor (config OPENPES_REQUIRE_2FA_ROLES). */
export interface SignInPolicy {
  requireTwoFactorRoles: readonly Role[];
}

const staffAttempt = (username: string, source: string): LoginAttempt => ({ realm: 'staff', key: username, source });

/**
 * Checks a username and password (throttled per username and address, per address, and by delay
 * per username); with an enrolled second factor answers a challenge for the code, else opens a
 * session (limited to enrolment when the member's role requires a second factor they lack).
 */
export async function login(
  ctx: Ctx,
  username: string,
  password: string,
  client: SessionClient,
  policy: SignInPolicy,
): Promise<LoginResult | SecondStepPending> {
  const attempt = staffAttempt(username, client.source);
  await assertLoginAllowed(ctx, attempt);
  // Any staff member may log in here, whatever the caller's (anonymous) scope: the password is the authority.
  const [account] = await anywhereCtx(ctx).db.select().from(staff).where(eq(staff.username, username));
  // Always spend the scrypt time, so a wrong username answers as slowly as a wrong password.
  const ok = verifyPassword(password, account?.passwordHash ?? dummyHash);
  if (!account || !ok || account.disabled) {
    await noteLoginFailure(ctx, attempt);
    // A disabled account answers like a wrong password, so the answer does not confirm that the
    // username exists or that the password guessed was right.
    throw new AppError('UNAUTHENTICATED', '用户名或密码错误');
  }
  if (await hasTwoFactor(ctx.db, account.id)) {
    const pending = await openChallenge(ctx.db, account.id, ctx.now());
    return { twoFactorRequired: true, ...pending };
  }
  const enrolmentOnly = twoFactorRequiredFor(account.roles as Role[], policy.requireTwoFactorRoles);
  return signIn(ctx, account, client, { enrolmentOnly });
}

/**
 * The second step: a TOTP code (not used before) or an unused recovery code for a live challenge
 * opens the session. Codes are throttled like passwords; the challenge is single-use.
 */
export async function completeSecondStep(ctx: Ctx, challenge: string, code: string, client: SessionClient): Promise<LoginResult> {
  const expired = () => new AppError('UNAUTHENTICATED', '登录验证已过期，请重新输入用户名和密码');
  const staffId = await challengeOwner(ctx.db, challenge, ctx.now());
  if (!staffId) throw expired();
  const attempt = codeAttempt(staffId, client.source);
  await assertLoginAllowed(ctx, attempt);
  // The challenge (a password already checked) is the authority, whatever the caller's scope.
  const [account] = await anywhereCtx(ctx).db.select().from(staff).where(eq(staff.id, staffId));
  if (!account || account.disabled) throw expired();
  const opened = await withTransaction(ctx, async (tx) => {
    const asMember = { ...tx, actor: actorOf(account) };
    const method = await useSecondFactor(asMember, staffId, code);
    if (!method) return null;
    if (!(await closeChallenge(tx.db, challenge))) throw expired();
    await noteLoginSuccess(tx, attempt);
    return signIn(tx, account, client, { enrolmentOnly: false, secondFactor: method });
  });
  if (!opened) {
    await noteLoginFailure(ctx, attempt);
    throw new AppError('UNAUTHENTICATED', '验证码不正确或已使用，请输入验证器应用中当前显示的 6 位数字，或使用一个恢复码');
  }
  return opened;
}

/** Opens the session of a member whose sign-in succeeded, forgets this address's failures, audits the login. */
async function signIn(
  ctx: Ctx,
  account: typeof staff.$inferSelect,
  client: SessionClient,
  how: { enrolmentOnly: boolean; secondFactor?: 'totp' | 'recovery_code' },
): Promise<LoginResult> {
  const token = await withTransaction(ctx, async (tx) => {
    await noteLoginSuccess(tx, staffAttempt(account.username, client.source));
    const opened = await openSession(tx.db, 'staff', account.id, tx.now(), { client, enrolmentOnly: how.enrolmentOnly });
    await writeAudit(
      { ...tx, actor: actorOf(account) },
      {
        action: 'login',
        entity: 'staff',
        entityId: account.id,
        regionCode: account.regionCode,
        after: {
          source: client.source,
          ...(how.secondFactor ? { secondFactor: how.secondFactor } : {}),
          ...(how.enrolmentOnly ? { enrolmentOnly: true } : {}),
        },
      },
    );
    return opened;
  });
  const [unit] = account.unitId
    ? await anywhereCtx(ctx).db.select({ name: units.name }).from(units).where(eq(units.id, account.unitId))
    : [];
  return { token, user: loginUser(account, unit?.name ?? null), twoFactorSetupRequired: how.enrolmentOnly };
}

function loginUser(s: typeof staff.$inferSelect, unitName: string | null): LoginUser {
  return { id: s.id, username: s.username, name: s.name, unitId: s.unitId, unitName, scope: s.scope, roles: s.roles as Role[] };
}

const dummyHash = hashPassword(crypto.randomBytes(16).toString('hex'));

/** The actor a staff row acts as. */
export function actorOf(s: typeof staff.$inferSelect): Actor {
  return { id: s.id, username: s.username, name: s.name, unitId: s.unitId, scope: s.scope, roles: s.roles as Role[] };
}

/** A resolved staff session: the member acting, and whether the session may only enrol a second factor. */
export interface Authenticated {
  actor: Actor;
  enrolmentOnly: boolean;
}

/** Resolves a staff session token to its staff member, or null when missing, expired, revoked or disabled. */
export async function authenticate(db: Database, token: string, now: Date): Promise<Authenticated | null> {
  const session = await resumeStaffSession(db, token, now);
  const member = session?.member;
  return member && !member.disabled ? { actor: actorOf(member), enrolmentOnly: session.enrolmentOnly } : null;
}

/**
 * What a session limited to enrolment may reach (paths under /api/v1): who am I, sign out, the
 * second factor itself, own sessions and own password, and the region names the page frame shows.
 */
export const enrolmentOnlyPaths = [
  /^\/auth\/(me|logout|password)$/,
  /^\/auth\/two-factor(\/|$)/,
  /^\/auth\/sessions(\/|$)/,
  /^\/regions(\/\d+)?$/,
];

/** Ends one staff session. */
export async function logout(db: Database, token: string): Promise<void> {
  await endSession(db, 'staff', token);
}

/** Scheduled job: sweeps sessions every 10 minutes (Beijing time, on the minute). */
export const sweepSessionsJob: ScheduledJob = {
  name: 'sessions.sweep',
  pattern: '*/10 * * * *',
  run: async (ctx, now) => {
    const swept = await sweepSessions(ctx.db, now);
    return { summary: `删除过期会话 ${swept.sessions} 个、过期的登录失败记录 ${swept.loginFailures} 条` };
  },
};
