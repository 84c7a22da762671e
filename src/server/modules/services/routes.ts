// HTTP for the service record.
import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../platform/context.js';
import type { App } from '../../platform/http.js';
import { IdParams, Nullable, Paragraph } from '../../platform/http.js';
import { ServiceRecord } from './schemas.js';
import * as service from './service.js';

export async function serviceRoutes(app: App) {
  app.post(
    '/persons/:id/services',
    {
      config: { idempotent: true },
      schema: {
        tags: ['services'],
        summary: `记录为人员提供的服务：${Object.entries(service.serviceTypes)
          .map(([k, v]) => `${k} ${v}`)
          .join('，')}`,
        params: IdParams,
        body: Type.Object({
          type: Type.Unsafe<service.ServiceType>(Type.String({ enum: Object.keys(service.serviceTypes) })),
          channel: Type.Unsafe<service.ServiceChannel>(Type.String({ enum: Object.keys(service.serviceChannels) })),
          date: Type.Optional(Type.String({ format: 'date' })),
          notes: Type.Optional(Paragraph({ maxLength: 500 })),
        }),
        response: { 201: ServiceRecord },
      },
    },
    async (req, reply) => reply.status(201).send(await service.recordService(ctxOf(app, req), req.params.id, req.body)),
  );

  app.get(
    '/persons/:id/services',
    { schema: { tags: ['services'], params: IdParams, response: { 200: Type.Array(ServiceRecord) } } },
    async (req) => service.servicesOf(ctxOf(app, req), req.params.id),
  );

  app.get(
    '/services/counts',
    {
      schema: {
        tags: ['services'],
        summary: '管辖范围内某期间的服务量，按工作人员或机构、按服务类型统计',
        querystring: Type.Object({
          from: Type.String({ format: 'date' }),
          to: Type.String({ format: 'date' }),
          groupBy: Type.Unsafe<'staff' | 'unit'>(Type.String({ enum: ['staff', 'unit'], default: 'unit' })),
        }),
        response: {
          200: Type.Array(
            Type.Object({
              id: Nullable(Type.String()),
              name: Nullable(Type.String()),
              total: Type.Integer(),
              byType: Type.Record(Type.String(), Type.Integer()),
            }),
          ),
        },
      },
    },
    async (req) => service.serviceCounts(ctxOf(app, req), req.query),
  );
}
