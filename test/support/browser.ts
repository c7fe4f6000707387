/**
 * A real browser: Debian's Chromium (`.ci/run` installs it, with fonts-noto-cjk) driven by
 * playwright-core (its own browser download cannot be reached here). For the printed HTML, printing
 * to PDF (read back with `pdf.ts`); for the console's scenarios, pages a clerk clicks through, with
 * screenshots kept in test-artifacts/ (git-ignored) for a person to look at.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { PASSWORD } from './console.js';
import { ROOT, tempDir } from './scenario.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags known to work on these machines: no sandbox as root, and no calls to Google's hosts. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function requireChromium(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`没有找到 Chromium（${CHROMIUM}）：请运行 .ci/run 或 apt-get install chromium fonts-noto-cjk`);
}

/** Prints each page with Chromium's own print (A4, the page's @page rules), in one browser. */
export async function printToPdf(pages: readonly string[]): Promise<string[]> {
  requireChromium();
  const dir = tempDir('roster-print-');
  const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
  });
  try {
    const page = await context.newPage();
    const pdfs: string[] = [];
    for (const [i, html] of pages.entries()) {
      const file = path.join(dir, `page-${i}.html`);
      writeFileSync(file, html);
      await page.goto(`file://${file}`);
      const pdf = path.join(dir, `page-${i}.pdf`);
      await page.pdf({ path: pdf, preferCSSPageSize: true });
      pdfs.push(pdf);
    }
    return pdfs;
  } finally {
    await context.close();
  }
}

// ── The console ──────────────────────────────────────────────────────────────

/** Screenshots a person looks at after a run (git-ignored). */
export const SCREENSHOTS = path.join(ROOT, 'test-artifacts', 'screenshots');

/** Chromium in Chinese, as the clerks' machines run it (file pickers and date fields in Chinese). */
export async function launch(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM, args: ['--lang=zh-CN', ...FLAGS] });
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
