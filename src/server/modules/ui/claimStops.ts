// The stops of 《失业保险条例》第十五条 other than re-employment (UI-3): a stop by a UI officer with
// its reason and the event's own date, refusals of offered work or training counted up to the
// parameter `ui.refusals_to_stop`, and the automatic stop when the ledger moves the person out of
// the claim's city. A stop needs no second person (it pays nothing) but is audited.
import crypto from 'node:crypto';
import { writeAudit } from '../../platform/audit.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { requireRole, withTransaction, type Ctx } from '../../platform/context.js';
import { AppError, notFound, validation } from '../../platform/errors.js';
import type { DomainEvents } from '../../platform/events.js';
import { resolveParam } from '../../policy/service.js';
import { uiStopReasonArticles, uiStopReasonNames, uiStopReasons, type UiStopReason } from '../../../shared/labels.js';
import * as stopsRepo from './claimStopsRepo.js';
import * as repo from './repo.js';
import { getClaim } from './service.js';
import { staffNamesOf } from './staffNames.js';

const statute = '《失业保险条例》';

/** The clause of 条例第十五条 behind each reason (and 第二十二条 for leaving the pooling area). */
const clauseTexts: Record<UiStopReason, string> = {
  re_employed: '重新就业的',
  conscripted: '应征服兵役的',
  moved_away: '移居境外的；迁出统筹地区的，依第二十二条失业保险关系随之转迁，本地停止发放',
  pension_started: '享受基本养老保险待遇的',
  imprisoned: '被判刑收监执行的',
  refused_offers: '无正当理由，拒不接受当地人民政府指定的部门或者机构介绍的工作的',
  other: '有法律、行政法规规定的其他情形的',
};
export const stopClauses = Object.fromEntries(
  uiStopReasons.map((r) => [r, `${statute}${uiStopReasonArticles[r]}：${clauseTexts[r]}`]),
) as Record<UiStopReason, string>;

/** Reasons an officer states on a stop; the other two come from the ledger (re-employment) and the refusals. */
export const manualStopReasons = ['conscripted', 'moved_away', 'pension_started', 'imprisoned', 'other'] as const;

/** The city (统筹地区) of a region: its first four digits. */
const cityOf = (regionCode: string) => regionCode.slice(0, 4);

async function stop(ctx: Ctx, claim: repo.ClaimRow, date: string, reason: UiStopReason, detail: string) {
  await stopsRepo.stopClaimAs(ctx, claim.id, date, reason);
  await writeAudit(ctx, {
    action: 'stop',
    entity: 'ui_claim',
    entityId: claim.id,
    regionCode: claim.regionCode,
    before: { status: claim.status },
    after: { status: 'stopped', stoppedOn: date, stopReason: reason },
    reason: `${detail}（${stopClauses[reason]}）`,
  });
}

/** Checks that an event's date lies between the claim's separation and today. */
function checkEventDate(claim: repo.ClaimRow, date: string, today: string) {
  if (date > today) throw validation('/date', 'IN_FUTURE', '日期不能晚于今天');
  if (date < claim.separationDate) throw validation('/date', 'BEFORE_SEPARATION', `日期不能早于离职日期 ${claim.separationDate}`);
}

/** The claim under its row lock, pending or active (404 outside scope, 409 once it has ended). */
async function openClaim(ctx: Ctx, id: string) {
  const claim = await repo.findClaim(ctx, id, true);
  if (!claim) throw notFound('失业保险金申领');
  if (claim.status !== 'pending' && claim.status !== 'active')
    throw new AppError(
      'CONFLICT',
      `该申领已终结（${claim.status}${claim.stopReason ? `：${uiStopReasonNames[claim.stopReason]}` : ''}），不能再停发`,
    );
  return claim;
}

export interface StopInput {
  reason: UiStopReason;
  date: string;
  note?: string | undefined;
}

/**
 * Stops a pending or active claim from the event's own date (UI-3, 条例第十五条). Re-employment is
 * recorded as an employment registration and refused offers as refusals, so neither is a reason
 * here (400 naming the way); `other` names the law in its note.
 */
export async function stopClaimBy(ctx: Ctx, id: string, input: StopInput) {
  requireRole(ctx, 'ui_officer');
  if (input.reason === 're_employed')
    throw validation('/reason', 'USE_REGISTRATION', '重新就业请办理就业登记，申领随登记日期自动停发（条例第十五条第（一）项）');
  if (input.reason === 'refused_offers')
    throw validation('/reason', 'USE_REFUSALS', '拒不接受介绍的工作或培训请逐次登记，累计达到规定次数时自动停发（条例第十五条第（六）项）');
  const note = input.note?.trim() || null;
  if (input.reason === 'other' && !note) throw validation('/note', 'NOTE_REQUIRED', '其他情形须在备注中写明依据的法律、行政法规');
  const today = shanghaiDateOf(ctx.now());
  return withTransaction(ctx, async (tx) => {
    const claim = await openClaim(tx, id);
    checkEventDate(claim, input.date, today);
    await stop(tx, claim, input.date, input.reason, `${input.date} ${uiStopReasonNames[input.reason]}${note ? `：${note}` : ''}`);
    return getClaim(tx, id);
  });
}

