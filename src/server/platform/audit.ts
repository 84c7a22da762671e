// Audit trail (SYS-2, DESIGN idea 7): every change is written in the same transaction as the
// change itself, so a failed audit cancels the change. Rows form a hash chain: each carries the
// hash of the one before, so an edited or deleted row is found by `npm run audit:verify`.
import { AppError } from './errors.js';
import { asc, eq, gt } from 'drizzle-orm';
import type { Database } from '../db/connection.js';
import { auditHead, auditLog } from '../db/schema.js';
import type { Ctx } from './context.js';
import { sha256 } from './crypto.js';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  regionCode?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export const genesisHash = '0'.repeat(64);

/** JSON with object keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

type AuditRow = typeof auditLog.$inferSelect;

/** The hash of a row: SHA-256 over its canonical content including the previous hash. */
export function auditRowHash(row: Omit<AuditRow, 'hash'>): string {
  return sha256(
    canonicalJson({
      seq: row.seq,
      at: row.at.toISOString(),
      actorId: row.actorId,
      actorUsername: row.actorUsername,
      unitId: row.unitId,
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      regionCode: row.regionCode,
      before: row.before,
      after: row.after,
      reason: row.reason,
      requestId: row.requestId,
      prevHash: row.prevHash,
    }),
  );
}

/** Plain JSON copy (dates become strings), so what is hashed is what jsonb gives back. */
const plain = (value: unknown) => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

/** Appends an audit row; must run inside the transaction of the change it records. */
export async function writeAudit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  if (!ctx.inTransaction) throw new Error('writeAudit must run inside withTransaction');
  const head = await ctx.db.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
  const prev = head[0] ?? { seq: 0, hash: genesisHash };
  const row = {
    seq: prev.seq + 1,
    at: ctx.now(),
    actorId: ctx.actor.id,
    actorUsername: ctx.actor.username,
    unitId: ctx.actor.unitId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    regionCode: entry.regionCode ?? null,
    before: plain(entry.before),
    after: plain(entry.after),
    reason: entry.reason ?? null,
    requestId: ctx.requestId,
    prevHash: prev.hash,
  };
  const hash = auditRowHash(row);
  await ctx.db.insert(auditLog).values({ ...row, hash });
  if (head[0]) await ctx.db.update(auditHead).set({ seq: row.seq, hash }).where(eq(auditHead.id, 1));
  else await ctx.db.insert(auditHead).values({ id: 1, seq: row.seq, hash });
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  brokenAt?: number;
  problem?: string;
}

/** Walks the whole chain in order and reports the first broken link. */
export async function verifyAuditChain(db: Database): Promise<ChainReport> {
  let prevHash = genesisHash;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(1000);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, checked, brokenAt: expectedSeq, problem: `第 ${expectedSeq} 条记录缺失（被删除）` };
      if (row.prevHash !== prevHash)
        return { ok: false, checked, brokenAt: row.seq, problem: `第 ${row.seq} 条记录的前序哈希与上一条不符` };
      if (auditRowHash(row) !== row.hash) return { ok: false, checked, brokenAt: row.seq, problem: `第 ${row.seq} 条记录的内容被修改` };
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
  const head = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  if (head[0] && (head[0].seq !== expectedSeq - 1 || head[0].hash !== prevHash)) {
    return { ok: false, checked, brokenAt: head[0].seq, problem: '链尾记录被删除' };
  }
  return { ok: true, checked };
}

/** Characters that show nothing: zero-width spaces and joiners, the word joiner and the BOM. */
const invisible = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * The reason given for looking at personal data (SYS-2), trimmed; 400 when, without blanks and
 * invisible characters, fewer than two characters remain, so the audit shows a real reason.
 */
export function auditReason(reason: string): string {
  const cleaned = reason.replace(invisible, '').trim();
  if (cleaned.replace(/\s/g, '').length < 2) {
    const message = '请填写查看原因（至少两个字），该原因记入审计日志';
    throw new AppError('VALIDATION_FAILED', message, [{ path: '/reason', code: 'REASON_REQUIRED', message }]);
  }
  return cleaned;
}
