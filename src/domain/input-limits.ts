/**
 * What a new fact may look like before it enters the record, whatever the interface it comes through
 * (`roster record`, `roster import`, `roster import-roster`, a console form): text without control or
 * invisible characters and within a length, dates within the life of a people's congress and not in
 * the future, numbers of a sane size. Pure: the caller gives today's date. The schema (events.ts)
 * says which fields exist; these limits say what their values may be. Documented in README ("What the
 * record promises") and docs/data-format.md ("Limits").
 */
import { isCalendarDay, isCalendarMonth, latestDay } from './dates.js';

export const LIMITS = {
  /** A file given to `record`, `import` or `import-roster`, as stored on disk. */
  fileBytes: 64 * 1024 * 1024,
  /** An .xlsx unpacked: every entry of its zip together, and how many entries. */
  workbookBytes: 128 * 1024 * 1024,
  workbookEntries: 10_000,
  /** Data rows of a roster (the NPC has under 3,000 deputies; a roster is one congress's). */
  rosterRows: 100_000,
  /** JSON nesting (an event nests four levels; a rule file's conditions about ten). */
  jsonDepth: 64,
  /** A person's, organ's or congress's name, an electing unit; a cell of a roster (代表名册) for one. */
  nameChars: 100,
  /** An id (personId, organId …). */
  idChars: 100,
  /** Any other text: a title, a note (备注), circumstances, a reason … */
  textChars: 10_000,
  /** Every number in an event: seats, counts, sessions, positions (the NPC has under 3,000 seats; a count of unnamed deputies makes as many mandates). */
  maxNumber: 100_000,
  /**
   * The earliest legal date: the founding of the People's Republic (1949-10-01). No people's congress
   * of the PRC, its sessions or its deputies' facts can be older; issue 11's earliest real record is 1954.
   */
  earliestLegalDate: '1949-10-01',
  /** The earliest birth date a deputy of the first congresses could have (the oldest deputies of 1954 were born in the 1870s). */
  earliestBirthDate: '1850-01-01',
  /** How far ahead a scheduled date (a term's end, a session's last day) may lie: a term is five years. */
  scheduledYears: 10,
} as const;

/** Which limits a field's text is held to. */
export type TextKind = 'id' | 'name' | 'text';

const ID_KEYS = new Set(['personId', 'organId', 'parentId', 'personIds']);
const NAME_KEYS = new Set(['name', 'shortName', 'localName', 'electingUnit', 'shortForms', 'region', 'province', 'recordedBy']);

/** The kind of text a field holds, by its key. */
export function textKindOf(key: string | number | undefined): TextKind {
  if (typeof key !== 'string') return 'text';
  if (ID_KEYS.has(key) || /[a-z]Id$/.test(key)) return 'id';
  return NAME_KEYS.has(key) ? 'name' : 'text';
}

const U = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Characters no text may carry: C0 controls but tab and line feed, DEL, C1, bidi controls, noncharacters, U+FFFD. */
const FORBIDDEN = /(?![\t\n])\p{Cc}|[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFDD0-\uFDEF\uFFFE\uFFFF\uFFFD]|\p{Cs}/u;
/** Not in a name or an id either: invisible format characters (zero-width space and joiners, soft hyphen, BOM …), line breaks, tabs. */
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}\t\n\r]/u;

function describe(c: string): string {
  if (c === '\uFFFD') return `替换字符 �（${U(c)}），文件在此前的编码转换中可能已经损坏`;
  if (c === '\r') return '回车符（U+000D）';
  if (c === '\n') return '换行符（U+000A）';
  if (c === '\t') return '制表符（U+0009）';
  if (c === '\u001B') return '终端控制字符 ESC（U+001B）';
  if (/\p{Cs}/u.test(c)) return `不成对的代理码元（${U(c)}）`;
  if (/\p{Cc}/u.test(c)) return `控制字符（${U(c)}）`;
  if (/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(c)) return `改变文字方向的控制字符（${U(c)}）`;
  if (/\p{Cf}/u.test(c)) return `不可见字符（${U(c)}）`;
  return `不允许的字符（${U(c)}）`;
}

const LABEL: Record<TextKind, string> = { id: '编号', name: '名称', text: '文字' };

/** Why this text cannot be recorded, or undefined when it can. `\r\n` is taken as a line break (normalise first). */
export function textProblem(value: string, kind: TextKind): string | undefined {
  const forbidden = FORBIDDEN.exec(value) ?? (kind === 'text' ? null : INVISIBLE.exec(value));
  if (forbidden) {
    const at = [...value.slice(0, forbidden.index)].length + 1;
    return `含有${describe(forbidden[0])}（第${at}个字符）`;
  }
  if (kind === 'id' && /\s/u.test(value)) return '编号中不能有空格';
  const max = kind === 'id' ? LIMITS.idChars : kind === 'name' ? LIMITS.nameChars : LIMITS.textChars;
  const length = [...value].length;
  if (length > max) return `${LABEL[kind]}过长（${length.toLocaleString('en-US')}个字符），上限${max.toLocaleString('en-US')}个字符`;
  return undefined;
}

/** Line breaks as one character: `\r\n` (Windows, a browser's text area) becomes `\n`. */
export function normaliseLineBreaks(value: string): string {
  return value.replace(/\r\n/g, '\n');
}

/** How a date field is bounded, by its key: a birth date, a scheduled date, or a legal date (the default). */
export type DateKind = 'birth' | 'scheduled' | 'legal';

const DATE_KEY = /^(date|since|start|end|from|to)$|(Date|On)$/;

/** Whether a field holds a date (its key says so, and its value looks like one). */
export function dateKindOf(key: string | number | undefined, parentKey: string | number | undefined): DateKind | undefined {
  if (typeof key !== 'string' || !DATE_KEY.test(key)) return undefined;
  if (key === 'birthDate') return 'birth';
  if (key === 'endDate' || ((key === 'start' || key === 'end') && parentKey === 'term')) return 'scheduled';
  return 'legal';
}

function addYears(day: string, years: number): string {
  return `${String(Number(day.slice(0, 4)) + years).padStart(4, '0')}${day.slice(4)}`;
}

/** Why this date cannot be recorded (given today's date), or undefined when it can. */
export function dateProblem(value: string, kind: DateKind, today: string): string | undefined {
  if (!isCalendarDay(value) && !isCalendarMonth(value)) return undefined; // the schema names malformed dates
  const earliest = kind === 'birth' ? LIMITS.earliestBirthDate : LIMITS.earliestLegalDate;
  if (latestDay(value) < earliest) {
    return kind === 'birth'
      ? `出生日期 ${value} 早于 ${earliest}，不可能是在世代表的出生日期`
      : `日期 ${value} 早于 ${earliest}（中华人民共和国成立），不可能是人民代表大会的法律事实日期`;
  }
  const latest = kind === 'scheduled' ? addYears(today, LIMITS.scheduledYears) : today;
  if (value.slice(0, 10) > latest) {
    return kind === 'scheduled'
      ? `日期 ${value} 晚于 ${latest}（今天起${LIMITS.scheduledYears}年内）`
      : `日期 ${value} 晚于今天（${today}）：记录只载已经发生的事实`;
  }
  return undefined;
}

/** Why this number cannot be recorded, or undefined. */
export function numberProblem(value: number): string | undefined {
  if (!Number.isFinite(value)) return '数值无效';
  if (Math.abs(value) > LIMITS.maxNumber) return `数值 ${value} 过大（上限 ${LIMITS.maxNumber.toLocaleString('en-US')}）`;
  return undefined;
}
