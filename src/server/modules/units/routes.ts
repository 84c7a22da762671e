// HTTP for service units.
import { Type } from '@sinclair/typebox';
import { unitTypes, type UnitType } from '../../../shared/roles.js';
import { ctxOf } from '../../platform/context.js';
import type { App } from '../../platform/http.js';
import { IdParams, Name, Paged, pageQuery, sendList, Text } from '../../platform/http.js';
import { Unit, UnitTypeSchema } from './schemas.js';
import * as service from './service.js';

export async function unitRoutes(app: App) {
  app.post(
    '/units',
    {
      config: { idempotent: true },
      schema: {
        tags: ['units'],
        summary: '新建机构（仅限管辖范围内）',
        body: Type.Object({
          name: Name({ minLength: 2, maxLength: 60 }),
          regionCode: Type.String({ pattern: '^\\d{12}$' }),
          type: UnitTypeSchema,
          address: Type.Optional(Text({ maxLength: 200 })),
          phone: Type.Optional(Text({ maxLength: 30 })),
        }),
        response: { 201: Unit },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createUnit(ctxOf(app, req), req.body)),
  );

  app.get(
    '/units',
    {
      schema: {
        tags: ['units'],
        summary: '管辖范围内的机构',
        querystring: Type.Object({
          ...pageQuery,
          parentScope: Type.Optional(Type.String({ pattern: '^\\d{0,12}$' })),
          q: Type.Optional(Text({ maxLength: 60 })),
          type: Type.Optional(UnitTypeSchema),
        }),
        response: { 200: Paged(Unit) },
      },
    },
    async (req, reply) => {
      const { parentScope, q, type } = req.query;
      return sendList(reply, req.query, (paging) => service.listUnits(ctxOf(app, req), { parentScope, q, type }, paging), {
        filename: '机构列表',
        sheet: '机构',
        columns: [
          { header: '机构名称', width: 36, value: (u) => u.name },
          { header: '类型', width: 24, value: (u) => unitTypes[u.type as UnitType] ?? u.type },
          { header: '区划代码', value: (u) => u.regionCode },
          { header: '区划名称', value: (u) => u.regionName },
          { header: '地址', width: 30, value: (u) => u.address },
          { header: '电话', value: (u) => u.phone },
          { header: '状态', value: (u) => (u.disabled ? '停用' : '正常') },
        ],
      });
    },
  );

  app.get('/units/:id', { schema: { tags: ['units'], params: IdParams, response: { 200: Unit } } }, async (req) =>
    service.getUnit(ctxOf(app, req), req.params.id),
  );

  app.patch(
    '/units/:id',
    {
      schema: {
        tags: ['units'],
        params: IdParams,
        body: Type.Object({
          name: Type.Optional(Name({ minLength: 2, maxLength: 60 })),
          address: Type.Optional(Type.Union([Type.Null(), Text({ maxLength: 200 })])),
          phone: Type.Optional(Type.Union([Type.Null(), Text({ maxLength: 30 })])),
          disabled: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Unit },
      },
    },
    async (req) => service.updateUnit(ctxOf(app, req), req.params.id, req.body),
  );
}
