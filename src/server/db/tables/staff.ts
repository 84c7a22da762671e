// Tables owned by the staff module: only its code writes them (docs/architecture.md "Layers").
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { units } from './units.js';

/** Staff accounts; regionCode is the unit's, kept here so scope filtering needs no join. */
export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull(),
    name: text('name').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    scope: varchar('scope', { length: 12 }).notNull(),
    roles: text('roles').array().notNull(),
    passwordHash: text('password_hash').notNull(),
    phoneSealed: text('phone_sealed'),
    phoneIndex: text('phone_index'),
    phoneMasked: text('phone_masked'),
    disabled: boolean('disabled').notNull().default(false),
    builtIn: boolean('built_in').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('staff_username_uq').on(t.username),
    index('staff_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    index('staff_phone_index_idx').on(t.phoneIndex),
  ],
);
