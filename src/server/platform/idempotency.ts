// Exactly once for retried requests (DESIGN idea 5): a route with `config: { idempotent: true }`
// accepts an Idempotency-Key header; a retry with the same key and body gets the first response,
// the same key with another body gets 422 IDEMPOTENCY_KEY_REUSED. The database's own unique keys
// (per thing and period) remain the guard against paying twice; this layer makes retries safe.
import { and, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/connection.js';
import { idempotencyKeys } from '../db/schema.js';
import { canonicalJson } from './audit.js';
import { sha256 } from './crypto.js';
import { AppError } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotencyClaim: { key: string; route: string; actorId: string } | null;
  }
}

const inProgress = -1;

/** preHandler: answers a replay from the stored response, or claims the key for this request. */
export async function claimIdempotencyKey(db: Database, req: FastifyRequest, reply: FastifyReply) {
  const key = req.headers['idempotency-key'];
  if (!req.routeOptions.config.idempotent || typeof key !== 'string' || !req.actor?.id) return;
  if (!/^[\w-]{8,128}$/.test(key))
    throw new AppError('VALIDATION_FAILED', 'Idempotency-Key 应为 8–128 位字母、数字、下划线或连字符', [
      { path: '/headers/idempotency-key', code: 'PATTERN', message: '格式不正确' },
    ]);
  const route = `${req.method} ${req.routeOptions.url}`;
  const actorId = req.actor.id;
  const bodyHash = sha256(canonicalJson({ params: req.params, body: req.body }));
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ key, actorId, route, bodyHash, status: inProgress, response: {}, createdAt: new Date() })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) {
    req.idempotencyClaim = { key, route, actorId };
    return;
  }
  const [first] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.actorId, actorId), eq(idempotencyKeys.route, route), eq(idempotencyKeys.key, key)));
  if (!first || first.bodyHash !== bodyHash)
    throw new AppError('IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已用于内容不同的请求，请换一个新的键');
  if (first.status === inProgress) throw new AppError('CONFLICT', '同一请求正在处理中，请稍后重试');
  return reply.status(first.status).header('idempotent-replay', 'true').send(first.response);
}

/** onSend: stores a successful first response under the claimed key; frees the key otherwise. */
export async function recordIdempotentResponse(db: Database, req: FastifyRequest, reply: FastifyReply, payload: unknown) {
  const claim = req.idempotencyClaim;
  if (!claim) return;
  const where = and(eq(idempotencyKeys.actorId, claim.actorId), eq(idempotencyKeys.route, claim.route), eq(idempotencyKeys.key, claim.key));
  if (reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string') {
    await db
      .update(idempotencyKeys)
      .set({ status: reply.statusCode, response: JSON.parse(payload) as unknown })
      .where(where);
  } else {
    // Nothing was changed (every write is one transaction), so a retry may run afresh.
    await db.delete(idempotencyKeys).where(where);
  }
}
