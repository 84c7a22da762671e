// The labour-force ledger (REG-1, REG-2, REG-6): one person per citizen ID, validated by
// GB 11643; birth date and sex derived from the ID, never typed; identifiers sealed (SYS-3).
import crypto from 'node:crypto';
import { parseIdNumber } from '../../../shared/idNumber.js';
import { matchKeysOf } from '../../../shared/matchKeys.js';
import { accessesOf, noteAccess } from '../../platform/accessLog.js';
import { auditReason, writeAudit } from '../../platform/audit.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { anywhereCtx, assertWritableRegion, type Ctx, ownRecordCtx, requireRole, withTransaction } from '../../platform/context.js';
import { mask, maskPhone } from '../../platform/crypto.js';
import { AppError, notFound } from '../../platform/errors.js';
import { emit } from '../../platform/events.js';
import './events.js';
import type { Paging } from '../../platform/http.js';
import { assertRegionExists, isKnownAddressCode } from '../regions/index.js';
import * as repo from './repo.js';

export interface JobWishes {
  occupations?: string[] | undefined;
  keywords?: string[] | undefined;
  wageMinFen?: number | undefined;
  regionCodes?: string[] | undefined;
  hours?: string | undefined;
}

export interface PersonInput {
  name: string;
  regionCode: string;
  householdType: 'urban' | 'rural';
  phone?: string | undefined;
  ethnicity?: string | undefined;
  education?: string | undefined;
  address?: string | undefined;
  labourCapacity?: 'full' | 'partial' | 'none' | undefined;
  disability?: string | undefined;
  skills?: string[] | undefined;
  occupation?: string | undefined;
  jobWishes?: JobWishes | undefined;
  categories?: string[] | undefined;
  retiree?: boolean | undefined;
  graduationYear?: number | undefined;
  school?: string | undefined;
}

export interface CreatePersonInput extends PersonInput {
  idNumber: string;
}

/** Validates a citizen ID for the ledger; 400 INVALID_ID_NUMBER with the reason otherwise. */
export function validIdNumber(ctx: Ctx, idNumber: string) {
  const parsed = parseIdNumber(idNumber, { today: shanghaiDateOf(ctx.now()), isKnownRegion: isKnownAddressCode });
  if (!parsed.ok)
    throw new AppError('INVALID_ID_NUMBER', parsed.message, [{ path: '/idNumber', code: parsed.problem, message: parsed.message }]);
  return parsed.value;
}

const maskIdNumber = (id: string) => mask(id, 6, 4);

/** Registers a person in the ledger of a region inside the caller's scope. */
export async function createPerson(ctx: Ctx, input: CreatePersonInput) {
  requireRole(ctx, 'clerk');
  const id = validIdNumber(ctx, input.idNumber);
  assertWritableRegion(ctx, input.regionCode);
  await assertRegionExists(ctx, input.regionCode);
  const idIndex = ctx.sealer.blindIndex('idNumber', id.idNumber);
  return withTransaction(ctx, async (tx) => {
    const existing = await repo.findByIdIndex(tx, idIndex);
    if (existing) {
      const visible = existing.regionCode.startsWith(tx.actor.scope);
      throw new AppError(
        'DUPLICATE_PERSON',
        visible
          ? `该身份证号已登记（${existing.unitName ?? '本辖区'}），请直接查找该人员`
          : '该身份证号已在其他辖区登记，请联系上级机构办理转移',
        undefined,
        visible ? { personId: existing.id } : undefined,
      );
    }
    const personId = crypto.randomUUID();
    const now = tx.now();
    await repo.insertPerson(tx, {
      id: personId,
      idNumberSealed: tx.sealer.seal('idNumber', id.idNumber),
      idNumberIndex: idIndex,
      idNumberMasked: maskIdNumber(id.idNumber),
      idConvertedFrom15: !!id.convertedFrom15,
      sex: id.sex,
      birthDate: id.birthDate,
      ...ledgerColumns(tx, input),
      employmentStatus: 'not_registered',
      unitId: tx.actor.unitId,
      createdAt: now,
      updatedAt: now,
    });
    const created = (await repo.findPerson(tx, personId))!;
    await writeAudit(tx, {
      action: 'create',
      entity: 'person',
      entityId: personId,
      regionCode: input.regionCode,
      after: created,
      reason: id.convertedFrom15 ? '15位旧身份证号已转换为18位' : null,
    });
    return created;
  });
}

