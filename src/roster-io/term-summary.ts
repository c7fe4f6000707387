/**
 * The congress at a glance on a date (the console's 概览): quota, deputies counted, vacancies, and
 * over the whole term so far, the mandates ended by ground and by electing unit. Pure: a fold over
 * the roster view of the date.
 */
import type { LegalDate } from '../domain/dates.js';
import { isCounted, type RosterState } from '../domain/roster.js';
import type { RosterView } from './roster-view.js';

export interface UnitSummary {
  readonly unit: string;
  readonly quota: number | undefined;
  /** Deputies of the unit counted on the date, among those the record names. */
  readonly counted: number;
  /** Mandates of the unit ended (or found void) by the date. */
  readonly ended: number;
}

export interface TermSummary {
  readonly asOf: LegalDate;
  /** Undefined where the congress has no fixed quota (the NPC's is a cap) or the source gives none. */
  readonly quota: number | undefined;
  readonly counted: number;
  /** 缺额: the seats allocated to electing units (quota less reserved seats) not filled; undefined without a quota. */
  readonly vacancies: number | undefined;
  /** Counted deputies the record does not name: per-unit counts leave them out. */
  readonly unnamed: number;
  readonly byUnit: readonly UnitSummary[];
  /** Ended mandates by ground (调离本行政区域, 辞去代表职务 …), in the order first met. */
  readonly byGround: readonly { readonly label: string; readonly count: number }[];
}

/** `state`: whose statuses count as 实有代表 is the rules' (suspended deputies still count, 代表法). */
export function termSummary(view: RosterView, state: Pick<RosterState, 'counting'>): TermSummary {
  const units = new Map<string, { quota: number | undefined; counted: number; ended: number }>(
    view.congress.electingUnits.map((u) => [u.name, { quota: u.quota, counted: 0, ended: 0 }]),
  );
  const grounds = new Map<string, number>();
  for (const line of view.lines) {
    const unit = units.get(line.electingUnit) ?? { quota: undefined, counted: 0, ended: 0 };
    units.set(line.electingUnit, unit);
    if (isCounted(state, line.status)) unit.counted++;
    if (line.end) {
      unit.ended++;
      grounds.set(line.end.label, (grounds.get(line.end.label) ?? 0) + 1);
    }
  }
  return {
    asOf: view.asOf,
    quota: view.congress.quota,
    counted: view.counted,
    vacancies: view.congress.quota === undefined ? undefined : view.congress.quota - (view.congress.reservedSeats ?? 0) - view.counted,
    unnamed: view.unnamed,
    byUnit: [...units].map(([unit, u]) => ({ unit, ...u })),
    byGround: [...grounds].map(([label, count]) => ({ label, count })),
  };
}
