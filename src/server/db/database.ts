// The type every module reads and writes through (its own file, so connection.ts and
// rowSecurity.ts can both use it without importing each other).
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema.js';

/** A Drizzle database or transaction; both drivers share this type. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
