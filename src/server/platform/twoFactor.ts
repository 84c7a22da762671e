// Two-factor sign-in for staff (issue 10, OWASP ASVS V6.5): TOTP (RFC 6238, via otplib) with the
// secret sealed at rest, ten single-use recovery codes stored as hashes, a code never accepted twice
// (the last accepted time step is kept), and the pending second step of a sign-in as a short-lived
// challenge that is not a session.
import crypto from 'node:crypto';
import { and, count, eq, gt, isNull, lt, or } from 'drizzle-orm';
import { generateSecret, generateURI, verifySync } from 'otplib';
import type { Database } from '../db/connection.js';
import { loginChallenges, staff, staffRecoveryCodes, staffTwoFactor } from '../db/schema.js';
import type { Role } from '../../shared/roles.js';
import { writeAudit } from './audit.js';
import type { Ctx } from './context.js';
import { withTransaction } from './context.js';
import { sha256 } from './crypto.js';
import { AppError } from './errors.js';
import { assertLoginAllowed, noteLoginFailure, type LoginAttempt } from './loginLimits.js';
import { liftEnrolmentLimit } from './sessions.js';

/** Security settings of two-factor sign-in. */
export const twoFactorRules = {
  issuer: 'OpenPES',
  /** How long the second step of a sign-in may wait after the password. */
  challengeMs: 5 * 60 * 1000,
  recoveryCodes: 10,
  /** Accept the code of the previous or next 30-second step too (clock drift of a phone). */
  epochToleranceSeconds: 30,
};

/** A staff member's second factor as they see it. */
export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: Date | null;
  /** Enrolment begun (secret shown) but not yet confirmed with a code. */
  pending: boolean;
  recoveryCodesLeft: number;
}

/** True when one of the roles must sign in with a second factor. */
export function twoFactorRequiredFor(roles: readonly Role[], requiredRoles: readonly Role[]): boolean {
  return roles.some((r) => requiredRoles.includes(r));
}

/** The state of a staff member's second factor. */
export async function twoFactorStatus(db: Database, staffId: string): Promise<TwoFactorStatus> {
  const [row] = await db.select().from(staffTwoFactor).where(eq(staffTwoFactor.staffId, staffId));
  const [left] = await db
    .select({ n: count() })
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.staffId, staffId), isNull(staffRecoveryCodes.usedAt)));
  return {
    enabled: !!row?.confirmedAt,
    enabledAt: row?.confirmedAt ?? null,
    pending: !!row && !row.confirmedAt,
    recoveryCodesLeft: row?.confirmedAt ? (left?.n ?? 0) : 0,
  };
}

const requireStaff = (ctx: Ctx): string => {
  if (!ctx.actor.id) throw new AppError('FORBIDDEN', '系统账号不能设置两步验证');
  return ctx.actor.id;
};

/** The attempt a second-factor code counts as, for throttling like a password. */
export const codeAttempt = (staffId: string, source: string): LoginAttempt => ({ realm: 'staff', key: `2fa:${staffId}`, source });

/**
 * Begins enrolment: a new secret (sealed in the database) and the otpauth URI an authenticator app
 * reads from a QR code. Until confirmed with a code it does nothing; beginning again replaces it.
 */
export async function beginEnrolment(ctx: Ctx): Promise<{ secret: string; otpauthUri: string }> {
  const staffId = requireStaff(ctx);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db.select().from(staffTwoFactor).where(eq(staffTwoFactor.staffId, staffId)).for('update');
    if (row?.confirmedAt) throw new AppError('CONFLICT', '两步验证已启用；如需更换手机，请先停用再重新设置');
    const secret = generateSecret();
    const values = { secretSealed: tx.sealer.seal('totpSecret', secret), createdAt: tx.now(), confirmedAt: null, lastTimeStep: null };
    if (row) await tx.db.update(staffTwoFactor).set(values).where(eq(staffTwoFactor.staffId, staffId));
    else await tx.db.insert(staffTwoFactor).values({ staffId, ...values });
    const otpauthUri = generateURI({ issuer: twoFactorRules.issuer, label: ctx.actor.username, secret });
    return { secret, otpauthUri };
  });
}

/**
 * Confirms enrolment with a first code from the app: the factor becomes active, ten recovery codes
 * are made (shown this once; only hashes are kept) and the session that enrolled may do everything
 * its roles allow. Audited.
 */
