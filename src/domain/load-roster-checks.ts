/** The checks of a roster as a whole, and against the record once every deputy in the record is named. */
import { formatChineseDate } from './dates.js';
import type { Congress } from './events.js';
import {
  deputiesInRecord,
  type ImportPlan,
  deputyKey as key,
  type PlannedDeputy,
  type RosterEntry,
  type RosterPlaces,
} from './load-roster.js';
import type { ReplayedRecord } from './replayed-record.js';
import { countOn, isCounted, statusOn } from './roster.js';
import type { RosterProblem } from './roster-problems.js';

/**
 * Once the record names every deputy, a roster for a later session is checked against the
 * deputies counted on that session's date: the same names in the same units, and the same count.
 */
export function checkAgainstRecord(
  d: ReplayedRecord,
  counted: readonly RosterEntry[],
  at: { readonly session: number; readonly date: string },
  problems: RosterProblem[],
  where: RosterPlaces,
): { plan?: ImportPlan; problems: RosterProblem[] } {
  const { state } = d;
  const sheetWide = where.sheet();
  const inRecord = deputiesInRecord(state, (m) => isCounted(state, statusOn(m, at.date)));
  const count = countOn(state, at.date);
  const label = `第${at.session}次会议（${formatChineseDate(at.date)}）时`;
  if (counted.length !== count) {
    problems.push({
      ...sheetWide,
      code: 'count-mismatch',
      message: `名册列出实有代表${counted.length}名，与记录中${label}的实有代表${count}名不一致`,
    });
  }
  const matched: PlannedDeputy[] = [];
  for (const e of counted) {
    const m = inRecord.get(key(e.name, e.electingUnit));
    if (!m) {
      problems.push({
        ...where.cell(e.row, 'electingUnit'),
        code: 'not-in-record',
        message: `${e.name}（${e.electingUnit}）在记录中不是${label}的实有代表`,
      });
      continue;
    }
    inRecord.delete(key(e.name, e.electingUnit));
    matched.push({ row: e.row, personId: m.personId, name: e.name, electingUnit: e.electingUnit });
  }
  for (const m of inRecord.values()) {
    problems.push({
      ...sheetWide,
      code: 'missing-named-member',
      message: `记录中${label}的实有代表${state.persons[m.personId]?.name ?? m.personId}（${m.electingUnit}）不在名册中`,
    });
  }
  if (problems.length > 0) return { problems };
  return { plan: { balance: { ...at, count, stated: 'check' }, matched, added: [], skipped: [], events: [] }, problems };
}

/** A person listed twice: the same name in one unit, or the same name and birth date under two units. */
export function duplicateProblems(counted: readonly RosterEntry[], at: RosterPlaces): RosterProblem[] {
  const problems: RosterProblem[] = [];
  // The same person twice: same name in the same electing unit (and no birth date telling them apart).
  const firstRow = new Map<string, RosterEntry>();
  for (const e of counted) {
    const k = key(e.name, e.electingUnit);
    const earlier = firstRow.get(k);
    if (earlier && (earlier.birthDate === undefined || e.birthDate === undefined || earlier.birthDate === e.birthDate)) {
      problems.push({
        ...at.cell(e.row, 'electingUnit'),
        code: 'duplicate-person',
        message: `${e.name}（${e.electingUnit}）与第${earlier.row}行重复，同一人列入两次`,
      });
    } else if (!earlier) firstRow.set(k, e);
  }
  // … or the same name and birth date under two electing units: one person cannot hold two seats.
  const byBirth = new Map<string, RosterEntry>();
  for (const e of counted) {
    if (e.birthDate === undefined) continue;
    const k = `${e.name}\u0000${e.birthDate}`;
    const earlier = byBirth.get(k);
    if (earlier && earlier.electingUnit !== e.electingUnit) {
      problems.push({
        ...at.cell(e.row, 'electingUnit'),
        code: 'duplicate-person',
        message: `${e.name}（出生年月${e.birthDate}）已在第${earlier.row}行列为${earlier.electingUnit}的代表，同一人不能由两个选举单位选出`,
      });
    } else if (!earlier) byBirth.set(k, e);
  }
  return problems;
}

export function quotaProblems(counted: readonly RosterEntry[], congress: Congress, at: RosterPlaces): RosterProblem[] {
  const problems: RosterProblem[] = [];
  // More deputies for an electing unit than its quota (名额分配).
  for (const unit of congress.electingUnits) {
    if (unit.quota === undefined) continue;
    const rows = counted.filter((e) => e.electingUnit === unit.name);
    if (rows.length > unit.quota) {
      problems.push({
        ...at.cell(rows[unit.quota]!.row, 'electingUnit'),
        code: 'above-unit-quota',
        message: `选举单位“${unit.name}”名额${unit.quota}名，名册列出${rows.length}名（第${rows.map((e) => e.row).join('、')}行）`,
      });
    }
  }
  return problems;
}
