/**
 * A real browser for the console's scenarios: Debian's Chromium driven by playwright-core (its own
 * browser download cannot be reached here). Flags as the machine notes give them: no sandbox as
 * root, no GPU, no background networking on a closed network, a fresh profile each launch.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { PASSWORD } from './console.js';
import { ROOT } from './scenario.js';

export const CHROMIUM = process.env.ROSTER_CHROMIUM ?? '/usr/bin/chromium';
/** Screenshots a person looks at after a run (git-ignored). */
export const SCREENSHOTS = path.join(ROOT, 'test-artifacts', 'screenshots');

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: .ci/run installs Debian's chromium (apt-get install chromium fonts-noto-cjk)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--lang=zh-CN',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

export async function newContext(browser: Browser, viewport = DESKTOP): Promise<BrowserContext> {
  return browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
}

export async function logIn(page: Page, base: string, name: string, password = PASSWORD): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('账户名').fill(name);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The CSRF token of the page's forms, as a script on the page could read it. */
export async function csrfOf(page: Page): Promise<string> {
  return page.locator('input[name="_csrf"]').first().inputValue();
}
