// HTTP for coverage and collection (UI-6): enrolments, employers not enrolled, arrears, follow-ups.
import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../platform/context.js';
import { DateTime, IdParams, Nullable, Paged, Paragraph, pageQuery, sendList, type App } from '../../platform/http.js';
import { uiFollowUpKindNames, uiFollowUpStatusNames, type UiFollowUpKind, type UiFollowUpStatus } from '../../../shared/labels.js';
import {
  arrears,
  createFollowUp,
  enrolEmployer,
  getEnrolment,
  getFollowUp,
  listEnrolments,
  listFollowUps,
  notEnrolled,
  setEnrolmentEnd,
  updateFollowUp,
} from './coverage.js';

const Month = Type.String({ pattern: '^(19|20)\\d{2}-(0[1-9]|1[0-2])$', description: '月份 YYYY-MM' });
const DateString = Type.String({ format: 'date', pattern: '^(19|20)\\d{2}-\\d{2}-\\d{2}$' });
const kinds = Object.keys(uiFollowUpKindNames) as UiFollowUpKind[];
const Kind = Type.Unsafe<UiFollowUpKind>(
  Type.String({ enum: kinds, description: kinds.map((k) => `${k} ${uiFollowUpKindNames[k]}`).join('、') }),
);
const statuses = Object.keys(uiFollowUpStatusNames) as UiFollowUpStatus[];
const Status = Type.Unsafe<UiFollowUpStatus>(
  Type.String({ enum: statuses, description: statuses.map((s) => `${s} ${uiFollowUpStatusNames[s]}`).join('、') }),
);
const yuan = (fen: number | null) => (fen === null ? '' : (fen / 100).toFixed(2));

const Enrolment = Type.Object({
  id: Type.String(),
  employerId: Type.String(),
  employerName: Type.String(),
  creditCode: Type.String(),
  regionCode: Type.String(),
  sinceMonth: Type.String({ description: '参保起始月份' }),
  untilMonth: Nullable(Type.String({ description: '参保终止月份；空为仍在参保' })),
  createdBy: Type.String(),
  createdAt: DateTime,
});

const FollowUp = Type.Object({
  id: Type.String(),
  employerId: Type.String(),
  employerName: Type.String(),
  regionCode: Type.String(),
  kind: Kind,
  dueDate: Type.String(),
  note: Nullable(Type.String()),
  status: Status,
  result: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: DateTime,
  doneBy: Nullable(Type.String()),
  doneAt: Nullable(DateTime),
});

