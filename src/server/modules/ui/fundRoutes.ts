// HTTP for the fund ledger (UI-5; shared/API.md "Unemployment insurance (UI)": GET /ui/fund/balance).
import { Type } from '@sinclair/typebox';
import ExcelJS from 'exceljs';
import { ctxOf } from '../../platform/context.js';
import { DateTime, IdParams, Name, Nullable, OneOf, Paged, pageQuery, sendList, sendXlsx, type App } from '../../platform/http.js';
import {
  fundAccountNames,
  fundTransferKindNames,
  fundTransferStatusNames,
  type FundAccount,
  type FundTransferKind,
  type FundTransferStatus,
} from '../../../shared/labels.js';
import {
  approveTransfer,
  fundBalance,
  fundReconciliation,
  getTransfer,
  incomeKinds,
  listFundEntries,
  listFundTransfers,
  requestableKinds,
  requestReversal,
  requestTransfer,
  spendingKinds,
  type RequestableKind,
} from './fund.js';

const Month = Type.String({ pattern: '^(19|20)\\d{2}-(0[1-9]|1[0-2])$', description: '月份 YYYY-MM' });
const RegionQuery = Type.String({
  pattern: '^(\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12})$',
  description: '区划代码（12 位，含其下级区划）或区划前缀；缺省为本人管辖范围',
});
const described = (names: Record<string, string>) =>
  Object.entries(names)
    .map(([k, v]) => `${k} ${v}`)
    .join('、');
const kinds = Object.keys(fundTransferKindNames) as FundTransferKind[];
const Kind = Type.Unsafe<FundTransferKind>(Type.String({ enum: kinds, description: described(fundTransferKindNames) }));
const statuses = Object.keys(fundTransferStatusNames) as FundTransferStatus[];
const Status = Type.Unsafe<FundTransferStatus>(Type.String({ enum: statuses, description: described(fundTransferStatusNames) }));
const accounts = Object.keys(fundAccountNames) as FundAccount[];
const Account = Type.Unsafe<FundAccount>(Type.String({ enum: accounts, description: described(fundAccountNames) }));
const RequestKind = Type.Unsafe<RequestableKind>(
  Type.String({ enum: [...requestableKinds], description: requestableKinds.map((k) => `${k} ${fundTransferKindNames[k]}`).join('、') }),
);

const Transfer = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  month: Type.String({ description: '会计期间 YYYY-MM' }),
  kind: Kind,
  debitAccount: OneOf(accounts, '借方（付出）账户'),
  creditAccount: OneOf(accounts, '贷方（收入）账户'),
  amountFen: Type.Integer({ description: '金额（分），大于 0' }),
  sourceType: Type.String({
    description:
      'ui_contribution_post 缴费录入、ui_contribution_import 征缴文件导入、ui_payment_run 发放批次、fund_request 财务提出、reversal 冲正',
  }),
  sourceId: Type.String(),
  reversesId: Nullable(Type.String({ description: '冲正的原划转' })),
  reversedById: Nullable(Type.String({ description: '冲正本划转的划转' })),
  memo: Type.String(),
  status: Status,
  createdBy: Type.String(),
  createdByName: Type.String({ description: '提出人姓名' }),
  createdAt: DateTime,
  approvedBy: Nullable(Type.String()),
  approvedByName: Nullable(Type.String({ description: '复核人姓名' })),
  approvedAt: Nullable(DateTime),
});

const byKindSchema = (list: readonly string[]) => Type.Object(Object.fromEntries(list.map((k) => [k, Type.Integer()])));
const Income = byKindSchema(incomeKinds);
const Spending = byKindSchema(spendingKinds);

const yuan = (fen: number) => (fen / 100).toFixed(2);

