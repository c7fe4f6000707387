/**
 * The HTML page printed by a real browser (Chromium's print to PDF) reads like the Word file:
 * GB/T 9704-2012's issuer centred over the date four characters from the right, titles broken between
 * phrases, the signature never alone on a page, and "— N —" page numbers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentInput } from '../../src/documents/document-kind.js';
import { documentKind } from '../../src/documents/kinds.js';
import type { OfficialDocument } from '../../src/documents/official-document.js';
import { renderHtml } from '../../src/documents/render/html.js';
import { titleLines } from '../../src/documents/render/layout.js';
import type { RosterEvent } from '../../src/domain/events.js';
import { derive } from '../../src/engine/derive.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { printToPdf } from '../support/browser.js';
import { type PrintedLine, pageCount, printedLines } from '../support/pdf.js';
import { RULES_DIR, SEED_DATA } from '../support/scenario.js';

const events = JSON.parse(readFileSync(SEED_DATA, 'utf8')).events as RosterEvent[];
const evaluator = createEvaluator(loadRuleBook(RULES_DIR));
const input = await documentInput(await derive(events, evaluator), evaluator, 19);
const report = documentKind('report')!.build(input, 19, {})[0]!;

/** A document whose last paragraph ends the page exactly: its issuer and date would start the next one. */
const filler = (n: number) => `第${n}段。`;
const crowded: OfficialDocument = {
  kind: 'report',
  title: '某市第一届人民代表大会常务委员会代表资格审查委员会关于个别代表的代表资格的报告',
  titleParts: ['某市第一届人民代表大会', '常务委员会', '代表资格审查委员会', '关于个别代表的', '代表资格的报告'],
  addressee: '某市人民代表大会常务委员会：',
  // Title 3 lines + 1 blank + addressee + 17 one-line paragraphs = 22 lines: a full page.
  paragraphs: [...Array.from({ length: 16 }, (_, i) => filler(i + 1)), '以上报告，请予审议。'],
  signature: '某市第一届人民代表大会常务委员会代表资格审查委员会',
  signatureParts: ['某市第一届人民代表大会', '常务委员会', '代表资格审查委员会'],
  date: '2024年7月31日',
  warnings: [],
};

const [reportPdf, crowdedPdf] = await printToPdf([renderHtml(report), renderHtml(crowded)]);
const reportLines = printedLines(reportPdf!);
const crowdedLines = printedLines(crowdedPdf!);
const line = (lines: PrintedLine[], text: string) => lines.find((l) => l.text === text)!;
const centre = (l: PrintedLine) => (l.left + l.right) / 2;

/** The text block's right edge: A4 210 mm less the 26 mm right margin; a body character is 16 pt. */
const TEXT_RIGHT = 210 - 26;
const CHAR_MM = (16 * 25.4) / 72;

describe('the credentials report of the 19th session, printed from its HTML page in Chromium', () => {
  it('fills two A4 pages numbered "— 1 —" on the right and "— 2 —" on the left', () => {
    expect(pageCount(reportPdf!)).toBe(2);
    const one = line(reportLines, '—1—');
    const two = line(reportLines, '—2—');
    expect(one.page).toBe(1);
    expect(two.page).toBe(2);
    expect(one.right).toBeGreaterThan(170);
    expect(two.left).toBeLessThan(40);
    // Below the text block (which ends 35 mm above the bottom edge), in the bottom margin.
    expect(one.top).toBeGreaterThan(297 - 35);
  });

  it('breaks the title between phrases as the Word file does: no line of one character', () => {
    const title = reportLines
      .filter((l) => l.page === 1)
      .slice(0, 3)
      .map((l) => l.text);
    expect(title).toEqual(titleLines(report));
    expect(title).toEqual(['宁波市第十六届人民代表大会常务委员会', '代表资格审查委员会关于个别代表的', '代表资格的报告']);
  });

  it('sets the date four characters from the right and the issuer centred over it, on two lines as the gazette prints it', () => {
    const date = line(reportLines, '2024年7月31日');
    const first = line(reportLines, '宁波市第十六届人民代表大会');
    const second = line(reportLines, '常务委员会代表资格审查委员会');
    expect(TEXT_RIGHT - date.right).toBeCloseTo(4 * CHAR_MM, 0);
    expect(Math.abs(centre(first) - centre(date))).toBeLessThan(1);
    expect(Math.abs(centre(second) - centre(date))).toBeLessThan(1);
    expect(first.top).toBeLessThan(second.top);
    expect(second.top).toBeLessThan(date.top);
  });

  it('justifies the body to the full width of the text block, 28 characters a line', () => {
    const full = reportLines.filter((l) => l.page === 1 && l.left < 29 && l.right > TEXT_RIGHT - 1);
    expect(full.length).toBeGreaterThan(5);
    for (const l of full) expect([...l.text].length).toBeGreaterThanOrEqual(26);
  });
});

describe('a document whose last paragraph ends a full page', () => {
  it('carries the last paragraph to the next page with the signature, so the issuer and date never stand alone', () => {
    expect(pageCount(crowdedPdf!)).toBe(2);
    const last = line(crowdedLines, '以上报告，请予审议。');
    expect(last.page).toBe(2);
    expect(line(crowdedLines, '某市第一届人民代表大会').page).toBe(2);
    expect(line(crowdedLines, '2024年7月31日').page).toBe(2);
    expect(line(crowdedLines, filler(16)).page).toBe(1);
  });
});
