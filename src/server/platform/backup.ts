// Backups that restore (issue 10, SYS-3). A backup is one file: a line naming the format, a line
// of JSON manifest, then the database's own dump — PGlite's data directory as a gzip tarball, or
// `pg_dump -Fc` taken in the snapshot the manifest was counted in. The master key is never in it
// (a backup that leaks with its key leaks every sealed ID number and phone): the manifest holds the
// key's fingerprint and a MAC under a key derived from it, so restore refuses a wrong key, an edited
// manifest, an edited or cut payload, and then checks the restored rows and the audit chain.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { databaseOnClient, knownMigrationCount, lockDataDir, openDatabase, type Database, type DbHandle } from '../db/connection.js';
import { canonicalJson, verifyAuditChain, type ChainReport } from './audit.js';
import { runPgTool } from './pgTools.js';

export const backupFormat = 'openpes-backup/1';
const magicLine = 'OPENPES-BACKUP/1';
/** A manifest is a few kilobytes; anything longer before the second newline is not a backup. */
const maxHeaderBytes = 1 << 20;

/** What a backup holds and what its restore must find again. */
export interface BackupManifest {
  format: typeof backupFormat;
  dbKind: 'pglite' | 'postgres';
  payload: 'pglite-datadir-tar-gzip' | 'pg_dump-custom';
  createdAt: string;
  /** Rows of drizzle's migration journal in the database: the schema's level. */
  migrations: { applied: number; lastHash: string | null };
  /** Exact row count of every table, by `schema.table`. */
  tables: Record<string, number>;
  auditHead: { seq: number; hash: string } | null;
  /** The audit chain as verified when the backup was taken. */
  auditChain: ChainReport;
  /** Identifies the master key without revealing it (HKDF-derived, one-way). */
  keyFingerprint: string;
  payloadBytes: number;
  payloadSha256: string;
  /** HMAC-SHA256 over the canonical JSON of every other field, keyed from the master key. */
  mac: string;
}

export type BackupErrorCode =
  | 'NOT_A_BACKUP'
  | 'TRUNCATED'
  | 'TAMPERED'
  | 'KEY_MISSING'
  | 'KEY_MISMATCH'
  | 'WRONG_DB_KIND'
  | 'NEWER_SCHEMA'
  | 'TARGET_NOT_EMPTY'
  | 'FILE_EXISTS'
  | 'EMPTY_DATABASE'
  | 'VERIFY_FAILED';

/** A refused backup or restore; the message says what to do, in Chinese and then English. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

const derive = (key: Buffer, label: string) => Buffer.from(crypto.hkdfSync('sha256', key, Buffer.alloc(0), label, 32));

/** The key's fingerprint: 128 bits of an HKDF output, so it identifies the key and reveals nothing of it. */
export function keyFingerprint(masterKey: Buffer): string {
  return derive(masterKey, 'openpes/backup/key-fingerprint').subarray(0, 16).toString('hex');
}

/** The MAC of a manifest: only a holder of the master key can make one that restore accepts. */
export function manifestMac(manifest: Omit<BackupManifest, 'mac'>, masterKey: Buffer): string {
  const { mac: _ignored, ...signed } = manifest as BackupManifest;
  return crypto.createHmac('sha256', derive(masterKey, 'openpes/backup/manifest-mac')).update(canonicalJson(signed)).digest('hex');
}

/**
 * The master key for a backup or restore: OPENPES_SECRET_KEY, else `<dataDir>/secret.key`. Unlike
 * the server's start it never makes a new key: a new key cannot open what the old one sealed.
 */
export function findMasterKey(secretKey: string | undefined, dataDir: string): Buffer {
  const file = path.join(dataDir, 'secret.key');
  const encoded = secretKey ?? (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : undefined);
  if (!encoded)
    throw new BackupError(
      'KEY_MISSING',
      `未找到主密钥：请把与备份分开保管的 secret.key 放到 ${file}（权限 0600），或设置 OPENPES_SECRET_KEY。` +
        ` / No master key: put the secret.key kept apart from the backups at ${file} (mode 0600), or set OPENPES_SECRET_KEY.`,
    );
  const key = Buffer.from(encoded, 'base64');
  if (key.length !== 32) throw new BackupError('KEY_MISSING', '主密钥应为 32 字节的 base64 / The master key must be 32 bytes in base64.');
  return key;
}

