// Request and response schemas of vacancies (JOB-2, JOB-3).
import { Type } from '@sinclair/typebox';
import { vacancyHoursNames, vacancySourceNames, type VacancyHours, type VacancySource } from '../../../shared/labels.js';
import { DateTime, Name, Nullable, OneOf, Paragraph, Text } from '../../platform/http.js';

/** What a vacancy reads as today: the stored statuses plus expired (past valid_until) and filled. */
export const vacancyStatuses = ['pending_review', 'published', 'rejected', 'closed', 'expired', 'filled'] as const;

/** A calendar date, YYYY-MM-DD. */
export const DateString = Type.String({ format: 'date' });
/** A code of the national occupation classification (2022 edition). */
export const OccupationCode = Type.String({
  pattern: '^\\d-\\d{2}-\\d{2}-\\d{2}$',
  description: '国家职业分类代码（2022 版大典，如 6-18-02-04 焊工）',
});
/** A monthly wage in fen, described in Chinese. */
export const Fen = (description: string) => Type.Integer({ minimum: 0, maximum: 100_000_000, description: `${description}（分）` });

/** One screening flag: the phrase found, the rule and its legal source. */
export const Flag = Type.Object({
  field: Type.String(),
  ruleId: Type.String(),
  category: Type.String(),
  severity: Type.String(),
  text: Type.String(),
  start: Type.Integer(),
  end: Type.Integer(),
  reason: Type.String(),
  legalSource: Type.String(),
});

/** A vacancy as staff see it, with its screening flags and review state. */
export const Vacancy = Type.Object({
  id: Type.String(),
  employerId: Type.String(),
  employerName: Type.String(),
  title: Type.String(),
  occupation: Nullable(Type.String()),
  headcount: Type.Integer(),
  filled: Type.Integer(),
  wageMin: Type.Integer(),
  wageMax: Type.Integer(),
  education: Nullable(Type.String()),
  skills: Type.Array(Type.String()),
  hours: Type.String(),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  address: Nullable(Type.String()),
  description: Type.String(),
  validUntil: Type.String(),
  source: Type.String(),
  status: OneOf(
    vacancyStatuses,
    'pending_review 待审核 | published 已发布 | rejected 已驳回 | closed 已关闭 | expired 已过期 | filled 已招满',
  ),
  screening: Type.Object({ flags: Type.Array(Flag) }),
  reviewComment: Nullable(Type.String()),
  reviewedBy: Nullable(Type.String()),
  reviewedAt: Nullable(DateTime),
  publishedAt: Nullable(DateTime),
  fairId: Nullable(Type.String()),
  surveyId: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: DateTime,
  updatedAt: DateTime,
});

/** The fields staff may set on a vacancy and change later (all optional in a PATCH). */
export const editable = {
  title: Name({ minLength: 2, maxLength: 60 }),
  occupation: Type.Optional(Nullable(OccupationCode)),
  headcount: Type.Integer({ minimum: 1, maximum: 10_000 }),
  wageMin: Fen('月工资下限'),
  wageMax: Fen('月工资上限'),
  education: Type.Optional(Nullable(Text({ maxLength: 20 }))),
  skills: Type.Optional(Type.Array(Name({ maxLength: 20 }), { maxItems: 20 })),
  hours: Type.Optional(
    Type.Unsafe<VacancyHours>(Type.String({ enum: Object.keys(vacancyHoursNames), description: 'full_time 全日制，part_time 非全日制' })),
  ),
  regionCode: Type.String({ pattern: '^\\d{12}$', description: '工作地点区划代码' }),
  address: Type.Optional(Nullable(Text({ maxLength: 200 }))),
  description: Paragraph({ minLength: 5, maxLength: 4000 }),
  validUntil: DateString,
  fairId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
};

/** POST body of a vacancy registered by staff. */
export const VacancyInput = Type.Object({
  employerId: Type.String({ format: 'uuid' }),
  ...editable,
  source: Type.Optional(
    Type.Unsafe<VacancySource>(
      Type.String({
        enum: Object.keys(vacancySourceNames).filter((s) => s !== 'employer'),
        description: 'counter 窗口，agency 中介，survey 空岗调查，fair 招聘会',
      }),
    ),
  ),
});
