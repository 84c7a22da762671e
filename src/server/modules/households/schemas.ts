// Request and response schemas of households and zero-employment cases (REG-5, AID-3).
import { Type } from '@sinclair/typebox';
import {
  caseMeasureKinds,
  caseResolutionNames,
  householdRelations,
  type CaseMeasureKind,
  type HouseholdRelation,
} from '../../../shared/labels.js';
import { Nullable } from '../../platform/http.js';

/** 与户主关系: a closed list, so statistics can count spouses and children. */
export const Relation = Type.Unsafe<HouseholdRelation>(
  Type.String({
    enum: householdRelations,
    description:
      'head 户主、spouse 配偶、child 子女、parent 父母、sibling 兄弟姐妹、grandchild 孙子女、grandparent 祖父母、member 其他成员',
  }),
);

const CaseStatusSchema = Type.Unsafe<'open' | 'due_soon' | 'overdue' | 'resolved'>(
  Type.String({
    enum: ['open', 'due_soon', 'overdue', 'resolved'],
    description: 'open 办理中、due_soon 即将到期、overdue 已超期、resolved 已解决',
  }),
);
const Resolution = Type.Unsafe<keyof typeof caseResolutionNames>(
  Type.String({
    enum: Object.keys(caseResolutionNames),
    description: Object.entries(caseResolutionNames)
      .map(([k, v]) => `${k} ${v}`)
      .join('、'),
  }),
);
export const MeasureKind = Type.Unsafe<CaseMeasureKind>(
  Type.String({
    enum: caseMeasureKinds,
    description: '入户走访、政策咨询、职业指导、岗位推荐、技能培训、公益性岗位安置、创业扶持、其他措施',
  }),
);

/** A zero-employment case with its deadline and status. */
export const Case = Type.Object({
  id: Type.String(),
  householdId: Type.String(),
  regionCode: Type.String(),
  detectedOn: Type.String({ description: '成为零就业家庭之日：按成员的失业登记日期，而非录入日期' }),
  deadline: Type.String(),
  recordedOn: Type.String({ description: '录入系统之日' }),
  overdueOnEntry: Type.Boolean({ description: '补录时已超过解决时限' }),
  resolvedOn: Nullable(Type.String()),
  resolution: Nullable(Resolution),
  status: CaseStatusSchema,
  escalated: Type.Boolean({ description: '已超期未解决：上级（街道、区县）督办' }),
  caseworkerId: Nullable(Type.String()),
  caseworkerName: Nullable(Type.String()),
  address: Type.Optional(Nullable(Type.String())),
  headName: Type.Optional(Nullable(Type.String())),
  communityName: Type.Optional(Nullable(Type.String())),
});

const Member = Type.Object({
  personId: Type.String(),
  name: Type.String(),
  relation: Type.String(),
  sex: Type.String(),
  birthDate: Type.String(),
  idNumber: Type.String(),
  labourCapacity: Type.String(),
  employmentStatus: Type.String(),
  statusSince: Nullable(Type.String()),
});

/** A case with its household members, caseworker, plan and measures (AID-3). */
export const CaseDetail = Type.Object({
  id: Type.String(),
  householdId: Type.String(),
  regionCode: Type.String(),
  address: Nullable(Type.String()),
  detectedOn: Type.String(),
  deadline: Type.String(),
  recordedOn: Type.String(),
  overdueOnEntry: Type.Boolean(),
  status: CaseStatusSchema,
  escalated: Type.Boolean(),
  resolvedOn: Nullable(Type.String()),
  resolution: Nullable(Resolution),
  resolutionEvidence: Nullable(Type.String()),
  caseworkerId: Nullable(Type.String()),
  caseworkerName: Nullable(Type.String()),
  members: Type.Array(Member),
  measures: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: MeasureKind,
      personId: Nullable(Type.String()),
      personName: Nullable(Type.String()),
      dueOn: Nullable(Type.String()),
      takenOn: Nullable(Type.String()),
      note: Type.String(),
      outcome: Nullable(Type.String()),
      createdBy: Type.String(),
      createdAt: Type.Unsafe<Date>(Type.String({ format: 'date-time' })),
    }),
  ),
});

const MonthFigures = {
  detected: Type.Integer({ description: '本月新认定' }),
  due: Type.Integer({ description: '本月到期' }),
  resolvedInTime: Type.Integer({ description: '本月到期且按期解决' }),
  resolvedInTimeRate: Nullable(Type.Number({ description: '按期解决率（%），本月无到期个案时为 null' })),
  openAtEnd: Type.Integer({ description: '月末未解决' }),
  overdueAtEnd: Type.Integer({ description: '月末已超期未解决' }),
};

/** The month's casework per area one level below the caller's scope. */
export const CaseMonth = Type.Object({
  month: Type.String(),
  items: Type.Array(Type.Object({ regionCode: Type.String(), regionName: Nullable(Type.String()), ...MonthFigures })),
  total: Type.Object(MonthFigures),
});

/** A household with its members and its open zero-employment case. */
export const Household = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  address: Nullable(Type.String()),
  householdType: Type.String(),
  zeroEmployment: Type.Boolean(),
  zeroEmploymentSince: Nullable(Type.String()),
  members: Type.Array(Member),
  openCase: Nullable(Type.Object({ id: Type.String(), detectedOn: Type.String(), deadline: Type.String() })),
});
