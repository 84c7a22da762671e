// HTTP for hard-to-employ recognitions (AID-1).
import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../platform/context.js';
import type { App } from '../../platform/http.js';
import { IdParams, Name, Paged, pageQuery, sendList } from '../../platform/http.js';
import { categories, categoryCodes } from './categories.js';
import type { RecognitionStatus } from './repo.js';
import { PersonCategories, Recognition, RecogniseBody, RecognitionListItem } from './schemas.js';
import * as service from './service.js';

const statusNames: Record<RecognitionStatus, string> = { active: '有效', expired: '已过有效期', revoked: '已撤销' };
const categoryName = (code: string) => categories.find((c) => c.code === code)?.name ?? code;

export async function assistanceRoutes(app: App) {
  app.get(
    '/persons/:id/categories',
    {
      schema: {
        tags: ['assistance'],
        summary: '就业困难人员类别：按规则今天符合而尚未认定的（proposed）、有效认定（recognised）、认定历史和各类别规则的判断',
        params: IdParams,
        response: { 200: PersonCategories },
      },
    },
    async (req) => service.categoriesOfPerson(ctxOf(app, req), req.params.id),
  );

  app.post(
    '/persons/:id/categories',
    {
      schema: {
        tags: ['assistance'],
        summary: '认定就业困难人员类别（reviewer）；不符合规则须填写破格认定理由，否则 422 RULE_VIOLATION；同一类别已有有效认定 409',
        params: IdParams,
        body: RecogniseBody,
        response: { 201: Recognition },
      },
    },
    async (req, reply) => reply.status(201).send(await service.recognise(ctxOf(app, req), req.params.id, req.body)),
  );

  app.post(
    '/assistance/recognitions/:id/revoke',
    {
      schema: {
        tags: ['assistance'],
        summary: '撤销就业困难人员认定（reviewer，须说明原因）；记录保留在认定历史中',
        params: IdParams,
        body: Type.Object({ reason: Name({ minLength: 2, maxLength: 200 }) }),
        response: { 200: Recognition },
      },
    },
    async (req) => service.revokeRecognition(ctxOf(app, req), req.params.id, req.body.reason),
  );

  app.get(
    '/assistance/recognitions',
    {
      schema: {
        tags: ['assistance'],
        summary: '就业困难人员认定一览（管辖范围内）：按类别、区划、状态筛选，可导出 Excel',
        querystring: Type.Object({
          ...pageQuery,
          category: Type.Optional(Type.Unsafe<string>(Type.String({ enum: [...categoryCodes] }))),
          regionCode: Type.Optional(Type.String({ pattern: '^\\d{2,12}$', description: '区划代码或其前缀' })),
          status: Type.Optional(Type.Unsafe<RecognitionStatus>(Type.String({ enum: ['active', 'expired', 'revoked'] }))),
        }),
        response: { 200: Paged(RecognitionListItem) },
      },
    },
    async (req, reply) => {
      const { category, regionCode, status } = req.query;
      return sendList(reply, req.query, (paging) => service.listRecognitions(ctxOf(app, req), { category, regionCode, status }, paging), {
        filename: '就业困难人员认定',
        sheet: '就业困难人员认定',
        columns: [
          { header: '姓名', value: (r) => r.personName },
          { header: '身份证号', width: 22, text: true, value: (r) => r.idNumber },
          { header: '社区（村）', width: 24, value: (r) => r.regionName },
          { header: '区划代码', text: true, value: (r) => r.regionCode },
          { header: '类别', width: 20, value: (r) => categoryName(r.category) },
          { header: '认定日期', value: (r) => r.recognisedOn },
          { header: '有效期至', value: (r) => r.validUntil },
          { header: '证明材料', width: 30, value: (r) => r.evidence },
          { header: '破格认定理由', width: 30, value: (r) => r.overrideReason },
          { header: '认定人', value: (r) => r.recognisedByName },
          { header: '状态', value: (r) => statusNames[r.status] },
          { header: '撤销日期', value: (r) => r.revokedOn },
          { header: '撤销原因', width: 30, value: (r) => r.revokedReason },
        ],
      });
    },
  );
}
