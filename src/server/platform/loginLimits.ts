// Throttling of sign-in attempts (issue 10, OWASP ASVS V6.3): staff logins, public account logins
// and second-factor codes all go through here. Three limits, so that an attacker can neither guess
// freely nor lock someone else out:
// - per key and source address (a username tried from one address): a short lock;
// - per source address within a realm (one address spraying many usernames): a short lock;
// - per key alone (all addresses together): only a growing delay before the next attempt, and none
//   from an address the key has signed in from before, so failures from elsewhere never lock the
//   owner out of their usual address and only slow them down at a new one.
import crypto from 'node:crypto';
import { and, count, eq, gte, lt, max, sql } from 'drizzle-orm';
import type { Database } from '../db/connection.js';
import { loginFailures, loginKnownSources } from '../db/schema.js';
import type { Ctx } from './context.js';
import { AppError } from './errors.js';

/** Security settings of sign-in throttling (not policy figures: they protect the system). */
export const loginLimits = {
  windowMs: 15 * 60 * 1000,
  /** Failures of one key from one address within the window before that pair is locked. */
  perKeyAndSource: 5,
  /** Failures from one address within the window (any keys, one realm) before the address is locked. */
  perSource: 20,
  /** Failures of one key from all addresses after which unknown addresses must wait between attempts. */
  delayAfter: 5,
  /** The first wait; it doubles with each further failure, up to maxDelayMs. */
  firstDelayMs: 1000,
  maxDelayMs: 60 * 1000,
  /** How long a successful sign-in keeps its address known to the key. */
  knownSourceMs: 30 * 24 * 60 * 60 * 1000,
};

/** The window in minutes, as the messages say it. */
export const failureWindowText = `${Math.round(loginLimits.windowMs / 60_000)} 分钟`;

/** 'staff' sign-ins and 'public' account sign-ins are counted apart per address (a kiosk and an office may share one). */
export type LoginRealm = 'staff' | 'public';

/** One sign-in attempt: what is being tried (a username, a public account, a staff member's second factor), and from where. */
export interface LoginAttempt {
  realm: LoginRealm;
  key: string;
  source: string;
}

const rateLimited = (detail: string, retryAfterSeconds: number) =>
  new AppError('RATE_LIMITED', detail, undefined, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });

/**
 * Throws RATE_LIMITED when the attempt may not be made now: its address has failed too often, the
 * key has failed too often from this address, or the key has failed often elsewhere and this
 * address is new to it and must wait. Answers the same for keys that exist and keys that do not.
 */
export async function assertLoginAllowed(ctx: Ctx, attempt: LoginAttempt): Promise<void> {
  const now = ctx.now().getTime();
  const windowStart = new Date(now - loginLimits.windowMs);
  const windowSeconds = loginLimits.windowMs / 1000;

  const [fromSource] = await ctx.db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.source, attempt.source), eq(loginFailures.realm, attempt.realm), gte(loginFailures.at, windowStart)));
  if ((fromSource?.n ?? 0) >= loginLimits.perSource)
    throw rateLimited(`您所在的网络地址 ${failureWindowText}内登录失败次数过多，请稍后再试`, windowSeconds);

  const [ofKey] = await ctx.db
    .select({
      all: count(),
      fromSource: sql<number>`count(*) filter (where ${loginFailures.source} = ${attempt.source})`.mapWith(Number),
      last: max(loginFailures.at),
    })
    .from(loginFailures)
    .where(and(eq(loginFailures.username, attempt.key), gte(loginFailures.at, windowStart)));
  if ((ofKey?.fromSource ?? 0) >= loginLimits.perKeyAndSource)
    throw rateLimited(`${failureWindowText}内错误已达 ${loginLimits.perKeyAndSource} 次，请稍后再试或联系管理员`, windowSeconds);

  const failures = ofKey?.all ?? 0;
  if (failures < loginLimits.delayAfter || !ofKey?.last) return;
  if (await isKnownSource(ctx, attempt, now)) return;
  const wait = Math.min(loginLimits.firstDelayMs * 2 ** (failures - loginLimits.delayAfter), loginLimits.maxDelayMs);
  const waitLeft = new Date(ofKey.last).getTime() + wait - now;
  if (waitLeft > 0) {
    const seconds = Math.ceil(waitLeft / 1000);
    throw rateLimited(`该账号近期多次登录失败，为保护账号安全，请 ${seconds} 秒后再试`, seconds);
  }
}

async function isKnownSource(ctx: Ctx, attempt: LoginAttempt, now: number): Promise<boolean> {
  const [known] = await ctx.db
    .select({ at: loginKnownSources.lastSuccessAt })
    .from(loginKnownSources)
    .where(and(eq(loginKnownSources.key, attempt.key), eq(loginKnownSources.source, attempt.source)));
  return !!known && now - known.at.getTime() <= loginLimits.knownSourceMs;
}

/** Records a failed attempt (outside any transaction the failure would roll back). */
export async function noteLoginFailure(ctx: Ctx, attempt: LoginAttempt): Promise<void> {
  await ctx.db
    .insert(loginFailures)
    .values({ id: crypto.randomUUID(), username: attempt.key, source: attempt.source, realm: attempt.realm, at: ctx.now() });
}

/**
 * After a successful sign-in: forgets this address's failures for the key (not other addresses':
 * the owner signing in must not give an attacker elsewhere fresh attempts) and remembers the
 * address as known to the key.
 */
export async function noteLoginSuccess(ctx: Ctx, attempt: LoginAttempt): Promise<void> {
  await ctx.db.delete(loginFailures).where(and(eq(loginFailures.username, attempt.key), eq(loginFailures.source, attempt.source)));
  await ctx.db
    .insert(loginKnownSources)
    .values({ key: attempt.key, source: attempt.source, lastSuccessAt: ctx.now() })
    .onConflictDoUpdate({ target: [loginKnownSources.key, loginKnownSources.source], set: { lastSuccessAt: ctx.now() } });
}

/** Deletes failures past the window and addresses not used for sign-in within knownSourceMs; returns how many failures went. */
export async function sweepLoginRecords(db: Database, now: Date): Promise<number> {
  const old = await db
    .delete(loginFailures)
    .where(lt(loginFailures.at, new Date(now.getTime() - loginLimits.windowMs)))
    .returning({ id: loginFailures.id });
  await db.delete(loginKnownSources).where(lt(loginKnownSources.lastSuccessAt, new Date(now.getTime() - loginLimits.knownSourceMs)));
  return old.length;
}
