// HTTP for the scheduler: the admin's list of recent job runs.
import { Type } from '@sinclair/typebox';
import { ctxOf, type App } from './context.js';
import { shanghaiDateTimeText } from './clock.js';
import { DateTime, Nullable, Paged, pageQuery, sendList } from './http.js';
import { listJobRuns } from './scheduler.js';

const outcomeNames = { ok: '成功', failed: '失败', skipped: '跳过（另一实例在运行）' } as const;

const JobRunView = Type.Object({
  id: Type.String(),
  jobName: Type.String(),
  startedAt: DateTime,
  finishedAt: DateTime,
  outcome: Type.Union([Type.Literal('ok'), Type.Literal('failed'), Type.Literal('skipped')]),
  detail: Nullable(Type.String()),
});

export async function schedulerRoutes(app: App) {
  app.get(
    '/jobs/runs',
    {
      schema: {
        tags: ['system'],
        summary: '定时任务运行记录，新的在前（管理员）',
        querystring: Type.Object({ ...pageQuery }),
        response: { 200: Paged(JobRunView) },
      },
    },
    async (req, reply) =>
      sendList(reply, req.query, (paging) => listJobRuns(ctxOf(app, req), paging), {
        filename: '定时任务运行记录',
        sheet: '运行记录',
        columns: [
          { header: '任务', width: 20, value: (r) => r.jobName },
          { header: '开始（北京时间）', width: 22, value: (r) => shanghaiDateTimeText(r.startedAt) },
          { header: '结束（北京时间）', width: 22, value: (r) => shanghaiDateTimeText(r.finishedAt) },
          { header: '结果', value: (r) => outcomeNames[r.outcome] },
          { header: '说明', width: 40, value: (r) => r.detail },
        ],
      }),
  );
}
