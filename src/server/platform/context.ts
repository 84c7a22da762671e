// The context every use case takes: who is calling, their scope, the database (or the open
// transaction), the clock and the PII sealer.
import type { SQL } from 'drizzle-orm';
import { like, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../db/connection.js';
import type { Role } from '../../shared/roles.js';
import { inScope } from '../../shared/region.js';
import type { FastifyRequest } from 'fastify';
import type { Clock } from './clock.js';
import type { Sealer } from './crypto.js';
import { AppError, forbidden } from './errors.js';
import type { App } from './http.js';

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
  db: Database;
  actor: Actor;
  requestId: string;
  now: Clock;
  sealer: Sealer;
  /** True inside withTransaction: nested use cases reuse the open transaction. */
  inTransaction?: boolean;
}

/** The actor used by start-up tasks (bootstrap, demo data, imports from the command line). */
export const systemActor: Actor = { id: null, username: 'system', name: '系统', unitId: null, scope: '', roles: ['admin'] };

/** Runs `fn` in one transaction, reusing the caller's if one is open. */
export async function withTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.inTransaction) return fn(ctx);
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Database, inTransaction: true }));
}

/** SQL condition: the row's region column lies in the actor's scope (DESIGN idea 1). */
export function withinScope(ctx: Ctx, regionColumn: AnyPgColumn): SQL {
  return ctx.actor.scope === '' ? sql`true` : like(regionColumn, `${ctx.actor.scope}%`);
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

/** The context a use case needs, built from the request's authenticated actor. */
export function ctxOf(app: App, req: FastifyRequest): Ctx {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  return { db: app.deps.db, actor: req.actor, requestId: req.id, now: app.deps.now, sealer: app.deps.sealer };
}
