/**
 * A congress's record summed up for questions across congresses (`roster stats`, `roster
 * congresses`): the congress as constituted, its counted mandates as date intervals, its
 * terminations with their grounds, and the persons it registers. A pure function of the derived
 * roster; a database keeps it as rows beside the events and answers from them with SQL, and
 * `figuresOn` answers the same questions from it in memory (a file store, a stale row). Both count as
 * `countOn` counts: the tests hold them to it.
 */
import { latestDay } from './dates.js';
import type { CongressLevel } from './events.js';
import type { TerminationGround } from './findings.js';
import { isCounted, type Mandate, type MandateStatus, type RosterState } from './roster.js';

/** Counted on day D (as `latestDay` gives it) when fromDay <= D < untilDay; an absent bound is open. */
export interface CountedSpan {
  /** Absent for the unnamed part of an opening balance. */
  readonly mandateId?: string;
  readonly personId?: string;
  readonly electingUnit?: string;
  readonly weight: number;
  readonly fromDay?: string;
  readonly untilDay?: string;
}

export interface TerminationEntry {
  readonly mandateId: string;
  readonly personId: string;
  readonly electingUnit: string;
  /** The legal date as `latestDay` gives it; absent where the record gives none (before any date). */
  readonly day?: string;
  readonly ground: TerminationGround | 'void';
  readonly label: string;
  readonly seq: number;
}

export interface PersonEntry {
  readonly personId: string;
  readonly name: string;
  readonly gender?: string;
  readonly ethnicity?: string;
  readonly birthDate?: string;
  readonly party?: string;
}

export interface CongressFacts {
  readonly name: string;
  readonly shortName: string;
  readonly level: CongressLevel;
  readonly region: string;
  readonly termNumber: number;
  readonly termStart?: string;
  readonly termEnd?: string;
  readonly quota: number;
}

export interface CongressSummary {
  /** Absent until the record constitutes the congress. */
  readonly congress?: CongressFacts;
  readonly spans: readonly CountedSpan[];
  readonly terminations: readonly TerminationEntry[];
  readonly persons: readonly PersonEntry[];
}

/** The status a mandate has on day `day` (a `latestDay`), as `statusOn` decides it. */
function statusAt(m: Mandate, day: string | undefined): MandateStatus | undefined {
  let status: MandateStatus | undefined;
  for (const change of m.history) {
    if (change.from === undefined || (day !== undefined && latestDay(change.from) <= day)) status = change.status;
  }
  return status;
}

/**
 * The intervals in which a mandate is counted. Its status can change only on the days its changes
 * take effect, so it is constant from one such day to the next: evaluated once per day, as
 * `statusOn` evaluates it, consecutive counted stretches merged.
 */
export function countedSpans(m: Mandate): { fromDay?: string; untilDay?: string }[] {
  const days = [...new Set(m.history.flatMap((c) => (c.from === undefined ? [] : [latestDay(c.from)])))].sort();
  const spans: { fromDay?: string; untilDay?: string }[] = [];
  let open: { fromDay?: string } | undefined = isCounted(statusAt(m, undefined)) ? {} : undefined;
  for (const day of days) {
    const counted = isCounted(statusAt(m, day));
    if (counted && !open) open = { fromDay: day };
    if (!counted && open) {
      spans.push({ ...open, untilDay: day });
      open = undefined;
    }
  }
  if (open) spans.push(open);
  return spans;
}

export function summarise(state: RosterState): CongressSummary {
  const c = state.congress;
  const spans: CountedSpan[] = [];
  if (state.unnamed && state.unnamed.count > 0) spans.push({ weight: state.unnamed.count, fromDay: latestDay(state.unnamed.from) });
  const terminations: TerminationEntry[] = [];
  for (const m of state.mandates) {
    for (const s of countedSpans(m))
      spans.push({ mandateId: m.mandateId, personId: m.personId, electingUnit: m.electingUnit, weight: 1, ...s });
    // As the ledger counts them: a change to ended or void from a counted status.
    m.history.forEach((change, i) => {
      if ((change.status !== 'ended' && change.status !== 'void') || !isCounted(i === 0 ? undefined : m.history[i - 1]!.status)) return;
      const outcome = change.finding?.outcome;
      const terminated = outcome?.type === 'mandate-terminated' ? outcome.params : undefined;
      terminations.push({
        mandateId: m.mandateId,
        personId: m.personId,
        electingUnit: m.electingUnit,
        ...(change.from === undefined ? {} : { day: latestDay(change.from) }),
        ground: terminated?.ground ?? 'void',
        label: terminated?.label ?? outcome?.params.label ?? '当选无效',
        seq: change.eventSeq,
      });
    });
  }
  const persons = Object.values(state.persons).map(
    (p): PersonEntry => ({
      personId: p.personId,
      name: p.name,
      ...(p.gender ? { gender: p.gender } : {}),
      ...(p.ethnicity ? { ethnicity: p.ethnicity } : {}),
      ...(p.birthDate ? { birthDate: p.birthDate } : {}),
      ...(p.party ? { party: p.party } : {}),
    }),
  );
  return {
    ...(c
      ? {
          congress: {
            name: c.name,
            shortName: c.shortName,
            level: c.level,
            region: c.region,
            termNumber: c.termNumber,
            ...(c.term.start ? { termStart: c.term.start } : {}),
            ...(c.term.end ? { termEnd: c.term.end } : {}),
            quota: c.quota,
          },
        }
      : {}),
    spans,
    terminations,
    persons,
  };
}

/** Terminations of one ground up to a day. */
export interface GroundCount {
  readonly ground: TerminationGround | 'void';
  readonly label: string;
  readonly count: number;
}

/** What a congress's summary says on a day: 实有代表 and the terminations so far, by ground. */
export interface DayFigures {
  readonly count: number;
  readonly terminations: readonly GroundCount[];
}

const covers = (s: CountedSpan, day: string) =>
  (s.fromDay === undefined || s.fromDay <= day) && (s.untilDay === undefined || day < s.untilDay);

/** The figures on `date` (a legal date), counted in memory as the database counts them in SQL. */
export function figuresOn(summary: CongressSummary, date: string): DayFigures {
  const day = latestDay(date);
  const count = summary.spans.reduce((n, s) => (covers(s, day) ? n + s.weight : n), 0);
  const byLabel = new Map<string, GroundCount>();
  for (const t of summary.terminations) {
    if (t.day !== undefined && t.day > day) continue;
    const key = `${t.ground}|${t.label}`;
    const seen = byLabel.get(key);
    byLabel.set(key, { ground: t.ground, label: t.label, count: (seen?.count ?? 0) + 1 });
  }
  return { count, terminations: [...byLabel.values()] };
}
