// The staff UI as each role meets it (issue 12, SYS-1, SYS-5), at the bureau's common screens:
// the header holds one line at 1366×768 and 1280×800 for the community clerk with the longest demo
// unit name; every role lands on its own work; links and buttons are only those the role can
// follow and use (a job officer reaches seekers through 求职人员, a leader sees no 办理).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loginAs } from '../src/server/testing/testApp.js';
import { login, shot, useBrowserSession, userMenu } from './support/harness.js';

const session = useBrowserSession();

async function apiGet<T>(username: string, url: string): Promise<T> {
  const res = await session.test.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: await loginAs(session.test.app, username) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

interface StaffRow {
  username: string;
  name: string;
  unitName: string | null;
  roles: string[];
}

/** The demo's community clerk whose unit has the longest name (the hardest header to fit). */
async function longestCommunityClerk(): Promise<StaffRow> {
  const staff = await apiGet<{ items: StaffRow[] }>('admin', '/staff?pageSize=100');
  const clerks = staff.items.filter((s) => /^c\d{12}_clerk$/.test(s.username));
  expect(clerks.length).toBeGreaterThan(20);
  return clerks.reduce((a, b) => ((b.unitName ?? '').length + b.name.length > (a.unitName ?? '').length + a.name.length ? b : a));
}

/** The header's height and whether anything in it is cut off or wrapped. */
async function headerFit(page: Page) {
  return page.getByTestId('app-header').evaluate((header) => {
    const overflowing = [...header.querySelectorAll<HTMLElement>('*')].filter((el) => el.getBoundingClientRect().bottom > 64 + 1);
    return {
      height: Math.round(header.getBoundingClientRect().height),
      overflowX: header.scrollWidth > header.clientWidth,
      below: overflowing.map((el) => el.textContent?.slice(0, 20)),
    };
  });
}

describe('SYS-5 the header at common bureau screens', () => {
  it('SYS-5 a community clerk with the longest unit name gets a one-line header at 1366×768 and 1280×800', async () => {
    const clerk = await longestCommunityClerk();
    const page = await session.freshPage();
    await page.goto('/');
    await login(page, clerk.username);
    await page.waitForURL(/\/persons$/);
    await page.getByText('人员台账').first().waitFor();
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1280, height: 800 },
    ]) {
      await page.setViewportSize(viewport);
      await expect.poll(() => headerFit(page)).toEqual({ height: 64, overflowX: false, below: [] });
      await shot(page, `header-community-clerk-${viewport.width}`, { fullPage: false });
    }
    // The unit, 账号安全 and 修改密码 are in the user menu.
    const menu = await userMenu(page);
    expect(await menu.getByTestId('user-menu-who').textContent()).toContain(clerk.unitName);
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['账号安全', '修改密码']);
    await shot(page, 'header-user-menu', { fullPage: false });
  });
});
