// Households (REG-5) and zero-employment detection (AID-3): detection happens in the transaction
// of the event that causes it; each detected household opens a case due after the parameter
// `zero_employment.resolve_within` months (seed 003 §(四)); the case resolves itself when a member's
// employment is registered.
import type { CaseMeasureKind, HouseholdRelation } from '../../../shared/labels.js';
import { padRegionCode } from '../../../shared/region.js';
import crypto from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { householdMembers } from '../../db/schema.js';
import { writeAudit } from '../../platform/audit.js';
import { addDays, monthBounds, shanghaiDateOf } from '../../platform/clock.js';
import { anywhereCtx, assertWritableRegion, type Ctx, requireRole, withTransaction } from '../../platform/context.js';
import { AppError, notFound, validation } from '../../platform/errors.js';
import type { Paging } from '../../platform/http.js';
import { param } from '../../policy/service.js';
import { emit, type DomainEvents } from '../../platform/events.js';
import './events.js';
import * as persons from '../persons/index.js';
import * as staffModule from '../staff/index.js';
import { assertRegionExists } from '../regions/index.js';
import type { EmploymentStatus } from '../registrations/index.js';
import * as repo from './repo.js';
import { addMonths, caseStatusOn, isZeroEmploymentHousehold, resolutionOfEmployment, zeroEmploymentSince } from './rules.js';

export interface CreateHouseholdInput {
  regionCode: string;
  address?: string | undefined;
  householdType?: 'urban' | 'rural' | undefined;
  memberIds: string[];
  relations?: Record<string, HouseholdRelation> | undefined;
}

/** Creates a household of persons in scope, none of whom already belongs to one. */
export async function createHousehold(ctx: Ctx, input: CreateHouseholdInput) {
  requireRole(ctx, 'clerk');
  assertWritableRegion(ctx, input.regionCode);
  await assertRegionExists(ctx, input.regionCode);
  const memberIds = [...new Set(input.memberIds)];
  return withTransaction(ctx, async (tx) => {
    const members = [];
    for (const personId of memberIds) {
      const p = await persons.lockPerson(tx, personId);
      if (!p)
        throw new AppError('NOT_FOUND', `成员 ${personId} 不存在或不在您的管辖范围内`, [
          { path: '/memberIds', code: 'NOT_FOUND', message: '成员不存在或不在管辖范围内' },
        ]);
      members.push(p);
    }
    const taken = await tx.db
      .select({ personId: householdMembers.personId })
      .from(householdMembers)
      .where(inArray(householdMembers.personId, memberIds));
    if (taken.length > 0) {
      const names = members.filter((m) => taken.some((t) => t.personId === m.id)).map((m) => m.name);
      throw new AppError('CONFLICT', `${names.join('、')} 已属于其他家庭，请先从原家庭移出`, [
        { path: '/memberIds', code: 'ALREADY_IN_HOUSEHOLD', message: `${names.join('、')} 已属于其他家庭` },
      ]);
    }
    const id = crypto.randomUUID();
    const householdType = input.householdType ?? (members[0]?.householdType as 'urban' | 'rural');
    await repo.insertHousehold(
      tx,
      { id, regionCode: input.regionCode, address: input.address ?? null, householdType, createdAt: tx.now() },
      members.map((m, i) => ({ personId: m.id, relation: input.relations?.[m.id] ?? (i === 0 ? 'head' : 'member') })),
    );
    await writeAudit(tx, {
      action: 'create',
      entity: 'household',
      entityId: id,
      regionCode: input.regionCode,
      after: { regionCode: input.regionCode, householdType, memberIds },
    });
    await reassessHousehold(tx, id, shanghaiDateOf(tx.now()));
    return getHousehold(tx, id);
  });
}