/** What a database holds, as a manifest records it and a restore must find it again. */
export interface DatabaseState {
  migrations: BackupManifest['migrations'];
  tables: Record<string, number>;
  auditHead: BackupManifest['auditHead'];
  auditChain: ChainReport;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const rowsOf = async <T>(db: Database, query: string) => ((await db.execute(sql.raw(query))) as unknown as { rows: T[] }).rows;

/** Counts every table's rows, reads the migration level and audit head, and verifies the audit chain. */
export async function describeDatabase(db: Database): Promise<DatabaseState> {
  const tableRows = await rowsOf<{ schema: string; name: string }>(
    db,
    `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
     ORDER BY 1, 2`,
  );
  const tables: Record<string, number> = {};
  for (const t of tableRows) {
    const [row] = await rowsOf<{ n: string | number }>(db, `SELECT count(*) AS n FROM ${quoteIdent(t.schema)}.${quoteIdent(t.name)}`);
    tables[`${t.schema}.${t.name}`] = Number(row!.n);
  }
  if (!('drizzle.__drizzle_migrations' in tables) || !('public.audit_log' in tables))
    throw new BackupError(
      'EMPTY_DATABASE',
      '数据库尚未初始化（没有迁移记录），无可备份 / The database was never migrated; nothing to back up.',
    );
  const [last] = await rowsOf<{ hash: string }>(
    db,
    'SELECT hash FROM drizzle.__drizzle_migrations ORDER BY created_at DESC, id DESC LIMIT 1',
  );
  const [head] = await rowsOf<{ seq: string | number; hash: string }>(db, 'SELECT seq, hash FROM audit_head WHERE id = 1');
  return {
    migrations: { applied: tables['drizzle.__drizzle_migrations']!, lastHash: last?.hash ?? null },
    tables,
    auditHead: head ? { seq: Number(head.seq), hash: head.hash } : null,
    auditChain: await verifyAuditChain(db),
  };
}

/** Where a backup is taken from: an open PGlite (held alone by this process) or a PostgreSQL URL. */
export type BackupSource = { kind: 'pglite'; handle: DbHandle } | { kind: 'postgres'; url: string };

/** A hashing pass-through that counts the bytes it forwards. */
function digestingStream() {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ bytes, sha256: hash.digest('hex') }) };
}

/**
 * PostgreSQL: the manifest is counted in a read-only repeatable-read transaction whose snapshot
 * pg_dump then uses, so counts and dump are the same instant while the server keeps writing.
 */
async function dumpPostgres(url: string, payloadFile: string) {
  // Counted as the owner seeing every row: row-level security binds owners too (FORCE).
  const client = new pg.Client({ connectionString: url, options: '-c openpes.scope=*' });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const { rows } = await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
    const state = await describeDatabase(databaseOnClient(client));
    const digest = digestingStream();
    const out = fs.createWriteStream(payloadFile, { flags: 'wx', mode: 0o600 });
    const written = pipeline(digest.stream, out);
    written.catch(() => undefined); // awaited below; a failure of pg_dump is the one to report
    try {
      await runPgTool('pg_dump', ['--format=custom', `--snapshot=${rows[0]!.snapshot}`], url, { stdout: digest.stream });
    } catch (err) {
      digest.stream.destroy();
      throw err;
    }
    await written;
    await client.query('COMMIT');
    return { state, ...digest.result() };
  } finally {
    await client.end();
  }
}

/**
 * Takes a backup into `file` (refused if it exists), mode 0600, written under a temporary name and
 * linked into place only when whole. A broken audit chain is recorded, not refused: such a backup
 * is evidence; the caller reports it.
 */
export async function createBackup(
  source: BackupSource,
  opts: { file: string; masterKey: Buffer; now?: () => Date },
): Promise<{ file: string; manifest: BackupManifest }> {
  const file = path.resolve(opts.file);
  if (fs.existsSync(file)) throw new BackupError('FILE_EXISTS', `备份文件已存在：${file} / The backup file already exists: ${file}`);
  const partial = `${file}.${process.pid}.partial`;
  const payloadFile = `${file}.${process.pid}.payload`;
  try {
    let state: DatabaseState;
    let payload: { bytes: number; sha256: string };
    if (source.kind === 'pglite') {
      // PGlite runs one query at a time and this process holds it alone: description and tarball agree.
      state = await describeDatabase(source.handle.db);
      const tarball = Buffer.from(await (await source.handle.dumpDataDir!('gzip')).arrayBuffer());
      fs.writeFileSync(payloadFile, tarball, { flag: 'wx', mode: 0o600 });
      payload = { bytes: tarball.length, sha256: crypto.createHash('sha256').update(tarball).digest('hex') };
    } else {
      ({ state, ...payload } = await dumpPostgres(source.url, payloadFile));
    }
    const unsigned: Omit<BackupManifest, 'mac'> = {
      format: backupFormat,
      dbKind: source.kind,
      payload: source.kind === 'pglite' ? 'pglite-datadir-tar-gzip' : 'pg_dump-custom',
      createdAt: (opts.now ?? (() => new Date()))().toISOString(),
      ...state,
      keyFingerprint: keyFingerprint(opts.masterKey),
      payloadBytes: payload.bytes,
      payloadSha256: payload.sha256,
    };
    const manifest: BackupManifest = { ...unsigned, mac: manifestMac(unsigned, opts.masterKey) };
    const out = fs.createWriteStream(partial, { flags: 'wx', mode: 0o600 });
    out.write(backupHeader(manifest));
    await pipeline(fs.createReadStream(payloadFile), out);
    fs.linkSync(partial, file); // fails rather than overwrite a file that appeared meanwhile
    return { file, manifest };
  } finally {
    fs.rmSync(partial, { force: true });
    fs.rmSync(payloadFile, { force: true });
  }
}

