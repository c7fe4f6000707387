/**
 * Find the header of a roster sheet (the row that names 姓名, with the rows under it when headers
 * are merged over two rows) and read every data row as cells keyed by field.
 */

import { normalizeHeader } from '../domain/normalize.js';
import type { RosterProblem } from '../domain/roster-problems.js';
import { columnLetter, FIELD_LABELS, fieldOf, type HeaderMap, type RosterField } from './columns.js';
import type { CellValue, Grid } from './read-table.js';

export interface RosterColumn {
  readonly field: RosterField;
  readonly index: number;
  /** The header text as the sheet gives it. */
  readonly header: string;
}

export interface RosterRow {
  /** The row number the clerk sees in the sheet. */
  readonly row: number;
  readonly cells: Partial<Record<RosterField, CellValue>>;
}

export interface RosterTable {
  readonly file: string;
  readonly sheet: string;
  readonly columns: readonly RosterColumn[];
  readonly rows: readonly RosterRow[];
}

/** How far down a title and notes above the header may reach. */
const HEADER_SEARCH_ROWS = 20;

const text = (v: CellValue): string => (v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v));

function recognises(map: HeaderMap, cells: readonly CellValue[] | undefined, field: RosterField): number {
  return (cells ?? []).findIndex((c) => c !== undefined && fieldOf(map, text(c)) === field);
}

const mergedFromAbove = (grid: Grid, row: number, column: number) => (grid.mergeMaster(row, column)?.row ?? row) < row;
const mergedFromLeft = (grid: Grid, row: number, column: number) => (grid.mergeMaster(row, column)?.column ?? column) < column;

/**
 * The column's header texts, bottom row first, then the rows joined (代表资格 over 确认日期). A
 * cell merged in from the left (姓名 spread over two columns) belongs to the column it starts in.
 */
function candidates(grid: Grid, rows: readonly number[], column: number): string[] {
  const texts: string[] = [];
  for (const r of rows) {
    if (mergedFromLeft(grid, r, column)) continue;
    const t = text(grid.rows[r]?.[column]);
    if (t && texts[texts.length - 1] !== t) texts.push(t);
  }
  return [...[...texts].reverse(), texts.join('')];
}

/** A row that is one cell merged across the table (江北区（10名）): a heading between groups, not a deputy. */
function isSectionHeading(grid: Grid, row: number, cells: readonly CellValue[]): boolean {
  const filled = cells.map((c, i) => ({ c, i })).filter(({ c }) => c !== undefined && text(c).trim() !== '');
  if (filled.length < 2 || new Set(filled.map(({ c }) => text(c))).size > 1) return false;
  return filled.slice(1).every(({ i }) => mergedFromLeft(grid, row, i));
}

export function readRosterTable(grid: Grid, map: HeaderMap): { table: RosterTable; problems: RosterProblem[] } {
  const problems: RosterProblem[] = [];
  const where = { file: grid.file, sheet: grid.sheet };
  let top = -1;
  let nameColumn = -1;
  for (let r = 1; r <= HEADER_SEARCH_ROWS && r < grid.rows.length; r++) {
    nameColumn = recognises(map, grid.rows[r], 'name');
    if (nameColumn >= 0) {
      top = r;
      break;
    }
  }
  if (top < 0) {
    problems.push({
      ...where,
      code: 'no-header',
      message: `前${HEADER_SEARCH_ROWS}行中没有找到“姓名”表头；如表头另有写法，请用 --map 表头=name 指定`,
    });
    return { table: { ...where, columns: [], rows: [] }, problems };
  }

  // A header merged over two rows continues while the 姓名 cell below is merged into it or empty.
  const headerRows = [top];
  for (let r = top + 1; r <= top + 2; r++) {
    const cells = grid.rows[r];
    const continues = mergedFromAbove(grid, r, nameColumn) || cells?.[nameColumn] === undefined;
    const named = (cells ?? []).some(
      (c, i) => c !== undefined && !mergedFromAbove(grid, r, i) && !mergedFromLeft(grid, r, i) && fieldOf(map, text(c)) !== undefined,
    );
    if (!continues || !named) break;
    headerRows.push(r);
  }

  const width = Math.max(...headerRows.map((r) => grid.rows[r]?.length ?? 0));
  const columns: RosterColumn[] = [];
  for (let c = 0; c < width; c++) {
    const texts = candidates(grid, headerRows, c);
    const found = texts.map((t) => ({ t, field: fieldOf(map, t) })).find((x) => x.field !== undefined);
    if (!found?.field) continue;
    const twice = columns.find((col) => col.field === found.field);
    if (twice) {
      problems.push({
        ...where,
        row: top,
        column: columnLetter(c),
        code: 'duplicate-column',
        message: `“${FIELD_LABELS[found.field]}”出现在两列（${columnLetter(twice.index)}列和${columnLetter(c)}列），无法确定使用哪一列`,
      });
      continue;
    }
    columns.push({ field: found.field, index: c, header: normalizeHeader(found.t) });
  }
  if (!columns.some((c) => c.field === 'electingUnit')) {
    problems.push({
      ...where,
      row: top,
      code: 'missing-column',
      message: '没有找到“选举单位”列；如表头另有写法，请用 --map 表头=electingUnit 指定',
    });
  }

  const rows: RosterRow[] = [];
  const first = headerRows[headerRows.length - 1]! + 1;
  for (let r = first; r < grid.rows.length; r++) {
    const cells = grid.rows[r];
    if (!cells || cells.every((c) => c === undefined || text(c).trim() === '')) continue;
    if (isSectionHeading(grid, r, cells)) continue;
    const byField: Partial<Record<RosterField, CellValue>> = {};
    for (const col of columns) {
      const v = cells[col.index];
      if (v !== undefined && text(v).trim() !== '') byField[col.field] = v;
    }
    rows.push({ row: r, cells: byField });
  }
  return { table: { ...where, columns, rows }, problems };
}

/** Where a problem is: the sheet, a row, or a row's cell in a field's column. */
export function locator(table: RosterTable) {
  const sheet = { file: table.file, sheet: table.sheet };
  return {
    sheet: () => sheet,
    row: (row: number) => ({ ...sheet, row }),
    cell: (row: number, field: RosterField) => {
      const col = table.columns.find((c) => c.field === field);
      return { ...sheet, row, ...(col ? { column: columnLetter(col.index), header: col.header } : {}) };
    },
  };
}
export type Locator = ReturnType<typeof locator>;