/** Adds a person in scope, not yet in any household, to a household in scope. */
export async function addHouseholdMember(ctx: Ctx, householdId: string, personId: string, relation: HouseholdRelation) {
  requireRole(ctx, 'clerk');
  return withTransaction(ctx, async (tx) => {
    const household = await repo.findHousehold(tx, householdId, true);
    if (!household) throw notFound('家庭');
    const person = await persons.lockPerson(tx, personId);
    if (!person)
      throw new AppError('NOT_FOUND', '该人员不存在或不在您的管辖范围内', [
        { path: '/personId', code: 'NOT_FOUND', message: '人员不存在或不在管辖范围内' },
      ]);
    if (await repo.householdIdOf(tx, personId))
      throw new AppError('CONFLICT', `${person.name} 已属于其他家庭，请先从原家庭移出`, [
        { path: '/personId', code: 'ALREADY_IN_HOUSEHOLD', message: '已属于其他家庭' },
      ]);
    await repo.addMember(tx, householdId, personId, relation);
    await writeAudit(tx, {
      action: 'add_member',
      entity: 'household',
      entityId: householdId,
      regionCode: household.regionCode,
      after: { personId, relation },
    });
    await reassessHousehold(tx, householdId, shanghaiDateOf(tx.now()));
    return getHousehold(tx, householdId);
  });
}

/** Removes a member from a household in scope (moved out, deceased...), with the reason. */
export async function removeHouseholdMember(ctx: Ctx, householdId: string, personId: string, reason: string) {
  requireRole(ctx, 'clerk');
  return withTransaction(ctx, async (tx) => {
    const household = await repo.findHousehold(tx, householdId, true);
    if (!household) throw notFound('家庭');
    if (!(await repo.removeMember(tx, householdId, personId))) throw notFound('家庭成员');
    await writeAudit(tx, {
      action: 'remove_member',
      entity: 'household',
      entityId: householdId,
      regionCode: household.regionCode,
      before: { personId },
      reason,
    });
    const today = shanghaiDateOf(tx.now());
    await emit(tx, 'household.member_removed', { householdId, personId, regionCode: household.regionCode, date: today });
    await reassessHousehold(tx, householdId, today);
    return getHousehold(tx, householdId);
  });
}

/** A household in scope with members, zero-employment state and its current case. */
export async function getHousehold(ctx: Ctx, id: string) {
  const household = await repo.findHousehold(ctx, id);
  if (!household) throw notFound('家庭');
  const members = await repo.membersOf(ctx, id);
  const openCase = await repo.openCaseOf(ctx, id);
  return { ...household, members, openCase: openCase ?? null };
}

/** The employment registration that caused a reassessment, when one did: it names how a case ended. */
export interface EmploymentCause {
  eventId: string;
  /** Who was employed: the resolution names them. */
  personId: string;
  date: string;
  employmentForm?: string | undefined;
  employerName?: string | undefined;
}

/**
 * Re-evaluates the zero-employment rule for a household; opens or resolves its case. A case opens
 * on the day the household became zero-employment by its members' registrations (a late entry may
 * be past its deadline at once, and is audited as such); an employment registration resolves it on
 * its own date, by its form, with the registration as evidence.
 */
