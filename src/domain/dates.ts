import * as z from 'zod';

/**
 * A legal date as the source gives it: `YYYY-MM-DD`, or `YYYY-MM` where the source names only the
 * month (the seed's "2024年1月市十六届人大常委会第十五次会议"). Never produced by `new Date()` in the domain.
 * ISO strings of either precision compare correctly as strings, which is all the domain needs.
 */
export type LegalDate = string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

export function isCalendarDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[mo - 1] ?? 0);
}

export function isCalendarMonth(value: string): boolean {
  const m = MONTH.exec(value);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD 格式')
  .refine(isCalendarDay, { message: '日期应为 YYYY-MM-DD 格式的有效日期' });

export const DayOrMonth = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, '日期应为 YYYY-MM-DD（或来源只写到月份时的 YYYY-MM）')
  .refine((v) => isCalendarDay(v) || isCalendarMonth(v), {
    message: '日期应为 YYYY-MM-DD（或来源只写到月份时的 YYYY-MM）',
  });

/** The last possible day a partial date can stand for, so that `2024-01` sorts after every day of January. */
export function latestDay(date: LegalDate): string {
  // A day (10 characters) cannot be a month: skip the pattern for the common case.
  return date.length !== 10 && isCalendarMonth(date) ? `${date}-31` : date;
}

/** The calendar day before (after) a `YYYY-MM-DD` day; a month-precision date is returned unchanged. */
export function dayBefore(day: LegalDate): LegalDate {
  return shiftDay(day, -1);
}

export function dayAfter(day: LegalDate): LegalDate {
  return shiftDay(day, 1);
}

function shiftDay(day: LegalDate, by: number): LegalDate {
  if (!isCalendarDay(day)) return day;
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + by);
  return d.toISOString().slice(0, 10);
}

/** `a` is on or before `b`, where a month-precision date counts as its last day. */
export function onOrBefore(a: LegalDate, b: LegalDate): boolean {
  return latestDay(a) <= latestDay(b);
}

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 2024-07-31 → 2024年7月31日; 2024-01 → 2024年1月 (the precision the source supports). */
export function formatChineseDate(date: LegalDate): string {
  const [y, m, d] = date.split('-');
  const parts = [`${y}年`, `${Number(m)}月`];
  if (d !== undefined) parts.push(`${Number(d)}日`);
  return parts.join('');
}

/** 19 → 十九, 495 → 四百九十五 (ordinals and article numbers in official texts). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a whole number: ${n}`);
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${n % 10 === 0 ? '' : CN_DIGITS[n % 10]}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : CN_DIGITS[n % 10]}`;
  if (n < 1000) {
    const rest = n % 100;
    const head = `${CN_DIGITS[Math.floor(n / 100)]}百`;
    if (rest === 0) return head;
    if (rest < 10) return `${head}零${CN_DIGITS[rest]}`;
    return `${head}${rest < 20 ? '一' : ''}${chineseNumber(rest)}`;
  }
  return String(n);
}
