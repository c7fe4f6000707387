/**
 * The figures `check` holds against the seats (src/checks/record-facts.ts) on the date of every event
 * that fills one: for a by-election, the deputies counted (less the winner's own mandates) and those
 * elected before it and still awaiting review; for a confirmation or a balance, the count. Computed in
 * one sweep for all of them, where asking `countOn` and scanning every mandate per event is quadratic
 * in a long-lived congress; each figure is what `countOn` and `statusOn` give on its date
 * (test/ledger/seat-figures.test.ts).
 */

import { type LegalDate, latestDay } from '../domain/dates.js';
import { type EventOf, effectiveDate, type RosterEvent } from '../domain/events.js';
import { groupBy } from '../domain/group-by.js';
import { isCounted, type Mandate, statusOn, unnamedOn } from '../domain/roster.js';
import type { Derivation } from '../engine/derive.js';
import { statusCountsOn } from './count-points.js';

export type SeatFigures =
  | {
      readonly kind: 'by-election';
      readonly event: EventOf<'DeputyElected'>;
      readonly date: LegalDate;
      /** Counted on the date, less the winner's own mandates. */
      readonly counted: number;
      /** Other persons' mandates elected before this event (in record order) and pending on the date. */
      readonly pending: number;
    }
  | { readonly kind: 'adds'; readonly event: RosterEvent; readonly date: LegalDate; readonly count: number };

/** Events that bring a deputy into the count: a confirmation, a balance, a loaded roster. */
function adds(e: RosterEvent): boolean {
  return (e.type === 'QualificationReviewed' && e.result === 'valid') || e.type === 'OpeningBalanceStated' || e.type === 'RosterLoaded';
}

/** The event that made a mandate (its first change): a by-election counts those made before it. */
const madeBy = (m: Mandate) => m.history[0]?.eventSeq ?? 0;

/** The first position in sorted `keys` whose key is at or after `key`. */
function firstAtOrAfter(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Add over a range of positions, read one position (a Fenwick tree over the differences). */
class RangeAdder {
  readonly #tree: Int32Array;
  constructor(size: number) {
    this.#tree = new Int32Array(size + 1);
  }
  /** Add `delta` at positions from..to-1. */
  add(from: number, to: number, delta: number): void {
    this.#point(from, delta);
    this.#point(to, -delta);
  }
  #point(at: number, delta: number): void {
    for (let i = at + 1; i < this.#tree.length; i += i & -i) this.#tree[i]! += delta;
  }
  at(position: number): number {
    let sum = 0;
    for (let i = position + 1; i > 0; i -= i & -i) sum += this.#tree[i]!;
    return sum;
  }
}

/**
 * The days (as `latestDay` keys, '' for a change the source does not date) from which each status of
 * the mandate holds, as `statusOn` reads its history: the latest change in effect by the day.
 */
function statusSteps(m: Mandate): { key: string; status: ReturnType<typeof statusOn> }[] {
  const changes = m.history.map((h, index) => ({ key: h.from === undefined ? '' : latestDay(h.from), index, status: h.status }));
  changes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const steps: { key: string; status: ReturnType<typeof statusOn> }[] = [];
  let latest = -1;
  let status: ReturnType<typeof statusOn>;
  for (const [i, c] of changes.entries()) {
    if (c.index > latest) {
      latest = c.index;
      status = c.status;
    }
    if (i === changes.length - 1 || changes[i + 1]!.key !== c.key) steps.push({ key: c.key, status });
  }
  return steps;
}

export function seatFigures(d: Derivation): SeatFigures[] {
  const { state } = d;
  const asked = d.events.flatMap((event) => {
    const date = effectiveDate(event);
    return date === undefined ? [] : [{ event, date }];
  });
  const byElections = asked.filter(
    (x): x is { event: EventOf<'DeputyElected'>; date: LegalDate } => x.event.type === 'DeputyElected' && x.event.kind === 'by-election',
  );

  // The count on every date asked, in one sweep over the status changes.
  const days = [...new Set(asked.filter((x) => x.event.type === 'DeputyElected' || adds(x.event)).map((x) => latestDay(x.date)))].sort();
  // No event that fills a seat (a recording of other kinds): no figures, and no sweep over every mandate.
  if (days.length === 0) return [];
  const statuses = statusCountsOn(state, days);
  const counting = [...new Set(state.counting)];
  const countOn = (date: LegalDate) => {
    const on = statuses.get(latestDay(date))!;
    return unnamedOn(state, date) + counting.reduce((n, status) => n + (on.get(status) ?? 0), 0);
  };

  // Each person's mandates, for what a by-election leaves out: the winner's own.
  const mandatesOf = groupBy(state.mandates, (m) => m.personId);

  // Pending on a by-election's date among the mandates made before it: mandates are added in the
  // order of the events that made them, each over the days it is pending, and each by-election reads its day.
  const pendingBefore = new Map<RosterEvent, number>();
  const pendingOn = new RangeAdder(days.length);
  const made = [...state.mandates].sort((a, b) => madeBy(a) - madeBy(b));
  let next = 0;
  for (const { event, date } of [...byElections].sort((a, b) => a.event.seq - b.event.seq)) {
    for (; next < made.length && madeBy(made[next]!) < event.seq; next++) {
      const steps = statusSteps(made[next]!);
      for (const [i, step] of steps.entries()) {
        if (step.status !== 'pending') continue;
        const until = steps[i + 1];
        pendingOn.add(firstAtOrAfter(days, step.key), until ? firstAtOrAfter(days, until.key) : days.length, 1);
      }
    }
    const own = (mandatesOf.get(event.personId) ?? []).filter((m) => madeBy(m) < event.seq && statusOn(m, date) === 'pending').length;
    pendingBefore.set(event, pendingOn.at(firstAtOrAfter(days, latestDay(date))) - own);
  }

  return asked.flatMap(({ event, date }): SeatFigures[] => {
    if (event.type === 'DeputyElected' && event.kind === 'by-election') {
      const own = (mandatesOf.get(event.personId) ?? []).filter((m) => isCounted(state, statusOn(m, date))).length;
      return [{ kind: 'by-election', event, date, counted: countOn(date) - own, pending: pendingBefore.get(event)! }];
    }
    return adds(event) ? [{ kind: 'adds', event, date, count: countOn(date) }] : [];
  });
}
