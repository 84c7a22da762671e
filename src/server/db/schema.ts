// Drizzle schema: the single source for tables; migrations are generated from it
// (`npm run db:generate -- --name <why>`) and checked in under ./migrations.
// Region-code indexes use varchar_pattern_ops so `region_code LIKE '140105%'` (jurisdiction,
// DESIGN idea 1) can use them under any database collation, not only "C".
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

/** Key/value facts about this installation (first-start bootstrap done, region data version). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

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
  (t) => [uniqueIndex('staff_username_uq').on(t.username), index('staff_region_idx').on(t.regionCode.op('varchar_pattern_ops')), index('staff_phone_index_idx').on(t.phoneIndex)],
);

/** Login sessions; only the SHA-256 of the opaque token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_staff_idx').on(t.staffId)],
);

/** Failed logins per username, for throttling. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_failures_username_at_idx').on(t.username, t.at)],
);

/** Append-only audit trail (SYS-2); each row carries the hash of the previous one. */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username').notNull(),
    unitId: uuid('unit_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    regionCode: varchar('region_code', { length: 12 }),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityId),
    index('audit_actor_idx').on(t.actorUsername),
    index('audit_at_idx').on(t.at),
    index('audit_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

/** One row: the newest audit sequence and hash; locked FOR UPDATE so the chain never forks. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

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

/** Idempotency keys of writes that must happen once (DESIGN idea 5). */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    key: text('key').notNull(),
    actorId: uuid('actor_id').notNull(),
    route: text('route').notNull(),
    bodyHash: text('body_hash').notNull(),
    status: integer('status').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.route, t.key] })],
);
