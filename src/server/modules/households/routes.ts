// HTTP for households and zero-employment cases.
import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../platform/context.js';
import type { App } from '../../platform/http.js';
import { IdParams, Name, Paged, pageQuery, sendList, Text } from '../../platform/http.js';
import { Case, Household, Relation } from './schemas.js';
import * as service from './service.js';
import type { CaseStatus } from './repo.js';

const caseStatusNames: Record<CaseStatus, string> = { open: '办理中', due_soon: '即将到期', overdue: '已超期', resolved: '已解决' };

export async function householdRoutes(app: App) {
  app.post(
    '/households',
    {
      config: { idempotent: true },
      schema: {
        tags: ['households'],
        summary: '建立家庭（成员须在管辖范围内且不属于其他家庭）；零就业家庭自动认定',
        body: Type.Object({
          regionCode: Type.String({ pattern: '^\\d{12}$' }),
          address: Type.Optional(Text({ maxLength: 200 })),
          householdType: Type.Optional(Type.Unsafe<'urban' | 'rural'>(Type.String({ enum: ['urban', 'rural'] }))),
          memberIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 20 }),
          relations: Type.Optional(Type.Record(Type.String({ format: 'uuid' }), Relation, { maxProperties: 20 })),
        }),
        response: { 201: Household },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createHousehold(ctxOf(app, req), req.body)),
  );

  app.post(
    '/households/:id/members',
    {
      schema: {
        tags: ['households'],
        summary: '添加家庭成员（须在管辖范围内且不属于其他家庭）；重新认定零就业家庭',
        params: IdParams,
        body: Type.Object({ personId: Type.String({ format: 'uuid' }), relation: Relation }),
        response: { 200: Household },
      },
    },
    async (req) => service.addHouseholdMember(ctxOf(app, req), req.params.id, req.body.personId, req.body.relation),
  );

  app.post(
    '/households/:id/members/:personId/remove',
    {
      schema: {
        tags: ['households'],
        summary: '移出家庭成员（迁出、死亡等，须说明原因）；重新认定零就业家庭',
        params: Type.Object({ id: Type.String({ format: 'uuid' }), personId: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ reason: Name({ minLength: 2, maxLength: 200 }) }),
        response: { 200: Household },
      },
    },
    async (req) => service.removeHouseholdMember(ctxOf(app, req), req.params.id, req.params.personId, req.body.reason),
  );

  app.get('/households/:id', { schema: { tags: ['households'], params: IdParams, response: { 200: Household } } }, async (req) =>
    service.getHousehold(ctxOf(app, req), req.params.id),
  );

  app.get(
    '/assistance/zero-employment-cases',
    {
      schema: {
        tags: ['assistance'],
        summary:
          '零就业家庭个案：open 办理中，due_soon 即将到期（天数为参数 zero_employment.due_soon_days），overdue 已超期，resolved 已解决',
        querystring: Type.Object({
          ...pageQuery,
          status: Type.Optional(Type.Unsafe<CaseStatus>(Type.String({ enum: ['open', 'due_soon', 'overdue', 'resolved'] }))),
        }),
        response: { 200: Paged(Case) },
      },
    },
    async (req, reply) =>
      sendList(reply, req.query, (paging) => service.listZeroEmploymentCases(ctxOf(app, req), req.query.status, paging), {
        filename: '零就业家庭',
        sheet: '零就业家庭',
        columns: [
          { header: '户主', value: (c) => c.headName },
          { header: '社区（村）', width: 24, value: (c) => c.communityName },
          { header: '区划代码', value: (c) => c.regionCode },
          { header: '地址', width: 30, value: (c) => c.address },
          { header: '认定日期', value: (c) => c.detectedOn },
          { header: '解决期限', value: (c) => c.deadline },
          { header: '解决日期', value: (c) => c.resolvedOn },
          { header: '状态', value: (c) => caseStatusNames[c.status] },
        ],
      }),
  );
}
