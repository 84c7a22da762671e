// HTTP for the labour-force ledger and a person's registrations.
import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../platform/context.js';
import type { App } from '../../platform/http.js';
import { DateTime, IdParams, Nullable, Paged, pageQuery, sendList } from '../../platform/http.js';
import { employmentStatusNames, registrationTypeNames, registrationTypes, type EmploymentStatus, type RegistrationType } from '../../../shared/labels.js';
import * as registrations from '../registrations/service.js';
import { AppError } from '../../platform/errors.js';
import { importLedger, ledgerTemplate } from './ledgerImport.js';
import * as service from './service.js';

const DateString = Type.String({ format: 'date' });

const JobWishes = Type.Object({
  occupations: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 10 })),
  keywords: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 10 })),
  wageMinFen: Type.Optional(Type.Integer({ minimum: 0 })),
  regionCodes: Type.Optional(Type.Array(Type.String({ pattern: '^\\d{12}$' }), { maxItems: 10 })),
  hours: Type.Optional(Type.String({ maxLength: 40 })),
});

const ledgerFields = {
  name: Type.String({ minLength: 1, maxLength: 40 }),
  regionCode: Type.String({ pattern: '^\\d{12}$', description: '居住地区划代码（社区/村）' }),
  householdType: Type.Unsafe<'urban' | 'rural'>(Type.String({ enum: ['urban', 'rural'], description: '户籍性质：urban 城镇，rural 农村' })),
  phone: Type.Optional(Type.String({ pattern: '^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$' })),
  ethnicity: Type.Optional(Type.String({ maxLength: 20 })),
  education: Type.Optional(Type.String({ maxLength: 20 })),
  address: Type.Optional(Type.String({ maxLength: 200 })),
  labourCapacity: Type.Optional(Type.Unsafe<'full' | 'partial' | 'none'>(Type.String({ enum: ['full', 'partial', 'none'] }))),
  disability: Type.Optional(Type.String({ maxLength: 40 })),
  skills: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 30 })),
  occupation: Type.Optional(Type.String({ maxLength: 20, description: '国家职业分类代码' })),
  jobWishes: Type.Optional(JobWishes),
  categories: Type.Optional(Type.Array(Type.String({ maxLength: 30 }), { maxItems: 20 })),
  retiree: Type.Optional(Type.Boolean()),
  graduationYear: Type.Optional(Type.Integer({ minimum: 1950, maximum: 2100 })),
  school: Type.Optional(Type.String({ maxLength: 60 })),
};

/** PATCH body: every field optional; optional ledger fields may be null to clear them (Null first: ajv would coerce null to "" for a string). */
const { name, regionCode, householdType, ...optionalFields } = ledgerFields;
const PersonPatch = Type.Object({
  name: Type.Optional(name),
  regionCode: Type.Optional(regionCode),
  householdType: Type.Optional(householdType),
  ...Object.fromEntries(Object.entries(optionalFields).map(([k, v]) => [k, Type.Optional(Type.Union([Type.Null(), v]))])),
});

export const Person = Type.Object({
  id: Type.String(),
  name: Type.String(),
  sex: Type.String(),
  birthDate: Type.String(),
  idNumber: Type.String({ description: '已脱敏' }),
  idConvertedFrom15: Type.Boolean(),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  householdType: Type.String(),
  phone: Nullable(Type.String()),
  ethnicity: Nullable(Type.String()),
  education: Nullable(Type.String()),
  address: Nullable(Type.String()),
  labourCapacity: Type.String(),
  disability: Nullable(Type.String()),
  skills: Type.Array(Type.String()),
  occupation: Nullable(Type.String()),
  jobWishes: Type.Unknown(),
  categories: Type.Array(Type.String()),
  retiree: Type.Boolean(),
  graduationYear: Nullable(Type.Integer()),
  school: Nullable(Type.String()),
  employmentStatus: Type.String(),
  statusSince: Nullable(Type.String()),
  jobSeeking: Type.Boolean(),
  certificateNo: Nullable(Type.String({ description: '就业失业登记证编号' })),
  certificateStatus: Nullable(Type.String()),
  householdId: Nullable(Type.String()),
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  createdAt: DateTime,
  asOf: Type.Optional(Type.String()),
});

const RegistrationEvent = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  type: Type.String(),
  date: Type.String(),
  regionCode: Type.String(),
  details: Type.Unknown(),
  correctsEventId: Nullable(Type.String()),
  certificateNo: Nullable(Type.String()),
  createdBy: Type.String(),
  unitId: Nullable(Type.String()),
  createdAt: DateTime,
});

