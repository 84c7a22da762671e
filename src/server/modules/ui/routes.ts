// HTTP for unemployment insurance (UI-1, UI-2; shared/API.md "Second release", "Unemployment insurance (UI)").
import { Type } from '@sinclair/typebox';
import { noteAccess } from '../../platform/accessLog.js';
import { ctxOf } from '../../platform/context.js';
import { DateTime, IdParams, Name, Nullable, Paged, pageQuery, sendList, type App } from '../../platform/http.js';
import {
  separationReasonNames,
  separationReasons,
  uiClaimStatusNames,
  uiPaymentStatusNames,
  uiStopReasonNames,
  uiStopReasons,
  type SeparationReason,
  type UiClaimStatus,
  type UiPaymentStatus,
  type UiStopReason,
} from '../../../shared/labels.js';
import { paymentRunsRoutes } from './paymentRunsRoutes.js';
import { fundRoutes } from './fundRoutes.js';
import { claimStopRoutes } from './claimStopsRoutes.js';
import { coverageRoutes } from './coverageRoutes.js';
import { reemploymentRateRoutes } from './reemploymentRateRoutes.js';
import { claimCaseworkerRoutes } from './claimCaseworkerRoutes.js';
import { deferralRoutes } from './deferralRoutes.js';
import { contributionsImportRoutes } from './contributionsImportRoutes.js';
import { assessClaim, decideOnClaim, getClaim, listClaims, postContributions, takeClaim, uiAccountOf } from './service.js';

const Month = Type.String({ pattern: '^(19|20)\\d{2}-(0[1-9]|1[0-2])$', description: '月份 YYYY-MM' });
const DateString = Type.String({ format: 'date', pattern: '^(19|20)\\d{2}-\\d{2}-\\d{2}$' });
/** Amounts in fen: a month's contribution base up to 1,000,000 yuan. */
const Fen = Type.Integer({ minimum: 0, maximum: 100_000_000 });
const ReasonSchema = Type.Unsafe<SeparationReason>(
  Type.String({ enum: separationReasons, description: separationReasons.map((r) => `${r} ${separationReasonNames[r]}`).join('、') }),
);
const statuses = Object.keys(uiClaimStatusNames) as UiClaimStatus[];
const Status = Type.Unsafe<UiClaimStatus>(
  Type.String({ enum: statuses, description: statuses.map((s) => `${s} ${uiClaimStatusNames[s]}`).join('、') }),
);
const paymentStatuses = Object.keys(uiPaymentStatusNames) as UiPaymentStatus[];
const Reason = Type.Object({ rule: Type.String(), source: Type.String(), detail: Type.String() });

const Claim = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  personName: Nullable(Type.String()),
  regionCode: Type.String(),
  separationDate: Type.String(),
  separationReason: ReasonSchema,
  status: Status,
  eligible: Type.Boolean(),
  contributionMonths: Type.Integer({ description: '本次申领计算的缴费月数（不含前次申领已计算的月份）' }),
  countedThrough: Type.String({ description: '本次申领计算缴费至此月（YYYY-MM）' }),
  earlierClaimId: Nullable(Type.String({ description: '合并计算其未领期限的前次申领' })),
  carriedMonths: Type.Integer({ description: '前次应领而未领的月数' }),
  entitlementMonths: Type.Integer({ description: '领取期限（月）' }),
  monthlyAmountFen: Type.Integer({ description: '每月失业保险金（分）' }),
  startMonth: Type.String({ description: '首个发放月份 YYYY-MM' }),
  reasons: Type.Array(Reason),
  takenBy: Type.String(),
  takenByName: Type.String({ description: '受理人姓名' }),
  takenAt: DateTime,
  decidedBy: Nullable(Type.String()),
  decidedByName: Nullable(Type.String({ description: '审核人姓名' })),
  decidedAt: Nullable(DateTime),
  decisionComment: Nullable(Type.String()),
  stoppedOn: Nullable(Type.String()),
  stopReason: Nullable(
    Type.Unsafe<UiStopReason>(
      Type.String({ enum: uiStopReasons, description: uiStopReasons.map((r) => `${r} ${uiStopReasonNames[r]}`).join('、') }),
    ),
  ),
  caseworkerId: Nullable(Type.String({ description: '经办人（工作人员）' })),
  caseworkerName: Nullable(Type.String({ description: '经办人姓名（指定时的）' })),
  deferral: Nullable(
    Type.Object(
      {
        id: Type.String(),
        signedOn: Type.String({ description: '签订日期' }),
        entitlementMonths: Type.Integer({ description: '领取期限（月）' }),
        paidMonths: Type.Integer({ description: '签订时已发放的月数' }),
        keptMonths: Type.Integer({ description: '保留的未领期限（月）= 领取期限 − 已发放月数' }),
        note: Nullable(Type.String()),
        createdBy: Type.String(),
        createdAt: DateTime,
      },
      { description: '缓发协议（重新就业停发后签订），未签订为空' },
    ),
  ),
  paidMonths: Type.Integer({ description: '已审批发放的月数（不含银行退回的）' }),
  payments: Type.Array(
    Type.Object({
      month: Type.String(),
      amountFen: Type.Integer(),
      runId: Type.String(),
      status: Type.Unsafe<UiPaymentStatus>(
        Type.String({
          enum: paymentStatuses,
          description: 'draft 待审批、approved 已审批待发放、paid 已发放（银行退回的不列出，见 returnedPayments）',
        }),
      ),
    }),
  ),
  returnedPayments: Type.Array(
    Type.Object({
      month: Type.String(),
      amountFen: Type.Integer(),
      runId: Type.String(),
      failureReason: Nullable(Type.String({ description: '银行退回原因' })),
      returnedAt: Nullable(DateTime),
    }),
    { description: '银行退回（发放失败）的支付；该月由之后的发放批次补发，补发的一笔列在 payments 中' },
  ),
});

