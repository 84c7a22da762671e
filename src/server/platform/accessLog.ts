// The access log of personal data (SYS-2; PIPL arts. 28, 51): every look at a person's record —
// opening it, a lookup by ID number, an export of a list they are in, a reveal of an identifier —
// is recorded with who, from which unit, when and how many rows. Reads are the hot path, so a
// read only notes its entries in memory; they are written in batches, soon after (at most
// `flushEveryMs` later or once `batchSize` are waiting) and on a clean shutdown, before the
// database closes. Queries of the log flush first, so they see every look made before them.
import crypto from 'node:crypto';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/connection.js';
import { personAccessLog, units } from '../db/schema.js';

export type AccessAction = 'view' | 'lookup' | 'export' | 'reveal';

/** One look at one person's record. */
export interface AccessEntry {
  personId: string;
  /** The person's region (the log is read within the reader's jurisdiction). */
  regionCode: string;
  action: AccessAction;
  /** For exports: the rows of the list the person was in. */
  rows?: number | undefined;
  /** Who looked, when it was not a staff member of a unit (an employer account's name). */
  unitName?: string | undefined;
}

/** Who looks, and when: the part of a use case's context (platform/context.ts Ctx) the log needs. */
export interface Looker {
  actor: { id: string | null; username: string; unitId: string | null };
  requestId: string;
  now: () => Date;
  accessLog?: AccessLog | undefined;
}

export interface AccessLog {
  /** Notes looks by the context's actor; returns at once. */
  note(ctx: Looker, entries: AccessEntry[]): void;
  /** Writes everything noted so far. */
  flush(): Promise<void>;
}

type Row = typeof personAccessLog.$inferInsert;

/** An access log writing to `db` in batches; `close` flushes and stops the timer. */
export function createAccessLog(
  db: Database,
  opts: { batchSize?: number; flushEveryMs?: number; onError?: (err: unknown) => void } = {},
): AccessLog & { close(): Promise<void> } {
  const batchSize = opts.batchSize ?? 500;
  const flushEveryMs = opts.flushEveryMs ?? 1000;
  let pending: Row[] = [];
  // One opening of a record is one look, though the page fetches the person, their registrations
  // and more: repeated views by the same actor within a minute are noted once.
  const lastView = new Map<string, number>();
  const viewWindowMs = 60_000;
  let timer: NodeJS.Timeout | null = null;
  // Flushes run one after another, so rows keep their order and none is written twice.
  let chain: Promise<void> = Promise.resolve();

  const write = async (rows: Row[]) => {
    const unitIds = [...new Set(rows.filter((r) => r.unitId && r.unitName === undefined).map((r) => r.unitId!))];
    const names = new Map(
      unitIds.length
        ? (await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds))).map((u) => [u.id, u.name])
        : [],
    );
    for (const r of rows) if (r.unitName === undefined) r.unitName = r.unitId ? (names.get(r.unitId) ?? null) : null;
    for (let i = 0; i < rows.length; i += 1000) await db.insert(personAccessLog).values(rows.slice(i, i + 1000));
  };

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const rows = pending;
    pending = [];
    chain = chain
      .then(() => (rows.length ? write(rows) : undefined))
      .catch((err: unknown) => {
        // Kept for the next flush rather than lost: a look that happened stays recorded.
        pending = rows.concat(pending);
        opts.onError?.(err);
      });
    return chain;
  };

  return {
    note(ctx, entries) {
      const at = ctx.now();
      if (lastView.size > 10_000) lastView.clear();
      for (const e of entries) {
        if (e.action === 'view') {
          const key = `${ctx.actor.username}|${e.personId}`;
          const last = lastView.get(key);
          if (last !== undefined && at.getTime() - last < viewWindowMs && at.getTime() >= last) continue;
          lastView.set(key, at.getTime());
        }
        pending.push({
          id: crypto.randomUUID(),
          at,
          personId: e.personId,
          regionCode: e.regionCode,
          actorId: ctx.actor.id,
          actorUsername: ctx.actor.username,
          unitId: ctx.actor.unitId,
          ...(e.unitName !== undefined ? { unitName: e.unitName } : {}),
          action: e.action,
          rows: e.rows ?? null,
          requestId: ctx.requestId,
        });
      }
      if (pending.length >= batchSize) void flush();
      else if (!timer && pending.length > 0) {
        timer = setTimeout(() => void flush(), flushEveryMs);
        timer.unref();
      }
    },
    flush,
    close: flush,
  };
}

/** Notes looks at personal data through the context's access log (none outside requests: start-up, CLI). */
export function noteAccess(ctx: Looker, entries: AccessEntry[]): void {
  if (entries.length) ctx.accessLog?.note(ctx, entries);
}

/** The looks at one person's record, newest first (the caller has settled who may read them). */
export async function accessesOf(db: Database, personId: string, paging: { limit: number; offset: number }) {
  const where = eq(personAccessLog.personId, personId);
  const [items, counted] = await Promise.all([
    db
      .select({
        at: personAccessLog.at,
        actorUsername: personAccessLog.actorUsername,
        unitName: personAccessLog.unitName,
        action: personAccessLog.action,
        rows: personAccessLog.rows,
      })
      .from(personAccessLog)
      .where(where)
      .orderBy(desc(personAccessLog.at), desc(personAccessLog.id))
      .limit(paging.limit)
      .offset(paging.offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(personAccessLog)
      .where(where),
  ]);
  return { items, total: counted[0]?.total ?? 0 };
}
