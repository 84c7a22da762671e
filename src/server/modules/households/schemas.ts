// Request and response schemas of households and zero-employment cases (REG-5, AID-3).
import { Type } from '@sinclair/typebox';
import { householdRelations, type HouseholdRelation } from '../../../shared/labels.js';
import { Nullable } from '../../platform/http.js';

/** 与户主关系: a closed list, so statistics can count spouses and children. */
export const Relation = Type.Unsafe<HouseholdRelation>(
  Type.String({
    enum: householdRelations,
    description:
      'head 户主、spouse 配偶、child 子女、parent 父母、sibling 兄弟姐妹、grandchild 孙子女、grandparent 祖父母、member 其他成员',
  }),
);

/** A zero-employment case with its deadline and status. */
export const Case = Type.Object({
  id: Type.String(),
  householdId: Type.String(),
  regionCode: Type.String(),
  detectedOn: Type.String(),
  deadline: Type.String(),
  resolvedOn: Nullable(Type.String()),
  resolution: Nullable(Type.String()),
  status: Type.String(),
  address: Type.Optional(Nullable(Type.String())),
  headName: Type.Optional(Nullable(Type.String())),
  communityName: Type.Optional(Nullable(Type.String())),
});

/** A household with its members and its open zero-employment case. */
export const Household = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  address: Nullable(Type.String()),
  householdType: Type.String(),
  zeroEmployment: Type.Boolean(),
  zeroEmploymentSince: Nullable(Type.String()),
  members: Type.Array(
    Type.Object({
      personId: Type.String(),
      name: Type.String(),
      relation: Type.String(),
      sex: Type.String(),
      birthDate: Type.String(),
      idNumber: Type.String(),
      labourCapacity: Type.String(),
      employmentStatus: Type.String(),
      statusSince: Nullable(Type.String()),
    }),
  ),
  openCase: Nullable(Type.Object({ id: Type.String(), detectedOn: Type.String(), deadline: Type.String() })),
});
