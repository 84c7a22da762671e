// Builds the Fastify app from its dependencies; no side effects at import.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { authenticate, enrolmentOnlyPaths, sessionCookie } from './platform/auth.js';
import { AppError, problemBody, type FieldError } from './platform/errors.js';
import { logSerializers } from './platform/logRedaction.js';
import { createAccessLog } from './platform/accessLog.js';
import { requestLimitDefaults } from './platform/config.js';
import { registerRequestLimits } from './platform/requestLimits.js';
import { patternMessages, type App, type AppDeps } from './platform/http.js';

export type { App, AppDeps } from './platform/http.js';
import { closeRouteSchemas, compileRequestSchema, jsonBodyLimit, parseJsonBodies, refuseControlCharacters } from './platform/inputs.js';
import { claimIdempotencyKey, recordIdempotentResponse } from './platform/idempotency.js';
import { authRoutes } from './platform/authRoutes.js';
import { schedulerRoutes } from './platform/schedulerRoutes.js';
import { regionRoutes } from './modules/regions/index.js';
import { unitRoutes } from './modules/units/index.js';
import { staffRoutes } from './modules/staff/index.js';
import { paramRoutes } from './policy/routes.js';
import { auditRoutes } from './modules/audit/index.js';
import { ledgerImportRoutes } from './modules/ledgerImport/index.js';
import { personRoutes } from './modules/persons/index.js';
import { registrationRoutes, statusAsOf } from './modules/registrations/index.js';
import { wireDomainEvents } from './wiring.js';
import { householdRoutes } from './modules/households/index.js';
import { serviceRoutes } from './modules/services/index.js';
import { certificateRoutes } from './modules/certificates/index.js';
import { employerRoutes } from './modules/employers/index.js';
import { vacancyRoutes } from './modules/vacancies/index.js';
import { matchingRoutes } from './modules/matching/index.js';
import { referralRoutes } from './modules/referrals/index.js';
import { fairRoutes } from './modules/fairs/index.js';
import { surveyRoutes } from './modules/surveys/index.js';
import { noticeRoutes } from './modules/notices/index.js';
import { boardRoutes } from './modules/board/index.js';
import { accountRoutes } from './modules/accounts/index.js';
import {
  assistanceRoutes,
  campaignRoutes,
  caseworkRoutes,
  graduateServiceRoutes,
  subsidyRoutes,
  welfarePostRoutes,
} from './modules/assistance/index.js';
import { uiRoutes } from './modules/ui/index.js';

