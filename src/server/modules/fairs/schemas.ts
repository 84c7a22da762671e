// Request and response schemas of job fairs (JOB-6).
import { Type } from '@sinclair/typebox';
import { jobFairKindNames, type JobFairKind } from '../../../shared/labels.js';
import { DateTime, Name, Nullable, Paragraph } from '../../platform/http.js';

/** A calendar date, YYYY-MM-DD. */
export const DateString = Type.String({ format: 'date' });
/** A head count recorded after the fair; null clears it. */
export const Count = Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 })));

/** A job fair as the API returns it, with its booth, vacancy and head counts. */
export const Fair = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  date: Type.String(),
  venue: Type.String(),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  description: Nullable(Type.String()),
  cancelled: Type.Boolean(),
  attendance: Nullable(Type.Integer()),
  intentions: Nullable(Type.Integer()),
  deals: Nullable(Type.Integer()),
  boothCount: Type.Integer(),
  vacancyCount: Type.Integer(),
  headcount: Type.Integer(),
  createdAt: DateTime,
});

/** The fields of a new fair (all optional in a PATCH). */
export const fields = {
  name: Name({ minLength: 2, maxLength: 80 }),
  kind: Type.Unsafe<JobFairKind>(
    Type.String({
      enum: Object.keys(jobFairKindNames),
      description: 'general 综合，rural_migrants 农民工，graduates 高校毕业生，person_4050 “4050”人员，women 女性，disabled 残疾人',
    }),
  ),
  date: DateString,
  venue: Name({ minLength: 2, maxLength: 120 }),
  regionCode: Type.String({ pattern: '^\\d{12}$' }),
  description: Type.Optional(Nullable(Paragraph({ maxLength: 2000 }))),
};

/** A fair's report: the fair, its booths and the vacancies offered there. */
export const Report = Type.Object({
  fair: Fair,
  booths: Type.Array(
    Type.Object({
      id: Type.String(),
      employerId: Type.String(),
      employerName: Type.String(),
      boothNo: Nullable(Type.String()),
      vacancies: Type.Integer(),
      headcount: Type.Integer(),
    }),
  ),
  vacancies: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      employerName: Type.String(),
      headcount: Type.Integer(),
      wageMin: Type.Integer(),
      wageMax: Type.Integer(),
      status: Type.String(),
    }),
  ),
});