export async function reassessHousehold(ctx: Ctx, householdId: string, today: string, cause?: EmploymentCause): Promise<void> {
  const household = await repo.findHousehold(anywhereCtx(ctx), householdId, true);
  if (!household) return;
  const members = await repo.membersOf(ctx, householdId);
  const region = household.regionCode;
  const ages = {
    min: await param(ctx.db, 'working_age.min', region, today),
    maxMale: await param(ctx.db, 'working_age.max_male', region, today),
    maxFemale: await param(ctx.db, 'working_age.max_female', region, today),
  };
  const facts = members.map((m) => ({ ...m, sex: m.sex as 'M' | 'F', employmentStatus: m.employmentStatus as EmploymentStatus }));
  const qualifies = isZeroEmploymentHousehold(household.householdType, facts, today, ages);
  if (qualifies === household.zeroEmployment) return;
  const openCase = await repo.openCaseOf(ctx, householdId);
  if (qualifies) {
    const detectedOn = zeroEmploymentSince(facts, today, ages);
    await repo.setZeroEmployment(ctx, householdId, detectedOn);
    if (!openCase) {
      const months = await param(ctx.db, 'zero_employment.resolve_within', region, detectedOn);
      const row = {
        id: crypto.randomUUID(),
        householdId,
        regionCode: region,
        detectedOn,
        deadline: addMonths(detectedOn, months),
        createdAt: ctx.now(),
      };
      await repo.insertCase(ctx, row);
      await writeAudit(ctx, {
        action: 'detect',
        entity: 'zero_employment_case',
        entityId: row.id,
        regionCode: region,
        after: { ...row, overdueOnEntry: row.deadline < today },
      });
    }
    return;
  }
  await repo.setZeroEmployment(ctx, householdId, null);
  await emit(ctx, 'household.zero_employment_ended', {
    householdId,
    personIds: members.map((m) => m.personId),
    regionCode: region,
    date: today,
  });
  if (openCase) {
    const employed = facts.some((m) => m.employmentStatus === 'employed');
    const resolution = employed ? resolutionOfEmployment(cause?.employmentForm) : 'no_longer_qualifies';
    // The employment's own date, never before the case began; otherwise the day it was seen.
    const resolvedOn = employed && cause ? (cause.date > openCase.detectedOn ? cause.date : openCase.detectedOn) : today;
    // What a clerk reads on the case: whose employment, when and where (the event is in the audit's `after`).
    const who = members.find((m) => m.personId === cause?.personId)?.name;
    const evidence =
      employed && cause ? `就业登记 ${cause.date}${cause.employerName ? `，${cause.employerName}` : ''}${who ? `（${who}）` : ''}` : null;
    await repo.resolveCase(ctx, openCase.id, resolvedOn, resolution, evidence);
    await writeAudit(ctx, {
      action: 'resolve',
      entity: 'zero_employment_case',
      entityId: openCase.id,
      regionCode: region,
      before: openCase,
      after: { resolvedOn, resolution, resolutionEvidence: evidence, registrationEventId: cause?.eventId ?? null },
    });
  }
}

/** Reassesses the household a person belongs to, if any. */
export async function reassessHouseholdOf(ctx: Ctx, personId: string, today: string, cause?: EmploymentCause): Promise<void> {
  const householdId = await repo.householdIdOf(ctx, personId);
  if (householdId) await reassessHousehold(ctx, householdId, today, cause);
}

/** Reaction to `registration.appended`: a registration may make or end a zero-employment household. */
export async function onRegistrationAppended(ctx: Ctx, event: DomainEvents['registration.appended']): Promise<void> {
  const cause =
    event.type === 'employment'
      ? {
          eventId: event.eventId,
          personId: event.personId,
          date: event.date,
          employmentForm: event.employmentForm,
          employerName: event.employerName,
        }
      : undefined;
  await reassessHouseholdOf(ctx, event.personId, event.today, cause);
}

/** The last day a case counts as "due soon" on `today`: parameter zero_employment.due_soon_days of the caller's own area. */
async function dueSoonBy(ctx: Ctx, today: string): Promise<string> {
  const days = await param(ctx.db, 'zero_employment.due_soon_days', padRegionCode(ctx.actor.scope), today);
  return addDays(today, days);
}

/**
 * Zero-employment cases in scope, by status as of today. "Due soon" is the parameter
 * `zero_employment.due_soon_days` in force for the caller's own area: one list has one window.
 * An open case past its deadline is on the list of every unit above its community, the
 * district's included (escalated): the scope's prefix makes it so.
 */
export async function listZeroEmploymentCases(
  ctx: Ctx,
  filter: Omit<repo.CaseFilter, 'today' | 'dueSoonBy'> & { mine?: boolean | undefined },
  paging: Paging,
) {
  const today = shanghaiDateOf(ctx.now());
  const { mine, ...rest } = filter;
  const page = await repo.listCases(
    ctx,
    {
      ...rest,
      ...(mine ? { caseworkerId: ctx.actor.id ?? '00000000-0000-0000-0000-000000000000' } : {}),
      today,
      dueSoonBy: await dueSoonBy(ctx, today),
    },
    paging,
  );
  return {
    ...page,
    items: page.items.map((c) => ({ ...c, escalated: c.status === 'overdue', overdueOnEntry: c.deadline < c.recordedOn })),
  };
}

