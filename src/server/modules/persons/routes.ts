// HTTP for the labour-force ledger (REG-1, REG-2, REG-6).
import { Type } from '@sinclair/typebox';
import { noteAccess } from '../../platform/accessLog.js';
import { ctxOf } from '../../platform/context.js';
import type { App } from '../../platform/http.js';
import { AccessLogEntry, IdParams, Nullable, Paged, pageQuery, sendList, Text } from '../../platform/http.js';
import { accessActionNames, employmentStatusNames, type EmploymentStatus } from '../../../shared/labels.js';
import { DateString, LedgerFields, Person, PersonPatch } from './schemas.js';
import * as service from './service.js';

/**
 * HTTP for the labour-force ledger. `statusAsOf` comes from the registrations module (which sits
 * above the ledger), passed in by the app.
 */
export async function personRoutes(app: App, opts: { statusAsOf: service.StatusAsOf }) {
  app.post(
    '/persons',
    {
      config: { idempotent: true },
      schema: {
        tags: ['persons'],
        summary: '登记人员（劳动力资源台账）',
        body: Type.Object({ idNumber: Type.String({ minLength: 1, maxLength: 24 }), ...LedgerFields }),
        response: { 201: Person },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createPerson(ctxOf(app, req), req.body)),
  );

  app.get(
    '/persons',
    {
      schema: {
        tags: ['persons'],
        summary: '管辖范围内的人员；q 按姓名查找（身份证号不进 URL：请用 POST /persons/lookup）',
        querystring: Type.Object({
          ...pageQuery,
          q: Type.Optional(
            Type.String({ maxLength: 40, pattern: '^\\D*\\d{0,10}\\D*$', description: '姓名（不接受证件号、手机号等长数字）' }),
          ),
          regionCode: Type.Optional(Type.String({ pattern: '^\\d{12}$' })),
          status: Type.Optional(Type.Unsafe<string>(Type.String({ enum: ['employed', 'unemployed', 'not_registered'] }))),
          category: Type.Optional(Text({ maxLength: 30 })),
          jobSeeking: Type.Optional(Type.Boolean()),
          retiree: Type.Optional(Type.Boolean({ description: 'true：只列社区管理的退休人员' })),
          seeker: Type.Optional(
            Type.Boolean({ description: 'true：只列求职人员（办理了求职登记或登记失业）；只有职业介绍员角色的人员只能看到求职人员' }),
          ),
          graduate: Type.Optional(Type.Boolean({ description: 'true：只列高校毕业生（有毕业年份或类别为高校毕业生）' })),
        }),
        response: { 200: Paged(Person) },
      },
    },
    async (req, reply) => {
      const { q, regionCode, status, category, jobSeeking, graduate, retiree, seeker } = req.query;
      return sendList(
        reply,
        req.query,
        (paging) =>
          service.listPersons(ctxOf(app, req), { q, regionCode, status, category, jobSeeking, graduate, retiree, seeker }, paging),
        {
          onExport: (rows) =>
            noteAccess(
              ctxOf(app, req),
              rows.map((p) => ({ personId: p.id, regionCode: p.regionCode, action: 'export' as const, rows: rows.length })),
            ),
          filename: graduate ? '高校毕业生名册' : retiree ? '退休人员名册' : '人员名册',
          sheet: '人员',
          columns: [
            { header: '姓名', value: (p) => p.name },
            { header: '身份证号（脱敏）', width: 22, value: (p) => p.idNumber },
            { header: '性别', width: 6, value: (p) => (p.sex === 'M' ? '男' : '女') },
            { header: '出生日期', width: 12, value: (p) => p.birthDate },
            { header: '户籍性质', value: (p) => (p.householdType === 'urban' ? '城镇' : '农村') },
            { header: '居住社区', width: 24, value: (p) => p.regionName },
            { header: '区划代码', value: (p) => p.regionCode },
            { header: '文化程度', value: (p) => p.education },
            { header: '就业状态', value: (p) => employmentStatusNames[p.employmentStatus as EmploymentStatus] ?? p.employmentStatus },
            { header: '状态起始', width: 12, value: (p) => p.statusSince },
            { header: '求职登记', width: 8, value: (p) => (p.jobSeeking ? '是' : '否') },
            { header: '就业失业登记证', width: 20, value: (p) => p.certificateNo },
            { header: '毕业院校', width: 20, value: (p) => p.school },
            { header: '毕业年份', width: 10, value: (p) => p.graduationYear },
            { header: '人员类别', width: 24, value: (p) => p.categories.join('、') },
          ],
        },
      );
    },
  );

  app.post(
    '/persons/lookup',
    {
      schema: {
        tags: ['persons'],
        summary: '按身份证号查找管辖范围内的人员（号码不进 URL）',
        body: Type.Object({ idNumber: Type.String({ minLength: 1, maxLength: 24 }) }),
        response: { 200: Person },
      },
    },
    async (req) => {
      const ctx = ctxOf(app, req);
      const person = await service.lookupPerson(ctx, req.body.idNumber);
      noteAccess(ctx, [{ personId: person.id, regionCode: person.regionCode, action: 'lookup' }]);
      return person;
    },
  );

  app.get(
    '/persons/:id',
    {
      schema: {
        tags: ['persons'],
        params: IdParams,
        querystring: Type.Object({ asOf: Type.Optional(DateString) }),
        response: { 200: Person },
      },
    },
    async (req) => {
      const ctx = ctxOf(app, req);
      const person = await service.getPerson(ctx, req.params.id);
      noteAccess(ctx, [{ personId: person.id, regionCode: person.regionCode, action: 'view' }]);
      const { asOf } = req.query;
      return asOf ? { ...person, ...(await opts.statusAsOf(ctx, req.params.id, asOf)), asOf } : person;
    },
  );

  app.patch(
    '/persons/:id',
    {
      schema: {
        tags: ['persons'],
        summary: '修改台账信息（身份证号、性别、出生日期不可改）',
        params: IdParams,
        body: PersonPatch,
        response: { 200: Person },
      },
    },
    async (req) => service.updatePerson(ctxOf(app, req), req.params.id, req.body),
  );

  app.post(
    '/persons/:id/reveal',
    {
      schema: {
        tags: ['persons'],
        summary: '查看完整身份证号或电话（记入审计日志）',
        params: IdParams,
        body: Type.Object({
          fields: Type.Array(Type.Unsafe<'idNumber' | 'phone'>(Type.String({ enum: ['idNumber', 'phone'] })), { minItems: 1, maxItems: 2 }),
          reason: Text({ minLength: 2, maxLength: 200 }),
        }),
        response: { 200: Type.Object({ idNumber: Type.Optional(Type.String()), phone: Type.Optional(Nullable(Type.String())) }) },
      },
    },
    async (req) => service.revealPerson(ctxOf(app, req), req.params.id, req.body.fields, req.body.reason),
  );

  app.get(
    '/persons/:id/access-log',
    {
      schema: {
        tags: ['persons'],
        summary: '谁查阅过此人的信息（查看、按证件号查找、导出名册、查看完整证件号或电话）；审计员',
        params: IdParams,
        querystring: Type.Object({ ...pageQuery }),
        response: { 200: Paged(AccessLogEntry) },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(app, req);
      await app.accessLog.flush();
      return sendList(reply, req.query, (paging) => service.accessesOfPerson(ctx, req.params.id, paging), {
        filename: '个人信息查阅记录',
        sheet: '查阅记录',
        columns: [
          { header: '时间', width: 20, value: (e) => e.at.toISOString() },
          { header: '查阅人', width: 20, value: (e) => e.actorUsername },
          { header: '单位', width: 30, value: (e) => e.unitName },
          { header: '方式', value: (e) => accessActionNames[e.action] },
          { header: '导出行数', value: (e) => e.rows },
        ],
      });
    },
  );
}
