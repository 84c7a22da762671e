// Staff accounts (NET-1): created and changed by an admin inside their scope; a change of roles,
// unit or password, or disabling, ends the member's sessions at once.
import crypto from 'node:crypto';
import type { Role } from '../../../shared/roles.js';
import { auditReason, writeAudit } from '../../platform/audit.js';
import { endSessionsOf, passwordProblem } from '../../platform/auth.js';
import { removeTwoFactor } from '../../platform/twoFactor.js';
import { anywhereCtx, assertWritableRegion, type Ctx, requireRole, withTransaction } from '../../platform/context.js';
import { hashPassword, maskPhone, verifyPassword } from '../../platform/crypto.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Paging } from '../../platform/http.js';
import * as unitRepo from '../units/index.js';
import * as repo from './repo.js';

export interface CreateStaffInput {
  username: string;
  name: string;
  unitId: string;
  roles: Role[];
  password: string;
  phone?: string | undefined;
}

/** The unit a staff member is placed in: must exist (400) and lie in scope (403). */
async function placeableUnit(ctx: Ctx, unitId: string) {
  const unit = await unitRepo.findUnitAnywhere(ctx, unitId);
  if (!unit)
    throw new AppError('VALIDATION_FAILED', '所选机构不存在', [{ path: '/unitId', code: 'UNKNOWN_UNIT', message: '所选机构不存在' }]);
  assertWritableRegion(ctx, unit.regionCode);
  if (unit.disabled)
    throw new AppError('VALIDATION_FAILED', '所选机构已停用', [{ path: '/unitId', code: 'UNIT_DISABLED', message: '所选机构已停用' }]);
  return unit;
}

/** Refuses a weak password; `identities` (username, phone) must not be in it. */
function assertPassword(password: string, identities: (string | null | undefined)[]) {
  const problem = passwordProblem(password, identities);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, [{ path: '/password', code: 'WEAK_PASSWORD', message: problem }]);
}

/** Sealed, indexed and masked forms of a phone number (SYS-3). */
function phoneColumns(ctx: Ctx, phone: string | null | undefined) {
  if (!phone) return { phoneSealed: null, phoneIndex: null, phoneMasked: null };
  return { phoneSealed: ctx.sealer.seal('phone', phone), phoneIndex: ctx.sealer.blindIndex('phone', phone), phoneMasked: maskPhone(phone) };
}

/** Creates a staff account in a unit inside the caller's scope. */
export async function createStaff(ctx: Ctx, input: CreateStaffInput) {
  requireRole(ctx, 'admin');
  assertPassword(input.password, [input.username, input.phone]);
  const username = input.username.trim();
  return withTransaction(ctx, async (tx) => {
    const unit = await placeableUnit(tx, input.unitId);
    if (await repo.usernameTaken(tx, username)) {
      throw new AppError('CONFLICT', `用户名 ${username} 已被使用`, [{ path: '/username', code: 'DUPLICATE', message: '用户名已被使用' }]);
    }
    const id = crypto.randomUUID();
    const now = tx.now();
    await repo.insertStaff(tx, {
      id,
      username,
      name: input.name.trim(),
      unitId: unit.id,
      regionCode: unit.regionCode,
      scope: unit.scope,
      roles: [...new Set(input.roles)],
      passwordHash: hashPassword(input.password),
      ...phoneColumns(tx, input.phone),
      passwordChangedAt: now,
      createdAt: now,
    });
    const created = (await repo.findStaff(tx, id))!;
    await writeAudit(tx, { action: 'create', entity: 'staff', entityId: id, regionCode: unit.regionCode, after: created });
    return created;
  });
}

export function listStaff(ctx: Ctx, filter: repo.StaffFilter, paging: Paging) {
  return repo.listStaff(ctx, filter, paging);
}

/** A staff member in scope, or undefined (for a use case that words its own error). */
export function findStaffInScope(ctx: Ctx, id: string) {
  return repo.findStaff(ctx, id);
}

/** The name of a staff member, wherever they work (records show who handled them). */
export async function findStaffName(ctx: Ctx, id: string): Promise<string | undefined> {
  return (await repo.findStaff(anywhereCtx(ctx), id))?.name;
}

/** One staff member in scope; NOT_FOUND outside it. */
export async function getStaff(ctx: Ctx, id: string) {
  const member = await repo.findStaff(ctx, id);
  if (!member) throw notFound('工作人员');
  return member;
}

export interface UpdateStaffInput {
  name?: string | undefined;
  roles?: Role[] | undefined;
  disabled?: boolean | undefined;
  unitId?: string | undefined;
  phone?: string | null | undefined;
  password?: string | undefined;
}

