// Recognition of hard-to-employ persons (就业困难人员认定, AID-1). The categories are rules over
// ledger facts (categories.ts); a reviewer recognises a person in a category with the evidence
// seen, or over a rule not met with a written reason, audited. Recognitions are never deleted:
// a reviewer revokes one with a reason, and the facts ending revoke it through the domain events
// of their cause, in its transaction (an employment or the end of the unemployment registration;
// a household no longer zero-employment, a member leaving it). Each change refreshes the person's
// match profile, whose priority reads active recognitions.
import crypto from 'node:crypto';
import { noteAccess } from '../../platform/accessLog.js';
import { writeAudit } from '../../platform/audit.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { anywhereCtx, requireRole, withTransaction, type Ctx } from '../../platform/context.js';
import { AppError, notFound, validation } from '../../platform/errors.js';
import type { DomainEvents } from '../../platform/events.js';
import type { Paging } from '../../platform/http.js';
import type { ScheduledJob } from '../../platform/scheduler.js';
import { resolveParam } from '../../policy/service.js';
import * as persons from '../persons/index.js';
import { statusAsOf } from '../registrations/index.js';
import { categories, categoryOf, categoryParamNames, type CategoryCode, type CategoryParams, type PersonFacts } from './categories.js';
import * as repo from './repo.js';

/** Roles that see the recognitions overview. */
const overviewRoles = ['reviewer', 'clerk', 'leader', 'admin', 'auditor'] as const;

const entity = 'hard_to_employ_recognition';

/** The parameters every category reads, in force for the region on the date, each with its source. */
async function paramsFor(ctx: Ctx, regionCode: string, date: string): Promise<CategoryParams> {
  const out: CategoryParams = {};
  for (const name of categoryParamNames) {
    const p = await resolveParam(ctx.db, name, regionCode, date);
    out[name] = { value: p.value, source: p.source };
  }
  return out;
}

/** The ledger fields a rule reads (the person's full row or its display columns). */
interface LedgerFacts {
  id: string;
  regionCode: string;
  sex: string;
  birthDate: string;
  graduationYear: number | null;
  disability: string | null;
  categories: string[];
}

/** The facts the rules read about a person as of a date: status replayed from the registrations, the household's state. */
async function factsOf(ctx: Ctx, person: LedgerFacts, date: string) {
  const status = await statusAsOf(anywhereCtx(ctx), person.id, date);
  const household = await repo.householdOf(ctx, person.id);
  const since =
    household?.zeroEmployment && household.zeroEmploymentSince && household.zeroEmploymentSince <= date
      ? household.zeroEmploymentSince
      : null;
  const facts: PersonFacts = {
    sex: person.sex === 'F' ? 'F' : 'M',
    birthDate: person.birthDate,
    employmentStatus: status.employmentStatus,
    statusSince: status.statusSince,
    graduationYear: person.graduationYear,
    disability: person.disability,
    categories: person.categories,
    zeroEmploymentSince: since,
  };
  return facts;
}

/** Every category's rule for a person as of a date. */
async function assess(ctx: Ctx, person: LedgerFacts, date: string) {
  const facts = await factsOf(ctx, person, date);
  const params = await paramsFor(ctx, person.regionCode, date);
  return categories.map((c) => ({ definition: c, outcome: c.check(facts, date, params) }));
}

const publicRecognition = (row: repo.RecognitionRow, today: string) => ({
  id: row.id,
  personId: row.personId,
  category: row.category,
  recognisedOn: row.recognisedOn,
  validUntil: row.validUntil,
  evidence: row.evidence,
  overrideReason: row.overrideReason,
  recognisedByName: row.recognisedByName,
  revokedOn: row.revokedOn,
  revokedReason: row.revokedReason,
  status: (row.revokedOn ? 'revoked' : row.validUntil !== null && row.validUntil < today ? 'expired' : 'active') as repo.RecognitionStatus,
  createdAt: row.createdAt,
});

