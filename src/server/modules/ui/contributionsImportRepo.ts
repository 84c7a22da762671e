// SQL of the collector's contribution file import (UI-1): the lookups that match its rows to the
// ledger and to employers, a chunk of keys at a time, outside any transaction.
import { and, inArray } from 'drizzle-orm';
import { employers, persons } from '../../db/schema.js';
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
