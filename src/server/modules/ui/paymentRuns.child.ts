// A payment run in its own process, for the kill -9 test of paymentRuns.api.test.ts (UI-3): it
// builds the run of a month on a PostgreSQL database as a finance officer, a few claims per
// chunk, prints `chunk <n> <runId>` after each committed chunk and waits for a line on stdin
// before the next, so the test can kill it with SIGKILL at a known point without sleeping.
// Usage: tsx paymentRuns.child.ts <ownerUrl> <username> <scope> <month> <chunkClaims>
import crypto from 'node:crypto';
import readline from 'node:readline';
import { openDatabase } from '../../db/connection.js';
import { scopedDatabase } from '../../db/rowSecurity.js';
import type { Ctx } from '../../platform/context.js';
import { createSealer } from '../../platform/crypto.js';
import { createPaymentRun } from './paymentRuns.js';

const [url, username, scope, month, chunk] = process.argv.slice(2) as [string, string, string, string, string];
const handle = await openDatabase({ url });
const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const ctx: Ctx = {
  db: scopedDatabase(handle.db, scope),
  actor: { id: null, username, name: username, unitId: null, scope, roles: ['finance'] },
  requestId: 'payment-run-child',
  now: () => new Date(),
  sealer: createSealer(crypto.randomBytes(32)),
};
const run = await createPaymentRun(ctx, month, {
  chunkClaims: Number(chunk),
  afterChunk: async (n, runId) => {
    process.stdout.write(`chunk ${n} ${runId}\n`);
    await lines.next();
  },
});
process.stdout.write(`done ${run.id}\n`);
await handle.close();
process.exit(0);
