import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobRuns, sessions } from '../db/schema.js';
import { createTestApp, loginAs, testDbKind, type TestApp } from '../testing/testApp.js';
import { sessionRules, sweepSessionsJob } from './auth.js';
import { createScheduler, type Scheduler } from './scheduler.js';

let t: TestApp;
let clock = new Date('2026-11-23T04:00:00Z');
let scheduler: Scheduler;
beforeAll(async () => {
  t = await createTestApp({ demo: false, now: () => clock });
  scheduler = createScheduler({ db: t.handle.db, now: () => clock, sealer: t.sealer });
  scheduler.register(sweepSessionsJob);
});
afterAll(() => t.close());

const runsOf = (jobName: string) => t.handle.db.select().from(jobRuns).where(eq(jobRuns.jobName, jobName));

describe('scheduler: every run is recorded, one instance runs a job at a time', () => {
  it('a run records its start, finish, outcome and summary', async () => {
    const ranAt: Date[] = [];
    scheduler.register({
      name: 'test.ok',
      pattern: '0 2 * * *',
      run: async (_ctx, now) => {
        ranAt.push(now);
        clock = new Date(clock.getTime() + 1500);
        return { summary: '处理 3 条' };
      },
    });
    const started = clock;
    const run = await scheduler.runJobNow('test.ok');
    expect(ranAt).toEqual([started]);
    expect(run).toMatchObject({ jobName: 'test.ok', outcome: 'ok', detail: '处理 3 条', startedAt: started, finishedAt: clock });
    expect(await runsOf('test.ok')).toEqual([run]);
  });

  it('a failing job is recorded as failed with its message, its changes are undone, and nothing is thrown', async () => {
    scheduler.register({
      name: 'test.fails',
      pattern: '0 3 * * *',
      run: async (ctx) => {
        await ctx.db
          .insert(jobRuns)
          .values({ id: crypto.randomUUID(), jobName: 'test.fails.inner', startedAt: clock, finishedAt: clock, outcome: 'ok' });
        throw new Error('上游接口无响应');
      },
    });
    const run = await scheduler.runJobNow('test.fails');
    expect(run).toMatchObject({ outcome: 'failed', detail: '上游接口无响应' });
    expect(await runsOf('test.fails')).toHaveLength(1);
    expect(await runsOf('test.fails.inner')).toEqual([]);
  });

  it.skipIf(testDbKind !== 'postgres')(
    'two instances running the same job at once: one runs it, the other records skipped (advisory lock)',
    async () => {
      // A second scheduler on the same database stands for a second instance.
      const other = createScheduler({ db: t.handle.db, now: () => clock, sealer: t.sealer });
      let executions = 0;
      let entered!: () => void;
      let release!: () => void;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      const gate = new Promise<void>((resolve) => (release = resolve));
      const job = {
        name: 'test.exclusive',
        pattern: '*/5 * * * *',
        run: async () => {
          executions += 1;
          entered();
          await gate;
          return {};
        },
      };
      scheduler.register(job);
      other.register(job);
      const first = scheduler.runJobNow('test.exclusive');
      await inside;
      const second = await other.runJobNow('test.exclusive');
      release();
      expect(second).toMatchObject({ outcome: 'skipped', detail: '另一实例正在运行该任务' });
      expect(await first).toMatchObject({ outcome: 'ok' });
      expect(executions).toBe(1);
    },
  );

  it('an unknown job name is NOT_FOUND', async () => {
    await expect(scheduler.runJobNow('test.nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('NET-1 sessions.sweep', () => {
  it('deletes sessions idle past the limit and keeps live ones; the old token is refused', async () => {
    const idle = await loginAs(t.app, 'admin');
    clock = new Date(clock.getTime() + sessionRules.idleMs - 60_000);
    const live = await loginAs(t.app, 'admin');
    clock = new Date(clock.getTime() + 2 * 60_000);
    expect(await t.handle.db.select().from(sessions)).toHaveLength(2);
    const run = await scheduler.runJobNow('sessions.sweep');
    expect(run).toMatchObject({ outcome: 'ok', detail: expect.stringContaining('删除过期会话 1 个') });
    expect(await t.handle.db.select().from(sessions)).toHaveLength(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: idle })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: live })).statusCode).toBe(200);
  });
});

describe('GET /jobs/runs', () => {
  it('an admin sees recent runs, newest first; anyone else gets 403', async () => {
    const admin = await loginAs(t.app, 'admin');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/jobs/runs?pageSize=100', headers: admin });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { jobName: string; startedAt: string }[];
    expect(items.map((r) => r.jobName)).toEqual(expect.arrayContaining(['test.ok', 'test.fails', 'sessions.sweep']));
    expect([...items].sort((a, b) => b.startedAt.localeCompare(a.startedAt))).toEqual(items);

    const unit = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: admin,
      payload: { name: '小店区人社局', regionCode: '140105000000', type: 'labour_bureau' },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: admin,
      payload: { username: 'xd_clerk', name: '经办员', unitId: unit.json().id, roles: ['clerk'], password: 'Clerk12345' },
    });
    const clerk = await loginAs(t.app, 'xd_clerk', 'Clerk12345');
    const denied = await t.app.inject({ method: 'GET', url: '/api/v1/jobs/runs', headers: clerk });
    expect(denied.statusCode).toBe(403);
  });
});