/** The body of a claim, taken (POST /ui/claims) or assessed (POST /ui/claims/assess). */
const ClaimBody = Type.Object({ personId: Type.String({ format: 'uuid' }), separationDate: DateString, separationReason: ReasonSchema });

const yuan = (fen: number) => (fen / 100).toFixed(2);

export async function uiRoutes(app: App) {
  app.post(
    '/ui/contributions',
    {
      config: { idempotent: true },
      schema: {
        tags: ['ui'],
        summary:
          '录入缴费记录（失业保险经办员）：整批校验，任一条有误则整批不保存（错误指明 /items/序号/字段）；同一人员、单位、月份只记录一次，重复提交相同金额计为 unchanged，金额不同 409',
        body: Type.Object({
          items: Type.Array(
            Type.Object({
              personId: Type.String({ format: 'uuid' }),
              employerId: Type.String({ format: 'uuid' }),
              month: Month,
              baseFen: Fen,
              paidFen: Fen,
            }),
            { minItems: 1, maxItems: 500 },
          ),
        }),
        response: { 200: Type.Object({ inserted: Type.Integer(), unchanged: Type.Integer() }) },
      },
    },
    async (req) => postContributions(ctxOf(app, req), req.body.items),
  );

  app.get(
    '/persons/:id/ui-account',
    {
      schema: {
        tags: ['ui'],
        summary: '失业保险个人账户：缴费月份（含中断月份）及前次申领已计算的月份',
        params: IdParams,
        response: {
          200: Type.Object({
            personId: Type.String(),
            contributionMonths: Type.Integer({ description: '已缴费（实缴大于 0）的月数' }),
            since: Nullable(Type.String({ description: '首次缴费月份' })),
            unusedMonths: Type.Integer({ description: '尚未被申领计算的缴费月数' }),
            months: Type.Array(
              Type.Object({
                month: Type.String(),
                contributed: Type.Boolean({ description: 'false：中断缴费的月份' }),
                paidFen: Type.Integer(),
                baseFen: Type.Integer(),
                employerIds: Type.Array(Type.String()),
                usedByClaimId: Nullable(Type.String({ description: '已被此次申领计算' })),
              }),
            ),
          }),
        },
      },
    },
    async (req) => uiAccountOf(ctxOf(app, req), req.params.id),
  );

  app.post(
    '/ui/claims',
    {
      config: { idempotent: true },
      schema: {
        tags: ['ui'],
        summary:
          '受理失业保险金申领：按《失业保险条例》第十四条判定（不符合 422 并指明规则），第十七条核定期限（与前次未领期限合并，最长 24 个月），第十八条核定标准',
        body: ClaimBody,
        response: { 201: Claim },
      },
    },
    async (req, reply) => reply.status(201).send(await takeClaim(ctxOf(app, req), req.body)),
  );

  app.get(
    '/ui/claims',
    {
      schema: {
        tags: ['ui'],
        summary: '失业保险金申领：按状态、人员、经办人筛选（mine=true 为本人经办的）',
        querystring: Type.Object({
          ...pageQuery,
          status: Type.Optional(Status),
          personId: Type.Optional(Type.String({ format: 'uuid' })),
          caseworkerId: Type.Optional(Type.String({ format: 'uuid', description: '经办人' })),
          mine: Type.Optional(Type.Boolean({ description: 'true：本人经办的申领' })),
        }),
        response: {
          200: Paged(
            Type.Object({
              id: Type.String(),
              personId: Type.String(),
              personName: Type.String(),
              regionCode: Type.String(),
              separationDate: Type.String(),
              separationReason: ReasonSchema,
              status: Status,
              entitlementMonths: Type.Integer(),
              monthlyAmountFen: Type.Integer(),
              startMonth: Type.String(),
              stoppedOn: Nullable(Type.String()),
              takenBy: Type.String(),
              takenByName: Type.String({ description: '受理人姓名' }),
              takenAt: DateTime,
              decidedBy: Nullable(Type.String()),
              caseworkerId: Nullable(Type.String()),
              caseworkerName: Nullable(Type.String()),
              decidedByName: Nullable(Type.String({ description: '审核人姓名' })),
            }),
          ),
        },
      },
    },
    async (req, reply) => {
      const { status, personId, caseworkerId, mine } = req.query;
      return sendList(reply, req.query, (paging) => listClaims(ctxOf(app, req), { status, personId, caseworkerId, mine }, paging), {
        onExport: (rows) =>
          noteAccess(
            ctxOf(app, req),
            rows.map((c) => ({ personId: c.personId, regionCode: c.regionCode, action: 'export' as const, rows: rows.length })),
          ),
        filename: '失业保险金申领',
        sheet: '失业保险金申领',
        columns: [
          { header: '姓名', value: (c) => c.personName },
          { header: '离职日期', value: (c) => c.separationDate },
          { header: '离职原因', width: 24, value: (c) => separationReasonNames[c.separationReason] },
          { header: '领取期限（月）', value: (c) => c.entitlementMonths },
          { header: '每月标准（元）', value: (c) => yuan(c.monthlyAmountFen) },
          { header: '起始月份', value: (c) => c.startMonth },
          { header: '状态', value: (c) => uiClaimStatusNames[c.status] },
          { header: '停发日期', value: (c) => c.stoppedOn },
          { header: '受理人', value: (c) => c.takenByName },
          { header: '审核人', value: (c) => c.decidedByName },
          { header: '经办人', value: (c) => c.caseworkerName },
        ],
      });
    },
  );

  app.get(
    '/ui/claims/:id',
    { schema: { tags: ['ui'], summary: '失业保险金申领及其判定依据、审核、停发与发放记录', params: IdParams, response: { 200: Claim } } },
    async (req) => getClaim(ctxOf(app, req), req.params.id),
  );

  app.post(
    '/ui/claims/:id/decision',
    {
      config: { idempotent: true },
      schema: {
        tags: ['ui'],
        summary: '审核失业保险金申领（审核员；受理人本人不能审核，403）：approve 开始享受待遇，reject 驳回',
        params: IdParams,
        body: Type.Object({
          decision: Type.Unsafe<'approve' | 'reject'>(Type.String({ enum: ['approve', 'reject'] })),
          comment: Name({ minLength: 2, maxLength: 500 }),
        }),
        response: { 200: Claim },
      },
    },
    async (req) => decideOnClaim(ctxOf(app, req), req.params.id, req.body.decision, req.body.comment),
  );

  await paymentRunsRoutes(app);
  fundRoutes(app);
  await claimStopRoutes(app, Claim);
  await coverageRoutes(app);
  await reemploymentRateRoutes(app);
  await claimCaseworkerRoutes(app, Claim);
  await deferralRoutes(app, Claim);
  await contributionsImportRoutes(app);
  app.post(
    '/ui/claims/assess',
    {
      schema: {
        tags: ['ui'],
        summary:
          '失业保险金申领试算（失业保险经办员）：与受理申领同样的判定（条例第十四条、第十七条、第十八条），返回是否符合条件、领取期限、每月标准、起始月份及各条规则的判定，不保存任何内容；人员不在管辖范围内 404，已有未终结的申领 409',
        body: ClaimBody,
        response: {
          200: Type.Object({
            eligible: Type.Boolean(),
            entitlementMonths: Type.Integer({ description: '领取期限（月），不符合条件时为按缴费计算的期限或 0' }),
            monthlyAmountFen: Type.Integer({ description: '每月失业保险金（分）' }),
            startMonth: Type.String({ description: '首个发放月份 YYYY-MM' }),
            contributionMonths: Type.Integer({ description: '本次申领可计算的缴费月数（不含前次申领已计算的月份）' }),
            carriedMonths: Type.Integer({ description: '前次应领而未领的月数' }),
            reasons: Type.Array(Reason),
            failed: Type.Array(
              Type.Object({
                rule: Type.String(),
                path: Type.String({ description: '与规则相关的请求字段' }),
                detail: Type.String(),
                source: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => assessClaim(ctxOf(app, req), req.body),
  );
}
