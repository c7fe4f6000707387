/**
 * 代表结构: the deputies counted on a date (实有代表) by gender, ethnicity, party, age band and
 * occupation group, for the congress and for each electing unit. Counts come only from what the record
 * registers about each person (PersonRegistered); a deputy the record counts without naming, or a
 * field it does not give, is counted as 未登记. Nothing is inferred from names or affiliations. Pure.
 */
import { isCalendarDay, isCalendarMonth, type LegalDate } from '../domain/dates.js';
import type { Derivation } from '../engine/derive.js';
import type { LedgerTarget } from '../ledger/headcount.js';
import { members } from './audit.js';

export const UNRECORDED = '未登记';

/** The dimensions, in the order the tables show them. */
export const DIMENSIONS = [
  { key: 'gender', label: '性别' },
  { key: 'ethnicity', label: '民族' },
  { key: 'party', label: '党派' },
  { key: 'age', label: '年龄' },
  { key: 'occupation', label: '职业构成' },
] as const;
export type Dimension = (typeof DIMENSIONS)[number]['key'];

/** Age bands on the date, in years completed. */
export const AGE_BANDS = ['35岁及以下', '36至45岁', '46至55岁', '56至65岁', '66岁及以上'] as const;

export interface Tally {
  readonly value: string;
  readonly count: number;
}

export interface StructureGroup {
  /** The electing unit; undefined for the whole congress (or for deputies whose unit the record does not give). */
  readonly unit: string | undefined;
  readonly total: number;
  readonly by: Readonly<Record<Dimension, readonly Tally[]>>;
}

export interface Structure {
  readonly date: LegalDate;
  readonly session?: number;
  /** 实有代表 on the date. */
  readonly count: number;
  /** Of them, counted without a name (an opening balance, 补选N名): every field 未登记. */
  readonly unnamed: number;
  readonly congress: StructureGroup;
  readonly units: readonly StructureGroup[];
  /** What the record cannot give, said once (no occupation field …). */
  readonly notes: readonly string[];
}

/** Years completed on `date` by someone born on `birth` (a month-only birth date: the month's first day). */
export function ageOn(birth: string, date: LegalDate): number | undefined {
  const b = isCalendarMonth(birth) ? `${birth}-01` : birth;
  if (!isCalendarDay(b) || !/^\d{4}-\d{2}-\d{2}/.test(date)) return undefined;
  const [by, bm, bd] = b.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const age = y - by - (m < bm || (m === bm && (d ?? 31) < bd) ? 1 : 0);
  return age >= 0 ? age : undefined;
}

function ageBand(age: number | undefined): string {
  if (age === undefined) return UNRECORDED;
  if (age <= 35) return AGE_BANDS[0];
  if (age <= 45) return AGE_BANDS[1];
  if (age <= 55) return AGE_BANDS[2];
  if (age <= 65) return AGE_BANDS[3];
  return AGE_BANDS[4];
}

type Values = Record<Dimension, string>;

const UNKNOWN: Values = { gender: UNRECORDED, ethnicity: UNRECORDED, party: UNRECORDED, age: UNRECORDED, occupation: UNRECORDED };

/** The order of a dimension's values: the age bands in age order, others by count; 未登记 last. */
function tallies(dimension: Dimension, values: readonly string[]): Tally[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const order = (v: string) => (v === UNRECORDED ? 1 : 0);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort(
      (a, b) =>
        order(a.value) - order(b.value) ||
        (dimension === 'age'
          ? AGE_BANDS.indexOf(a.value as (typeof AGE_BANDS)[number]) - AGE_BANDS.indexOf(b.value as (typeof AGE_BANDS)[number])
          : b.count - a.count || a.value.localeCompare(b.value, 'zh-Hans-CN')),
    );
}

function group(unit: string | undefined, deputies: readonly Values[]): StructureGroup {
  const by = Object.fromEntries(
    DIMENSIONS.map(({ key }) => [
      key,
      tallies(
        key,
        deputies.map((v) => v[key]),
      ),
    ]),
  ) as Record<Dimension, Tally[]>;
  return { unit, total: deputies.length, by };
}

export function structure(d: Derivation, target: LedgerTarget): Structure {
  const m = members(d, target);
  const valuesOf = (personId: string): Values => {
    const p = d.state.persons[personId];
    if (!p) return UNKNOWN;
    return {
      gender: p.gender ?? UNRECORDED,
      ethnicity: p.ethnicity?.trim() || UNRECORDED,
      party: p.party?.trim() || UNRECORDED,
      age: ageBand(p.birthDate ? ageOn(p.birthDate, m.date) : undefined),
      // The record has no occupation field (PersonRegistered): the affiliation is free text, not a group.
      occupation: UNRECORDED,
    };
  };
  const byUnit = new Map<string | undefined, Values[]>();
  for (const u of m.units)
    byUnit.set(
      u.unit,
      u.members.map((p) => valuesOf(p.personId)),
    );
  if (m.unnamed > 0) byUnit.set(undefined, [...(byUnit.get(undefined) ?? []), ...Array.from({ length: m.unnamed }, () => UNKNOWN)]);
  const units = [...byUnit].map(([unit, deputies]) => group(unit, deputies));
  const unitOrder = d.state.congress?.electingUnits.map((u) => u.name) ?? [];
  const rank = (u: string | undefined) =>
    u === undefined ? Number.MAX_SAFE_INTEGER : unitOrder.indexOf(u) >= 0 ? unitOrder.indexOf(u) : unitOrder.length;
  units.sort((a, b) => rank(a.unit) - rank(b.unit));
  const notes = ['职业构成：记录中没有登记代表的职业类别（工作单位及职务为原文，不据以推断），全部列为未登记。'];
  if (m.unnamed > 0)
    notes.unshift(`实有代表中${m.unnamed}名为会议确认的人数，记录未逐一列明姓名，其各项均列为未登记，选举单位列为“选举单位不详”。`);
  return {
    date: m.date,
    ...(m.session !== undefined ? { session: m.session } : {}),
    count: m.count,
    unnamed: m.unnamed,
    congress: group(undefined, [...byUnit.values()].flat()),
    units,
    notes,
  };
}
