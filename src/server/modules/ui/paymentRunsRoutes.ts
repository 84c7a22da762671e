// HTTP for monthly payment runs of unemployment benefit (UI-3; shared/API.md "Unemployment insurance (UI)").
import { Type } from '@sinclair/typebox';
import { noteAccess } from '../../platform/accessLog.js';
import { ctxOf } from '../../platform/context.js';
import { DateTime, IdParams, Nullable, Paged, pageQuery, sendList, Text, type App } from '../../platform/http.js';
import { uiPaymentRunStatusNames, uiPaymentStatusNames, type UiPaymentRunStatus, type UiPaymentStatus } from '../../../shared/labels.js';
import {
  approvePaymentRun,
  createPaymentRun,
  discardPaymentRun,
  getPaymentRun,
  listPaymentRuns,
  listRunPayments,
  paymentRunBankFile,
  postBankReturns,
} from './paymentRuns.js';

const Month = Type.String({ pattern: '^(19|20)\\d{2}-(0[1-9]|1[0-2])$', description: '月份 YYYY-MM' });
const runStatuses = Object.keys(uiPaymentRunStatusNames) as UiPaymentRunStatus[];
const RunStatus = Type.Unsafe<UiPaymentRunStatus>(
  Type.String({ enum: runStatuses, description: runStatuses.map((s) => `${s} ${uiPaymentRunStatusNames[s]}`).join('、') }),
);
const paymentStatuses = Object.keys(uiPaymentStatusNames) as UiPaymentStatus[];
const PaymentStatus = Type.Unsafe<UiPaymentStatus>(
  Type.String({ enum: paymentStatuses, description: paymentStatuses.map((s) => `${s} ${uiPaymentStatusNames[s]}`).join('、') }),
);

const Run = Type.Object({
  id: Type.String(),
  regionCode: Type.String({ description: '生成人管辖范围（12 位）' }),
  month: Type.String({ description: '发放至此待遇月份（YYYY-MM）' }),
  status: RunStatus,
  payments: Type.Integer({ description: '支付笔数' }),
  totalFen: Type.Integer({ description: '合计金额（分）' }),
  createdBy: Type.String(),
  createdByName: Type.String({ description: '生成人姓名' }),
  createdAt: DateTime,
  resumedBy: Type.Array(Type.String(), {
    description: '中断后接续生成本批次的财务人员（登录名）：与生成人一样参与了生成，不能审批（双人复核）',
  }),
  resumedByNames: Type.Array(Type.String(), { description: '接续生成人姓名，与 resumedBy 一一对应' }),
  approvedBy: Nullable(Type.String()),
  approvedByName: Nullable(Type.String({ description: '审批人姓名' })),
  approvedAt: Nullable(DateTime),
  finishedAt: Nullable(DateTime),
  progress: Type.Object(
    { claimsSeen: Type.Integer(), claimsTotal: Type.Integer() },
    { description: '生成进度：已处理的申领数 / 开始生成时应处理的申领数' },
  ),
});

const Payment = Type.Object({
  id: Type.String(),
  runId: Type.String(),
  claimId: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  regionCode: Type.String(),
  month: Type.String({ description: '待遇月份' }),
  amountFen: Type.Integer(),
  status: PaymentStatus,
  failureReason: Nullable(Type.String()),
  returnedAt: Nullable(DateTime),
});

const yuan = (fen: number) => (fen / 100).toFixed(2);

