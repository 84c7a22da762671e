// Browser-test harness: the API server with the built web UI on a random port, Debian's
// Chromium through playwright-core, and helpers for antd widgets and screenshots.
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { createTestApp, testAdminPassword, type TestApp } from '../../src/server/testing/testApp.js';

export { testAdminPassword };

export const webDir = path.resolve('dist/web');
export const screenshotDir = path.resolve('e2e/screenshots');

/** Starts the app on 127.0.0.1:<random> serving dist/web; fails clearly when the UI is not built. */
export async function startApp(): Promise<{ test: TestApp; baseUrl: string }> {
  if (!fs.existsSync(path.join(webDir, 'index.html'))) {
    throw new Error('dist/web/index.html is missing: build the web UI first with `npx vite build`');
  }
  const test = await createTestApp({ webDir });
  await test.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = test.app.server.address() as AddressInfo;
  return { test, baseUrl: `http://127.0.0.1:${port}` };
}

export interface BrowserSession {
  /** The running app (valid inside tests). */
  readonly test: TestApp;
  /** A page in a new cookie-less context; closed with the session. */
  freshPage(): Promise<Page>;
}

/**
 * Registers beforeAll/afterAll that start the app and Chromium for one test file and close
 * every context, the browser and the app afterwards.
 */
export function useBrowserSession(): BrowserSession {
  let test: TestApp | undefined;
  let baseUrl = '';
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    ({ test, baseUrl } = await startApp());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await test?.close();
  });
  return {
    get test() {
      if (!test) throw new Error('the app is not started yet');
      return test;
    },
    async freshPage() {
      const context = await newContext(browser!, baseUrl);
      contexts.push(context);
      return context.newPage();
    },
  };
}

/** Debian's Chromium: the real binary avoids the wrapper script's warning. */
function chromiumPath(): string {
  for (const candidate of ['/usr/lib/chromium/chromium', '/usr/bin/chromium']) if (fs.existsSync(candidate)) return candidate;
  throw new Error('Chromium not found: apt-get install -y chromium fonts-wqy-microhei');
}

/** Launches headless Chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context (no cookies) in Chinese, Shanghai time, with all motion off for stable screenshots. */
export async function newContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    reducedMotion: 'reduce',
    acceptDownloads: true,
  });
  await context.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const style = document.createElement('style');
      style.textContent = '*,*::before,*::after{transition:none!important;animation:none!important;caret-color:transparent!important}';
      document.head.appendChild(style);
    });
  });
  return context;
}

/**
 * Saves a screenshot as e2e/screenshots/<name>.png, without passing toasts; full page unless a
 * drawer or dialog is open (an overlay covers only the viewport).
 */
export async function shot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? true, style: '.ant-message { display: none !important; }' });
  return file;
}

/** Fills the login form (the page is on it or being sent to it) and waits for the signed-in frame. */
export async function login(page: Page, username: string, password = testAdminPassword): Promise<void> {
  if (page.url() === 'about:blank') await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page
    .getByRole('button', { name: '登 录' })
    .or(page.getByRole('button', { name: '登录' }))
    .click();
  await page.getByTestId('current-user').waitFor();
}

/**
 * Opens the user menu of the header (the name, the unit, 账号安全, 修改密码) and, given an item's
 * label, clicks it.
 */
export async function userMenu(page: Page, item?: string): Promise<Locator> {
  await page.getByTestId('current-user').click();
  const menu = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)');
  await menu.waitFor();
  if (item) await menu.getByRole('menuitem', { name: item }).click();
  return menu;
}

/** Signs out through the header button and waits for the login page. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: /退出登录/ }).click();
  await page.waitForURL(/\/login/);
}

/**
 * Opens an antd Select and clicks the option with exactly this label; `search` types the label
 * first, for long (virtual) option lists that render only the options in view.
 */
export async function choose(page: Page, select: Locator, label: string, opts: { search?: boolean } = {}): Promise<void> {
  await select.click();
  if (opts.search) await page.keyboard.type(label);
  const option = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) });
  await option.first().click();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Clicks the dialog's primary button (antd puts a space between two Chinese characters). */
export async function confirmDialog(page: Page, label: string): Promise<void> {
  const spaced = label.length === 2 ? `${label[0]} ${label[1]}` : label;
  await page
    .locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary')
    .filter({ hasText: new RegExp(`^(${escapeRegExp(label)}|${escapeRegExp(spaced)})$`) })
    .click();
}