/** Paths under /api/v1 that need no login. */
const publicApi = [/^\/api\/v1\/health$/, /^\/api\/v1\/openapi\.json$/, /^\/api\/v1\/public\//, /^\/api\/v1\/auth\/login(\/two-factor)?$/];

/** Builds the app: plugins, error handling, authentication, routes and the web UI. */
export async function buildApp(deps: AppDeps): Promise<App> {
  wireDomainEvents();
  const app = Fastify({
    logger: deps.logger ? { ...(deps.logger === true ? {} : deps.logger), serializers: logSerializers } : false,
    // The audit trail's request id is always ours: a client could otherwise tie its entries to any
    // id it likes. A client's own X-Request-Id is kept beside it in the log (clientRequestId).
    genReqId: () => crypto.randomUUID(),
    // File uploads (region lists) may be this large; JSON bodies have their own, smaller limit.
    bodyLimit: 20 * 1024 * 1024,
    // Behind a proxy that says so, req.ip and req.protocol come from X-Forwarded-For/-Proto (so the
    // per-address limits see the client and cookies are Secure on HTTPS); otherwise the headers are ignored.
    trustProxy: typeof deps.trustProxy === 'number' ? trustHops(deps.trustProxy) : (deps.trustProxy ?? false),
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(compileRequestSchema);
  app.addHook('onRoute', closeRouteSchemas);
  parseJsonBodies(app);
  app.decorate('deps', deps);
  const accessLog = createAccessLog(deps.db, { onError: (err) => app.log.error({ err }, 'access log could not be written') });
  app.decorate('accessLog', accessLog);
  // Before the database closes (main.ts and the tests close the app first): no look goes unrecorded.
  app.addHook('onClose', () => accessLog.close());
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('idempotencyClaim', null);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
      },
    },
  });
  await app.register(cookie);
  await registerRequestLimits(app, deps.requestLimits ?? requestLimitDefaults);
  await app.register(swagger, {
    openapi: {
      info: { title: 'OpenPES 公共就业服务平台 API', version: deps.version },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    const given = req.headers['x-request-id'];
    if (typeof given === 'string' && /^[\w-]{1,64}$/.test(given)) req.log = req.log.child({ clientRequestId: given });
    if (!req.url.startsWith('/api/v1/')) return;
    const pathOnly = req.url.split('?')[0] ?? '';
    // Only the public board's listings may be cached; everything personal (public accounts too) must not.
    if (!/^\/api\/v1\/public\/(vacancies|fairs|notices)/.test(pathOnly)) reply.header('cache-control', 'no-store');
    const token = bearerToken(req) ?? req.cookies[sessionCookie] ?? null;
    req.sessionToken = token;
    const session = token ? await authenticate(deps.db, token, deps.now()) : null;
    req.actor = session?.actor ?? null;
    const isPublic = publicApi.some((re) => re.test(pathOnly));
    if (!req.actor && !isPublic) {
      throw new AppError('UNAUTHENTICATED', token ? '登录已失效，请重新登录' : '请先登录');
    }
    // A member whose role requires a second factor and who has none may only enrol one.
    if (session?.enrolmentOnly && !isPublic && !enrolmentOnlyPaths.some((re) => re.test(pathOnly.slice('/api/v1'.length)))) {
      throw new AppError('FORBIDDEN', '您的角色须使用两步验证：请先在“账号安全”中完成设置后再使用系统', undefined, {
        twoFactorSetupRequired: true,
      });
    }
  });

  app.addHook('preValidation', refuseControlCharacters);
  app.addHook('preHandler', async (req, reply) => claimIdempotencyKey(deps.db, req, reply));
  app.addHook('onSend', async (req, reply, payload) => {
    await recordIdempotentResponse(deps.db, req, reply, payload);
    return payload;
  });

  app.setErrorHandler((error, req, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) req.log.error({ err: error }, 'unhandled error');
    const retryAfter = appError.extra?.retryAfterSeconds;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    reply
      .status(appError.status)
      .type('application/problem+json')
      .send(problemBody(appError, req.url.split('?')[0]));
  });

  app.setNotFoundHandler((req, reply) => {
    const webIndex = deps.webDir ? path.join(deps.webDir, 'index.html') : null;
    if (!req.url.startsWith('/api/') && req.method === 'GET' && webIndex && fs.existsSync(webIndex)) {
      return reply.type('text/html').header('cache-control', 'no-cache').send(fs.readFileSync(webIndex));
    }
    const err = new AppError('NOT_FOUND', `没有这个接口：${req.method} ${req.url.split('?')[0]}`);
    return reply.status(404).type('application/problem+json').send(problemBody(err));
  });

  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<TypeBoxTypeProvider>();
      typed.get('/health', { schema: { tags: ['system'], security: [] } }, async () => ({
        status: 'ok',
        database: deps.dbKind,
        version: deps.version,
      }));
      typed.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      await authRoutes(typed);
      await schedulerRoutes(typed);
      await regionRoutes(typed);
      await unitRoutes(typed);
      await staffRoutes(typed);
      await paramRoutes(typed);
      await auditRoutes(typed);
      await personRoutes(typed, { statusAsOf });
      await registrationRoutes(typed);
      await ledgerImportRoutes(typed);
      await householdRoutes(typed);
      await serviceRoutes(typed);
      await certificateRoutes(typed);
      await employerRoutes(typed);
      await vacancyRoutes(typed);
      await matchingRoutes(typed);
      await referralRoutes(typed);
      await fairRoutes(typed);
      await surveyRoutes(typed);
      await noticeRoutes(typed);
      await welfarePostRoutes(typed);
      await graduateServiceRoutes(typed);
      await caseworkRoutes(typed);
      await subsidyRoutes(typed);
      await campaignRoutes(typed);
      await assistanceRoutes(typed);
      await uiRoutes(typed);
      await boardRoutes(typed);
      await accountRoutes(typed);
    },
    { prefix: '/api/v1' },
  );

  if (deps.webDir && fs.existsSync(deps.webDir)) {
    await app.register(fastifyStatic, { root: deps.webDir, wildcard: false, index: false, maxAge: '1h' });
    app.get('/', (_req, reply) =>
      reply
        .type('text/html')
        .header('cache-control', 'no-cache')
        .send(fs.readFileSync(path.join(deps.webDir!, 'index.html'))),
    );
  }
  return app;
}

