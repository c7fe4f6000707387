/**
 * The Word file as LibreOffice prints it: GB/T 9704-2012's 28 characters a line and 22 lines a page
 * (LibreOffice reads the file's grid as that), the issuer centred over the date, and the issuing
 * organ named as the file's author. Skipped, loudly, where LibreOffice is not installed (not under CI).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { documentInput } from '../../src/documents/document-kind.js';
import { documentKind } from '../../src/documents/kinds.js';
import { renderDocx } from '../../src/documents/render/docx.js';
import type { RosterEvent } from '../../src/domain/events.js';
import { derive } from '../../src/engine/derive.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { convertDocx, docxToPdf, libreOfficeInstalled } from '../support/libreoffice.js';
import { type PrintedLine, printedLines } from '../support/pdf.js';
import { RULES_DIR, SEED_DATA } from '../support/scenario.js';

const events = JSON.parse(readFileSync(SEED_DATA, 'utf8')).events as RosterEvent[];
const evaluator = createEvaluator(loadRuleBook(RULES_DIR));
const input = await documentInput(await derive(events, evaluator), evaluator, 19);
const report = documentKind('report')!.build(input, 19, {});
const docx = await renderDocx(report);
const installed = libreOfficeInstalled();
const pdf = installed ? docxToPdf(docx) : '';
const lines = installed ? printedLines(pdf) : [];

const TEXT_LEFT = 28;
const TEXT_RIGHT = 210 - 26;
const CHAR_MM = (16 * 25.4) / 72;
/** Characters set inside the text block: punctuation LibreOffice hangs into the margin is not counted. */
const charsInBlock = (l: PrintedLine) => [...l.text].length - (l.right > TEXT_RIGHT + 1 ? 1 : 0);
const find = (text: string) => lines.find((l) => l.text === text)!;

describe.skipIf(!installed)('the credentials report as a Word file, printed by LibreOffice', () => {
  it('sets 28 characters on every full line of the body, as GB/T 9704-2012 asks', () => {
    // Lines of Chinese text only (figures are drawn in whatever Latin font the machine has) that run
    // from the left margin to the right one.
    const full = lines.filter((l) => !/[ -~]/.test(l.text) && l.left < TEXT_LEFT + 1 && l.right > TEXT_RIGHT - 1);
    expect(full.length).toBeGreaterThanOrEqual(5);
    for (const l of full) expect(charsInBlock(l), l.text).toBe(28);
  });

  it('sets 22 lines on a full page: every line of the first page on a row of the 225 mm / 22 grid, the last on the 22nd', () => {
    const pitch = (579 / 1440) * 25.4; // 10.21 mm
    // The text block's lines, not the page number; each line's middle, which sits alike in a row whatever the font size.
    const first = lines.filter((l) => l.page === 1 && l.top < 297 - 35);
    const middle = (l: PrintedLine) => (l.top + l.bottom) / 2;
    const rows = first.map((l) => (middle(l) - middle(first[0]!)) / pitch);
    for (const [i, row] of rows.entries()) expect(Math.abs(row - Math.round(row)), first[i]!.text).toBeLessThan(0.15);
    expect(Math.round(rows.at(-1)!)).toBe(21);
    // The title's 22 pt lines take one row each, as the lines of the body do.
    expect(rows.slice(0, 3).map(Math.round)).toEqual([0, 1, 2]);
    expect(lines.some((l) => l.page === 2)).toBe(true);
  });

  it('is read by LibreOffice as a grid of 22 lines of 28 characters on 仿宋 3号', async () => {
    const zip = await JSZip.loadAsync(readFileSync(convertDocx(docx, 'odt')));
    const styles = await zip.file('styles.xml')!.async('string');
    const layout = styles.match(/<style:page-layout-properties [^>]*fo:page-width[^>]*>/)![0];
    const attr = (name: string) => layout.match(new RegExp(`style:${name}="([^"]*)"`))?.[1];
    expect(attr('layout-grid-mode')).toBe('both');
    expect(attr('layout-grid-lines')).toBe('22');
    const cellMm = Number(attr('layout-grid-base-width')!.replace(/in$/, '')) * 25.4;
    expect(Math.floor(156 / cellMm)).toBe(28);
    const normal = styles.match(/<style:style style:name="Standard".*?<\/style:style>/s)![0];
    expect(normal).toContain('style:font-size-asian="16pt"');
  });

  it('centres the issuer over the date, which stands four characters from the right', () => {
    const date = lines.find((l) => l.text.replace(/\s/g, '') === '2024年7月31日')!;
    const centre = (l: PrintedLine) => (l.left + l.right) / 2;
    expect(TEXT_RIGHT - date.right).toBeCloseTo(4 * CHAR_MM, 0);
    // The date's centre as set in 仿宋, whose figures are half a character wide (6.5 characters in all);
    // this machine draws them in a wider fallback font, which only widens the date to the left.
    const dateCentre = date.right - (6.5 * CHAR_MM) / 2;
    for (const text of ['宁波市第十六届人民代表大会', '常务委员会代表资格审查委员会']) {
      expect(Math.abs(centre(find(text)) - dateCentre), text).toBeLessThan(1.5);
    }
  });

  it('names the issuing organ as the author and last editor, not "Un-named"', async () => {
    const core = await (await JSZip.loadAsync(docx)).file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:creator>宁波市第十六届人民代表大会常务委员会代表资格审查委员会</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>宁波市第十六届人民代表大会常务委员会代表资格审查委员会</cp:lastModifiedBy>');
    expect(core).not.toContain('Un-named');
    // LibreOffice carries it into the printed file's properties.
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(
      /Author:\s+宁波市第十六届人民代表大会常务委员会代表资格审查委员会/,
    );
  });
});
