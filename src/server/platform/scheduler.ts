// Scheduled jobs in the server process: croner fires them by cron pattern in Beijing time, and
// every run is one row of job_runs. Several instances may share one PostgreSQL database, so a run
// first takes pg_try_advisory_xact_lock(hashtext(job name)) in the transaction the job runs in: an
// instance that finds the lock taken records 'skipped' and does nothing. The lock stops two runs at
// once, not two runs one after the other (instances' clocks differ by a little), so every job must
// be idempotent. The job's changes commit or roll back together; the job_runs row is written
// after, outside that transaction, so a failed run is recorded although its changes are undone.
import crypto from 'node:crypto';
import { Cron } from 'croner';
import { count, desc, sql } from 'drizzle-orm';
import type { Database } from '../db/connection.js';
import { jobRuns } from '../db/schema.js';
import type { Clock } from './clock.js';
import { requireRole, systemActor, type Ctx } from './context.js';
import type { Sealer } from './crypto.js';
import { AppError } from './errors.js';
import type { Paging } from './http.js';

/** What a job gets: a system context on the job's transaction, and the instant the run started. */
export type JobFn = (ctx: Ctx, now: Date) => Promise<{ summary?: string }>;

export interface ScheduledJob {
  /** Also the advisory lock's key: instances agree on who runs by the name alone. */
  name: string;
  /** Cron pattern (croner syntax, seconds optional), read in Asia/Shanghai time. */
  pattern: string;
  run: JobFn;
}

export type JobRun = typeof jobRuns.$inferSelect;

export interface SchedulerDeps {
  db: Database;
  now: Clock;
  sealer: Sealer;
  /** Where a run that could not even be recorded is reported (the database is down, say). */
  onError?: (err: unknown, jobName: string) => void;
}

export interface Scheduler {
  /** Adds a job; names are unique. Jobs fire only after start(). */
  register(job: ScheduledJob): void;
  /** Starts the timers of all registered jobs. */
  start(): void;
  /** Stops the timers; a run in progress finishes on its own. */
  stop(): void;
  /** Runs a job at once, as its timer would, and returns the recorded run (never throws for a failing job). */
  runJobNow(name: string): Promise<JobRun>;
}

export const schedulerTimeZone = 'Asia/Shanghai';

/** A scheduler over one database; nothing runs until start() or runJobNow(). */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const jobs = new Map<string, ScheduledJob>();
  const timers: Cron[] = [];

  async function runJobNow(name: string): Promise<JobRun> {
    const job = jobs.get(name);
    if (!job) throw new AppError('NOT_FOUND', `定时任务 ${name} 不存在`);
    const id = crypto.randomUUID();
    const startedAt = deps.now();
    let outcome: JobRun['outcome'];
    let detail: string | null;
    try {
      const result = await deps.db.transaction(async (tx) => {
        // Both drivers answer a raw query with { rows }.
        const lock = (await tx.execute(sql`SELECT pg_try_advisory_xact_lock(hashtext(${job.name})) AS locked`)) as unknown as {
          rows: { locked: boolean }[];
        };
        if (!lock.rows[0]?.locked) return null;
        const ctx: Ctx = {
          db: tx as unknown as Database,
          actor: systemActor,
          requestId: `job:${job.name}:${id}`,
          now: deps.now,
          sealer: deps.sealer,
          inTransaction: true,
        };
        return job.run(ctx, startedAt);
      });
      outcome = result ? 'ok' : 'skipped';
      detail = result ? (result.summary ?? null) : '另一实例正在运行该任务';
    } catch (err) {
      // Recorded, not rethrown: a failing job must not stop the timers or the other jobs.
      outcome = 'failed';
      detail = err instanceof Error ? err.message : String(err);
    }
    const [row] = await deps.db
      .insert(jobRuns)
      .values({ id, jobName: name, startedAt, finishedAt: deps.now(), outcome, detail })
      .returning();
    return row!;
  }

  return {
    register(job) {
      if (jobs.has(job.name)) throw new Error(`scheduled job ${job.name} registered twice`);
      jobs.set(job.name, job);
    },
    start() {
      for (const job of jobs.values()) {
        // protect: a run still going when the next is due makes that one wait its turn out.
        const timer = new Cron(job.pattern, { name: job.name, timezone: schedulerTimeZone, protect: true, unref: true }, async () => {
          await runJobNow(job.name).catch((err: unknown) => deps.onError?.(err, job.name));
        });
        timers.push(timer);
      }
    },
    stop() {
      for (const timer of timers.splice(0)) timer.stop();
    },
    runJobNow,
  };
}

/** Recent runs of every job, newest first (admins only: jobs act for the whole system). */
export async function listJobRuns(ctx: Ctx, paging: Paging) {
  requireRole(ctx, 'admin');
  const [items, [total]] = await Promise.all([
    ctx.db.select().from(jobRuns).orderBy(desc(jobRuns.startedAt)).limit(paging.limit).offset(paging.offset),
    ctx.db.select({ n: count() }).from(jobRuns),
  ]);
  return { items, total: total?.n ?? 0 };
}
