// Vacancies (JOB-2, JOB-3): registered by job officers (or employers online), screened for
// discrimination before anyone reviews them, published only after a reviewer approves. A change to
// a vacancy's text screens it again and sends it back for review. A published vacancy past its
// valid-until date leaves the board at once (publiclyVisible compares the date) and reads as
// expired; the nightly job vacancies.expire then stores it as expired, so the indexes on published
// vacancies hold live posts only. An expired post goes back on the board only as a new publication:
// a new valid-until date, screening and review again.
import crypto from 'node:crypto';
import type { VacancyHours, VacancySource } from '../../../shared/labels.js';
import { writeAudit } from '../../platform/audit.js';
import { addDays, shanghaiDateOf } from '../../platform/clock.js';
import { anywhereCtx, assertWritableRegion, type Ctx, ownRecordCtx, requireRole, withTransaction } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Paging } from '../../platform/http.js';
import type { ScheduledJob } from '../../platform/scheduler.js';
import { param } from '../../policy/service.js';
import * as employerRepo from '../employers/index.js';
import { findFair } from '../fairs/index.js';
import { matchKeysOf } from '../../../shared/matchKeys.js';
import { assertRegionExists } from '../regions/index.js';
import * as repo from './repo.js';
import { screenVacancyText, type ScreenedField, type VacancyScreening } from './screening.js';
import { searchQuery, searchTokens } from './searchText.js';

export interface VacancyInput {
  employerId: string;
  title: string;
  occupation?: string | null | undefined;
  headcount: number;
  wageMin: number;
  wageMax: number;
  education?: string | null | undefined;
  skills?: string[] | undefined;
  hours?: VacancyHours | undefined;
  regionCode: string;
  address?: string | null | undefined;
  description: string;
  validUntil: string;
  source?: VacancySource | undefined;
  fairId?: string | null | undefined;
  surveyId?: string | null | undefined;
}

/** The texts that are screened, each flag saying which field it is in. */
const screenedFields: readonly ScreenedField[] = ['title', 'description', 'skills'];

/** Screens a vacancy's title, description and skills (JOB-3). */
export function screenVacancy(v: { title: string; description: string; skills: string[] }): VacancyScreening {
  const texts: Record<ScreenedField, string> = { title: v.title, description: v.description, skills: v.skills.join('、') };
  return { flags: screenedFields.flatMap((field) => screenVacancyText(texts[field]).map((f) => ({ ...f, field }))) };
}

const invalid = (path: string, code: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ path, code, message }]);

/** Checks the figures of a vacancy against each other, today and the validity parameter. */
async function checkFigures(ctx: Ctx, v: { wageMin: number; wageMax: number; validUntil: string; regionCode: string }, today: string) {
  if (v.wageMin > v.wageMax) throw invalid('/wageMax', 'BELOW_MINIMUM', '工资上限不能低于工资下限');
  if (v.validUntil < today) throw invalid('/validUntil', 'IN_THE_PAST', '有效期不能早于今天');
  const maxDays = await param(ctx.db, 'vacancy.max_validity', v.regionCode, today);
  const last = addDays(today, maxDays);
  if (v.validUntil > last) throw invalid('/validUntil', 'TOO_LONG', `岗位信息最长有效 ${maxDays} 天（至 ${last}），到期后请重新发布`);
}

/** Derived columns: what matching and search look a vacancy up by. */
function derived(v: { occupation: string | null; skills: string[]; title: string; description: string }, employerName: string) {
  return {
    matchKeys: matchKeysOf([v.occupation], v.skills),
    tokens: searchTokens(v.title, v.description, v.skills.join(' '), employerName),
  };
}

/** Registers a vacancy of an employer; it waits for review with its screening flags. */
export async function createVacancy(ctx: Ctx, input: VacancyInput, source: VacancySource = input.source ?? 'counter') {
  requireRole(ctx, 'job_officer');
  return insertVacancy(ctx, input, source, (tx) => employerRepo.findEmployer(tx, input.employerId));
}

