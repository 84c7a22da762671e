// HTTP for vacancies: staff registration, review queue and lists (JOB-2, JOB-3).
import { Type } from '@sinclair/typebox';
import { vacancySourceNames, vacancyStatusNames, type VacancySource } from '../../../shared/labels.js';
import { occupationName } from '../../../shared/occupations.js';
import { ctxOf } from '../../platform/context.js';
import type { App } from '../../platform/http.js';
import { shanghaiDateTimeText } from '../../platform/clock.js';
import { IdParams, Name, Paged, pageQuery, Paragraph, sendList, Text } from '../../platform/http.js';
import { editable, Flag, Vacancy, VacancyInput } from './schemas.js';
import * as service from './service.js';

const yuan = (fen: number) => fen / 100;

export async function vacancyRoutes(app: App) {
  app.post(
    '/vacancies',
    {
      config: { idempotent: true },
      schema: { tags: ['vacancies'], summary: '登记岗位；自动做就业歧视审查，进入待审核', body: VacancyInput, response: { 201: Vacancy } },
    },
    async (req, reply) => reply.status(201).send(await service.createVacancy(ctxOf(app, req), req.body)),
  );

  app.get(
    '/vacancies',
    {
      schema: {
        tags: ['vacancies'],
        summary: '管辖范围内的岗位；status=pending_review 为审核队列，flagged=true 只看有歧视提示的',
        querystring: Type.Object({
          ...pageQuery,
          q: Type.Optional(Text({ maxLength: 40 })),
          status: Type.Optional(Type.Unsafe<string>(Type.String({ enum: [...Object.keys(vacancyStatusNames), 'filled'] }))),
          flagged: Type.Optional(Type.Boolean()),
          employerId: Type.Optional(Type.String({ format: 'uuid' })),
          regionCode: Type.Optional(Type.String({ pattern: '^\\d{1,12}$' })),
          occupation: Type.Optional(Type.String({ pattern: '^\\d(-\\d{2}){0,3}$' })),
          source: Type.Optional(Type.Unsafe<string>(Type.String({ enum: Object.keys(vacancySourceNames) }))),
          fairId: Type.Optional(Type.String({ format: 'uuid' })),
        }),
        response: { 200: Paged(Vacancy) },
      },
    },
    async (req, reply) => {
      const { page: _p, pageSize: _s, format: _f, ...filter } = req.query;
      return sendList(reply, req.query, (paging) => service.listVacancies(ctxOf(app, req), filter, paging), {
        filename: filter.status === 'pending_review' ? '待审核岗位' : '岗位信息',
        sheet: '岗位',
        columns: [
          { header: '岗位名称', width: 24, value: (v) => v.title },
          { header: '用人单位', width: 30, value: (v) => v.employerName },
          { header: '职业', width: 20, value: (v) => (v.occupation ? `${v.occupation} ${occupationName(v.occupation) ?? ''}` : '') },
          { header: '招聘人数', value: (v) => v.headcount },
          { header: '已录用', value: (v) => v.filled },
          { header: '月薪下限（元）', value: (v) => yuan(v.wageMin) },
          { header: '月薪上限（元）', value: (v) => yuan(v.wageMax) },
          { header: '工作地点', width: 24, value: (v) => v.regionName },
          { header: '有效期至', value: (v) => v.validUntil },
          { header: '来源', value: (v) => vacancySourceNames[v.source as VacancySource] ?? v.source },
          {
            header: '状态',
            value: (v) => ({ ...vacancyStatusNames, filled: '已招满' })[v.status as 'filled'] ?? v.status,
          },
          { header: '歧视审查提示', width: 40, value: (v) => v.screening.flags.map((f) => `“${f.text}”${f.reason}`).join('；') },
          { header: '登记时间', width: 20, value: (v) => shanghaiDateTimeText(v.createdAt) },
        ],
      });
    },
  );

  app.get(
    '/vacancies/:id',
    { schema: { tags: ['vacancies'], summary: '岗位详情（含审查提示）', params: IdParams, response: { 200: Vacancy } } },
    async (req) => service.getVacancy(ctxOf(app, req), req.params.id),
  );

  app.patch(
    '/vacancies/:id',
    {
      schema: {
        tags: ['vacancies'],
        summary: '修改岗位；重新审查并回到待审核',
        params: IdParams,
        body: Type.Partial(Type.Object(editable)),
        response: { 200: Vacancy },
      },
    },
    async (req) => service.updateVacancy(ctxOf(app, req), req.params.id, req.body),
  );

  app.post(
    '/vacancies/:id/review',
    {
      schema: {
        tags: ['vacancies'],
        summary: '审核岗位：approve 发布，reject 驳回（须填意见）；有歧视提示的岗位须修改或说明理由后才能发布',
        params: IdParams,
        body: Type.Object({
          decision: Type.Unsafe<'approve' | 'reject'>(Type.String({ enum: ['approve', 'reject'] })),
          comment: Type.Optional(Paragraph({ maxLength: 500 })),
        }),
        response: { 200: Vacancy },
      },
    },
    async (req) => service.reviewVacancy(ctxOf(app, req), req.params.id, req.body.decision, req.body.comment),
  );

  app.post(
    '/vacancies/:id/close',
    {
      schema: {
        tags: ['vacancies'],
        summary: '关闭岗位（下架）',
        params: IdParams,
        body: Type.Object({ reason: Name({ minLength: 2, maxLength: 200 }) }),
        response: { 200: Vacancy },
      },
    },
    async (req) => service.closeVacancy(ctxOf(app, req), req.params.id, req.body.reason),
  );

  app.post(
    '/vacancies/screen',
    {
      schema: {
        tags: ['vacancies'],
        summary: '预览就业歧视审查结果（不保存）',
        body: Type.Object({
          title: Text({ maxLength: 60 }),
          description: Paragraph({ maxLength: 4000 }),
          skills: Type.Optional(Type.Array(Text({ maxLength: 20 }), { maxItems: 20 })),
        }),
        response: { 200: Type.Object({ flags: Type.Array(Flag) }) },
      },
    },
    async (req) => {
      ctxOf(app, req);
      return service.screenVacancy({ title: req.body.title, description: req.body.description, skills: req.body.skills ?? [] });
    },
  );
}
