/** What a printed PDF shows: poppler's pdftotext (`.ci/run` installs poppler-utils) reads back where each line landed. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A printed line: its page (from 1), its box in millimetres from the page's top left, its text. */
export interface PrintedLine {
  readonly page: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly text: string;
}

const MM_PER_PT = 25.4 / 72;

/** Every line of text in the PDF, page by page, as pdftotext places it. */
export function printedLines(pdf: string): PrintedLine[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8' });
  const lines: PrintedLine[] = [];
  const pages = xml.split(/<page /).slice(1);
  pages.forEach((page, i) => {
    for (const m of page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/line>/gs)) {
      const words = [...m[5]!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => w[1]!);
      lines.push({
        page: i + 1,
        left: Number(m[1]) * MM_PER_PT,
        top: Number(m[2]) * MM_PER_PT,
        right: Number(m[3]) * MM_PER_PT,
        bottom: Number(m[4]) * MM_PER_PT,
        text: words.join(''),
      });
    }
  });
  return lines;
}

export function pageCount(pdf: string): number {
  return (readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
}
