import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from '../testing/testApp.js';
import { createDemoPopulation } from './population.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-11-23T04:00:00Z') });
});
afterAll(() => t.close());

describe('demo population made through the services', () => {
  it('REG-1 / AID-3 every demo community gets persons and households, with zero-employment cases open, due soon and overdue', async () => {
    const summary = await createDemoPopulation(t.systemCtx, 3);
    // 3 generated, 6 in zero-employment households, 2 graduates and 2 retirees per community.
    expect(summary.persons).toBe(27 * (3 + 6 + 2 + 2));
    const headers = await loginAs(t.app, 'taiyuan_admin');
    const total = async (status: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/assistance/zero-employment-cases?status=${status}&pageSize=1`, headers })).json()
        .total as number;
    expect(await total('open')).toBeGreaterThanOrEqual(27);
    expect(await total('due_soon')).toBeGreaterThanOrEqual(27);
    expect(await total('overdue')).toBeGreaterThanOrEqual(27);
    const unemployed = await t.app.inject({ method: 'GET', url: '/api/v1/persons?status=unemployed&pageSize=1', headers });
    expect(unemployed.json().total).toBeGreaterThan(0);
  }, 120_000);
});
