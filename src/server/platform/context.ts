// The context every use case takes: who is calling, their scope, the database (or the open
// transaction), the clock and the PII sealer.
import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../db/connection.js';
import { scopedDatabase } from '../db/rowSecurity.js';
import type { Role } from '../../shared/roles.js';
import { inScope } from '../../shared/region.js';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Clock } from './clock.js';
import type { Sealer } from './crypto.js';
import type { SmsGateway } from './sms.js';
import type { AccessLog } from './accessLog.js';
import type { RequestLimits } from './config.js';
import { AppError, forbidden } from './errors.js';

export interface Actor {
  id: string | null;
  username: string;
  name: string;
  unitId: string | null;
  /** Region-code prefix the actor may see and change; '' is the whole country. */
  scope: string;
  roles: readonly Role[];
}

export interface Ctx {
  /**
   * The database as the actor may see it: on PostgreSQL row-level security admits only rows of
   * the actor's scope (db/rowSecurity.ts), whatever the query; build contexts with the functions
   * below so the two agree. An open transaction keeps the scope it was begun with.
   */
  db: Database;
  actor: Actor;
  requestId: string;
  now: Clock;
  sealer: Sealer;
  /** True inside withTransaction: nested use cases reuse the open transaction. */
  inTransaction?: boolean;
  /** Where looks at personal data are noted (requests only; platform/accessLog.ts). */
  accessLog?: AccessLog | undefined;
}

/** The actor used by start-up tasks (bootstrap, demo data, imports from the command line); never a request's. */
export const systemActor: Actor = { id: null, username: 'system', name: '系统', unitId: null, scope: '', roles: ['admin'] };

/**
 * The scope of a request that carries no staff authority: region codes are digits, so no row lies
 * in it. Anonymous requests and public accounts act with it; what the public board may read it
 * reads through explicit public use cases, so a route that forgot its own check still sees nothing.
 */
export const noScope = '-';

/** The actor of a request without a staff session (the public board, account sign-up and login). */
export const anonymousActor: Actor = { id: null, username: 'anonymous', name: '访客', unitId: null, scope: noScope, roles: [] };

/** A context for a request without a staff session: the database shows it no region's rows. */
export function anonymousCtx(app: App, req: FastifyRequest): Ctx {
  return actingAs({
    db: app.deps.db,
    actor: anonymousActor,
    requestId: req.id,
    now: app.deps.now,
    sealer: app.deps.sealer,
    accessLog: app.accessLog,
  });
}

/** The context with its database narrowed to its actor's scope (outside a transaction). */
function actingAs(ctx: Ctx): Ctx {
  return { ...ctx, db: scopedDatabase(ctx.db, ctx.actor.scope) };
}

/**
 * The same context with the whole country in scope, for a read whose authority was settled
 * otherwise: re-reading a row just written, or the record a public account is bound to.
 */
export function anywhereCtx(ctx: Ctx): Ctx {
  return actingAs({ ...ctx, actor: { ...ctx.actor, scope: '' } });
}

/**
 * A context that may see and write exactly one record's own region, for a public use case acting
 * on the record its account is bound to (the binding, checked by the caller, is the authority).
 */
export function ownRecordCtx(ctx: Ctx, regionCode: string): Ctx {
  return actingAs({ ...ctx, actor: { ...ctx.actor, scope: regionCode } });
}

/** Runs `fn` in one transaction, reusing the caller's if one is open. */
export async function withTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.inTransaction) return fn(ctx);
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Database, inTransaction: true }));
}

/**
 * SQL condition: the row's region column lies in the actor's scope (DESIGN idea 1). starts_with,
 * not LIKE: it is leakproof, so under row-level security PostgreSQL may still answer it from the
 * region index as a range (LIKE, not leakproof, may only filter rows the policy has passed: a
 * district's count over a city's 1,000,000 persons read the whole index, 54 ms against 19).
 */
export function withinScope(ctx: Ctx, regionColumn: AnyPgColumn): SQL {
  if (ctx.actor.scope === noScope) return sql`false`;
  return ctx.actor.scope === '' ? sql`true` : inArea(regionColumn, ctx.actor.scope);
}

/** SQL condition: the region column lies in the area of `prefix` (a region code's digits); starts_with for withinScope's reason. */
export function inArea(regionColumn: AnyPgColumn | SQL, prefix: string): SQL {
  return sql`starts_with(${regionColumn}, ${prefix}::text)`;
}

/** Throws OUT_OF_JURISDICTION unless the region code lies in the actor's scope. */
export function assertWritableRegion(ctx: Ctx, regionCode: string): void {
  if (!inScope(ctx.actor.scope, regionCode)) {
    throw new AppError('OUT_OF_JURISDICTION', `区划 ${regionCode} 不在您的管辖范围（${ctx.actor.scope || '全国'}）内`, [
      { path: '/regionCode', code: 'OUT_OF_JURISDICTION', message: '该区划不在您的管辖范围内' },
    ]);
  }
}

/** Throws FORBIDDEN unless the actor has one of the roles. */
export function requireRole(ctx: Ctx, ...allowed: Role[]): void {
  if (!ctx.actor.roles.some((r) => allowed.includes(r))) throw forbidden();
}

/** What the app is built from (src/server/app.ts); routes read it as `app.deps`. */
export interface AppDeps {
  db: Database;
  dbKind: 'pglite' | 'postgres';
  sealer: Sealer;
  now: Clock;
  version: string;
  webDir?: string | undefined;
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
  /** Fastify's trustProxy (config OPENPES_TRUST_PROXY); unset = no proxy in front. */
  trustProxy?: false | number | string | undefined;
  /** The SMS gateway; unset = messages wait in the outbox for counter staff. */
  sms?: SmsGateway | undefined;
  /** Roles whose members must sign in with a second factor (config OPENPES_REQUIRE_2FA_ROLES); none when unset. */
  requireTwoFactorRoles?: readonly Role[];
  /** Request-rate limits of the public endpoints (config OPENPES_RATE_LIMITS); unset = requestLimitDefaults. */
  requestLimits?: RequestLimits | undefined;
}

/** The Fastify instance every module's routes are registered on. */
export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    accessLog: AccessLog;
  }
}

/** The context a use case needs, built from the request's authenticated actor. */
export function ctxOf(app: App, req: FastifyRequest): Ctx {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  return actingAs({
    db: app.deps.db,
    actor: req.actor,
    requestId: req.id,
    now: app.deps.now,
    sealer: app.deps.sealer,
    accessLog: app.accessLog,
  });
}