export async function paymentRunsRoutes(app: App) {
  app.post(
    '/ui/payment-runs',
    {
      config: { idempotent: true },
      schema: {
        tags: ['ui'],
        summary:
          '生成失业保险金月度发放批次（财务）：管辖范围内已审核通过的申领，发放至该月的应发月份（含补发），每笔申领每月永远只发放一次；分批短事务生成，中断后再次提交同月即继续；可安全重试（请带 Idempotency-Key）',
        body: Type.Object({ month: Month }),
        response: { 201: Run },
      },
    },
    async (req, reply) => reply.status(201).send(await createPaymentRun(ctxOf(app, req), req.body.month)),
  );

  app.get(
    '/ui/payment-runs',
    {
      schema: {
        tags: ['ui'],
        summary: '失业保险金发放批次：按月份、状态筛选',
        querystring: Type.Object({ ...pageQuery, month: Type.Optional(Month), status: Type.Optional(RunStatus) }),
        response: { 200: Paged(Run) },
      },
    },
    async (req, reply) => {
      const { month, status } = req.query;
      return sendList(reply, req.query, (paging) => listPaymentRuns(ctxOf(app, req), { month, status }, paging), {
        filename: '失业保险金发放批次',
        sheet: '发放批次',
        columns: [
          { header: '待遇月份', value: (r) => r.month },
          { header: '区划', value: (r) => r.regionCode, text: true },
          { header: '状态', value: (r) => uiPaymentRunStatusNames[r.status] },
          { header: '笔数', value: (r) => r.payments },
          { header: '合计（元）', value: (r) => yuan(r.totalFen) },
          { header: '生成人', value: (r) => r.createdByName },
          { header: '审批人', value: (r) => r.approvedByName },
        ],
      });
    },
  );

  app.get(
    '/ui/payment-runs/:id',
    { schema: { tags: ['ui'], summary: '失业保险金发放批次及其生成进度', params: IdParams, response: { 200: Run } } },
    async (req) => getPaymentRun(ctxOf(app, req), req.params.id),
  );

  app.get(
    '/ui/payment-runs/:id/payments',
    {
      schema: {
        tags: ['ui'],
        summary: '发放批次的支付明细：按状态筛选',
        params: IdParams,
        querystring: Type.Object({ ...pageQuery, status: Type.Optional(PaymentStatus) }),
        response: { 200: Paged(Payment) },
      },
    },
    async (req, reply) => {
      const { status } = req.query;
      return sendList(reply, req.query, (paging) => listRunPayments(ctxOf(app, req), req.params.id, { status }, paging), {
        onExport: (rows) =>
          noteAccess(
            ctxOf(app, req),
            rows.map((p) => ({ personId: p.personId, regionCode: p.regionCode, action: 'export' as const, rows: rows.length })),
          ),
        filename: '失业保险金支付明细',
        sheet: '支付明细',
        columns: [
          { header: '姓名', value: (p) => p.personName },
          { header: '待遇月份', value: (p) => p.month },
          { header: '金额（元）', value: (p) => yuan(p.amountFen) },
          { header: '状态', value: (p) => uiPaymentStatusNames[p.status] },
          { header: '退回原因', width: 24, value: (p) => p.failureReason },
          { header: '支付编号', width: 38, value: (p) => p.id },
        ],
      });
    },
  );

  app.post(
    '/ui/payment-runs/:id/approve',
    {
      config: { idempotent: true },
      schema: {
        tags: ['ui'],
        summary: '审批失业保险金发放批次（财务；生成人本人不能审批，403；非待审批状态 409）',
        params: IdParams,
        response: { 200: Run },
      },
    },
    async (req) => approvePaymentRun(ctxOf(app, req), req.params.id),
  );

  app.post(
    '/ui/payment-runs/:id/discard',
    {
      config: { idempotent: true },
      schema: {
        tags: ['ui'],
        summary:
          '作废未审批的失业保险金发放批次（财务，须写原因）：删除其待审批支付，所涉月份由之后生成的批次发放；仅待审批状态可作废（409），记入审计',
        params: IdParams,
        body: Type.Object({ reason: Text({ minLength: 1, maxLength: 200, description: '作废原因' }) }),
        response: { 200: Run },
      },
    },
    async (req) => discardPaymentRun(ctxOf(app, req), req.params.id, req.body.reason),
  );

  app.get(
    '/ui/payment-runs/:id/bank-file',
    {
      schema: {
        tags: ['ui'],
        summary:
          '发放批次的银行代发文件（CSV，财务；审批后才能导出，409）：每笔一行（姓名、身份证号码、金额分、待遇月份、支付编号），最后一行为笔数与合计金额（分）；导出个人信息记入访问日志',
        params: IdParams,
        response: { 200: Type.String() },
      },
    },
    async (req, reply) => {
      const file = await paymentRunBankFile(ctxOf(app, req), req.params.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .send(file.csv);
    },
  );

  app.post(
    '/ui/payment-runs/:id/bank-returns',
    {
      config: { idempotent: true },
      schema: {
        tags: ['ui'],
        summary:
          '登记银行回盘（财务）：整批校验，任一条有误则整批不登记；paid 已发放，failed 发放失败（须写原因，下一批次补发该月）；重复登记相同结果计为 unchanged，结果不同 409',
        params: IdParams,
        body: Type.Object({
          items: Type.Array(
            Type.Object({
              paymentId: Type.String({ format: 'uuid' }),
              result: Type.Unsafe<'paid' | 'failed'>(Type.String({ enum: ['paid', 'failed'] })),
              reason: Type.Optional(Text({ maxLength: 200 })),
            }),
            { minItems: 1, maxItems: 1000 },
          ),
        }),
        response: { 200: Type.Object({ paid: Type.Integer(), failed: Type.Integer(), unchanged: Type.Integer() }) },
      },
    },
    async (req) => postBankReturns(ctxOf(app, req), req.params.id, req.body.items),
  );
}
