// Policy notices (JOB-8): a job officer or clerk writes a draft, submits it, and a reviewer who
// wrote none of it publishes it (or returns it with a reason); a published notice stays on the
// public board from its first to its last valid day, or until it is withdrawn with a reason. A
// published text is never edited: a correction is withdrawn and published anew, so what the
// public read is what the audit trail holds. Every change is audited in its transaction.
import crypto from 'node:crypto';
import { noticeAuthorRoles, noticeReviewerRoles, type NoticeCategory } from '../../../shared/notices.js';
import type { NoticeSource } from '../../db/schema.js';
import { canonicalJson, writeAudit } from '../../platform/audit.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { assertWritableRegion, requireRole, withTransaction, type Ctx } from '../../platform/context.js';
import { AppError, notFound, type FieldError } from '../../platform/errors.js';
import type { Database } from '../../db/connection.js';
import type { Paging } from '../../platform/http.js';
import { assertRegionExists } from '../regions/index.js';
import { searchQuery, searchTokens } from '../vacancies/index.js';
import * as repo from './repo.js';
import { fieldProblems, mayReview, reviewReadinessProblems, type NoticeFields } from './rules.js';

export interface NoticeSourceInput {
  title: string;
  documentNumber?: string | null | undefined;
  issuer: string;
  date?: string | null | undefined;
  url?: string | null | undefined;
}

export interface NoticeInput {
  title: string;
  body: string;
  category: NoticeCategory;
  regionCode: string;
  validFrom?: string | null | undefined;
  validUntil?: string | null | undefined;
  sources?: NoticeSourceInput[] | undefined;
}

export type NoticePatch = Partial<NoticeInput>;

const what = '公告';
const invalid = (problems: FieldError[]) => new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('；'), problems);

/** Trimmed text, blank optional values as null, paragraphs without trailing blanks. */
function normalised(input: NoticeInput): NoticeFields & { regionCode: string } {
  return {
    title: input.title.trim(),
    body: input.body
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    category: input.category,
    regionCode: input.regionCode,
    validFrom: input.validFrom ?? null,
    validUntil: input.validUntil ?? null,
    sources: (input.sources ?? []).map((s): NoticeSource => ({
      title: s.title.trim(),
      documentNumber: s.documentNumber?.trim() || null,
      issuer: s.issuer.trim(),
      date: s.date ?? null,
      url: s.url?.trim() || null,
    })),
  };
}

/** Throws VALIDATION_FAILED with every problem found (the form marks each field). */
function check(problems: FieldError[]): void {
  if (problems.length) throw invalid(problems);
}

const tokensOf = (n: { title: string; body: string }) => searchTokens(n.title, n.body);

/** Writes a new draft in a region in scope. */
export async function createNotice(ctx: Ctx, input: NoticeInput) {
  requireRole(ctx, ...noticeAuthorRoles);
  const today = shanghaiDateOf(ctx.now());
  const n = normalised(input);
  assertWritableRegion(ctx, n.regionCode);
  await assertRegionExists(ctx, n.regionCode);
  check(fieldProblems(n, today));
  return withTransaction(ctx, async (tx) => {
    const now = tx.now();
    const row = {
      id: crypto.randomUUID(),
      ...n,
      status: 'draft',
      unitId: tx.actor.unitId,
      createdBy: tx.actor.username,
      createdByName: tx.actor.name,
      contributors: [tx.actor.username],
      createdAt: now,
      updatedAt: now,
    };
    await repo.insertNotice(tx, row, tokensOf(n));
    await writeAudit(tx, { action: 'create', entity: 'policy_notice', entityId: row.id, regionCode: row.regionCode, after: row });
    return (await repo.findNotice(tx, row.id, today))!;
  });
}