/** The first two lines of a backup file. */
export function backupHeader(manifest: BackupManifest): string {
  return `${magicLine}\n${JSON.stringify(manifest)}\n`;
}

/** Reads a backup's manifest and where its payload starts; refuses what is not a whole backup. */
export function readBackupManifest(file: string): { manifest: BackupManifest; payloadOffset: number } {
  const notABackup = () =>
    new BackupError(
      'NOT_A_BACKUP',
      `不是 OpenPES 备份文件，或文件头已损坏：${file} / Not an OpenPES backup, or its header is damaged: ${file}`,
    );
  if (!fs.existsSync(file)) throw new BackupError('NOT_A_BACKUP', `备份文件不存在：${file} / No such backup file: ${file}`);
  const fd = fs.openSync(file, 'r');
  let head: Buffer;
  try {
    head = Buffer.alloc(Math.min(maxHeaderBytes, fs.fstatSync(fd).size));
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const first = head.indexOf(0x0a);
  if (first < 0 || head.subarray(0, first).toString('utf8') !== magicLine) throw notABackup();
  const second = head.indexOf(0x0a, first + 1);
  if (second < 0)
    throw new BackupError('TRUNCATED', `备份文件不完整（清单被截断）：${file} / The backup is incomplete (manifest cut): ${file}`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(head.subarray(first + 1, second).toString('utf8')) as BackupManifest;
  } catch {
    throw notABackup();
  }
  if (manifest.format !== backupFormat) throw notABackup();
  return { manifest, payloadOffset: second + 1 };
}

/** SHA-256 of a file from an offset on. */
async function fileDigest(file: string, start: number): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { start })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Checks a backup file before anything is written: whole (length), made with this key
 * (fingerprint), manifest unedited (MAC), payload unedited (SHA-256).
 */
export async function checkBackupFile(file: string, masterKey: Buffer): Promise<{ manifest: BackupManifest; payloadOffset: number }> {
  const { manifest, payloadOffset } = readBackupManifest(file);
  const payloadBytes = fs.statSync(file).size - payloadOffset;
  if (payloadBytes < manifest.payloadBytes)
    throw new BackupError(
      'TRUNCATED',
      `备份文件不完整：数据部分应有 ${manifest.payloadBytes} 字节，实有 ${payloadBytes} 字节（复制或传输中断？） / ` +
        `The backup is incomplete: ${payloadBytes} of ${manifest.payloadBytes} payload bytes (interrupted copy?).`,
    );
  const present = keyFingerprint(masterKey);
  if (present !== manifest.keyFingerprint)
    throw new BackupError(
      'KEY_MISMATCH',
      `当前主密钥与备份时的密钥不一致（备份：${manifest.keyFingerprint}，当前：${present}），拒绝恢复：用错的密钥恢复，加密的身份证号、手机号将无法读取。` +
        `请找到与该备份一起登记指纹的 secret.key，放入数据目录或设置 OPENPES_SECRET_KEY。 / ` +
        `The master key present (fingerprint ${present}) is not the backup's (${manifest.keyFingerprint}); restore refused. ` +
        `Provide the secret.key whose fingerprint matches, in the data directory or as OPENPES_SECRET_KEY.`,
    );
  const tampered = (what: string, whatEn: string) =>
    new BackupError('TAMPERED', `备份文件被改动：${what}，拒绝恢复 / The backup was altered: ${whatEn}; restore refused.`);
  const expectedMac = Buffer.from(manifestMac(manifest, masterKey), 'hex');
  const givenMac = Buffer.from(String(manifest.mac), 'hex');
  if (givenMac.length !== expectedMac.length || !crypto.timingSafeEqual(givenMac, expectedMac))
    throw tampered('清单的签名不符', "the manifest's MAC does not match");
  if (payloadBytes !== manifest.payloadBytes) throw tampered('数据部分比清单记载的长', 'the payload is longer than recorded');
  if ((await fileDigest(file, payloadOffset)) !== manifest.payloadSha256)
    throw tampered('数据部分的 SHA-256 与清单不符', "the payload's SHA-256 differs from the manifest");
  return { manifest, payloadOffset };
}