/**
 * A person's categories (`GET /persons/{id}/categories`): the rules met today and not yet
 * recognised (`proposed`), the active recognitions (`recognised`), and, beside the contract, every
 * rule's assessment and the ended recognitions (`history`).
 */
export async function categoriesOfPerson(ctx: Ctx, personId: string) {
  const person = await persons.findPerson(ctx, personId);
  if (!person) throw notFound('人员');
  noteAccess(ctx, [{ personId, regionCode: person.regionCode, action: 'view' }]);
  const today = shanghaiDateOf(ctx.now());
  const all = (await repo.recognitionsOf(ctx, personId)).map((row) => publicRecognition(row, today));
  const active = all.filter((a) => a.status === 'active');
  const assessed = await assess(ctx, person, today);
  return {
    proposed: assessed
      .filter((a) => a.outcome.met && !active.some((r) => r.category === a.definition.code))
      .map((a) => ({ category: a.definition.code, reasons: a.outcome.reasons })),
    recognised: active,
    history: all.filter((a) => a.status !== 'active'),
    assessed: assessed.map((a) => ({
      category: a.definition.code,
      name: a.definition.name,
      basis: a.definition.basis,
      source: a.definition.source,
      met: a.outcome.met,
      reasons: a.outcome.reasons,
    })),
  };
}

export interface RecogniseInput {
  category: CategoryCode;
  evidence: string;
  validUntil?: string | undefined;
  overrideReason?: string | undefined;
  /** A late entry: the day the recognition was decided; the rule is applied as of that day. */
  recognisedOn?: string | undefined;
}

/**
 * Recognises a person in scope in a category (reviewer). The rule is applied as of the recognition's
 * date; when not met, an `overrideReason` is required (422 RULE_VIOLATION without one) and audited.
 * One active recognition per person and category (409 CONFLICT).
 */
export async function recognise(ctx: Ctx, personId: string, input: RecogniseInput) {
  requireRole(ctx, 'reviewer');
  const today = shanghaiDateOf(ctx.now());
  const recognisedOn = input.recognisedOn ?? today;
  if (recognisedOn > today) throw validation('/recognisedOn', 'IN_THE_FUTURE', '认定日期不能晚于今天');
  if (input.validUntil && input.validUntil < recognisedOn)
    throw validation('/validUntil', 'BEFORE_RECOGNISED_ON', '有效期至不能早于认定日期');
  if (input.validUntil && input.validUntil < today) throw validation('/validUntil', 'IN_THE_PAST', '有效期已过，无需认定');
  // The schema's Name type already asks for two visible characters.
  const overrideReason = input.overrideReason?.trim() || null;
  const definition = categoryOf(input.category);
  return withTransaction(ctx, async (tx) => {
    const person = await persons.lockPerson(tx, personId);
    if (!person) throw notFound('人员');
    const params = await paramsFor(tx, person.regionCode, recognisedOn);
    const outcome = definition.check(await factsOf(tx, person, recognisedOn), recognisedOn, params);
    if (!outcome.met && !overrideReason) {
      const detail = `${person.name} 于 ${recognisedOn} 不符合${definition.name}的认定条件：${outcome.failed
        .map((r) => r.detail)
        .join('；')}。如经核实确需认定，请填写破格认定理由`;
      throw new AppError('RULE_VIOLATION', detail, [{ path: '/category', code: 'RULE_NOT_MET', message: detail }], {
        reasons: outcome.reasons,
      });
    }
    const existing = (await repo.recognitionsOf(tx, personId)).find((row) => row.category === input.category && row.revokedOn === null);
    if (existing?.validUntil && existing.validUntil < today) {
      // Past its validity: closed as such, so the new recognition is the one active.
      const closed = {
        revokedOn: existing.validUntil,
        revokedReason: '有效期届满，重新认定',
        revokedBy: tx.actor.username,
        revokedAt: tx.now(),
      };
      await repo.markRevoked(tx, existing.id, closed);
      await writeAudit(tx, {
        action: 'revoke',
        entity,
        entityId: existing.id,
        regionCode: existing.regionCode,
        before: existing,
        after: closed,
      });
    } else if (existing)
      throw new AppError('CONFLICT', `${person.name} 已认定为${definition.name}（${existing.recognisedOn} 起），如需重新认定请先撤销`, [
        { path: '/category', code: 'ALREADY_RECOGNISED', message: '已有有效认定' },
      ]);
    const row = {
      id: crypto.randomUUID(),
      personId,
      regionCode: person.regionCode,
      category: input.category,
      recognisedOn,
      validUntil: input.validUntil ?? null,
      evidence: input.evidence.trim(),
      overrideReason,
      recognisedBy: tx.actor.username,
      recognisedByName: tx.actor.name,
      unitId: tx.actor.unitId,
      createdAt: tx.now(),
    };
    await repo.insertRecognition(tx, row);
    await writeAudit(tx, {
      action: overrideReason ? 'recognise_override' : 'recognise',
      entity,
      entityId: row.id,
      regionCode: person.regionCode,
      after: { ...row, ruleMet: outcome.met, reasons: outcome.reasons },
      reason: overrideReason,
    });
    // A late entry whose facts have ended since (the unemployment registration closed) is kept as
    // history, revoked from that day, as the registration would have revoked it.
    let ended: { revokedOn: string; revokedReason: string; revokedBy: string; revokedAt: Date } | null = null;
    if (recognisedOn < today && definition.endsWithUnemployment) {
      const now = await statusAsOf(anywhereCtx(tx), personId, today);
      if (now.employmentStatus !== 'unemployed') {
        const since = now.statusSince && now.statusSince > recognisedOn ? now.statusSince : recognisedOn;
        ended = {
          revokedOn: since,
          revokedReason: `补录：${since} 起不再登记失业，认定条件不再成立`,
          revokedBy: tx.actor.username,
          revokedAt: tx.now(),
        };
        await repo.markRevoked(tx, row.id, ended);
        await writeAudit(tx, {
          action: 'revoke',
          entity,
          entityId: row.id,
          regionCode: person.regionCode,
          after: ended,
          reason: ended.revokedReason,
        });
      }
    }
    await persons.refreshMatchProfile(tx, personId);
    return publicRecognition({ ...row, revokedOn: null, revokedReason: null, revokedBy: null, revokedAt: null, ...ended }, today);
  });
}

