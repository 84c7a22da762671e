// HTTP for policy parameters.
import { Type } from '@sinclair/typebox';
import { ctxOf } from '../platform/context.js';
import type { App } from '../platform/http.js';
import { DateTime, Name, Nullable } from '../platform/http.js';
import * as service from './service.js';

const DateString = Type.String({ format: 'date' });
const RegionCode = Type.String({ pattern: '^\\d{12}$' });
const NameParams = Type.Object({ name: Type.String({ pattern: '^[a-z0-9_.]{1,80}$' }) });

export async function paramRoutes(app: App) {
  app.get(
    '/params',
    {
      schema: {
        tags: ['params'],
        summary: '全部政策参数及其在某区划某日的取值',
        querystring: Type.Object({ regionCode: Type.Optional(RegionCode), date: Type.Optional(DateString) }),
        response: {
          200: Type.Array(
            Type.Object({
              name: Type.String(),
              title: Type.String(),
              unit: Type.String(),
              description: Type.String(),
              value: Nullable(Type.Number()),
              source: Nullable(Type.String()),
              regionPrefix: Nullable(Type.String()),
              effectiveFrom: Nullable(Type.String()),
            }),
          ),
        },
      },
    },
    async (req) => service.listParams(ctxOf(app, req), req.query.regionCode, req.query.date),
  );

  app.get(
    '/params/:name',
    {
      schema: {
        tags: ['params'],
        summary: '某参数在某区划某日的取值（最具体的区划、不晚于该日的最新生效日期）',
        params: NameParams,
        querystring: Type.Object({ regionCode: Type.Optional(RegionCode), date: Type.Optional(DateString) }),
        response: {
          200: Type.Object({
            name: Type.String(),
            title: Type.String(),
            value: Type.Number(),
            unit: Type.String(),
            source: Type.String(),
            regionPrefix: Type.String(),
            effectiveFrom: Type.String(),
          }),
        },
      },
    },
    async (req) => service.getParam(ctxOf(app, req), service.paramNameOf(req.params.name), req.query.regionCode, req.query.date),
  );

  app.get(
    '/params/:name/values',
    {
      schema: {
        tags: ['params'],
        summary: '参数的全部取值历史（各区划、各生效日期）',
        params: NameParams,
        response: {
          200: Type.Object({
            name: Type.String(),
            title: Type.String(),
            unit: Type.String(),
            description: Type.String(),
            values: Type.Array(
              Type.Object({
                id: Type.String(),
                regionPrefix: Type.String(),
                regionName: Nullable(Type.String()),
                effectiveFrom: Type.String(),
                value: Type.Number(),
                source: Type.String(),
                createdBy: Type.String(),
                createdAt: DateTime,
              }),
            ),
          }),
        },
      },
    },
    async (req) => service.paramHistory(ctxOf(app, req), service.paramNameOf(req.params.name)),
  );

  app.post(
    '/params/:name/values',
    {
      config: { idempotent: true },
      schema: {
        tags: ['params'],
        summary: '为管辖范围内的区划新增一个带生效日期的取值（管理员）',
        params: NameParams,
        body: Type.Object({
          regionPrefix: Type.String({
            pattern: '^(|\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12})$',
            description: '区划代码前缀：空为全国，2/4/6/9/12 位',
          }),
          effectiveFrom: DateString,
          value: Type.Number({ minimum: 0 }),
          source: Name({ minLength: 4, maxLength: 500, description: '依据：文件名称、文号及条款' }),
        }),
        response: {
          201: Type.Object({
            id: Type.String(),
            name: Type.String(),
            regionPrefix: Type.String(),
            effectiveFrom: Type.String(),
            value: Type.Number(),
            source: Type.String(),
          }),
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.addParamValue(ctxOf(app, req), service.paramNameOf(req.params.name), req.body)),
  );
}