/** Edits a draft (a returned one too); whoever edits becomes one of its writers. */
export async function updateNotice(ctx: Ctx, id: string, patch: NoticePatch) {
  requireRole(ctx, ...noticeAuthorRoles);
  const today = shanghaiDateOf(ctx.now());
  return withTransaction(ctx, async (tx) => {
    const row = await repo.findNoticeRowForUpdate(tx, id);
    if (!row) throw notFound(what);
    if (row.status !== 'draft') throw new AppError('CONFLICT', draftOnly(row.status));
    const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as NoticePatch;
    const n = normalised({ ...row, category: row.category as NoticeCategory, ...given });
    if (n.regionCode !== row.regionCode) {
      assertWritableRegion(tx, n.regionCode);
      await assertRegionExists(tx, n.regionCode);
    }
    check(fieldProblems(n, today));
    const before = (await repo.findNotice(tx, id, today))!;
    const keys = Object.keys(n) as (keyof typeof n)[];
    // canonicalJson: jsonb gives the sources' keys back in its own order.
    if (keys.every((k) => canonicalJson(n[k]) === canonicalJson(row[k]))) return before;
    const contributors = row.contributors.includes(tx.actor.username) ? row.contributors : [...row.contributors, tx.actor.username];
    await repo.updateNotice(tx, id, { ...n, contributors, updatedAt: tx.now() }, tokensOf(n));
    const after = (await repo.findNotice(tx, id, today))!;
    await writeAudit(tx, { action: 'update', entity: 'policy_notice', entityId: id, regionCode: row.regionCode, before, after });
    return after;
  });
}

function draftOnly(status: string): string {
  if (status === 'submitted') return '公告已提交审核，不能修改；如需修改请由审核员退回';
  if (status === 'published') return '公告已发布，不能修改；如需更正，请撤回后重新撰写发布';
  return '公告已撤回，不能修改；如需再次发布，请新建公告';
}

/** Sends a draft to review; it must be complete (sources where its category needs them) and still valid. */
export async function submitNotice(ctx: Ctx, id: string) {
  requireRole(ctx, ...noticeAuthorRoles);
  const today = shanghaiDateOf(ctx.now());
  return withTransaction(ctx, async (tx) => {
    const row = await repo.findNoticeRowForUpdate(tx, id);
    if (!row) throw notFound(what);
    if (row.status !== 'draft') throw new AppError('CONFLICT', '只有草稿可以提交审核，请刷新后查看公告状态');
    const n = { ...row, category: row.category as NoticeCategory };
    check([...fieldProblems(n, today), ...reviewReadinessProblems(n)]);
    const now = tx.now();
    await repo.updateNotice(tx, id, { status: 'submitted', submittedAt: now, updatedAt: now });
    await writeAudit(tx, { action: 'submit', entity: 'policy_notice', entityId: id, regionCode: row.regionCode });
    return (await repo.findNotice(tx, id, today))!;
  });
}

/**
 * A reviewer's decision: approve publishes the notice today; return sends it back to draft with
 * the reason. Nobody who wrote or edited the text may decide (four eyes), admins included.
 */