/** Revokes an active recognition in scope (reviewer), with the reason; kept in the history. */
export async function revokeRecognition(ctx: Ctx, id: string, reason: string) {
  requireRole(ctx, 'reviewer');
  reason = reason.trim();
  return withTransaction(ctx, async (tx) => {
    const row = await repo.findRecognitionForUpdate(tx, id);
    if (!row) throw notFound('认定记录');
    if (row.revokedOn) throw new AppError('CONFLICT', `该认定已于 ${row.revokedOn} 撤销`);
    const today = shanghaiDateOf(tx.now());
    const revoked = {
      revokedOn: today < row.recognisedOn ? row.recognisedOn : today,
      revokedReason: reason,
      revokedBy: tx.actor.username,
      revokedAt: tx.now(),
    };
    await repo.markRevoked(tx, id, revoked);
    await writeAudit(tx, { action: 'revoke', entity, entityId: id, regionCode: row.regionCode, before: row, after: revoked, reason });
    await persons.refreshMatchProfile(tx, row.personId);
    return publicRecognition({ ...row, ...revoked }, today);
  });
}

/** Recognitions in scope for the unit's overview (paged, exportable). */
export function listRecognitions(
  ctx: Ctx,
  filter: { category?: string | undefined; regionCode?: string | undefined; status?: repo.RecognitionStatus | undefined },
  paging: Paging,
) {
  requireRole(ctx, ...overviewRoles);
  return repo.listRecognitions(ctx, { ...filter, today: shanghaiDateOf(ctx.now()) }, paging);
}

