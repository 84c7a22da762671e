// Policy parameters: definitions and dated values per region prefix, looked up with param().
import crypto from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { isRegionCode, padRegionCode } from '../../shared/region.js';
import type { Database } from '../db/connection.js';
import { paramDefinitions, paramValues, regions } from '../db/schema.js';
import { writeAudit } from '../platform/audit.js';
import { shanghaiDateOf } from '../platform/clock.js';
import { requireRole, withTransaction, type Ctx } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import {
  isParamName,
  kindUnits,
  paramDefinitions as catalogue,
  paramOrders,
  paramRanges,
  paramSeedValues,
  type ParamKind,
  type ParamName,
  wholeKinds,
} from './catalogue.js';
import { pickParamValue } from './pick.js';

export type ParamValueRow = typeof paramValues.$inferSelect;

/** Every value of a parameter whose prefix covers the region (prefix of the 12-digit code). */
async function candidateValues(db: Database, name: ParamName, regionCode: string): Promise<ParamValueRow[]> {
  return db
    .select()
    .from(paramValues)
    .where(and(eq(paramValues.name, name), sql`${regionCode} LIKE ${paramValues.regionPrefix} || '%'`));
}

export type { ParamName };

/** A name from a URL as a catalogue name; NOT_FOUND (as for a name never defined) otherwise. */
export function paramNameOf(name: string): ParamName {
  if (!isParamName(name)) throw notFound(`政策参数 ${name}`);
  return name;
}

export interface ResolvedParam {
  name: ParamName;
  title: string;
  value: number;
  unit: string;
  source: string;
  regionPrefix: string;
  effectiveFrom: string;
}

/** The value of a parameter in force for a region on a date; NOT_FOUND when none is set. */
export async function resolveParam(db: Database, name: ParamName, regionCode: string, date: string): Promise<ResolvedParam> {
  const [def] = await db.select().from(paramDefinitions).where(eq(paramDefinitions.name, name));
  if (!def) throw notFound(`政策参数 ${name}`);
  const picked = pickParamValue(await candidateValues(db, name, regionCode), regionCode, date);
  if (!picked) throw new AppError('NOT_FOUND', `政策参数“${def.title}”在区划 ${regionCode} 于 ${date} 没有适用的取值，请管理员设置`);
  return {
    name,
    title: def.title,
    value: picked.value as number,
    unit: def.unit,
    source: picked.source,
    regionPrefix: picked.regionPrefix,
    effectiveFrom: picked.effectiveFrom,
  };
}

/** param(name, region, date): the number a rule uses (DESIGN idea 3). */
export async function param(db: Database, name: ParamName, regionCode: string, date: string): Promise<number> {
  return (await resolveParam(db, name, regionCode, date)).value;
}

/**
 * Several parameters for one region and date in one query (a use case that reads a dozen, such as
 * matching's weights, would otherwise wait for a dozen round trips); NOT_FOUND as param() where one has no value.
 */
export async function params<N extends ParamName>(
  db: Database,
  names: readonly N[],
  regionCode: string,
  date: string,
): Promise<Record<N, number>> {
  const rows = await db
    .select()
    .from(paramValues)
    .where(and(inArray(paramValues.name, [...names]), sql`${regionCode} LIKE ${paramValues.regionPrefix} || '%'`));
  const values = {} as Record<N, number>;
  for (const name of names) {
    const picked = pickParamValue(
      rows.filter((r) => r.name === name),
      regionCode,
      date,
    );
    // None in force: param() answers NOT_FOUND with the parameter's title, as a single look-up does.
    values[name] = picked ? (picked.value as number) : await param(db, name, regionCode, date);
  }
  return values;
}

/**
 * Every value of some parameters, read in one query, as a look-up for any region and date: a
 * report over many regions and months (arrears of a district's employers over a year) would
 * otherwise wait for a round trip per region and month. Undefined where no value is in force.
 */
