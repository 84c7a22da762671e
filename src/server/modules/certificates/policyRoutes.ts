// HTTP for the holder's side of the 就业失业登记证 (AID-5): eligibility review, yearly check, the
// holders due for their check, the policies a person enjoyed, and the policy rate.
import { Type } from '@sinclair/typebox';
import { noteAccess } from '../../platform/accessLog.js';
import { ctxOf } from '../../platform/context.js';
import type { App } from '../../platform/http.js';
import { DateTime, IdParams, Name, Nullable, Paged, pageQuery, sendList } from '../../platform/http.js';
import * as service from './policies.js';
import { policyTypeNames, type PolicyType } from './rules.js';

const Reason = Type.Object({ rule: Type.String(), source: Type.String(), detail: Type.String(), met: Type.Boolean() });
const Review = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  regionCode: Type.String(),
  certificateNo: Nullable(Type.String()),
  kind: Type.String({ description: 'eligibility 资格审核，yearly_check 年审' }),
  date: Type.String(),
  result: Type.String({
    description: '资格审核：eligible 符合、eligible_by_override 不符合但经说明理由认定；年审：continue 继续有效、withdraw 收回',
  }),
  reasons: Type.Array(Reason),
  comment: Type.String(),
  overrideReason: Nullable(Type.String()),
  createdBy: Type.String(),
  createdByName: Type.Optional(Type.String()),
  unitId: Nullable(Type.String()),
  createdAt: DateTime,
});
const DateField = Type.Optional(Type.String({ format: 'date', description: '实际办理日期，缺省为今天' }));

