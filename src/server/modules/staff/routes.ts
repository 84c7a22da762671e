// HTTP for staff accounts.
import { Type } from '@sinclair/typebox';
import { roleNames, type Role } from '../../../shared/roles.js';
import { ctxOf } from '../../platform/context.js';
import type { App } from '../../platform/http.js';
import { IdParams, Name, Paged, pageQuery, sendList } from '../../platform/http.js';
import { sessionCookie } from '../../platform/auth.js';
import { Password, Phone, RoleSchema, Roles, Staff } from './schemas.js';
import * as service from './service.js';

export async function staffRoutes(app: App) {
  app.post(
    '/staff',
    {
      config: { idempotent: true },
      schema: {
        tags: ['staff'],
        summary: '新建工作人员账号（管理员，仅限管辖范围内的机构）',
        body: Type.Object({
          username: Type.String({ pattern: '^[A-Za-z0-9_.-]{3,32}$', description: '3–32 位字母、数字、下划线' }),
          name: Name({ maxLength: 40 }),
          unitId: Type.String({ format: 'uuid' }),
          roles: Roles,
          password: Password,
          phone: Type.Optional(Phone),
        }),
        response: { 201: Staff },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createStaff(ctxOf(app, req), req.body)),
  );

  app.get(
    '/staff',
    {
      schema: {
        tags: ['staff'],
        querystring: Type.Object({
          ...pageQuery,
          q: Type.Optional(Type.String({ maxLength: 40 })),
          unitId: Type.Optional(Type.String({ format: 'uuid' })),
          role: Type.Optional(RoleSchema),
          disabled: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Paged(Staff) },
      },
    },
    async (req, reply) => {
      const { q, unitId, role, disabled } = req.query;
      return sendList(reply, req.query, (paging) => service.listStaff(ctxOf(app, req), { q, unitId, role, disabled }, paging), {
        filename: '工作人员',
        sheet: '工作人员',
        columns: [
          { header: '用户名', value: (s) => s.username },
          { header: '姓名', value: (s) => s.name },
          { header: '所属机构', width: 36, value: (s) => s.unitName },
          { header: '区划代码', value: (s) => s.regionCode },
          { header: '角色', width: 30, value: (s) => s.roles.map((r) => roleNames[r as Role] ?? r).join('、') },
          { header: '电话（脱敏）', value: (s) => s.phone },
          { header: '状态', value: (s) => (s.disabled ? '停用' : '正常') },
        ],
      });
    },
  );

  app.get('/staff/:id', { schema: { tags: ['staff'], params: IdParams, response: { 200: Staff } } }, async (req) =>
    service.getStaff(ctxOf(app, req), req.params.id),
  );

  app.patch(
    '/staff/:id',
    {
      schema: {
        tags: ['staff'],
        summary: '修改工作人员；变更角色、机构、密码或停用会立即终止其登录',
        params: IdParams,
        body: Type.Object({
          name: Type.Optional(Name({ maxLength: 40 })),
          roles: Type.Optional(Roles),
          disabled: Type.Optional(Type.Boolean()),
          unitId: Type.Optional(Type.String({ format: 'uuid' })),
          phone: Type.Optional(Type.Union([Type.Null(), Phone])),
          password: Type.Optional(Password),
        }),
        response: { 200: Staff },
      },
    },
    async (req) => service.updateStaff(ctxOf(app, req), req.params.id, req.body),
  );

  app.post(
    '/staff/:id/reveal',
    {
      schema: {
        tags: ['staff'],
        summary: '查看完整电话号码（记入审计日志）',
        params: IdParams,
        body: Type.Object({
          fields: Type.Array(Type.Literal('phone'), { minItems: 1 }),
          reason: Type.String({ minLength: 2, maxLength: 200 }),
        }),
        response: { 200: Type.Object({ phone: Type.Optional(Type.Union([Type.String(), Type.Null()])) }) },
      },
    },
    async (req) => service.revealStaff(ctxOf(app, req), req.params.id, req.body.fields, req.body.reason),
  );

  app.post(
    '/staff/:id/two-factor/reset',
    {
      schema: {
        tags: ['staff'],
        summary: '重置工作人员的两步验证（如手机丢失；管理员，不能重置自己；其会话同时终止，记入审计日志）',
        params: IdParams,
        response: { 200: Type.Object({ hadTwoFactor: Type.Boolean({ description: '此前已设置（或已开始设置）两步验证' }) }) },
      },
    },
    async (req) => service.resetTwoFactor(ctxOf(app, req), req.params.id),
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改本人密码；成功后需重新登录',
        body: Type.Object({ currentPassword: Type.String({ minLength: 1 }), newPassword: Type.String({ minLength: 8, maxLength: 128 }) }),
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await service.changeOwnPassword(ctxOf(app, req), req.body.currentPassword, req.body.newPassword);
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );
}