export async function paramLookup<N extends ParamName>(
  db: Database,
  names: readonly N[],
): Promise<(name: N, regionCode: string, date: string) => number | undefined> {
  const rows = await db
    .select()
    .from(paramValues)
    .where(inArray(paramValues.name, [...names]));
  const byName = new Map<string, ParamValueRow[]>();
  for (const r of rows) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  return (name, regionCode, date) => pickParamValue(byName.get(name) ?? [], regionCode, date)?.value as number | undefined;
}

/** The 12-digit code a lookup uses when the caller names none: their own scope. */
function defaultRegion(ctx: Ctx, regionCode: string | undefined): string {
  return regionCode ?? padRegionCode(ctx.actor.scope);
}

/** One parameter as it applies to a region and date (defaults: caller's scope, today). */
export function getParam(ctx: Ctx, name: ParamName, regionCode?: string, date?: string) {
  return resolveParam(ctx.db, name, defaultRegion(ctx, regionCode), date ?? shanghaiDateOf(ctx.now()));
}

/** All definitions with the value in force for a region and date (null where none applies). */
export async function listParams(ctx: Ctx, regionCode?: string, date?: string) {
  const region = defaultRegion(ctx, regionCode);
  const day = date ?? shanghaiDateOf(ctx.now());
  const defs = await ctx.db.select().from(paramDefinitions).orderBy(asc(paramDefinitions.name));
  const values = await ctx.db
    .select()
    .from(paramValues)
    .where(sql`${region} LIKE ${paramValues.regionPrefix} || '%'`);
  return defs.map((d) => {
    const picked = pickParamValue(
      values.filter((v) => v.name === d.name),
      region,
      day,
    );
    return {
      name: d.name,
      title: d.title,
      unit: d.unit,
      description: d.description,
      value: (picked?.value as number | undefined) ?? null,
      source: picked?.source ?? null,
      regionPrefix: picked?.regionPrefix ?? null,
      effectiveFrom: picked?.effectiveFrom ?? null,
    };
  });
}

/** Every dated value of a parameter in every region, for its history page. */
export async function paramHistory(ctx: Ctx, name: ParamName) {
  const [def] = await ctx.db.select().from(paramDefinitions).where(eq(paramDefinitions.name, name));
  if (!def) throw notFound(`政策参数 ${name}`);
  const values = await ctx.db
    .select({
      id: paramValues.id,
      regionPrefix: paramValues.regionPrefix,
      regionName: regions.name,
      effectiveFrom: paramValues.effectiveFrom,
      value: paramValues.value,
      source: paramValues.source,
      createdBy: paramValues.createdBy,
      createdAt: paramValues.createdAt,
    })
    .from(paramValues)
    .leftJoin(regions, sql`${regions.code} = rpad(${paramValues.regionPrefix}, 12, '0') AND ${paramValues.regionPrefix} <> ''`)
    .where(eq(paramValues.name, name))
    .orderBy(asc(paramValues.regionPrefix), asc(paramValues.effectiveFrom));
  return {
    ...def,
    values: values.map((v) => ({ ...v, value: v.value as number, regionName: v.regionPrefix === '' ? '全国' : v.regionName })),
  };
}

export interface AddParamValueInput {
  regionPrefix: string;
  effectiveFrom: string;
  value: number;
  source: string;
}

/** Counts the values this process has added: a reader that keeps parameters for a while (matching's weights) keys them by it. */
let valuesVersion = 0;
export const paramValuesVersion = () => valuesVersion;