export async function certificatePolicyRoutes(app: App) {
  app.post(
    '/persons/:id/certificate/eligibility-reviews',
    {
      config: { idempotent: true },
      schema: {
        tags: ['registrations'],
        summary: '就业失业登记证资格审核（审核员）：逐条列出规则与依据；不符合的 422 RULE_VIOLATION，除非填写认定理由（审计留痕）',
        params: IdParams,
        body: Type.Object({
          date: DateField,
          comment: Name({ minLength: 2, maxLength: 500 }),
          overrideReason: Type.Optional(Name({ minLength: 2, maxLength: 500 })),
        }),
        response: { 201: Review },
      },
    },
    async (req, reply) => reply.status(201).send(await service.reviewEligibility(ctxOf(app, req), req.params.id, req.body)),
  );

  app.post(
    '/persons/:id/certificate/checks',
    {
      config: { idempotent: true },
      schema: {
        tags: ['registrations'],
        summary: '就业失业登记证年审：continue 继续有效，withdraw 收回（须写明理由）',
        params: IdParams,
        body: Type.Object({
          date: DateField,
          result: Type.Unsafe<'continue' | 'withdraw'>(Type.String({ enum: ['continue', 'withdraw'] })),
          comment: Name({ minLength: 2, maxLength: 500 }),
        }),
        response: { 201: Review },
      },
    },
    async (req, reply) => reply.status(201).send(await service.recordYearlyCheck(ctxOf(app, req), req.params.id, req.body)),
  );

  app.get(
    '/persons/:id/certificate/reviews',
    {
      schema: {
        tags: ['registrations'],
        summary: '就业失业登记证的资格审核与年审记录，及下次年审日期',
        params: IdParams,
        response: {
          200: Type.Object({
            reviews: Type.Array(Review),
            nextCheck: Nullable(
              Type.Object({
                intervalMonths: Type.Integer(),
                lastIssued: Type.String(),
                lastChecked: Nullable(Type.String()),
                dueOn: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => service.reviewsOf(ctxOf(app, req), req.params.id),
  );

  app.get(
    '/persons/:id/policies-enjoyed',
    {
      schema: {
        tags: ['registrations'],
        summary: '该人员享受过的再就业优惠政策（由发放补贴、安置公益性岗位等业务记录）',
        params: IdParams,
        querystring: Type.Object({ ...pageQuery }),
        response: {
          200: Paged(
            Type.Object({
              id: Type.String(),
              personId: Type.String(),
              regionCode: Type.String(),
              policyType: Type.String({
                description: Object.entries(policyTypeNames)
                  .map(([c, n]) => `${c} ${n}`)
                  .join('、'),
              }),
              date: Type.String(),
              amountFen: Nullable(Type.Integer()),
              sourceType: Type.String(),
              sourceId: Type.String(),
              unitId: Nullable(Type.String()),
              createdBy: Type.String(),
              createdByName: Type.Optional(Type.String()),
              createdAt: DateTime,
            }),
          ),
        },
      },
    },
    async (req, reply) =>
      sendList(reply, req.query, (paging) => service.policiesEnjoyedOf(ctxOf(app, req), req.params.id, paging), {
        filename: '享受优惠政策记录',
        sheet: '享受优惠政策',
        columns: [
          { header: '政策', width: 20, value: (p) => policyTypeNames[p.policyType as PolicyType] ?? p.policyType },
          { header: '日期', value: (p) => p.date },
          { header: '金额（元）', value: (p) => (p.amountFen === null ? '' : (p.amountFen / 100).toFixed(2)) },
          { header: '经办人', value: (p) => p.createdByName ?? p.createdBy },
        ],
      }),
  );

  app.get(
    '/certificates/checks-due',
    {
      schema: {
        tags: ['registrations'],
        summary: '待年审的持证人员：到期日在今后若干天内（缺省 30 天）或已逾期（overdue=true 只看逾期），按到期日排序',
        querystring: Type.Object({
          ...pageQuery,
          overdue: Type.Optional(Type.Boolean()),
          withinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 366 })),
        }),
        response: {
          200: Paged(
            Type.Object({
              personId: Type.String(),
              name: Type.String(),
              idNumber: Type.String(),
              certificateNo: Type.String(),
              regionCode: Type.String(),
              lastCheckedOrIssued: Type.String(),
              dueOn: Type.String(),
              overdue: Type.Boolean(),
            }),
          ),
        },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(app, req);
      return sendList(
        reply,
        req.query,
        async (paging) => {
          const r = await service.checksDue(ctx, { overdueOnly: req.query.overdue, withinDays: req.query.withinDays }, paging);
          return { items: r.items, total: r.total };
        },
        {
          onExport: (rows) =>
            noteAccess(
              ctx,
              rows.map((p) => ({ personId: p.personId, regionCode: p.regionCode, action: 'export' as const, rows: rows.length })),
            ),
          filename: '待年审持证人员',
          sheet: '待年审',
          columns: [
            { header: '姓名', value: (p) => p.name },
            { header: '身份证号（脱敏）', width: 22, value: (p) => p.idNumber },
            { header: '证号', width: 20, value: (p) => p.certificateNo },
            { header: '区划', width: 14, value: (p) => p.regionCode },
            { header: '上次发证/年审', width: 14, value: (p) => p.lastCheckedOrIssued },
            { header: '年审到期日', width: 14, value: (p) => p.dueOn },
            { header: '状态', value: (p) => (p.overdue ? '已逾期' : '即将到期') },
          ],
        },
      );
    },
  );

  app.get(
    '/certificates/policy-rate',
    {
      schema: {
        tags: ['registrations'],
        summary:
          '持证再就业人员享受优惠政策比例：当年领证且领证后当年再就业的人员中，年底前至少享受一项优惠政策的比例，与目标（参数 reemployment_certificate.target_policy_rate）比较',
        querystring: Type.Object({
          year: Type.Integer({ minimum: 2000, maximum: 2100 }),
          regionCode: Type.Optional(Type.String({ pattern: '^\\d{12}$' })),
        }),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            regionCode: Type.String(),
            numerator: Type.Integer({ description: '享受过至少一项优惠政策的人数' }),
            denominator: Type.Integer({ description: '当年领证并再就业的人数' }),
            ratePercent: Nullable(Type.Number()),
            targetPercent: Nullable(Type.Number()),
            targetSource: Nullable(Type.String()),
            met: Nullable(Type.Boolean()),
            byRegion: Type.Array(
              Type.Object({
                regionCode: Type.String(),
                numerator: Type.Integer(),
                denominator: Type.Integer(),
                ratePercent: Nullable(Type.Number()),
              }),
              { description: '下一级区域的分项数字（社区一级无分项）' },
            ),
          }),
        },
      },
    },
    async (req) => service.policyRate(ctxOf(app, req), req.query),
  );
}
