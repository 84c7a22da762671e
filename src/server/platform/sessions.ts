// Sessions: opaque tokens stored as SHA-256 with idle and absolute expiry. One mechanism serves
// staff and the public board's self-service accounts; each kind has its own table, so neither token
// opens the other's routes, and the sweep clears both.
import crypto from 'node:crypto';
import { and, asc, eq, lt, ne, or } from 'drizzle-orm';
import type { Database } from '../db/connection.js';
import { loginChallenges, publicSessions, sessions, staff } from '../db/schema.js';
import { sha256 } from './crypto.js';
import { failureWindowText, loginLimits, sweepLoginRecords } from './loginLimits.js';

/** Security settings of sessions (not policy figures: they protect the system, not citizens). */
export const sessionRules = {
  idleMs: 30 * 60 * 1000,
  absoluteMs: 12 * 60 * 60 * 1000,
  /** last_seen_at is refreshed at most this often, to keep reads from writing on every request. */
  touchEveryMs: 60 * 1000,
  /** Failed attempts of one account from one address before it is locked there (platform/loginLimits.ts). */
  maxFailures: loginLimits.perKeyAndSource,
  failureWindowMs: loginLimits.windowMs,
};

export { failureWindowText };

export const sessionCookie = 'openpes_session';

/** Who a session belongs to: a staff member, or a self-service account of the public board. */
export type SessionKind = 'staff' | 'public';

/** Where a sign-in came from, kept on a staff session for its owner's sessions list. */
export interface SessionClient {
  source: string;
  userAgent?: string | undefined;
}

/** Longest user agent kept on a session (they are shown, not parsed). */
const userAgentLength = 300;

const sessionTable = {
  staff: { table: sessions, subject: sessions.staffId },
  public: { table: publicSessions, subject: publicSessions.accountId },
} as const;

/**
 * Opens a session for a staff member or an account; returns the token (only its hash is stored).
 * A staff session may carry its client and be limited to two-factor enrolment.
 */
export async function openSession(
  db: Database,
  kind: SessionKind,
  subjectId: string,
  now: Date,
  staffOptions: { client?: SessionClient; enrolmentOnly?: boolean } = {},
): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  const row = { tokenHash: sha256(token), createdAt: now, lastSeenAt: now };
  if (kind === 'staff')
    await db.insert(sessions).values({
      ...row,
      staffId: subjectId,
      source: staffOptions.client?.source ?? null,
      userAgent: staffOptions.client?.userAgent?.slice(0, userAgentLength) ?? null,
      enrolmentOnly: staffOptions.enrolmentOnly ?? false,
    });
  else await db.insert(publicSessions).values({ ...row, accountId: subjectId });
  return token;
}

/** A live staff session: whose it is, and whether it may only enrol a second factor. */
export interface StaffSession {
  staffId: string;
  enrolmentOnly: boolean;
}

/** True when a session created then and last seen then is past its idle or absolute limit. */
function expired(row: { createdAt: Date; lastSeenAt: Date }, now: Date): boolean {
  const t = now.getTime();
  return t - row.lastSeenAt.getTime() > sessionRules.idleMs || t - row.createdAt.getTime() > sessionRules.absoluteMs;
}

/**
 * The subject (staff or account id) of a live session token, or null when it is unknown or past
 * its idle or absolute limit (then it is deleted). Refreshes last use at most once a minute.
 */
export async function resumeSession(db: Database, kind: SessionKind, token: string, now: Date): Promise<string | null> {
  if (kind === 'staff') return (await resumeStaffSession(db, token, now))?.staffId ?? null;
  const tokenHash = sha256(token);
  const [row] = await db
    .select({ subject: publicSessions.accountId, createdAt: publicSessions.createdAt, lastSeenAt: publicSessions.lastSeenAt })
    .from(publicSessions)
    .where(eq(publicSessions.tokenHash, tokenHash));
  if (!row) return null;
  if (expired(row, now)) {
    await db.delete(publicSessions).where(eq(publicSessions.tokenHash, tokenHash));
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > sessionRules.touchEveryMs)
    await db.update(publicSessions).set({ lastSeenAt: now }).where(eq(publicSessions.tokenHash, tokenHash));
  return row.subject;
}

/**
 * A live staff session of a token, as resumeSession does for any kind, with its enrolment limit and
 * the staff member's row, read with the session in one query (every staff request asks).
 */
export async function resumeStaffSession(
  db: Database,
  token: string,
  now: Date,
): Promise<(StaffSession & { member: typeof staff.$inferSelect | null }) | null> {
  const tokenHash = sha256(token);
  const [row] = await db
    .select({
      staffId: sessions.staffId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      enrolmentOnly: sessions.enrolmentOnly,
      member: staff,
    })
    .from(sessions)
    .leftJoin(staff, eq(staff.id, sessions.staffId))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row) return null;
  if (expired(row, now)) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > sessionRules.touchEveryMs)
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  return { staffId: row.staffId, enrolmentOnly: row.enrolmentOnly, member: row.member };
}

/** Ends one session of a kind. */
export async function endSession(db: Database, kind: SessionKind, token: string): Promise<void> {
  const { table } = sessionTable[kind];
  await db.delete(table).where(eq(table.tokenHash, sha256(token)));
}

/** Ends every session of a staff member (on disabling, role change, unit change, password change or a two-factor reset). */
export async function endSessionsOf(db: Database, staffId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.staffId, staffId));
}

/** A staff member's session as they see it in their own list. */
export interface OwnSession {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  source: string | null;
  userAgent: string | null;
  current: boolean;
}

/** The live sessions of a staff member, oldest first; `current` marks the one holding this token. */
export async function sessionsOf(db: Database, staffId: string, currentToken: string | null, now: Date): Promise<OwnSession[]> {
  const currentHash = currentToken ? sha256(currentToken) : null;
  const rows = await db.select().from(sessions).where(eq(sessions.staffId, staffId)).orderBy(asc(sessions.createdAt));
  return rows
    .filter((r) => !expired(r, now))
    .map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      lastSeenAt: r.lastSeenAt,
      source: r.source,
      userAgent: r.userAgent,
      current: r.tokenHash === currentHash,
    }));
}

/** Ends one of a staff member's sessions by its id; false when they have no such session. */
export async function endSessionById(db: Database, staffId: string, sessionId: string): Promise<boolean> {
  const gone = await db
    .delete(sessions)
    .where(and(eq(sessions.staffId, staffId), eq(sessions.id, sessionId)))
    .returning({ id: sessions.id });
  return gone.length > 0;
}

/** Ends every session of a staff member but the one holding this token; returns how many ended. */
export async function endOtherSessions(db: Database, staffId: string, currentToken: string): Promise<number> {
  const gone = await db
    .delete(sessions)
    .where(and(eq(sessions.staffId, staffId), ne(sessions.tokenHash, sha256(currentToken))))
    .returning({ id: sessions.id });
  return gone.length;
}

/** Lifts the enrolment limit of one session (its holder has just enrolled a second factor). */
export async function liftEnrolmentLimit(db: Database, token: string): Promise<void> {
  await db
    .update(sessions)
    .set({ enrolmentOnly: false })
    .where(eq(sessions.tokenHash, sha256(token)));
}

/**
 * Deletes expired sessions of both kinds, expired second-step challenges and old login records
 * (idempotent); returns how many sessions and login failures went.
 */
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
  await db.delete(loginChallenges).where(lt(loginChallenges.expiresAt, now));
  return { sessions: swept, loginFailures: await sweepLoginRecords(db, now) };
}
