// Registering employment, unemployment and job seeking as events (REG-3): each new event is
// checked by replaying the person's whole history with it, and the status projection is updated
// in the same transaction. `registration.appended` then lets higher modules react there too: the
// certificates module issues the 就业失业登记证, households reassess zero-employment.
import { noteAccess } from '../../platform/accessLog.js';
import crypto from 'node:crypto';
import { bulkInsert } from '../../db/bulk.js';
import { writeAudit } from '../../platform/audit.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { requireRole, withTransaction, type Ctx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { emit } from '../../platform/events.js';
import { ageOn } from '../../platform/clock.js';
import { param } from '../../policy/service.js';
import * as persons from '../persons/index.js';
import './events.js';
import * as repo from './repo.js';
import { registrationTypeNames, replayRegistrations, type RegistrationType } from './rules.js';
import { withEntrantNames } from '../staff/index.js';

export interface RegistrationInput {
  type: RegistrationType;
  date: string;
  reason?: string | undefined;
  employerName?: string | undefined;
  /** public_welfare_post only through a placement on a post (assistance), never typed at the counter. */
  employmentForm?: 'employer' | 'self_employed' | 'flexible' | 'public_welfare_post' | undefined;
  correctsEventId?: string | undefined;
  /** For corrections: void the event, or give it another date. */
  action?: 'void' | 'redate' | undefined;
  correctedDate?: string | undefined;
}

const ruleViolation = (message: string, path = '/date') =>
  new AppError('RULE_VIOLATION', message, [{ path, code: 'RULE_VIOLATION', message }]);

/** Appends a registration event for a person in scope; 422 RULE_VIOLATION when history forbids it. */
export async function registerEvent(ctx: Ctx, personId: string, input: RegistrationInput) {
  requireRole(ctx, 'clerk');
  return appendRegistration(ctx, personId, input);
}

/**
 * The rules of registerEvent without its role check, for use cases that check their own role and
 * register as a consequence (a hire recorded on a referral, JOB-5).
 */
export async function appendRegistration(ctx: Ctx, personId: string, input: RegistrationInput) {
  const today = shanghaiDateOf(ctx.now());
  if (input.date > today) throw ruleViolation('登记日期不能晚于今天');
  if (input.correctedDate && input.correctedDate > today) throw ruleViolation('更正后的日期不能晚于今天', '/correctedDate');
  return withTransaction(ctx, async (tx) => {
    const person = await persons.lockPerson(tx, personId);
    if (!person) throw notFound('人员');
    const minAge = await param(tx.db, 'working_age.min', person.regionCode, input.date);
    if (input.type !== 'correction' && ageOn(person.birthDate, input.date) < minAge) {
      throw ruleViolation(`登记日期时该人员未满 ${minAge} 周岁（《劳动法》第十五条），不能办理${registrationTypeNames[input.type]}`);
    }
    const history = await repo.eventsOf(tx, personId);
    const details = detailsOf(input, history);
    const event = {
      id: crypto.randomUUID(),
      personId,
      type: input.type,
      date: input.date,
      regionCode: person.regionCode,
      details,
      correctsEventId: input.correctsEventId ?? null,
      certificateNo: null,
      createdBy: tx.actor.username,
      unitId: tx.actor.unitId,
      createdAt: tx.now(),
    };
    const { status, violation } = replayRegistrations([...history, event]);
    if (violation)
      throw ruleViolation(violation.eventId === event.id ? violation.message : `此登记会使已有记录不再成立：${violation.message}`);
    await repo.insertEvent(tx, event);
    await persons.applyRegistrationStatus(tx, personId, status);
    await writeAudit(tx, {
      action: 'register',
      entity: 'registration',
      entityId: event.id,
      regionCode: person.regionCode,
      after: { personId, type: event.type, date: event.date, details },
    });
    await emit(tx, 'registration.appended', {
      eventId: event.id,
      personId,
      type: event.type,
      date: event.date,
      regionCode: person.regionCode,
      today,
      employmentForm: input.employmentForm,
      employerName: input.employerName,
    });
    return (await repo.findEvent(tx, event.id))!;
  });
}

/** The stored details of an event; for a correction, checks what it corrects. */
function detailsOf(input: RegistrationInput, history: repo.RegistrationEventRow[]): Record<string, unknown> {
  if (input.type !== 'correction') {
    return Object.fromEntries(
      Object.entries({ reason: input.reason, employerName: input.employerName, employmentForm: input.employmentForm }).filter(
        ([, v]) => v !== undefined,
      ),
    );
  }
  const target = history.find((e) => e.id === input.correctsEventId);
  if (!target)
    throw new AppError('VALIDATION_FAILED', '要更正的登记记录不存在', [
      { path: '/correctsEventId', code: 'UNKNOWN_EVENT', message: '要更正的登记记录不存在' },
    ]);
  if (target.type === 'correction') throw ruleViolation('不能更正一条更正记录，请更正原登记', '/correctsEventId');
  if (!input.reason)
    throw new AppError('VALIDATION_FAILED', '更正须说明原因', [{ path: '/reason', code: 'REQUIRED', message: '更正须说明原因' }]);
  if (input.action === 'redate') {
    if (!input.correctedDate)
      throw new AppError('VALIDATION_FAILED', '请填写更正后的日期', [
        { path: '/correctedDate', code: 'REQUIRED', message: '请填写更正后的日期' },
      ]);
    return { action: 'redate', date: input.correctedDate, reason: input.reason };
  }
  if (input.action !== 'void')
    throw new AppError('VALIDATION_FAILED', '请选择更正方式：作废或更改日期', [
      { path: '/action', code: 'REQUIRED', message: '请选择更正方式' },
    ]);
  return { action: 'void', reason: input.reason };
}

/** A person's events, oldest entry first. */
export async function listRegistrations(ctx: Ctx, personId: string) {
  const person = await persons.findPerson(ctx, personId);
  if (!person) throw notFound('人员');
  noteAccess(ctx, [{ personId, regionCode: person.regionCode, action: 'view' }]);
  return withEntrantNames(ctx, await repo.eventsOf(ctx, personId));
}

/** The status of a person in scope as of a date, replayed from the events (`GET /persons/{id}?asOf=`). */
export const statusAsOf: persons.StatusAsOf = async (ctx, personId, asOf) =>
  replayRegistrations(await repo.eventsOf(ctx, personId), asOf).status;

/** Records the 就业失业登记证 number issued with an unemployment event (the certificates module's reaction). */
export async function attachCertificate(ctx: Ctx, eventId: string, certificateNo: string) {
  await repo.setEventCertificate(ctx, eventId, certificateNo);
}

/** The ledger import's registration events (REG-7), already checked, in one statement per chunk. */
export async function insertImportedEvents(ctx: Ctx, rows: repo.EventInsert[]) {
  await bulkInsert(ctx.db, 'registration_events', repo.eventBulkColumns, rows);
}

/** The events of an import batch that will not be applied, up to `limit` per call (REG-7: no half import stays behind). */
export function deleteUnappliedImportedEvents(ctx: Ctx, batchId: string, limit: number): Promise<number> {
  return repo.deleteUnappliedImportedEvents(ctx, batchId, limit);
}
