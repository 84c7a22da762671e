// Tables owned by the regions module: only its code writes them (docs/architecture.md "Layers").
import { index, pgTable, smallint, text, varchar } from 'drizzle-orm/pg-core';

/** Administrative divisions (统计用区划代码), 12-digit codes; level 1 province .. 5 community. */
export const regions = pgTable(
  'regions',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    name: text('name').notNull(),
    level: smallint('level').notNull(),
    parentCode: varchar('parent_code', { length: 12 }),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);
