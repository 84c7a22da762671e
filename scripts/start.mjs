// `npm start`: builds the web UI when it is missing or older than its sources, then runs the
// server (migrations, first-start bootstrap, HTTP) and passes stop signals on to it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const builtIndex = path.join(root, 'dist/web/index.html');

/** Newest modification time of the files under the given paths. */
function newest(paths) {
  let max = 0;
  for (const p of paths) {
    if (!fs.existsSync(p)) continue;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) max = Math.max(max, newest(fs.readdirSync(p).map((f) => path.join(p, f))));
    else max = Math.max(max, stat.mtimeMs);
  }
  return max;
}

const sources = ['src/web', 'src/shared', 'index.html', 'vite.config.ts'].map((p) => path.join(root, p));
if (!fs.existsSync(builtIndex) || newest(sources) > fs.statSync(builtIndex).mtimeMs) {
  console.log('正在构建网页界面（首次启动约需一分钟）…');
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/main.ts'), 'start'], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
