// HTTP for sign-in (password, then a second factor when enrolled), sign-out, the current user and
// one's own sessions; the second factor's own routes are in twoFactorRoutes.ts.
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { ctxOf } from './context.js';
import type { App } from './http.js';
import { DateTime, Nullable } from './http.js';
import { staff, units } from '../db/schema.js';
import { completeSecondStep, login, logout, sessionCookie, sessionRules, type LoginResult } from './auth.js';
import { anonymousCtx } from './context.js';
import { AppError } from './errors.js';
import { endOtherSessions, endSessionById, sessionsOf, type SessionClient } from './sessions.js';
import { twoFactorRequiredFor, twoFactorStatus } from './twoFactor.js';
import { twoFactorRoutes } from './twoFactorRoutes.js';

const User = Type.Object({
  id: Type.String(),
  username: Type.String(),
  name: Type.String(),
  unitId: Type.Union([Type.String(), Type.Null()]),
  unitName: Type.Union([Type.String(), Type.Null()]),
  scope: Type.String(),
  roles: Type.Array(Type.String()),
});

const SignedIn = Type.Object({
  token: Type.String(),
  user: User,
  twoFactorSetupRequired: Type.Boolean({ description: 'true：角色要求两步验证而尚未设置，本会话只能设置两步验证' }),
});

const SecondStepPending = Type.Object({
  twoFactorRequired: Type.Literal(true),
  challenge: Type.String({ description: '第二步（验证码）用的临时凭据，5 分钟内有效，不是会话' }),
  expiresAt: DateTime,
});

const OwnSession = Type.Object({
  id: Type.String(),
  createdAt: DateTime,
  lastSeenAt: DateTime,
  source: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
  current: Type.Boolean(),
});

/** The client of a request, as sessions keep it and throttling counts it. */
export const clientOf = (req: FastifyRequest): SessionClient => ({ source: req.ip, userAgent: req.headers['user-agent'] });

export async function authRoutes(app: App) {
  const policy = () => ({ requireTwoFactorRoles: app.deps.requireTwoFactorRoles ?? [] });
  const started = (req: FastifyRequest, reply: FastifyReply, result: LoginResult) => {
    reply.setCookie(sessionCookie, result.token, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      maxAge: sessionRules.absoluteMs / 1000,
      secure: req.protocol === 'https',
    });
    return result;
  };

  // A plain request rate per client address (platform/requestLimits.ts) before the password is
  // even hashed; the locks per account and address are loginLimits', inside login().
  const loginRate = app.requestLimits.perAddress('login');

  app.post(
    '/auth/login',
    {
      onRequest: loginRate,
      schema: {
        tags: ['auth'],
        summary: '用户名和密码登录；已启用两步验证时返回 challenge，再以验证码完成登录',
        security: [],
        body: Type.Object({
          username: Type.String({ minLength: 1, maxLength: 64 }),
          password: Type.String({ minLength: 1, maxLength: 128 }),
        }),
        response: { 200: Type.Union([SignedIn, SecondStepPending]) },
      },
    },
    async (req, reply) => {
      const result = await login(anonymousCtx(app, req), req.body.username.trim(), req.body.password, clientOf(req), policy());
      return 'token' in result ? started(req, reply, result) : result;
    },
  );

  app.post(
    '/auth/login/two-factor',
    {
      onRequest: loginRate,
      schema: {
        tags: ['auth'],
        summary: '登录第二步：验证器应用的 6 位验证码，或一个恢复码',
        security: [],
        body: Type.Object({
          challenge: Type.String({ minLength: 1, maxLength: 100 }),
          code: Type.String({ minLength: 6, maxLength: 20, description: '6 位验证码，或恢复码（xxxxx-xxxxx）' }),
        }),
        response: { 200: SignedIn },
      },
    },
    async (req, reply) =>
      started(req, reply, await completeSecondStep(anonymousCtx(app, req), req.body.challenge, req.body.code, clientOf(req))),
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], response: { 204: Type.Null() } } }, async (req, reply) => {
    if (req.sessionToken) await logout(app.deps.db, req.sessionToken);
    reply.clearCookie(sessionCookie, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        response: {
          200: Type.Composite([
            User,
            Type.Object({
              twoFactor: Type.Object({
                enabled: Type.Boolean(),
                required: Type.Boolean({ description: '角色要求两步验证' }),
                setupRequired: Type.Boolean({ description: '本会话只能设置两步验证' }),
              }),
            }),
          ]),
        },
      },
    },
    async (req) => {
      const ctx = ctxOf(app, req);
      const id = ctx.actor.id!;
      const [row] = await ctx.db
        .select({ unitName: units.name })
        .from(staff)
        .leftJoin(units, eq(units.id, staff.unitId))
        .where(eq(staff.id, id));
      const status = await twoFactorStatus(ctx.db, id);
      const required = twoFactorRequiredFor(ctx.actor.roles, policy().requireTwoFactorRoles);
      return {
        ...ctx.actor,
        id,
        roles: [...ctx.actor.roles],
        unitName: row?.unitName ?? null,
        twoFactor: { enabled: status.enabled, required, setupRequired: required && !status.enabled },
      };
    },
  );

  app.get(
    '/auth/sessions',
    { schema: { tags: ['auth'], summary: '本人的登录会话（本会话标为 current）', response: { 200: Type.Array(OwnSession) } } },
    async (req) => {
      const ctx = ctxOf(app, req);
      return sessionsOf(ctx.db, ctx.actor.id!, req.sessionToken, ctx.now());
    },
  );

  app.delete(
    '/auth/sessions/:id',
    {
      schema: {
        tags: ['auth'],
        summary: '退出本人的某个登录会话',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(app, req);
      if (!(await endSessionById(ctx.db, ctx.actor.id!, req.params.id))) throw new AppError('NOT_FOUND', '该会话不存在或已结束');
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/sessions/sign-out-others',
    {
      schema: {
        tags: ['auth'],
        summary: '退出本人在其他设备上的全部会话（保留本会话）',
        response: { 200: Type.Object({ ended: Type.Integer() }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(app, req);
      return { ended: await endOtherSessions(ctx.db, ctx.actor.id!, req.sessionToken!) };
    },
  );

  await twoFactorRoutes(app);
}
