// Casework with recognised hard-to-employ persons (AID-2; seed 000 §4(2), seed 004 §三(七): the
// street and community labour offices 登记造冊、定期家訪、跟蹤服務): a named caseworker per
// person with the history of changes, an individual employment plan of dated steps, and visits at
// the interval of parameter assistance.visit_interval_days. A visit is a service record of type
// home_visit (the services use case): it is a service given to the person like any other, counted
// per staff member and unit (RPT-5) and shown on the person's timeline; its kind is the channel.
import crypto from 'node:crypto';
import { writeAudit } from '../../platform/audit.js';
import { addDays, shanghaiDateOf } from '../../platform/clock.js';
import { requireRole, withTransaction, type Ctx } from '../../platform/context.js';
import { AppError, notFound, validation } from '../../platform/errors.js';
import type { Paging } from '../../platform/http.js';
import { padRegionCode } from '../../../shared/region.js';
import type { DomainEvents } from '../../platform/events.js';
import { params } from '../../policy/service.js';
import * as persons from '../persons/index.js';
import * as services from '../services/index.js';
import * as staffModule from '../staff/index.js';
import * as repo from './caseworkRepo.js';

/** Roles that read the visit lists of a unit. */
const overviewRoles = ['clerk', 'reviewer', 'leader', 'admin', 'auditor'] as const;

/** How a visit was made, and the service channel it is recorded under. */
export const visitKinds = { home: 'home_visit', phone: 'phone', counter: 'counter' } as const;
export type VisitKind = keyof typeof visitKinds;
const kindOfChannel = (channel: string): VisitKind =>
  (Object.entries(visitKinds).find(([, c]) => c === channel)?.[0] as VisitKind | undefined) ?? 'home';

/** The visit interval and due-soon window in force for a region on a date. */
async function visitFigures(ctx: Ctx, regionCode: string, date: string) {
  const f = await params(ctx.db, ['assistance.visit_interval_days', 'assistance.visit_due_soon_days'], regionCode, date);
  return { intervalDays: f['assistance.visit_interval_days'], dueSoonDays: f['assistance.visit_due_soon_days'] };
}

const publicStep = (s: repo.PlanStepRow) => ({
  id: s.id,
  personId: s.personId,
  text: s.text,
  dueOn: s.dueOn,
  doneOn: s.doneOn,
  doneNote: s.doneNote,
  createdBy: s.createdBy,
  updatedAt: s.updatedAt,
});

/**
 * A person's casework (`GET /persons/{id}/casework`): the current caseworker and the history, the
 * plan's steps, the visits (newest first), and the next visit due with its status when the person
 * holds an active recognition (nothing is due for anyone else).
 */
export async function caseworkOf(ctx: Ctx, personId: string) {
  const person = await persons.findPerson(ctx, personId);
  if (!person) throw notFound('人员');
  const today = shanghaiDateOf(ctx.now());
  const assignments = await repo.assignmentsOf(ctx, personId);
  const current = assignments.find((x) => x.endedOn === null) ?? null;
  const visits = (await services.servicesOf(ctx, personId))
    .filter((s) => s.type === 'home_visit')
    .map((s) => ({ id: s.id, date: s.date, kind: kindOfChannel(s.channel), note: s.notes, staffName: s.staffName }));
  const since = await repo.recognisedSince(ctx, personId, today);
  const figures = await visitFigures(ctx, person.regionCode, today);
  let schedule = null;
  if (since) {
    const last = visits.find((v) => v.date >= since)?.date ?? null;
    const nextVisitDue = addDays(last ?? since, figures.intervalDays);
    const status: repo.VisitStatus =
      nextVisitDue < today ? 'overdue' : nextVisitDue <= addDays(today, figures.dueSoonDays) ? 'due_soon' : 'scheduled';
    schedule = { recognisedSince: since, lastVisitOn: last, nextVisitDue, status, intervalDays: figures.intervalDays };
  }
  return {
    personId,
    caseworker: current ? { id: current.caseworkerId, name: current.caseworkerName, assignedOn: current.assignedOn } : null,
    assignments: assignments.map((x) => ({
      caseworkerId: x.caseworkerId,
      caseworkerName: x.caseworkerName,
      assignedOn: x.assignedOn,
      endedOn: x.endedOn,
      reason: x.reason,
    })),
    plan: (await repo.planStepsOf(ctx, personId)).map(publicStep),
    visits,
    schedule,
  };
}

