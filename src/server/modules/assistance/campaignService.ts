// Campaigns (专项活动, AID-7): the 再就业援助月 of January (seed 003 §(四)), the graduates' service
// week of September (003 §(五)), the spring and autumn assistance weeks (seed 002 §(十)) and the
// like. A campaign is a plan: region, period, target groups and a number per indicator. Its results
// are counted from the records dated in the period whenever asked (campaignIndicators.ts), never
// typed, so a late entry dated in the period raises them and nothing else can.
import crypto from 'node:crypto';
import { writeAudit } from '../../platform/audit.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { assertWritableRegion, requireRole, withTransaction, type Ctx } from '../../platform/context.js';
import { notFound, validation } from '../../platform/errors.js';
import type { Paging } from '../../platform/http.js';
import { campaignIndicatorNames, campaignIndicators, type CampaignIndicator, type CampaignKind } from '../../../shared/campaigns.js';
import { scopeOf } from '../../../shared/region.js';
import { assertRegionExists } from '../regions/index.js';
import { countIndicators } from './campaignIndicators.js';
import * as repo from './campaignRepo.js';

/** Who plans campaigns: the clerks and job officers of the area (API.md roles); leaders and auditors read. */
const writeRoles = ['clerk', 'job_officer'] as const;
const readRoles = ['clerk', 'job_officer', 'leader', 'reviewer', 'admin', 'auditor'] as const;

export interface CampaignInput {
  name: string;
  kind: CampaignKind;
  regionCode: string;
  startDate: string;
  endDate: string;
  targetGroups: string[];
  targets: Partial<Record<CampaignIndicator, number>>;
  note?: string | null | undefined;
}

function statusOf(c: { startDate: string; endDate: string }, today: string): 'planned' | 'running' | 'ended' {
  return today < c.startDate ? 'planned' : today > c.endDate ? 'ended' : 'running';
}

const withStatus = <T extends { startDate: string; endDate: string; kind: string }>(ctx: Ctx, c: T) => ({
  ...c,
  kind: c.kind as CampaignKind,
  status: statusOf(c, shanghaiDateOf(ctx.now())),
});

function checkPeriod(startDate: string, endDate: string) {
  if (endDate < startDate) throw validation('/endDate', 'BEFORE_START', '活动结束日期不能早于开始日期');
}

/** Only the indicators of the catalogue, in its order (the schema already refuses others). */
const cleanTargets = (targets: Partial<Record<CampaignIndicator, number>>) =>
  Object.fromEntries(campaignIndicators.filter((code) => targets[code] !== undefined).map((code) => [code, targets[code]!]));

/** Plans a campaign in the caller's area. */
export async function createCampaign(ctx: Ctx, input: CampaignInput) {
  requireRole(ctx, ...writeRoles);
  assertWritableRegion(ctx, input.regionCode);
  await assertRegionExists(ctx, input.regionCode);
  checkPeriod(input.startDate, input.endDate);
  return withTransaction(ctx, async (tx) => {
    const now = tx.now();
    const row = {
      id: crypto.randomUUID(),
      name: input.name,
      kind: input.kind,
      regionCode: input.regionCode,
      startDate: input.startDate,
      endDate: input.endDate,
      targetGroups: [...new Set(input.targetGroups)],
      targets: cleanTargets(input.targets),
      note: input.note ?? null,
      createdBy: tx.actor.username,
      createdAt: now,
      updatedAt: now,
    };
    await repo.insertCampaign(tx, row);
    await writeAudit(tx, { action: 'create', entity: 'campaign', entityId: row.id, regionCode: row.regionCode, after: row });
    return getCampaign(tx, row.id);
  });
}

/** Changes a campaign's plan (name, period, groups, targets); its results follow from the records. */
export async function updateCampaign(ctx: Ctx, id: string, patch: Partial<CampaignInput>) {
  requireRole(ctx, ...writeRoles);
  return withTransaction(ctx, async (tx) => {
    const before = await repo.lockCampaign(tx, id);
    if (!before) throw notFound('专项活动');
    if (patch.regionCode !== undefined && patch.regionCode !== before.regionCode) {
      assertWritableRegion(tx, patch.regionCode);
      await assertRegionExists(tx, patch.regionCode);
    }
    checkPeriod(patch.startDate ?? before.startDate, patch.endDate ?? before.endDate);
    const change = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.regionCode !== undefined ? { regionCode: patch.regionCode } : {}),
      ...(patch.startDate !== undefined ? { startDate: patch.startDate } : {}),
      ...(patch.endDate !== undefined ? { endDate: patch.endDate } : {}),
      ...(patch.targetGroups !== undefined ? { targetGroups: [...new Set(patch.targetGroups)] } : {}),
      ...(patch.targets !== undefined ? { targets: cleanTargets(patch.targets) } : {}),
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      updatedAt: tx.now(),
    };
    await repo.updateCampaign(tx, id, change);
    await writeAudit(tx, {
      action: 'update',
      entity: 'campaign',
      entityId: id,
      regionCode: change.regionCode ?? before.regionCode,
      before,
      after: change,
    });
    return getCampaign(tx, id);
  });
}

/** A campaign in scope. */
export async function getCampaign(ctx: Ctx, id: string) {
  requireRole(ctx, ...readRoles);
  const row = await repo.findCampaign(ctx, id);
  if (!row) throw notFound('专项活动');
  return withStatus(ctx, row);
}

export async function listCampaigns(ctx: Ctx, filter: repo.CampaignFilter, paging: Paging) {
  requireRole(ctx, ...readRoles);
  const { items, total } = await repo.listCampaigns(ctx, filter, paging);
  return { items: items.map((c) => withStatus(ctx, c)), total };
}

/** The campaign's results: per indicator the target, the count from the records dated in the period, and the share reached. */
export async function campaignResults(ctx: Ctx, id: string) {
  const campaign = await getCampaign(ctx, id);
  const counts = await countIndicators(ctx, {
    prefix: scopeOf(campaign.regionCode),
    startDate: campaign.startDate,
    endDate: campaign.endDate,
    targetGroups: campaign.targetGroups,
  });
  const targets = campaign.targets as Partial<Record<CampaignIndicator, number>>;
  const results = campaignIndicators.map((indicator) => {
    const target = targets[indicator] ?? null;
    const actual = counts[indicator];
    return {
      indicator,
      name: campaignIndicatorNames[indicator],
      target,
      actual,
      share: target ? Math.round((actual / target) * 1000) / 1000 : null,
    };
  });
  return { campaign, countedOn: shanghaiDateOf(ctx.now()), results };
}