/**
 * An employer's own posting from its public account (JOB-7): screened and queued for review like
 * any other. The accounts module has checked the account is bound to `employerId`; the posting may
 * name only its own place of work.
 */
export async function postVacancyAsEmployer(ctx: Ctx, employerId: string, input: Omit<VacancyInput, 'employerId' | 'source'>) {
  return insertVacancy(ownRecordCtx(ctx, input.regionCode), { ...input, employerId }, 'employer', (tx) =>
    employerRepo.findOwnEmployer(tx, employerId),
  );
}

/** An employer's own vacancies in every state, for its public account (JOB-7). */
export async function vacanciesOfOwnEmployer(ctx: Ctx, employerId: string) {
  const today = shanghaiDateOf(ctx.now());
  return (await repo.listVacancies(anywhereCtx(ctx), { today, employerId }, { limit: 200, offset: 0 })).items;
}

async function insertVacancy(
  ctx: Ctx,
  input: VacancyInput,
  source: VacancySource,
  employerOf: (tx: Ctx) => Promise<{ id: string; name: string } | undefined>,
) {
  const today = shanghaiDateOf(ctx.now());
  assertWritableRegion(ctx, input.regionCode);
  await assertRegionExists(ctx, input.regionCode);
  await checkFigures(ctx, input, today);
  return withTransaction(ctx, async (tx) => {
    const employer = await employerOf(tx);
    if (!employer) throw notFound('用人单位');
    if (input.fairId && !(await findFair(tx, input.fairId))) throw notFound('招聘会');
    const now = tx.now();
    const fields = {
      title: input.title.trim(),
      occupation: input.occupation ?? null,
      skills: (input.skills ?? []).map((s) => s.trim()).filter(Boolean),
      description: input.description.trim(),
    };
    const { matchKeys, tokens } = derived(fields, employer.name);
    const row = {
      id: crypto.randomUUID(),
      employerId: employer.id,
      ...fields,
      headcount: input.headcount,
      filled: 0,
      wageMin: input.wageMin,
      wageMax: input.wageMax,
      education: input.education ?? null,
      hours: input.hours ?? 'full_time',
      regionCode: input.regionCode,
      address: input.address ?? null,
      validUntil: input.validUntil,
      source,
      status: 'pending_review',
      screening: screenVacancy(fields),
      fairId: input.fairId ?? null,
      surveyId: input.surveyId ?? null,
      matchKeys,
      unitId: tx.actor.unitId,
      createdBy: tx.actor.username,
      createdAt: now,
      updatedAt: now,
    };
    await repo.insertVacancy(tx, row, tokens);
    await writeAudit(tx, { action: 'create', entity: 'vacancy', entityId: row.id, regionCode: row.regionCode, after: row });
    return (await repo.findVacancy(tx, row.id, today))!;
  });
}

export type VacancyPatch = Partial<Omit<VacancyInput, 'employerId' | 'source' | 'surveyId'>>;