export interface AssignCaseworkerInput {
  caseworkerId: string;
  /** A late entry: the day the caseworker took the person over. */
  assignedOn?: string | undefined;
  reason?: string | undefined;
}

/**
 * Names (or changes) the caseworker of a person in scope (clerk of the person's unit or above): a
 * clerk whose unit covers the person's region. The current assignment ends the day the next
 * begins; both kept and audited.
 */
export async function assignPersonCaseworker(ctx: Ctx, personId: string, input: AssignCaseworkerInput) {
  requireRole(ctx, 'clerk');
  const today = shanghaiDateOf(ctx.now());
  const assignedOn = input.assignedOn ?? today;
  if (assignedOn > today) throw validation('/assignedOn', 'IN_THE_FUTURE', '指定日期不能晚于今天');
  await withTransaction(ctx, async (tx) => {
    const person = await persons.lockPerson(tx, personId);
    if (!person) throw notFound('人员');
    const member = await staffModule.findStaffInScope(tx, input.caseworkerId);
    if (!member) throw validation('/caseworkerId', 'NOT_FOUND', '该工作人员不存在或不在您的管辖范围内');
    if (member.disabled) throw validation('/caseworkerId', 'DISABLED', `${member.name} 的账号已停用`);
    if (!member.roles.includes('clerk'))
      throw validation('/caseworkerId', 'NOT_A_CLERK', `${member.name} 不是经办人员，不能担任援助责任人`);
    if (!person.regionCode.startsWith(member.scope))
      throw validation('/caseworkerId', 'OUT_OF_JURISDICTION', `${person.name} 不在 ${member.name} 的管辖范围内`);
    const current = await repo.currentAssignmentForUpdate(tx, personId);
    if (current?.caseworkerId === input.caseworkerId)
      throw new AppError('CONFLICT', `${member.name} 已是 ${person.name} 的援助责任人`, [
        { path: '/caseworkerId', code: 'ALREADY_ASSIGNED', message: '已是当前援助责任人' },
      ]);
    if (current && assignedOn < current.assignedOn)
      throw validation('/assignedOn', 'BEFORE_CURRENT', `现任责任人自 ${current.assignedOn} 起负责，新的指定日期不能早于该日`);
    if (current) await repo.endAssignment(tx, current.id, assignedOn);
    const row = {
      id: crypto.randomUUID(),
      personId,
      regionCode: person.regionCode,
      caseworkerId: member.id,
      caseworkerName: member.name,
      assignedOn,
      endedOn: null,
      reason: input.reason?.trim() || null,
      assignedBy: tx.actor.username,
      createdAt: tx.now(),
    };
    await repo.insertAssignment(tx, row);
    await writeAudit(tx, {
      action: current ? 'reassign' : 'assign',
      entity: 'caseworker_assignment',
      entityId: row.id,
      regionCode: person.regionCode,
      before: current ? { caseworkerId: current.caseworkerId, assignedOn: current.assignedOn } : null,
      after: row,
      reason: row.reason,
    });
  });
  return caseworkOf(ctx, personId);
}

export interface PlanStepInput {
  text: string;
  dueOn: string;
}

/** Adds a step to a person's individual employment plan (clerk); audited. Past due dates are allowed (late entry). */
export async function addPlanStep(ctx: Ctx, personId: string, input: PlanStepInput) {
  requireRole(ctx, 'clerk');
  return withTransaction(ctx, async (tx) => {
    const person = await persons.lockPerson(tx, personId);
    if (!person) throw notFound('人员');
    const row: repo.PlanStepRow = {
      id: crypto.randomUUID(),
      personId,
      regionCode: person.regionCode,
      text: input.text.trim(),
      dueOn: input.dueOn,
      doneOn: null,
      doneNote: null,
      createdBy: tx.actor.username,
      createdAt: tx.now(),
      updatedAt: tx.now(),
    };
    await repo.insertPlanStep(tx, row);
    await writeAudit(tx, { action: 'create', entity: 'employment_plan_step', entityId: row.id, regionCode: row.regionCode, after: row });
    return publicStep(row);
  });
}

