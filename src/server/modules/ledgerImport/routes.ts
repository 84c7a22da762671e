// HTTP for the ledger template and Excel import (REG-7).
import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { sendXlsx, xlsxContentType as xlsxType, type App } from '../../platform/http.js';
import { importLedger, ledgerTemplate } from './ledgerImport.js';

/** Ledger template download and Excel import (REG-7). */
export async function ledgerImportRoutes(app: App) {
  app.get('/persons/import-template', { schema: { tags: ['persons'], summary: '下载劳动力资源台账导入模板' } }, async (_req, reply) =>
    sendXlsx(reply, '劳动力资源台账导入模板', await ledgerTemplate()),
  );

  await app.register(async (scoped) => {
    scoped.addContentTypeParser(
      [xlsxType, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: 100 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );
    scoped.post(
      '/persons/import',
      {
        bodyLimit: 100 * 1024 * 1024,
        schema: {
          tags: ['persons'],
          summary: '导入台账（Excel 模板）：全部有效才导入，否则返回未导入行的 Excel（rejectedRowsXlsx，base64）；已登记的身份证号保持不变',
          response: { 200: Type.Object({ rows: Type.Integer(), imported: Type.Integer(), unchanged: Type.Integer() }) },
        },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body))
          throw new AppError('VALIDATION_FAILED', '请上传 Excel 文件（.xlsx）', [
            { path: '/file', code: 'REQUIRED', message: '请上传 Excel 文件' },
          ]);
        return importLedger(ctxOf(app, req), req.body);
      },
    );
  });
}
