// HTTP for policy notices (JOB-8), staff side: drafts, submission, review, withdrawal and lists.
import { Type } from '@sinclair/typebox';
import { noticeCategoryNames, noticeStatusNames, type NoticeCategory, type NoticeStatus } from '../../../shared/notices.js';
import { shanghaiDateTimeText } from '../../platform/clock.js';
import { ctxOf } from '../../platform/context.js';
import type { App } from '../../platform/http.js';
import { IdParams, Name, Paged, pageQuery, Paragraph, sendList, Text } from '../../platform/http.js';
import { Category, editable, Notice, NoticeInput } from './schemas.js';
import * as service from './service.js';

const tags = ['notices'];

export async function noticeRoutes(app: App) {
  app.post(
    '/notices',
    {
      config: { idempotent: true },
      schema: { tags, summary: '撰写政策公告（草稿）', body: NoticeInput, response: { 201: Notice } },
    },
    async (req, reply) => reply.status(201).send(await service.createNotice(ctxOf(app, req), req.body)),
  );

  app.get(
    '/notices',
    {
      schema: {
        tags,
        summary: '管辖范围内的政策公告；status=submitted 为审核队列；q 按标题查找',
        querystring: Type.Object({
          ...pageQuery,
          q: Type.Optional(Text({ maxLength: 40 })),
          status: Type.Optional(Type.Unsafe<NoticeStatus>(Type.String({ enum: Object.keys(noticeStatusNames) }))),
          category: Type.Optional(Category),
          regionCode: Type.Optional(Type.String({ pattern: '^\\d{2,12}$' })),
        }),
        response: { 200: Paged(Notice) },
      },
    },
    async (req, reply) => {
      const { page: _p, pageSize: _s, format: _f, ...filter } = req.query;
      return sendList(reply, req.query, (paging) => service.listNotices(ctxOf(app, req), filter, paging), {
        filename: filter.status === 'submitted' ? '待审核政策公告' : '政策公告',
        sheet: '政策公告',
        columns: [
          { header: '标题', width: 40, value: (n) => n.title },
          { header: '类别', value: (n) => noticeCategoryNames[n.category as NoticeCategory] ?? n.category },
          { header: '适用地区', width: 20, value: (n) => n.regionName ?? n.regionCode },
          { header: '状态', value: (n) => noticeStatusNames[n.status as NoticeStatus] ?? n.status },
          { header: '发布日期', value: (n) => n.publishedOn },
          { header: '有效期自', value: (n) => n.validFrom },
          { header: '有效期至', value: (n) => n.validUntil ?? (n.publishedOn ? '长期' : '') },
          {
            header: '依据文件',
            width: 50,
            value: (n) => n.sources.map((s) => `《${s.title.replace(/^《|》$/g, '')}》${s.documentNumber ?? ''}`).join('；'),
          },
          { header: '发布机构', width: 30, value: (n) => n.unitName },
          { header: '撰写人', value: (n) => n.createdByName },
          { header: '审核人', value: (n) => n.reviewedByName },
          { header: '撤回原因', width: 30, value: (n) => n.withdrawReason },
          { header: '最后修改', width: 20, value: (n) => shanghaiDateTimeText(n.updatedAt) },
        ],
      });
    },
  );

  app.get('/notices/:id', { schema: { tags, summary: '政策公告详情', params: IdParams, response: { 200: Notice } } }, async (req) =>
    service.getNotice(ctxOf(app, req), req.params.id),
  );

  app.patch(
    '/notices/:id',
    {
      schema: {
        tags,
        summary: '修改草稿（含被退回的）',
        params: IdParams,
        body: Type.Partial(Type.Object(editable)),
        response: { 200: Notice },
      },
    },
    async (req) => service.updateNotice(ctxOf(app, req), req.params.id, req.body),
  );

  app.post('/notices/:id/submit', { schema: { tags, summary: '提交审核', params: IdParams, response: { 200: Notice } } }, async (req) =>
    service.submitNotice(ctxOf(app, req), req.params.id),
  );

  app.post(
    '/notices/:id/review',
    {
      schema: {
        tags,
        summary: '审核：approve 发布，return 退回草稿（须填原因）；撰写或修改过公告的人不能审核',
        params: IdParams,
        body: Type.Object({
          decision: Type.Unsafe<'approve' | 'return'>(Type.String({ enum: ['approve', 'return'] })),
          comment: Type.Optional(Paragraph({ maxLength: 500 })),
        }),
        response: { 200: Notice },
      },
    },
    async (req) => service.reviewNotice(ctxOf(app, req), req.params.id, req.body.decision, req.body.comment),
  );

  app.post(
    '/notices/:id/withdraw',
    {
      schema: {
        tags,
        summary: '撤回已发布的公告（从公开栏撤下），须填原因',
        params: IdParams,
        body: Type.Object({ reason: Name({ minLength: 2, maxLength: 200 }) }),
        response: { 200: Notice },
      },
    },
    async (req) => service.withdrawNotice(ctxOf(app, req), req.params.id, req.body.reason),
  );
}