export function fundRoutes(app: App) {
  app.get(
    '/ui/fund/balance',
    {
      schema: {
        tags: ['ui'],
        summary:
          '失业保险基金余额：所选区划（含下级）截至该月末的全部基金分录；balanceFen = incomeFen − spendingFen，等于基金账户分录之和（管辖范围外的区划 404）',
        querystring: Type.Object({ regionCode: Type.Optional(RegionQuery), month: Type.Optional(Month) }),
        response: {
          200: Type.Object({
            regionPrefix: Type.String({ description: '汇总的区划代码前缀（空为全国）' }),
            month: Type.String(),
            balanceFen: Type.Integer({ description: '基金余额（分）' }),
            incomeFen: Type.Integer({ description: '累计收入（分）' }),
            spendingFen: Type.Integer({ description: '累计支出（分，银行退回冲减）' }),
            income: Income,
            spending: Spending,
          }),
        },
      },
    },
    async (req) => fundBalance(ctxOf(app, req), req.query),
  );

  app.post(
    '/ui/fund/transfers',
    {
      config: { idempotent: true },
      schema: {
        tags: ['ui'],
        summary: '提出基金划转（财务）：上解、下拨省级调剂金，利息收入，补贴支出；由另一名财务人员复核后入账',
        body: Type.Object({
          kind: RequestKind,
          regionCode: Type.String({ pattern: '^\\d{12}$', description: '统筹区划代码（12 位）' }),
          month: Month,
          amountFen: Type.Integer({ minimum: 1, maximum: 100_000_000_000, description: '金额（分）' }),
          memo: Name({ minLength: 2, maxLength: 200, description: '摘要（如文号、银行回单号）' }),
        }),
        response: { 201: Transfer },
      },
    },
    async (req, reply) => reply.status(201).send(await requestTransfer(ctxOf(app, req), req.body)),
  );

  app.get(
    '/ui/fund/transfers',
    {
      schema: {
        tags: ['ui'],
        summary: '基金划转：按类型、会计期间、状态筛选，可导出 Excel',
        querystring: Type.Object({
          ...pageQuery,
          regionCode: Type.Optional(RegionQuery),
          kind: Type.Optional(Kind),
          month: Type.Optional(Month),
          status: Type.Optional(Status),
        }),
        response: { 200: Paged(Transfer) },
      },
    },
    async (req, reply) => {
      const { regionCode, kind, month, status } = req.query;
      return sendList(reply, req.query, (paging) => listFundTransfers(ctxOf(app, req), { regionCode, kind, month, status }, paging), {
        filename: '失业保险基金划转',
        sheet: '基金划转',
        columns: [
          { header: '会计期间', value: (r) => r.month },
          { header: '区划代码', text: true, value: (r) => r.regionCode },
          { header: '类型', width: 24, value: (r) => fundTransferKindNames[r.kind] },
          { header: '借方账户', width: 20, value: (r) => fundAccountNames[r.debitAccount] },
          { header: '贷方账户', width: 20, value: (r) => fundAccountNames[r.creditAccount] },
          { header: '金额（元）', value: (r) => yuan(r.amountFen) },
          { header: '摘要', width: 30, value: (r) => r.memo },
          { header: '状态', value: (r) => fundTransferStatusNames[r.status] },
          { header: '提出人', value: (r) => r.createdByName },
          { header: '复核人', value: (r) => r.approvedByName },
          { header: '冲正原划转', width: 38, value: (r) => r.reversesId },
          { header: '被冲正', width: 38, value: (r) => r.reversedById },
          { header: '编号', width: 38, value: (r) => r.id },
        ],
      });
    },
  );

  app.get(
    '/ui/fund/transfers/:id',
    { schema: { tags: ['ui'], summary: '基金划转', params: IdParams, response: { 200: Transfer } } },
    async (req) => getTransfer(ctxOf(app, req), req.params.id),
  );

  app.post(
    '/ui/fund/transfers/:id/approve',
    {
      config: { idempotent: true },
      schema: {
        tags: ['ui'],
        summary: '复核基金划转并入账（财务；提出人本人不能复核，403），写入借贷两条分录',
        params: IdParams,
        response: { 200: Transfer },
      },
    },
    async (req) => approveTransfer(ctxOf(app, req), req.params.id),
  );

  app.post(
    '/ui/fund/transfers/:id/reverse',
    {
      config: { idempotent: true },
      schema: {
        tags: ['ui'],
        summary: '冲正已入账的基金划转（财务）：提出一笔反向划转，由另一名财务人员复核入账；每笔划转只能冲正一次（409）',
        params: IdParams,
        body: Type.Object({ reason: Name({ minLength: 2, maxLength: 500, description: '冲正原因' }) }),
        response: { 201: Transfer },
      },
    },
    async (req, reply) => reply.status(201).send(await requestReversal(ctxOf(app, req), req.params.id, req.body.reason)),
  );

  app.get(
    '/ui/fund/entries',
    {
      schema: {
        tags: ['ui'],
        summary: '基金分录：每笔已入账划转借贷各一条（借方为负、贷方为正），可导出 Excel',
        querystring: Type.Object({
          ...pageQuery,
          regionCode: Type.Optional(RegionQuery),
          account: Type.Optional(Account),
          month: Type.Optional(Month),
          transferId: Type.Optional(Type.String({ format: 'uuid' })),
        }),
        response: {
          200: Paged(
            Type.Object({
              id: Type.String(),
              transferId: Type.String(),
              kind: Kind,
              account: Account,
              regionCode: Type.String(),
              month: Type.String(),
              amountFen: Type.Integer({ description: '借方为负、贷方为正（分）' }),
              memo: Type.String(),
              createdAt: DateTime,
            }),
          ),
        },
      },
    },
    async (req, reply) => {
      const { regionCode, account, month, transferId } = req.query;
      return sendList(reply, req.query, (paging) => listFundEntries(ctxOf(app, req), { regionCode, account, month, transferId }, paging), {
        filename: '失业保险基金分录',
        sheet: '基金分录',
        columns: [
          { header: '会计期间', value: (r) => r.month },
          { header: '区划代码', text: true, value: (r) => r.regionCode },
          { header: '账户', width: 20, value: (r) => fundAccountNames[r.account] },
          { header: '类型', width: 24, value: (r) => fundTransferKindNames[r.kind] },
          { header: '金额（元）', value: (r) => yuan(r.amountFen) },
          { header: '摘要', width: 30, value: (r) => r.memo },
          { header: '划转编号', width: 38, value: (r) => r.transferId },
        ],
      });
    },
  );

  app.get(
    '/ui/fund/reconciliation',
    {
      schema: {
        tags: ['ui'],
        summary:
          '基金对账：当年各月期初余额、分类收支、期末余额，以及核对项（各月缴费收入与缴费记录一致、全部分录合计为零、每笔划转借贷相抵）；format=xlsx 导出',
        querystring: Type.Object({
          regionCode: Type.Optional(RegionQuery),
          month: Type.Optional(Month),
          format: Type.Optional(Type.Literal('xlsx')),
        }),
        response: {
          200: Type.Object({
            regionPrefix: Type.String(),
            month: Type.String(),
            openingOfYearFen: Type.Integer(),
            closingFen: Type.Integer(),
            months: Type.Array(
              Type.Object({
                month: Type.String(),
                openingFen: Type.Integer(),
                income: Income,
                spending: Spending,
                incomeFen: Type.Integer(),
                spendingFen: Type.Integer(),
                closingFen: Type.Integer(),
              }),
            ),
            checks: Type.Array(
              Type.Object({
                check: OneOf(['contribution_income', 'entries_sum_zero', 'transfers_balanced']),
                label: Type.String(),
                month: Nullable(Type.String()),
                expected: Type.Integer(),
                found: Type.Integer(),
                ok: Type.Boolean(),
                transferIds: Type.Array(Type.String()),
              }),
            ),
            ok: Type.Boolean({ description: '全部核对项通过' }),
          }),
        },
      },
    },
    async (req, reply) => {
      const report = await fundReconciliation(ctxOf(app, req), req.query);
      if (req.query.format !== 'xlsx') return report;
      return sendXlsx(reply, `失业保险基金对账_${report.month}`, await reconciliationXlsx(report));
    },
  );
}

