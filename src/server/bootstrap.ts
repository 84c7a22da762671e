// First start of an empty database: the built-in admin, the served provinces' divisions, the
// policy parameters and (with OPENPES_DEMO=1) the demo region. Later starts only top up data.
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { roles } from '../shared/roles.js';
import type { Database } from './db/connection.js';
import { settings, staff } from './db/schema.js';
import type { Clock } from './platform/clock.js';
import { wireDomainEvents } from './wiring.js';
import { systemActor, type Ctx } from './platform/context.js';
import type { Sealer } from './platform/crypto.js';
import { hashPassword } from './platform/crypto.js';
import { seedParams } from './policy/service.js';
import { countRegions, loadChinaDivision } from './modules/regions/index.js';
import { createDemoPopulation, type PopulationSummary } from './demo/population.js';
import { createDemoJobs } from './demo/jobs.js';
import { createDemoNotices } from './demo/notices.js';
import { createDemoRecognitions } from './demo/recognitions.js';
import { createDemoRegion, type DemoAccount } from './demo/region.js';

export interface BootstrapOptions {
  adminPassword: string | undefined;
  demo: boolean;
  regionPrefixes: string[];
  /** Persons generated per demo community (0: units and staff only, as the API tests use). */
  demoPeoplePerCommunity?: number;
}

export interface BootstrapResult {
  firstStart: boolean;
  /** Set only on the first start: the admin password (given or generated). */
  adminPassword?: string;
  demoAccounts: DemoAccount[];
  population?: PopulationSummary | undefined;
}

async function getSetting<T>(db: Database, key: string): Promise<T | undefined> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  return row?.value as T | undefined;
}

async function setSetting(db: Database, key: string, value: unknown): Promise<void> {
  await db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
}

/** Makes an empty database usable and keeps reference data current; safe to run on every start. */
export async function bootstrap(db: Database, sealer: Sealer, now: Clock, opts: BootstrapOptions): Promise<BootstrapResult> {
  wireDomainEvents();
  const loaded = (await getSetting<string[]>(db, 'regions.prefixes')) ?? [];
  const missing = opts.regionPrefixes.filter((p) => !loaded.some((l) => p.startsWith(l)));
  if (missing.length > 0 || (await countRegions(db)) === 0) {
    await loadChinaDivision(db, missing.length > 0 ? missing : opts.regionPrefixes);
    await setSetting(db, 'regions.prefixes', [...new Set([...loaded, ...opts.regionPrefixes])]);
  }
  await seedParams(db, now());
  if (await getSetting<boolean>(db, 'initialized')) return { firstStart: false, demoAccounts: [] };

  const adminPassword = opts.adminPassword ?? crypto.randomBytes(9).toString('base64url');
  const at = now();
  await db
    .insert(staff)
    .values({
      id: crypto.randomUUID(),
      username: 'admin',
      name: '系统管理员',
      unitId: null,
      regionCode: '',
      scope: '',
      roles: [...roles],
      passwordHash: hashPassword(adminPassword),
      builtIn: true,
      passwordChangedAt: at,
      createdAt: at,
    })
    .onConflictDoNothing();
  let demoAccounts: DemoAccount[] = [];
  let population: PopulationSummary | undefined;
  if (opts.demo) {
    const ctx: Ctx = { db, actor: systemActor, requestId: 'bootstrap', now, sealer };
    demoAccounts = await createDemoRegion(ctx, adminPassword);
    if (opts.demoPeoplePerCommunity) {
      console.log('首次启动：正在生成演示人口（约一分钟）…');
      population = await createDemoPopulation(ctx, opts.demoPeoplePerCommunity);
    }
    await createDemoJobs(ctx);
    // Today's recognitions, after the past weeks' hires: they rest on the ledger as it is now.
    if (population) await createDemoRecognitions(ctx);
    await createDemoNotices(ctx);
  }
  await setSetting(db, 'initialized', true);
  return { firstStart: true, adminPassword, demoAccounts, population };
}
