// Request and response schemas of public-welfare posts and placements (AID-4).
import { Type } from '@sinclair/typebox';
import {
  placementExitReasonNames,
  placementExitReasons,
  welfarePostTypeNames,
  welfarePostTypes,
  type PlacementExitReason,
  type WelfarePostType,
} from '../../../shared/labels.js';
import { DateTime, Name, Nullable } from '../../platform/http.js';

const DateString = Type.String({ format: 'date' });
const described = (names: Record<string, string>) =>
  Object.entries(names)
    .map(([k, v]) => `${k} ${v}`)
    .join('、');

export const PostType = Type.Unsafe<WelfarePostType>(Type.String({ enum: welfarePostTypes, description: described(welfarePostTypeNames) }));
export const ExitReason = Type.Unsafe<PlacementExitReason>(
  Type.String({ enum: placementExitReasons, description: described(placementExitReasonNames) }),
);

export const PostInput = Type.Object({
  name: Name({ minLength: 2, maxLength: 100 }),
  sponsor: Name({ minLength: 2, maxLength: 100, description: '开发（出资）单位' }),
  postType: Type.Optional(PostType),
  regionCode: Type.String({ pattern: '^\\d{12}$' }),
  places: Type.Integer({ minimum: 1, maximum: 10_000 }),
  startDate: DateString,
  endDate: DateString,
});

export const Placement = Type.Object({
  id: Type.String(),
  postId: Type.String(),
  postName: Type.String(),
  sponsor: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  idNumber: Type.String(),
  regionCode: Type.String(),
  startDate: Type.String(),
  endDate: Type.String({ description: '计划截止日：岗位期限与累计安置期限（参数 public_welfare_post.max_term）中先到者' }),
  exitedOn: Nullable(Type.String()),
  exitReason: Nullable(ExitReason),
  priorityOverride: Nullable(Type.String({ description: '非优先安置群体的安置理由' })),
  createdBy: Type.String(),
  createdAt: DateTime,
});

const postFields = {
  id: Type.String(),
  name: Type.String(),
  sponsor: Type.String(),
  postType: PostType,
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  places: Type.Integer(),
  occupied: Type.Integer({ description: '在岗人数' }),
  startDate: Type.String(),
  endDate: Type.String(),
  createdBy: Type.String(),
  createdAt: DateTime,
};

export const Post = Type.Object(postFields);
export const PostDetail = Type.Object({
  ...postFields,
  free: Type.Integer({ description: '空余名额' }),
  placements: Type.Array(Placement),
});

export const PlacementInput = Type.Object({
  personId: Type.String({ format: 'uuid' }),
  startDate: DateString,
  overrideReason: Type.Optional(Name({ minLength: 4, maxLength: 200, description: '安置非就业困难人员时必填' })),
});

export const ExitInput = Type.Object({
  date: Type.String({ format: 'date', description: '在岗最后一日' }),
  reason: ExitReason,
  note: Type.Optional(Name({ minLength: 2, maxLength: 200 })),
});

export const SubsidyList = Type.Object({
  month: Type.String(),
  items: Type.Array(
    Type.Object({
      ...Placement.properties,
      days: Type.Integer({ description: '本月在岗天数' }),
      postSubsidyFen: Nullable(Type.Integer({ description: '岗位补贴（分）；本地未设参数时为 null' })),
      socialInsuranceSubsidyFen: Nullable(Type.Integer({ description: '社会保险补贴（分）；本地未设参数时为 null' })),
    }),
  ),
  total: Type.Object({ persons: Type.Integer(), postSubsidyFen: Type.Integer(), socialInsuranceSubsidyFen: Type.Integer() }),
  unsetRegions: Type.Array(Type.String(), { description: '未设定补贴标准参数的区划' }),
});
