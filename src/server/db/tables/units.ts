// Tables owned by the units module: only its code writes them (docs/architecture.md "Layers").
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

/** Service units of the four-level network (NET-1): bureaus, centres, offices and stations. */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    scope: varchar('scope', { length: 12 }).notNull(),
    address: text('address'),
    phone: text('phone'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('units_region_idx').on(t.regionCode.op('varchar_pattern_ops')), uniqueIndex('units_scope_name_uq').on(t.scope, t.name)],
);
