// SQL of the collector's contribution file import (UI-1): the lookups that match its rows to the
// ledger and to employers, a chunk of keys at a time, outside any transaction; and its import
// batches, under which the rows are written invisibly until one short transaction applies them.
import crypto from 'node:crypto';
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { deleteSome } from '../../db/bulk.js';
import { employers, persons, uiContributionImportBatches, uiContributions } from '../../db/schema.js';
import { anywhereCtx, withinScope, type Ctx } from '../../platform/context.js';
import { visiblePerson } from '../persons/index.js';

/** Persons in the caller's scope (applied ledger imports only) by their ID numbers' blind indexes. */
export function personsByIdIndex(ctx: Ctx, idIndexes: string[]) {
  return ctx.db
    .select({ id: persons.id, idIndex: persons.idNumberIndex, name: persons.name, regionCode: persons.regionCode })
    .from(persons)
    .where(and(inArray(persons.idNumberIndex, idIndexes), withinScope(ctx, persons.regionCode), visiblePerson));
}

/** Employers anywhere by credit code (a contribution's employer may be registered in any region, as the JSON post allows). */
export function employersByCreditCode(ctx: Ctx, creditCodes: string[]) {
  return anywhereCtx(ctx)
    .db.select({ id: employers.id, creditCode: employers.creditCode, name: employers.name })
    .from(employers)
    .where(inArray(employers.creditCode, creditCodes));
}

const b = uiContributionImportBatches;
const pendingBatch = (batchId: string) => and(eq(b.id, batchId), isNull(b.appliedAt), isNull(b.discardedAt));
const changed = (rows: unknown[]) => rows.length > 0;

/** Opens an import batch in the importer's scope: rows written under it stay invisible until it is applied. */
export async function openImportBatch(ctx: Ctx, fileSha256: string): Promise<string> {
  const id = crypto.randomUUID();
  const now = ctx.now();
  await ctx.db.insert(b).values({
    id,
    regionCode: ctx.actor.scope.padEnd(12, '0'),
    fileSha256,
    createdBy: ctx.actor.username,
    createdAt: now,
    touchedAt: now,
  });
  return id;
}

/**
 * Marks the batch alive at the start of a chunk's transaction, locking its row; false if it was
 * applied or is being discarded (a slow import taken for a dead one): then the chunk must not write.
 */
export async function touchImportBatch(ctx: Ctx, batchId: string): Promise<boolean> {
  return changed(await ctx.db.update(b).set({ touchedAt: ctx.now() }).where(pendingBatch(batchId)).returning({ id: b.id }));
}

/** Makes every row of the batch visible at once: one row changes, whatever the file's size. False if it is no longer pending. */
export async function applyImportBatch(ctx: Ctx, batchId: string): Promise<boolean> {
  return changed(await ctx.db.update(b).set({ appliedAt: ctx.now() }).where(pendingBatch(batchId)).returning({ id: b.id }));
}

/**
 * Marks a batch never applied as being discarded, so that no chunk or apply of its import may
 * follow (they wait for the row's lock, then find it marked). False if it was applied or is gone.
 */
export async function markImportBatchDiscarded(ctx: Ctx, batchId: string): Promise<boolean> {
  return changed(
    await ctx.db
      .update(b)
      .set({ discardedAt: ctx.now() })
      .where(and(eq(b.id, batchId), isNull(b.appliedAt)))
      .returning({ id: b.id }),
  );
}

/** Deletes up to `limit` contributions of a batch never applied; answers how many went. A caller repeats it in short transactions. */
export function deleteUnappliedContributions(ctx: Ctx, batchId: string, limit: number): Promise<number> {
  const ids = sql`(SELECT ${uiContributions.id} FROM ${uiContributions} WHERE ${uiContributions.importBatch} = ${batchId}
    AND ${uiContributions.importBatch} IN (SELECT ${b.id} FROM ${b} WHERE ${b.appliedAt} IS NULL))`;
  return deleteSome(ctx.db, sql`${uiContributions}`, ids, limit);
}

/** Removes a discarded batch's row once its contributions are gone (an applied batch is kept: its rows name it). */
export async function deleteUnappliedImportBatch(ctx: Ctx, batchId: string): Promise<void> {
  await ctx.db.delete(b).where(and(eq(b.id, batchId), isNull(b.appliedAt)));
}

/** Batches never applied and untouched since `before`: imports that died with their process (or their clean-up). */
export async function abandonedImportBatches(ctx: Ctx, before: Date): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: b.id })
    .from(b)
    .where(and(isNull(b.appliedAt), lt(b.touchedAt, before)));
  return rows.map((r) => r.id);
}
