// Staff authentication: scrypt passwords, opaque session tokens stored as SHA-256, idle and
// absolute expiry, and per-username throttling of failed logins.
import crypto from 'node:crypto';
import { and, eq, gte, lt } from 'drizzle-orm';
import type { Database } from '../db/connection.js';
import { loginFailures, sessions, staff, units } from '../db/schema.js';
import type { Role } from '../../shared/roles.js';
import type { Actor, Ctx } from './context.js';
import { withTransaction } from './context.js';
import { writeAudit } from './audit.js';
import { hashPassword, sha256, verifyPassword } from './crypto.js';
import { AppError } from './errors.js';
import type { ScheduledJob } from './scheduler.js';

/** Security settings of sessions (not policy figures: they protect the system, not citizens). */
export const sessionRules = {
  idleMs: 30 * 60 * 1000,
  absoluteMs: 12 * 60 * 60 * 1000,
  /** last_seen_at is refreshed at most this often, to keep reads from writing on every request. */
  touchEveryMs: 60 * 1000,
  maxFailures: 5,
  failureWindowMs: 15 * 60 * 1000,
  minPasswordLength: 8,
};

/** The failed-login window in minutes, as the lockout messages say it. */
export const failureWindowText = `${Math.round(sessionRules.failureWindowMs / 60_000)} 分钟`;

export const sessionCookie = 'openpes_session';

export interface LoginResult {
  token: string;
  user: { id: string; username: string; name: string; unitId: string | null; unitName: string | null; scope: string; roles: Role[] };
}

/** Checks a username and password; throttles after repeated failures; opens a session. */
export async function login(ctx: Ctx, username: string, password: string): Promise<LoginResult> {
  const now = ctx.now();
  if ((await recentLoginFailures(ctx, username)) >= sessionRules.maxFailures) {
    throw new AppError('RATE_LIMITED', `该账号 ${failureWindowText}内密码错误已达 ${sessionRules.maxFailures} 次，请稍后再试或联系管理员`);
  }
  const [account] = await ctx.db
    .select({ staff, unitName: units.name })
    .from(staff)
    .leftJoin(units, eq(units.id, staff.unitId))
    .where(eq(staff.username, username));
  // Always spend the scrypt time, so a wrong username answers as slowly as a wrong password.
  const ok = verifyPassword(password, account?.staff.passwordHash ?? dummyHash);
  if (!account || !ok || account.staff.disabled) {
    await recordLoginFailure(ctx, username);
    throw new AppError('UNAUTHENTICATED', account?.staff.disabled && ok ? '该账号已停用，请联系管理员' : '用户名或密码错误');
  }
  const token = crypto.randomBytes(32).toString('base64url');
  await withTransaction(ctx, async (tx) => {
    await tx.db.delete(loginFailures).where(eq(loginFailures.username, username));
    await tx.db.insert(sessions).values({ tokenHash: sha256(token), staffId: account.staff.id, createdAt: now, lastSeenAt: now });
    const actor = actorOf(account.staff);
    await writeAudit({ ...tx, actor }, { action: 'login', entity: 'staff', entityId: account.staff.id, regionCode: account.staff.regionCode });
  });
  const s = account.staff;
  return {
    token,
    user: { id: s.id, username: s.username, name: s.name, unitId: s.unitId, unitName: account.unitName, scope: s.scope, roles: s.roles as Role[] },
  };
}

const dummyHash = hashPassword(crypto.randomBytes(16).toString('hex'));

/** Failed logins under a key (a username, or a public account's kind and phone index) within the window. */
export async function recentLoginFailures(ctx: Ctx, key: string): Promise<number> {
  const windowStart = new Date(ctx.now().getTime() - sessionRules.failureWindowMs);
  const rows = await ctx.db.select({ id: loginFailures.id }).from(loginFailures).where(and(eq(loginFailures.username, key), gte(loginFailures.at, windowStart)));
  return rows.length;
}

/** Records one failed login under a key (outside any transaction the failure would roll back). */
export async function recordLoginFailure(ctx: Ctx, key: string): Promise<void> {
  await ctx.db.insert(loginFailures).values({ id: crypto.randomUUID(), username: key, at: ctx.now() });
}

/** The actor a staff row acts as. */
export function actorOf(s: typeof staff.$inferSelect): Actor {
  return { id: s.id, username: s.username, name: s.name, unitId: s.unitId, scope: s.scope, roles: s.roles as Role[] };
}

/** Resolves a session token to its staff member, or null when missing, expired or revoked. */
export async function authenticate(db: Database, token: string, now: Date): Promise<Actor | null> {
  const tokenHash = sha256(token);
  const [row] = await db.select({ session: sessions, staff }).from(sessions).innerJoin(staff, eq(staff.id, sessions.staffId)).where(eq(sessions.tokenHash, tokenHash));
  if (!row || row.staff.disabled) return null;
  const t = now.getTime();
  if (t - row.session.lastSeenAt.getTime() > sessionRules.idleMs || t - row.session.createdAt.getTime() > sessionRules.absoluteMs) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (t - row.session.lastSeenAt.getTime() > sessionRules.touchEveryMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  return actorOf(row.staff);
}

/** Ends one session. */
export async function logout(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

/** Ends every session of a staff member (on disabling, role change, unit change or password change). */
export async function endSessionsOf(db: Database, staffId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.staffId, staffId));
}

/** Deletes expired sessions and old login failures (idempotent); returns how many of each went. */
export async function sweepSessions(db: Database, now: Date): Promise<{ sessions: number; loginFailures: number }> {
  const expired = await db.delete(sessions).where(lt(sessions.lastSeenAt, new Date(now.getTime() - sessionRules.idleMs))).returning({ tokenHash: sessions.tokenHash });
  const old = await db.delete(loginFailures).where(lt(loginFailures.at, new Date(now.getTime() - sessionRules.failureWindowMs))).returning({ id: loginFailures.id });
  return { sessions: expired.length, loginFailures: old.length };
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

/** Checks that a new password is acceptable; returns the reason when it is not. */
export function passwordProblem(password: string): string | null {
  if (password.length < sessionRules.minPasswordLength) return `密码至少 ${sessionRules.minPasswordLength} 位`;
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  return null;
}

