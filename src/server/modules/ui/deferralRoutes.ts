// HTTP for deferral agreements (缓发协议; seed 002 §(八): 已就业在领失业金人员签订缓发协议率达100%):
// the agreement of a claim stopped by re-employment, and the year's rate with the claims missing one.
import { Type, type TSchema } from '@sinclair/typebox';
import { noteAccess } from '../../platform/accessLog.js';
import { ctxOf } from '../../platform/context.js';
import { IdParams, Nullable, pageQuery, sendList, Paragraph, type App } from '../../platform/http.js';
import { deferralRate, missingDeferrals, signDeferral } from './deferral.js';
import type { getClaim } from './service.js';

const DateString = Type.String({ format: 'date', pattern: '^(19|20)\\d{2}-\\d{2}-\\d{2}$' });

const Missing = Type.Object({
  claimId: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  regionCode: Type.String(),
  startMonth: Type.String(),
  entitlementMonths: Type.Integer(),
  stoppedOn: Type.String({ description: '因重新就业停发的日期' }),
  caseworkerName: Nullable(Type.String()),
});

/** `claimSchema` is the claim's response schema of routes.ts (passed in, so the two files import in one direction). */
export async function deferralRoutes(app: App, claimSchema: TSchema) {
  const Claim = Type.Unsafe<Awaited<ReturnType<typeof getClaim>>>(claimSchema);
  app.post(
    '/ui/claims/:id/deferral',
    {
      config: { idempotent: true },
      schema: {
        tags: ['ui'],
        summary:
          '签订缓发协议（失业保险经办员；种子文件 002 §(八)）：领取期间重新就业而停发的申领，保留未领期限（由系统按领取期限减已发放月数计算）；非因重新就业停发的 422，已签订 409',
        params: IdParams,
        body: Type.Object({
          signedOn: DateString,
          note: Type.Optional(Paragraph({ maxLength: 500, description: '备注' })),
        }),
        response: { 201: Claim },
      },
    },
    async (req, reply) => reply.status(201).send(await signDeferral(ctxOf(app, req), req.params.id, req.body)),
  );

  app.get(
    '/ui/deferrals',
    {
      schema: {
        tags: ['ui'],
        summary:
          '已就业在领失业金人员签订缓发协议率（种子文件 002 §(八)：达100%，政策参数 ui.deferral_agreement_target）：当年领取期间因重新就业停发的申领中已签订缓发协议的比例；missing=true 时附未签订的名单（分页）；format=xlsx 导出未签订的名单',
        querystring: Type.Object({
          ...pageQuery,
          year: Type.Integer({ minimum: 1999, maximum: 2100 }),
          regionCode: Type.Optional(Type.String({ pattern: '^\\d{12}$', description: '行政区划代码，缺省为本人辖区' })),
          missing: Type.Optional(Type.Boolean({ description: 'true：附未签订缓发协议的名单' })),
        }),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            regionCode: Type.String(),
            name: Type.String(),
            reemployed: Type.Integer({ description: '当年领取期间因重新就业停发的申领数' }),
            signed: Type.Integer({ description: '其中已签订缓发协议的' }),
            missing: Type.Integer({ description: '其中未签订的' }),
            rate: Nullable(Type.Number({ description: '签订率（%，一位小数）；无重新就业停发的为空' })),
            target: Nullable(Type.Number({ description: '目标（%）' })),
            targetSource: Nullable(Type.String({ description: '目标的依据' })),
            met: Nullable(Type.Boolean({ description: '是否达到目标' })),
            items: Type.Optional(Type.Array(Missing, { description: 'missing=true 时：未签订缓发协议的申领（本页）' })),
            total: Type.Optional(Type.Integer({ description: 'missing=true 时：未签订的总数' })),
          }),
        },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(app, req);
      const { prefix, ...rate } = await deferralRate(ctx, req.query.year, req.query.regionCode);
      if (req.query.format === 'xlsx') {
        await sendList(reply, req.query, (paging) => missingDeferrals(ctx, rate.year, prefix, paging), {
          onExport: (rows) =>
            noteAccess(
              ctx,
              rows.map((r) => ({ personId: r.personId, regionCode: r.regionCode, action: 'export' as const, rows: rows.length })),
            ),
          filename: `未签订缓发协议${rate.year}`,
          sheet: '未签订缓发协议',
          columns: [
            { header: '姓名', value: (r) => r.personName },
            { header: '区划代码', width: 14, value: (r) => r.regionCode },
            { header: '起始月份', value: (r) => r.startMonth },
            { header: '领取期限（月）', value: (r) => r.entitlementMonths },
            { header: '停发日期', value: (r) => r.stoppedOn },
            { header: '经办人', value: (r) => r.caseworkerName },
          ],
        });
        return reply;
      }
      if (!req.query.missing) return rate;
      const { page, pageSize } = req.query;
      const list = await missingDeferrals(ctx, rate.year, prefix, { limit: pageSize, offset: (page - 1) * pageSize });
      return { ...rate, ...list };
    },
  );
}
