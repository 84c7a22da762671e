// Request and response schemas of the yearly vacancy survey (JOB-9).
import { Type } from '@sinclair/typebox';
import { DateTime, Nullable } from '../../platform/http.js';

/** A vacancy survey with its progress and totals. */
export const Survey = Type.Object({
  id: Type.String(),
  name: Type.String(),
  year: Type.Integer(),
  regionCode: Type.String(),
  dueDate: Type.String(),
  employers: Type.Integer({ description: '参加调查的单位数' }),
  returned: Type.Integer({ description: '已填报的单位数' }),
  currentVacancies: Type.Integer(),
  nextYearDemand: Type.Integer(),
  createdBy: Type.String(),
  createdAt: DateTime,
});

/** One employer's return in a survey (null until it has returned). */
export const Return = Type.Object({
  employerId: Type.String(),
  employerName: Type.String(),
  creditCode: Type.String(),
  regionCode: Type.String(),
  returnedOn: Nullable(Type.String()),
  currentVacancies: Nullable(Type.Integer()),
  nextYearDemand: Nullable(Type.Integer()),
  notes: Nullable(Type.String()),
});
