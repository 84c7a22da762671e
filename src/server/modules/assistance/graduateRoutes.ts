// HTTP for the graduate one-to-one service (AID-6).
import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../platform/context.js';
import { IdParams, Nullable, Paged, pageQuery, sendList, type App } from '../../platform/http.js';
import { graduateService, listGraduateService, type GraduateListStatus } from './graduateService.js';

const Status = Type.Unsafe<'open' | 'complete' | 'overdue'>(
  Type.String({ enum: ['open', 'complete', 'overdue'], description: 'open 服务中、complete 已完成、overdue 已超期未完成' }),
);
const checklist = {
  since: Type.String({ description: '登记失业之日：服务时限由此起算' }),
  deadline: Type.String({ description: '服务时限（参数 graduate_service.deadline）' }),
  consultation: Type.Boolean({ description: '已提供政策咨询' }),
  guidance: Type.Boolean({ description: '已提供职业指导' }),
  vacanciesOffered: Type.Integer({ description: '已提供岗位信息次数（岗位信息服务记录与推荐介绍）' }),
  vacanciesRequired: Type.Integer({ description: '应提供次数（参数 graduate_service.vacancies_offered）' }),
  complete: Type.Boolean(),
};
const GraduateService = Type.Object({ ...checklist, status: Status });
const listStatuses: GraduateListStatus[] = ['open', 'due_soon', 'overdue', 'complete'];
const listStatusNames: Record<GraduateListStatus, string> = { open: '服务中', due_soon: '即将到期', overdue: '已超期', complete: '已完成' };
const yesNo = (b: boolean) => (b ? '已提供' : '未提供');

export async function graduateServiceRoutes(app: App) {
  app.get(
    '/persons/:id/graduate-service',
    {
      schema: {
        tags: ['assistance'],
        summary: '登记失业高校毕业生“一对一”服务清单：时限内一次政策咨询、一次职业指导、规定次数的岗位信息，按服务记录和推荐介绍自动生成',
        params: IdParams,
        response: { 200: GraduateService },
      },
    },
    async (req) => graduateService(ctxOf(app, req), req.params.id),
  );

  app.get(
    '/assistance/graduate-service',
    {
      schema: {
        tags: ['assistance'],
        summary:
          '登记失业高校毕业生“一对一”服务：按清单状态筛选（due_soon 即将到期，天数为参数 graduate_service.due_soon_days），时限最近的在前',
        querystring: Type.Object({
          ...pageQuery,
          status: Type.Optional(Type.Unsafe<GraduateListStatus>(Type.String({ enum: listStatuses }))),
        }),
        response: {
          200: Paged(
            Type.Object({
              personId: Type.String(),
              name: Type.String(),
              idNumber: Type.String(),
              regionCode: Type.String(),
              school: Nullable(Type.String()),
              graduationYear: Nullable(Type.Integer()),
              ...checklist,
              status: Type.Unsafe<GraduateListStatus>(Type.String({ enum: listStatuses })),
            }),
          ),
        },
      },
    },
    async (req, reply) =>
      sendList(reply, req.query, (paging) => listGraduateService(ctxOf(app, req), req.query.status, paging), {
        filename: '高校毕业生一对一服务',
        sheet: '一对一服务',
        columns: [
          { header: '姓名', value: (g) => g.name },
          { header: '身份证号', width: 22, value: (g) => g.idNumber },
          { header: '毕业院校', width: 24, value: (g) => g.school },
          { header: '毕业年份', value: (g) => g.graduationYear },
          { header: '登记失业日期', value: (g) => g.since },
          { header: '服务时限', value: (g) => g.deadline },
          { header: '政策咨询', value: (g) => yesNo(g.consultation) },
          { header: '职业指导', value: (g) => yesNo(g.guidance) },
          { header: '岗位信息', value: (g) => `${g.vacanciesOffered}/${g.vacanciesRequired}` },
          { header: '状态', value: (g) => listStatusNames[g.status] },
        ],
      }),
  );
}
