// Command line: start (default), migrate, audit-verify, import-regions <file.csv|file.xlsx>,
// backup [file], restore <file> [--force], key-fingerprint.
// The server's parts (app, modules, bootstrap) are imported by the commands that use them, so
// backup, restore and audit-verify start in a second rather than four.
import fs from 'node:fs';
import { DataDirBusyError, openDatabase } from './db/connection.js';
import { loginHelp } from './loginHelp.js';
import { verifyAuditChain } from './platform/audit.js';
import {
  BackupError,
  createBackup,
  defaultBackupFile,
  describeBackup,
  describeRestore,
  findMasterKey,
  keyFingerprint,
  restoreBackup,
} from './platform/backup.js';
import { systemClock } from './platform/clock.js';
import { loadConfig, type Config } from './platform/config.js';
import { PgToolError } from './platform/pgTools.js';
import { systemActor } from './platform/context.js';
import { createSealer, loadMasterKey } from './platform/crypto.js';
import { webhookGateway } from './platform/sms.js';

const version = (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

async function main(command: string, args: string[]) {
  // Everything this process creates (PGlite's files, the generated key, backups) is readable and
  // writable by its own user only: the data directory holds every citizen's record.
  process.umask(0o077);
  const config = loadConfig();
  if (command === 'backup') return backup(config, args);
  if (command === 'restore') return restore(config, args);
  if (command === 'key-fingerprint') return console.log(keyFingerprint(findMasterKey(config.secretKey, config.dataDir)));
  const handle = await openDatabase({ url: config.databaseUrl, appUrl: config.appDatabaseUrl, dataDir: config.dataDir });
  const sealer = createSealer(loadMasterKey(config.secretKey, config.dataDir));
  if (command === 'migrate') {
    console.log(`数据库迁移完成（${handle.kind}）`);
    return handle.close();
  }
  if (command === 'audit-verify') {
    const report = await verifyAuditChain(handle.db);
    await handle.close();
    if (report.ok) console.log(`审计日志完整：已校验 ${report.checked} 条`);
    else console.error(`审计日志被篡改：${report.problem}（第一处断裂：第 ${report.brokenAt} 条；此前 ${report.checked} 条完好）`);
    process.exitCode = report.ok ? 0 : 1;
    return;
  }
  if (command === 'import-regions') {
    const file = args[0];
    if (!file) throw new Error('usage: import-regions <file.csv|file.xlsx>');
    const { importRegions, readRegionFile } = await import('./modules/regions/index.js');
    const table = await readRegionFile(fs.readFileSync(file), file.endsWith('.csv') ? 'csv' : 'xlsx');
    const result = await importRegions({ db: handle.db, actor: systemActor, requestId: 'cli', now: systemClock, sealer }, table);
    console.log(`区划导入完成：共 ${result.rows} 条，新增 ${result.added}，更新 ${result.updated}`);
    return handle.close();
  }
  if (command !== 'start')
    throw new Error(`unknown command ${command}; use start, migrate, audit-verify, import-regions, backup, restore or key-fingerprint`);

  const [{ buildApp }, { bootstrap }, { sweepSessionsJob }, { createScheduler }, { vacancyExpiryJob }, { recognitionExpiryJob }] =
    await Promise.all([
      import('./app.js'),
      import('./bootstrap.js'),
      import('./platform/auth.js'),
      import('./platform/scheduler.js'),
      import('./modules/vacancies/index.js'),
      import('./modules/assistance/index.js'),
    ]);
  const boot = await bootstrap(handle.db, sealer, systemClock, {
    adminPassword: config.adminPassword,
    demo: config.demo,
    regionPrefixes: config.regionPrefixes,
    demoPeoplePerCommunity: config.demoPeoplePerCommunity,
  });
  const app = await buildApp({
    db: handle.db,
    dbKind: handle.kind,
    sealer,
    now: systemClock,
    version,
    webDir: config.webDir,
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    sms: config.smsWebhookUrl ? webhookGateway(config.smsWebhookUrl) : undefined,
    requireTwoFactorRoles: config.requireTwoFactorRoles,
    requestLimits: config.requestLimits,
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(loginHelp(`http://${config.host}:${port}`, handle.kind, boot, config.adminPassword !== undefined));

  const scheduler = createScheduler({
    db: handle.db,
    now: systemClock,
    sealer,
    onError: (err, job) => app.log.error({ err, job }, 'scheduled job could not be run or recorded'),
  });
  scheduler.register(sweepSessionsJob);
  scheduler.register(vacancyExpiryJob(config.vacancyExpiryCron));
  scheduler.register(recognitionExpiryJob());
  scheduler.start();
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: finishing open requests and closing the database`);
    scheduler.stop();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * `backup [file]`: PostgreSQL is dumped while the server runs (one snapshot); PGlite's data directory
 * is opened by this process alone, so a running server must be stopped first (the lock says so).
 */
async function backup(config: Config, args: string[]) {
  const masterKey = findMasterKey(config.secretKey, config.dataDir);
  const file = args.find((a) => !a.startsWith('--')) ?? defaultBackupFile(config.databaseUrl ? 'postgres' : 'pglite', new Date());
  let result: Awaited<ReturnType<typeof createBackup>>;
  if (config.databaseUrl) result = await createBackup({ kind: 'postgres', url: config.databaseUrl }, { file, masterKey });
  else {
    const handle = await openDatabase({ dataDir: config.dataDir, migrate: false });
    try {
      result = await createBackup({ kind: 'pglite', handle }, { file, masterKey });
    } finally {
      await handle.close();
    }
  }
  console.log(describeBackup(result.file, result.manifest).join('\n'));
  if (!result.manifest.auditChain.ok) process.exitCode = 1;
}

/** `restore <file> [--force]` into OPENPES_DATA_DIR or DATABASE_URL, checked against the key there. */
async function restore(config: Config, args: string[]) {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new Error('usage: restore <file> [--force]');
  const masterKey = findMasterKey(config.secretKey, config.dataDir);
  const target = config.databaseUrl
    ? { kind: 'postgres' as const, url: config.databaseUrl }
    : { kind: 'pglite' as const, dataDir: config.dataDir };
  const report = await restoreBackup(file, target, { masterKey, force: args.includes('--force') });
  console.log(describeRestore(report).join('\n'));
}

main(process.argv[2] ?? 'start', process.argv.slice(3)).catch((err: unknown) => {
  // Refusals an operator acts on are sentences, not stack traces.
  const refusal = err instanceof BackupError || err instanceof PgToolError || err instanceof DataDirBusyError;
  console.error(refusal ? err.message : err);
  process.exit(1);
});
