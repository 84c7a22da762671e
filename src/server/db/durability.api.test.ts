// SYS-4: data in the embedded database survives a restart and a kill -9 in the middle of writes.
// It starts the real server on PGlite, so it runs once, in the api-pglite project; the api-postgres
// project skips it (PostgreSQL's own durability is not ours to test).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDbKind } from '../testing/testApp.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpes-durability-'));
const port = 20000 + (process.pid % 20000);
const base = `http://127.0.0.1:${port}/api/v1`;
let child: ChildProcess | undefined;

function startServer(): ChildProcess {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      OPENPES_DATA_DIR: dataDir,
      OPENPES_DEMO: '0',
      OPENPES_REGIONS: '1401',
      OPENPES_ADMIN_PASSWORD: 'Admin12345',
      // Without a demo the admin role requires two-factor sign-in by default; this test writes as admin with the password alone.
      OPENPES_REQUIRE_2FA_ROLES: 'none',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', fs.openSync(path.join(os.tmpdir(), 'openpes-durability.log'), 'a')],
  });
  return proc;
}

async function waitForHealth(): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy');
}

async function token(): Promise<string> {
  const res = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'Admin12345' }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** Resolves when the process has exited, also when it already has. */
function exited(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => proc.once('exit', () => resolve()));
}

afterAll(() => {
  child?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.runIf(testDbKind === 'pglite')('SYS-4 durability of the embedded database', () => {
  it('SYS-4 every write acknowledged before a kill -9 is there after restart, and the chain of audit rows is whole', async () => {
    child = startServer();
    await waitForHealth();
    const auth = { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' };
    const acknowledged: string[] = [];
    const refused: string[] = [];
    let n = 0;
    const writer = async () => {
      for (;;) {
        const i = n++;
        const res = await fetch(`${base}/units`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ name: `掉电测试机构${i}`, regionCode: '140100000000', type: 'training_office' }),
        }).catch(() => null);
        if (!res) return;
        if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
        else refused.push(`${res.status} ${await res.text()}`);
      }
    };
    const writers = [writer(), writer(), writer()];
    const deadline = Date.now() + 60_000;
    while (acknowledged.length < 30) {
      if (Date.now() > deadline || refused.length > 0) throw new Error(`writes did not land: ${refused.slice(0, 3).join(' | ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const killed = exited(child);
    child.kill('SIGKILL');
    await killed;
    await Promise.all(writers);

    child = startServer();
    await waitForHealth();
    const again = { authorization: `Bearer ${await token()}` };
    const list = (await (await fetch(`${base}/units?pageSize=100&q=${encodeURIComponent('掉电测试机构')}`, { headers: again })).json()) as {
      items: { id: string }[];
      total: number;
    };
    const stored = new Set(list.items.map((u) => u.id));
    expect(list.total).toBeGreaterThanOrEqual(acknowledged.length);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    const verify = (await (await fetch(`${base}/audit/verify`, { headers: again })).json()) as { ok: boolean };
    expect(verify.ok).toBe(true);
    const stopped = exited(child);
    child.kill('SIGTERM');
    await stopped;
    child = undefined;
  }, 180_000);
});
