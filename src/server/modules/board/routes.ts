// The public job board (JOB-7, JOB-8): no login. Published, unexpired vacancies with Chinese
// full-text search and filters, one vacancy's page, the fairs calendar, and the employer's check
// of a referral letter. Nothing here shows a person's identifiers.
import { Type } from '@sinclair/typebox';
import { referralOutcomeNames, type ReferralOutcome } from '../../../shared/labels.js';
import type { App } from '../../platform/http.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { IdParams, pageQuery, Paragraph, Text } from '../../platform/http.js';
import { param } from '../../policy/service.js';
import { upcomingFairs } from '../fairs/index.js';
import { listChildren } from '../regions/index.js';
import { anonymousCtx } from '../../platform/context.js';
import { employerFeedback, letterCodeOf, verifyLetter } from '../referrals/index.js';
import * as vacancyRepo from '../vacancies/index.js';
import { searchQuery } from '../vacancies/index.js';
import { Fair } from '../fairs/index.js';
import { Code, Letter, PublicVacancyDetail, PublicVacancyPage } from './schemas.js';
import { boardNoticeRoutes } from './noticeRoutes.js';

export async function boardRoutes(app: App) {
  const today = () => shanghaiDateOf(app.deps.now());
  await boardNoticeRoutes(app);

  app.get(
    '/public/vacancies',
    {
      schema: {
        tags: ['public'],
        summary: '公开岗位（已审核发布、未过期、未招满）；q 支持一两个字的中文词（焊工、司机、会计）',
        security: [],
        querystring: Type.Object({
          ...pageQuery,
          q: Type.Optional(Text({ maxLength: 40 })),
          regionCode: Type.Optional(Type.String({ pattern: '^\\d{1,12}$' })),
          occupation: Type.Optional(Type.String({ pattern: '^\\d(-\\d{2}){0,3}$' })),
          wageMin: Type.Optional(Type.Integer({ minimum: 0, description: '月工资不低于（分）：岗位工资上限达到此数' })),
          postedWithinDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
        }),
        response: { 200: PublicVacancyPage },
      },
    },
    async (req) => {
      const { q, regionCode, occupation, wageMin, postedWithinDays, page, pageSize } = req.query;
      const tsquery = q ? searchQuery(q) : undefined;
      if (q && !tsquery) return { items: [], total: 0, totalCapped: false, page, pageSize };
      const postedSince = postedWithinDays ? new Date(app.deps.now().getTime() - postedWithinDays * 86_400_000) : undefined;
      const result = await vacancyRepo.searchPublic(
        app.deps.db,
        { today: today(), tsquery, regionCode, occupation, wageMin, postedSince },
        { limit: pageSize, offset: (page - 1) * pageSize },
      );
      return { ...result, page, pageSize };
    },
  );

  app.get(
    '/public/vacancies/:id',
    { schema: { tags: ['public'], summary: '公开岗位详情', security: [], params: IdParams, response: { 200: PublicVacancyDetail } } },
    async (req) => {
      const vacancy = await vacancyRepo.findPublic(app.deps.db, req.params.id, today());
      if (!vacancy) throw new AppError('NOT_FOUND', '该招聘信息已过期或已下架');
      return vacancy;
    },
  );

  app.get(
    '/public/regions',
    {
      schema: {
        tags: ['public'],
        summary: '行政区划（公开，用于招聘信息的地区筛选）',
        security: [],
        querystring: Type.Object({ parent: Type.Optional(Type.String({ pattern: '^\\d{2,12}$' })) }),
        response: { 200: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), level: Type.Integer() })) },
      },
    },
    async (req) => listChildren(anonymousCtx(app, req), req.query.parent),
  );

  app.get(
    '/public/fairs',
    {
      schema: {
        tags: ['public'],
        summary: '招聘会日程（今天及以后、未取消）',
        security: [],
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 30 }) }),
        response: { 200: Type.Array(Fair) },
      },
    },
    async (req) => upcomingFairs(app.deps.db, today(), req.query.limit),
  );

  // Employers posting their own vacancies need the longest validity to offer a default date; the
  // figure is published policy, so it is public. Other parameters stay behind the staff login.
  app.get(
    '/public/params/vacancy.max_validity',
    {
      schema: {
        tags: ['public'],
        summary: '岗位信息最长有效天数（公开，用于单位发布岗位时的默认有效期）',
        security: [],
        querystring: Type.Object({ regionCode: Type.String({ pattern: '^\\d{12}$' }) }),
        response: { 200: Type.Object({ value: Type.Number() }) },
      },
    },
    async (req) => ({ value: await param(app.deps.db, 'vacancy.max_validity', req.query.regionCode, today()) }),
  );

  // Letter look-ups and feedback count together per client address, and per code from all
  // addresses (a code cannot be tried from many); unknown codes count as misses of the address.
  const letterLimits = {
    onRequest: app.requestLimits.perAddress('letter'),
    preHandler: app.requestLimits.perKey('letterCode', (req) => letterCodeOf((req.body as { code: string }).code)),
  };

  app.post(
    '/public/referrals/verify',
    {
      ...letterLimits,
      schema: {
        tags: ['public'],
        summary: '用人单位核验介绍信',
        security: [],
        body: Type.Object({ code: Code }),
        response: { 200: Letter },
      },
    },
    async (req) => verifyLetter(anonymousCtx(app, req), req.body.code, app.requestLimits.misses('letterMiss', req)),
  );

  app.post(
    '/public/referrals/feedback',
    {
      ...letterLimits,
      schema: {
        tags: ['public'],
        summary: '用人单位反馈推荐结果（由经办人员确认后登记）',
        security: [],
        body: Type.Object({
          code: Code,
          outcome: Type.Unsafe<ReferralOutcome>(Type.String({ enum: Object.keys(referralOutcomeNames) })),
          comment: Type.Optional(Paragraph({ maxLength: 300 })),
        }),
        response: { 200: Letter },
      },
    },
    async (req) => employerFeedback(anonymousCtx(app, req), req.body.code, req.body, app.requestLimits.misses('letterMiss', req)),
  );
}
