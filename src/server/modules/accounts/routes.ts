// HTTP for self-service accounts of seekers and employers (JOB-7). They live under /public (no
// staff login) and carry their own session cookie, so a staff session and a public one never mix.
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../platform/context.js';
import type { App } from '../../platform/http.js';
import { sessionRules } from '../../platform/auth.js';
import { anonymousCtx, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { AccessLogEntry, DateTime, IdParams, Name, Nullable, Paged, pageQuery, sendList, Text } from '../../platform/http.js';
import * as binding from './binding.js';
import { Vacancy, VacancyInputSchema as VacancyInput } from '../vacancies/index.js';
import { VacancyMatchSchema } from '../matching/index.js';
import { AccountView, Application, BindingCode, CodeRequestAnswer, Password, Phone, Session, Wishes } from './schemas.js';
import * as service from './service.js';

const smsStatusNames: Record<string, string> = { pending: '待发（由窗口告知）', sent: '已发送', failed: '发送失败', expired: '已过期' };

export async function accountRoutes(app: App) {
  const baseCtx = (req: FastifyRequest): Ctx => anonymousCtx(app, req);
  const tokenOf = (req: FastifyRequest) =>
    req.headers.authorization?.replace(/^Bearer\s+/i, '') || req.cookies[service.publicSessionCookie] || null;
  /** The signed-in account and a context acting as it; 401 without a valid public session. */
  const accountCtx = async (req: FastifyRequest) => {
    const token = tokenOf(req);
    const account = token ? await service.accountOfToken(app.deps.db, token, app.deps.now()) : null;
    if (!account) throw new AppError('UNAUTHENTICATED', '请先登录求职者或单位账号');
    const ctx: Ctx = { ...baseCtx(req), actor: service.accountActor(account, account.kind) };
    return { account, ctx };
  };
  /** Hands new text messages to the gateway, if one is configured, without holding up the answer. */
  const deliverSoon = (req: FastifyRequest) => {
    if (!app.deps.sms) return;
    binding.deliverPendingSms(baseCtx(req), app.deps.sms).catch((err: unknown) => req.log.error({ err }, 'SMS delivery failed'));
  };
  /** Answers a code request (always the same 202) and hands the text, if any, to the gateway. */
  const codeRequested = async (req: FastifyRequest, reply: import('fastify').FastifyReply, answer: Promise<object>) => {
    const body = await answer;
    deliverSoon(req);
    return reply.status(202).send(body);
  };
  const started = (reply: import('fastify').FastifyReply, req: FastifyRequest, token: string) =>
    reply.setCookie(service.publicSessionCookie, token, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      maxAge: sessionRules.absoluteMs / 1000,
      secure: req.protocol === 'https',
    });

  // Request limits (platform/requestLimits.ts): code requests and sign-ups per client address,
  // wrong binding codes as misses of the address, sign-ins per address before loginLimits' locks.
  const limits = app.requestLimits;

  app.post(
    '/public/accounts/seekers/codes',
    {
      onRequest: limits.perAddress('codeRequest'),
      schema: {
        tags: ['public-accounts'],
        summary: '求职者注册第一步：向台账登记的手机号发送验证码（无论是否在台账中，答复相同）',
        security: [],
        body: Type.Object({ idNumber: Type.String({ minLength: 15, maxLength: 18 }), name: Name({ maxLength: 40 }) }),
        response: { 202: CodeRequestAnswer },
      },
    },
    async (req, reply) => codeRequested(req, reply, service.requestSeekerCode(baseCtx(req), req.body)),
  );

  app.post(
    '/public/accounts/employers/codes',
    {
      onRequest: limits.perAddress('codeRequest'),
      schema: {
        tags: ['public-accounts'],
        summary: '已登记单位注册第一步：向单位登记的联系电话发送验证码（答复相同）',
        security: [],
        body: Type.Object({
          creditCode: Type.String({ minLength: 1, maxLength: 30 }),
          employerName: Name({ minLength: 2, maxLength: 100 }),
        }),
        response: { 202: CodeRequestAnswer },
      },
    },
    async (req, reply) => codeRequested(req, reply, service.requestEmployerCode(baseCtx(req), req.body)),
  );

  app.post(
    '/public/accounts/seekers',
    {
      onRequest: limits.perAddress('signUp'),
      schema: {
        tags: ['public-accounts'],
        summary: '求职者注册（免费）：身份证号与姓名须已在劳动力资源台账中，并凭发到台账手机号的验证码或窗口发放的激活码绑定',
        security: [],
        body: Type.Object({
          phone: Phone,
          password: Password,
          idNumber: Type.String({ minLength: 15, maxLength: 18 }),
          name: Name({ maxLength: 40 }),
          code: BindingCode,
        }),
        response: { 201: Session },
      },
    },
    async (req, reply) => {
      const result = await service.registerSeeker(baseCtx(req), req.body, limits.misses('bindingMiss', req));
      started(reply, req, result.token);
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/public/accounts/employers',
    {
      onRequest: limits.perAddress('signUp'),
      schema: {
        tags: ['public-accounts'],
        summary: '用人单位注册：与统一社会信用代码绑定；新单位同时登记，已登记的单位凭验证码或激活码绑定',
        security: [],
        body: Type.Object({
          phone: Phone,
          password: Password,
          creditCode: Type.String({ minLength: 1, maxLength: 30 }),
          employerName: Name({ minLength: 2, maxLength: 100 }),
          regionCode: Type.Optional(Type.String({ pattern: '^\\d{12}$' })),
          contactName: Type.Optional(Text({ maxLength: 40 })),
          code: Type.Optional(BindingCode),
        }),
        response: { 201: Session },
      },
    },
    async (req, reply) => {
      const result = await service.registerEmployer(baseCtx(req), req.body, limits.misses('bindingMiss', req));
      started(reply, req, result.token);
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/public/accounts/login',
    {
      onRequest: limits.perAddress('login'),
      schema: {
        tags: ['public-accounts'],
        summary: '求职者或单位账号登录（手机号 + 密码）',
        security: [],
        body: Type.Object({
          kind: Type.Unsafe<service.AccountKind>(Type.String({ enum: ['seeker', 'employer'] })),
          phone: Phone,
          password: Type.String({ minLength: 1, maxLength: 128 }),
        }),
        response: { 200: Session },
      },
    },
    async (req, reply) => {
      const result = await service.loginAccount(baseCtx(req), req.body.kind, req.body.phone, req.body.password, req.ip);
      started(reply, req, result.token);
      return result;
    },
  );

  app.post(
    '/public/accounts/logout',
    { schema: { tags: ['public-accounts'], security: [], response: { 204: Type.Null() } } },
    async (req, reply) => {
      const token = tokenOf(req);
      if (token) await service.logoutAccount(app.deps.db, token);
      reply.clearCookie(service.publicSessionCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get('/public/me', { schema: { tags: ['public-accounts'], security: [], response: { 200: AccountView } } }, async (req) => {
    const { account, ctx } = await accountCtx(req);
    return service.accountView(ctx, account);
  });

  app.patch(
    '/public/me/profile',
    {
      schema: {
        tags: ['public-accounts'],
        summary: '求职者维护本人求职意向（文化程度、技能等台账信息由工作人员按证件登记）',
        security: [],
        body: Type.Object({ jobWishes: Wishes }),
        response: { 200: AccountView },
      },
    },
    async (req) => {
      const { account, ctx } = await accountCtx(req);
      return service.updateSeekerProfile(ctx, account, req.body);
    },
  );

  app.get(
    '/public/me/access-log',
    {
      schema: {
        tags: ['public-accounts'],
        summary: '谁查阅过我的信息（个人信息保护法第四十五条：个人有权查阅）',
        security: [],
        querystring: Type.Object({ ...pageQuery }),
        response: { 200: Paged(AccessLogEntry) },
      },
    },
    async (req) => {
      const { account, ctx } = await accountCtx(req);
      await app.accessLog.flush();
      const { items, total } = await service.myAccessLog(ctx, account, {
        limit: req.query.pageSize,
        offset: (req.query.page - 1) * req.query.pageSize,
      });
      return { items, total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/public/me/matches',
    {
      schema: {
        tags: ['public-accounts'],
        summary: '为我推荐的岗位（含理由）',
        security: [],
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 50, default: 20 }) }),
        response: {
          200: Type.Array(VacancyMatchSchema),
        },
      },
    },
    async (req) => {
      const { account, ctx } = await accountCtx(req);
      return service.seekerMatches(ctx, account, req.query.limit);
    },
  );

  app.post(
    '/public/me/applications',
    {
      schema: {
        tags: ['public-accounts'],
        summary: '在线投递岗位（免费）',
        security: [],
        body: Type.Object({ vacancyId: Type.String({ format: 'uuid' }), message: Type.Optional(Type.String({ maxLength: 300 })) }),
        response: { 201: Application },
      },
    },
    async (req, reply) => {
      const { account, ctx } = await accountCtx(req);
      return reply.status(201).send(await service.apply(ctx, account, req.body.vacancyId, req.body.message));
    },
  );

  app.get(
    '/public/me/applications',
    { schema: { tags: ['public-accounts'], summary: '我的投递', security: [], response: { 200: Type.Array(Application) } } },
    async (req) => {
      const { account, ctx } = await accountCtx(req);
      return service.myApplications(ctx, account);
    },
  );

  const { employerId: _employerId, source: _source, ...postable } = VacancyInput.properties;
  app.post(
    '/public/me/vacancies',
    {
      schema: {
        tags: ['public-accounts'],
        summary: '单位发布岗位：经就业歧视审查和人工审核后公开',
        security: [],
        body: Type.Object(postable),
        response: { 201: Vacancy },
      },
    },
    async (req, reply) => {
      const { account, ctx } = await accountCtx(req);
      return reply.status(201).send(await service.postVacancy(ctx, account, req.body));
    },
  );

  app.get(
    '/public/me/vacancies',
    {
      schema: {
        tags: ['public-accounts'],
        summary: '本单位的岗位（含审核状态和意见）',
        security: [],
        response: { 200: Type.Array(Vacancy) },
      },
    },
    async (req) => {
      const { account, ctx } = await accountCtx(req);
      return service.myVacancies(ctx, account);
    },
  );

  app.get(
    '/public/me/vacancies/:id/applications',
    {
      schema: {
        tags: ['public-accounts'],
        summary: '投递本单位岗位的求职者（姓名、电话；查看留痕）',
        security: [],
        params: IdParams,
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              name: Type.String(),
              education: Nullable(Type.String()),
              skills: Type.Array(Type.String()),
              phone: Nullable(Type.String()),
              message: Nullable(Type.String()),
              createdAt: DateTime,
            }),
          ),
        },
      },
    },
    async (req) => {
      const { account, ctx } = await accountCtx(req);
      return service.applicantsOf(ctx, account, req.params.id);
    },
  );

  app.get(
    '/vacancies/:id/applications',
    {
      schema: {
        tags: ['vacancies'],
        summary: '求职者在线投递该岗位的记录（工作人员查看，证件号和电话脱敏）',
        params: IdParams,
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              personId: Type.String(),
              name: Type.String(),
              idNumber: Type.String(),
              phone: Nullable(Type.String()),
              message: Nullable(Type.String()),
              createdAt: DateTime,
            }),
          ),
        },
      },
    },
    async (req) => service.applicationsForStaff(ctxOf(app, req), req.params.id),
  );

  const ActivationCode = Type.Object({
    code: Type.String({ description: '激活码（仅显示这一次）' }),
    expiresAt: DateTime,
    name: Type.String({ description: '人员或单位名称' }),
  });
  const issuers = [
    { path: '/persons/:id/activation-code', kind: 'seeker', summary: '为本人（已核验身份证）发放求职者账号激活码，7 天内有效，旧码作废' },
    {
      path: '/employers/:id/activation-code',
      kind: 'employer',
      summary: '为单位（已核验营业执照和经办人）发放单位账号激活码，7 天内有效，旧码作废',
    },
  ] as const;
  for (const { path, kind, summary } of issuers)
    app.post(
      path,
      { schema: { tags: ['public-accounts'], summary, params: IdParams, response: { 201: ActivationCode } } },
      async (req, reply) => reply.status(201).send(await binding.issueActivationCode(ctxOf(app, req), kind, req.params.id)),
    );

  app.get(
    '/sms-outbox',
    {
      schema: {
        tags: ['public-accounts'],
        summary: '待发短信（未接短信网关时，由窗口工作人员告知或打印给本人）',
        querystring: Type.Object({ ...pageQuery }),
        response: {
          200: Paged(
            Type.Object({
              id: Type.String(),
              phone: Type.String(),
              regionCode: Type.String(),
              purpose: Type.String(),
              body: Type.String(),
              status: Type.String(),
              createdAt: DateTime,
              sentAt: Nullable(DateTime),
            }),
          ),
        },
      },
    },
    async (req, reply) =>
      sendList(reply, req.query, (paging) => binding.listOutbox(ctxOf(app, req), paging), {
        filename: '待发短信',
        sheet: '短信',
        columns: [
          { header: '时间', width: 20, value: (m) => m.createdAt.toISOString() },
          { header: '手机号（脱敏）', width: 16, value: (m) => m.phone },
          { header: '区划代码', value: (m) => m.regionCode },
          { header: '内容', width: 60, value: (m) => m.body },
          { header: '状态', value: (m) => smsStatusNames[m.status] ?? m.status },
        ],
      }),
  );
}
