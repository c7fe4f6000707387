/**
 * A real browser for the printed HTML: Debian's Chromium (`.ci/run` installs it, with fonts-noto-cjk)
 * driven by playwright-core, printing to PDF; poppler's pdftotext reads back where each line landed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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

/** A printed line: its page (from 1), its box in millimetres from the page's top left, its text. */
export interface PrintedLine {
  readonly page: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly text: string;
}

const MM_PER_PT = 25.4 / 72;

/** Every line of text in the PDF, page by page, as pdftotext places it. */
export function printedLines(pdf: string): PrintedLine[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8' });
  const lines: PrintedLine[] = [];
  const pages = xml.split(/<page /).slice(1);
  pages.forEach((page, i) => {
    for (const m of page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)<\/line>/gs)) {
      const words = [...m[4]!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => w[1]!);
      lines.push({
        page: i + 1,
        left: Number(m[1]) * MM_PER_PT,
        top: Number(m[2]) * MM_PER_PT,
        right: Number(m[3]) * MM_PER_PT,
        text: words.join(''),
      });
    }
  });
  return lines;
}

export function pageCount(pdf: string): number {
  return (readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
}
