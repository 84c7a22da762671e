// Issue 10 "Backups" (SYS-3): a backup restores into a fresh database with the manifest's row
// counts and an intact audit chain; a wrong key, a cut file, an edited manifest or payload and an
// edited audit row are refused. Runs on PGlite and on PostgreSQL (each restore into a new database).
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirBusyError, openDatabase } from '../db/connection.js';
import { createPerson } from '../testing/factories.js';
import { createTestApp, loginAs, queryRows, testDbKind, testPostgresUrl, testSecretKey, type TestApp } from '../testing/testApp.js';
import {
  backupHeader,
  BackupError,
  createBackup,
  describeDatabase,
  findMasterKey,
  keyFingerprint,
  manifestMac,
  readBackupManifest,
  restoreBackup,
  type BackupManifest,
  type BackupSource,
  type RestoreTarget,
} from './backup.js';

const run = promisify(execFile);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'openpes-backup-'));
const databases: string[] = [];
let t: TestApp;
let person: { id: string; idNumber: string };
let good: { file: string; manifest: BackupManifest };

const source = (): BackupSource =>
  testDbKind === 'pglite' ? { kind: 'pglite', handle: t.handle } : { kind: 'postgres', url: t.databaseUrl! };

const pgUrl = (name: string) => Object.assign(new URL(testPostgresUrl), { pathname: `/${name}` }).toString();

async function onServer(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  await client.query(query).finally(() => client.end());
}

