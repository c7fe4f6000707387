/** Problems of a roster as a whole: a person listed twice, more deputies for a unit than its quota. */
import type { Congress } from '../domain/events.js';
import type { RosterProblem } from './problems.js';
import { deputyKey as key, type RosterEntry } from './roster-entries.js';
import type { Locator } from './roster-table.js';

export function duplicateProblems(counted: readonly RosterEntry[], at: Locator): RosterProblem[] {
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

export function quotaProblems(counted: readonly RosterEntry[], congress: Congress, at: Locator): RosterProblem[] {
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
