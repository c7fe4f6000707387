/**
 * Dates as rosters hold them: an Excel date cell, an Excel serial number, a number typed as
 * 1970.05, or text (1970.05, 1970年5月, 1970-05-03, 1970/5/3 …). The result is a legal date string
 * of the precision the cell gives: YYYY-MM-DD or YYYY-MM.
 */
import { isCalendarDay, isCalendarMonth } from '../domain/dates.js';
import { normalizeText } from '../domain/normalize.js';

export type DateReading = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

const pad = (n: number) => String(n).padStart(2, '0');

function fromParts(y: number, m: number, d?: number): DateReading {
  const value = d === undefined ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`;
  const valid = d === undefined ? isCalendarMonth(value) : isCalendarDay(value);
  return valid ? { ok: true, value } : { ok: false, reason: `不是有效的日期（${value}）` };
}

/** Excel's day 0 is 1899-12-30 once its phantom 1900-02-29 (serial 60) is allowed for. */
export function fromExcelSerial(serial: number): DateReading {
  if (!Number.isInteger(serial) || serial < 1 || serial === 60 || serial > 2_958_465)
    return { ok: false, reason: `不是有效的 Excel 日期序号（${serial}）` };
  const ms = Date.UTC(1899, 11, serial < 60 ? 31 : 30) + serial * 86_400_000;
  const date = new Date(ms);
  return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** A date cell as exceljs gives it (a JS Date at UTC midnight of the calendar day). */
function fromDateCell(date: Date): DateReading {
  if (Number.isNaN(date.getTime())) return { ok: false, reason: '不是有效的日期' };
  return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * A number: 1900–2100 with a fraction is 年.月 typed into a number cell (1970.05 → 1970-05; and
 * 1970.1 → 1970-10, because Excel dropped the trailing zero of 1970.10); a whole number above
 * 2100 is an Excel serial; a bare year is not precise enough.
 */
function fromNumber(n: number): DateReading {
  if (n >= 1900 && n <= 2100) {
    if (Number.isInteger(n)) return { ok: false, reason: `只有年份（${n}），缺少月份` };
    const year = Math.floor(n);
    return fromParts(year, Math.round((n - year) * 100));
  }
  return fromExcelSerial(n);
}

const TEXT_FORMS: readonly RegExp[] = [
  /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/u,
  /^(\d{4})[.\-/](\d{1,2})(?:[.\-/](\d{1,2}))?$/u,
  /^(\d{4})(\d{2})(\d{2})?$/u,
];

function fromText(raw: string): DateReading {
  const text = normalizeText(raw).replace(/\s/g, '');
  for (const form of TEXT_FORMS) {
    const m = form.exec(text);
    if (m) return fromParts(Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
  }
  if (/^\d+$/u.test(text) && Number(text) > 2100) return fromExcelSerial(Number(text));
  return { ok: false, reason: `“${raw}”不是日期（可写作 1970.05、1970年5月、1970-05-03 或 Excel 日期）` };
}

/** Read a cell's value as a legal date; the caller has already skipped empty cells. */
export function readRosterDate(value: unknown): DateReading {
  if (value instanceof Date) return fromDateCell(value);
  if (typeof value === 'number') return fromNumber(value);
  if (typeof value === 'string') return fromText(value);
  return { ok: false, reason: '不是日期' };
}
