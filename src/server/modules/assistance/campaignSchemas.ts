// Request and response schemas of campaigns (AID-7) and full-employment communities (AID-9).
import { Type } from '@sinclair/typebox';
import {
  campaignIndicatorNames,
  campaignIndicators,
  campaignKindNames,
  campaignKinds,
  campaignTargetGroupNames,
  campaignTargetGroups,
  communityCriteria,
  communityCriterionNames,
  type CampaignIndicator,
  type CampaignKind,
  type CommunityCriterion,
} from '../../../shared/campaigns.js';
import { DateTime, Name, Nullable, Paragraph } from '../../platform/http.js';

const DateString = Type.String({ format: 'date' });
const described = (names: Record<string, string>) =>
  Object.entries(names)
    .map(([k, v]) => `${k} ${v}`)
    .join('、');

export const CampaignKindCode = Type.Unsafe<CampaignKind>(
  Type.String({ enum: [...campaignKinds], description: described(campaignKindNames) }),
);
export const IndicatorCode = Type.Unsafe<CampaignIndicator>(
  Type.String({ enum: [...campaignIndicators], description: described(campaignIndicatorNames) }),
);
const TargetGroup = Type.String({ enum: campaignTargetGroups, description: described(campaignTargetGroupNames) });

/** Per indicator the number to reach; indicators left out have no target. */
export const CampaignTargets = Type.Partial(
  Type.Object(Object.fromEntries(campaignIndicators.map((code) => [code, Type.Integer({ minimum: 0, maximum: 10_000_000 })]))),
  { additionalProperties: false, description: `各项指标的目标数：${described(campaignIndicatorNames)}` },
);

export const CampaignInput = Type.Object({
  name: Name({ minLength: 2, maxLength: 100 }),
  kind: CampaignKindCode,
  regionCode: Type.String({ pattern: '^\\d{12}$', description: '活动范围：区、街道或社区的区划代码' }),
  startDate: DateString,
  endDate: DateString,
  targetGroups: Type.Array(TargetGroup, { maxItems: 20, uniqueItems: true, description: '目标群体；不填为辖区全部人员' }),
  targets: CampaignTargets,
  note: Type.Optional(Nullable(Paragraph({ maxLength: 1000 }))),
});

export const CampaignPatch = Type.Partial(CampaignInput);

export const Campaign = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: CampaignKindCode,
  regionCode: Type.String(),
  regionName: Type.String(),
  startDate: Type.String(),
  endDate: Type.String(),
  status: Type.Unsafe<'planned' | 'running' | 'ended'>(
    Type.String({ enum: ['planned', 'running', 'ended'], description: '未开始、进行中、已结束' }),
  ),
  targetGroups: Type.Array(Type.String()),
  targets: Type.Record(Type.String(), Type.Integer()),
  note: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const CampaignResults = Type.Object({
  campaign: Campaign,
  countedOn: Type.String({ description: '统计日：结果按各记录的业务日期在活动期内的计数，随补录变化' }),
  results: Type.Array(
    Type.Object({
      indicator: IndicatorCode,
      name: Type.String(),
      target: Nullable(Type.Integer()),
      actual: Type.Integer(),
      share: Nullable(Type.Number({ description: '完成比例（实际 / 目标），无目标或目标为 0 时为 null' })),
    }),
  ),
});

const CriterionCode = Type.Unsafe<CommunityCriterion>(
  Type.String({ enum: [...communityCriteria], description: described(communityCriterionNames) }),
);

export const CommunityFact = Type.Object({
  criterion: CriterionCode,
  name: Type.String(),
  numerator: Type.Integer(),
  denominator: Type.Integer(),
  value: Nullable(Type.Number({ description: '比例（%）；分母为 0 时为 null（视为达标：没有应办未办的人）' })),
  threshold: Nullable(Type.Number({ description: '标准（%），来自参数；零就业家庭一项为“无逾期未解决”' })),
  parameter: Nullable(Type.String()),
  source: Type.String({ description: '标准的出处（参数的来源条款）' }),
  met: Type.Boolean(),
  explanation: Type.String(),
});

export const Community = Type.Object({
  regionCode: Type.String(),
  regionName: Type.String(),
  streetName: Type.String(),
  rank: Type.Integer(),
  criteriaMet: Type.Integer(),
  criteriaTotal: Type.Integer(),
  meetsStandard: Type.Boolean(),
  score: Type.Number({ description: '排序分：各项比例（零就业家庭一项为 100 或 0）的平均值' }),
  facts: Type.Array(CommunityFact),
});

export const CommunityRanking = Type.Object({
  asOf: Type.String(),
  communities: Type.Integer(),
  meeting: Type.Integer(),
  share: Nullable(Type.Number({ description: '达标社区占比（%）' })),
  targetShare: Nullable(Type.Number({ description: '达标社区占比目标（%，参数 full_employment_community.target_share）' })),
  items: Type.Array(Community),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
