// HTTP for employers and their filings (JOB-1).
import { Type } from '@sinclair/typebox';
import { employerSizeNames, industryLabel, type EmployerSize } from '../../../shared/industries.js';
import { employerFilingKindNames, type EmployerFilingKind } from '../../../shared/labels.js';
import { ctxOf } from '../../platform/context.js';
import type { App } from '../../platform/http.js';
import { shanghaiDateTimeText } from '../../platform/clock.js';
import { IdParams, Name, Paged, pageQuery, Paragraph, sendList, Text } from '../../platform/http.js';
import { DateString, Employer, EmployerInput, Filing, optionalFields } from './schemas.js';
import * as service from './service.js';

export async function employerRoutes(app: App) {
  app.post(
    '/employers',
    {
      config: { idempotent: true },
      schema: {
        tags: ['employers'],
        summary: '登记用人单位（统一社会信用代码不能重复）',
        body: EmployerInput,
        response: { 201: Employer },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createEmployer(ctxOf(app, req), req.body)),
  );

  app.get(
    '/employers',
    {
      schema: {
        tags: ['employers'],
        summary: '管辖范围内的用人单位；q 按名称或统一社会信用代码查找',
        querystring: Type.Object({
          ...pageQuery,
          q: Type.Optional(Text({ maxLength: 60 })),
          regionCode: Type.Optional(Type.String({ pattern: '^\\d{1,12}$' })),
          industry: Type.Optional(
            Type.String({ pattern: '^[A-T](\\d{2})?$', description: '门类（含其下各大类的单位）或大类，GB/T 4754-2017' }),
          ),
        }),
        response: { 200: Paged(Employer) },
      },
    },
    async (req, reply) => {
      const { q, regionCode, industry } = req.query;
      return sendList(reply, req.query, (paging) => service.listEmployers(ctxOf(app, req), { q, regionCode, industry }, paging), {
        filename: '用人单位名录',
        sheet: '用人单位',
        columns: [
          { header: '单位名称', width: 36, value: (e) => e.name },
          { header: '统一社会信用代码', width: 22, value: (e) => e.creditCode },
          { header: '所在地', width: 20, value: (e) => e.regionName },
          { header: '行业', width: 28, value: (e) => (e.industry ? industryLabel(e.industry) : null) },
          { header: '规模', value: (e) => (e.size ? (employerSizeNames[e.size as EmployerSize] ?? e.size) : null) },
          { header: '联系人', value: (e) => e.contactName },
          { header: '联系电话', width: 16, value: (e) => e.contactPhone },
          { header: '在招岗位数', value: (e) => e.vacancyCount },
          { header: '登记时间', width: 20, value: (e) => shanghaiDateTimeText(e.createdAt) },
        ],
      });
    },
  );

  app.get(
    '/employers/:id',
    { schema: { tags: ['employers'], summary: '用人单位详情', params: IdParams, response: { 200: Employer } } },
    async (req) => service.getEmployer(ctxOf(app, req), req.params.id),
  );

  app.patch(
    '/employers/:id',
    {
      schema: {
        tags: ['employers'],
        summary: '修改用人单位信息（统一社会信用代码不可修改）',
        params: IdParams,
        body: Type.Object({
          name: Type.Optional(Name({ minLength: 2, maxLength: 100 })),
          regionCode: Type.Optional(Type.String({ pattern: '^\\d{12}$' })),
          ...optionalFields,
        }),
        response: { 200: Employer },
      },
    },
    async (req) => service.updateEmployer(ctxOf(app, req), req.params.id, req.body),
  );

  app.post(
    '/employers/:id/filings',
    {
      config: { idempotent: true },
      schema: {
        tags: ['employers'],
        summary: '招用人员录用备案、劳动合同备案',
        params: IdParams,
        body: Type.Object({
          kind: Type.Unsafe<EmployerFilingKind>(
            Type.String({ enum: Object.keys(employerFilingKindNames), description: 'hiring 录用备案，contract 劳动合同备案' }),
          ),
          personName: Name({ maxLength: 40 }),
          personId: Type.Optional(Type.String({ format: 'uuid' })),
          date: DateString,
          contractEnd: Type.Optional(DateString),
          notes: Type.Optional(Paragraph({ maxLength: 500 })),
        }),
        response: { 201: Filing },
      },
    },
    async (req, reply) => reply.status(201).send(await service.addFiling(ctxOf(app, req), req.params.id, req.body)),
  );

  app.get(
    '/employers/:id/filings',
    { schema: { tags: ['employers'], summary: '用人单位的备案记录', params: IdParams, response: { 200: Type.Array(Filing) } } },
    async (req) => service.filingsOf(ctxOf(app, req), req.params.id),
  );
}
