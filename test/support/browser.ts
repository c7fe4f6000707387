/**
 * A real browser for the printed HTML: Debian's Chromium (`.ci/run` installs it, with fonts-noto-cjk)
 * driven by playwright-core, printing to PDF (read back with `pdf.ts`).
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { tempDir } from './scenario.js';

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

/** Prints each page with Chromium's own print (A4, the page's @page rules), in one browser. */
export async function printToPdf(pages: readonly string[]): Promise<string[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`没有找到 Chromium（${CHROMIUM}）：请运行 .ci/run 或 apt-get install chromium fonts-noto-cjk`);
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
