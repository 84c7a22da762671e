// Binding a public account to a ledger person or a registered employer (JOB-7, SYS-2). Knowing a
// person's name and ID number, or an employer's public name and credit code, proves nothing: the
// binding needs a one-time code from a channel on record — a text message to the phone in the
// ledger (or the employer's contact phone), or an activation code a counter clerk issues after
// seeing the ID card. Codes are stored only as keyed hashes, expire, are used once and allow a few
// wrong tries; text messages are limited per record here, requests and wrong codes per client
// address by the request limits (platform/requestLimits.ts: codeRequest, bindingMiss), and every
// answer to a code request is the same whether or not the record exists.
import crypto from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { bindingCodes, employers, persons, smsOutbox } from '../../db/schema.js';
import { writeAudit } from '../../platform/audit.js';
import { sessionRules } from '../../platform/auth.js';
import { anywhereCtx, withinScope, withTransaction, requireRole, type Ctx } from '../../platform/context.js';
import { maskPhone } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import type { Paging } from '../../platform/http.js';
import type { ClientAttempts } from '../../platform/requestLimits.js';
import type { SmsGateway } from '../../platform/sms.js';
import { getEmployer } from '../employers/index.js';
import { getPerson, visiblePerson } from '../persons/index.js';

/** Security settings of binding codes (they protect accounts, they are not policy figures). */
export const bindingRules = {
  smsCodeTtlMs: 10 * 60 * 1000,
  counterCodeTtlMs: 7 * 24 * 60 * 60 * 1000,
  /** Wrong codes a record's live codes allow before they are all spent. */
  maxAttempts: 5,
  /** Text messages one record may be sent per window (no SMS flooding of a citizen's phone). */
  maxSmsPerWindow: 3,
  /** The window of maxSmsPerWindow (the login-failure window). */
  windowMs: sessionRules.failureWindowMs,
};

export type BindingKind = 'seeker' | 'employer';
type Subject = { id: string; regionCode: string; phone: string | null };

/** The one answer to every code request, whether or not the record exists or has a phone. */
export const codeRequestAnswer = {
  message:
    '如填写的信息与登记一致，验证码已发送到登记时留存的手机号，10 分钟内有效。没有收到或手机号已更换，请携带证件到社区（村）或公共就业服务机构领取激活码。',
  expiresInSeconds: bindingRules.smsCodeTtlMs / 1000,
};

const invalidCode = () =>
  new AppError('RULE_VIOLATION', '验证码或激活码不正确或已失效，请重新获取', [
    { path: '/code', code: 'INVALID_CODE', message: '验证码或激活码不正确或已失效' },
  ]);

const hashOf = (ctx: Ctx, kind: BindingKind, subjectId: string, code: string) =>
  ctx.sealer.blindIndex('bindingCode', `${kind}:${subjectId}:${code.replace(/[\s-]/g, '')}`);

/** Six digits for a text message. */
const smsCode = () => String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
/** Eight characters without look-alikes (0/O, 1/I/L), read out or printed at a counter. */
const counterAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const counterCode = () => Array.from({ length: 8 }, () => counterAlphabet[crypto.randomInt(counterAlphabet.length)]).join('');

/** The ledger person with this ID number and name, or null (no difference told between the two). */
async function seekerSubject(ctx: Ctx, idNumberIndex: string, name: string): Promise<Subject | null> {
  const [p] = await ctx.db
    .select({ id: persons.id, name: persons.name, regionCode: persons.regionCode, phoneSealed: persons.phoneSealed })
    .from(persons)
    .where(and(eq(persons.idNumberIndex, idNumberIndex), visiblePerson));
  if (!p || p.name !== name.trim()) return null;
  return { id: p.id, regionCode: p.regionCode, phone: p.phoneSealed ? ctx.sealer.open('phone', p.phoneSealed) : null };
}

/** The registered employer with this credit code and name, or null. */
async function employerSubject(ctx: Ctx, creditCode: string, name: string): Promise<Subject | null> {
  const [e] = await ctx.db
    .select({ id: employers.id, name: employers.name, regionCode: employers.regionCode, contactPhone: employers.contactPhone })
    .from(employers)
    .where(eq(employers.creditCode, creditCode));
  if (!e || e.name !== name.trim()) return null;
  return { id: e.id, regionCode: e.regionCode, phone: e.contactPhone && /^1\d{10}$/.test(e.contactPhone) ? e.contactPhone : null };
}

