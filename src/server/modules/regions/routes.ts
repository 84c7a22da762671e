// HTTP for administrative divisions.
import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../platform/context.js';
import { xlsxContentType as xlsxType, type App } from '../../platform/http.js';
import { AppError } from '../../platform/errors.js';
import { Region } from './schemas.js';
import * as service from './service.js';

export async function regionRoutes(app: App) {
  app.get(
    '/regions',
    {
      schema: {
        tags: ['regions'],
        summary: '下级行政区划',
        querystring: Type.Object({
          parent: Type.Optional(Type.String({ pattern: '^\\d{12}$', description: '上级区划代码；不填则返回省级' })),
        }),
        response: { 200: Type.Array(Region) },
      },
    },
    async (req) => service.listChildren(ctxOf(app, req), req.query.parent),
  );

  app.get(
    '/regions/:code',
    {
      schema: {
        tags: ['regions'],
        summary: '行政区划详情（含上级路径）',
        params: Type.Object({ code: Type.String({ pattern: '^\\d{12}$' }) }),
        response: {
          200: Type.Object({
            code: Type.String(),
            name: Type.String(),
            level: Type.Integer(),
            parentCode: Type.Union([Type.String(), Type.Null()]),
            fullName: Type.String(),
            path: Type.Array(Region),
          }),
        },
      },
    },
    async (req) => service.getRegion(ctxOf(app, req), req.params.code),
  );

  await app.register(async (scoped) => {
    scoped.addContentTypeParser(['text/csv', xlsxType, 'application/octet-stream'], { parseAs: 'buffer' }, (_req, body, done) =>
      done(null, body),
    );
    scoped.post(
      '/regions/import',
      {
        schema: {
          tags: ['regions'],
          summary: '导入新版区划代码（CSV 或 Excel，两列：代码、名称）；全部有效才导入',
          response: { 200: Type.Object({ rows: Type.Integer(), added: Type.Integer(), updated: Type.Integer() }) },
        },
      },
      async (req) => {
        const type = String(req.headers['content-type'] ?? '');
        if (!Buffer.isBuffer(req.body))
          throw new AppError('VALIDATION_FAILED', '请上传 CSV 或 Excel 文件', [{ path: '/file', code: 'REQUIRED', message: '请上传文件' }]);
        const table = await service.readRegionFile(req.body, type.startsWith('text/csv') ? 'csv' : 'xlsx');
        return service.importRegions(ctxOf(app, req), table);
      },
    );
  });
}
