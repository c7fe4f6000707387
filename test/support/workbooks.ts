/** Generated roster workbooks and CSV files: tests state their rows, nothing is read from disk. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

export type Cell = string | number | Date | null;

export const HEADERS = ['序号', '姓名', '性别', '民族', '出生年月', '党派', '选举单位', '工作单位及职务', '代表资格确认日期', '备注'];

export interface Deputy {
  name: string;
  unit: string;
  gender?: string;
  ethnicity?: string;
  birth?: Cell;
  party?: string;
  affiliation?: string;
  confirmed?: Cell;
  note?: string;
}

/** One roster row in the column order of `HEADERS`. */
export function rowOf(d: Deputy, serial: number): Cell[] {
  return [
    serial,
    d.name,
    d.gender ?? null,
    d.ethnicity ?? null,
    d.birth ?? null,
    d.party ?? null,
    d.unit,
    d.affiliation ?? null,
    d.confirmed ?? null,
    d.note ?? null,
  ];
}

/** `甲区代表1`, `甲区代表2` …: invented people for invented congresses. */
export function deputies(unit: string, n: number, extra: Partial<Deputy> = {}): Deputy[] {
  return Array.from({ length: n }, (_, i) => ({ name: `${unit}代表${i + 1}`, unit, gender: i % 2 ? '女' : '男', ...extra }));
}

export interface WorkbookSpec {
  sheet?: string;
  /** Rows above the header (a title, a note). */
  preamble?: Cell[][];
  headers?: Cell[][];
  rows: Cell[][];
  merges?: string[];
  /** Number formats by column letter, e.g. { E: 'yyyy"年"m"月"' } for date cells. */
  formats?: Record<string, string>;
  extraSheets?: string[];
}

export async function writeWorkbook(dir: string, spec: WorkbookSpec, name = 'roster.xlsx'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const extra of spec.extraSheets ?? []) wb.addWorksheet(extra).addRow(['无关内容']);
  const ws = wb.addWorksheet(spec.sheet ?? '代表名册');
  for (const r of spec.preamble ?? []) ws.addRow(r);
  for (const r of spec.headers ?? [HEADERS]) ws.addRow(r);
  for (const r of spec.rows) ws.addRow(r);
  for (const m of spec.merges ?? []) ws.mergeCells(m);
  for (const [col, fmt] of Object.entries(spec.formats ?? {})) ws.getColumn(col).numFmt = fmt;
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

export function writeCsv(dir: string, rows: Cell[][], name = 'roster.csv', headers: Cell[] = HEADERS): string {
  const quote = (c: Cell) => {
    const s = c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const file = path.join(dir, name);
  writeFileSync(file, [headers, ...rows].map((r) => r.map(quote).join(',')).join('\r\n'));
  return file;
}

/** Read back a sheet's cell text, for comparing exports. */
export async function sheetText(file: string, sheet: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  const out: string[][] = [];
  ws.eachRow((row) =>
    out.push(
      (row.values as unknown[]).slice(1).map((v, i) => {
        if (v === null || v === undefined) return '';
        // A date cell as the record writes it: a day, or a month where the cell's format shows no day.
        if (v instanceof Date) return v.toISOString().slice(0, /d/.test(row.getCell(i + 1).numFmt ?? '') ? 10 : 7);
        return String(v);
      }),
    ),
  );
  return out;
}