/** Where a backup is restored to: a PGlite data directory or a PostgreSQL database. */
export type RestoreTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface RestoreReport {
  manifest: BackupManifest;
  target: string;
  state: DatabaseState;
  /** PGlite with --force: where the data directory's previous database was moved. */
  replaced?: string;
}

/** What differs between a manifest and a restored database (empty: all agree). */
export function compareWithManifest(manifest: BackupManifest, state: DatabaseState): string[] {
  const problems: string[] = [];
  for (const [table, count] of Object.entries(manifest.tables)) {
    const found = state.tables[table];
    if (found === undefined) problems.push(`缺少表 ${table} / table ${table} missing`);
    else if (found !== count)
      problems.push(`表 ${table} 有 ${found} 行，清单记载 ${count} 行 / ${table} has ${found} rows, manifest ${count}`);
  }
  for (const table of Object.keys(state.tables))
    if (!(table in manifest.tables)) problems.push(`多出表 ${table}（目标库原有？） / extra table ${table} (left in the target?)`);
  if (state.migrations.applied !== manifest.migrations.applied || state.migrations.lastHash !== manifest.migrations.lastHash)
    problems.push(`迁移级别不符 / migration level differs (${state.migrations.applied} vs ${manifest.migrations.applied})`);
  if (canonicalJson(state.auditHead) !== canonicalJson(manifest.auditHead))
    problems.push(`审计链尾与清单不符 / the audit head differs from the manifest`);
  if (!state.auditChain.ok)
    problems.push(`审计日志被篡改：${state.auditChain.problem} / the audit chain is broken at row ${state.auditChain.brokenAt}`);
  return problems;
}

function verified(manifest: BackupManifest, state: DatabaseState, where: string): void {
  const problems = compareWithManifest(manifest, state);
  if (problems.length > 0)
    throw new BackupError(
      'VERIFY_FAILED',
      `恢复后的校验未通过，请勿在其上启动服务（${where}）：\n  ${problems.join('\n  ')}\n` +
        ` / The restored database failed verification; do not start the server on it (${where}).`,
      problems,
    );
}

