// HTTP for the collector's contribution file: its template and its import (UI-1).
import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { sendXlsx, xlsxContentType, type App } from '../../platform/http.js';
import { contributionTemplate, importContributions } from './contributionsImport.js';

export async function contributionsImportRoutes(app: App) {
  app.get(
    '/ui/contributions/import-template',
    { schema: { tags: ['ui'], summary: '下载失业保险缴费导入模板（征收机构月度缴费文件的列）' } },
    async (_req, reply) => sendXlsx(reply, '失业保险缴费导入模板', await contributionTemplate()),
  );

  await app.register(async (scoped) => {
    scoped.addContentTypeParser(
      [xlsxContentType, 'application/octet-stream', 'text/csv'],
      { parseAs: 'buffer', bodyLimit: 100 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );
    scoped.post(
      '/ui/contributions/import',
      {
        bodyLimit: 100 * 1024 * 1024,
        schema: {
          tags: ['ui'],
          summary:
            '导入征缴文件（失业保险经办员；.xlsx 或 CSV，UTF-8 或 GBK）：按身份证号匹配台账人员、按统一社会信用代码匹配单位，金额为元；全部有效才保存并记入基金收入（每个地区、每个月份一笔），否则 422 并返回未导入行的 Excel（rejectedRowsXlsx，base64）；保存中途失败则不保留任何记录；同一人员、单位、月份只记录一次，重复导入计为 unchanged；另一次导入尚未完成的月份 422 或 409，待其完成后重试',
          response: { 200: Type.Object({ rows: Type.Integer(), inserted: Type.Integer(), unchanged: Type.Integer() }) },
        },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body))
          throw new AppError('VALIDATION_FAILED', '请上传 Excel（.xlsx）或 CSV 文件', [
            { path: '/file', code: 'REQUIRED', message: '请上传征缴文件' },
          ]);
        return importContributions(ctxOf(app, req), req.body);
      },
    );
  });
}
