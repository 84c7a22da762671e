// The 就业失业登记证 (employment and unemployment registration certificate, REG-3): issued with a
// person's first unemployment registration, withdrawn or reissued later, with its full history.
import crypto from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { bulkInsert, deleteSome, type BulkColumn } from '../../db/bulk.js';
import { certificateCounters, certificateEvents, certificateReviews, persons } from '../../db/schema.js';
import { writeAudit } from '../../platform/audit.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { requireRole, withTransaction, type Ctx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { DomainEvents } from '../../platform/events.js';
import * as personsModule from '../persons/index.js';
import * as registrations from '../registrations/index.js';
import { withEntrantNames } from '../staff/index.js';

/**
 * The next number: 6-digit county code, year, 6-digit sequence. The counter row stays locked
 * until the transaction ends, so concurrent registrations never share a number.
 */
async function nextCertificateNo(ctx: Ctx, regionCode: string, date: string): Promise<string> {
  const prefix = `${regionCode.slice(0, 6)}${date.slice(0, 4)}`;
  const [row] = await ctx.db
    .insert(certificateCounters)
    .values({ prefix, last: 1 })
    .onConflictDoUpdate({ target: certificateCounters.prefix, set: { last: sql`${certificateCounters.last} + 1` } })
    .returning({ last: certificateCounters.last });
  return `${prefix}${String(row!.last).padStart(6, '0')}`;
}

/** Reserves `count` consecutive numbers under one prefix at once (for imports). */
export async function reserveCertificateNumbers(ctx: Ctx, regionCode: string, date: string, count: number): Promise<string[]> {
  const prefix = `${regionCode.slice(0, 6)}${date.slice(0, 4)}`;
  const [row] = await ctx.db
    .insert(certificateCounters)
    .values({ prefix, last: count })
    .onConflictDoUpdate({ target: certificateCounters.prefix, set: { last: sql`${certificateCounters.last} + ${count}` } })
    .returning({ last: certificateCounters.last });
  const first = row!.last - count + 1;
  return Array.from({ length: count }, (_, i) => `${prefix}${String(first + i).padStart(6, '0')}`);
}

/** Issues a new certificate number to a person (inside the caller's transaction) and records it. */
export async function issueCertificate(
  ctx: Ctx,
  person: { id: string; regionCode: string },
  date: string,
  action: 'issue' | 'reissue' = 'issue',
  reason: string | null = null,
): Promise<string> {
  const certificateNo = await nextCertificateNo(ctx, person.regionCode, date);
  await personsModule.setCertificate(ctx, person.id, { certificateNo, certificateStatus: 'valid' });
  const event = {
    id: crypto.randomUUID(),
    personId: person.id,
    certificateNo,
    action,
    date,
    reason,
    createdBy: ctx.actor.username,
    unitId: ctx.actor.unitId,
    createdAt: ctx.now(),
  };
  await ctx.db.insert(certificateEvents).values(event);
  await writeAudit(ctx, { action, entity: 'certificate', entityId: event.id, regionCode: person.regionCode, after: event });
  return certificateNo;
}

/** A person's certificate and its history (the person must lie in scope). */
export async function certificateOf(ctx: Ctx, personId: string) {
  const person = await personsModule.findPerson(ctx, personId);
  if (!person) throw notFound('人员');
  const history = await ctx.db
    .select()
    .from(certificateEvents)
    .where(eq(certificateEvents.personId, personId))
    .orderBy(asc(certificateEvents.createdAt));
  const [row] = await ctx.db.select({ status: persons.certificateStatus }).from(persons).where(eq(persons.id, personId));
  return { certificateNo: person.certificateNo, status: row?.status ?? null, history: await withEntrantNames(ctx, history) };
}

/** Withdraws a person's valid certificate (inside the caller's transaction, the person locked) and records it. */
export async function withdrawCertificate(
  tx: Ctx,
  person: { id: string; regionCode: string; certificateNo: string },
  date: string,
  reason: string,
): Promise<void> {
  await personsModule.setCertificate(tx, person.id, { certificateStatus: 'withdrawn' });
  const event = {
    id: crypto.randomUUID(),
    personId: person.id,
    certificateNo: person.certificateNo,
    action: 'withdraw',
    date,
    reason,
    createdBy: tx.actor.username,
    unitId: tx.actor.unitId,
    createdAt: tx.now(),
  };
  await tx.db.insert(certificateEvents).values(event);
  await writeAudit(tx, { action: 'withdraw', entity: 'certificate', entityId: event.id, regionCode: person.regionCode, after: event });
}

/**
 * A withdrawn certificate is given again only to a person found eligible since it was withdrawn
 * (AID-5): seed 002 §(八) issues the certificate to those who meet its conditions and seed 004
 * §三(二) has the street office 核发 (check, then issue) it, so a clerk alone cannot undo a
 * withdrawal. The review (passed, or overridden with its reason in the audit) must be recorded
 * after the last withdrawal and dated from its day up to the reissue. A valid certificate that was
 * lost or damaged is replaced without one: nothing new is granted.
 */
