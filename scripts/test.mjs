// `npm test`: lint, typecheck, build the web UI, then every Vitest project: unit, the API suite on
// PGlite and on PostgreSQL, and browser tests in Debian's Chromium. Ends with one line
// "N passed, N failed" summing all of them (also written to .test-summary for .ci/run).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const isRoot = process.getuid?.() === 0;
const bin = (name) => path.join(root, 'node_modules/.bin', name);
let passed = 0;
let failed = 0;

function run(cmd, args, opts = {}) {
  console.log(`\n$ ${[cmd, ...args].join(' ')}`);
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts }).status ?? 1;
}

/** A check that is one test: passes when the command exits 0. */
function check(name, cmd, args) {
  const ok = run(cmd, args) === 0;
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? '✓' : '✗'} ${name}`);
}

function chromiumPath() {
  return ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => fs.existsSync(p));
}

function hasCjkFont() {
  const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

/** Debian's Chromium and a CJK font for the browser tests; installed here only as root. */
function ensureChromium() {
  if (chromiumPath() && hasCjkFont()) return true;
  if (!isRoot) {
    console.error('浏览器测试需要 Debian 的 Chromium 和中文字体：sudo apt-get install -y chromium fonts-wqy-microhei');
    return false;
  }
  console.log('Installing Debian packages chromium and fonts-wqy-microhei for the browser tests …');
  run('apt-get', ['update', '-qq']);
  return (
    run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-wqy-microhei'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }) === 0 && !!chromiumPath()
  );
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.setTimeout(2000, () => (socket.destroy(), resolve(false)));
  });
}

/** PostgreSQL on 127.0.0.1:5432, started with pg_ctlcluster when it is installed but stopped. */
async function ensurePostgres() {
  if (process.env.OPENPES_TEST_PG_URL || (await portOpen(5432))) return true;
  if (isRoot && fs.existsSync('/etc/postgresql')) {
    for (const version of fs.readdirSync('/etc/postgresql')) run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']);
    for (let i = 0; i < 20 && !(await portOpen(5432)); i++) await new Promise((r) => setTimeout(r, 500));
  }
  return portOpen(5432);
}

check('lint', bin('eslint'), ['.']);
check('format', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
check('module boundaries', bin('depcruise'), ['src', '--config', '.dependency-cruiser.cjs']);
check('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
check('web build', process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);

const projects = ['unit', 'api-pglite'];
if (await ensurePostgres()) projects.push('api-postgres');
else if (ci) {
  console.error('CI must run the API suite on PostgreSQL, but 127.0.0.1:5432 is not reachable.');
  failed++;
} else
  console.warn(
    'PostgreSQL is not reachable on 127.0.0.1:5432: the API suite runs on PGlite only (set OPENPES_TEST_PG_URL to use another server).',
  );
if (ensureChromium()) projects.push('e2e');
else failed++;

const report = path.join(root, '.test-report.json');
fs.rmSync(report, { force: true });
run(bin('vitest'), [
  'run',
  ...projects.flatMap((p) => ['--project', p]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // A file that fails before its tests run (import error, failing beforeAll) counts as a failure.
  failed += r.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed')).length;
} else failed++;

const summary = `${passed} passed, ${failed} failed`;
fs.writeFileSync(path.join(root, '.test-summary'), summary + '\n');
console.log(`\n${summary}`);
process.exit(failed > 0 ? 1 : 0);
