// Tables owned by the assistance module: only its code writes them (docs/architecture.md "Layers").
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { persons } from './persons.js';
import { registrationEvents } from './registrations.js';
import { welfarePostTypes, type PlacementExitReason, type WelfarePostType } from '../../../shared/labels.js';

/**
 * Recognitions of hard-to-employ persons (就业困难人员认定, AID-1): one row per recognition of a
 * person in a category, by a reviewer, with the evidence seen. Rows are never deleted: a
 * recognition ends by revocation (the facts ended, an employment was registered, or a reviewer's
 * decision), so the history stays. At most one active recognition per person and category.
 */
export const hardToEmployRecognitions = pgTable(
  'hard_to_employ_recognitions',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    /** The person's region when recognised (jurisdiction and the unit's overview). */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** A category code of assistance/categories.ts (person_4050, zero_employment_household ...). */
    category: text('category').notNull(),
    recognisedOn: date('recognised_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    /** What the reviewer saw (证明材料), or where a migrated recognition came from. */
    evidence: text('evidence').notNull(),
    /** Set when the rule was not met and the reviewer recognised anyway (audited with it). */
    overrideReason: text('override_reason'),
    recognisedBy: text('recognised_by').notNull(),
    recognisedByName: text('recognised_by_name').notNull(),
    unitId: uuid('unit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedOn: date('revoked_on', { mode: 'string' }),
    revokedReason: text('revoked_reason'),
    /** The username of the reviewer, or `system` when an event (an employment registration) ended it. */
    revokedBy: text('revoked_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('hard_to_employ_recognitions_active_uq')
      .on(t.personId, t.category)
      .where(sql`${t.revokedOn} IS NULL`),
    index('hard_to_employ_recognitions_person_idx').on(t.personId),
    index('hard_to_employ_recognitions_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

/**
 * Public-welfare posts (公益性岗位, AID-4): posts a sponsor (a street office, a community, a
 * government department) funds for hard-to-employ persons, with the number of places and the
 * term the post is approved for.
 */
export const publicWelfarePosts = pgTable(
  'public_welfare_posts',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    sponsor: text('sponsor').notNull(),
    postType: text('post_type').$type<WelfarePostType>().notNull(),
    /** Where the post is: the region of the sponsor's community, street or district. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    places: integer('places').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('public_welfare_posts_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    check('public_welfare_posts_places_ck', sql`${t.places} > 0`),
    check('public_welfare_posts_type_ck', sql`${t.postType} IN (${sql.raw(welfarePostTypes.map((k) => `'${k}'`).join(', '))})`),
    check('public_welfare_posts_term_ck', sql`${t.endDate} >= ${t.startDate}`),
  ],
);

/**
 * A person placed on a public-welfare post (AID-4): from the start date until the planned end
 * (the term limit) or an exit with its reason. The placement is an employment: its registration
 * is kept with it. A person holds at most one post at a time.
 */
export const publicWelfarePlacements = pgTable(
  'public_welfare_placements',
  {
    id: uuid('id').primaryKey(),
    postId: uuid('post_id')
      .notNull()
      .references(() => publicWelfarePosts.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** The post's region (the placement is the post's record). */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    /** The planned last day: the post's end or the term limit, whichever comes first. */
    endDate: date('end_date', { mode: 'string' }).notNull(),
    exitedOn: date('exited_on', { mode: 'string' }),
    exitReason: text('exit_reason').$type<PlacementExitReason>(),
    /** Why a person outside the priority groups was placed (seed 000 §4: posts go first to the hard-to-employ). */
    priorityOverride: text('priority_override'),
    registrationEventId: uuid('registration_event_id')
      .notNull()
      .references(() => registrationEvents.id),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('public_welfare_placements_post_idx').on(t.postId),
    index('public_welfare_placements_person_idx').on(t.personId),
    uniqueIndex('public_welfare_placements_one_active_uq')
      .on(t.personId)
      .where(sql`${t.exitedOn} IS NULL`),
    check('public_welfare_placements_term_ck', sql`${t.endDate} >= ${t.startDate}`),
  ],
);
