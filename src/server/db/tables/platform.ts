// Tables owned by platform: only its code writes them (docs/architecture.md "Layers").
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { publicAccounts } from './accounts.js';
import { staff } from './staff.js';

/** Key/value facts about this installation (first-start bootstrap done, region data version). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

/**
 * Staff login sessions; only the SHA-256 of the opaque token is stored. `id` names a session to its
 * owner (the sessions list) without revealing the token or its hash.
 */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    id: uuid('id').notNull().unique().defaultRandom(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    /** The client address and user agent at sign-in, shown in the owner's sessions list. */
    source: text('source'),
    userAgent: text('user_agent'),
    /** A member of a role that requires two-factor sign-in who has not enrolled may only enrol. */
    enrolmentOnly: boolean('enrolment_only').notNull().default(false),
  },
  (t) => [index('sessions_staff_idx').on(t.staffId)],
);

/**
 * Failed sign-in attempts, for throttling (platform/loginLimits.ts): the key is what was tried (a
 * username, a public account, a second factor), the source the client address it came from.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** Client address; null for rows keyed by the address itself (ledger checks). */
    source: text('source'),
    /** 'staff' or 'public': spraying is counted per address within one realm. */
    realm: text('realm').notNull().default('staff'),
  },
  (t) => [index('login_failures_username_at_idx').on(t.username, t.at), index('login_failures_source_at_idx').on(t.source, t.at)],
);

/**
 * Addresses a key (username or public account) has signed in from successfully; failures by others
 * from elsewhere delay sign-in from unknown addresses but never from these.
 */
export const loginKnownSources = pgTable(
  'login_known_sources',
  {
    key: text('key').notNull(),
    source: text('source').notNull(),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.source] })],
);

/** A staff member's TOTP second factor (RFC 6238); the secret is sealed. Unconfirmed = enrolment begun. */
export const staffTwoFactor = pgTable('staff_two_factor', {
  staffId: uuid('staff_id')
    .primaryKey()
    .references(() => staff.id),
  secretSealed: text('secret_sealed').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  /** The time step of the last accepted code; a code of this step or earlier is a replay. */
  lastTimeStep: bigint('last_time_step', { mode: 'number' }),
});

/** Single-use recovery codes of a staff member's second factor; only their SHA-256 is stored. */
export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    id: uuid('id').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('staff_recovery_codes_staff_idx').on(t.staffId)],
);

/**
 * The pending second step of a sign-in whose password was right: short-lived, single-use, and not
 * a session (it opens no route but the second step).
 */
export const loginChallenges = pgTable(
  'login_challenges',
  {
    tokenHash: text('token_hash').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_challenges_staff_idx').on(t.staffId)],
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

/** One run of a scheduled job (platform/scheduler.ts): when, how it ended, and what it did or why it failed. */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: uuid('id').primaryKey(),
    jobName: text('job_name').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
    /** 'ok', 'failed' (detail = the error message) or 'skipped' (another instance held the job's lock). */
    outcome: text('outcome', { enum: ['ok', 'failed', 'skipped'] }).notNull(),
    detail: text('detail'),
  },
  (t) => [
    index('job_runs_started_idx').on(t.startedAt),
    index('job_runs_job_started_idx').on(t.jobName, t.startedAt),
    check('job_runs_outcome_ck', sql`${t.outcome} IN ('ok', 'failed', 'skipped')`),
  ],
);

/**
 * Sessions of self-service accounts (platform/auth.ts, beside staff `sessions`); only the SHA-256
 * of the token is stored. A separate table, so a public session can never authenticate a staff route.
 */
export const publicSessions = pgTable(
  'public_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => publicAccounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('public_sessions_account_idx').on(t.accountId)],
);

/**
 * Every look at a person's record (SYS-2, PIPL art. 28/51): who, from which unit, when, how
 * (view, lookup by ID number, export of a list, reveal) and, for exports, how many rows. Auditors
 * query it and the person sees it on the board. Written in batches (platform/accessLog.ts).
 */
export const personAccessLog = pgTable(
  'person_access_log',
  {
    id: uuid('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    personId: uuid('person_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username').notNull(),
    unitId: uuid('unit_id'),
    unitName: text('unit_name'),
    action: text('action').$type<'view' | 'lookup' | 'export' | 'reveal'>().notNull(),
    /** Rows of the export the person was in. */
    rows: integer('rows'),
    requestId: text('request_id'),
  },
  (t) => [index('person_access_log_person_at_idx').on(t.personId, t.at)],
);