export interface RefusalInput {
  date: string;
  offer: string;
  note?: string | undefined;
}

/** The refusal count that stops a claim of the region as of a date (`ui.refusals_to_stop`), with its source. */
async function refusalsToStop(ctx: Ctx, regionCode: string, date: string) {
  try {
    const p = await resolveParam(ctx.db, 'ui.refusals_to_stop', regionCode, date);
    return { value: p.value, source: p.source };
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND')
      throw new AppError('RULE_VIOLATION', `本地区未设定政策参数 ui.refusals_to_stop（${date}），无法判断是否停发，请管理员设置`, [
        { path: '/date', code: 'PARAMETER_NOT_SET', message: '未设定参数 ui.refusals_to_stop' },
      ]);
    throw err;
  }
}

/** Refusals as the API shows them, with the names of the officers who recorded them. */
async function refusalViews(ctx: Ctx, rows: stopsRepo.RefusalRow[]) {
  const nameOf = await staffNamesOf(
    ctx,
    rows.map((r) => r.recordedBy),
  );
  return rows.map((r) => ({
    id: r.id,
    claimId: r.claimId,
    date: r.date,
    offer: r.offer,
    note: r.note,
    recordedBy: r.recordedBy,
    recordedByName: nameOf(r.recordedBy)!,
    recordedAt: r.recordedAt,
  }));
}

/**
 * Records that the claimant refused offered work or training without good reason (条例第十五条第
 * （六）项); the refusal that brings the claim's count to `ui.refusals_to_stop` (as of its date, in
 * the claim's region) stops the claim as `refused_offers` on that date, in the same transaction.
 */
export async function recordRefusal(ctx: Ctx, id: string, input: RefusalInput) {
  requireRole(ctx, 'ui_officer');
  const today = shanghaiDateOf(ctx.now());
  return withTransaction(ctx, async (tx) => {
    const claim = await openClaim(tx, id);
    checkEventDate(claim, input.date, today);
    const threshold = await refusalsToStop(tx, claim.regionCode, input.date);
    const row = {
      id: crypto.randomUUID(),
      claimId: claim.id,
      regionCode: claim.regionCode,
      date: input.date,
      offer: input.offer.trim(),
      note: input.note?.trim() || null,
      recordedBy: tx.actor.username,
      recordedAt: tx.now(),
    };
    await stopsRepo.insertRefusal(tx, row);
    await writeAudit(tx, { action: 'create', entity: 'ui_claim_refusal', entityId: row.id, regionCode: row.regionCode, after: row });
    const refusals = await stopsRepo.countRefusals(tx, claim.id);
    const stopped = refusals >= threshold.value;
    if (stopped)
      await stop(
        tx,
        claim,
        input.date,
        'refused_offers',
        `${input.date} 第 ${refusals} 次无正当理由拒不接受介绍（${row.offer}），达到 ${threshold.value} 次`,
      );
    return {
      refusal: (await refusalViews(tx, [row]))[0]!,
      refusals,
      refusalsToStop: threshold.value,
      source: threshold.source,
      stopped,
      claim: await getClaim(tx, id),
    };
  });
}

/** The refusals recorded on a claim in scope, with the count that stops it as of today. */
export async function refusalsOfClaim(ctx: Ctx, id: string) {
  const claim = await getClaim(ctx, id);
  const items = await stopsRepo.refusalsOf(ctx, claim.id);
  const threshold = await refusalsToStop(ctx, claim.regionCode, shanghaiDateOf(ctx.now())).catch(() => null);
  return {
    items: await refusalViews(ctx, items),
    total: items.length,
    refusalsToStop: threshold?.value ?? null,
    source: threshold?.source ?? null,
  };
}

/**
 * Reaction to `person.region_changed`: a person moved to a region outside the city of a pending or
 * active claim has left its pooling area (迁出统筹地区), so the claim stops as `moved_away` on the
 * day of the change, in the same transaction; a move within the city changes nothing.
 */
export async function onPersonRegionChanged(ctx: Ctx, event: DomainEvents['person.region_changed']): Promise<void> {
  const open = await repo.openClaimsOf(ctx, event.personId);
  const today = shanghaiDateOf(ctx.now());
  for (const claim of open) {
    if (cityOf(event.to) === cityOf(claim.regionCode)) continue;
    await stop(ctx, claim, today, 'moved_away', `${today} 人员所在地由 ${event.from} 迁至 ${event.to}，迁出统筹地区`);
  }
}
