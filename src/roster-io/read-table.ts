/**
 * A roster file as rows of cells: .xlsx through exceljs, .csv through csv-parse (UTF-8, or GB18030
 * as Excel saves it on Chinese Windows). What is not a workbook is refused with a Chinese message.
 */
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DomainError } from '../domain/errors.js';

/** A cell as the roster reads it: text, a number, or a date cell. */
export type CellValue = string | number | Date | undefined;

/** One sheet's cells, 1-based rows and 0-based columns, with the merged ranges of its header area. */
export interface Grid {
  readonly file: string;
  /** The sheet's name, or the file's name for a CSV. */
  readonly sheet: string;
  readonly rows: ReadonlyArray<readonly CellValue[] | undefined>;
  /** The top-left cell of the merged range covering this cell, when it is another cell. */
  mergeMaster(row: number, column: number): { readonly row: number; readonly column: number } | undefined;
}

function cellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return cellValue((v.result ?? null) as ExcelJS.CellValue);
  if ('text' in v && typeof v.text === 'string') return v.text;
  if ('error' in v) return undefined;
  return undefined;
}

/**
 * A date cell shown without its day (yyyy"年"m"月", as exports write a birth month) holds a month:
 * read as 1970-05, not as the first day of it.
 */
function monthCell(v: ExcelJS.CellValue, numFmt: string | undefined): CellValue {
  const format = numFmt?.replace(/"[^"]*"/g, '') ?? '';
  if (!(v instanceof Date) || !/y/i.test(format) || /d/i.test(format)) return undefined;
  return `${v.getUTCFullYear()}-${String(v.getUTCMonth() + 1).padStart(2, '0')}`;
}

async function readWorkbook(file: string, bytes: Buffer, sheetName: string | undefined): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new DomainError('invalid-input', `不是有效的 Excel 工作簿（.xlsx），无法读取：${(e as Error).message}`, file);
  }
  const names = wb.worksheets.map((w) => w.name);
  const ws = sheetName === undefined ? wb.worksheets[0] : wb.getWorksheet(sheetName);
  if (!ws) {
    throw new DomainError(
      'invalid-input',
      sheetName === undefined ? '工作簿中没有工作表' : `工作簿中没有名为“${sheetName}”的工作表（现有：${names.join('、') || '无'}）`,
      file,
    );
  }
  const rows: (CellValue[] | undefined)[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const values = row.values as ExcelJS.CellValue[];
    rows[n] = values.slice(1).map((v, i) => monthCell(v, row.getCell(i + 1).numFmt) ?? cellValue(v));
  });
  return {
    file,
    sheet: ws.name,
    rows,
    mergeMaster: (row, column) => {
      const cell = ws.getCell(row, column + 1);
      if (!cell.isMerged || cell.master === cell) return undefined;
      return { row: Number(cell.master.row), column: Number(cell.master.col) - 1 };
    },
  };
}

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function readCsv(file: string, bytes: Buffer): Grid {
  if (bytes.includes(0)) throw new DomainError('invalid-input', '不是 CSV 文本文件（含有二进制内容）', file);
  let records: string[][];
  try {
    records = parse(decode(bytes), { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (e) {
    throw new DomainError('invalid-input', `CSV 格式有误：${(e as Error).message}`, file);
  }
  const rows: (CellValue[] | undefined)[] = [];
  records.forEach((r, i) => {
    rows[i + 1] = r.map((v) => (v.trim() === '' ? undefined : v));
  });
  return { file, sheet: path.basename(file), rows, mergeMaster: () => undefined };
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** A file as the clerk gave it: its name (for messages and its kind) and its bytes. */
export interface FileBytes {
  readonly name: string;
  readonly bytes: Buffer;
}

/** Read the roster file: the kind is taken from the extension and checked against the content. */
export async function readGrid({ name: file, bytes }: FileBytes, sheet?: string): Promise<Grid> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') {
    if (sheet !== undefined) throw new DomainError('invalid-input', 'CSV 文件只有一张表，不能用 --sheet 选择工作表', file);
    return readCsv(file, bytes);
  }
  if (bytes.subarray(0, 4).equals(OLE_MAGIC)) {
    throw new DomainError('invalid-input', '这是旧版 Excel 文件（.xls），请在 Excel 中另存为 .xlsx 后再导入', file);
  }
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new DomainError('invalid-input', '不是 Excel 工作簿（.xlsx）或 CSV 文件，无法导入', file);
  }
  return readWorkbook(file, bytes, sheet);
}
