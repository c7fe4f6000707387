/**
 * Each data row of a roster read as a deputy: names and units normalised, dates read, and every
 * problem a single row can have reported against its cell.
 */

import { type TextKind, textProblem } from '../domain/input-limits.js';
import type { RosterEntry } from '../domain/load-roster.js';
import { normalizeName, normalizeText } from '../domain/normalize.js';
import { isCounted, type MandateStatus } from '../domain/roster.js';
import type { RosterProblem } from '../domain/roster-problems.js';
import { STATUS_NAMES } from '../domain/status-names.js';
import { lookup, table } from '../domain/tables.js';
import { FIELD_LABELS, type RosterField } from './columns.js';
import type { CellValue } from './read-table.js';
import { readRosterDate } from './roster-dates.js';
import { locator, type RosterTable } from './roster-table.js';

/** 代表状态 as exports (and `explain`) write it, and in short. */
const STATUS_WORDS: Readonly<Record<string, MandateStatus>> = table<MandateStatus>([
  ...Object.entries(STATUS_NAMES).map(([status, label]): [string, MandateStatus] => [normalizeText(label), status as MandateStatus]),
  ['有效', 'valid'],
  ['暂停', 'suspended'],
  ['终止', 'ended'],
  ['待确认', 'pending'],
]);

const GENDERS: Readonly<Record<string, '男' | '女'>> = table({ 男: '男', 女: '女', 男性: '男', 女性: '女' });

/** The limits each text column is held to. */
const CELL_KINDS = {
  personId: 'id',
  name: 'name',
  gender: 'name',
  ethnicity: 'name',
  party: 'name',
  electingUnit: 'name',
  affiliation: 'text',
  status: 'name',
  note: 'text',
} as const satisfies Partial<Record<RosterField, TextKind>>;

export interface EntryContext {
  /** The statuses the counting rules count among 实有代表: a row with another status is not loaded. */
  readonly counting: readonly MandateStatus[];
  readonly table: RosterTable;
  /** Electing units of the congress, by normalised name. */
  readonly units: ReadonlyMap<string, string>;
}

export function readEntries(ctx: EntryContext, onRow?: (done: number) => void): { entries: RosterEntry[]; problems: RosterProblem[] } {
  const { table } = ctx;
  const problems: RosterProblem[] = [];
  const entries: RosterEntry[] = [];
  const at = locator(table).cell;
  const textOf = (v: CellValue) =>
    v === undefined ? undefined : normalizeText(v instanceof Date ? v.toISOString().slice(0, 10) : String(v)) || undefined;

  table.rows.forEach(({ row, cells }, i) => {
    onRow?.(i + 1);
    const before = problems.length;
    // Every text cell held to the input limits (src/domain/input-limits.ts), as `record` holds an event's fields.
    for (const [field, kind] of Object.entries(CELL_KINDS) as [keyof typeof CELL_KINDS, TextKind][]) {
      const v = cells[field];
      if (v === undefined || v instanceof Date || typeof v === 'number') continue;
      const text = field === 'name' ? normalizeName(v) : normalizeText(v);
      const wrong = textProblem(text, kind);
      if (wrong) problems.push({ ...at(row, field), code: 'invalid-text', message: `${FIELD_LABELS[field]}${wrong}` });
    }
    if (problems.length > before) return;
    const name = cells.name === undefined ? '' : normalizeName(String(cells.name));
    if (!name) problems.push({ ...at(row, 'name'), code: 'missing-name', message: '缺少姓名' });

    const unitText = textOf(cells.electingUnit);
    const unit = unitText === undefined ? undefined : ctx.units.get(unitText.replace(/\s/g, ''));
    if (unitText === undefined)
      problems.push({ ...at(row, 'electingUnit'), code: 'missing-unit', message: `缺少选举单位${name ? `（${name}）` : ''}` });
    else if (unit === undefined) {
      problems.push({
        ...at(row, 'electingUnit'),
        code: 'unknown-unit',
        message: `选举单位“${unitText}”不是本届的选举单位（${[...new Set(ctx.units.values())].join('、')}）`,
      });
    }

    const date = (field: 'birthDate' | 'confirmedOn'): string | undefined => {
      const v = cells[field];
      if (v === undefined) return undefined;
      const r = readRosterDate(v);
      if (r.ok) return r.value;
      problems.push({ ...at(row, field), code: 'invalid-date', message: `${FIELD_LABELS[field]}：${r.reason}` });
      return undefined;
    };
    const birthDate = date('birthDate');
    const confirmedOn = date('confirmedOn');

    const genderText = textOf(cells.gender);
    const gender = genderText === undefined ? undefined : lookup(GENDERS, genderText);
    if (genderText !== undefined && gender === undefined) {
      problems.push({ ...at(row, 'gender'), code: 'invalid-gender', message: `性别“${genderText}”无法识别，应为“男”或“女”` });
    }
    const status = textOf(cells.status);
    const named = status === undefined ? undefined : lookup(STATUS_WORDS, status);
    const counted = status === undefined ? true : named === undefined ? undefined : isCounted(ctx, named);
    if (counted === undefined) {
      problems.push({
        ...at(row, 'status'),
        code: 'unknown-status',
        message: `代表状态“${status}”无法识别（应为 ${Object.keys(STATUS_WORDS).join('、')} 之一）`,
      });
    }
    if (problems.length > before || !unit) return;

    const optional = (key: keyof RosterEntry, value: string | undefined) => (value === undefined ? {} : { [key]: value });
    entries.push({
      row,
      name,
      electingUnit: unit,
      counted: counted ?? true,
      ...optional('personId', textOf(cells.personId)),
      ...optional('gender', gender),
      ...optional('ethnicity', textOf(cells.ethnicity)),
      ...optional('birthDate', birthDate),
      ...optional('party', textOf(cells.party)),
      ...optional('affiliation', textOf(cells.affiliation)),
      ...optional('confirmedOn', confirmedOn),
      ...optional('note', textOf(cells.note)),
      ...optional('status', status),
    } as RosterEntry);
  });
  return { entries, problems };
}