/** Finds the subject a registration names: a ledger person (seeker) or a registered employer. */
export function findSubject(ctx: Ctx, kind: BindingKind, key: string, name: string): Promise<Subject | null> {
  // Across the whole ledger: the answers built on it never show the row (see codeRequestAnswer, invalidCode).
  const anywhere = anywhereCtx(ctx);
  return kind === 'seeker' ? seekerSubject(anywhere, key, name) : employerSubject(anywhere, key, name);
}

/**
 * Sends a binding code by text message to the phone on record, when the name and number match a
 * record that has one and it has not had its share of messages. The caller answers
 * `codeRequestAnswer` in every case.
 */
export async function requestBindingCode(caller: Ctx, kind: BindingKind, subject: Subject | null): Promise<void> {
  // The public binding flow writes the codes of any region: its authority is the channel on record.
  const ctx = anywhereCtx(caller);
  if (!subject?.phone) return;
  const phone = subject.phone;
  await withTransaction(ctx, async (tx) => {
    const since = new Date(tx.now().getTime() - bindingRules.windowMs);
    const [{ n }] = (await tx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(bindingCodes)
      .where(
        and(
          eq(bindingCodes.kind, kind),
          eq(bindingCodes.subjectId, subject.id),
          eq(bindingCodes.channel, 'sms'),
          gt(bindingCodes.createdAt, since),
        ),
      )) as [{ n: number }];
    if (n >= bindingRules.maxSmsPerWindow) return;
    const code = smsCode();
    await tx.db.insert(bindingCodes).values({
      id: crypto.randomUUID(),
      kind,
      subjectId: subject.id,
      regionCode: subject.regionCode,
      channel: 'sms',
      codeHash: hashOf(tx, kind, subject.id, code),
      createdAt: tx.now(),
      expiresAt: new Date(tx.now().getTime() + bindingRules.smsCodeTtlMs),
    });
    const what = kind === 'seeker' ? '求职者' : '用人单位';
    await tx.db.insert(smsOutbox).values({
      id: crypto.randomUUID(),
      phoneSealed: tx.sealer.seal('phone', phone),
      phoneMasked: maskPhone(phone),
      regionCode: subject.regionCode,
      purpose: `${kind}_binding`,
      body: `【公共就业服务】您正在注册${what}账号，验证码 ${code}，10 分钟内有效。如非本人操作，请忽略本短信，切勿告诉他人。`,
      status: 'pending',
      createdAt: tx.now(),
    });
  });
}

/**
 * Checks a code against the subject's live codes (outside any transaction). A match answers the
 * code's id, for `spendBindingCode` in the binding's transaction; otherwise the wrong try counts
 * against every live code and as a miss of the client address, is audited, and the one
 * INVALID_CODE answer is thrown. A missing subject answers the same.
 */
export async function checkBindingCode(
  caller: Ctx,
  kind: BindingKind,
  subject: Pick<Subject, 'id' | 'regionCode'> | null,
  code: string,
  attempts: ClientAttempts,
): Promise<string> {
  const ctx = anywhereCtx(caller);
  await attempts.assertAllowed();
  const live = subject
    ? await ctx.db
        .select({ id: bindingCodes.id, codeHash: bindingCodes.codeHash })
        .from(bindingCodes)
        .where(
          and(
            eq(bindingCodes.kind, kind),
            eq(bindingCodes.subjectId, subject.id),
            isNull(bindingCodes.usedAt),
            gt(bindingCodes.expiresAt, ctx.now()),
            lt(bindingCodes.attempts, bindingRules.maxAttempts),
          ),
        )
    : [];
  const given = Buffer.from(hashOf(ctx, kind, subject?.id ?? '-', code));
  const match = live.find((c) => c.codeHash.length === given.length && crypto.timingSafeEqual(Buffer.from(c.codeHash), given));
  if (match) return match.id;
  for (const c of live)
    await ctx.db
      .update(bindingCodes)
      .set({ attempts: sql`${bindingCodes.attempts} + 1` })
      .where(eq(bindingCodes.id, c.id));
  await attempts.noteMiss();
  await withTransaction(ctx, (tx) =>
    writeAudit(tx, {
      action: 'binding_failed',
      entity: 'public_account',
      regionCode: subject?.regionCode ?? null,
      after: { kind, source: attempts.source },
    }),
  );
  throw invalidCode();
}

/** Marks a checked code used, in the binding's transaction; a code spent meanwhile is refused. */
export async function spendBindingCode(tx: Ctx, codeId: string): Promise<void> {
  const spent = await anywhereCtx(tx)
    .db.update(bindingCodes)
    .set({ usedAt: tx.now() })
    .where(and(eq(bindingCodes.id, codeId), isNull(bindingCodes.usedAt)))
    .returning({ id: bindingCodes.id });
  if (spent.length !== 1) throw invalidCode();
}