/** A new empty target: a data directory, or a database created for this run and dropped after it. */
async function freshTarget(): Promise<RestoreTarget & { dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(tmp, 'target-'));
  if (testDbKind === 'pglite') return { kind: 'pglite', dataDir };
  const name = `openpes_restore_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await onServer(`CREATE DATABASE ${name}`);
  databases.push(name);
  return { kind: 'postgres', url: pgUrl(name), dataDir };
}

/** Whether the target still holds nothing (a refused restore must leave it so). */
async function targetIsEmpty(target: RestoreTarget & { dataDir: string }): Promise<boolean> {
  if (target.kind === 'pglite') {
    const live = path.join(target.dataDir, 'pglite');
    return !fs.existsSync(live) || fs.readdirSync(live).length === 0;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  const { rows } = await client.query<{ n: string }>(
    "SELECT count(*) AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
  );
  await client.end();
  return rows[0]!.n === '0';
}

/** Opens a restored target as it is (no migrations), for looking inside. */
const openTarget = (target: RestoreTarget) =>
  openDatabase(target.kind === 'pglite' ? { dataDir: target.dataDir, migrate: false } : { url: target.url, migrate: false });

/** Runs `expect` on the BackupError a promise rejects with. */
async function refusal(promise: Promise<unknown>): Promise<BackupError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BackupError);
  return err as BackupError;
}

/** A copy of the good backup changed by `edit`, under a new name. */
function editedCopy(name: string, edit: (bytes: Buffer) => Buffer): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, edit(fs.readFileSync(good.file)));
  return file;
}

beforeAll(async () => {
  t = await createTestApp();
  const clerk = await loginAs(t.app, 'xiaodian_clerk');
  person = await createPerson(t, clerk, { unemployedSince: '2026-03-02' });
  good = await createBackup(source(), { file: path.join(tmp, 'good.backup'), masterKey: testSecretKey });
}, 120_000);

afterAll(async () => {
  await t.close();
  for (const name of databases) await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('issue 10 backups that restore (SYS-3)', () => {
  it("SYS-3 a backup's manifest counts every table as the database holds it, names the key by fingerprint only, and the file is 0600", async () => {
    // As the owner, who sees every row and the migrations table (the application role does neither).
    const owner = testDbKind === 'postgres' ? await openDatabase({ url: t.databaseUrl!, migrate: false }) : null;
    const state = await describeDatabase((owner ?? t.handle).db);
    await owner?.close();
    expect(good.manifest.tables).toEqual(state.tables);
    expect(good.manifest.tables['public.persons']).toBeGreaterThan(0);
    expect(good.manifest.auditHead).toEqual(state.auditHead);
    expect(good.manifest.auditChain).toMatchObject({ ok: true, checked: state.auditHead!.seq });
    expect(good.manifest.keyFingerprint).toBe(keyFingerprint(testSecretKey));
    expect(fs.statSync(good.file).mode & 0o777).toBe(0o600);
    const bytes = fs.readFileSync(good.file);
    expect(bytes.includes(testSecretKey)).toBe(false);
    expect(bytes.includes(Buffer.from(testSecretKey.toString('base64')))).toBe(false);
  });

  it('SYS-3 a backup restores into a fresh database: every count and the audit chain as in the manifest, sealed ID numbers open with the key', async () => {
    const target = await freshTarget();
    const report = await restoreBackup(good.file, target, { masterKey: testSecretKey });
    expect(report.state.tables).toEqual(good.manifest.tables);
    expect(report.state.auditChain).toMatchObject({ ok: true, checked: good.manifest.auditHead!.seq });
    const restored = await openTarget(target);
    try {
      const [row] = await queryRows<{ sealed: string }>(
        restored.db,
        sql`SELECT id_number_sealed AS sealed FROM persons WHERE id = ${person.id}`,
      );
      expect(t.sealer.open('idNumber', row!.sealed)).toBe(person.idNumber);
    } finally {
      await restored.close();
    }
    // A second restore into the same target is refused: it is no longer empty.
    expect((await refusal(restoreBackup(good.file, target, { masterKey: testSecretKey }))).code).toBe('TARGET_NOT_EMPTY');
  }, 60_000);

  it("SYS-3 restore refuses a key whose fingerprint is not the backup's (secret.key in the target data dir), and writes nothing", async () => {
    const target = await freshTarget();
    fs.writeFileSync(path.join(target.dataDir, 'secret.key'), crypto.randomBytes(32).toString('base64') + '\n', { mode: 0o600 });
    const err = await refusal(restoreBackup(good.file, target, { masterKey: findMasterKey(undefined, target.dataDir) }));
    expect(err.code).toBe('KEY_MISMATCH');
    expect(err.message).toContain('当前主密钥与备份时的密钥不一致');
    expect(err.message).toContain(good.manifest.keyFingerprint);
    expect(await targetIsEmpty(target)).toBe(true);
    expect(() => findMasterKey(undefined, path.join(tmp, 'no-such-dir'))).toThrow(/未找到主密钥/);
  });

  it('SYS-3 a truncated backup is refused before anything is restored', async () => {
    const target = await freshTarget();
    const cut = editedCopy('cut.backup', (b) => b.subarray(0, b.length - 1000));
    const err = await refusal(restoreBackup(cut, target, { masterKey: testSecretKey }));
    expect(err.code).toBe('TRUNCATED');
    expect(err.message).toContain('备份文件不完整');
    const cutInManifest = editedCopy('cut-header.backup', (b) => b.subarray(0, 200));
    expect((await refusal(restoreBackup(cutInManifest, target, { masterKey: testSecretKey }))).code).toBe('TRUNCATED');
    expect(await targetIsEmpty(target)).toBe(true);
  });

  it('SYS-3 an edited payload (SHA-256) or an edited manifest (MAC) is refused before anything is restored', async () => {
    const target = await freshTarget();
    const { payloadOffset } = readBackupManifest(good.file);
    const flipped = editedCopy('flipped.backup', (b) => {
      b[payloadOffset + Math.floor((b.length - payloadOffset) / 2)]! ^= 0xff;
      return b;
    });
    expect((await refusal(restoreBackup(flipped, target, { masterKey: testSecretKey }))).message).toContain('SHA-256');
    // Someone hiding deleted persons edits the count; without the key they cannot re-sign it.
    const lying = { ...good.manifest, tables: { ...good.manifest.tables, 'public.persons': good.manifest.tables['public.persons']! + 1 } };
    const relabelled = editedCopy('relabelled.backup', (b) => Buffer.concat([Buffer.from(backupHeader(lying)), b.subarray(payloadOffset)]));
    const err = await refusal(restoreBackup(relabelled, target, { masterKey: testSecretKey }));
    expect(err.code).toBe('TAMPERED');
    expect(err.message).toContain('清单的签名不符');
    expect(await targetIsEmpty(target)).toBe(true);
  });

  it('SYS-3 an edited audit row in a backup is found after restore even when the file is re-signed with the key', async () => {
    // Make a payload whose audit row 2 was edited: restore, edit, back that up.
    const edited = await freshTarget();
    await restoreBackup(good.file, edited, { masterKey: testSecretKey });
    const handle = await openTarget(edited);
    let honest: { file: string; manifest: BackupManifest };
    try {
      await handle.db.execute(sql`UPDATE audit_log SET reason = '篡改' WHERE seq = 2`);
      const from: BackupSource = edited.kind === 'pglite' ? { kind: 'pglite', handle } : { kind: 'postgres', url: edited.url };
      honest = await createBackup(from, { file: path.join(tmp, 'edited.backup'), masterKey: testSecretKey });
    } finally {
      await handle.close();
    }
    expect(honest.manifest.auditChain).toMatchObject({ ok: false, brokenAt: 2 });
    // The forger keeps the good manifest (chain intact) and signs it over the edited payload.
    const { payloadOffset } = readBackupManifest(honest.file);
    const payload = fs.readFileSync(honest.file).subarray(payloadOffset);
    const unsigned = {
      ...good.manifest,
      payloadBytes: payload.length,
      payloadSha256: crypto.createHash('sha256').update(payload).digest('hex'),
    };
    const forged = path.join(tmp, 'forged.backup');
    fs.writeFileSync(
      forged,
      Buffer.concat([Buffer.from(backupHeader({ ...unsigned, mac: manifestMac(unsigned, testSecretKey) })), payload]),
    );
    for (const file of [forged, honest.file]) {
      const err = await refusal(restoreBackup(file, await freshTarget(), { masterKey: testSecretKey }));
      expect(err.code).toBe('VERIFY_FAILED');
      expect(err.problems.join('\n')).toContain('第 2 条记录的内容被修改');
    }
  }, 90_000);

  it('SYS-3 npm run restore and npm run backup run the same code from the command line, key-fingerprint names the key', async () => {
    const target = await freshTarget();
    const env = {
      ...process.env,
      OPENPES_DATA_DIR: target.dataDir,
      OPENPES_SECRET_KEY: testSecretKey.toString('base64'),
      DATABASE_URL: target.kind === 'postgres' ? target.url : '',
    };
    const restored = await run('npm', ['run', '--silent', 'restore', '--', good.file], { env });
    expect(restored.stdout).toContain('恢复完成并已校验');
    const again = path.join(tmp, 'again.backup');
    const backedUp = await run('npm', ['run', '--silent', 'backup', '--', again], { env });
    expect(backedUp.stdout).toContain(`审计链完整 / audit chain intact: ${good.manifest.auditHead!.seq}`);
    expect(readBackupManifest(again).manifest.tables).toEqual(good.manifest.tables);
    expect(fs.statSync(again).mode & 0o777).toBe(0o600);
    const fingerprint = await run(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'key-fingerprint'], { env });
    expect(fingerprint.stdout.trim()).toBe(good.manifest.keyFingerprint);
  }, 90_000);

  it.runIf(testDbKind === 'pglite')(
    "SYS-3 a PGlite data directory a live process holds is refused (the server's lock); a dead one's lock is taken over",
    async () => {
      const dataDir = fs.mkdtempSync(path.join(tmp, 'locked-'));
      const lock = path.join(dataDir, 'pglite.lock');
      fs.writeFileSync(lock, `${process.ppid}\n`); // a living process other than this one
      await expect(openDatabase({ dataDir, migrate: false })).rejects.toThrow(DataDirBusyError);
      await expect(restoreBackup(good.file, { kind: 'pglite', dataDir }, { masterKey: testSecretKey })).rejects.toThrow(/数据目录正被进程/);
      const exited = await run(process.execPath, ['-e', 'console.log(process.pid)']);
      fs.writeFileSync(lock, exited.stdout);
      const handle = await openDatabase({ dataDir, migrate: false });
      expect(fs.readFileSync(lock, 'utf8').trim()).toBe(String(process.pid));
      await handle.close();
      expect(fs.existsSync(lock)).toBe(false);
    },
  );
});
