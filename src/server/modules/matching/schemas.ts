// Request and response schemas of matching (JOB-4).
import { Type } from '@sinclair/typebox';
import { Nullable, OneOf } from '../../platform/http.js';
import { matchFactors } from './rules.js';

/** One reason of a match score: the factor, what matched, its weight and the most it can weigh. */
export const Reason = Type.Object({ factor: OneOf(matchFactors), detail: Type.String(), weight: Type.Number(), maxWeight: Type.Number() });
/** Query of a match list: how many results. */
export const Limit = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) });
/** A vacancy recommended to a seeker, with its score and reasons (staff and the seeker's own page alike). */
export const VacancyMatch = Type.Object({
  vacancyId: Type.String(),
  score: Type.Number(),
  reasons: Type.Array(Reason),
  vacancy: Type.Object({
    title: Type.String(),
    employerName: Type.String(),
    occupation: Nullable(Type.String()),
    wageMin: Type.Integer(),
    wageMax: Type.Integer(),
    regionCode: Type.String(),
    regionName: Nullable(Type.String()),
    headcount: Type.Integer(),
    filled: Type.Integer(),
    validUntil: Type.String(),
  }),
});
