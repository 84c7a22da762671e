// Units of the four-level service network (NET-1): an admin creates and edits units only inside
// their own scope (NET-2).
import crypto from 'node:crypto';
import { regionLevel, scopeOf } from '../../../shared/region.js';
import type { UnitType } from '../../../shared/roles.js';
import { writeAudit } from '../../platform/audit.js';
import { assertWritableRegion, requireRole, withTransaction, type Ctx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Paging } from '../../platform/http.js';
import { assertRegionExists } from '../regions/index.js';
import * as repo from './repo.js';

export interface CreateUnitInput {
  name: string;
  regionCode: string;
  type: UnitType;
  address?: string | undefined;
  phone?: string | undefined;
}

/** Which region levels each unit type may sit at (1 province .. 5 community). */
const levelsOfType: Record<UnitType, number[]> = {
  labour_bureau: [1, 2, 3],
  employment_centre: [1, 2, 3],
  ui_office: [1, 2, 3],
  training_office: [1, 2, 3],
  street_office: [4],
  community_station: [5],
};

/** Creates a unit at a region inside the caller's scope. */
export async function createUnit(ctx: Ctx, input: CreateUnitInput) {
  requireRole(ctx, 'admin');
  const name = input.name.trim();
  assertWritableRegion(ctx, input.regionCode);
  await assertRegionExists(ctx, input.regionCode);
  if (!levelsOfType[input.type].includes(regionLevel(input.regionCode))) {
    const message =
      input.type === 'street_office'
        ? '街道劳动保障事务所应设在街道（乡镇）级区划'
        : input.type === 'community_station'
          ? '社区工作站应设在社区（村）级区划'
          : '该类机构应设在省、市或区县级区划';
    throw new AppError('VALIDATION_FAILED', message, [{ path: '/type', code: 'LEVEL_MISMATCH', message }]);
  }
  const scope = scopeOf(input.regionCode);
  return withTransaction(ctx, async (tx) => {
    if (await repo.findUnitByName(tx, scope, name)) {
      throw new AppError('CONFLICT', `本区划已有名为“${name}”的机构`, [
        { path: '/name', code: 'DUPLICATE', message: '同一区划下机构名称不能重复' },
      ]);
    }
    const id = crypto.randomUUID();
    const row = {
      id,
      name,
      type: input.type,
      regionCode: input.regionCode,
      scope,
      address: input.address ?? null,
      phone: input.phone ?? null,
      disabled: false,
      createdAt: tx.now(),
    };
    await repo.insertUnit(tx, row);
    await writeAudit(tx, { action: 'create', entity: 'unit', entityId: id, regionCode: input.regionCode, after: row });
    return (await repo.findUnit(tx, id))!;
  });
}

/** Units in the caller's scope, optionally under a narrower scope. */
export function listUnits(ctx: Ctx, filter: repo.UnitFilter, paging: Paging) {
  return repo.listUnits(ctx, filter, paging);
}

/** One unit in scope; NOT_FOUND outside it. */
export async function getUnit(ctx: Ctx, id: string) {
  const unit = await repo.findUnit(ctx, id);
  if (!unit) throw notFound('机构');
  return unit;
}

export interface UpdateUnitInput {
  name?: string | undefined;
  address?: string | null | undefined;
  phone?: string | null | undefined;
  disabled?: boolean | undefined;
}

/** Renames, re-addresses or disables a unit in scope. */
export async function updateUnit(ctx: Ctx, id: string, input: UpdateUnitInput) {
  requireRole(ctx, 'admin');
  return withTransaction(ctx, async (tx) => {
    const before = await getUnit(tx, id);
    const patch = { ...input, ...(input.name !== undefined ? { name: input.name.trim() } : {}) };
    if (patch.name && patch.name !== before.name && (await repo.findUnitByName(tx, before.scope, patch.name))) {
      throw new AppError('CONFLICT', `本区划已有名为“${patch.name}”的机构`, [
        { path: '/name', code: 'DUPLICATE', message: '同一区划下机构名称不能重复' },
      ]);
    }
    await repo.updateUnit(tx, id, patch);
    const after = await getUnit(tx, id);
    await writeAudit(tx, { action: 'update', entity: 'unit', entityId: id, regionCode: before.regionCode, before, after });
    return after;
  });
}
