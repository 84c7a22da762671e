// The module rules of docs/architecture.md "Layers" are enforced by `npm run lint` through
// .dependency-cruiser.cjs. This runs that configuration over a fixture tree that breaks the rules,
// so a rule that stopped matching (a renamed folder, a typo in a pattern) fails here.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const fixture = path.join(import.meta.dirname, 'fixtures/boundaries');

function cruise(cwd: string) {
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
      'src',
      '--config',
      path.join(root, '.dependency-cruiser.cjs'),
    ],
    { cwd, encoding: 'utf8' },
  );
  const violations = [...result.stdout.matchAll(/^\s*error ([\w-]+): (\S+) → (\S+)$/gm)].map((m) => `${m[1]}: ${m[2]} → ${m[3]}`);
  return { status: result.status, violations };
}

describe('module boundaries (lint)', () => {
  it('an upward import between layers and an import past a module index are both errors', { timeout: 60_000 }, () => {
    const { status, violations } = cruise(fixture);
    expect(status).not.toBe(0);
    expect(violations).toEqual(
      expect.arrayContaining([
        'layer-order-persons: src/server/modules/persons/service.ts → src/server/modules/vacancies/index.ts',
        'module-index-only: src/server/modules/referrals/service.ts → src/server/modules/persons/service.ts',
      ]),
    );
    // Importing another module through its index, downward, is allowed.
    expect(violations.filter((v) => v.includes('referrals/service.ts → src/server/modules/vacancies/index.ts'))).toEqual([]);
  });
});
