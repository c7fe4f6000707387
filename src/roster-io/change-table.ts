/**
 * A 代表变动登记表 as rows: one row a change (序号, 姓名, 选举单位, 变动类型, 日期, 依据文件, 备注 …).
 * The header is the row, among the first twenty, that names both 姓名 and 变动类型; a header is
 * recognised after its spaces are removed, by the usual names and their synonyms, and `--map
 * 列名=字段` adds the clerk's own (the field by its id or its Chinese name). Reads the sheet only:
 * what a row means is the application's to decide (src/app/record-changes.ts).
 */
import { DomainError } from '../domain/errors.js';
import { normalizeHeader } from '../domain/normalize.js';
import type { RosterProblem } from '../domain/roster-problems.js';
import { columnLetter } from './columns.js';
import type { CellValue, Grid } from './read-table.js';

export const CHANGE_FIELDS = [
  'serial',
  'personId',
  'name',
  'electingUnit',
  'changeType',
  'date',
  'source',
  'note',
  'circumstances',
  'ground',
  'session',
  'electedBy',
] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

/** The headers each field is known by; the first is its name in messages. */
export const CHANGE_HEADERS: Record<ChangeField, readonly string[]> = {
  serial: ['序号'],
  personId: ['人员编号', '代表编号', '编号'],
  name: ['姓名', '代表姓名'],
  electingUnit: ['选举单位', '原选举单位', '所属选举单位', '选举单位(代表团)', '代表团'],
  changeType: ['变动类型', '变动情况', '变动事项', '变动原因', '变动种类', '类型'],
  date: ['日期', '变动日期', '生效日期', '发生日期', '变动时间'],
  source: ['依据文件', '依据', '来源文件', '依据文件及文号', '文件名称'],
  note: ['备注'],
  circumstances: ['情况说明', '具体情况', '变动情况说明'],
  ground: ['暂停情形', '暂停事由', '情形'],
  session: ['常委会会议', '审查会议', '确认会议', '会议次数'],
  electedBy: ['补选机关', '选举机关'],
};

/** The columns a register cannot do without. */
const REQUIRED: readonly ChangeField[] = ['name', 'changeType', 'date', 'source'];

export const changeLabel = (field: ChangeField) => CHANGE_HEADERS[field][0]!;

export type ChangeHeaderMap = ReadonlyMap<string, ChangeField>;

/** The built-in headers plus the clerk's `--map` entries (which win); a field named by its id or its Chinese name. */
export function changeHeaderMap(overrides: readonly string[] = []): ChangeHeaderMap {
  const map = new Map<string, ChangeField>();
  for (const field of CHANGE_FIELDS) for (const h of CHANGE_HEADERS[field]) map.set(normalizeHeader(h), field);
  for (const entry of overrides) {
    const at = entry.lastIndexOf('=');
    const header = at > 0 ? normalizeHeader(entry.slice(0, at)) : '';
    const named = entry.slice(at + 1).trim();
    const field = CHANGE_FIELDS.find((f) => f === named || normalizeHeader(changeLabel(f)) === normalizeHeader(named));
    if (!header || !field) {
      throw new DomainError(
        'invalid-input',
        `--map “${entry}”无效：应写作 列名=字段，字段为 ${CHANGE_FIELDS.map((f) => `${changeLabel(f)}（${f}）`).join('、')} 之一`,
        '--map',
      );
    }
    map.set(header, field);
  }
  return map;
}

export interface ChangeRow {
  /** The row number the clerk sees. */
  readonly row: number;
  readonly cells: Partial<Record<ChangeField, CellValue>>;
}

export interface ChangeTable {
  readonly file: string;
  readonly sheet: string;
  readonly columns: readonly { readonly field: ChangeField; readonly index: number; readonly header: string }[];
  readonly rows: readonly ChangeRow[];
}

const HEADER_SEARCH_ROWS = 20;

const text = (v: CellValue): string => (v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v));

function fieldOf(map: ChangeHeaderMap, cell: CellValue): ChangeField | undefined {
  const h = normalizeHeader(text(cell));
  return map.get(h) ?? map.get(h.replace(/\(.*\)$/u, ''));
}

export function readChangeTable(grid: Grid, map: ChangeHeaderMap): { table: ChangeTable; problems: RosterProblem[] } {
  const where = { file: grid.file, sheet: grid.sheet };
  const empty = { ...where, columns: [], rows: [] };
  let top = -1;
  for (let r = 1; r <= HEADER_SEARCH_ROWS && r < grid.rows.length; r++) {
    const fields = (grid.rows[r] ?? []).map((c) => (c === undefined ? undefined : fieldOf(map, c)));
    if (fields.includes('name') && fields.includes('changeType')) {
      top = r;
      break;
    }
  }
  if (top < 0) {
    const message = `前${HEADER_SEARCH_ROWS}行中没有找到同时有“姓名”和“变动类型”的表头行；如表头另有写法，请用 --map 列名=字段 指定（如 --map 变动=变动类型）`;
    return { table: empty, problems: [{ ...where, code: 'no-header', message }] };
  }
  const problems: RosterProblem[] = [];
  const columns: { field: ChangeField; index: number; header: string }[] = [];
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
        message: `“${changeLabel(field)}”出现在两列（${columnLetter(twice.index)}列和${columnLetter(index)}列），无法确定使用哪一列`,
      });
      return;
    }
    columns.push({ field, index, header: normalizeHeader(text(cell)) });
  });
  for (const field of REQUIRED) {
    if (!columns.some((c) => c.field === field)) {
      problems.push({
        ...where,
        row: top,
        code: 'missing-column',
        message: `没有找到“${changeLabel(field)}”列；如表头另有写法，请用 --map 列名=${changeLabel(field)} 指定`,
      });
    }
  }
  const rows: ChangeRow[] = [];
  for (let r = top + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r];
    if (!cells || cells.every((c) => c === undefined || text(c).trim() === '')) continue;
    const byField: Partial<Record<ChangeField, CellValue>> = {};
    for (const col of columns) {
      const v = cells[col.index];
      if (v !== undefined && text(v).trim() !== '') byField[col.field] = v;
    }
    rows.push({ row: r, cells: byField });
  }
  return { table: { ...where, columns, rows }, problems };
}

/** Where a problem is: a row, or a row's cell in a field's column. */
export function changeLocator(table: ChangeTable) {
  const sheet = { file: table.file, sheet: table.sheet };
  return {
    row: (row: number) => ({ ...sheet, row }),
    cell: (row: number, field: ChangeField) => {
      const col = table.columns.find((c) => c.field === field);
      return { ...sheet, row, ...(col ? { column: columnLetter(col.index), header: col.header } : {}) };
    },
  };
}
