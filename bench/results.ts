// Machine-readable benchmark results (shared/API.md, "Benchmarks"): bench/results/<step>.json.
import fs from 'node:fs';
import path from 'node:path';

/** Writes bench/results/<step>.json (pretty, trailing newline) and returns its path. */
export function writeBenchResults(step: string, results: object): string {
  const file = path.resolve('bench', 'results', `${step}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