/** Columns of the ledger fields (everything but identity), with the phone sealed. */
function ledgerColumns(ctx: Ctx, input: PersonInput) {
  return {
    name: input.name.trim(),
    regionCode: input.regionCode,
    householdType: input.householdType,
    phoneSealed: input.phone ? ctx.sealer.seal('phone', input.phone) : null,
    phoneIndex: input.phone ? ctx.sealer.blindIndex('phone', input.phone) : null,
    phoneMasked: input.phone ? maskPhone(input.phone) : null,
    ethnicity: input.ethnicity ?? null,
    education: input.education ?? null,
    address: input.address ?? null,
    labourCapacity: input.labourCapacity ?? 'full',
    disability: input.disability ?? null,
    skills: input.skills ?? [],
    occupation: input.occupation ?? null,
    jobWishes: input.jobWishes ?? null,
    matchKeys: matchKeysOf(
      [...(input.jobWishes?.occupations ?? []), input.occupation],
      [...(input.skills ?? []), ...(input.jobWishes?.keywords ?? [])],
    ),
    categories: input.categories ?? [],
    retiree: input.retiree ?? false,
    graduationYear: input.graduationYear ?? null,
    school: input.school ?? null,
  };
}

export function listPersons(ctx: Ctx, filter: repo.PersonFilter, paging: Paging) {
  return repo.listPersons(ctx, filter, paging);
}

/** One person in scope with the current status projection (`asOf` today). */
export async function getPerson(ctx: Ctx, id: string) {
  const person = await repo.findPerson(ctx, id);
  if (!person) throw notFound('人员');
  return { ...person, asOf: shanghaiDateOf(ctx.now()) };
}

/**
 * The person's status as of a past date, computed by the registrations module from the events
 * (REG-3). The ledger sits below registrations, so the app passes this function in when it wires
 * the routes instead of the ledger importing it.
 */
export type StatusAsOf = (
  ctx: Ctx,
  personId: string,
  asOf: string,
) => Promise<{ employmentStatus: string; statusSince: string | null; jobSeeking: boolean }>;

/** The status projection written by the registrations module in its transaction (REG-3). */
export async function applyRegistrationStatus(
  ctx: Ctx,
  personId: string,
  status: { employmentStatus: string; statusSince: string | null; jobSeeking: boolean },
) {
  await repo.updatePerson(ctx, personId, { ...status, updatedAt: ctx.now() });
}

/** The person's 就业失业登记证 number and status, kept by the certificates module (REG-3). */
export async function setCertificate(
  ctx: Ctx,
  personId: string,
  certificate: { certificateNo?: string; certificateStatus: 'valid' | 'withdrawn' },
) {
  await repo.updatePerson(ctx, personId, certificate);
}

/**
 * Rewrites the person's match profile after a hard-to-employ recognition began or ended (AID-1):
 * matching's priority reads active recognitions. Called by the assistance module in the
 * recognition's transaction.
 */
export async function refreshMatchProfile(ctx: Ctx, personId: string) {
  await repo.refreshMatchProfileOf(ctx, personId);
}

/** Whether the person holds an active hard-to-employ recognition today (matching's priority). */
export function holdsActiveRecognition(ctx: Ctx, personId: string, date = shanghaiDateOf(ctx.now())) {
  return repo.holdsActiveRecognition(ctx, personId, date);
}

/** The full row of a person in scope, locked until the transaction ends; undefined outside scope. */
export function lockPerson(ctx: Ctx, id: string) {
  return repo.findPersonRowForUpdate(ctx, id);
}

/** The ledger import's persons (REG-7), already validated and sealed, in one statement per chunk; each row names its batch. */
export async function insertImportedPersons(ctx: Ctx, rows: repo.PersonInsert[]) {
  await repo.insertPersonsInBulk(ctx, rows);
}

/** The person in scope with this citizen ID (lookup by ID never puts the ID in a URL). */
export async function lookupPerson(ctx: Ctx, idNumber: string) {
  const id = validIdNumber(ctx, idNumber);
  const found = await repo.findByIdIndex(ctx, ctx.sealer.blindIndex('idNumber', id.idNumber));
  if (!found || !found.regionCode.startsWith(ctx.actor.scope)) throw notFound('人员');
  return getPerson(ctx, found.id);
}

