// HTTP for the audit trail (auditor role).
import { shanghaiDateTimeText } from '../../platform/clock.js';
import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../platform/context.js';
import type { App } from '../../platform/http.js';
import { verifyAuditChain } from '../../platform/audit.js';
import { anywhereCtx, requireRole } from '../../platform/context.js';
import { Paged, pageQuery, sendList } from '../../platform/http.js';
import { AuditEntry } from './schemas.js';
import { listAudit } from './repo.js';

export const actionNames: Record<string, string> = {
  create: '新建',
  update: '修改',
  login: '登录',
  change_password: '修改密码',
  reveal: '查看敏感信息',
  import: '导入',
  register: '登记',
  detect: '认定',
  resolve: '解决',
  add_member: '添加成员',
  remove_member: '移出成员',
  withdraw: '收回',
  reissue: '补发',
  issue: '发证',
};

/** Start of a Shanghai calendar day as an instant. */
const dayStart = (date: string) => new Date(`${date}T00:00:00+08:00`);

export async function auditRoutes(app: App) {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志（审计员）',
        querystring: Type.Object({
          ...pageQuery,
          entity: Type.Optional(Type.String({ maxLength: 40 })),
          entityId: Type.Optional(Type.String({ maxLength: 64 })),
          actor: Type.Optional(Type.String({ maxLength: 64 })),
          action: Type.Optional(Type.String({ maxLength: 40 })),
          from: Type.Optional(Type.String({ format: 'date', description: '起始日期（含）' })),
          to: Type.Optional(Type.String({ format: 'date', description: '截止日期（含）' })),
        }),
        response: { 200: Paged(AuditEntry) },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(app, req);
      requireRole(ctx, 'auditor');
      const { entity, entityId, actor, action, from, to } = req.query;
      const filter = {
        entity,
        entityId,
        actor,
        action,
        from: from ? dayStart(from) : undefined,
        to: to ? new Date(dayStart(to).getTime() + 86_400_000) : undefined,
      };
      return sendList(reply, req.query, (paging) => listAudit(ctx, filter, paging), {
        filename: '审计日志',
        sheet: '审计日志',
        columns: [
          { header: '序号', width: 8, value: (r) => r.seq },
          { header: '时间（北京时间）', width: 22, value: (r) => shanghaiDateTimeText(r.at) },
          { header: '操作人', value: (r) => r.actorUsername },
          { header: '操作', value: (r) => actionNames[r.action] ?? r.action },
          { header: '对象', value: (r) => r.entity },
          { header: '对象编号', width: 38, value: (r) => r.entityId },
          { header: '区划', value: (r) => r.regionCode },
          { header: '原因', width: 24, value: (r) => r.reason },
          { header: '变更前', width: 40, value: (r) => (r.before == null ? '' : JSON.stringify(r.before)) },
          { header: '变更后', width: 40, value: (r) => (r.after == null ? '' : JSON.stringify(r.after)) },
          { header: '请求编号', width: 38, value: (r) => r.requestId },
        ],
      });
    },
  );

  app.get(
    '/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: '校验审计日志哈希链，报告第一处断裂',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            checked: Type.Integer(),
            brokenAt: Type.Optional(Type.Integer()),
            problem: Type.Optional(Type.String()),
          }),
        },
      },
    },
    async (req) => {
      const ctx = ctxOf(app, req);
      requireRole(ctx, 'auditor');
      // The chain is one for the whole country; the answer shows no row, only where it breaks.
      return verifyAuditChain(anywhereCtx(ctx).db);
    },
  );
}
