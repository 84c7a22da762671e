// Referrals (JOB-5): a clerk or job officer sends a seeker to a published vacancy with a letter
// whose verification code the employer checks on the public site; the employer may answer there;
// staff record the outcome. A hire is registered as the person's employment through the
// registration rules (REG-3) in the same transaction, and fills one post of the vacancy.
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { referralOutcomeNames, type ReferralOutcome } from '../../../shared/labels.js';
import { referrals, units, vacancies } from '../../db/schema.js';
import { writeAudit } from '../../platform/audit.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { anywhereCtx, requireRole, withinScope, withTransaction, type Ctx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Paging } from '../../platform/http.js';
import type { ClientAttempts } from '../../platform/requestLimits.js';
import { param } from '../../policy/service.js';
import * as personRepo from '../persons/index.js';
import { appendRegistration } from '../registrations/index.js';
import { recordService } from '../services/index.js';
import { fillPost, publiclyVisible } from '../vacancies/index.js';
import * as repo from './repo.js';

/** Letters print the code; this alphabet has no 0/O, 1/I/L to misread over the phone. */
const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const codeLength = 10;

function verificationCode(): string {
  const bytes = crypto.randomBytes(codeLength);
  return [...bytes].map((b) => codeAlphabet[b % codeAlphabet.length]).join('');
}

const ruleViolation = (message: string, path: string) =>
  new AppError('RULE_VIOLATION', message, [{ path, code: 'RULE_VIOLATION', message }]);

/** Refers a person in scope to a published vacancy (of any district: the board is public). */
export async function createReferral(
  ctx: Ctx,
  input: {
    personId: string;
    vacancyId: string;
    date?: string | undefined;
    channel?: 'counter' | 'phone' | 'online' | 'home_visit' | undefined;
  },
) {
  requireRole(ctx, 'clerk', 'job_officer');
  const today = shanghaiDateOf(ctx.now());
  const date = input.date ?? today;
  if (date > today) throw ruleViolation('推荐日期不能晚于今天', '/date');
  return withTransaction(ctx, async (tx) => {
    const person = await personRepo.lockPerson(tx, input.personId);
    if (!person) throw notFound('人员');
    // The board is public: a published vacancy of any district, whatever the clerk's scope.
    const [vacancy] = await anywhereCtx(tx)
      .db.select()
      .from(vacancies)
      .where(and(eq(vacancies.id, input.vacancyId), publiclyVisible(today)));
    if (!vacancy) throw notFound('已发布的岗位');
    if (person.employmentStatus === 'employed' && !person.jobSeeking)
      throw ruleViolation('该人员已登记就业且未办理求职登记，不能推荐；如需换岗请先办理求职登记', '/personId');
    const now = tx.now();
    const row = {
      id: crypto.randomUUID(),
      personId: person.id,
      vacancyId: vacancy.id,
      employerId: vacancy.employerId,
      regionCode: person.regionCode,
      date,
      verificationCode: verificationCode(),
      staffId: tx.actor.id,
      staffName: tx.actor.name,
      unitId: tx.actor.unitId,
      createdAt: now,
      updatedAt: now,
    };
    const [earlier] = await tx.db
      .select({ id: referrals.id })
      .from(referrals)
      .where(and(eq(referrals.personId, person.id), eq(referrals.vacancyId, vacancy.id)));
    if (earlier) throw new AppError('CONFLICT', '已向该岗位推荐过此人，请在推荐记录中登记结果');
    await repo.insertReferral(tx, row);
    // Every referral is a service given (REG-8), counted for the staff member and the unit.
    await recordService(tx, person.id, {
      type: 'referral',
      channel: input.channel ?? 'counter',
      date,
      notes: `推荐至 ${vacancy.title}（介绍信 ${row.verificationCode}）`,
    });
    await writeAudit(tx, { action: 'create', entity: 'referral', entityId: row.id, regionCode: row.regionCode, after: row });
    return withLetter((await repo.findReferral(tx, row.id))!);
  });
}

/** Where the printable letter is (the web UI renders it from GET /referrals/{id}). */
const withLetter = <T extends { id: string }>(r: T) => ({ ...r, letterUrl: `/referrals/${r.id}/letter` });