/** Updates ledger fields (identity fields derive from the ID and cannot be edited). */
export async function updatePerson(ctx: Ctx, id: string, input: Partial<PersonInput>) {
  requireRole(ctx, 'clerk');
  return withTransaction(ctx, async (tx) => {
    const row = await repo.findPersonRowForUpdate(tx, id);
    if (!row) throw notFound('人员');
    if (input.regionCode && input.regionCode !== row.regionCode) {
      assertWritableRegion(tx, input.regionCode);
      await assertRegionExists(tx, input.regionCode);
    }
    const before = (await repo.findPerson(tx, id))!;
    const merged: PersonInput = { ...before, phone: undefined, ...input } as PersonInput;
    const columns = ledgerColumns(tx, merged);
    const patch =
      input.phone === undefined
        ? { ...columns, phoneSealed: row.phoneSealed, phoneIndex: row.phoneIndex, phoneMasked: row.phoneMasked }
        : columns;
    await repo.updatePerson(tx, id, { ...patch, updatedAt: tx.now() });
    const after = (await repo.findPerson(anywhereCtx(tx), id))!;
    await writeAudit(tx, { action: 'update', entity: 'person', entityId: id, regionCode: row.regionCode, before, after });
    if (after.regionCode !== row.regionCode)
      await emit(tx, 'person.region_changed', { personId: id, from: row.regionCode, to: after.regionCode });
    return after;
  });
}

/** Who looked at a person's record (SYS-2): for auditors, of a person in their jurisdiction (404 outside). */
export async function accessesOfPerson(ctx: Ctx, id: string, paging: { limit: number; offset: number }) {
  requireRole(ctx, 'auditor');
  await getPerson(ctx, id);
  return accessesOf(ctx.db, id, paging);
}

/** Unmasked identifiers of a person, for allowed roles, audited with the reason (SYS-2, SYS-3). */
export async function revealPerson(ctx: Ctx, id: string, fields: ('idNumber' | 'phone')[], reason: string) {
  requireRole(ctx, 'clerk', 'admin', 'auditor');
  reason = auditReason(reason);
  const { result, regionCode } = await withTransaction(ctx, async (tx) => {
    const row = await repo.findPersonRowForUpdate(tx, id);
    if (!row) throw notFound('人员');
    const result: { idNumber?: string; phone?: string | null } = {};
    if (fields.includes('idNumber')) result.idNumber = tx.sealer.open('idNumber', row.idNumberSealed);
    if (fields.includes('phone')) result.phone = row.phoneSealed ? tx.sealer.open('phone', row.phoneSealed) : null;
    await writeAudit(tx, { action: 'reveal', entity: 'person', entityId: id, regionCode: row.regionCode, after: { fields }, reason });
    return { result, regionCode: row.regionCode };
  });
  noteAccess(ctx, [{ personId: id, regionCode, action: 'reveal' }]);
  return result;
}

/** The region of a person whatever the caller's scope (for a public use case on the account's own record). */
export async function regionOfPerson(ctx: Ctx, personId: string): Promise<string> {
  const person = await repo.findPerson(anywhereCtx(ctx), personId);
  if (!person) throw notFound('人员');
  return person.regionCode;
}

/**
 * A seeker's own job wishes, set through their public account (JOB-7). Only the wishes: education,
 * skills and the other ledger facts are staff-recorded from documents and never self-edited.
 */
export async function updateOwnWishes(ctx: Ctx, personId: string, jobWishes: JobWishes) {
  const own = ownRecordCtx(ctx, await regionOfPerson(ctx, personId));
  return withTransaction(own, async (tx) => {
    const before = await repo.findPersonRowForUpdate(tx, personId);
    if (!before) throw notFound('人员');
    const patch = {
      jobWishes,
      matchKeys: matchKeysOf([...(jobWishes.occupations ?? []), before.occupation], [...before.skills, ...(jobWishes.keywords ?? [])]),
      updatedAt: tx.now(),
    };
    await repo.updatePerson(tx, personId, patch);
    await writeAudit(tx, {
      action: 'self_update',
      entity: 'person',
      entityId: personId,
      regionCode: before.regionCode,
      before: { jobWishes: before.jobWishes },
      after: { jobWishes },
    });
  });
}
