// Request-rate limits of the endpoints anyone can reach (JOB-5, JOB-7, SYS-2; issue 11): letter
// look-ups and employer feedback, account registration, binding codes, sign-in. Counted by
// @fastify/rate-limit (a maintained plugin: fixed windows in a bounded LRU per limit, IPv6 clients
// grouped by /64, its own tests) instead of rows of login_failures, so a refused or limited request
// writes nothing. The address is req.ip, which follows the trusted-proxy setting
// (OPENPES_TRUST_PROXY): behind a proxy that is trusted, the client's; otherwise the socket's.
//
// Not here: login locks per account and address and spraying detection per address
// (platform/loginLimits.ts). They protect accounts, must survive a restart and are shared by every
// instance through the database; these limits only bound request rates and live in each
// instance's memory (two instances allow twice the rate; a restart forgets the counts).
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestLimitName, RequestLimits } from './config.js';
import { AppError } from './errors.js';

/** Misses (wrong codes) of one client under one limit: a use case checks before it looks and counts each miss. */
export interface ClientAttempts {
  /** The client address, for the audit trail. */
  source: string;
  /** Throws RATE_LIMITED when the client has used up its misses in the window. */
  assertAllowed(): Promise<void>;
  /** Counts one miss. */
  noteMiss(): Promise<void>;
}

/** The limits as hooks for routes and counters for use cases. */
export interface RequestLimiter {
  /** An onRequest hook counting every request from the client address under `name` (before the body is read). */
  perAddress(name: RequestLimitName): (req: FastifyRequest) => Promise<void>;
  /** A preHandler hook (the body is validated) counting every request under `name` by the key it names; no key, no count. */
  perKey(name: RequestLimitName, keyOf: (req: FastifyRequest) => string | null): (req: FastifyRequest) => Promise<void>;
  /** The misses of this request's client address under `name`. */
  misses(name: RequestLimitName, req: FastifyRequest): ClientAttempts;
}

declare module 'fastify' {
  interface FastifyInstance {
    requestLimits: RequestLimiter;
  }
}

/** What each limit says when it is reached; `wait` is "N 分钟" or "N 秒". */
const messages: Record<RequestLimitName, (wait: string) => string> = {
  login: (wait) => `登录请求过于频繁，请 ${wait}后再试`,
  signUp: (wait) => `从您所在的网络地址注册账号过于频繁，请 ${wait}后再试，或到公共就业服务窗口办理`,
  codeRequest: (wait) => `获取验证码过于频繁，请 ${wait}后再试，或到服务窗口领取激活码`,
  bindingMiss: (wait) => `验证失败次数过多，请 ${wait}后再试，或携带证件到服务窗口办理`,
  letter: (wait) => `介绍信核验请求过于频繁，请 ${wait}后再试`,
  letterMiss: (wait) => `验证码核对失败次数过多，请 ${wait}后再试，或致电开具介绍信的服务机构`,
  letterCode: (wait) => `该介绍信验证码近期核验次数过多，请 ${wait}后再试，或致电开具介绍信的服务机构`,
};

const waitText = (seconds: number) => (seconds >= 60 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`);

/** 429 RATE_LIMITED with `limit` (which one) and `retryAfterSeconds` (also the Retry-After header, set by the error handler). */
function limited(name: RequestLimitName, ttlMs: number): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(ttlMs / 1000));
  return new AppError('RATE_LIMITED', messages[name](waitText(retryAfterSeconds)), undefined, { limit: name, retryAfterSeconds });
}

/**
 * Registers the plugin (no route is limited by default) and decorates the app with
 * `requestLimits`. One counter store per limit, shared by every route that uses it (letter
 * look-ups and feedback count together).
 */
export async function registerRequestLimits(app: FastifyInstance, limits: RequestLimits): Promise<void> {
  await app.register(rateLimit, { global: false });
  const keys = new WeakMap<FastifyRequest, string>();
  const byAddress = new Map<RequestLimitName, ReturnType<FastifyInstance['createRateLimit']>>();
  const byKey = new Map<RequestLimitName, ReturnType<FastifyInstance['createRateLimit']>>();
  const counter = (name: RequestLimitName, store: typeof byAddress, keyed: boolean) => {
    let check = store.get(name);
    if (!check) {
      const { max, windowMs } = limits[name];
      // The plugin's own key is the client address (IPv6 grouped by /64); a keyed limit counts the key the route named.
      check = app.createRateLimit({ max, timeWindow: windowMs, ...(keyed ? { keyGenerator: (req) => keys.get(req) ?? '' } : {}) });
      store.set(name, check);
    }
    return check;
  };
  /** Counts the request and throws when it is one too many. */
  const count = async (name: RequestLimitName, check: ReturnType<FastifyInstance['createRateLimit']>, req: FastifyRequest) => {
    const result = await check(req);
    if (!result.isAllowed && result.isExceeded) throw limited(name, result.ttl);
  };

  app.decorate('requestLimits', {
    perAddress: (name) => {
      const check = counter(name, byAddress, false);
      return (req) => count(name, check, req);
    },
    perKey: (name, keyOf) => {
      const check = counter(name, byKey, true);
      return async (req) => {
        const key = keyOf(req);
        if (!key) return;
        keys.set(req, key);
        await count(name, check, req);
      };
    },
    misses: (name, req) => {
      const check = counter(name, byAddress, false);
      return {
        source: req.ip,
        assertAllowed: async () => {
          const now = await check(req, { increment: false });
          if (!now.isAllowed && now.remaining <= 0) throw limited(name, now.ttl);
        },
        noteMiss: async () => {
          await check(req);
        },
      };
    },
  } satisfies RequestLimiter);
}