export async function reviewNotice(ctx: Ctx, id: string, decision: 'approve' | 'return', comment: string | undefined) {
  requireRole(ctx, ...noticeReviewerRoles);
  const today = shanghaiDateOf(ctx.now());
  const note = comment?.trim() ?? '';
  return withTransaction(ctx, async (tx) => {
    const row = await repo.findNoticeRowForUpdate(tx, id);
    if (!row) throw notFound(what);
    if (row.status !== 'submitted') throw new AppError('CONFLICT', '该公告不在待审核状态，请刷新后查看');
    if (!mayReview(row.contributors, tx.actor.username)) {
      const message = '您撰写或修改过这则公告，不能自己审核发布；请由其他审核员审核（双人复核）';
      throw new AppError('RULE_VIOLATION', message, [{ path: '/decision', code: 'OWN_NOTICE', message }]);
    }
    if (decision === 'return' && !note) {
      const message = '退回须填写原因，告诉撰写人应如何修改';
      throw new AppError('VALIDATION_FAILED', message, [{ path: '/comment', code: 'REQUIRED', message }]);
    }
    if (decision === 'approve' && row.validUntil && row.validUntil < today) {
      const message = `公告有效期已于 ${row.validUntil} 截止，发布后不会显示；请退回撰写人修改有效期`;
      throw new AppError('RULE_VIOLATION', message, [{ path: '/decision', code: 'EXPIRED', message }]);
    }
    const now = tx.now();
    const patch = {
      status: decision === 'approve' ? 'published' : 'draft',
      reviewedBy: tx.actor.username,
      reviewedByName: tx.actor.name,
      reviewedAt: now,
      reviewComment: note || null,
      publishedOn: decision === 'approve' ? today : null,
      publishedAt: decision === 'approve' ? now : null,
      updatedAt: now,
    };
    await repo.updateNotice(tx, id, patch);
    await writeAudit(tx, {
      action: decision === 'approve' ? 'publish' : 'return',
      entity: 'policy_notice',
      entityId: id,
      regionCode: row.regionCode,
      after: patch,
      reason: note || undefined,
    });
    return (await repo.findNotice(tx, id, today))!;
  });
}

/** Takes a published notice off the board for good, with the reason (kept on the notice and in the audit). */
export async function withdrawNotice(ctx: Ctx, id: string, reason: string) {
  requireRole(ctx, ...noticeReviewerRoles, ...noticeAuthorRoles);
  const today = shanghaiDateOf(ctx.now());
  return withTransaction(ctx, async (tx) => {
    const row = await repo.findNoticeRowForUpdate(tx, id);
    if (!row) throw notFound(what);
    if (row.status !== 'published') throw new AppError('CONFLICT', '只有已发布的公告可以撤回');
    const now = tx.now();
    const patch = { status: 'withdrawn', withdrawnBy: tx.actor.username, withdrawnAt: now, withdrawReason: reason.trim(), updatedAt: now };
    await repo.updateNotice(tx, id, patch);
    await writeAudit(tx, {
      action: 'withdraw',
      entity: 'policy_notice',
      entityId: id,
      regionCode: row.regionCode,
      reason: patch.withdrawReason,
    });
    return (await repo.findNotice(tx, id, today))!;
  });
}

/** Notices in scope. */
export function listNotices(ctx: Ctx, filter: Omit<repo.NoticeFilter, 'today'>, paging: Paging) {
  return repo.listNotices(ctx, { ...filter, q: filter.q?.trim() || undefined, today: shanghaiDateOf(ctx.now()) }, paging);
}

/** One notice in scope; NOT_FOUND outside it. */
export async function getNotice(ctx: Ctx, id: string) {
  const notice = await repo.findNotice(ctx, id, shanghaiDateOf(ctx.now()));
  if (!notice) throw notFound(what);
  return notice;
}

/**
 * The board's list (no login): published notices valid today, searched in title and body with the
 * vacancies' tokenizer (一两个字的词也能搜), filtered by area and category. Reads the whole
 * country's handle: publication is the authority.
 */
export async function searchPublicNotices(
  db: Database,
  today: string,
  filter: { q?: string | undefined; regionCode?: string | undefined; category?: string | undefined },
  paging: Paging,
) {
  const tsquery = filter.q ? searchQuery(filter.q) : undefined;
  if (filter.q && !tsquery) return { items: [], total: 0 };
  return repo.searchPublic(db, { today, tsquery, regionCode: filter.regionCode, category: filter.category }, paging);
}

/** One notice's public page; NOT_FOUND when it is not (or no longer) on the board. */
export async function findPublicNotice(db: Database, id: string, today: string) {
  const notice = await repo.findPublic(db, id, today);
  if (!notice) throw new AppError('NOT_FOUND', '该公告已过期或已撤回');
  return notice;
}
