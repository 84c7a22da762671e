// 政策公告 on the public board (JOB-8): published notices valid today, no login. A district's
// notices show under that district and the city's under every district of it.
import { Type } from '@sinclair/typebox';
import { shanghaiDateOf } from '../../platform/clock.js';
import type { App } from '../../platform/http.js';
import { IdParams, Paged, pageQuery, Text } from '../../platform/http.js';
import { findPublicNotice, PublicNotice, PublicNoticeDetail, searchPublicNotices } from '../notices/index.js';
import { noticeCategoryNames } from '../../../shared/notices.js';

export async function boardNoticeRoutes(app: App) {
  const today = () => shanghaiDateOf(app.deps.now());

  app.get(
    '/public/notices',
    {
      schema: {
        tags: ['public'],
        summary: '政策公告（已审核发布、在有效期内）；q 搜索标题和正文，regionCode 为区县等区划代码前缀（含上级地区的公告）',
        security: [],
        querystring: Type.Object({
          page: pageQuery.page,
          pageSize: pageQuery.pageSize,
          q: Type.Optional(Text({ maxLength: 40 })),
          regionCode: Type.Optional(Type.String({ pattern: '^\\d{2,12}$' })),
          category: Type.Optional(Type.String({ enum: Object.keys(noticeCategoryNames) })),
        }),
        response: { 200: Paged(PublicNotice) },
      },
    },
    async (req) => {
      const { q, regionCode, category, page, pageSize } = req.query;
      const result = await searchPublicNotices(
        app.deps.db,
        today(),
        { q, regionCode, category },
        { limit: pageSize, offset: (page - 1) * pageSize },
      );
      return { ...result, page, pageSize };
    },
  );

  app.get(
    '/public/notices/:id',
    {
      schema: {
        tags: ['public'],
        summary: '政策公告全文及依据文件',
        security: [],
        params: IdParams,
        response: { 200: PublicNoticeDetail },
      },
    },
    async (req) => findPublicNotice(app.deps.db, req.params.id, today()),
  );
}
