// Public-welfare posts (公益性岗位, AID-4): a registry of posts with their places and term; placing
// a person registers their employment through the registration rules in the same transaction (so a
// zero-employment case resolves, by the form public_welfare_post); hard-to-employ persons come
// first (seed 000 §4: 公益性岗位优先安排就业困难对象), anyone else needs a recorded reason; a person's
// time on posts is capped by the parameter public_welfare_post.max_term; an exit registers the end
// of the employment; the month's list gives each placement's post and social-insurance subsidy.
import crypto from 'node:crypto';
import { writeAudit } from '../../platform/audit.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { anywhereCtx, assertWritableRegion, requireRole, withTransaction, type Ctx } from '../../platform/context.js';
import { AppError, notFound, validation } from '../../platform/errors.js';
import type { Paging } from '../../platform/http.js';
import { param, resolveParam, type ParamName } from '../../policy/service.js';
import { placementExitReasonNames, type PlacementExitReason, type WelfarePostType } from '../../../shared/labels.js';
import * as certificates from '../certificates/index.js';
import * as persons from '../persons/index.js';
import * as registrations from '../registrations/index.js';
import { assertRegionExists } from '../regions/index.js';
import * as repo from './postsRepo.js';
import { daysInMonth, monthBounds, placementEnd, proRata, daysBetween } from './postsRules.js';

const ruleViolation = (message: string, path: string) =>
  new AppError('RULE_VIOLATION', message, [{ path, code: 'RULE_VIOLATION', message }]);

export interface PostInput {
  name: string;
  sponsor: string;
  postType?: WelfarePostType | undefined;
  regionCode: string;
  places: number;
  startDate: string;
  endDate: string;
}

/** Registers a post of a sponsor in the caller's area. */
export async function createPost(ctx: Ctx, input: PostInput) {
  requireRole(ctx, 'clerk');
  assertWritableRegion(ctx, input.regionCode);
  await assertRegionExists(ctx, input.regionCode);
  if (input.endDate < input.startDate) throw validation('/endDate', 'BEFORE_START', '岗位期限的结束日期不能早于开始日期');
  return withTransaction(ctx, async (tx) => {
    const row = {
      id: crypto.randomUUID(),
      name: input.name,
      sponsor: input.sponsor,
      postType: input.postType ?? 'community_service',
      regionCode: input.regionCode,
      places: input.places,
      startDate: input.startDate,
      endDate: input.endDate,
      createdBy: tx.actor.username,
      createdAt: tx.now(),
    };
    await repo.insertPost(tx, row);
    await writeAudit(tx, { action: 'create', entity: 'public_welfare_post', entityId: row.id, regionCode: row.regionCode, after: row });
    return getPost(tx, row.id);
  });
}

/** A post in scope with its placements, current first. */
export async function getPost(ctx: Ctx, id: string) {
  const post = await repo.findPost(ctx, id);
  if (!post) throw notFound('公益性岗位');
  return { ...post, free: Math.max(0, post.places - post.occupied), placements: await repo.placementsOfPost(ctx, id) };
}

export function listPosts(ctx: Ctx, filter: repo.PostFilter, paging: Paging) {
  return repo.listPosts(ctx, filter, paging);
}

export interface PlacementInput {
  personId: string;
  startDate: string;
  /** Required when the person is in no priority group. */
  overrideReason?: string | undefined;
}

/**
 * Places a person in scope on a post in scope from a date: a free place, the post running then,
 * priority or a reason, the term limit, and an employment registration by the registration rules
 * (409 CONFLICT when the post is full; 422 RULE_VIOLATION otherwise).
 */
export async function placeOnPost(ctx: Ctx, postId: string, input: PlacementInput) {
  requireRole(ctx, 'clerk');
  const today = shanghaiDateOf(ctx.now());
  if (input.startDate > today) throw ruleViolation('上岗日期不能晚于今天：按实际上岗日期登记', '/startDate');
  return withTransaction(ctx, async (tx) => {
    const post = await repo.lockPost(tx, postId);
    if (!post) throw notFound('公益性岗位');
    const person = await persons.findPerson(tx, input.personId);
    if (!person) throw validation('/personId', 'NOT_FOUND', '该人员不存在或不在您的管辖范围内');
    if (input.startDate < post.startDate || input.startDate > post.endDate)
      throw ruleViolation(`上岗日期须在岗位期限 ${post.startDate} 至 ${post.endDate} 之内`, '/startDate');
    const occupied = await repo.occupiedPlaces(tx, postId);
    if (occupied >= post.places) throw new AppError('CONFLICT', `该岗位 ${post.places} 个名额已满，请先办理在岗人员退出或选择其他岗位`);
    // Priority: a hard-to-employ recognition in force on the start date (AID-1).
    const recognised = await persons.holdsActiveRecognition(tx, input.personId, input.startDate);
    if (!recognised && !input.overrideReason)
      throw ruleViolation(
        `${person.name} 未认定为就业困难人员；公益性岗位优先安排就业困难人员，如确需安置他人，请填写理由`,
        '/overrideReason',
      );
    const past = await repo.placementsOfPerson(anywhereCtx(tx), input.personId);
    const maxTerm = await param(tx.db, 'public_welfare_post.max_term', post.regionCode, input.startDate);
    const endDate = placementEnd(input.startDate, post.endDate, maxTerm, past);
    if (!endDate)
      throw ruleViolation(
        `${person.name} 在公益性岗位累计安置已满 ${maxTerm} 个月（参数 public_welfare_post.max_term），不能再安置`,
        '/personId',
      );
    // The placement is an employment: the registration rules decide whether it may be registered (not while employed, ...).
    const event = await registrations.appendRegistration(tx, input.personId, {
      type: 'employment',
      date: input.startDate,
      employerName: `${post.sponsor}（公益性岗位：${post.name}）`.slice(0, 100),
      employmentForm: 'public_welfare_post',
    });
    const row = {
      id: crypto.randomUUID(),
      postId,
      personId: input.personId,
      regionCode: post.regionCode,
      startDate: input.startDate,
      endDate,
      exitedOn: null,
      exitReason: null,
      priorityOverride: recognised ? null : (input.overrideReason ?? null),
      registrationEventId: event.id,
      createdBy: tx.actor.username,
      createdAt: tx.now(),
    };
    await repo.insertPlacement(tx, row);
    // A public-welfare post is a preferential policy the person enjoyed (AID-5): the certificates module records it.
    await certificates.recordPoliciesEnjoyed(tx, [
      {
        personId: person.id,
        regionCode: person.regionCode,
        policyType: 'placement.public_welfare_post',
        date: input.startDate,
        sourceType: 'public_welfare_placement',
        sourceId: row.id,
      },
    ]);
    await writeAudit(tx, {
      action: 'place',
      entity: 'public_welfare_post',
      entityId: postId,
      regionCode: post.regionCode,
      after: { placementId: row.id, personId: row.personId, startDate: row.startDate, endDate, recognised },
      ...(recognised ? {} : { reason: input.overrideReason }),
    });
    return (await repo.findPlacement(tx, row.id))!;
  });
}

