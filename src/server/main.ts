// Command line: start (default), migrate, audit-verify, import-regions <file.csv|file.xlsx>.
import fs from 'node:fs';
import { buildApp } from './app.js';
import { bootstrap } from './bootstrap.js';
import { openDatabase } from './db/connection.js';
import { sweepSessionsJob } from './platform/auth.js';
import { verifyAuditChain } from './platform/audit.js';
import { systemClock } from './platform/clock.js';
import { loadConfig } from './platform/config.js';
import { systemActor } from './platform/context.js';
import { createSealer, loadMasterKey } from './platform/crypto.js';
import { createScheduler } from './platform/scheduler.js';
import { importRegions, readRegionFile } from './modules/regions/index.js';

const version = (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

async function main(command: string, args: string[]) {
  const config = loadConfig();
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
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
    const table = await readRegionFile(fs.readFileSync(file), file.endsWith('.csv') ? 'csv' : 'xlsx');
    const result = await importRegions({ db: handle.db, actor: systemActor, requestId: 'cli', now: systemClock, sealer }, table);
    console.log(`区划导入完成：共 ${result.rows} 条，新增 ${result.added}，更新 ${result.updated}`);
    return handle.close();
  }
  if (command !== 'start') throw new Error(`unknown command ${command}; use start, migrate, audit-verify or import-regions`);

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
    requireTwoFactorRoles: config.requireTwoFactorRoles,
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  printLoginHelp(`http://${config.host}:${port}`, handle.kind, boot);

  const scheduler = createScheduler({
    db: handle.db,
    now: systemClock,
    sealer,
    onError: (err, job) => app.log.error({ err, job }, 'scheduled job could not be run or recorded'),
  });
  scheduler.register(sweepSessionsJob);
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

function printLoginHelp(url: string, kind: string, boot: Awaited<ReturnType<typeof bootstrap>>) {
  const lines = ['', `OpenPES 公共就业服务平台已启动：${url}  （数据库：${kind}）`, `接口文档：${url}/api/docs`];
  if (boot.firstStart) {
    lines.push(`管理员账号：admin  密码：${boot.adminPassword}  （仅首次启动显示，请登录后修改）`);
    if (boot.demoAccounts.length > 0) {
      lines.push(`演示账号（密码同上）：`);
      for (const a of boot.demoAccounts.slice(0, 12)) lines.push(`  ${a.username.padEnd(28)} ${a.name}（${a.unit}，${a.roles.join('/')}）`);
      if (boot.demoAccounts.length > 12) lines.push(`  …… 共 ${boot.demoAccounts.length} 个演示账号，可在“工作人员”页查看`);
      if (boot.population)
        lines.push(`演示人口：${boot.population.persons} 人，${boot.population.households} 户，${boot.population.events} 条登记与服务记录`);
    }
  } else {
    lines.push('登录：admin，密码为首次启动时显示的密码或 OPENPES_ADMIN_PASSWORD 的值。');
  }
  console.log(lines.join('\n') + '\n');
}

main(process.argv[2] ?? 'start', process.argv.slice(3)).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