/** PostgreSQL's tables outside the system schemas: a fresh database from CREATE DATABASE has none. */
async function postgresTableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`,
    );
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

const notEmpty = (where: string) =>
  new BackupError(
    'TARGET_NOT_EMPTY',
    `恢复目标不是空的：${where}。请恢复到新的数据目录或新建的数据库；确需覆盖时加 --force。 / ` +
      `The restore target is not empty: ${where}. Restore into a new data directory or a new database, or add --force to replace it.`,
  );

/** PGlite: loads the tarball into a staging directory, verifies it, and only then moves it into place. */
async function restorePglite(file: string, payloadOffset: number, manifest: BackupManifest, dataDir: string, force: boolean) {
  const release = lockDataDir(dataDir); // refuses while a server holds the directory
  try {
    const live = path.join(dataDir, 'pglite');
    const occupied = fs.existsSync(live) && fs.readdirSync(live).length > 0;
    if (occupied && !force) throw notEmpty(live);
    const staging = path.join(dataDir, 'restoring');
    fs.rmSync(staging, { recursive: true, force: true });
    const tarball = fs.readFileSync(file).subarray(payloadOffset);
    const handle = await openDatabase({ dataDir: staging, loadDataDir: new Blob([tarball]), migrate: false });
    let state: DatabaseState;
    try {
      state = await describeDatabase(handle.db);
    } finally {
      await handle.close();
    }
    verified(manifest, state, staging);
    let replaced: string | undefined;
    if (occupied) {
      replaced = path.join(dataDir, `pglite.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`);
      fs.renameSync(live, replaced);
    } else fs.rmSync(live, { recursive: true, force: true });
    fs.renameSync(path.join(staging, 'pglite'), live);
    fs.rmSync(staging, { recursive: true, force: true });
    return { state, target: live, replaced };
  } finally {
    release();
  }
}

/** PostgreSQL: pg_restore in one transaction (all or nothing), then the same verification. */
async function restorePostgres(file: string, payloadOffset: number, manifest: BackupManifest, url: string, force: boolean) {
  const target = toolTargetName(url);
  if ((await postgresTableCount(url)) > 0 && !force) throw notEmpty(target);
  const args = ['--exit-on-error', '--single-transaction', '--no-owner', ...(force ? ['--clean', '--if-exists'] : [])];
  await runPgTool('pg_restore', args, url, { stdin: fs.createReadStream(file, { start: payloadOffset }) });
  const handle = await openDatabase({ url, migrate: false });
  let state: DatabaseState;
  try {
    state = await describeDatabase(handle.db);
  } finally {
    await handle.close();
  }
  verified(manifest, state, target);
  return { state, target };
}

/** The database named in a URL, without its password, for messages. */
function toolTargetName(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
}

/**
 * Restores a backup into an empty target (or, with `force`, over one), after checking the file
 * against the key; then counts every table and verifies the audit chain against the manifest.
 */
export async function restoreBackup(
  file: string,
  target: RestoreTarget,
  opts: { masterKey: Buffer; force?: boolean },
): Promise<RestoreReport> {
  const { manifest, payloadOffset } = await checkBackupFile(file, opts.masterKey);
  if (manifest.dbKind !== target.kind)
    throw new BackupError(
      'WRONG_DB_KIND',
      `该备份来自 ${manifest.dbKind}，不能恢复到 ${target.kind}（${target.kind === 'postgres' ? '请取消 DATABASE_URL' : '请设置 DATABASE_URL'}） / ` +
        `This backup is of ${manifest.dbKind} and cannot be restored into ${target.kind}.`,
    );
  const known = knownMigrationCount();
  if (manifest.migrations.applied > known)
    throw new BackupError(
      'NEWER_SCHEMA',
      `该备份来自更新的版本（迁移 ${manifest.migrations.applied} 个，本程序只知 ${known} 个），请用新版本恢复 / ` +
        `This backup comes from a newer version (${manifest.migrations.applied} migrations, this code knows ${known}).`,
    );
  const force = opts.force ?? false;
  const done =
    target.kind === 'pglite'
      ? await restorePglite(file, payloadOffset, manifest, target.dataDir, force)
      : await restorePostgres(file, payloadOffset, manifest, target.url, force);
  return { manifest, ...done };
}

/** The default file name of a backup: kind and time, sortable. */
export function defaultBackupFile(kind: 'pglite' | 'postgres', at: Date): string {
  return `openpes-${kind}-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}.backup`;
}

const totalRows = (tables: Record<string, number>) => Object.values(tables).reduce((a, b) => a + b, 0);

/** The lines the command line prints after a backup. */
export function describeBackup(file: string, m: BackupManifest): string[] {
  return [
    `备份完成 / Backup written: ${file}（${(m.payloadBytes / 1048576).toFixed(1)} MiB，权限 0600）`,
    `  数据库 / database: ${m.dbKind}，迁移 / migrations: ${m.migrations.applied}`,
    `  ${Object.keys(m.tables).length} 张表 / tables，共 ${totalRows(m.tables)} 行 / rows`,
    m.auditChain.ok
      ? `  审计链完整 / audit chain intact: ${m.auditChain.checked} 条 / rows`
      : `  警告：审计日志被篡改 / WARNING: audit chain broken: ${m.auditChain.problem}（备份已写出，作为证据保留 / kept as evidence）`,
    `  主密钥指纹 / key fingerprint: ${m.keyFingerprint}（密钥不在备份中，请另行保管 / the key is not in the backup; keep it apart）`,
  ];
}

/** The lines the command line prints after a verified restore. */
export function describeRestore(r: RestoreReport): string[] {
  return [
    `恢复完成并已校验 / Restored and verified: ${r.target}`,
    `  备份时间 / taken at: ${r.manifest.createdAt}，数据库 / database: ${r.manifest.dbKind}，迁移 / migrations: ${r.state.migrations.applied}`,
    `  ${Object.keys(r.state.tables).length} 张表共 ${totalRows(r.state.tables)} 行，逐表与清单一致 / every table's row count matches the manifest`,
    `  审计链完整 / audit chain intact: ${r.state.auditChain.checked} 条 / rows，链尾 / head ${r.state.auditHead?.seq ?? 0}`,
    `  主密钥指纹一致 / key fingerprint matches: ${r.manifest.keyFingerprint}`,
    ...(r.replaced ? [`  原数据库已移至 / the previous database was moved to: ${r.replaced}`] : []),
  ];
}