/** A case in scope with its household, caseworker, plan and measures (AID-3). */
export async function getZeroEmploymentCase(ctx: Ctx, id: string) {
  const found = await repo.findCase(ctx, id);
  if (!found) throw notFound('零就业家庭个案');
  const today = shanghaiDateOf(ctx.now());
  const household = await repo.findHousehold(ctx, found.householdId);
  const members = await repo.membersOf(ctx, found.householdId);
  const caseworker = found.caseworkerId ? await staffModule.findStaffName(ctx, found.caseworkerId) : undefined;
  const recordedOn = shanghaiDateOf(found.createdAt);
  const status = caseStatusOn(found, today, await dueSoonBy(ctx, today));
  return {
    id: found.id,
    householdId: found.householdId,
    regionCode: found.regionCode,
    address: household?.address ?? null,
    detectedOn: found.detectedOn,
    deadline: found.deadline,
    recordedOn,
    overdueOnEntry: found.deadline < recordedOn,
    status,
    escalated: status === 'overdue',
    resolvedOn: found.resolvedOn,
    resolution: found.resolution,
    resolutionEvidence: found.resolutionEvidence,
    caseworkerId: found.caseworkerId,
    caseworkerName: caseworker ?? null,
    members,
    measures: await repo.measuresOf(ctx, id),
  };
}

/** Names the caseworker of a case: a clerk in the caller's scope whose own scope holds the case. */
export async function assignCaseworker(ctx: Ctx, id: string, caseworkerId: string | null) {
  requireRole(ctx, 'clerk');
  return withTransaction(ctx, async (tx) => {
    const found = await repo.findCase(tx, id, true);
    if (!found) throw notFound('零就业家庭个案');
    if (caseworkerId) {
      const member = await staffModule.findStaffInScope(tx, caseworkerId);
      if (!member) throw validation('/caseworkerId', 'NOT_FOUND', '该工作人员不存在或不在您的管辖范围内');
      if (member.disabled) throw validation('/caseworkerId', 'DISABLED', `${member.name} 的账号已停用`);
      if (!member.roles.includes('clerk')) throw validation('/caseworkerId', 'NOT_A_CLERK', `${member.name} 不是经办人员，不能承办个案`);
      if (!found.regionCode.startsWith(member.scope))
        throw validation('/caseworkerId', 'OUT_OF_JURISDICTION', `该家庭不在 ${member.name} 的管辖范围内`);
    }
    await repo.setCaseworker(tx, id, caseworkerId);
    await writeAudit(tx, {
      action: 'assign',
      entity: 'zero_employment_case',
      entityId: id,
      regionCode: found.regionCode,
      before: { caseworkerId: found.caseworkerId },
      after: { caseworkerId },
    });
    return getZeroEmploymentCase(tx, id);
  });
}

export interface MeasureInput {
  kind: CaseMeasureKind;
  personId?: string | undefined;
  dueOn?: string | undefined;
  takenOn?: string | undefined;
  note: string;
  outcome?: string | undefined;
}