/** Changes a staff member; roles, unit, password or disabling end their sessions. */
export async function updateStaff(ctx: Ctx, id: string, input: UpdateStaffInput) {
  requireRole(ctx, 'admin');
  return withTransaction(ctx, async (tx) => {
    const row = await repo.findStaffRowForUpdate(tx, id);
    if (!row) throw notFound('工作人员');
    if (input.password !== undefined)
      assertPassword(input.password, [row.username, input.phone === undefined ? phoneOf(tx, row) : input.phone]);
    const before = (await repo.findStaff(tx, id))!;
    if (id === tx.actor.id && (input.disabled === true || (input.roles && !input.roles.includes('admin')) || input.unitId)) {
      throw new AppError('RULE_VIOLATION', '不能停用自己、撤销自己的管理员角色或调离自己的机构，请由上级管理员操作');
    }
    const patch: Parameters<typeof repo.updateStaff>[2] = {};
    if (input.name !== undefined) patch.name = input.name.trim();
    if (input.roles !== undefined) patch.roles = [...new Set(input.roles)];
    if (input.disabled !== undefined) patch.disabled = input.disabled;
    if (input.phone !== undefined) Object.assign(patch, phoneColumns(tx, input.phone));
    if (input.unitId !== undefined && input.unitId !== row.unitId) {
      const unit = await placeableUnit(tx, input.unitId);
      Object.assign(patch, { unitId: unit.id, regionCode: unit.regionCode, scope: unit.scope });
    }
    if (input.password !== undefined) Object.assign(patch, { passwordHash: hashPassword(input.password), passwordChangedAt: tx.now() });
    const rolesChanged = patch.roles !== undefined && [...patch.roles].sort().join() !== [...row.roles].sort().join();
    const endsSessions = rolesChanged || patch.disabled === true || patch.unitId !== undefined || input.password !== undefined;
    await repo.updateStaff(tx, id, patch);
    if (endsSessions) await endSessionsOf(tx.db, id);
    const after = (await repo.findStaff(anywhereCtx(tx), id))!;
    await writeAudit(tx, {
      action: 'update',
      entity: 'staff',
      entityId: id,
      regionCode: row.regionCode,
      before,
      after,
      reason: endsSessions ? '会话已终止' : null,
    });
    return after;
  });
}

/** Unmasked personal fields of a staff member, for admins, audited with the reason (SYS-2). */
export async function revealStaff(ctx: Ctx, id: string, fields: 'phone'[], reason: string) {
  requireRole(ctx, 'admin', 'auditor');
  reason = auditReason(reason);
  return withTransaction(ctx, async (tx) => {
    const row = await repo.findStaffRowForUpdate(tx, id);
    if (!row) throw notFound('工作人员');
    const result: { phone?: string | null } = {};
    if (fields.includes('phone')) result.phone = row.phoneSealed ? tx.sealer.open('phone', row.phoneSealed) : null;
    await writeAudit(tx, { action: 'reveal', entity: 'staff', entityId: id, regionCode: row.regionCode, after: { fields }, reason });
    return result;
  });
}

/** Changes the caller's own password after checking the current one; ends all their sessions, this one too. */
export async function changeOwnPassword(ctx: Ctx, currentPassword: string, newPassword: string): Promise<void> {
  if (!ctx.actor.id) throw new AppError('FORBIDDEN', '系统账号不能修改密码');
  const actorId = ctx.actor.id;
  await withTransaction(ctx, async (tx) => {
    const s = await repo.lockStaffRow(tx, actorId);
    const problem = passwordProblem(newPassword, [ctx.actor.username, s && phoneOf(tx, s)]);
    if (problem) throw new AppError('VALIDATION_FAILED', problem, [{ path: '/newPassword', code: 'WEAK_PASSWORD', message: problem }]);
    if (!s || !verifyPassword(currentPassword, s.passwordHash)) {
      throw new AppError('VALIDATION_FAILED', '当前密码不正确', [
        { path: '/currentPassword', code: 'WRONG_PASSWORD', message: '当前密码不正确' },
      ]);
    }
    await repo.setPassword(tx, actorId, hashPassword(newPassword));
    await endSessionsOf(tx.db, actorId);
    await writeAudit(tx, { action: 'change_password', entity: 'staff', entityId: actorId, regionCode: s.regionCode });
  });
}

/** The clear phone of a staff row, for checking that a new password does not contain it. */
function phoneOf(ctx: Ctx, row: { phoneSealed: string | null }): string | null {
  return row.phoneSealed ? ctx.sealer.open('phone', row.phoneSealed) : null;
}

/**
 * Clears a staff member's second factor (a lost phone) and ends their sessions, so they sign in
 * with the password and enrol again; an admin within scope, never for themselves. Audited.
 * Answers whether there was one (enrolled or begun).
 */
export async function resetTwoFactor(ctx: Ctx, id: string): Promise<{ hadTwoFactor: boolean }> {
  requireRole(ctx, 'admin');
  return withTransaction(ctx, async (tx) => {
    const row = await repo.findStaffRowForUpdate(tx, id);
    if (!row) throw notFound('工作人员');
    if (id === tx.actor.id) throw new AppError('RULE_VIOLATION', '不能重置自己的两步验证，请由其他管理员操作');
    const hadTwoFactor = await removeTwoFactor(tx.db, id);
    await endSessionsOf(tx.db, id);
    await writeAudit(tx, {
      action: 'two_factor_reset',
      entity: 'staff',
      entityId: id,
      regionCode: row.regionCode,
      after: { hadTwoFactor },
      reason: '会话已终止',
    });
    return { hadTwoFactor };
  });
}

/**
 * Adds `createdByName`, the staff member's name, to records that keep who entered them by login
 * (registration, certificate and filing histories): the 经办 column shows people, not logins. The
 * names are read across regions (a city officer's entry shown to a community clerk), names only.
 */
export async function withEntrantNames<T extends { createdBy: string }>(ctx: Ctx, rows: T[]): Promise<(T & { createdByName: string })[]> {
  const names = new Map(
    (await repo.namesByUsername(anywhereCtx(ctx), [...new Set(rows.map((r) => r.createdBy))])).map((r) => [r.username, r.name]),
  );
  return rows.map((r) => ({ ...r, createdByName: names.get(r.createdBy) ?? r.createdBy }));
}
