// Machine-readable benchmark results (shared/API.md, "Benchmarks"): bench/results/<step>.json.
import fs from 'node:fs';
import path from 'node:path';

const databases = ['pglite', 'postgres'];

/**
 * Writes bench/results/<step>.json (pretty, trailing newline) and returns its path. A run of one
 * database (BENCH_DB) keeps the other database's figures already in the file when the sizes are
 * the same, so the file always holds the latest run of each at one size.
 */
export function writeBenchResults(step: string, results: Record<string, unknown>): string {
  const file = path.resolve('bench', 'results', `${step}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let kept: Record<string, unknown> = {};
  if (fs.existsSync(file)) {
    const before = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    const sameSizes = Object.keys(results)
      .filter((k) => !databases.includes(k))
      .every((k) => before[k] === results[k]);
    if (sameSizes) kept = Object.fromEntries(databases.filter((d) => before[d] && !results[d]).map((d) => [d, before[d]]));
  }
  fs.writeFileSync(file, `${JSON.stringify({ ...results, ...kept }, null, 2)}\n`);
  return file;
}