/** Plans a step (dueOn) or records a measure taken (takenOn) on an open case in scope. */
export async function addCaseMeasure(ctx: Ctx, caseId: string, input: MeasureInput) {
  requireRole(ctx, 'clerk');
  const today = shanghaiDateOf(ctx.now());
  if (!input.dueOn && !input.takenOn) throw validation('/dueOn', 'REQUIRED', '请填写计划日期或办理日期');
  if (input.takenOn && input.takenOn > today) throw validation('/takenOn', 'IN_FUTURE', '办理日期不能晚于今天；尚未办理的请填写计划日期');
  return withTransaction(ctx, async (tx) => {
    const found = await repo.findCase(tx, caseId, true);
    if (!found) throw notFound('零就业家庭个案');
    if (found.resolvedOn) throw new AppError('CONFLICT', `该个案已于 ${found.resolvedOn} 解决，不再添加措施`);
    if (input.takenOn && input.takenOn < found.detectedOn)
      throw validation('/takenOn', 'BEFORE_CASE', `办理日期不能早于认定日期 ${found.detectedOn}`);
    if (input.personId && !(await repo.membersOf(tx, found.householdId)).some((m) => m.personId === input.personId))
      throw validation('/personId', 'NOT_A_MEMBER', '该人员不是此家庭的成员');
    const row = {
      id: crypto.randomUUID(),
      caseId,
      regionCode: found.regionCode,
      kind: input.kind,
      personId: input.personId ?? null,
      dueOn: input.dueOn ?? null,
      takenOn: input.takenOn ?? null,
      note: input.note,
      outcome: input.outcome ?? null,
      createdBy: tx.actor.username,
      createdAt: tx.now(),
    };
    await repo.insertMeasure(tx, row);
    await writeAudit(tx, {
      action: 'add_measure',
      entity: 'zero_employment_case',
      entityId: caseId,
      regionCode: found.regionCode,
      after: row,
    });
    return getZeroEmploymentCase(tx, caseId);
  });
}

/** Records that a planned step was taken, on its day, with what came of it. */
export async function markCaseMeasureTaken(ctx: Ctx, caseId: string, measureId: string, takenOn: string, outcome: string | undefined) {
  requireRole(ctx, 'clerk');
  if (takenOn > shanghaiDateOf(ctx.now())) throw validation('/takenOn', 'IN_FUTURE', '办理日期不能晚于今天');
  return withTransaction(ctx, async (tx) => {
    const found = await repo.findCase(tx, caseId, true);
    if (!found) throw notFound('零就业家庭个案');
    const measure = await repo.findMeasure(tx, caseId, measureId);
    if (!measure) throw notFound('措施');
    if (measure.takenOn) throw new AppError('CONFLICT', `该措施已于 ${measure.takenOn} 办理`);
    if (takenOn < found.detectedOn) throw validation('/takenOn', 'BEFORE_CASE', `办理日期不能早于认定日期 ${found.detectedOn}`);
    await repo.markMeasureTaken(tx, measureId, takenOn, outcome ?? null);
    await writeAudit(tx, {
      action: 'take_measure',
      entity: 'zero_employment_case',
      entityId: caseId,
      regionCode: found.regionCode,
      before: { measureId, takenOn: null },
      after: { measureId, takenOn, outcome: outcome ?? null },
    });
    return getZeroEmploymentCase(tx, caseId);
  });
}

/** Region-code lengths of the levels below a scope: province 2 → city 4 → district 6 → street 9 → community 12. */
const childDigits = (scope: string) => [2, 4, 6, 9, 12].find((d) => d > scope.length) ?? 12;

/**
 * The month's casework per area one level below the caller's scope (AID-3): cases detected, due,
 * resolved by their deadline and the share of those, open and overdue at the month's end.
 */
export async function zeroEmploymentMonth(ctx: Ctx, month: string) {
  const { first, last } = monthBounds(month);
  const rows = await repo.caseMonthFigures(ctx, first, last, childDigits(ctx.actor.scope));
  const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);
  const items = rows.map((r) => ({ ...r, resolvedInTimeRate: share(r.resolvedInTime, r.due) }));
  const sum = (k: 'detected' | 'due' | 'resolvedInTime' | 'openAtEnd' | 'overdueAtEnd') => items.reduce((n, r) => n + r[k], 0);
  const total = {
    detected: sum('detected'),
    due: sum('due'),
    resolvedInTime: sum('resolvedInTime'),
    openAtEnd: sum('openAtEnd'),
    overdueAtEnd: sum('overdueAtEnd'),
  };
  return { month, items, total: { ...total, resolvedInTimeRate: share(total.resolvedInTime, total.due) } };
}
