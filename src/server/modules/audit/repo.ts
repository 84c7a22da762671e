// SQL for reading the audit trail; rows are limited to the caller's scope by their region.
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { auditLog } from '../../db/schema.js';
import { withinScope, type Ctx } from '../../platform/context.js';
import type { Paging } from '../../platform/http.js';

export interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  /** Inclusive start, as an instant. */
  from?: Date | undefined;
  /** Exclusive end, as an instant. */
  to?: Date | undefined;
}

/** A page of audit rows, newest first. */
export async function listAudit(ctx: Ctx, filter: AuditFilter, paging: Paging) {
  const conds: SQL[] = [ctx.actor.scope === '' ? sql`true` : withinScope(ctx, auditLog.regionCode)];
  if (filter.entity) conds.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) conds.push(eq(auditLog.entityId, filter.entityId));
  if (filter.actor) conds.push(eq(auditLog.actorUsername, filter.actor));
  if (filter.action) conds.push(eq(auditLog.action, filter.action));
  if (filter.from) conds.push(gte(auditLog.at, filter.from));
  if (filter.to) conds.push(lt(auditLog.at, filter.to));
  const where = and(...conds);
  const items = await ctx.db.select().from(auditLog).where(where).orderBy(desc(auditLog.seq)).limit(paging.limit).offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(where);
  return { items, total: count?.n ?? 0 };
}
