// HTTP for the yearly vacancy survey (JOB-9).
import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../platform/context.js';
import type { App } from '../../platform/http.js';
import { IdParams, Name, Paged, pageQuery, Paragraph } from '../../platform/http.js';
import { Return, Survey } from './schemas.js';
import * as service from './service.js';

export async function surveyRoutes(app: App) {
  app.post(
    '/vacancy-surveys',
    {
      schema: {
        tags: ['vacancy-surveys'],
        summary: '开展年度空岗调查：辖区内登记的用人单位全部纳入',
        body: Type.Object({
          name: Name({ minLength: 2, maxLength: 80 }),
          year: Type.Integer({ minimum: 2000, maximum: 2100 }),
          dueDate: Type.String({ format: 'date' }),
          regionCode: Type.Optional(Type.String({ pattern: '^\\d{12}$' })),
        }),
        response: { 201: Survey },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createSurvey(ctxOf(app, req), req.body)),
  );

  app.get(
    '/vacancy-surveys',
    {
      schema: {
        tags: ['vacancy-surveys'],
        summary: '空岗调查及填报进度',
        querystring: Type.Object(pageQuery),
        response: { 200: Paged(Survey) },
      },
    },
    async (req) => ({
      ...(await service.listSurveys(ctxOf(app, req), { limit: req.query.pageSize, offset: (req.query.page - 1) * req.query.pageSize })),
      page: req.query.page,
      pageSize: req.query.pageSize,
    }),
  );

  app.get(
    '/vacancy-surveys/:id/returns',
    {
      schema: {
        tags: ['vacancy-surveys'],
        summary: '参加调查的单位及填报情况；returned=false 为未填报',
        params: IdParams,
        querystring: Type.Object({ ...pageQuery, returned: Type.Optional(Type.Boolean()) }),
        response: {
          200: Type.Object({
            survey: Survey,
            items: Type.Array(Return),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
        },
      },
    },
    async (req) => ({
      ...(await service.surveyReturnsOf(ctxOf(app, req), req.params.id, req.query.returned, {
        limit: req.query.pageSize,
        offset: (req.query.page - 1) * req.query.pageSize,
      })),
      page: req.query.page,
      pageSize: req.query.pageSize,
    }),
  );

  app.put(
    '/vacancy-surveys/:id/returns/:employerId',
    {
      schema: {
        tags: ['vacancy-surveys'],
        summary: '登记单位填报的空岗数和下年度用工需求',
        params: Type.Object({ id: Type.String({ format: 'uuid' }), employerId: Type.String({ format: 'uuid' }) }),
        body: Type.Object({
          currentVacancies: Type.Integer({ minimum: 0, maximum: 100_000 }),
          nextYearDemand: Type.Integer({ minimum: 0, maximum: 100_000 }),
          notes: Type.Optional(Paragraph({ maxLength: 500 })),
        }),
        response: { 200: Survey },
      },
    },
    async (req) => service.recordReturn(ctxOf(app, req), req.params.id, req.params.employerId, req.body),
  );
}
