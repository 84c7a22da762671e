// SQL for registration events. Events are only ever inserted.
import { deleteSome, type BulkColumn } from '../../db/bulk.js';
import { and, asc, eq, sql } from 'drizzle-orm';
import { persons, registrationEvents } from '../../db/schema.js';
import { withinScope, type Ctx } from '../../platform/context.js';
import { unappliedBatchPersonIds, visiblePerson } from '../persons/index.js';
import type { RegistrationEventLike, RegistrationType } from './rules.js';

export type RegistrationEventRow = typeof registrationEvents.$inferSelect;

/** One event by id (no scope: callers hold the person already). */
export async function findEvent(ctx: Ctx, id: string): Promise<RegistrationEventRow | undefined> {
  const [row] = await ctx.db.select().from(registrationEvents).where(eq(registrationEvents.id, id));
  return row;
}

/** The certificate number issued with an unemployment event; the event's type and date never change. */
export async function setEventCertificate(ctx: Ctx, id: string, certificateNo: string) {
  await ctx.db.update(registrationEvents).set({ certificateNo }).where(eq(registrationEvents.id, id));
}

/** A person's events by their real date, entry time breaking ties (API.md; the person must lie in scope). */
export async function eventsOf(ctx: Ctx, personId: string): Promise<(RegistrationEventRow & RegistrationEventLike)[]> {
  const rows = await ctx.db
    .select({ event: registrationEvents })
    .from(registrationEvents)
    .innerJoin(persons, eq(persons.id, registrationEvents.personId))
    .where(and(eq(registrationEvents.personId, personId), withinScope(ctx, persons.regionCode), visiblePerson))
    .orderBy(asc(registrationEvents.date), asc(registrationEvents.createdAt));
  return rows.map((r) => ({ ...r.event, type: r.event.type as RegistrationType, details: r.event.details as Record<string, unknown> }));
}

/** Deletes up to `limit` events of persons of a ledger-import batch never applied (REG-7); answers how many went. */
export function deleteUnappliedImportedEvents(ctx: Ctx, batchId: string, limit: number): Promise<number> {
  const ids = sql`(SELECT ${registrationEvents.id} FROM ${registrationEvents} WHERE ${registrationEvents.personId} IN ${unappliedBatchPersonIds(batchId)})`;
  return deleteSome(ctx.db, sql`${registrationEvents}`, ids, limit);
}

export async function insertEvent(ctx: Ctx, row: typeof registrationEvents.$inferInsert) {
  await ctx.db.insert(registrationEvents).values(row);
}

export type EventInsert = typeof registrationEvents.$inferInsert;
/** Columns of a bulk insert of events (the ledger import). */
export const eventBulkColumns: BulkColumn<EventInsert>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'person_id', type: 'uuid', value: (r) => r.personId },
  { name: 'type', type: 'text', value: (r) => r.type },
  { name: 'date', type: 'date', value: (r) => r.date },
  { name: 'region_code', type: 'varchar', value: (r) => r.regionCode },
  { name: 'details', type: 'jsonb', value: (r) => r.details },
  { name: 'certificate_no', type: 'text', value: (r) => r.certificateNo },
  { name: 'created_by', type: 'text', value: (r) => r.createdBy },
  { name: 'unit_id', type: 'uuid', value: (r) => r.unitId },
  { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
];
