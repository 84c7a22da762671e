// HTTP for casework with recognised persons and the caseworker's work list (AID-2).
import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../platform/context.js';
import { IdParams, Paged, pageQuery, sendList, type App } from '../../platform/http.js';
import type { VisitStatus } from './caseworkRepo.js';
import {
  AssignCaseworkerBody,
  Casework,
  PlanStep,
  PlanStepBody,
  PlanStepPatchBody,
  VisitBody,
  VisitScheduleItem,
  WorkList,
} from './caseworkSchemas.js';
import * as service from './caseworkService.js';
import { workList } from './workList.js';

const statusNames: Record<VisitStatus, string> = { overdue: '已逾期', due_soon: '即将到期', scheduled: '未到期' };

export async function caseworkRoutes(app: App) {
  app.get(
    '/persons/:id/casework',
    {
      schema: {
        tags: ['assistance'],
        summary: '就业援助：援助责任人（及更换历史）、个人就业计划、走访记录和下次应走访日期',
        params: IdParams,
        response: { 200: Casework },
      },
    },
    async (req) => service.caseworkOf(ctxOf(app, req), req.params.id),
  );

  app.put(
    '/persons/:id/caseworker',
    {
      schema: {
        tags: ['assistance'],
        summary: '指定或更换援助责任人（clerk）：须为辖区覆盖该人员的经办人员；原责任人的记录保留',
        params: IdParams,
        body: AssignCaseworkerBody,
        response: { 200: Casework },
      },
    },
    async (req) => service.assignPersonCaseworker(ctxOf(app, req), req.params.id, req.body),
  );

  app.post(
    '/persons/:id/plan-steps',
    {
      schema: {
        tags: ['assistance'],
        summary: '个人就业计划：新增一个步骤（clerk）',
        params: IdParams,
        body: PlanStepBody,
        response: { 201: PlanStep },
      },
    },
    async (req, reply) => reply.status(201).send(await service.addPlanStep(ctxOf(app, req), req.params.id, req.body)),
  );

  app.patch(
    '/assistance/plan-steps/:id',
    {
      schema: {
        tags: ['assistance'],
        summary: '修改个人就业计划的步骤（clerk）：事项、计划日期，或登记完成日期和完成情况',
        params: IdParams,
        body: PlanStepPatchBody,
        response: { 200: PlanStep },
      },
    },
    async (req) => service.updatePlanStep(ctxOf(app, req), req.params.id, req.body),
  );

  app.post(
    '/persons/:id/visits',
    {
      schema: {
        tags: ['assistance'],
        summary: '登记一次走访（clerk），按实际日期记为“入户走访”服务记录；返回新的走访安排',
        params: IdParams,
        body: VisitBody,
        response: { 201: Casework },
      },
    },
    async (req, reply) => reply.status(201).send(await service.recordVisit(ctxOf(app, req), req.params.id, req.body)),
  );

  app.get(
    '/assistance/visits',
    {
      schema: {
        tags: ['assistance'],
        summary:
          '就业困难人员走访安排（管辖范围内的有效认定人员）：status 筛选 overdue 已逾期、due_soon 即将到期、due 两者、scheduled 未到期；caseworkerId 或 mine 按责任人，unassigned 只看未指定责任人的；可导出 Excel',
        querystring: Type.Object({
          ...pageQuery,
          status: Type.Optional(Type.Unsafe<VisitStatus | 'due'>(Type.String({ enum: ['overdue', 'due_soon', 'due', 'scheduled'] }))),
          caseworkerId: Type.Optional(Type.String({ format: 'uuid' })),
          mine: Type.Optional(Type.Boolean()),
          unassigned: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Paged(VisitScheduleItem) },
      },
    },
    async (req, reply) => {
      const { status, caseworkerId, mine, unassigned } = req.query;
      return sendList(
        reply,
        req.query,
        (paging) => service.listVisitSchedule(ctxOf(app, req), { status, caseworkerId, mine, unassigned }, paging),
        {
          filename: '就业困难人员走访',
          sheet: '走访安排',
          columns: [
            { header: '姓名', value: (r) => r.name },
            { header: '身份证号', width: 22, text: true, value: (r) => r.idNumber },
            { header: '社区（村）', width: 24, value: (r) => r.regionName },
            { header: '认定日期', value: (r) => r.recognisedSince },
            { header: '援助责任人', value: (r) => r.caseworkerName ?? '未指定' },
            { header: '上次走访', value: (r) => r.lastVisitOn },
            { header: '应走访日期', value: (r) => r.nextVisitDue },
            { header: '状态', value: (r) => statusNames[r.status] },
          ],
        },
      );
    },
  );

  app.get(
    '/assistance/work-list',
    {
      schema: {
        tags: ['assistance'],
        summary:
          '本人工作台（clerk）：本人负责人员今日及逾期的走访、辖区即将到期和已超期的零就业家庭个案、临近服务时限的高校毕业生；各含总数和前 10 条',
        response: { 200: WorkList },
      },
    },
    async (req) => workList(ctxOf(app, req)),
  );
}