/** A counter clerk issues an activation code for a person or employer in scope (shown once). */
export async function issueActivationCode(ctx: Ctx, kind: BindingKind, subjectId: string) {
  requireRole(ctx, 'clerk', 'job_officer', 'admin');
  const subject = kind === 'seeker' ? await getPerson(ctx, subjectId) : await getEmployer(ctx, subjectId);
  const code = counterCode();
  const expiresAt = new Date(ctx.now().getTime() + bindingRules.counterCodeTtlMs);
  await withTransaction(ctx, async (tx) => {
    // A new code replaces earlier unused ones, so only the latest slip works.
    await tx.db
      .update(bindingCodes)
      .set({ usedAt: tx.now() })
      .where(
        and(
          eq(bindingCodes.kind, kind),
          eq(bindingCodes.subjectId, subjectId),
          eq(bindingCodes.channel, 'counter'),
          isNull(bindingCodes.usedAt),
        ),
      );
    await tx.db.insert(bindingCodes).values({
      id: crypto.randomUUID(),
      kind,
      subjectId,
      regionCode: subject.regionCode,
      channel: 'counter',
      codeHash: hashOf(tx, kind, subjectId, code),
      issuedBy: tx.actor.id,
      createdAt: tx.now(),
      expiresAt,
    });
    await writeAudit(tx, {
      action: 'issue_activation_code',
      entity: kind === 'seeker' ? 'person' : 'employer',
      entityId: subjectId,
      regionCode: subject.regionCode,
      after: { expiresAt: expiresAt.toISOString() },
    });
  });
  return { code: `${code.slice(0, 4)}-${code.slice(4)}`, expiresAt, name: subject.name };
}

/** Text messages to persons and employers in the staff member's scope, newest first (for reading out at the counter). */
export async function listOutbox(ctx: Ctx, paging: Paging) {
  requireRole(ctx, 'clerk', 'job_officer', 'admin');
  const where = withinScope(ctx, smsOutbox.regionCode);
  const expiredBefore = new Date(ctx.now().getTime() - bindingRules.smsCodeTtlMs);
  const [rows, counted] = await Promise.all([
    ctx.db
      .select({
        id: smsOutbox.id,
        phone: smsOutbox.phoneMasked,
        regionCode: smsOutbox.regionCode,
        purpose: smsOutbox.purpose,
        body: smsOutbox.body,
        // A code not delivered within its lifetime is dead: the counter must not read it out.
        status: sql<string>`CASE WHEN ${smsOutbox.status} = 'pending' AND ${smsOutbox.createdAt} < ${expiredBefore} THEN 'expired' ELSE ${smsOutbox.status} END`,
        createdAt: smsOutbox.createdAt,
        sentAt: smsOutbox.sentAt,
      })
      .from(smsOutbox)
      .where(where)
      .orderBy(desc(smsOutbox.createdAt))
      .limit(paging.limit)
      .offset(paging.offset),
    ctx.db
      .select({ total: sql<number>`count(*)::int` })
      .from(smsOutbox)
      .where(where),
  ]);
  return { items: rows, total: counted[0]?.total ?? 0 };
}

/**
 * Hands pending messages to the gateway, oldest first, a chunk at a time; each outcome is
 * recorded on its row. Without a gateway there is nothing to do: the outbox is the channel.
 */
export async function deliverPendingSms(caller: Ctx, gateway: SmsGateway | undefined, limit = 100) {
  if (!gateway) return { sent: 0, failed: 0 };
  const ctx = anywhereCtx(caller);
  const pending = await ctx.db
    .select({ id: smsOutbox.id, phoneSealed: smsOutbox.phoneSealed, body: smsOutbox.body })
    .from(smsOutbox)
    .where(eq(smsOutbox.status, 'pending'))
    .orderBy(smsOutbox.createdAt)
    .limit(limit);
  let sent = 0;
  let failed = 0;
  for (const m of pending) {
    try {
      await gateway.send(ctx.sealer.open('phone', m.phoneSealed), m.body);
      await ctx.db.update(smsOutbox).set({ status: 'sent', sentAt: ctx.now(), error: null }).where(eq(smsOutbox.id, m.id));
      sent += 1;
    } catch (err) {
      await ctx.db
        .update(smsOutbox)
        .set({ status: 'failed', error: String((err as Error).message ?? err).slice(0, 200) })
        .where(eq(smsOutbox.id, m.id));
      failed += 1;
    }
  }
  return { sent, failed };
}