/** The reconciliation as a workbook: the months on one sheet, the checks on another. */
async function reconciliationXlsx(report: Awaited<ReturnType<typeof fundReconciliation>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OpenPES';
  const months = wb.addWorksheet('月度收支', { views: [{ state: 'frozen', ySplit: 1 }] });
  months.columns = [
    { header: '月份', width: 10 },
    { header: '期初余额（元）', width: 16 },
    ...incomeKinds.map((k) => ({ header: `${fundTransferKindNames[k]}（元）`, width: 16 })),
    { header: '本期收入（元）', width: 16 },
    ...spendingKinds.map((k) => ({ header: `${fundTransferKindNames[k]}（元）`, width: 18 })),
    { header: '本期支出（元）', width: 16 },
    { header: '期末余额（元）', width: 16 },
  ];
  months.getRow(1).font = { bold: true };
  for (const m of report.months) {
    months.addRow([
      m.month,
      yuan(m.openingFen),
      ...incomeKinds.map((k) => yuan(m.income[k])),
      yuan(m.incomeFen),
      ...spendingKinds.map((k) => yuan(m.spending[k])),
      yuan(m.spendingFen),
      yuan(m.closingFen),
    ]);
  }
  const checks = wb.addWorksheet('核对', { views: [{ state: 'frozen', ySplit: 1 }] });
  checks.columns = [
    { header: '核对项', width: 48 },
    { header: '应为', width: 16 },
    { header: '实为', width: 16 },
    { header: '结果', width: 10 },
    { header: '不符的划转', width: 40 },
  ];
  checks.getRow(1).font = { bold: true };
  for (const c of report.checks) {
    const money = c.check !== 'transfers_balanced';
    checks.addRow([
      c.label,
      money ? yuan(c.expected) : c.expected,
      money ? yuan(c.found) : c.found,
      c.ok ? '相符' : '不符',
      c.transferIds.join('，'),
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
