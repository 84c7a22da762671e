// Authentication: scrypt passwords, opaque session tokens stored as SHA-256 with idle and absolute
// expiry, and throttling of failed logins. One session mechanism serves staff and the public
// board's self-service accounts; each kind has its own table, so neither token opens the other's
// routes, and the sweep clears both.
import crypto from 'node:crypto';
import { and, eq, gte, lt, or } from 'drizzle-orm';
import type { Database } from '../db/connection.js';
import { loginFailures, publicSessions, sessions, staff, units } from '../db/schema.js';
import type { Role } from '../../shared/roles.js';
import type { Actor, Ctx } from './context.js';
import { anywhereCtx, withTransaction } from './context.js';
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
  // Any staff member may log in here, whatever the caller's (anonymous) scope: the password is the authority.
  const [account] = await anywhereCtx(ctx)
    .db.select({ staff, unitName: units.name })
    .from(staff)
    .leftJoin(units, eq(units.id, staff.unitId))
    .where(eq(staff.username, username));
  // Always spend the scrypt time, so a wrong username answers as slowly as a wrong password.
  const ok = verifyPassword(password, account?.staff.passwordHash ?? dummyHash);
  if (!account || !ok || account.staff.disabled) {
    await recordLoginFailure(ctx, username);
    // A disabled account answers like a wrong password, so the answer does not confirm that the
    // username exists or that the password guessed was right.
    throw new AppError('UNAUTHENTICATED', '用户名或密码错误');
  }
  const token = await withTransaction(ctx, async (tx) => {
    await tx.db.delete(loginFailures).where(eq(loginFailures.username, username));
    const opened = await openSession(tx.db, 'staff', account.staff.id, now);
    const actor = actorOf(account.staff);
    await writeAudit(
      { ...tx, actor },
      { action: 'login', entity: 'staff', entityId: account.staff.id, regionCode: account.staff.regionCode },
    );
    return opened;
  });
  const s = account.staff;
  return {
    token,
    user: {
      id: s.id,
      username: s.username,
      name: s.name,
      unitId: s.unitId,
      unitName: account.unitName,
      scope: s.scope,
      roles: s.roles as Role[],
    },
  };
}

const dummyHash = hashPassword(crypto.randomBytes(16).toString('hex'));

/** Failed logins under a key (a username, or a public account's kind and phone index) within the window. */
export async function recentLoginFailures(ctx: Ctx, key: string): Promise<number> {
  const windowStart = new Date(ctx.now().getTime() - sessionRules.failureWindowMs);
  const rows = await ctx.db
    .select({ id: loginFailures.id })
    .from(loginFailures)
    .where(and(eq(loginFailures.username, key), gte(loginFailures.at, windowStart)));
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

/** Who a session belongs to: a staff member, or a self-service account of the public board. */
export type SessionKind = 'staff' | 'public';

const sessionTable = {
  staff: { table: sessions, subject: sessions.staffId },
  public: { table: publicSessions, subject: publicSessions.accountId },
} as const;

/** Opens a session for a staff member or an account; returns the token (only its hash is stored). */
export async function openSession(db: Database, kind: SessionKind, subjectId: string, now: Date): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  const row = { tokenHash: sha256(token), createdAt: now, lastSeenAt: now };
  if (kind === 'staff') await db.insert(sessions).values({ ...row, staffId: subjectId });
  else await db.insert(publicSessions).values({ ...row, accountId: subjectId });
  return token;
}

/**
 * The subject (staff or account id) of a live session token, or null when it is unknown or past
 * its idle or absolute limit (then it is deleted). Refreshes last use at most once a minute.
 */
export async function resumeSession(db: Database, kind: SessionKind, token: string, now: Date): Promise<string | null> {
  const { table, subject } = sessionTable[kind];
  const tokenHash = sha256(token);
  const [row] = await db
    .select({ subject, createdAt: table.createdAt, lastSeenAt: table.lastSeenAt })
    .from(table)
    .where(eq(table.tokenHash, tokenHash));
  if (!row) return null;
  const t = now.getTime();
  if (t - row.lastSeenAt.getTime() > sessionRules.idleMs || t - row.createdAt.getTime() > sessionRules.absoluteMs) {
    await db.delete(table).where(eq(table.tokenHash, tokenHash));
    return null;
  }
  if (t - row.lastSeenAt.getTime() > sessionRules.touchEveryMs)
    await db.update(table).set({ lastSeenAt: now }).where(eq(table.tokenHash, tokenHash));
  return row.subject;
}

/** Ends one session of a kind. */
export async function endSession(db: Database, kind: SessionKind, token: string): Promise<void> {
  const { table } = sessionTable[kind];
  await db.delete(table).where(eq(table.tokenHash, sha256(token)));
}

/** Resolves a staff session token to its staff member, or null when missing, expired, revoked or disabled. */
export async function authenticate(db: Database, token: string, now: Date): Promise<Actor | null> {
  const staffId = await resumeSession(db, 'staff', token, now);
  if (!staffId) return null;
  const [member] = await db.select().from(staff).where(eq(staff.id, staffId));
  return member && !member.disabled ? actorOf(member) : null;
}

/** Ends one staff session. */
export async function logout(db: Database, token: string): Promise<void> {
  await endSession(db, 'staff', token);
}

/** Ends every session of a staff member (on disabling, role change, unit change or password change). */
export async function endSessionsOf(db: Database, staffId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.staffId, staffId));
}

/** Deletes expired sessions of both kinds and old login failures (idempotent); returns how many of each went. */
export async function sweepSessions(db: Database, now: Date): Promise<{ sessions: number; loginFailures: number }> {
  const idleSince = new Date(now.getTime() - sessionRules.idleMs);
  const createdBefore = new Date(now.getTime() - sessionRules.absoluteMs);
  let swept = 0;
  for (const { table } of Object.values(sessionTable)) {
    const gone = await db
      .delete(table)
      .where(or(lt(table.lastSeenAt, idleSince), lt(table.createdAt, createdBefore)))
      .returning({ tokenHash: table.tokenHash });
    swept += gone.length;
  }
  const old = await db
    .delete(loginFailures)
    .where(lt(loginFailures.at, new Date(now.getTime() - sessionRules.failureWindowMs)))
    .returning({ id: loginFailures.id });
  return { sessions: swept, loginFailures: old.length };
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