export async function confirmEnrolment(
  ctx: Ctx,
  code: string,
  source: string,
  sessionToken: string | null,
): Promise<{ recoveryCodes: string[] }> {
  const staffId = requireStaff(ctx);
  const attempt = codeAttempt(staffId, source);
  await assertLoginAllowed(ctx, attempt);
  const [row] = await ctx.db.select().from(staffTwoFactor).where(eq(staffTwoFactor.staffId, staffId));
  if (!row || row.confirmedAt) throw new AppError('CONFLICT', row ? '两步验证已启用' : '请先开始设置两步验证');
  const step = matchingTimeStep(ctx, row, code);
  if (step === null) {
    await noteLoginFailure(ctx, attempt);
    throw wrongCode('/code');
  }
  return withTransaction(ctx, async (tx) => {
    const updated = await tx.db
      .update(staffTwoFactor)
      .set({ confirmedAt: tx.now(), lastTimeStep: step })
      .where(
        and(eq(staffTwoFactor.staffId, staffId), isNull(staffTwoFactor.confirmedAt), eq(staffTwoFactor.secretSealed, row.secretSealed)),
      )
      .returning({ staffId: staffTwoFactor.staffId });
    if (!updated.length) throw new AppError('CONFLICT', '两步验证设置已变化，请刷新后重新设置');
    const recoveryCodes = await replaceRecoveryCodes(tx.db, staffId);
    if (sessionToken) await liftEnrolmentLimit(tx.db, sessionToken);
    await writeAudit(tx, { action: 'two_factor_enrol', entity: 'staff', entityId: staffId, regionCode: await regionOf(tx.db, staffId) });
    return { recoveryCodes };
  });
}

/**
 * Turns off the caller's second factor; needs a current code or an unused recovery code. A member
 * of a role that requires it cannot: an admin resets it instead (a lost phone). Audited.
 */
export async function disableTwoFactor(ctx: Ctx, code: string, source: string, requiredRoles: readonly Role[]): Promise<void> {
  const staffId = requireStaff(ctx);
  if (twoFactorRequiredFor(ctx.actor.roles, requiredRoles))
    throw new AppError('RULE_VIOLATION', '您的角色必须使用两步验证，不能停用；更换手机请联系管理员重置');
  const attempt = codeAttempt(staffId, source);
  await assertLoginAllowed(ctx, attempt);
  const [row] = await ctx.db.select().from(staffTwoFactor).where(eq(staffTwoFactor.staffId, staffId));
  if (!row?.confirmedAt) throw new AppError('CONFLICT', '两步验证未启用');
  const used = await withTransaction(ctx, async (tx) => {
    const method = await useSecondFactor(tx, staffId, code);
    if (!method) return null;
    await removeTwoFactor(tx.db, staffId);
    await writeAudit(tx, {
      action: 'two_factor_disable',
      entity: 'staff',
      entityId: staffId,
      regionCode: await regionOf(tx.db, staffId),
      after: { method },
    });
    return method;
  });
  if (!used) {
    await noteLoginFailure(ctx, attempt);
    throw wrongCode('/code');
  }
}

/** Deletes a staff member's second factor, recovery codes and pending sign-ins (the caller audits and checks scope). */
export async function removeTwoFactor(db: Database, staffId: string): Promise<boolean> {
  await db.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, staffId));
  await db.delete(loginChallenges).where(eq(loginChallenges.staffId, staffId));
  const gone = await db.delete(staffTwoFactor).where(eq(staffTwoFactor.staffId, staffId)).returning({ staffId: staffTwoFactor.staffId });
  return gone.length > 0;
}

/** True when the staff member has an active (confirmed) second factor. */
export async function hasTwoFactor(db: Database, staffId: string): Promise<boolean> {
  const [row] = await db
    .select({ confirmedAt: staffTwoFactor.confirmedAt })
    .from(staffTwoFactor)
    .where(eq(staffTwoFactor.staffId, staffId));
  return !!row?.confirmedAt;
}

/**
 * Accepts a code for a staff member inside the caller's transaction: a TOTP code of a time step
 * after the last one accepted (so no code works twice), or an unused recovery code (then used up,
 * and audited). Returns which it was, or null when neither.
 */