/** Adds a dated value for a region prefix inside the admin's scope (audited). */
export async function addParamValue(ctx: Ctx, name: ParamName, input: AddParamValueInput) {
  requireRole(ctx, 'admin');
  const [def] = await ctx.db.select().from(paramDefinitions).where(eq(paramDefinitions.name, name));
  if (!def) throw notFound(`政策参数 ${name}`);
  if (!input.regionPrefix.startsWith(ctx.actor.scope)) {
    throw new AppError('OUT_OF_JURISDICTION', `区划 ${input.regionPrefix || '全国'} 不在您的管辖范围内`, [
      { path: '/regionPrefix', code: 'OUT_OF_JURISDICTION', message: '该区划不在您的管辖范围内' },
    ]);
  }
  if (input.regionPrefix !== '') {
    const code = padRegionCode(input.regionPrefix);
    const [region] = isRegionCode(code) ? await ctx.db.select({ code: regions.code }).from(regions).where(eq(regions.code, code)) : [];
    if (!region)
      throw new AppError('INVALID_REGION', `区划 ${input.regionPrefix} 不存在`, [
        { path: '/regionPrefix', code: 'UNKNOWN_REGION', message: '区划不存在' },
      ]);
  }
  if (def.unit === kindUnits.fen && !Number.isInteger(input.value)) {
    throw new AppError('VALIDATION_FAILED', '金额以分为单位，须为整数', [
      { path: '/value', code: 'NOT_INTEGER', message: '金额以分为单位，须为整数' },
    ]);
  }
  const whole = Object.entries(wholeKinds).find(([kind]) => kindUnits[kind as ParamKind] === def.unit)?.[1];
  if (whole && (!Number.isInteger(input.value) || input.value < 0 || input.value > whole.max))
    throw new AppError('VALIDATION_FAILED', whole.why, [{ path: '/value', code: 'NOT_INTEGER', message: whole.why }]);
  const range = paramRanges[name];
  if (range && (input.value < range.min || input.value > range.max))
    throw new AppError('VALIDATION_FAILED', range.why, [{ path: '/value', code: 'OUT_OF_BAND', message: range.why }]);
  return withTransaction(ctx, async (tx) => {
    await checkOrders(tx.db, name, input);
    const [clash] = await tx.db
      .select({ id: paramValues.id })
      .from(paramValues)
      .where(
        and(
          eq(paramValues.name, name),
          eq(paramValues.regionPrefix, input.regionPrefix),
          eq(paramValues.effectiveFrom, input.effectiveFrom),
        ),
      );
    if (clash)
      throw new AppError('CONFLICT', '该区划在同一生效日期已有取值；如需更正请另设新的生效日期', [
        { path: '/effectiveFrom', code: 'DUPLICATE', message: '同一区划同一生效日期已有取值' },
      ]);
    const row = { id: crypto.randomUUID(), name, ...input, createdBy: tx.actor.username, createdAt: tx.now() };
    await tx.db.insert(paramValues).values(row);
    valuesVersion += 1;
    await writeAudit(tx, {
      action: 'create',
      entity: 'param_value',
      entityId: row.id,
      regionCode: padRegionCode(input.regionPrefix),
      after: row,
    });
    return row;
  });
}

/** Refuses a value that would break an order with another parameter in force for the region on its date (catalogue paramOrders). */
async function checkOrders(db: Database, name: ParamName, input: AddParamValueInput) {
  const region = padRegionCode(input.regionPrefix);
  for (const order of paramOrders) {
    const other = order.lower === name ? order.upper : order.upper === name ? order.lower : null;
    if (!other) continue;
    const picked = pickParamValue(await candidateValues(db, other, region), region, input.effectiveFrom);
    if (!picked) continue;
    const [lower, upper] = order.lower === name ? [input.value, picked.value as number] : [picked.value as number, input.value];
    if (lower >= upper)
      throw new AppError('VALIDATION_FAILED', `${order.why}（${other} 在该区划于 ${input.effectiveFrom} 为 ${picked.value}）`, [
        { path: '/value', code: 'OUT_OF_BAND', message: order.why },
      ]);
  }
}

/** Stores the catalogue's definitions and seed values that are not yet stored (idempotent). */
export async function seedParams(db: Database, createdAt: Date): Promise<void> {
  for (const d of catalogue) {
    await db
      .insert(paramDefinitions)
      .values({ name: d.name, title: d.title, unit: kindUnits[d.kind], description: d.description })
      .onConflictDoNothing();
  }
  for (const v of paramSeedValues) {
    await db
      .insert(paramValues)
      .values({ id: crypto.randomUUID(), ...v, createdBy: 'system', createdAt })
      .onConflictDoNothing();
  }
}
