/**
 * A roster file as rows of cells: .xlsx through exceljs, .csv through csv-parse (UTF-8, or GB18030
 * as Excel saves it on Chinese Windows). What is not a workbook is refused with a Chinese message.
 */
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DomainError } from '../domain/errors.js';
import { LIMITS } from '../domain/input-limits.js';

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

const MiB = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;

/**
 * An .xlsx is a zip: before exceljs unpacks it whole, count what it unpacks to, entry by entry as the
 * bytes come out (a 4 MB file can inflate to 4 GB; declared sizes can lie), and stop at the limit.
 */
async function checkUnpackedSize(file: string, bytes: Buffer): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw new DomainError('invalid-input', '不是有效的 Excel 工作簿（.xlsx），无法读取：文件已损坏，无法解压', file);
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > LIMITS.workbookEntries) {
    throw new DomainError('invalid-input', `工作簿内含${entries.length}个部件，超过上限${LIMITS.workbookEntries}个，不像是代表名册`, file);
  }
  const tooBig = () =>
    new DomainError(
      'invalid-input',
      `工作簿解压后超过 ${MiB(LIMITS.workbookBytes)}（上限），不像是代表名册，未读取；如确是名册，请删去无关的工作表和图片后重试`,
      file,
    );
  const declared = entries.reduce(
    (n, f) => n + ((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0),
    0,
  );
  if (declared > LIMITS.workbookBytes) throw tooBig();
  let total = 0;
  for (const entry of entries) {
    await new Promise<void>((resolve, reject) => {
      const stream = entry.nodeStream('nodebuffer');
      stream
        .on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > LIMITS.workbookBytes) {
            stream.pause();
            stream.removeAllListeners('data');
            reject(tooBig());
          }
        })
        .on('error', () => reject(new DomainError('invalid-input', `工作簿中的“${entry.name}”已损坏，无法解压`, file)))
        .on('end', () => resolve());
    });
  }
}

async function readWorkbook(file: string, bytes: Buffer, sheetName: string | undefined): Promise<Grid> {
  await checkUnpackedSize(file, bytes);
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
  if (ws.actualRowCount > LIMITS.rosterRows + HEADER_ROWS) throw tooManyRows(file, ws.actualRowCount);
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

/** Rows a title and headers may take above the data. */
const HEADER_ROWS = 25;

function tooManyRows(file: string, rows: number): DomainError {
  return new DomainError('invalid-input', `表格有${rows}行，超过代表名册的上限${LIMITS.rosterRows}行，未读取`, file);
}

/**
 * UTF-8, else GB18030 (Excel's CSV on Chinese Windows). Bytes that neither reads become U+FFFD,
 * which the roster's cells then refuse by sheet, row and column (src/domain/input-limits.ts): a bad
 * byte is never loaded as 某单位�.
 */
function decode(file: string, bytes: Buffer): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new DomainError(
      'invalid-input',
      '文件是 UTF-16 编码（Excel 的“Unicode 文本”）；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入',
      file,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The apostrophe `csvCell` (export-table.ts) puts before a cell that would start a formula, taken off again. */
const PROTECTED = /^'(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/u;

function readCsv(file: string, bytes: Buffer): Grid {
  const text = decode(file, bytes);
  if (text.includes('\u0000')) throw new DomainError('invalid-input', '不是 CSV 文本文件（含有二进制内容）', file);
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, max_record_size: LIMITS.textChars * 100 });
  } catch (e) {
    const where = (e as { lines?: number }).lines;
    throw new DomainError('invalid-input', `CSV 格式有误${where ? `（第${where}行附近）` : ''}，例如引号没有配对或一行过长`, file);
  }
  if (records.length > LIMITS.rosterRows + HEADER_ROWS) throw tooManyRows(file, records.length);
  const rows: (CellValue[] | undefined)[] = [];
  records.forEach((r, i) => {
    rows[i + 1] = r.map((v) => (v.trim() === '' ? undefined : v.replace(PROTECTED, '')));
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
  if (bytes.length > LIMITS.fileBytes) {
    throw new DomainError('invalid-input', `文件过大（${MiB(bytes.length)}），上限 ${MiB(LIMITS.fileBytes)}`, file);
  }
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
