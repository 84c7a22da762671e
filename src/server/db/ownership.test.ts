// Each table has one owner (the file of db/tables it is declared in), and only the owner's code
// writes it (docs/architecture.md "Layers"): other modules call the owner's use case or hear its
// events. This reads every source file of the modules, platform and policy and finds each write —
// Drizzle's insert/update/delete, a bulk insert by table name, or INSERT/UPDATE/DELETE in raw SQL —
// and checks its table belongs to the file's owner.
import fs from 'node:fs';
import path from 'node:path';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';

const server = path.resolve(import.meta.dirname, '..');

/** Owner of each table, by its TypeScript export name and by its SQL name. */
async function tableOwners(): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (const file of fs.readdirSync(path.join(server, 'db/tables'))) {
    const owner = file.replace(/\.ts$/, '');
    const tables = (await import(path.join(server, 'db/tables', file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(tables)) {
      if (!is(value, PgTable)) continue;
      owners.set(name, owner);
      owners.set(getTableName(value), owner);
    }
  }
  return owners;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The owner a source file writes as: its module, or platform / policy. */
function ownerOf(file: string): string {
  const rel = path.relative(server, file).split(path.sep);
  return rel[0] === 'modules' ? rel[1]! : rel[0]!;
}

const writePatterns = [
  /\.(?:insert|update|delete)\(\s*(\w+)\s*\)/g,
  /bulkInsert\([^,]+,\s*'(\w+)'/g,
  /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?/g,
];

/** Every (file, table) a file writes. */
function writesIn(file: string, owners: Map<string, string>): { table: string; owner: string }[] {
  const text = fs.readFileSync(file, 'utf8');
  return writePatterns.flatMap((re) =>
    [...text.matchAll(re)]
      .map((m) => m[1]!)
      .filter((t) => owners.has(t))
      .map((table) => ({ table, owner: owners.get(table)! })),
  );
}

describe('table ownership', () => {
  it('no module, nor platform or policy, writes a table another one owns', async () => {
    const owners = await tableOwners();
    const files = ['modules', 'platform', 'policy'].flatMap((d) => sourceFiles(path.join(server, d)));
    const foreign = files.flatMap((file) =>
      writesIn(file, owners)
        .filter((w) => w.owner !== ownerOf(file))
        .map((w) => `${path.relative(server, file)} writes ${w.table} (owned by ${w.owner})`),
    );
    expect(foreign).toEqual([]);
  });

  it('the scan finds writes in each form it checks, so the rule above cannot pass by finding nothing', async () => {
    const owners = await tableOwners();
    const persons = path.join(server, 'modules/persons');
    const writes = sourceFiles(persons).flatMap((f) => writesIn(f, owners).map((w) => w.table));
    expect(writes).toEqual(expect.arrayContaining(['persons']));
    expect(owners.get('persons')).toBe('persons');
    expect(owners.get('vacancies')).toBe('vacancies');
    expect(owners.get('audit_log')).toBe('platform');
    const sample =
      "await ctx.db.update(vacancies).set({ filled: 1 }); await bulkInsert(tx.db, 'persons', cols, rows); sql`UPDATE referrals SET outcome = 'hired'`";
    const found = writePatterns.flatMap((re) => [...sample.matchAll(re)].map((m) => m[1]));
    expect(found).toEqual(['vacancies', 'persons', 'referrals']);
  });
});
