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
import { generatePassword } from './platform/passwords.js';
import { seedParams } from './policy/service.js';
import { countRegions, loadChinaDivision } from './modules/regions/index.js';
import { createDemoPopulation, type PopulationSummary } from './demo/population.js';
import { createDemoJobs } from './demo/jobs.js';
import { createDemoNotices } from './demo/notices.js';
import { createDemoRecognitions } from './demo/recognitions.js';
import { createDemoCasework } from './demo/casework.js';
import { createDemoWelfare } from './demo/welfare.js';
import { createDemoCampaigns } from './demo/campaigns.js';
import { createDemoCertificateChecks } from './demo/certificates.js';
import { createDemoUnemploymentInsurance } from './demo/unemploymentInsurance.js';
import { createDemoRegion, type DemoAccount } from './demo/region.js';
import { rebuildSeekerMatchProfiles } from './modules/persons/index.js';
import { rebuildVacancyMatchProfiles } from './modules/vacancies/index.js';
import { matchProfileFormat } from '../shared/matchProfiles.js';
import { skillVocabulary } from '../shared/skillVocabulary.js';
import { occupations } from '../shared/occupations.js';

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

/**
 * The version of what match profiles are derived with: their format and the data the skills
 * vocabulary maps words with (its terms and the occupations' names).
 */
export function matchProfileVersion(): string {
  const data = JSON.stringify({ matchProfileFormat, skillVocabulary, occupations: occupations.map((o) => [o.code, o.name]) });
  return crypto.createHash('sha256').update(data).digest('hex').slice(0, 16);
}

/**
 * Rebuilds the stored match profiles when they were derived with another vocabulary or format
 * (JOB-4): 电焊 written before the vocabulary knew it must score as 焊接 like one written after.
 * Runs in short transactions before the server listens; on a new database there is nothing to do.
 */
export async function keepMatchProfilesCurrent(ctx: Ctx): Promise<void> {
  const version = matchProfileVersion();
  if ((await getSetting<string>(ctx.db, 'matching.profile_version')) === version) return;
  const started = Date.now();
  const seekers = await rebuildSeekerMatchProfiles(ctx);
  const posts = await rebuildVacancyMatchProfiles(ctx);
  if (seekers + posts > 0)
    console.log(`匹配画像已按新技能词表重建：人员 ${seekers} 名、岗位 ${posts} 个，用时 ${Date.now() - started} 毫秒`);
  await setSetting(ctx.db, 'matching.profile_version', version);
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
  await keepMatchProfilesCurrent({ db, actor: systemActor, requestId: 'bootstrap', now, sealer });
  if (await getSetting<boolean>(db, 'initialized')) return { firstStart: false, demoAccounts: [] };

  // Generated passwords pass the rules createStaff holds the demo accounts to (a plain random draw failed one start in ten).
  const adminPassword = opts.adminPassword ?? generatePassword(['admin']);
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
    if (population) {
      await createDemoRecognitions(ctx);
      await createDemoWelfare(ctx);
      await createDemoCasework(ctx);
      await createDemoCertificateChecks(ctx);
      demoAccounts.push(...(await createDemoUnemploymentInsurance(ctx, adminPassword)).accounts);
    }
    await createDemoNotices(ctx);
    // After every dated record above: the campaign's results are counted from them.
    await createDemoCampaigns(ctx);
  }
  await setSetting(db, 'initialized', true);
  return { firstStart: true, adminPassword, demoAccounts, population };
}
