// HTTP for public-welfare posts and placements (AID-4).
import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../platform/context.js';
import { IdParams, Paged, pageQuery, sendList, sendXlsx, Text, xlsxOf, type App } from '../../platform/http.js';
import { placementExitReasonNames, welfarePostTypeNames } from '../../../shared/labels.js';
import { ExitInput, PlacementInput, Post, PostDetail, PostInput, Placement, SubsidyList } from './postsSchemas.js';
import * as service from './postsService.js';

const yuan = (fen: number | null) => (fen === null ? '未设定' : (fen / 100).toFixed(2));

export async function welfarePostRoutes(app: App) {
  app.post(
    '/assistance/posts',
    {
      config: { idempotent: true },
      schema: {
        tags: ['assistance'],
        summary: '登记公益性岗位（开发单位、类型、名额、期限）',
        body: PostInput,
        response: { 201: PostDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createPost(ctxOf(app, req), req.body)),
  );

  app.get(
    '/assistance/posts',
    {
      schema: {
        tags: ['assistance'],
        summary: '公益性岗位：q 搜索名称或开发单位；activeOn 在该日有效；free 只看有空余名额的',
        querystring: Type.Object({
          ...pageQuery,
          q: Type.Optional(Text({ maxLength: 40 })),
          regionCode: Type.Optional(Type.String({ pattern: '^\\d{1,12}$' })),
          activeOn: Type.Optional(Type.String({ format: 'date' })),
          free: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Paged(Post) },
      },
    },
    async (req, reply) => {
      const { q, regionCode, activeOn, free } = req.query;
      return sendList(reply, req.query, (paging) => service.listPosts(ctxOf(app, req), { q, regionCode, activeOn, free }, paging), {
        filename: '公益性岗位',
        sheet: '公益性岗位',
        columns: [
          { header: '岗位名称', width: 24, value: (p) => p.name },
          { header: '开发单位', width: 24, value: (p) => p.sponsor },
          { header: '类型', width: 20, value: (p) => welfarePostTypeNames[p.postType] },
          { header: '所在区域', width: 20, value: (p) => p.regionName },
          { header: '名额', value: (p) => p.places },
          { header: '在岗', value: (p) => p.occupied },
          { header: '开始日期', value: (p) => p.startDate },
          { header: '结束日期', value: (p) => p.endDate },
        ],
      });
    },
  );

  app.get(
    '/assistance/posts/subsidy-list',
    {
      schema: {
        tags: ['assistance'],
        summary: '公益性岗位月度补贴名册：当月在岗人员、在岗天数、岗位补贴与社会保险补贴（按参数，不满月按天折算）；?format=xlsx 导出',
        querystring: Type.Object({
          month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }),
          format: Type.Optional(Type.Literal('xlsx')),
        }),
        response: { 200: SubsidyList },
      },
    },
    async (req, reply) => {
      const list = await service.monthlySubsidyList(ctxOf(app, req), req.query.month);
      if (req.query.format !== 'xlsx') return list;
      type Row = (typeof list.items)[number] | null;
      const file = await xlsxOf<Row>(
        '补贴名册',
        [
          { header: '姓名', value: (r) => r?.personName ?? '合计' },
          { header: '身份证号', width: 22, value: (r) => r?.idNumber ?? `${list.total.persons} 人` },
          { header: '岗位', width: 24, value: (r) => r?.postName ?? '' },
          { header: '开发单位', width: 24, value: (r) => r?.sponsor ?? '' },
          { header: '上岗日期', value: (r) => r?.startDate ?? '' },
          { header: '本月在岗天数', value: (r) => r?.days ?? '' },
          { header: '岗位补贴（元）', value: (r) => yuan(r ? r.postSubsidyFen : list.total.postSubsidyFen) },
          { header: '社保补贴（元）', value: (r) => yuan(r ? r.socialInsuranceSubsidyFen : list.total.socialInsuranceSubsidyFen) },
        ],
        [...list.items, null],
      );
      return sendXlsx(reply, `公益性岗位补贴名册-${req.query.month}`, file);
    },
  );

  app.get(
    '/assistance/posts/:id',
    { schema: { tags: ['assistance'], summary: '公益性岗位及其安置人员', params: IdParams, response: { 200: PostDetail } } },
    async (req) => service.getPost(ctxOf(app, req), req.params.id),
  );

  app.post(
    '/assistance/posts/:id/placements',
    {
      config: { idempotent: true },
      schema: {
        tags: ['assistance'],
        summary: '安置人员上岗：同时办理就业登记（公益性岗位）；名额已满 409；非就业困难人员须填理由，累计安置期限用尽或不符合登记规则 422',
        params: IdParams,
        body: PlacementInput,
        response: { 201: Placement },
      },
    },
    async (req, reply) => reply.status(201).send(await service.placeOnPost(ctxOf(app, req), req.params.id, req.body)),
  );

  app.post(
    '/assistance/placements/:id/exit',
    {
      config: { idempotent: true },
      schema: {
        tags: ['assistance'],
        summary: `公益性岗位人员退出（${Object.values(placementExitReasonNames).join('、')}）：同时办理就业终止登记`,
        params: IdParams,
        body: ExitInput,
        response: { 200: Placement },
      },
    },
    async (req) => service.exitPlacement(ctxOf(app, req), req.params.id, req.body),
  );
}
