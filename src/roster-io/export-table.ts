/**
 * The roster as a table a clerk opens in Excel: the headers `import-roster` recognises (so an
 * export loads back into a fresh store), then status, the date of the last change and, for an
 * ended mandate, the reason, the rule and its citation, and the posts held on the date.
 */

import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { formatChineseDate } from '../domain/dates.js';
import { displayText } from '../domain/display-text.js';
import { STATUS_NAMES } from '../domain/status-names.js';
import { DERIVED_HEADERS, FIELD_HEADERS } from './columns.js';
import type { RosterView } from './roster-view.js';

const h = (field: keyof typeof FIELD_HEADERS) => FIELD_HEADERS[field][0]!;

export const EXPORT_HEADERS = [
  h('serial'),
  h('personId'),
  h('name'),
  h('gender'),
  h('ethnicity'),
  h('birthDate'),
  h('party'),
  h('electingUnit'),
  h('affiliation'),
  h('confirmedOn'),
  h('status'),
  DERIVED_HEADERS.statusSince,
  DERIVED_HEADERS.endReason,
  DERIVED_HEADERS.rule,
  DERIVED_HEADERS.citation,
  DERIVED_HEADERS.posts,
  h('note'),
] as const;

export function exportRows(view: RosterView): string[][] {
  return view.lines.map((l, i) => [
    String(i + 1),
    l.personId,
    l.name,
    l.gender ?? '',
    l.ethnicity ?? '',
    l.birthDate ?? '',
    l.party ?? '',
    l.electingUnit,
    l.affiliation ?? '',
    l.confirmedOn ?? '',
    STATUS_NAMES[l.status],
    l.statusSince ?? '',
    l.end?.label ?? '',
    l.end?.rule ?? '',
    l.end?.citation ?? '',
    l.posts.join('、'),
    l.note ?? '',
  ]);
}

export function title(view: RosterView): string {
  return `${view.congress.name}代表名册（截至${formatChineseDate(view.asOf)}）`;
}

/** 实有代表 and what the list cannot show (deputies counted but not named in the record). */
export function summary(view: RosterView): { counts: [string, number][]; asOf: string } {
  return {
    counts: [
      // The NPC has a cap (不超过N人), not a quota; a source may give neither.
      ...(view.congress.quota !== undefined
        ? [['代表名额', view.congress.quota] as [string, number]]
        : view.congress.cap !== undefined
          ? [['代表名额上限', view.congress.cap] as [string, number]]
          : []),
      ['实有代表', view.counted],
      ['其中记录未载姓名的代表', view.unnamed],
      ['名册所列人员', view.lines.length],
    ],
    asOf: view.asOf,
  };
}

/** Excel formats for the record's dates: a day, or a month where the record knows only the month. */
const DAY_FORMAT = 'yyyy"年"m"月"d"日"';
const MONTH_FORMAT = 'yyyy"年"m"月"';

type Cell = string | number | Date | null;

/** A legal date as an Excel date cell (UTC midnight, as exceljs reads and writes them) and its format. */
function dateCell(value: string | undefined): { value: Cell; numFmt?: string } {
  if (!value) return { value: null };
  const [y, m, d] = value.split('-').map(Number);
  return { value: new Date(Date.UTC(y!, m! - 1, d ?? 1)), numFmt: d === undefined ? MONTH_FORMAT : DAY_FORMAT };
}

/** Column indexes (0-based) of the export's date columns. */
const DATE_COLUMNS = new Set([5, 9, 11]);

/** Width of a column in Excel's units (one per Latin character, two per Chinese one), from its longest cell. */
function columnWidth(cells: readonly string[]): number {
  const widest = Math.max(...cells.map((c) => [...c].reduce((n, ch) => n + (ch.charCodeAt(0) < 0x2e80 ? 1 : 2), 0)));
  return Math.min(60, Math.max(6, widest + 2));
}

/**
 * Typed cells, as a clerk's own sheet would have them: 序号 and counts as numbers, dates as date
 * cells shown in Chinese (a birth month stays a month: 1970年5月), an empty field as an empty cell;
 * a filter on the header row, the title and header rows repeated on every printed page (A4
 * landscape, one page wide), and every column as wide as its contents. The workbook's bytes are
 * returned for the caller to write or send.
 */
export async function xlsxBytes(view: RosterView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('代表名册', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' },
  });
  const rows = exportRows(view);
  const heading = ws.addRow([displayText(title(view))]);
  heading.font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, EXPORT_HEADERS.length);
  ws.addRow([...EXPORT_HEADERS]).font = { bold: true };
  for (const row of rows) {
    // Typed as string cells, never formulas; characters XML forbids shown as � so the file stays readable.
    const added = ws.addRow(row.map((text, i): Cell => (i === 0 ? Number(text) : text === '' ? null : displayText(text))));
    for (const i of DATE_COLUMNS) {
      const { value, numFmt } = dateCell(row[i]);
      const cell = added.getCell(i + 1);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
    }
  }
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + rows.length, column: EXPORT_HEADERS.length } };
  EXPORT_HEADERS.forEach((header, i) => {
    const shown = rows.map((r) => r[i]!).filter((text) => text !== '');
    ws.getColumn(i + 1).width = columnWidth([header, ...(DATE_COLUMNS.has(i) && shown.length > 0 ? ['2024年12月31日'] : shown)]);
  });

  const about = wb.addWorksheet('说明');
  const { counts, asOf } = summary(view);
  for (const row of counts) about.addRow(row);
  const date = dateCell(asOf);
  const asOfCell = about.addRow(['截至日期', date.value]).getCell(2);
  if (date.numFmt) asOfCell.numFmt = date.numFmt;
  about.getColumn(1).width = columnWidth([...counts.map(([label]) => label), '截至日期']);
  about.getColumn(2).width = 18;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What a spreadsheet takes as the start of a formula (OWASP, CSV injection), full-width forms included. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

/**
 * A cell as a spreadsheet will only ever read it as text: one that would start a formula (=, +, -, @,
 * tab, carriage return) gets a leading apostrophe, as OWASP advises, whatever its origin (a clerk's
 * entry, an imported roster); control characters are shown as �. `import-roster` takes the
 * apostrophe off again.
 */
export function csvCell(text: string): string {
  const safe = displayText(text);
  return FORMULA_START.test(safe) ? `'${safe}` : safe;
}

/** UTF-8 with a byte-order mark, so that Excel opens the Chinese text correctly; every cell neutralised (`csvCell`). */
export function csvText(view: RosterView): string {
  const rows = exportRows(view).map((row) => row.map(csvCell));
  return `\uFEFF${stringify([[...EXPORT_HEADERS], ...rows], { record_delimiter: '\r\n' })}`;
}