/** Revokes recognitions whose facts ended, each audited, and refreshes the persons' match profiles. */
async function revokeEnded(ctx: Ctx, ended: { row: repo.RecognitionRow; reason: string; date: string }[]): Promise<void> {
  for (const { row, reason, date } of ended) {
    const revoked = {
      revokedOn: date < row.recognisedOn ? row.recognisedOn : date,
      revokedReason: reason,
      revokedBy: ctx.actor.username,
      revokedAt: ctx.now(),
    };
    await repo.markRevoked(ctx, row.id, revoked);
    await writeAudit(ctx, { action: 'revoke', entity, entityId: row.id, regionCode: row.regionCode, before: row, after: revoked, reason });
  }
  for (const personId of new Set(ended.map((e) => e.row.personId))) await persons.refreshMatchProfile(ctx, personId);
}

/**
 * Reaction to `registration.appended` (in the registration's transaction): an employment, or the
 * end of the unemployment registration, ends the categories resting on registered unemployment,
 * revoked from the registration's own date.
 */
export async function onRegistrationAppended(ctx: Ctx, event: DomainEvents['registration.appended']): Promise<void> {
  if (event.type !== 'employment' && event.type !== 'unemployment_end') return;
  const why = event.type === 'employment' ? `登记就业（${event.date}）` : `失业登记终止（${event.date}）`;
  const rows = await repo.unrevokedOf(ctx, [event.personId]);
  await revokeEnded(
    ctx,
    rows
      .filter((row) => categories.find((c) => c.code === row.category)?.endsWithUnemployment)
      .map((row) => ({ row, reason: `${why}，认定条件不再成立`, date: event.date })),
  );
}

/** Reaction to `household.zero_employment_ended`: every member's zero-employment recognition ends. */
export async function onZeroEmploymentEnded(ctx: Ctx, event: DomainEvents['household.zero_employment_ended']): Promise<void> {
  const rows = await repo.unrevokedOf(ctx, event.personIds);
  await revokeEnded(
    ctx,
    rows
      .filter((row) => row.category === 'zero_employment_household')
      .map((row) => ({ row, reason: `所在家庭自 ${event.date} 起不再是零就业家庭`, date: event.date })),
  );
}

/** Reaction to `household.member_removed`: the person's zero-employment recognition rested on the membership. */
export async function onHouseholdMemberRemoved(ctx: Ctx, event: DomainEvents['household.member_removed']): Promise<void> {
  const rows = await repo.unrevokedOf(ctx, [event.personId]);
  await revokeEnded(
    ctx,
    rows
      .filter((row) => row.category === 'zero_employment_household')
      .map((row) => ({ row, reason: `${event.date} 移出原零就业家庭`, date: event.date })),
  );
}

/**
 * Reaction to `person.region_changed`: the recognitions (and their history) follow the person to
 * the new region, so the office now keeping the file sees them; audited.
 */
export async function onPersonRegionChanged(ctx: Ctx, event: DomainEvents['person.region_changed']): Promise<void> {
  if ((await repo.recognitionsOf(anywhereCtx(ctx), event.personId)).length === 0) return;
  await repo.moveRecognitions(ctx, event.personId, event.to);
  await writeAudit(ctx, {
    action: 'move',
    entity,
    entityId: event.personId,
    regionCode: event.to,
    before: { regionCode: event.from },
    after: { regionCode: event.to },
  });
}

/** When the nightly job runs (Beijing time): just after midnight, when yesterday's last valid day has passed. */
export const recognitionExpiryCron = '20 0 * * *';

/**
 * The nightly job `assistance.expire`: a recognition past its `validUntil` changes no row (its
 * status is computed), but matching's priority is stored in the seeker's profile, so the profiles
 * of persons whose last active recognition has lapsed are refreshed. Idempotent.
 */
export function recognitionExpiryJob(pattern = recognitionExpiryCron): ScheduledJob {
  return {
    name: 'assistance.expire',
    pattern,
    run: async (ctx, now) => {
      const today = shanghaiDateOf(now);
      const stale = await repo.staleProfilePriority(ctx, today);
      for (const personId of stale) await persons.refreshMatchProfile(ctx, personId);
      return { summary: `就业困难人员认定有效期届满，${stale.length} 人的人岗匹配优先标记已取消` };
    },
  };
}
