// HTTP for job fairs (JOB-6).
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { jobFairKindNames, type JobFairKind } from '../../../shared/labels.js';
import { ctxOf } from '../../platform/context.js';
import type { App } from '../../platform/http.js';
import { IdParams, Paged, pageQuery, sendList, sendXlsx, Text, xlsxOf } from '../../platform/http.js';
import { Count, DateString, Fair, fields, Report } from './schemas.js';
import * as service from './service.js';

export async function fairRoutes(app: App) {
  app.post(
    '/fairs',
    {
      config: { idempotent: true },
      schema: { tags: ['fairs'], summary: '新建招聘会（综合或专场）', body: Type.Object(fields), response: { 201: Fair } },
    },
    async (req, reply) => reply.status(201).send(await service.createFair(ctxOf(app, req), req.body)),
  );

  app.get(
    '/fairs',
    {
      schema: {
        tags: ['fairs'],
        summary: '管辖范围内的招聘会',
        querystring: Type.Object({
          ...pageQuery,
          from: Type.Optional(DateString),
          to: Type.Optional(DateString),
          kind: Type.Optional(Type.Unsafe<string>(Type.String({ enum: Object.keys(jobFairKindNames) }))),
        }),
        response: { 200: Paged(Fair) },
      },
    },
    async (req, reply) => {
      const { from, to, kind } = req.query;
      return sendList(reply, req.query, (paging) => service.listFairs(ctxOf(app, req), { from, to, kind }, paging), {
        filename: '招聘会',
        sheet: '招聘会',
        columns: [
          { header: '名称', width: 30, value: (f) => f.name },
          { header: '类型', width: 16, value: (f) => jobFairKindNames[f.kind as JobFairKind] ?? f.kind },
          { header: '日期', value: (f) => f.date },
          { header: '地点', width: 30, value: (f) => f.venue },
          { header: '展位数', value: (f) => f.boothCount },
          { header: '岗位数', value: (f) => f.vacancyCount },
          { header: '招聘人数', value: (f) => f.headcount },
          { header: '入场人数', value: (f) => f.attendance },
          { header: '达成意向', value: (f) => f.intentions },
          { header: '签约人数', value: (f) => f.deals },
          { header: '状态', value: (f) => (f.cancelled ? '已取消' : '') },
        ],
      });
    },
  );

  app.get('/fairs/:id', { schema: { tags: ['fairs'], summary: '招聘会', params: IdParams, response: { 200: Fair } } }, async (req) => {
    const report = await service.fairReport(ctxOf(app, req), req.params.id);
    return report.fair;
  });

  app.patch(
    '/fairs/:id',
    {
      schema: {
        tags: ['fairs'],
        summary: '修改招聘会；举办后登记入场人数、达成意向和签约人数',
        params: IdParams,
        body: Type.Object({
          ...Type.Partial(Type.Object(fields)).properties,
          cancelled: Type.Optional(Type.Boolean()),
          attendance: Count,
          intentions: Count,
          deals: Count,
        }),
        response: { 200: Fair },
      },
    },
    async (req) => service.updateFair(ctxOf(app, req), req.params.id, req.body),
  );

  app.post(
    '/fairs/:id/booths',
    {
      schema: {
        tags: ['fairs'],
        summary: '为用人单位安排展位',
        params: IdParams,
        body: Type.Object({ employerId: Type.String({ format: 'uuid' }), boothNo: Type.Optional(Text({ maxLength: 20 })) }),
        response: { 201: Report },
      },
    },
    async (req, reply) => reply.status(201).send(await service.addBooth(ctxOf(app, req), req.params.id, req.body)),
  );

  app.get(
    '/fairs/:id/report',
    {
      schema: {
        tags: ['fairs'],
        summary: '招聘会报告（展位、岗位、入场、意向、签约）；format=xlsx 导出',
        params: IdParams,
        querystring: Type.Object({ format: Type.Optional(Type.Literal('xlsx')) }),
        response: { 200: Report },
      },
    },
    async (req, reply) => {
      const report = await service.fairReport(ctxOf(app, req), req.params.id);
      if (req.query.format !== 'xlsx') return report;
      const f = report.fair;
      const summary = [
        ['招聘会', f.name],
        ['类型', jobFairKindNames[f.kind as JobFairKind] ?? f.kind],
        ['日期', f.date],
        ['地点', f.venue],
        ['展位数', f.boothCount],
        ['岗位数', f.vacancyCount],
        ['招聘人数', f.headcount],
        ['入场人数', f.attendance ?? '未登记'],
        ['达成意向人数', f.intentions ?? '未登记'],
        ['签约人数', f.deals ?? '未登记'],
        ...report.booths.map((b) => [`展位 ${b.boothNo ?? ''} ${b.employerName}`, `${b.vacancies} 个岗位，招聘 ${b.headcount} 人`]),
      ] as [string, string | number][];
      const file = await xlsxOf(
        '招聘会报告',
        [
          { header: '项目', width: 40, value: (r: [string, string | number]) => r[0] },
          { header: '内容', width: 40, value: (r) => r[1] },
        ],
        summary,
      );
      return sendXlsx(reply as FastifyReply, `招聘会报告-${f.name}`, file);
    },
  );
}