export interface PlanStepPatch {
  text?: string | undefined;
  dueOn?: string | undefined;
  /** The day the step was done (null: not done after all). */
  doneOn?: string | null | undefined;
  doneNote?: string | null | undefined;
}

/** Edits a plan step in scope (clerk): its text, due date, or the day it was done with a note; audited. */
export async function updatePlanStep(ctx: Ctx, id: string, patch: PlanStepPatch) {
  requireRole(ctx, 'clerk');
  const today = shanghaiDateOf(ctx.now());
  if (patch.doneOn && patch.doneOn > today) throw validation('/doneOn', 'IN_THE_FUTURE', '完成日期不能晚于今天');
  return withTransaction(ctx, async (tx) => {
    const found = await repo.findPlanStepForUpdate(tx, id);
    if (!found) throw notFound('就业计划步骤');
    const change: Partial<repo.PlanStepRow> = { updatedAt: tx.now() };
    if (patch.text !== undefined) change.text = patch.text.trim();
    if (patch.dueOn !== undefined) change.dueOn = patch.dueOn;
    if (patch.doneOn !== undefined) change.doneOn = patch.doneOn;
    if (patch.doneNote !== undefined) change.doneNote = patch.doneNote?.trim() || null;
    if (change.doneOn === null) change.doneNote = null;
    await repo.updatePlanStep(tx, id, change);
    const after = { ...found, ...change };
    await writeAudit(tx, {
      action: 'update',
      entity: 'employment_plan_step',
      entityId: id,
      regionCode: found.regionCode,
      before: found,
      after,
    });
    return publicStep(after);
  });
}

export interface VisitInput {
  date: string;
  kind: VisitKind;
  note: string;
}

/** Records a visit to a person in scope on its real date (clerk): a service record of type home_visit through the services use case. */
export async function recordVisit(ctx: Ctx, personId: string, input: VisitInput) {
  requireRole(ctx, 'clerk');
  await services.recordService(ctx, personId, {
    type: 'home_visit',
    channel: visitKinds[input.kind],
    date: input.date,
    notes: input.note.trim(),
  });
  return caseworkOf(ctx, personId);
}

/**
 * Recognised persons in scope by the state of their visits (overdue, due soon, due = both,
 * scheduled), of a caseworker or without one; the interval and window are the parameters of the
 * caller's own area (one list, one rule).
 */
export async function listVisitSchedule(
  ctx: Ctx,
  filter: {
    status?: repo.VisitStatus | 'due' | undefined;
    caseworkerId?: string | undefined;
    mine?: boolean | undefined;
    unassigned?: boolean | undefined;
  },
  paging: Paging,
) {
  requireRole(ctx, ...overviewRoles);
  const today = shanghaiDateOf(ctx.now());
  const figures = await visitFigures(ctx, padRegionCode(ctx.actor.scope), today);
  const caseworkerId = filter.mine ? (ctx.actor.id ?? '00000000-0000-0000-0000-000000000000') : filter.caseworkerId;
  return repo.listVisitSchedule(ctx, { today, ...figures, status: filter.status, caseworkerId, unassigned: filter.unassigned }, paging);
}

/** Reaction to `person.region_changed`: the casework follows the person to the new region; audited. */
export async function onPersonMovedCasework(ctx: Ctx, event: DomainEvents['person.region_changed']): Promise<void> {
  const moved = await repo.moveCasework(ctx, event.personId, event.to);
  if (moved === 0) return;
  await writeAudit(ctx, {
    action: 'move',
    entity: 'caseworker_assignment',
    entityId: event.personId,
    regionCode: event.to,
    before: { regionCode: event.from },
    after: { regionCode: event.to },
  });
}
