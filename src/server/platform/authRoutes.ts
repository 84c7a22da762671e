// HTTP for login, logout, the current user and password change.
import { Type } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import { ctxOf } from './context.js';
import type { App } from './http.js';
import { staff, units } from '../db/schema.js';
import { login, logout, sessionCookie, sessionRules } from './auth.js';
import { anonymousCtx } from './context.js';

const User = Type.Object({
  id: Type.String(),
  username: Type.String(),
  name: Type.String(),
  unitId: Type.Union([Type.String(), Type.Null()]),
  unitName: Type.Union([Type.String(), Type.Null()]),
  scope: Type.String(),
  roles: Type.Array(Type.String()),
});

export async function authRoutes(app: App) {
  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        security: [],
        body: Type.Object({
          username: Type.String({ minLength: 1, maxLength: 64 }),
          password: Type.String({ minLength: 1, maxLength: 128 }),
        }),
        response: { 200: Type.Object({ token: Type.String(), user: User }) },
      },
    },
    async (req, reply) => {
      const ctx = anonymousCtx(app, req);
      const result = await login(ctx, req.body.username.trim(), req.body.password);
      reply.setCookie(sessionCookie, result.token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        maxAge: sessionRules.absoluteMs / 1000,
        secure: req.protocol === 'https',
      });
      return result;
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], response: { 204: Type.Null() } } }, async (req, reply) => {
    if (req.sessionToken) await logout(app.deps.db, req.sessionToken);
    reply.clearCookie(sessionCookie, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/auth/me', { schema: { tags: ['auth'], response: { 200: User } } }, async (req) => {
    const ctx = ctxOf(app, req);
    const [row] = await ctx.db
      .select({ unitName: units.name })
      .from(staff)
      .leftJoin(units, eq(units.id, staff.unitId))
      .where(eq(staff.id, ctx.actor.id!));
    return { ...ctx.actor, id: ctx.actor.id!, roles: [...ctx.actor.roles], unitName: row?.unitName ?? null };
  });
}
