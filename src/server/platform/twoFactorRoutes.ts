// HTTP for one's own second factor: status, enrolment (begin, confirm with a first code) and disabling.
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from './context.js';
import type { App } from './http.js';
import { DateTime, Nullable } from './http.js';
import { beginEnrolment, confirmEnrolment, disableTwoFactor, twoFactorRequiredFor, twoFactorStatus } from './twoFactor.js';

const Code = Type.String({ minLength: 6, maxLength: 20, description: '验证器应用的 6 位验证码（停用时也可用恢复码）' });

export async function twoFactorRoutes(app: App) {
  const requiredRoles = () => app.deps.requireTwoFactorRoles ?? [];
  const source = (req: FastifyRequest) => req.ip;

  app.get(
    '/auth/two-factor',
    {
      schema: {
        tags: ['auth'],
        summary: '本人的两步验证状态',
        response: {
          200: Type.Object({
            enabled: Type.Boolean(),
            enabledAt: Nullable(DateTime),
            pending: Type.Boolean({ description: '已开始设置、尚未用验证码确认' }),
            recoveryCodesLeft: Type.Integer(),
            required: Type.Boolean({ description: '角色要求两步验证' }),
          }),
        },
      },
    },
    async (req) => {
      const ctx = ctxOf(app, req);
      return { ...(await twoFactorStatus(ctx.db, ctx.actor.id!)), required: twoFactorRequiredFor(ctx.actor.roles, requiredRoles()) };
    },
  );

  app.post(
    '/auth/two-factor/enrolment',
    {
      schema: {
        tags: ['auth'],
        summary: '开始设置两步验证：返回密钥和 otpauth 链接（用验证器应用扫码或手动输入），须再用验证码确认',
        response: {
          200: Type.Object({
            secret: Type.String({ description: 'Base32 密钥' }),
            otpauthUri: Type.String({ description: 'otpauth://totp/... 链接，可生成二维码' }),
          }),
        },
      },
    },
    async (req) => beginEnrolment(ctxOf(app, req)),
  );

  app.post(
    '/auth/two-factor/enrolment/confirm',
    {
      schema: {
        tags: ['auth'],
        summary: '用第一个验证码确认并启用两步验证；返回 10 个一次性恢复码（仅显示这一次）',
        body: Type.Object({ code: Code }),
        response: { 200: Type.Object({ recoveryCodes: Type.Array(Type.String()) }) },
      },
    },
    async (req) => confirmEnrolment(ctxOf(app, req), req.body.code, source(req), req.sessionToken),
  );

  app.post(
    '/auth/two-factor/disable',
    {
      schema: {
        tags: ['auth'],
        summary: '停用本人的两步验证（须当前验证码或一个恢复码；角色要求两步验证时不能停用）',
        body: Type.Object({ code: Code }),
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await disableTwoFactor(ctxOf(app, req), req.body.code, source(req), requiredRoles());
      return reply.status(204).send(null);
    },
  );
}
