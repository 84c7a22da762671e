// The service record (REG-8): every service given to a person, with who, which unit, which
// channel and when; counted per staff member and unit for later scoring (RPT-5).
import crypto from 'node:crypto';
import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { serviceRecords, staff, units } from '../../db/schema.js';
import { writeAudit } from '../../platform/audit.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { requireRole, withinScope, withTransaction, type Ctx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { ServiceChannel, ServiceType } from '../../../shared/labels.js';
import * as personRepo from '../persons/index.js';

export {
  serviceChannelNames as serviceChannels,
  serviceTypeNames as serviceTypes,
  type ServiceChannel,
  type ServiceType,
} from '../../../shared/labels.js';

export interface RecordServiceInput {
  type: ServiceType;
  channel: ServiceChannel;
  date?: string | undefined;
  notes?: string | undefined;
}

const columns = {
  id: serviceRecords.id,
  personId: serviceRecords.personId,
  type: serviceRecords.type,
  channel: serviceRecords.channel,
  date: serviceRecords.date,
  staffId: serviceRecords.staffId,
  staffName: serviceRecords.staffName,
  unitId: serviceRecords.unitId,
  unitName: units.name,
  notes: serviceRecords.notes,
  createdAt: serviceRecords.createdAt,
};

/** Records a service given to a person in scope, by the caller, dated today unless given. */
export async function recordService(ctx: Ctx, personId: string, input: RecordServiceInput) {
  requireRole(ctx, 'clerk', 'job_officer', 'ui_officer');
  const today = shanghaiDateOf(ctx.now());
  const date = input.date ?? today;
  if (date > today)
    throw new AppError('RULE_VIOLATION', '服务日期不能晚于今天', [{ path: '/date', code: 'FUTURE_DATE', message: '服务日期不能晚于今天' }]);
  return withTransaction(ctx, async (tx) => {
    const person = await personRepo.lockPerson(tx, personId);
    if (!person) throw notFound('人员');
    const row = {
      id: crypto.randomUUID(),
      personId,
      type: input.type,
      channel: input.channel,
      date,
      staffId: tx.actor.id,
      staffName: tx.actor.name,
      unitId: tx.actor.unitId,
      regionCode: person.regionCode,
      notes: input.notes ?? null,
      createdAt: tx.now(),
    };
    await tx.db.insert(serviceRecords).values(row);
    await writeAudit(tx, { action: 'create', entity: 'service_record', entityId: row.id, regionCode: person.regionCode, after: row });
    const [created] = await tx.db
      .select(columns)
      .from(serviceRecords)
      .leftJoin(units, eq(units.id, serviceRecords.unitId))
      .where(eq(serviceRecords.id, row.id));
    return created!;
  });
}

/** A person's services, newest first (the person must lie in scope). */
export async function servicesOf(ctx: Ctx, personId: string) {
  if (!(await personRepo.findPerson(ctx, personId))) throw notFound('人员');
  return ctx.db
    .select(columns)
    .from(serviceRecords)
    .leftJoin(units, eq(units.id, serviceRecords.unitId))
    .where(eq(serviceRecords.personId, personId))
    .orderBy(desc(serviceRecords.date), desc(serviceRecords.createdAt));
}

/** Counts of services in scope for a period, per staff member or per unit, and per type. */
export async function serviceCounts(ctx: Ctx, filter: { from: string; to: string; groupBy: 'staff' | 'unit' }) {
  const conds: SQL[] = [
    withinScope(ctx, serviceRecords.regionCode),
    gte(serviceRecords.date, filter.from),
    lte(serviceRecords.date, filter.to),
  ];
  const key = filter.groupBy === 'staff' ? serviceRecords.staffId : serviceRecords.unitId;
  const rows = await ctx.db
    .select({
      key,
      name: filter.groupBy === 'staff' ? sql<string>`max(${serviceRecords.staffName})` : sql<string>`max(${units.name})`,
      type: serviceRecords.type,
      count: sql<number>`count(*)::int`,
    })
    .from(serviceRecords)
    .leftJoin(units, eq(units.id, serviceRecords.unitId))
    .leftJoin(staff, eq(staff.id, serviceRecords.staffId))
    .where(and(...conds))
    .groupBy(key, serviceRecords.type);
  const byKey = new Map<string, { id: string | null; name: string | null; total: number; byType: Record<string, number> }>();
  for (const r of rows) {
    const k = r.key ?? '';
    const entry = byKey.get(k) ?? { id: r.key, name: r.name, total: 0, byType: {} };
    entry.total += r.count;
    entry.byType[r.type] = r.count;
    byKey.set(k, entry);
  }
  return [...byKey.values()].sort((a, b) => b.total - a.total);
}
