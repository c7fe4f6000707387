/**
 * Output that cannot act on what reads it, whatever an older record holds: a spreadsheet never reads
 * a CSV cell as a formula (OWASP's advice on CSV injection), a Word file stays well-formed XML, a
 * terminal never receives an escape sequence. The records here are written straight into a data file,
 * as one could have been before input was refused: `record` and `import` would refuse them today.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../src/domain/events.js';
import { readGrid } from '../../src/roster-io/read-table.js';
import { congress, opening, person, session } from '../support/builders.js';
import { SEED_DATA, tempDir } from '../support/scenario.js';
import { inProcess } from './workspace.js';

/** What a terminal could act on: control characters but tab, line feed and carriage return (CRLF in a CSV), C1, bidi overrides. */
const UNSAFE = /(?![\t\n\r])\p{Cc}|[\u202A-\u202E]/u;

/** A version 1 data file holding these events as they are, validated by nothing but the schema on read. */
function legacyRecord(events: readonly object[]): string {
  const db = path.join(tempDir('roster-legacy-'), 'roster.json');
  const stamped = events.map((e, i) => ({ ...e, seq: i + 1, recordedAt: '2020-01-01T00:00:00Z', recordedBy: '旧系统' }));
  writeFileSync(db, JSON.stringify({ format: 'deputy-roster', schemaVersion: 1, events: stamped }));
  return db;
}

/** Cells a spreadsheet would run. (A leading tab or carriage return is trimmed when a record is read, leaving =1.) */
const FORMULAS = ['=HYPERLINK("http://x","点击")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '＝1+1', '＋1', '－1', '＠A1'];
const AS_READ = FORMULAS.map((f) => f.trim());

function formulaRoster(): string {
  const names = FORMULAS.map((f, i) => ({ ...person(`f${i}`, `代表${i}`), affiliation: f, note: f }) as EventInput);
  return legacyRecord([
    congress({ quota: 20, units: [{ name: '甲区' }] }),
    session(1, '2024-01-10'),
    ...names,
    opening(
      FORMULAS.length,
      '2024-01-10',
      FORMULAS.map((_, i) => ({ personId: `f${i}`, electingUnit: '甲区' })),
      1,
    ),
  ]);
}

describe('a CSV export whose cells a spreadsheet would take for formulas', () => {
  it('writes every such cell with a leading apostrophe (=, +, -, @, tab, carriage return, and their full-width forms)', async () => {
    const r = await inProcess(['--db', formulaRoster(), 'export-roster', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(r.stdout, { bom: true }) as string[][];
    const header = rows[0]!;
    const affiliation = header.indexOf('工作单位及职务');
    const note = header.indexOf('备注');
    const cells = rows.slice(1).flatMap((row) => [row[affiliation]!, row[note]!]);
    expect(cells).toHaveLength(FORMULAS.length * 2);
    for (const cell of cells) expect(cell, JSON.stringify(cell)).toMatch(/^'[=+\-@＝＋－＠]/);
    // Nothing in the file starts a formula, in any column.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
  });

  it('reads back as the clerk wrote it: import-roster takes the apostrophe off', async () => {
    const r = await inProcess(['--db', formulaRoster(), 'export-roster', '--format', 'csv']);
    const file = path.join(tempDir(), 'export.csv');
    writeFileSync(file, r.stdout);
    const grid = await readGrid({ name: file, bytes: readFileSync(file) });
    const header = grid.rows[1]!.map(String);
    const read = grid.rows
      .slice(2)
      .filter((row) => row !== undefined)
      .map((row) => row[header.indexOf('工作单位及职务')]);
    expect(read).toEqual(AS_READ);
  });

  it('an xlsx export holds them as text cells, never as formulas', async () => {
    const out = path.join(tempDir(), '名册.xlsx');
    const r = await inProcess(['--db', formulaRoster(), 'export-roster', '--format', 'xlsx', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('代表名册')!;
    let seen = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && AS_READ.includes(cell.value)) seen++;
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      }),
    );
    expect(seen).toBe(FORMULAS.length * 2);
  });
});

/** The seed with 朱欢's name as an older system might have stored it: a bell, an escape sequence, a bidi override. */
function seedWithHostileName(): string {
  const data = JSON.parse(readFileSync(SEED_DATA, 'utf8')) as { events: Record<string, unknown>[] };
  const zhu = data.events.find((e) => e.type === 'PersonRegistered' && e.personId === 'zhu-huan')!;
  zhu.name = '朱\u0007欢\u001b[31m\u202e\u0085\u0001';
  const db = path.join(tempDir('roster-legacy-'), 'roster.json');
  writeFileSync(db, JSON.stringify(data));
  return db;
}

/** Is this XML well-formed (saxes: a conforming, non-validating parser)? */
function wellFormed(xml: string): string | undefined {
  const parser = new SaxesParser();
  let problem: string | undefined;
  parser.on('error', (e) => {
    problem ??= e.message;
  });
  parser.write(xml).close();
  return problem;
}

describe('a name with control characters in a Word file', () => {
  for (const kind of ['report', 'explanation', 'notice']) {
    it(`${kind}: the docx's document.xml is well-formed, the characters shown as �`, async () => {
      const out = path.join(tempDir(), `${kind}.docx`);
      const r = await inProcess(['--db', seedWithHostileName(), 'doc', kind, '--session', '19', '--format', 'docx', '-o', out]);
      expect(r.code, r.stderr).toBe(0);
      const zip = await JSZip.loadAsync(readFileSync(out));
      for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
        expect(wellFormed(await zip.file(name)!.async('string')), name).toBeUndefined();
      }
      const body = await zip.file('word/document.xml')!.async('string');
      expect(body).toContain('朱\uFFFD欢\uFFFD[31m\uFFFD\uFFFD\uFFFD');
    });
  }

  it('the html and text formats show them as � too', async () => {
    const db = seedWithHostileName();
    for (const format of ['txt', 'md', 'html']) {
      const r = await inProcess(['--db', db, 'doc', 'report', '--session', '19', '--format', format]);
      expect(r.stdout).toContain('朱\uFFFD欢\uFFFD');
      expect(r.stdout).not.toMatch(UNSAFE);
    }
  });
});

describe('names with escape sequences never reach the terminal raw', () => {
  const commands = [
    ['explain', 'zhu-huan'],
    ['history', 'zhu-huan'],
    ['headcount', '--session', '19'],
    ['members', '--as-of', '2024-07-29'],
    ['diff', '--from', '15', '--to', '19'],
    ['log', '--type', 'PersonRegistered'],
    ['cascade', '--session', '19'],
    ['export-roster', '--format', 'csv', '--as-of', '2024-07-29'],
  ];
  for (const args of commands) {
    it(`roster ${args.join(' ')} shows them as �, and --json escapes them`, async () => {
      const db = seedWithHostileName();
      const text = await inProcess(['--db', db, ...args]);
      expect(text.code, text.stderr).toBeLessThanOrEqual(1);
      expect(`${text.stdout}${text.stderr}`).not.toMatch(UNSAFE);
      expect(text.stdout).toContain('朱\uFFFD欢');
      if (args[0] === 'export-roster') return;
      const json = await inProcess(['--db', db, '--json', ...args]);
      expect(json.stdout).not.toMatch(UNSAFE);
      expect(json.stdout).toContain('朱\\u0007欢\\u001b[31m\\u202e\\u0085\\u0001');
    });
  }
});