/** Ends a placement on its last day with its reason, and registers the end of the employment. */
export async function exitPlacement(
  ctx: Ctx,
  placementId: string,
  input: { date: string; reason: PlacementExitReason; note?: string | undefined },
) {
  requireRole(ctx, 'clerk');
  const today = shanghaiDateOf(ctx.now());
  if (input.date > today) throw ruleViolation('退出日期不能晚于今天', '/date');
  return withTransaction(ctx, async (tx) => {
    const placement = await repo.findPlacementRow(tx, placementId, true);
    if (!placement) throw notFound('公益性岗位安置记录');
    if (placement.exitedOn) throw new AppError('CONFLICT', `该人员已于 ${placement.exitedOn} 退出此岗位`);
    if (input.date < placement.startDate) throw ruleViolation(`退出日期不能早于上岗日期 ${placement.startDate}`, '/date');
    await repo.recordExit(tx, placementId, input.date, input.reason);
    // The post's employment ends either way; a new job is registered by its own employment registration.
    await registrations.appendRegistration(tx, placement.personId, {
      type: 'employment_end',
      date: input.date,
      reason: `公益性岗位退出：${placementExitReasonNames[input.reason]}${input.note ? `，${input.note}` : ''}`.slice(0, 200),
    });
    await writeAudit(tx, {
      action: 'exit',
      entity: 'public_welfare_post',
      entityId: placement.postId,
      regionCode: placement.regionCode,
      before: { placementId, exitedOn: null },
      after: { placementId, exitedOn: input.date, exitReason: input.reason },
      ...(input.note ? { reason: input.note } : {}),
    });
    return (await repo.findPlacement(tx, placementId))!;
  });
}

/** A parameter's value, or null where the region has none set (the list says so instead of failing). */
async function optionalParam(ctx: Ctx, name: ParamName, regionCode: string, date: string): Promise<number | null> {
  try {
    return (await resolveParam(ctx.db, name, regionCode, date)).value;
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
    throw err;
  }
}

/**
 * The month's subsidy list of the posts in scope (AID-4): each placement that ran in the month with
 * its days, the post subsidy and the social-insurance subsidy (parameters subsidy.public_welfare_post.amount
 * and subsidy.social_insurance.amount of the post's region on the month's last day, per month,
 * shared by days for a part month; null where a region has not set them).
 */
export async function monthlySubsidyList(ctx: Ctx, month: string) {
  const { first, last } = monthBounds(month);
  const monthDays = daysBetween(first, last);
  const rows = await repo.placementsInMonth(ctx, first, last);
  const amounts = new Map<string, { post: number | null; insurance: number | null }>();
  for (const code of new Set(rows.map((r) => r.regionCode)))
    amounts.set(code, {
      post: await optionalParam(ctx, 'subsidy.public_welfare_post.amount', code, last),
      insurance: await optionalParam(ctx, 'subsidy.social_insurance.amount', code, last),
    });
  const items = rows
    .map((r) => ({ ...r, days: daysInMonth(r, month) }))
    .filter((r) => r.days > 0)
    .map((r) => {
      const rate = amounts.get(r.regionCode)!;
      return {
        ...r,
        postSubsidyFen: rate.post === null ? null : proRata(rate.post, r.days, monthDays),
        socialInsuranceSubsidyFen: rate.insurance === null ? null : proRata(rate.insurance, r.days, monthDays),
      };
    });
  const sum = (k: 'postSubsidyFen' | 'socialInsuranceSubsidyFen') => items.reduce((n, i) => n + (i[k] ?? 0), 0);
  return {
    month,
    items,
    total: { persons: items.length, postSubsidyFen: sum('postSubsidyFen'), socialInsuranceSubsidyFen: sum('socialInsuranceSubsidyFen') },
    unsetRegions: [...amounts.entries()].filter(([, a]) => a.post === null || a.insurance === null).map(([code]) => code),
  };
}