function bearerToken(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : null;
}

/** Maps anything thrown to an AppError: schema failures become VALIDATION_FAILED per field. */
/** Trusts the nearest `hops` proxies (Fastify's own numeric trustProxy, which its types do not list). */
function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as {
    validation?: Array<{ instancePath: string; message?: string; keyword: string; params?: Record<string, unknown> }>;
    validationContext?: string;
    statusCode?: number;
    code?: string;
    message?: string;
  };
  if (e.validation) {
    const all: FieldError[] = e.validation.map((v) => {
      const missing = v.keyword === 'required' ? `/${String(v.params?.missingProperty ?? '')}` : '';
      return {
        path: `${v.instancePath}${missing}` || '/',
        code: v.keyword.toUpperCase(),
        message: ajvMessage(v.keyword, v.params, v.message),
      };
    });
    // One problem per field: a name of one blank character fails both its length and its
    // pattern, and the first says enough.
    const errors = all.filter((x, i) => all.findIndex((y) => y.path === x.path) === i);
    return new AppError(
      'VALIDATION_FAILED',
      `请求${e.validationContext === 'querystring' ? '参数' : '内容'}有误：${errors.map((x) => `${x.path} ${x.message}`).join('；')}`,
      errors,
    );
  }
  const pgCode = (e as { cause?: { code?: string } }).cause?.code ?? e.code;
  if (pgCode === '23505') return new AppError('CONFLICT', '与现有记录重复（可能有人刚刚提交了相同内容），请刷新后核对');
  if (pgCode === '40001' || pgCode === '40P01') return new AppError('CONFLICT', '与其他人的同时操作冲突，请重试');
  // A backstop behind the schemas: PostgreSQL's data exceptions (class 22: invalid text for a type,
  // numbers or dates out of range, NUL bytes) and over-deep values (54001) are the input's fault.
  if (typeof pgCode === 'string' && (pgCode.startsWith('22') || pgCode === '54001'))
    return new AppError('VALIDATION_FAILED', '输入的值无法保存（格式不正确、超出范围或含有非法字符），请核对后重试');
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const message = `请求内容过大（JSON 请求不超过 ${jsonBodyLimit / 1024 / 1024} MB，上传文件另有上限）`;
    return new AppError('VALIDATION_FAILED', message, [{ path: '/', code: 'BODY_TOO_LARGE', message }]);
  }
  if (
    e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ||
    e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
  ) {
    if (e.statusCode === 429) return new AppError('RATE_LIMITED', '请求过于频繁');
    if (e.statusCode === 404) return new AppError('NOT_FOUND', '记录不存在');
    return new AppError('VALIDATION_FAILED', `请求格式有误：${e.message ?? ''}`);
  }
  return new AppError('INTERNAL', '系统内部错误，请稍后再试；如持续出现请联系管理员并提供请求编号');
}

function ajvMessage(keyword: string, params: Record<string, unknown> | undefined, fallback?: string): string {
  switch (keyword) {
    case 'required':
      return '必填';
    case 'minLength':
      return `至少 ${String(params?.limit)} 个字符`;
    case 'maxLength':
      return `最多 ${String(params?.limit)} 个字符`;
    case 'pattern':
      return patternMessages.get(String(params?.pattern)) ?? '格式不正确';
    case 'minProperties':
      return '请至少填写一项要修改的内容';
    case 'maxItems':
      return `最多 ${String(params?.limit)} 项`;
    case 'additionalProperties':
      return `不认识的字段 ${String(params?.additionalProperty)}`;
    case 'format':
      return `格式不正确（应为 ${String(params?.format)}）`;
    case 'enum':
      return `只能取 ${(params?.allowedValues as unknown[] | undefined)?.join('、') ?? ''}`;
    case 'minimum':
      return `不能小于 ${String(params?.limit)}`;
    case 'maximum':
      return `不能大于 ${String(params?.limit)}`;
    case 'type':
      return `类型应为 ${String(params?.type)}`;
    case 'minItems':
      return `至少 ${String(params?.limit)} 项`;
    default:
      return fallback ?? '不符合要求';
  }
}
