// Tables owned by policy: only its code writes them (docs/architecture.md "Layers").
import { date, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

/** Policy parameter definitions (DESIGN idea 3). */
export const paramDefinitions = pgTable('param_definitions', {
  name: text('name').primaryKey(),
  title: text('title').notNull(),
  unit: text('unit').notNull(),
  description: text('description').notNull(),
});

/** Dated values of a parameter per region prefix, each with its source. */
export const paramValues = pgTable(
  'param_values',
  {
    id: uuid('id').primaryKey(),
    name: text('name')
      .notNull()
      .references(() => paramDefinitions.name),
    regionPrefix: varchar('region_prefix', { length: 12 }).notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    value: jsonb('value').notNull(),
    source: text('source').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('param_values_uq').on(t.name, t.regionPrefix, t.effectiveFrom)],
);
