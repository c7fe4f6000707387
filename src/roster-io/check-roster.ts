/** A roster checked against the record at a session, once every deputy in the record is named. */
import { formatChineseDate } from '../domain/dates.js';
import { isCounted, statusOn } from '../domain/roster.js';
import type { Derivation } from '../engine/derive.js';
import { countOn } from '../ledger/headcount.js';
import type { ImportPlan, PlannedDeputy } from './plan-import.js';
import type { RosterProblem } from './problems.js';
import { deputiesInRecord, deputyKey as key, type RosterEntry } from './roster-entries.js';
import type { Locator } from './roster-table.js';

/**
 * Once the record names every deputy, a roster for a later session is checked against the
 * deputies counted on that session's date: the same names in the same units, and the same count.
 */
export function checkAgainstRecord(
  d: Derivation,
  counted: readonly RosterEntry[],
  at: { readonly session: number; readonly date: string },
  problems: RosterProblem[],
  where: Locator,
): { plan?: ImportPlan; problems: RosterProblem[] } {
  const { state } = d;
  const sheetWide = where.sheet();
  const inRecord = deputiesInRecord(state, (m) => isCounted(statusOn(m, at.date)));
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
