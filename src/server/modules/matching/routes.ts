// HTTP for matching (JOB-4): every result lists its reasons with weights.
import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../platform/context.js';
import type { App } from '../../platform/http.js';
import { IdParams, Nullable, OneOf } from '../../platform/http.js';
import { employmentStatusNames } from '../../../shared/labels.js';
import { Limit, Reason, VacancyMatch } from './schemas.js';
import * as service from './service.js';

export async function matchingRoutes(app: App) {
  app.get(
    '/persons/:id/matches',
    {
      schema: {
        tags: ['matching'],
        summary: '为求职者推荐岗位（按职业、技能、地点、工资、文化程度、工作时间评分，列出理由和权重）',
        params: IdParams,
        querystring: Limit,
        response: {
          200: Type.Array(VacancyMatch),
        },
      },
    },
    async (req) => service.matchesForPerson(ctxOf(app, req), req.params.id, req.query.limit),
  );

  app.get(
    '/vacancies/:id/matches',
    {
      schema: {
        tags: ['matching'],
        summary: '为岗位推荐管辖范围内的求职者（性别、民族、年龄等不参与评分）',
        params: IdParams,
        querystring: Limit,
        response: {
          200: Type.Array(
            Type.Object({
              personId: Type.String(),
              score: Type.Number(),
              reasons: Type.Array(Reason),
              person: Type.Object({
                name: Type.String(),
                idNumber: Type.String(),
                regionCode: Type.String(),
                regionName: Nullable(Type.String()),
                employmentStatus: OneOf(Object.keys(employmentStatusNames)),
                categories: Type.Array(Type.String()),
              }),
            }),
          ),
        },
      },
    },
    async (req) => service.matchesForVacancy(ctxOf(app, req), req.params.id, req.query.limit),
  );
}