/** Edits a vacancy; new text is screened again and the vacancy goes back to review. */
export async function updateVacancy(ctx: Ctx, id: string, patch: VacancyPatch) {
  requireRole(ctx, 'job_officer', 'reviewer');
  const today = shanghaiDateOf(ctx.now());
  return withTransaction(ctx, async (tx) => {
    const row = await repo.findVacancyRowForUpdate(tx, id);
    if (!row) throw notFound('岗位');
    if (row.status === 'closed') throw new AppError('CONFLICT', '岗位已关闭，不能修改；如需招聘请重新登记岗位');
    const expired = row.status === 'expired' || (row.status === 'published' && row.validUntil < today);
    if (expired && (patch.validUntil ?? row.validUntil) < today)
      throw invalid('/validUntil', 'IN_THE_PAST', `岗位已于 ${row.validUntil} 到期；请把有效期延至今天以后，修改后须重新审核才会发布`);
    if (patch.regionCode && patch.regionCode !== row.regionCode) {
      assertWritableRegion(tx, patch.regionCode);
      await assertRegionExists(tx, patch.regionCode);
    }
    if (patch.fairId && patch.fairId !== row.fairId && !(await findFair(tx, patch.fairId))) throw notFound('招聘会');
    const before = (await repo.findVacancy(tx, id, today))!;
    const next = { ...row, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as typeof row;
    next.title = next.title.trim();
    next.description = next.description.trim();
    next.skills = next.skills.map((s) => s.trim()).filter(Boolean);
    if (next.headcount < row.filled) throw invalid('/headcount', 'BELOW_FILLED', `已录用 ${row.filled} 人，招聘人数不能少于已录用人数`);
    await checkFigures(tx, next, today);
    const employerName = before.employerName;
    const changed = (Object.keys(patch) as (keyof VacancyPatch)[]).some(
      (k) => patch[k] !== undefined && JSON.stringify(next[k as keyof typeof next]) !== JSON.stringify(row[k as keyof typeof row]),
    );
    // Saving without a change must not take a published vacancy off the board.
    if (!changed) return before;
    const { matchKeys, tokens } = derived(next, employerName);
    const screening = screenVacancy(next);
    const { id: _id, search: _search, ...columns } = next;
    await repo.updateVacancy(
      tx,
      id,
      { ...columns, matchKeys, screening, status: 'pending_review', publishedAt: null, updatedAt: tx.now() },
      tokens,
    );
    const after = (await repo.findVacancy(tx, id, today))!;
    await writeAudit(tx, { action: 'update', entity: 'vacancy', entityId: id, regionCode: row.regionCode, before, after });
    return after;
  });
}

/** A reviewer's decision (JOB-3): approve publishes, reject returns it with the comment. */
export async function reviewVacancy(ctx: Ctx, id: string, decision: 'approve' | 'reject', comment: string | undefined) {
  requireRole(ctx, 'reviewer');
  const today = shanghaiDateOf(ctx.now());
  const note = comment?.trim() ?? '';
  return withTransaction(ctx, async (tx) => {
    const row = await repo.findVacancyRowForUpdate(tx, id);
    if (!row) throw notFound('岗位');
    if (row.status !== 'pending_review') throw new AppError('CONFLICT', '该岗位不在待审核状态，请刷新后查看');
    const flags = row.screening.flags.filter((f) => f.severity === 'flag');
    if (decision === 'approve' && row.validUntil < today) {
      const message = `岗位有效期至 ${row.validUntil}，已过期，不能发布；请先修改有效期（修改后重新审查）`;
      throw new AppError('RULE_VIOLATION', message, [{ path: '/validUntil', code: 'EXPIRED', message }]);
    }
    if (decision === 'reject' && !note) throw invalid('/comment', 'REQUIRED', '驳回须填写审核意见，告诉单位应如何修改');
    if (decision === 'approve' && flags.length > 0 && !note) {
      throw new AppError(
        'RULE_VIOLATION',
        `岗位信息含 ${flags.length} 处可能构成就业歧视的内容（${flags.map((f) => `“${f.text}”`).join('、')}），请先修改；确属合法要求的，须在审核意见中说明理由`,
        [{ path: '/comment', code: 'FLAGS_UNRESOLVED', message: '有未处理的歧视性内容提示' }],
      );
    }
    const now = tx.now();
    const patch = {
      status: decision === 'approve' ? 'published' : 'rejected',
      reviewComment: note || null,
      reviewedBy: tx.actor.username,
      reviewedAt: now,
      publishedAt: decision === 'approve' ? now : null,
      updatedAt: now,
    };
    await repo.updateVacancy(tx, id, patch);
    await writeAudit(tx, {
      action: decision,
      entity: 'vacancy',
      entityId: id,
      regionCode: row.regionCode,
      after: { ...patch, flagsOverridden: decision === 'approve' ? flags.length : 0 },
      reason: note || undefined,
    });
    return (await repo.findVacancy(tx, id, today))!;
  });
}

/** Takes a vacancy off the board for good (filled elsewhere, withdrawn by the employer). */
export async function closeVacancy(ctx: Ctx, id: string, reason: string) {
  requireRole(ctx, 'job_officer', 'reviewer');
  const today = shanghaiDateOf(ctx.now());
  return withTransaction(ctx, async (tx) => {
    const row = await repo.findVacancyRowForUpdate(tx, id);
    if (!row) throw notFound('岗位');
    if (row.status === 'closed') throw new AppError('CONFLICT', '岗位已关闭');
    await repo.updateVacancy(tx, id, { status: 'closed', updatedAt: tx.now() });
    await writeAudit(tx, { action: 'close', entity: 'vacancy', entityId: id, regionCode: row.regionCode, reason });
    return (await repo.findVacancy(tx, id, today))!;
  });
}

/**
 * The nightly expiry (JOB-2): every published vacancy whose last valid day is before `today`
 * is stored as expired, each audited as the system's act. A second run the same day finds none.
 */
export async function expireVacancies(ctx: Ctx, today: string): Promise<{ expired: number }> {
  return withTransaction(ctx, async (tx) => {
    const rows = await repo.expirePublished(tx, today);
    for (const row of rows)
      await writeAudit(tx, {
        action: 'expire',
        entity: 'vacancy',
        entityId: row.id,
        regionCode: row.regionCode,
        before: { status: 'published' },
        after: { status: 'expired' },
        reason: `有效期至 ${row.validUntil}，已过期`,
      });
    return { expired: rows.length };
  });
}

/**
 * The job that runs expireVacancies in Beijing time; `pattern` (croner syntax) comes from the
 * configuration (OPENPES_VACANCY_EXPIRY_CRON), shortly after midnight by default.
 */
export function vacancyExpiryJob(pattern: string): ScheduledJob {
  return {
    name: 'vacancies.expire',
    pattern,
    run: async (ctx, now) => {
      const today = shanghaiDateOf(now);
      const { expired } = await expireVacancies(ctx, today);
      return { summary: `有效期在 ${today} 之前的已发布岗位 ${expired} 个已标为已过期` };
    },
  };
}

/**
 * A hire through a referral (JOB-5) fills one post, in the referral's transaction; 422 when every
 * post is already filled. The referrals module calls this instead of writing the vacancy.
 */
export async function fillPost(ctx: Ctx, vacancyId: string): Promise<void> {
  // The vacancy may lie outside the referring office's scope: the referral is the authority.
  const anywhere = anywhereCtx(ctx);
  const vacancy = await repo.lockVacancyRow(anywhere, vacancyId);
  if (!vacancy) throw notFound('岗位');
  if (vacancy.filled >= vacancy.headcount) {
    const message = `岗位“${vacancy.title}”已招满 ${vacancy.headcount} 人`;
    throw new AppError('RULE_VIOLATION', message, [{ path: '/outcome', code: 'RULE_VIOLATION', message }]);
  }
  await repo.setFilled(anywhere, vacancyId, vacancy.filled + 1);
}

/** Vacancies in scope; q searches the same index as the public board. */
export function listVacancies(ctx: Ctx, filter: Omit<repo.VacancyFilter, 'today' | 'tsquery'>, paging: Paging) {
  return repo.listVacancies(
    ctx,
    { ...filter, today: shanghaiDateOf(ctx.now()), tsquery: filter.q ? searchQuery(filter.q) : undefined },
    paging,
  );
}

/** One vacancy in scope; NOT_FOUND outside it. */
export async function getVacancy(ctx: Ctx, id: string) {
  const vacancy = await repo.findVacancy(ctx, id, shanghaiDateOf(ctx.now()));
  if (!vacancy) throw notFound('岗位');
  return vacancy;
}