export async function coverageRoutes(app: App) {
  app.post(
    '/ui/enrolments',
    {
      config: { idempotent: true },
      schema: {
        tags: ['ui'],
        summary: '登记用人单位参加失业保险（失业保险经办员）：自某月起，可有终止月份；与已有参保期间重叠 409',
        body: Type.Object({ employerId: Type.String({ format: 'uuid' }), sinceMonth: Month, untilMonth: Type.Optional(Nullable(Month)) }),
        response: { 201: Enrolment },
      },
    },
    async (req, reply) => reply.status(201).send(await enrolEmployer(ctxOf(app, req), req.body)),
  );

  app.get(
    '/ui/enrolments',
    {
      schema: {
        tags: ['ui'],
        summary: '用人单位失业保险参保登记',
        querystring: Type.Object({ ...pageQuery, employerId: Type.Optional(Type.String({ format: 'uuid' })) }),
        response: { 200: Paged(Enrolment) },
      },
    },
    async (req, reply) =>
      sendList(reply, req.query, (paging) => listEnrolments(ctxOf(app, req), { employerId: req.query.employerId }, paging), {
        filename: '失业保险参保单位',
        sheet: '参保单位',
        columns: [
          { header: '单位名称', width: 30, value: (e) => e.employerName },
          { header: '统一社会信用代码', width: 22, value: (e) => e.creditCode },
          { header: '参保起始月份', value: (e) => e.sinceMonth },
          { header: '参保终止月份', value: (e) => e.untilMonth },
        ],
      }),
  );

  app.get(
    '/ui/enrolments/:id',
    { schema: { tags: ['ui'], summary: '参保登记', params: IdParams, response: { 200: Enrolment } } },
    async (req) => getEnrolment(ctxOf(app, req), req.params.id),
  );

  app.patch(
    '/ui/enrolments/:id',
    {
      schema: {
        tags: ['ui'],
        summary: '终止（或以 null 恢复）参保登记',
        params: IdParams,
        body: Type.Object({ untilMonth: Nullable(Month) }),
        response: { 200: Enrolment },
      },
    },
    async (req) => setEnrolmentEnd(ctxOf(app, req), req.params.id, req.body.untilMonth),
  );

  app.get(
    '/ui/coverage/not-enrolled',
    {
      schema: {
        tags: ['ui'],
        summary: '辖区内已登记但未参加失业保险的用人单位（种子文件 003 §(十五) 扩面）：按月份，默认本月',
        querystring: Type.Object({ ...pageQuery, month: Type.Optional(Month) }),
        response: {
          200: Paged(
            Type.Object({
              employerId: Type.String(),
              name: Type.String(),
              creditCode: Type.String(),
              regionCode: Type.String(),
              industry: Nullable(Type.String()),
              contactName: Nullable(Type.String()),
              openFollowUps: Type.Integer({ description: '未办结的督促参保任务数' }),
            }),
          ),
        },
      },
    },
    async (req, reply) =>
      sendList(reply, req.query, (paging) => notEnrolled(ctxOf(app, req), req.query.month, paging), {
        filename: '未参保单位',
        sheet: '未参保单位',
        columns: [
          { header: '单位名称', width: 30, value: (e) => e.name },
          { header: '统一社会信用代码', width: 22, value: (e) => e.creditCode },
          { header: '区划代码', width: 14, value: (e) => e.regionCode },
          { header: '行业', value: (e) => e.industry },
          { header: '联系人', value: (e) => e.contactName },
          { header: '待办督促任务', value: (e) => e.openFollowUps },
        ],
      }),
  );

  app.get(
    '/ui/arrears',
    {
      schema: {
        tags: ['ui'],
        summary:
          '欠缴失业保险费的参保单位（种子文件 003 §(十五) 征缴、清欠）：参保期间未申报的月份（按上次申报基数估算）及实缴低于缴费基数 ×（单位费率 + 个人费率，条例第六条）的月份与欠缴金额；默认本月之前 12 个月，欠缴多的在前',
        querystring: Type.Object({ ...pageQuery, from: Type.Optional(Month), through: Type.Optional(Month) }),
        response: {
          200: Type.Object({
            from: Type.String({ description: '起始月份' }),
            through: Type.String({ description: '截止月份' }),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
            items: Type.Array(
              Type.Object({
                employerId: Type.String(),
                employerName: Type.String(),
                creditCode: Type.String(),
                regionCode: Type.String(),
                enrolmentId: Type.String(),
                sinceMonth: Type.String(),
                untilMonth: Nullable(Type.String()),
                missingMonths: Type.Integer({ description: '未申报的月数' }),
                shortMonths: Type.Integer({ description: '少缴的月数' }),
                owedFen: Type.Integer({ description: '欠缴合计（分；未申报月份按上次申报基数估算，无基数的不计）' }),
                months: Type.Array(
                  Type.Object({
                    month: Type.String(),
                    status: Type.Unsafe<'missing' | 'short'>(
                      Type.String({ enum: ['missing', 'short'], description: 'missing 未申报、short 少缴' }),
                    ),
                    baseFen: Nullable(Type.Integer()),
                    ratePercent: Type.Number(),
                    dueFen: Nullable(Type.Integer()),
                    paidFen: Type.Integer(),
                    owedFen: Nullable(Type.Integer()),
                    estimated: Type.Boolean({ description: '应缴额按上次申报基数估算' }),
                  }),
                ),
              }),
            ),
          }),
        },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(app, req);
      const query = { from: req.query.from, through: req.query.through };
      if (req.query.format !== 'xlsx') {
        const { pageSize, page } = req.query;
        const found = await arrears(ctx, query, { limit: pageSize, offset: (page - 1) * pageSize });
        return { ...found, page, pageSize };
      }
      const { from, through } = await arrears(ctx, query, { limit: 0, offset: 0 });
      await sendList(reply, req.query, (paging) => arrears(ctx, query, paging), {
        filename: `欠缴失业保险费单位${from}至${through}`,
        sheet: '欠缴单位',
        columns: [
          { header: '单位名称', width: 30, value: (e) => e.employerName },
          { header: '统一社会信用代码', width: 22, value: (e) => e.creditCode },
          { header: '参保起始月份', value: (e) => e.sinceMonth },
          { header: '未申报月数', value: (e) => e.missingMonths },
          { header: '少缴月数', value: (e) => e.shortMonths },
          { header: '欠缴合计（元）', value: (e) => yuan(e.owedFen) },
          { header: '欠缴月份', width: 40, value: (e) => e.months.map((m) => m.month).join('、') },
        ],
      });
      return reply;
    },
  );

  app.post(
    '/ui/follow-ups',
    {
      config: { idempotent: true },
      schema: {
        tags: ['ui'],
        summary: '建立用人单位跟进任务（失业保险经办员）：enrol 督促参保、arrears 追缴欠费',
        body: Type.Object({
          employerId: Type.String({ format: 'uuid' }),
          kind: Kind,
          dueDate: DateString,
          note: Type.Optional(Paragraph({ maxLength: 1000 })),
        }),
        response: { 201: FollowUp },
      },
    },
    async (req, reply) => reply.status(201).send(await createFollowUp(ctxOf(app, req), req.body)),
  );

  app.get(
    '/ui/follow-ups',
    {
      schema: {
        tags: ['ui'],
        summary: '用人单位跟进任务：按状态、类别、单位筛选，期限早的在前',
        querystring: Type.Object({
          ...pageQuery,
          status: Type.Optional(Status),
          kind: Type.Optional(Kind),
          employerId: Type.Optional(Type.String({ format: 'uuid' })),
        }),
        response: { 200: Paged(FollowUp) },
      },
    },
    async (req, reply) => {
      const { status, kind, employerId } = req.query;
      return sendList(reply, req.query, (paging) => listFollowUps(ctxOf(app, req), { status, kind, employerId }, paging), {
        filename: '扩面征缴跟进任务',
        sheet: '跟进任务',
        columns: [
          { header: '单位名称', width: 30, value: (f) => f.employerName },
          { header: '类别', value: (f) => uiFollowUpKindNames[f.kind] },
          { header: '办结期限', value: (f) => f.dueDate },
          { header: '状态', value: (f) => uiFollowUpStatusNames[f.status] },
          { header: '备注', width: 30, value: (f) => f.note },
          { header: '办理结果', width: 30, value: (f) => f.result },
          { header: '建立人', value: (f) => f.createdBy },
        ],
      });
    },
  );

  app.get(
    '/ui/follow-ups/:id',
    { schema: { tags: ['ui'], summary: '跟进任务', params: IdParams, response: { 200: FollowUp } } },
    async (req) => getFollowUp(ctxOf(app, req), req.params.id),
  );

  app.patch(
    '/ui/follow-ups/:id',
    {
      schema: {
        tags: ['ui'],
        summary: '更新跟进任务：办结（done）须填写办理结果；可改期限与备注，或重新打开（open）',
        params: IdParams,
        body: Type.Object({
          status: Type.Optional(Status),
          result: Type.Optional(Paragraph({ maxLength: 1000 })),
          dueDate: Type.Optional(DateString),
          note: Type.Optional(Paragraph({ maxLength: 1000 })),
        }),
        response: { 200: FollowUp },
      },
    },
    async (req) => updateFollowUp(ctxOf(app, req), req.params.id, req.body),
  );
}
