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
  const windowStart = new Date(now.getTime() - sessionRules.failureWindowMs);
  const failures = await ctx.db
    .select({ id: loginFailures.id })
    .from(loginFailures)
    .where(and(eq(loginFailures.username, username), gte(loginFailures.at, windowStart)));
  if (failures.length >= sessionRules.maxFailures) {
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
    await ctx.db.insert(loginFailures).values({ id: crypto.randomUUID(), username, at: now });
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

/** Changes the caller's own password after checking the current one; ends all their sessions, this one too. */
export async function changePassword(ctx: Ctx, currentPassword: string, newPassword: string): Promise<void> {
  if (!ctx.actor.id) throw new AppError('FORBIDDEN', '系统账号不能修改密码');
  const problem = passwordProblem(newPassword);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, [{ path: '/newPassword', code: 'WEAK_PASSWORD', message: problem }]);
  const actorId = ctx.actor.id;
  await withTransaction(ctx, async (tx) => {
    const [s] = await tx.db.select().from(staff).where(eq(staff.id, actorId)).for('update');
    if (!s || !verifyPassword(currentPassword, s.passwordHash)) {
      throw new AppError('VALIDATION_FAILED', '当前密码不正确', [{ path: '/currentPassword', code: 'WRONG_PASSWORD', message: '当前密码不正确' }]);
    }
    await tx.db.update(staff).set({ passwordHash: hashPassword(newPassword), passwordChangedAt: tx.now() }).where(eq(staff.id, actorId));
    await endSessionsOf(tx.db, actorId);
    await writeAudit(tx, { action: 'change_password', entity: 'staff', entityId: actorId, regionCode: s.regionCode });
  });
}
