// SYS-3: the data directory (every citizen's record, the sealing key) is its owner's only.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? [p, ...filesUnder(p)] : [p];
  });
}

describe('data files (SYS-3)', () => {
  it('SYS-3 PGlite files and the generated key are neither readable nor writable by other users', { timeout: 60_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpes-files-'));
    try {
      const dataDir = path.join(dir, 'data');
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'migrate'], {
        env: { ...process.env, OPENPES_DATA_DIR: dataDir, DATABASE_URL: '', OPENPES_SECRET_KEY: '' },
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      const files = filesUnder(dataDir);
      expect(files.length).toBeGreaterThan(10);
      // Other users can neither list nor enter the data directory, so no file below it is theirs to
      // read or write, whatever its own mode; the key and everything this process writes itself is 0600.
      for (const d of [dataDir, path.join(dataDir, 'pglite')]) expect(fs.statSync(d).mode & 0o077, d).toBe(0);
      expect(fs.statSync(path.join(dataDir, 'secret.key')).mode & 0o077).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