export async function useSecondFactor(tx: Ctx, staffId: string, code: string): Promise<'totp' | 'recovery_code' | null> {
  const [row] = await tx.db.select().from(staffTwoFactor).where(eq(staffTwoFactor.staffId, staffId));
  if (!row?.confirmedAt) return null;
  const totp = code.replace(/\s+/g, '');
  if (/^\d{6}$/.test(totp)) {
    const step = matchingTimeStep(tx, row, totp);
    if (step === null) return null;
    // Conditional on the stored step, so two requests with one code cannot both pass.
    const taken = await tx.db
      .update(staffTwoFactor)
      .set({ lastTimeStep: step })
      .where(and(eq(staffTwoFactor.staffId, staffId), or(isNull(staffTwoFactor.lastTimeStep), lt(staffTwoFactor.lastTimeStep, step))))
      .returning({ staffId: staffTwoFactor.staffId });
    return taken.length ? 'totp' : null;
  }
  const used = await tx.db
    .update(staffRecoveryCodes)
    .set({ usedAt: tx.now() })
    .where(
      and(
        eq(staffRecoveryCodes.staffId, staffId),
        eq(staffRecoveryCodes.codeHash, sha256(normaliseRecoveryCode(code))),
        isNull(staffRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: staffRecoveryCodes.id });
  if (!used.length) return null;
  await writeAudit(tx, {
    action: 'two_factor_recovery_code_use',
    entity: 'staff',
    entityId: staffId,
    regionCode: await regionOf(tx.db, staffId),
  });
  return 'recovery_code';
}

/** The time step a TOTP code matches (now, or one step either side), after the last accepted step; null when none. */
function matchingTimeStep(ctx: Ctx, row: typeof staffTwoFactor.$inferSelect, code: string): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const result = verifySync({
    secret: ctx.sealer.open('totpSecret', row.secretSealed),
    token,
    epoch: Math.floor(ctx.now().getTime() / 1000),
    epochTolerance: twoFactorRules.epochToleranceSeconds,
    ...(row.lastTimeStep !== null ? { afterTimeStep: row.lastTimeStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

const wrongCode = (path: string) =>
  new AppError('VALIDATION_FAILED', '验证码不正确或已使用，请输入验证器应用中当前显示的 6 位数字', [
    { path, code: 'WRONG_CODE', message: '验证码不正确或已使用' },
  ]);

/** Recovery codes are typed by hand: case and separators do not matter. */
function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Letters and digits a recovery code is made of (no 0/o, 1/l/i to misread). */
const recoveryAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Makes ten new recovery codes (xxxxx-xxxxx, about 49 bits each), replacing any old ones. */
async function replaceRecoveryCodes(db: Database, staffId: string): Promise<string[]> {
  await db.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, staffId));
  const codes = Array.from({ length: twoFactorRules.recoveryCodes }, () => {
    const chars = Array.from({ length: 10 }, () => recoveryAlphabet[crypto.randomInt(recoveryAlphabet.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  await db
    .insert(staffRecoveryCodes)
    .values(codes.map((c) => ({ id: crypto.randomUUID(), staffId, codeHash: sha256(normaliseRecoveryCode(c)), usedAt: null })));
  return codes;
}

/** Opens the pending second step of a sign-in; returns its token (only the hash is stored). */
export async function openChallenge(db: Database, staffId: string, now: Date): Promise<{ challenge: string; expiresAt: Date }> {
  const challenge = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + twoFactorRules.challengeMs);
  await db.insert(loginChallenges).values({ tokenHash: sha256(challenge), staffId, createdAt: now, expiresAt });
  return { challenge, expiresAt };
}

/** The staff member of a live challenge, or null when it is unknown or expired. */
export async function challengeOwner(db: Database, challenge: string, now: Date): Promise<string | null> {
  const [row] = await db
    .select({ staffId: loginChallenges.staffId })
    .from(loginChallenges)
    .where(and(eq(loginChallenges.tokenHash, sha256(challenge)), gt(loginChallenges.expiresAt, now)));
  return row?.staffId ?? null;
}

/** Uses up a challenge (the second step succeeded); false when another request used it first. */
export async function closeChallenge(db: Database, challenge: string): Promise<boolean> {
  const gone = await db
    .delete(loginChallenges)
    .where(eq(loginChallenges.tokenHash, sha256(challenge)))
    .returning({ staffId: loginChallenges.staffId });
  return gone.length > 0;
}

async function regionOf(db: Database, staffId: string): Promise<string | null> {
  const [row] = await db.select({ regionCode: staff.regionCode }).from(staff).where(eq(staff.id, staffId));
  return row?.regionCode ?? null;
}
