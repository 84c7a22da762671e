// Request and response schemas of casework with recognised persons and the work list (AID-2).
import { Type } from '@sinclair/typebox';
import { DateTime, Name, Nullable, OneOf, Paragraph } from '../../platform/http.js';

const DateString = (description?: string) => Type.String({ format: 'date', ...(description ? { description } : {}) });
const visitKindValues = ['home', 'phone', 'counter'] as const;
const visitKindDescription = 'home 入户走访，phone 电话回访，counter 窗口面谈';
export const visitStatusValues = ['overdue', 'due_soon', 'scheduled'] as const;
const visitStatusDescription = 'overdue 已逾期，due_soon 即将到期（天数为参数 assistance.visit_due_soon_days），scheduled 未到期';

export const PlanStep = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  text: Type.String(),
  dueOn: Type.String(),
  doneOn: Nullable(Type.String()),
  doneNote: Nullable(Type.String()),
  createdBy: Type.String(),
  updatedAt: DateTime,
});

/** A person's casework: caseworker and history, plan, visits and the next visit due. */
export const Casework = Type.Object({
  personId: Type.String(),
  caseworker: Nullable(Type.Object({ id: Type.String(), name: Type.String(), assignedOn: Type.String() })),
  assignments: Type.Array(
    Type.Object({
      caseworkerId: Type.String(),
      caseworkerName: Type.String(),
      assignedOn: Type.String(),
      endedOn: Nullable(Type.String()),
      reason: Nullable(Type.String()),
    }),
    { description: '援助责任人的指定历史，现任在前' },
  ),
  plan: Type.Array(PlanStep, { description: '个人就业计划的步骤，按计划日期' }),
  visits: Type.Array(
    Type.Object({
      id: Type.String(),
      date: Type.String(),
      kind: OneOf(visitKindValues, visitKindDescription),
      note: Nullable(Type.String()),
      staffName: Type.String(),
    }),
    { description: '走访记录（服务记录中的入户走访），最近的在前' },
  ),
  schedule: Nullable(
    Type.Object(
      {
        recognisedSince: Type.String({ description: '有效认定的起始日：未走访过的由此起算' }),
        lastVisitOn: Nullable(Type.String()),
        nextVisitDue: Type.String({ description: '下次应走访日期 = 上次走访（或认定之日）+ 参数 assistance.visit_interval_days' }),
        status: OneOf(visitStatusValues, visitStatusDescription),
        intervalDays: Type.Integer(),
      },
      { description: '无有效认定的人员没有走访安排（null）' },
    ),
  ),
});

export const AssignCaseworkerBody = Type.Object({
  caseworkerId: Type.String({ format: 'uuid', description: '经办人员（clerk），其所在机构的辖区须覆盖该人员' }),
  assignedOn: Type.Optional(DateString('补录：开始负责之日，缺省为今天')),
  reason: Type.Optional(Name({ minLength: 2, maxLength: 200, description: '更换责任人的原因' })),
});

export const PlanStepBody = Type.Object({
  text: Name({ minLength: 2, maxLength: 200, description: '计划事项' }),
  dueOn: DateString('计划完成日期（可早于今天：补录）'),
});

export const PlanStepPatchBody = Type.Object(
  {
    text: Type.Optional(Name({ minLength: 2, maxLength: 200 })),
    dueOn: Type.Optional(DateString()),
    doneOn: Type.Optional(Nullable(DateString('完成日期；null 撤销完成标记'))),
    doneNote: Type.Optional(Nullable(Paragraph({ maxLength: 500, description: '完成情况' }))),
  },
  { minProperties: 1 },
);

export const VisitBody = Type.Object({
  date: DateString('走访的实际日期'),
  kind: Type.Unsafe<'home' | 'phone' | 'counter'>(Type.String({ enum: [...visitKindValues], description: visitKindDescription })),
  note: Paragraph({ minLength: 2, maxLength: 1000, description: '走访情况' }),
});

export const VisitScheduleItem = Type.Object({
  personId: Type.String(),
  name: Type.String(),
  idNumber: Type.String({ description: '已脱敏' }),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  recognisedSince: Type.String(),
  caseworkerId: Nullable(Type.String()),
  caseworkerName: Nullable(Type.String()),
  lastVisitOn: Nullable(Type.String()),
  nextVisitDue: Type.String(),
  status: OneOf(visitStatusValues, visitStatusDescription),
});

export const WorkList = Type.Object({
  visits: Type.Object({ total: Type.Integer(), overdue: Type.Integer(), items: Type.Array(VisitScheduleItem) }),
  cases: Type.Object({
    total: Type.Integer(),
    overdue: Type.Integer(),
    items: Type.Array(
      Type.Object({
        id: Type.String(),
        householdId: Type.String(),
        regionCode: Type.String(),
        detectedOn: Type.String(),
        deadline: Type.String(),
        status: OneOf(['open', 'due_soon', 'overdue', 'resolved']),
        caseworkerId: Nullable(Type.String()),
        caseworkerName: Nullable(Type.String()),
        mine: Type.Boolean({ description: '本人承办' }),
        headName: Nullable(Type.String()),
        address: Nullable(Type.String()),
        communityName: Nullable(Type.String()),
      }),
    ),
  }),
  graduates: Type.Object({
    total: Type.Integer(),
    overdue: Type.Integer(),
    items: Type.Array(
      Type.Object({
        personId: Type.String(),
        name: Type.String(),
        regionCode: Type.String(),
        deadline: Type.String(),
        status: OneOf(['open', 'due_soon', 'overdue', 'complete']),
        consultation: Type.Boolean(),
        guidance: Type.Boolean(),
        vacanciesOffered: Type.Integer(),
        vacanciesRequired: Type.Integer(),
      }),
    ),
  }),
});