/** Which outcomes may follow which: an interview may end in a hire or a rejection; the rest are final. */
const nextOutcomes: Record<string, ReferralOutcome[]> = {
  none: ['interviewed', 'hired', 'rejected', 'no_show'],
  interviewed: ['hired', 'rejected'],
};

/** Records the outcome of a referral in scope; a hire registers the person's employment. */
export async function recordOutcome(ctx: Ctx, id: string, input: { outcome: ReferralOutcome; date: string; note?: string | undefined }) {
  requireRole(ctx, 'clerk', 'job_officer');
  const today = shanghaiDateOf(ctx.now());
  if (input.date > today) throw ruleViolation('结果日期不能晚于今天', '/date');
  return withTransaction(ctx, async (tx) => {
    const row = await repo.findReferralRowForUpdate(tx, id);
    if (!row) throw notFound('推荐记录');
    const allowed = nextOutcomes[row.outcome ?? 'none'] ?? [];
    const named = (o: string) => referralOutcomeNames[o as ReferralOutcome] ?? o;
    if (!allowed.includes(input.outcome))
      throw new AppError(
        'CONFLICT',
        row.outcome
          ? `推荐结果已登记为“${named(row.outcome)}”，不能再改为“${named(input.outcome)}”；登记有误请联系上级机构更正`
          : '推荐结果不正确',
      );
    if (input.date < row.date) throw ruleViolation('结果日期不能早于推荐日期', '/date');
    let employmentEventId: string | null = null;
    if (input.outcome === 'hired') {
      await fillPost(tx, row.vacancyId);
      const view = (await repo.findReferral(tx, id))!;
      const event = await appendRegistration(tx, row.personId, {
        type: 'employment',
        date: input.date,
        employerName: view.employerName,
        employmentForm: 'employer',
        reason: `经${view.unitName ?? '公共就业服务机构'}推荐介绍录用（介绍信 ${row.verificationCode}）`,
      });
      employmentEventId = event.id;
    }
    const patch = {
      outcome: input.outcome,
      outcomeDate: input.date,
      outcomeNote: input.note ?? null,
      employmentEventId,
      updatedAt: tx.now(),
    };
    await repo.updateReferral(tx.db, id, patch);
    await writeAudit(tx, {
      action: 'outcome',
      entity: 'referral',
      entityId: id,
      regionCode: row.regionCode,
      before: { outcome: row.outcome },
      after: patch,
    });
    return withLetter((await repo.findReferral(tx, id))!);
  });
}

/** Referrals in scope. */
export async function listReferrals(ctx: Ctx, filter: repo.ReferralFilter, paging: Paging) {
  const page = await repo.listReferrals(ctx, filter, paging);
  return { ...page, items: page.items.map(withLetter) };
}

/** One referral in scope (the letter page reads this); NOT_FOUND outside it. */
export async function getReferral(ctx: Ctx, id: string) {
  const referral = await repo.findReferral(ctx, id);
  if (!referral) throw notFound('推荐记录');
  return withLetter(referral);
}

/** A letter code as printed and as typed are the same code: spaces around it and letter case do not count. */
export const letterCodeOf = (code: string) => code.trim().toUpperCase();

/**
 * The referral a letter's code names, for the public site. Codes that name nothing count against
 * the client address (the request limits' `letterMiss`), so the form cannot be used to walk the
 * code space.
 */
async function letterByCode(caller: Ctx, code: string, attempts: ClientAttempts) {
  // Letters of every district: the code printed on the letter is the authority.
  const ctx = anywhereCtx(caller);
  await attempts.assertAllowed();
  const r = await repo.findByCode(ctx.db, letterCodeOf(code));
  if (!r) {
    await attempts.noteMiss();
    throw new AppError('NOT_FOUND', '没有这个介绍信验证码，请核对介绍信上的验证码');
  }
  return r;
}

/** What an employer sees of a referral letter on the public site (the person's name masked). */
function letterView(r: NonNullable<Awaited<ReturnType<typeof repo.findByCode>>>) {
  return {
    verificationCode: r.verificationCode,
    date: r.date,
    personName: maskName(r.personName),
    vacancyTitle: r.vacancyTitle,
    employerName: r.employerName,
    unitName: r.unitName,
    outcome: r.outcome,
    employerFeedback: r.employerFeedback,
    employerFeedbackAt: r.employerFeedbackAt,
  };
}

