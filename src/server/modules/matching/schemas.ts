// Request and response schemas of matching (JOB-4).
import { Type } from '@sinclair/typebox';
import { OneOf } from '../../platform/http.js';
import { matchFactors } from './rules.js';

/** One reason of a match score: the factor, what matched, its weight and the most it can weigh. */
export const Reason = Type.Object({ factor: OneOf(matchFactors), detail: Type.String(), weight: Type.Number(), maxWeight: Type.Number() });
/** Query of a match list: how many results. */
export const Limit = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) });
