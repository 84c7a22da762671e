// HTTP for the re-employment rate of claimants during benefit (UI-4), with an Excel export.
import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../platform/context.js';
import { Nullable, sendXlsx, xlsxOf, type App } from '../../platform/http.js';
import { reemploymentRate } from './reemploymentRate.js';

const Figures = {
  claimants: Type.Integer({ description: '当年享受过失业保险金的人数' }),
  reemployed: Type.Integer({ description: '其中当年因重新就业停发的人数' }),
  rate: Nullable(Type.Number({ description: '享受待遇期间再就业率（%，一位小数）；无领取人员时为空' })),
  met: Nullable(Type.Boolean({ description: '是否达到目标' })),
};

export async function reemploymentRateRoutes(app: App) {
  app.get(
    '/ui/reemployment-rate',
    {
      schema: {
        tags: ['ui'],
        summary:
          '享受失业保险待遇期间再就业率（种子文件 003 §(十七)：不低于40%，政策参数 ui.reemployment_rate_target）：当年领取过失业保险金的人员中当年因重新就业停发的比例，并按下一级区划分列；?format=xlsx 导出',
        querystring: Type.Object({
          year: Type.Integer({ minimum: 1999, maximum: 2100 }),
          regionCode: Type.Optional(Type.String({ pattern: '^\\d{12}$', description: '行政区划代码，缺省为本人辖区' })),
          format: Type.Optional(Type.Unsafe<'xlsx'>(Type.String({ enum: ['xlsx'] }))),
        }),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            regionCode: Type.String(),
            name: Type.String(),
            ...Figures,
            target: Nullable(Type.Number({ description: '目标（%）' })),
            targetSource: Nullable(Type.String({ description: '目标的依据' })),
            byArea: Type.Array(Type.Object({ regionCode: Type.String(), name: Type.String(), ...Figures })),
          }),
        },
      },
    },
    async (req, reply) => {
      const result = await reemploymentRate(ctxOf(app, req), req.query.year, req.query.regionCode);
      if (req.query.format !== 'xlsx') return result;
      const rows = [...result.byArea, { ...result, name: `${result.name}合计` }];
      const file = await xlsxOf(
        '再就业率',
        [
          { header: '区划', width: 24, value: (r: (typeof rows)[number]) => r.name },
          { header: '区划代码', width: 14, value: (r) => r.regionCode },
          { header: '领取人数', value: (r) => r.claimants },
          { header: '再就业人数', value: (r) => r.reemployed },
          { header: '再就业率（%）', value: (r) => r.rate },
          { header: '目标（%）', value: () => result.target },
          { header: '是否达标', value: (r) => (r.met === null ? '' : r.met ? '达标' : '未达标') },
        ],
        rows,
      );
      await sendXlsx(reply, `享受待遇期间再就业率${result.year}`, file);
      return reply;
    },
  );
}
