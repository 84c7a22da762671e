// HTTP for households and zero-employment cases.
import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../platform/context.js';
import type { App } from '../../platform/http.js';
import { IdParams, Name, Paged, pageQuery, Paragraph, sendList, sendXlsx, Text, xlsxOf } from '../../platform/http.js';
import { caseMeasureKindNames, caseResolutionNames } from '../../../shared/labels.js';
import { Case, CaseDetail, CaseMonth, Household, MeasureKind, Relation } from './schemas.js';
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
          '零就业家庭个案：open 办理中，due_soon 即将到期（天数为参数 zero_employment.due_soon_days），overdue 已超期（上级督办），resolved 已解决；mine 只看本人承办的，unassigned 只看未指定承办人的',
        querystring: Type.Object({
          ...pageQuery,
          status: Type.Optional(Type.Unsafe<CaseStatus>(Type.String({ enum: ['open', 'due_soon', 'overdue', 'resolved'] }))),
          mine: Type.Optional(Type.Boolean()),
          unassigned: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Paged(Case) },
      },
    },
    async (req, reply) =>
      sendList(
        reply,
        req.query,
        (paging) =>
          service.listZeroEmploymentCases(
            ctxOf(app, req),
            { status: req.query.status, mine: req.query.mine, unassigned: req.query.unassigned },
            paging,
          ),
        {
          filename: '零就业家庭',
          sheet: '零就业家庭',
          columns: [
            { header: '户主', value: (c) => c.headName },
            { header: '社区（村）', width: 24, value: (c) => c.communityName },
            { header: '区划代码', value: (c) => c.regionCode },
            { header: '地址', width: 30, value: (c) => c.address },
            { header: '认定日期', value: (c) => c.detectedOn },
            { header: '录入日期', value: (c) => c.recordedOn },
            { header: '解决期限', value: (c) => c.deadline },
            { header: '承办人', value: (c) => c.caseworkerName },
            { header: '状态', value: (c) => caseStatusNames[c.status] },
            { header: '督办', value: (c) => (c.escalated ? '超期督办' : '') },
            { header: '解决日期', value: (c) => c.resolvedOn },
            { header: '解决方式', value: (c) => (c.resolution ? caseResolutionNames[c.resolution] : '') },
          ],
        },
      ),
  );

  app.get(
    '/assistance/zero-employment-cases/monthly',
    {
      schema: {
        tags: ['assistance'],
        summary: '零就业家庭“动态清零”月度情况：按下一级区域统计新认定、到期、按期解决及按期解决率、月末未解决与超期；?format=xlsx 导出',
        querystring: Type.Object({
          month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }),
          format: Type.Optional(Type.Literal('xlsx')),
        }),
        response: { 200: CaseMonth },
      },
    },
    async (req, reply) => {
      const result = await service.zeroEmploymentMonth(ctxOf(app, req), req.query.month);
      if (req.query.format !== 'xlsx') return result;
      const rate = (r: number | null) => (r === null ? '—' : `${r}%`);
      type Row = (typeof result.items)[number] | null;
      const of = (r: Row) => r ?? result.total;
      const file = await xlsxOf<Row>(
        '月度情况',
        [
          { header: '区域', width: 24, value: (r) => r?.regionName ?? r?.regionCode ?? '合计' },
          { header: '本月新认定', value: (r) => of(r).detected },
          { header: '本月到期', value: (r) => of(r).due },
          { header: '按期解决', value: (r) => of(r).resolvedInTime },
          { header: '按期解决率', value: (r) => rate(of(r).resolvedInTimeRate) },
          { header: '月末未解决', value: (r) => of(r).openAtEnd },
          { header: '月末超期', value: (r) => of(r).overdueAtEnd },
        ],
        [...result.items, null],
      );
      return sendXlsx(reply, `零就业家庭月度情况-${req.query.month}`, file);
    },
  );

  app.get(
    '/assistance/zero-employment-cases/:id',
    {
      schema: {
        tags: ['assistance'],
        summary: '零就业家庭个案：成员、承办人、帮扶计划与措施、解决情况',
        params: IdParams,
        response: { 200: CaseDetail },
      },
    },
    async (req) => service.getZeroEmploymentCase(ctxOf(app, req), req.params.id),
  );

  app.patch(
    '/assistance/zero-employment-cases/:id',
    {
      schema: {
        tags: ['assistance'],
        summary: '指定承办人（经办人员，其管辖范围须包含该家庭）；null 为取消指定',
        params: IdParams,
        body: Type.Object({ caseworkerId: Type.Union([Type.Null(), Type.String({ format: 'uuid' })]) }),
        response: { 200: CaseDetail },
      },
    },
    async (req) => service.assignCaseworker(ctxOf(app, req), req.params.id, req.body.caseworkerId),
  );

  app.post(
    '/assistance/zero-employment-cases/:id/measures',
    {
      config: { idempotent: true },
      schema: {
        tags: ['assistance'],
        summary: `帮扶计划与措施：填计划日期（dueOn）为计划，填办理日期（takenOn）为已采取的措施；类型：${Object.values(caseMeasureKindNames).join('、')}`,
        params: IdParams,
        body: Type.Object({
          kind: MeasureKind,
          personId: Type.Optional(Type.String({ format: 'uuid' })),
          dueOn: Type.Optional(Type.String({ format: 'date' })),
          takenOn: Type.Optional(Type.String({ format: 'date' })),
          note: Paragraph({ minLength: 2, maxLength: 1000 }),
          outcome: Type.Optional(Paragraph({ maxLength: 1000 })),
        }),
        response: { 201: CaseDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await service.addCaseMeasure(ctxOf(app, req), req.params.id, req.body)),
  );

  app.post(
    '/assistance/zero-employment-cases/:id/measures/:measureId/taken',
    {
      config: { idempotent: true },
      schema: {
        tags: ['assistance'],
        summary: '登记计划措施已办理（办理日期与结果）',
        params: Type.Object({ id: Type.String({ format: 'uuid' }), measureId: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ takenOn: Type.String({ format: 'date' }), outcome: Type.Optional(Paragraph({ maxLength: 1000 })) }),
        response: { 200: CaseDetail },
      },
    },
    async (req) => service.markCaseMeasureTaken(ctxOf(app, req), req.params.id, req.params.measureId, req.body.takenOn, req.body.outcome),
  );
}
