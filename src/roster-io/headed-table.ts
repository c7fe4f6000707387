/**
 * A small sheet with one header row, as clerks make them (a 代表变动登记表, a list of electing units):
 * the header is the first row, among the first twenty, that names the anchor fields; a header is
 * recognised after its spaces are removed, by its usual names and synonyms, and `--map 列名=字段`
 * adds the clerk's own (the field by its id or its Chinese name). Every data row is read as cells
 * keyed by field, with its row number; what the cells mean is the caller's to decide.
 */
import { DomainError } from '../domain/errors.js';
import { normalizeHeader } from '../domain/normalize.js';
import type { RosterProblem } from '../domain/roster-problems.js';
import { columnLetter } from './columns.js';
import type { CellValue, Grid } from './read-table.js';

export interface TableSpec<F extends string> {
  /** The headers each field is known by; the first is its name in messages. */
  readonly headers: Readonly<Record<F, readonly string[]>>;
  /** The fields whose headers mark the header row. */
  readonly anchors: readonly F[];
  /** The columns the table cannot do without. */
  readonly required: readonly F[];
  /** What the rows are, for messages: 变动记录, 选举单位. */
  readonly rowsAre: string;
}

export type HeaderMapOf<F extends string> = ReadonlyMap<string, F>;

export interface HeadedRow<F extends string> {
  /** The row number the clerk sees. */
  readonly row: number;
  readonly cells: Partial<Record<F, CellValue>>;
}

export interface HeadedTable<F extends string> {
  readonly file: string;
  readonly sheet: string;
  readonly columns: readonly { readonly field: F; readonly index: number; readonly header: string }[];
  readonly rows: readonly HeadedRow<F>[];
}

const HEADER_SEARCH_ROWS = 20;

const fieldsOf = <F extends string>(spec: TableSpec<F>) => Object.keys(spec.headers) as F[];
export const labelOf = <F extends string>(spec: TableSpec<F>, field: F) => spec.headers[field][0]!;

/** The built-in headers plus the clerk's `--map` entries (which win). */
export function headerMapOf<F extends string>(spec: TableSpec<F>, overrides: readonly string[] = []): HeaderMapOf<F> {
  const map = new Map<string, F>();
  for (const field of fieldsOf(spec)) for (const h of spec.headers[field]) map.set(normalizeHeader(h), field);
  for (const entry of overrides) {
    const at = entry.lastIndexOf('=');
    const header = at > 0 ? normalizeHeader(entry.slice(0, at)) : '';
    const named = normalizeHeader(entry.slice(at + 1));
    const field = fieldsOf(spec).find((f) => f === named || normalizeHeader(labelOf(spec, f)) === named);
    if (!header || !field) {
      throw new DomainError(
        'invalid-input',
        `--map “${entry}”无效：应写作 列名=字段，字段为 ${fieldsOf(spec)
          .map((f) => `${labelOf(spec, f)}（${f}）`)
          .join('、')} 之一`,
        '--map',
      );
    }
    map.set(header, field);
  }
  return map;
}

const text = (v: CellValue): string => (v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v));

function fieldOf<F extends string>(map: HeaderMapOf<F>, cell: CellValue): F | undefined {
  const h = normalizeHeader(text(cell));
  return map.get(h) ?? map.get(h.replace(/\(.*\)$/u, ''));
}

export function readHeadedTable<F extends string>(
  grid: Grid,
  spec: TableSpec<F>,
  map: HeaderMapOf<F>,
): { table: HeadedTable<F>; problems: RosterProblem[] } {
  const where = { file: grid.file, sheet: grid.sheet };
  let top = -1;
  for (let r = 1; r <= HEADER_SEARCH_ROWS && r < grid.rows.length; r++) {
    const fields = (grid.rows[r] ?? []).map((c) => (c === undefined ? undefined : fieldOf(map, c)));
    if (spec.anchors.every((a) => fields.includes(a))) {
      top = r;
      break;
    }
  }
  if (top < 0) {
    const named = spec.anchors.map((a) => `“${labelOf(spec, a)}”`).join('和');
    const message = `前${HEADER_SEARCH_ROWS}行中没有找到有${named}的表头行；如表头另有写法，请用 --map 列名=${labelOf(spec, spec.anchors[0]!)} 指定`;
    return { table: { ...where, columns: [], rows: [] }, problems: [{ ...where, code: 'no-header', message }] };
  }
  const problems: RosterProblem[] = [];
  const columns: { field: F; index: number; header: string }[] = [];
  (grid.rows[top] ?? []).forEach((cell, index) => {
    const field = cell === undefined ? undefined : fieldOf(map, cell);
    if (!field) return;
    const twice = columns.find((c) => c.field === field);
    if (twice) {
      problems.push({
        ...where,
        row: top,
        column: columnLetter(index),
        code: 'duplicate-column',
        message: `“${labelOf(spec, field)}”出现在两列（${columnLetter(twice.index)}列和${columnLetter(index)}列），无法确定使用哪一列`,
      });
      return;
    }
    columns.push({ field, index, header: normalizeHeader(text(cell)) });
  });
  for (const field of spec.required) {
    if (!columns.some((c) => c.field === field)) {
      problems.push({
        ...where,
        row: top,
        code: 'missing-column',
        message: `没有找到“${labelOf(spec, field)}”列；如表头另有写法，请用 --map 列名=${labelOf(spec, field)} 指定`,
      });
    }
  }
  const rows: HeadedRow<F>[] = [];
  for (let r = top + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r];
    if (!cells || cells.every((c) => c === undefined || text(c).trim() === '')) continue;
    const byField: Partial<Record<F, CellValue>> = {};
    for (const col of columns) {
      const v = cells[col.index];
      if (v !== undefined && text(v).trim() !== '') byField[col.field] = v;
    }
    rows.push({ row: r, cells: byField });
  }
  if (problems.length === 0 && rows.length === 0) problems.push({ ...where, code: 'no-rows', message: `表头以下没有${spec.rowsAre}` });
  return { table: { ...where, columns, rows }, problems };
}

/** Where a problem is: a row, or a row's cell in a field's column. */
export function tableLocator<F extends string>(table: HeadedTable<F>) {
  const sheet = { file: table.file, sheet: table.sheet };
  return {
    row: (row: number) => ({ ...sheet, row }),
    cell: (row: number, field: F) => {
      const col = table.columns.find((c) => c.field === field);
      return { ...sheet, row, ...(col ? { column: columnLetter(col.index), header: col.header } : {}) };
    },
  };
}
