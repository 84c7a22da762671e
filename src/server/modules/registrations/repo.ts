// SQL for registration events. Events are only ever inserted.
import { and, asc, eq } from 'drizzle-orm';
import { persons, registrationEvents } from '../../db/schema.js';
import { withinScope, type Ctx } from '../../platform/context.js';
import type { RegistrationEventLike, RegistrationType } from './rules.js';

export type RegistrationEventRow = typeof registrationEvents.$inferSelect;

/** A person's events in entry order (the person must lie in scope). */
export async function eventsOf(ctx: Ctx, personId: string): Promise<(RegistrationEventRow & RegistrationEventLike)[]> {
  const rows = await ctx.db
    .select({ event: registrationEvents })
    .from(registrationEvents)
    .innerJoin(persons, eq(persons.id, registrationEvents.personId))
    .where(and(eq(registrationEvents.personId, personId), withinScope(ctx, persons.regionCode)))
    .orderBy(asc(registrationEvents.createdAt), asc(registrationEvents.date));
  return rows.map((r) => ({ ...r.event, type: r.event.type as RegistrationType, details: r.event.details as Record<string, unknown> }));
}

export async function insertEvent(ctx: Ctx, row: typeof registrationEvents.$inferInsert) {
  await ctx.db.insert(registrationEvents).values(row);
}

