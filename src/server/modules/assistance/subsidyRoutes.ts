// HTTP for subsidies, their decisions and subsidy runs (AID-8; shared/API.md "Second release").
import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../platform/context.js';
import { DateTime, IdParams, Name, Nullable, Paged, pageQuery, sendList, type App } from '../../platform/http.js';
import { applyForSubsidy, decideOnSubsidy, getSubsidy, listSubsidies, runSubsidies, subsidyRunBankFile } from './subsidyService.js';
import { subsidyStatusNames } from '../../../shared/labels.js';
import { subsidyTypeCodes, subsidyTypes, type SubsidyStatus, type SubsidyType } from './subsidyRules.js';

const Period = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: '补贴所属期 YYYY-MM' });
const TypeSchema = Type.Unsafe<SubsidyType>(
  Type.String({
    enum: subsidyTypeCodes,
    description: subsidyTypeCodes.map((c) => `${c} ${subsidyTypes[c].name}`).join('、'),
  }),
);
const statuses: SubsidyStatus[] = ['applied', 'approved', 'rejected', 'paid'];
const Status = Type.Unsafe<SubsidyStatus>(
  Type.String({ enum: statuses, description: 'applied 待审批、approved 已审批、rejected 已驳回、paid 已发放' }),
);
const Reason = Type.Object({ rule: Type.String(), source: Type.String(), detail: Type.String() });

const Subsidy = Type.Object({
  id: Type.String(),
  type: TypeSchema,
  period: Type.String(),
  personId: Nullable(Type.String()),
  personName: Nullable(Type.String()),
  employerId: Nullable(Type.String()),
  employerName: Nullable(Type.String()),
  regionCode: Type.String(),
  beneficiaryKey: Type.String(),
  amountFen: Type.Integer(),
  status: Status,
  reasons: Type.Array(Reason),
  declared: Type.Object({ contractYears: Type.Optional(Type.Number()), insurancePaid: Type.Optional(Type.Boolean()) }),
  budgetLine: Type.String({ description: '列支的资金科目' }),
  appliedBy: Type.String(),
  appliedByName: Type.String({ description: '申请经办人姓名' }),
  appliedAt: DateTime,
  decidedBy: Nullable(Type.String()),
  decidedByName: Nullable(Type.String({ description: '审批人姓名' })),
  decidedAt: Nullable(DateTime),
  decisionComment: Nullable(Type.String()),
  payments: Type.Array(Type.Object({ runId: Type.String(), amountFen: Type.Integer(), paidAt: DateTime })),
});

const yuan = (fen: number) => (fen / 100).toFixed(2);

export async function subsidyRoutes(app: App) {
  app.post(
    '/assistance/subsidies',
    {
      config: { idempotent: true },
      schema: {
        tags: ['assistance'],
        summary:
          '申请补贴：按补贴类型的规则判定（不符合 422 并指明规则），同一类型、对象、所属期只能申请一次（409，被驳回的除外）；岗位开发补贴须申报合同年限与社保缴纳',
        body: Type.Object({
          type: TypeSchema,
          period: Period,
          personId: Type.Optional(Type.String({ format: 'uuid' })),
          employerId: Type.Optional(Type.String({ format: 'uuid' })),
          regionCode: Type.Optional(Type.String({ pattern: '^\\d{12}$' })),
          contractYears: Type.Optional(Type.Number({ minimum: 0, maximum: 50 })),
          insurancePaid: Type.Optional(Type.Boolean()),
        }),
        response: { 201: Subsidy },
      },
    },
    async (req, reply) => reply.status(201).send(await applyForSubsidy(ctxOf(app, req), req.body)),
  );

  app.get(
    '/assistance/subsidies',
    {
      schema: {
        tags: ['assistance'],
        summary: '补贴申请：按状态、类型、所属期、人员筛选',
        querystring: Type.Object({
          ...pageQuery,
          status: Type.Optional(Status),
          type: Type.Optional(TypeSchema),
          period: Type.Optional(Period),
          personId: Type.Optional(Type.String({ format: 'uuid' })),
        }),
        response: {
          200: Paged(
            Type.Object({
              id: Type.String(),
              type: TypeSchema,
              period: Type.String(),
              personId: Nullable(Type.String()),
              personName: Nullable(Type.String()),
              employerId: Nullable(Type.String()),
              regionCode: Type.String(),
              amountFen: Type.Integer(),
              status: Status,
              budgetLine: Type.String(),
              appliedBy: Type.String(),
              appliedByName: Type.String({ description: '申请经办人姓名' }),
              appliedAt: DateTime,
              decidedBy: Nullable(Type.String()),
              decidedByName: Nullable(Type.String({ description: '审批人姓名' })),
            }),
          ),
        },
      },
    },
    async (req, reply) => {
      const { status, type, period, personId } = req.query;
      return sendList(reply, req.query, (paging) => listSubsidies(ctxOf(app, req), { status, type, period, personId }, paging), {
        filename: '补贴申请',
        sheet: '补贴申请',
        columns: [
          { header: '补贴类型', width: 16, value: (s) => subsidyTypes[s.type].name },
          { header: '所属期', value: (s) => s.period },
          { header: '人员', value: (s) => s.personName },
          { header: '金额（元）', value: (s) => yuan(s.amountFen) },
          { header: '资金科目', width: 28, value: (s) => s.budgetLine },
          { header: '状态', value: (s) => subsidyStatusNames[s.status] },
          { header: '申请人', value: (s) => s.appliedByName },
          { header: '审批人', value: (s) => s.decidedByName },
        ],
      });
    },
  );

  app.get(
    '/assistance/subsidies/:id',
    { schema: { tags: ['assistance'], summary: '补贴申请及其判定依据、审批与发放记录', params: IdParams, response: { 200: Subsidy } } },
    async (req) => getSubsidy(ctxOf(app, req), req.params.id),
  );

  app.post(
    '/assistance/subsidies/:id/decision',
    {
      config: { idempotent: true },
      schema: {
        tags: ['assistance'],
        summary: '审批补贴申请（审核员；申请人本人不能审批，403）',
        params: IdParams,
        body: Type.Object({
          decision: Type.Unsafe<'approve' | 'reject'>(Type.String({ enum: ['approve', 'reject'] })),
          comment: Name({ minLength: 2, maxLength: 500 }),
        }),
        response: { 200: Subsidy },
      },
    },
    async (req) => decideOnSubsidy(ctxOf(app, req), req.params.id, req.body.decision, req.body.comment),
  );

  app.post(
    '/assistance/subsidy-runs',
    {
      config: { idempotent: true },
      schema: {
        tags: ['assistance'],
        summary:
          '补贴发放批次（财务）：发放所属期内管辖范围全部已审批、未发放的补贴，每笔补贴永远只发放一次；分批短事务处理，可安全重试（请带 Idempotency-Key）',
        body: Type.Object({ period: Period }),
        response: { 201: Type.Object({ id: Type.String(), period: Type.String(), payments: Type.Integer(), totalFen: Type.Integer() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await runSubsidies(ctxOf(app, req), req.body.period)),
  );

  app.get(
    '/assistance/subsidy-runs/:id/bank-file',
    {
      schema: {
        tags: ['assistance'],
        summary:
          '补贴发放批次的银行代发文件（CSV，财务）：每笔一行（姓名、身份证号码、金额分），最后一行为笔数与合计金额（分）；导出个人信息记入访问日志',
        params: IdParams,
        response: { 200: Type.String() },
      },
    },
    async (req, reply) => {
      const file = await subsidyRunBankFile(ctxOf(app, req), req.params.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .send(file.csv);
    },
  );
}