async function requireEligibleSinceWithdrawal(tx: Ctx, personId: string, reissueDate: string): Promise<void> {
  const [withdrawal] = await tx.db
    .select({ date: certificateEvents.date, createdAt: certificateEvents.createdAt })
    .from(certificateEvents)
    .where(and(eq(certificateEvents.personId, personId), eq(certificateEvents.action, 'withdraw')))
    .orderBy(desc(certificateEvents.createdAt), desc(certificateEvents.date))
    .limit(1);
  if (!withdrawal) return;
  const r = certificateReviews;
  const [review] = await tx.db
    .select({ id: r.id })
    .from(r)
    .where(
      and(
        eq(r.personId, personId),
        eq(r.kind, 'eligibility'),
        inArray(r.result, ['eligible', 'eligible_by_override']),
        gte(r.createdAt, withdrawal.createdAt),
        gte(r.date, withdrawal.date),
        lte(r.date, reissueDate),
      ),
    )
    .limit(1);
  if (!review) {
    const message = `该证已于 ${withdrawal.date} 收回，重新发证须先经资格审核（审核员办理，符合条件或说明理由认定），审核日期不早于收回日期、不晚于补发日期`;
    throw new AppError('RULE_VIOLATION', message, [{ path: '/action', code: 'ELIGIBILITY_REVIEW_REQUIRED', message }]);
  }
}

/**
 * Withdraws a valid certificate, or reissues one under a new number: a lost or damaged one at once,
 * a withdrawn one after an eligibility review (422 ELIGIBILITY_REVIEW_REQUIRED without).
 */
export async function changeCertificate(
  ctx: Ctx,
  personId: string,
  input: { action: 'withdraw' | 'reissue'; date?: string | undefined; reason: string },
) {
  requireRole(ctx, 'clerk');
  const date = input.date ?? shanghaiDateOf(ctx.now());
  if (date > shanghaiDateOf(ctx.now()))
    throw new AppError('RULE_VIOLATION', '日期不能晚于今天', [{ path: '/date', code: 'FUTURE_DATE', message: '日期不能晚于今天' }]);
  return withTransaction(ctx, async (tx) => {
    const person = await personsModule.lockPerson(tx, personId);
    if (!person) throw notFound('人员');
    if (!person.certificateNo) throw new AppError('RULE_VIOLATION', '该人员尚未发放就业失业登记证（首次办理失业登记时发证）');
    if (input.action === 'withdraw') {
      if (person.certificateStatus !== 'valid') throw new AppError('RULE_VIOLATION', '该证已收回，不能重复收回');
      await withdrawCertificate(
        tx,
        { id: personId, regionCode: person.regionCode, certificateNo: person.certificateNo },
        date,
        input.reason,
      );
    } else {
      if (person.certificateStatus === 'withdrawn') await requireEligibleSinceWithdrawal(tx, personId, date);
      await issueCertificate(tx, person, date, 'reissue', input.reason);
    }
    return certificateOf(tx, personId);
  });
}

/**
 * Reaction to `registration.appended`: the first unemployment registration issues the person's
 * 就业失业登记证 (REG-3), and the event records its number.
 */
export async function onRegistrationAppended(ctx: Ctx, event: DomainEvents['registration.appended']): Promise<void> {
  if (event.type !== 'unemployment') return;
  const person = await personsModule.lockPerson(ctx, event.personId);
  if (!person || person.certificateNo) return;
  const certificateNo = await issueCertificate(ctx, person, event.date);
  await registrations.attachCertificate(ctx, event.eventId, certificateNo);
}

/** The ledger import's issued certificates (REG-7): their history rows, one statement per chunk. */
export async function recordImportedCertificates(ctx: Ctx, rows: CertificateEventInsert[]) {
  await bulkInsert(ctx.db, 'certificate_events', certificateEventColumns, rows);
}

/**
 * Deletes up to `limit` certificate events of persons of a ledger-import batch never applied
 * (REG-7); answers how many went. Their reserved numbers stay used: a gap in the sequence, never a
 * number given twice.
 */
export function deleteUnappliedImportedCertificates(ctx: Ctx, batchId: string, limit: number): Promise<number> {
  const ids = sql`(SELECT ${certificateEvents.id} FROM ${certificateEvents} WHERE ${certificateEvents.personId} IN ${personsModule.unappliedBatchPersonIds(batchId)})`;
  return deleteSome(ctx.db, sql`${certificateEvents}`, ids, limit);
}

export type CertificateEventInsert = typeof certificateEvents.$inferInsert;
const certificateEventColumns: BulkColumn<CertificateEventInsert>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'person_id', type: 'uuid', value: (r) => r.personId },
  { name: 'certificate_no', type: 'text', value: (r) => r.certificateNo },
  { name: 'action', type: 'text', value: (r) => r.action },
  { name: 'date', type: 'date', value: (r) => r.date },
  { name: 'created_by', type: 'text', value: (r) => r.createdBy },
  { name: 'unit_id', type: 'uuid', value: (r) => r.unitId },
  { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
];