/** An employer checks a referral letter by its code (public site; unknown codes limited per client address). */
export async function verifyLetter(ctx: Ctx, code: string, attempts: ClientAttempts) {
  return letterView(await letterByCode(ctx, code, attempts));
}

/** 张三 → 张*；欧阳小明 → 欧阳**: the employer sees whom the letter is for without the full name. */
export function maskName(name: string): string {
  const chars = [...name];
  const keep = chars.length >= 4 ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(Math.max(chars.length - keep, 1));
}

/**
 * The employer's answer on the public site, kept beside the referral for staff to confirm and
 * audited. It may be corrected until staff have recorded the outcome; after that it is refused,
 * so a public form never overwrites what staff confirmed.
 */
export async function employerFeedback(
  caller: Ctx,
  code: string,
  feedback: { outcome: ReferralOutcome; comment?: string | undefined },
  attempts: ClientAttempts,
) {
  const r = await letterByCode(caller, code, attempts);
  const ctx = anywhereCtx(caller);
  if (r.outcome)
    throw new AppError(
      'CONFLICT',
      `推荐结果已由经办人员于 ${r.outcomeDate ?? ''} 确认为“${referralOutcomeNames[r.outcome as ReferralOutcome]}”，如有出入请致电${r.unitName ?? '开具介绍信的服务机构'}`,
    );
  const text = `单位反馈：${referralOutcomeNames[feedback.outcome]}${feedback.comment?.trim() ? `；${feedback.comment.trim()}` : ''}`;
  await withTransaction(ctx, async (tx) => {
    const now = tx.now();
    await repo.updateReferral(tx.db, r.id, { employerFeedback: text, employerFeedbackAt: now, updatedAt: now });
    await writeAudit(tx, {
      action: 'employer_feedback',
      entity: 'referral',
      entityId: r.id,
      regionCode: r.regionCode,
      before: { employerFeedback: r.employerFeedback },
      after: { employerFeedback: text, source: attempts.source },
    });
  });
  return letterView({ ...r, employerFeedback: text, employerFeedbackAt: ctx.now() });
}

export interface ReferralRate {
  unitId: string;
  unitName: string;
  unitType: string;
  scope: string;
  seekers: number;
  referred: number;
  referrals: number;
  hired: number;
  /** Percent, one decimal; null when there is nothing to divide by. */
  referralRate: number | null;
  successRate: number | null;
  targetRate: number;
  targetSuccessRate: number;
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part * 1000) / whole) / 10 : null);

/**
 * Referral rate (seekers referred / persons seeking work at any time in the month) and success
 * rate (of those referred, persons a referral placed) per unit in scope for a month, beside the targets
 * (referral.target_rate, referral.target_success_rate; seed 002: 40% and 15%).
 */
export async function referralRates(ctx: Ctx, month: string, unitId?: string): Promise<ReferralRate[]> {
  requireRole(ctx, 'clerk', 'job_officer', 'leader', 'admin');
  const from = `${month}-01`;
  const to = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
  const conds = [withinScope(ctx, units.regionCode), eq(units.disabled, false)];
  if (unitId) conds.push(eq(units.id, unitId));
  const unitRows = await ctx.db
    .select({ id: units.id, name: units.name, type: units.type, scope: units.scope, regionCode: units.regionCode })
    .from(units)
    .where(and(...conds))
    .orderBy(units.regionCode, units.name);
  if (unitId && unitRows.length === 0) throw notFound('机构');
  const rates: ReferralRate[] = [];
  for (const u of unitRows) {
    const c = await repo.rateCounts(ctx.db, u.scope, from, to);
    rates.push({
      unitId: u.id,
      unitName: u.name,
      unitType: u.type,
      scope: u.scope,
      ...c,
      referralRate: percent(c.referred, c.seekers),
      successRate: percent(c.hired, c.referred),
      targetRate: await param(ctx.db, 'referral.target_rate', u.regionCode, to),
      targetSuccessRate: await param(ctx.db, 'referral.target_success_rate', u.regionCode, to),
    });
  }
  return rates;
}
