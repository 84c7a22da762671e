// Households (REG-5) and zero-employment detection (AID-3): detection happens in the transaction
// of the event that causes it; each detected household opens a case due after the parameter
// `zero_employment.resolve_within` months (seed 003 §(四)); the case resolves itself when a member's
// employment is registered.
import type { HouseholdRelation } from '../../../shared/labels.js';
import { padRegionCode } from '../../../shared/region.js';
import crypto from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { householdMembers } from '../../db/schema.js';
import { writeAudit } from '../../platform/audit.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { anywhereCtx, assertWritableRegion, type Ctx, requireRole, withTransaction } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Paging } from '../../platform/http.js';
import { param } from '../../policy/service.js';
import { emit, type DomainEvents } from '../../platform/events.js';
import './events.js';
import * as persons from '../persons/index.js';
import { assertRegionExists } from '../regions/index.js';
import type { EmploymentStatus } from '../registrations/index.js';
import * as repo from './repo.js';
import { addMonths, isZeroEmploymentHousehold } from './rules.js';

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

/** Re-evaluates the zero-employment rule for a household; opens or resolves its case. */
export async function reassessHousehold(ctx: Ctx, householdId: string, today: string): Promise<void> {
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
    await repo.setZeroEmployment(ctx, householdId, today);
    if (!openCase) {
      const months = await param(ctx.db, 'zero_employment.resolve_within', region, today);
      const row = {
        id: crypto.randomUUID(),
        householdId,
        regionCode: region,
        detectedOn: today,
        deadline: addMonths(today, months),
        createdAt: ctx.now(),
      };
      await repo.insertCase(ctx, row);
      await writeAudit(ctx, { action: 'detect', entity: 'zero_employment_case', entityId: row.id, regionCode: region, after: row });
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
    const resolution = facts.some((m) => m.employmentStatus === 'employed') ? 'member_employed' : 'no_longer_qualifies';
    await repo.resolveCase(ctx, openCase.id, today, resolution);
    await writeAudit(ctx, {
      action: 'resolve',
      entity: 'zero_employment_case',
      entityId: openCase.id,
      regionCode: region,
      before: openCase,
      after: { resolvedOn: today, resolution },
    });
  }
}

/** Reassesses the household a person belongs to, if any. */
export async function reassessHouseholdOf(ctx: Ctx, personId: string, today: string): Promise<void> {
  const householdId = await repo.householdIdOf(ctx, personId);
  if (householdId) await reassessHousehold(ctx, householdId, today);
}

/** Reaction to `registration.appended`: a registration may make or end a zero-employment household. */
export async function onRegistrationAppended(ctx: Ctx, event: DomainEvents['registration.appended']): Promise<void> {
  await reassessHouseholdOf(ctx, event.personId, event.today);
}

/**
 * Zero-employment cases in scope, by status as of today. "Due soon" is the parameter
 * `zero_employment.due_soon_days` in force for the caller's own area: one list has one window.
 */
export async function listZeroEmploymentCases(ctx: Ctx, status: repo.CaseStatus | undefined, paging: Paging) {
  const today = shanghaiDateOf(ctx.now());
  const dueSoonDays = await param(ctx.db, 'zero_employment.due_soon_days', padRegionCode(ctx.actor.scope), today);
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + dueSoonDays);
  return repo.listCases(ctx, { status, today, dueSoonBy: soon.toISOString().slice(0, 10) }, paging);
}
