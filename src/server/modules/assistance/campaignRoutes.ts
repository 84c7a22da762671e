// HTTP for campaigns (AID-7) and full-employment communities (AID-9).
import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../platform/context.js';
import { IdParams, Paged, pageQuery, sendList, sendXlsx, Text, xlsxOf, type App } from '../../platform/http.js';
import { campaignKindNames, campaignKinds, campaignTargetGroupNames } from '../../../shared/campaigns.js';
import { Campaign, CampaignInput, CampaignPatch, CampaignResults, Community, CommunityRanking } from './campaignSchemas.js';
import * as campaigns from './campaignService.js';
import * as communities from './communityService.js';

const statusNames = { planned: '未开始', running: '进行中', ended: '已结束' } as const;
const AsOf = Type.Optional(Type.String({ format: 'date', description: '统计截止日（含），缺省为今天；按各记录的业务日期计' }));

export async function campaignRoutes(app: App) {
  app.post(
    '/assistance/campaigns',
    {
      config: { idempotent: true },
      schema: {
        tags: ['assistance'],
        summary: '创建专项活动（就业援助月、毕业生就业服务周、春风行动……）：范围、期间、目标群体、各项指标目标数',
        body: CampaignInput,
        response: { 201: Campaign },
      },
    },
    async (req, reply) => reply.status(201).send(await campaigns.createCampaign(ctxOf(app, req), req.body)),
  );

  app.get(
    '/assistance/campaigns',
    {
      schema: {
        tags: ['assistance'],
        summary: '专项活动：q 搜索名称；kind 活动类型；activeOn 在该日进行中',
        querystring: Type.Object({
          ...pageQuery,
          q: Type.Optional(Text({ maxLength: 40 })),
          kind: Type.Optional(Type.String({ enum: [...campaignKinds] })),
          activeOn: Type.Optional(Type.String({ format: 'date' })),
        }),
        response: { 200: Paged(Campaign) },
      },
    },
    async (req, reply) => {
      const { q, kind, activeOn } = req.query;
      return sendList(reply, req.query, (paging) => campaigns.listCampaigns(ctxOf(app, req), { q, kind, activeOn }, paging), {
        filename: '专项活动',
        sheet: '专项活动',
        columns: [
          { header: '活动名称', width: 28, value: (c) => c.name },
          { header: '类型', width: 16, value: (c) => campaignKindNames[c.kind] },
          { header: '范围', width: 20, value: (c) => c.regionName },
          { header: '开始日期', value: (c) => c.startDate },
          { header: '结束日期', value: (c) => c.endDate },
          { header: '状态', value: (c) => statusNames[c.status] },
          {
            header: '目标群体',
            width: 30,
            value: (c) => c.targetGroups.map((g) => campaignTargetGroupNames[g] ?? g).join('、') || '全部人员',
          },
        ],
      });
    },
  );

  app.get(
    '/assistance/campaigns/:id',
    { schema: { tags: ['assistance'], summary: '专项活动', params: IdParams, response: { 200: Campaign } } },
    async (req) => campaigns.getCampaign(ctxOf(app, req), req.params.id),
  );

  app.patch(
    '/assistance/campaigns/:id',
    {
      schema: {
        tags: ['assistance'],
        summary: '修改专项活动的计划（结果由记录统计，不能修改）',
        params: IdParams,
        body: CampaignPatch,
        response: { 200: Campaign },
      },
    },
    async (req) => campaigns.updateCampaign(ctxOf(app, req), req.params.id, req.body),
  );

  app.get(
    '/assistance/campaigns/:id/results',
    {
      schema: {
        tags: ['assistance'],
        summary: '专项活动成效：各项指标的目标、实际（按活动期内、活动范围内、目标群体的记录统计）与完成比例；?format=xlsx 导出',
        params: IdParams,
        querystring: Type.Object({ format: Type.Optional(Type.Literal('xlsx')) }),
        response: { 200: CampaignResults },
      },
    },
    async (req, reply) => {
      const results = await campaigns.campaignResults(ctxOf(app, req), req.params.id);
      if (req.query.format !== 'xlsx') return results;
      const file = await xlsxOf(
        '活动成效',
        [
          { header: '指标', width: 26, value: (r: (typeof results.results)[number]) => r.name },
          { header: '目标', value: (r) => r.target ?? '' },
          { header: '实际', value: (r) => r.actual },
          { header: '完成比例', value: (r) => (r.share === null ? '' : `${(r.share * 100).toFixed(1)}%`) },
        ],
        results.results,
      );
      return sendXlsx(reply, `${results.campaign.name}-成效-${results.countedOn}`, file);
    },
  );

  app.get(
    '/assistance/full-employment-communities',
    {
      schema: {
        tags: ['assistance'],
        summary: '充分就业社区：辖区内各社区按标准逐项判定（截至 asOf），排名与达标社区占比；?format=xlsx 导出',
        querystring: Type.Object({ ...pageQuery, asOf: AsOf, regionCode: Type.Optional(Type.String({ pattern: '^\\d{12}$' })) }),
        response: { 200: CommunityRanking },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(app, req);
      const filter = { asOf: req.query.asOf, regionCode: req.query.regionCode };
      if (req.query.format === 'xlsx') {
        const all = await communities.rankFullEmploymentCommunities(ctx, filter, { limit: 100_000, offset: 0 });
        type Row = (typeof all.items)[number];
        const factCell = (i: number) => (c: Row) => {
          const f = c.facts[i]!;
          return `${f.met ? '达标' : '未达标'}：${f.explanation}`;
        };
        const file = await xlsxOf<Row>(
          '充分就业社区',
          [
            { header: '排名', value: (c) => c.rank },
            { header: '社区', width: 20, value: (c) => c.regionName },
            { header: '街道', width: 20, value: (c) => c.streetName },
            { header: '达标项', value: (c) => `${c.criteriaMet}/${c.criteriaTotal}` },
            { header: '达到标准', value: (c) => (c.meetsStandard ? '是' : '否') },
            { header: '得分', value: (c) => c.score },
            ...[0, 1, 2, 3].map((i) => ({ header: all.items[0]?.facts[i]?.name ?? `第${i + 1}项`, width: 40, value: factCell(i) })),
          ],
          all.items,
        );
        return sendXlsx(reply, `充分就业社区-${all.asOf}`, file);
      }
      const ranking = await communities.rankFullEmploymentCommunities(ctx, filter, {
        limit: req.query.pageSize,
        offset: (req.query.page - 1) * req.query.pageSize,
      });
      return { ...ranking, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/assistance/full-employment-communities/:regionCode',
    {
      schema: {
        tags: ['assistance'],
        summary: '一个社区的充分就业判定与各项依据（截至 asOf）',
        params: Type.Object({ regionCode: Type.String({ pattern: '^\\d{12}$' }) }),
        querystring: Type.Object({ asOf: AsOf }),
        response: { 200: Type.Intersect([Community, Type.Object({ asOf: Type.String() })]) },
      },
    },
    async (req) => communities.fullEmploymentCommunity(ctxOf(app, req), req.params.regionCode, req.query.asOf),
  );
}
