// SQL for staff accounts; every read is limited to the caller's scope.
import { and, arrayContains, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { staff, units } from '../../db/schema.js';
import { withinScope, type Ctx } from '../../platform/context.js';
import type { Paging } from '../../platform/http.js';

const staffColumns = {
  id: staff.id,
  username: staff.username,
  name: staff.name,
  unitId: staff.unitId,
  unitName: units.name,
  regionCode: staff.regionCode,
  scope: staff.scope,
  roles: staff.roles,
  phone: staff.phoneMasked,
  disabled: staff.disabled,
  builtIn: staff.builtIn,
  createdAt: staff.createdAt,
};

export interface StaffFilter {
  q?: string | undefined;
  unitId?: string | undefined;
  role?: string | undefined;
  disabled?: boolean | undefined;
}

/** A page of staff in scope. */
export async function listStaff(ctx: Ctx, filter: StaffFilter, paging: Paging) {
  const conds: SQL[] = [withinScope(ctx, staff.regionCode)];
  if (filter.q) conds.push(or(ilike(staff.name, `%${filter.q}%`), ilike(staff.username, `%${filter.q}%`))!);
  if (filter.unitId) conds.push(eq(staff.unitId, filter.unitId));
  if (filter.role) conds.push(arrayContains(staff.roles, [filter.role]));
  if (filter.disabled !== undefined) conds.push(eq(staff.disabled, filter.disabled));
  const where = and(...conds);
  const items = await ctx.db
    .select(staffColumns)
    .from(staff)
    .leftJoin(units, eq(units.id, staff.unitId))
    .where(where)
    .orderBy(asc(staff.regionCode), asc(staff.username))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(staff)
    .where(where);
  return { items, total: count?.n ?? 0 };
}

/** One staff member in scope, or undefined. */
export async function findStaff(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select(staffColumns)
    .from(staff)
    .leftJoin(units, eq(units.id, staff.unitId))
    .where(and(eq(staff.id, id), withinScope(ctx, staff.regionCode)));
  return row;
}

/** The full row (with sealed fields) of a staff member in scope, locked for update. */
export async function findStaffRowForUpdate(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(staff)
    .where(and(eq(staff.id, id), withinScope(ctx, staff.regionCode)))
    .for('update');
  return row;
}

export async function usernameTaken(ctx: Ctx, username: string): Promise<boolean> {
  const [row] = await ctx.db.select({ id: staff.id }).from(staff).where(eq(staff.username, username));
  return !!row;
}

export async function insertStaff(ctx: Ctx, row: typeof staff.$inferInsert) {
  await ctx.db.insert(staff).values(row);
}

export async function updateStaff(ctx: Ctx, id: string, patch: Partial<typeof staff.$inferInsert>) {
  await ctx.db
    .update(staff)
    .set(patch)
    .where(and(eq(staff.id, id), withinScope(ctx, staff.regionCode)));
}

/** A staff row locked until the transaction ends (the caller's own, for a password change). */
export async function lockStaffRow(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(staff).where(eq(staff.id, id)).for('update');
  return row;
}

/** Stores a new password hash. */
export async function setPassword(ctx: Ctx, id: string, passwordHash: string) {
  await ctx.db.update(staff).set({ passwordHash, passwordChangedAt: ctx.now() }).where(eq(staff.id, id));
}

/** Names of staff members by login (no scope: callers pass only logins of records they may read). */
export async function namesByUsername(ctx: Ctx, usernames: string[]) {
  if (usernames.length === 0) return [];
  return ctx.db.select({ username: staff.username, name: staff.name }).from(staff).where(inArray(staff.username, usernames));
}
