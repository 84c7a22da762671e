// A caseworker for each claimant (UI-4: claimants get guidance and referrals): the UI officer names
// the staff member who looks after a claimant while the claim is open; changes keep the history
// (the current assignment ends the day the next begins). The pattern of assistance's casework
// (caseworkService.ts), without importing it: staff are looked up through the staff module's index.
import crypto from 'node:crypto';
import { writeAudit } from '../../platform/audit.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { requireRole, withTransaction, type Ctx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import * as staffModule from '../staff/index.js';
import { inScope } from '../../../shared/region.js';
import * as casesRepo from './claimCaseworkerRepo.js';
import * as repo from './repo.js';
import { getClaim } from './service.js';

/** A 422 naming the staffId field. */
const refuse = (code: string, message: string) => new AppError('RULE_VIOLATION', message, [{ path: '/staffId', code, message }]);

/**
 * Names (or changes) the caseworker of a pending or active claim in scope (ui_officer): an active
 * staff member whose unit's region covers the claimant's region (422 naming /staffId otherwise).
 * The same caseworker again is a 409; an ended claim a 409. Audited, one transaction.
 */
export async function assignClaimCaseworker(ctx: Ctx, claimId: string, input: { staffId: string }) {
  requireRole(ctx, 'ui_officer');
  const today = shanghaiDateOf(ctx.now());
  return withTransaction(ctx, async (tx) => {
    const claim = await repo.findClaim(tx, claimId, true);
    if (!claim) throw notFound('失业保险金申领');
    if (claim.status !== 'pending' && claim.status !== 'active') throw new AppError('CONFLICT', '该申领已终结，不再指定经办人');
    const member = await staffModule.findStaffInScope(tx, input.staffId);
    if (!member) throw refuse('NOT_FOUND', '该工作人员不存在或不在您的管辖范围内');
    if (member.disabled) throw refuse('DISABLED', `${member.name} 的账号已停用，不能担任经办人`);
    if (!inScope(member.scope, claim.regionCode))
      throw refuse('OUT_OF_JURISDICTION', `申领人所在地（${claim.regionCode}）不在 ${member.name} 所在单位的管辖范围内`);
    const current = await casesRepo.currentCaseworker(tx, claim.id);
    if (current?.staffId === member.id)
      throw new AppError('CONFLICT', `${member.name} 已是该申领人的经办人`, [
        { path: '/staffId', code: 'ALREADY_ASSIGNED', message: '已是当前经办人' },
      ]);
    if (current) await casesRepo.endCaseworker(tx, current.id, today);
    const row: casesRepo.CaseworkerRow = {
      id: crypto.randomUUID(),
      claimId: claim.id,
      regionCode: claim.regionCode,
      staffId: member.id,
      staffName: member.name,
      assignedOn: today,
      endedOn: null,
      assignedBy: tx.actor.username,
      createdAt: tx.now(),
    };
    await casesRepo.insertCaseworker(tx, row);
    await casesRepo.setClaimCaseworker(tx, claim.id, member.id, member.name);
    await writeAudit(tx, {
      action: current ? 'reassign' : 'assign',
      entity: 'ui_claim_caseworker',
      entityId: claim.id,
      regionCode: claim.regionCode,
      before: current ? { caseworkerId: current.staffId, caseworkerName: current.staffName, assignedOn: current.assignedOn } : null,
      after: { caseworkerId: member.id, caseworkerName: member.name, assignedOn: today },
    });
    return getClaim(tx, claim.id);
  });
}

/** The caseworkers a claim in scope has had, the current one first. */
export async function caseworkersOfClaim(ctx: Ctx, claimId: string) {
  const claim = await getClaim(ctx, claimId);
  const rows = await casesRepo.caseworkersOf(ctx, claim.id);
  return {
    items: rows.map((r) => ({
      staffId: r.staffId,
      staffName: r.staffName,
      assignedOn: r.assignedOn,
      endedOn: r.endedOn,
      assignedBy: r.assignedBy,
    })),
  };
}