export async function personRoutes(app: App) {
  app.post(
    '/persons',
    { config: { idempotent: true }, schema: { tags: ['persons'], summary: '登记人员（劳动力资源台账）', body: Type.Object({ idNumber: Type.String({ minLength: 1, maxLength: 24 }), ...ledgerFields }), response: { 201: Person } } },
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
          q: Type.Optional(Type.String({ maxLength: 40, pattern: '^\\D*\\d{0,10}\\D*$', description: '姓名（不接受证件号、手机号等长数字）' })),
          regionCode: Type.Optional(Type.String({ pattern: '^\\d{12}$' })),
          status: Type.Optional(Type.Unsafe<string>(Type.String({ enum: ['employed', 'unemployed', 'not_registered'] }))),
          category: Type.Optional(Type.String({ maxLength: 30 })),
          jobSeeking: Type.Optional(Type.Boolean()),
          retiree: Type.Optional(Type.Boolean({ description: 'true：只列社区管理的退休人员' })),
          graduate: Type.Optional(Type.Boolean({ description: 'true：只列高校毕业生（有毕业年份或类别为高校毕业生）' })),
        }),
        response: { 200: Paged(Person) },
      },
    },
    async (req, reply) => {
      const { q, regionCode, status, category, jobSeeking, graduate, retiree } = req.query;
      return sendList(reply, req.query, (paging) => service.listPersons(ctxOf(app, req), { q, regionCode, status, category, jobSeeking, graduate, retiree }, paging), {
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
      });
    },
  );

  app.post(
    '/persons/lookup',
    { schema: { tags: ['persons'], summary: '按身份证号查找管辖范围内的人员（号码不进 URL）', body: Type.Object({ idNumber: Type.String({ minLength: 1, maxLength: 24 }) }), response: { 200: Person } } },
    async (req) => service.lookupPerson(ctxOf(app, req), req.body.idNumber),
  );

  app.get(
    '/persons/:id',
    { schema: { tags: ['persons'], params: IdParams, querystring: Type.Object({ asOf: Type.Optional(DateString) }), response: { 200: Person } } },
    async (req) => service.getPerson(ctxOf(app, req), req.params.id, req.query.asOf),
  );

  app.patch(
    '/persons/:id',
    { schema: { tags: ['persons'], summary: '修改台账信息（身份证号、性别、出生日期不可改）', params: IdParams, body: PersonPatch, response: { 200: Person } } },
    async (req) => service.updatePerson(ctxOf(app, req), req.params.id, req.body),
  );

  app.post(
    '/persons/:id/reveal',
    {
      schema: {
        tags: ['persons'],
        summary: '查看完整身份证号或电话（记入审计日志）',
        params: IdParams,
        body: Type.Object({ fields: Type.Array(Type.Unsafe<'idNumber' | 'phone'>(Type.String({ enum: ['idNumber', 'phone'] })), { minItems: 1 }), reason: Type.String({ minLength: 2, maxLength: 200 }) }),
        response: { 200: Type.Object({ idNumber: Type.Optional(Type.String()), phone: Type.Optional(Nullable(Type.String())) }) },
      },
    },
    async (req) => service.revealPerson(ctxOf(app, req), req.params.id, req.body.fields, req.body.reason),
  );

  app.post(
    '/persons/:id/registrations',
    {
      config: { idempotent: true },
      schema: {
        tags: ['registrations'],
        summary: `登记事件：${registrationTypes.map((t) => `${t} ${registrationTypeNames[t]}`).join('，')}`,
        params: IdParams,
        body: Type.Object({
          type: Type.Unsafe<RegistrationType>(Type.String({ enum: [...registrationTypes] })),
          date: DateString,
          reason: Type.Optional(Type.String({ maxLength: 200 })),
          employerName: Type.Optional(Type.String({ maxLength: 100 })),
          employmentForm: Type.Optional(Type.Unsafe<'employer' | 'self_employed' | 'flexible'>(Type.String({ enum: ['employer', 'self_employed', 'flexible'] }))),
          correctsEventId: Type.Optional(Type.String({ format: 'uuid' })),
          action: Type.Optional(Type.Unsafe<'void' | 'redate'>(Type.String({ enum: ['void', 'redate'] }))),
          correctedDate: Type.Optional(DateString),
        }),
        response: { 201: RegistrationEvent },
      },
    },
    async (req, reply) => reply.status(201).send(await registrations.registerEvent(ctxOf(app, req), req.params.id, req.body)),
  );

  app.get(
    '/persons/:id/registrations',
    { schema: { tags: ['registrations'], summary: '登记事件，按录入先后', params: IdParams, response: { 200: Type.Array(RegistrationEvent) } } },
    async (req) => registrations.listRegistrations(ctxOf(app, req), req.params.id),
  );
}

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Ledger template download and Excel import (REG-7). */
export async function ledgerImportRoutes(app: App) {
  app.get('/persons/import-template', { schema: { tags: ['persons'], summary: '下载劳动力资源台账导入模板' } }, async (_req, reply) =>
    reply.type(xlsxType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('劳动力资源台账导入模板')}.xlsx`).send(await ledgerTemplate()),
  );

  await app.register(async (scoped) => {
    scoped.addContentTypeParser([xlsxType, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: 100 * 1024 * 1024 }, (_req, body, done) => done(null, body));
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
        if (!Buffer.isBuffer(req.body)) throw new AppError('VALIDATION_FAILED', '请上传 Excel 文件（.xlsx）', [{ path: '/file', code: 'REQUIRED', message: '请上传 Excel 文件' }]);
        return importLedger(ctxOf(app, req), req.body);
      },
    );
  });
}
