/**
 * The ledger's counts at many points at once (`roster check` compares every session's published
 * figures): one sweep over the status changes sorted by date serves every point, where a ledger per
 * point would rescan every mandate and event for each. Each point comes to exactly what `ledger`
 * computes for it (test/ledger/count-points.test.ts).
 */
import { type LegalDate, latestDay } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import { type MandateStatus, type RosterState, unnamedOn } from '../domain/roster.js';
import type { Derivation } from '../engine/derive.js';
import {
  baselineAmong,
  type ChangeKind,
  changeKind,
  computedFigures,
  confirmationPoints,
  type Disagreement,
  disagreementsWith,
  type LedgerTarget,
  resolveTarget,
} from './headcount.js';
import type { Publication } from './publications.js';

/** What a ledger at one point says, as far as the checks on counts read it. */
export interface PointCounts {
  readonly date: LegalDate;
  readonly session: number | undefined;
  readonly countAfter: number;
  /** Deputies elected and awaiting review on the date. */
  readonly pending: number;
  readonly disagreements: readonly Disagreement[];
}

/** Where `key` would go in sorted `keys`: how many are on or before it. */
function countUpTo(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A status change of one mandate, keyed by the day it takes effect (a month counts as its last day, as `onOrBefore` compares). */
interface Change {
  readonly key: string;
  readonly mandate: number;
  readonly index: number;
  readonly status: MandateStatus;
}

/**
 * How many mandates hold each status on each of the days asked (`statusOn`: the latest change in the
 * mandate's history among those in effect by the day), in one pass over the changes sorted by day.
 */
export function statusCountsOn(state: RosterState, days: readonly string[]): Map<string, Map<MandateStatus, number>> {
  const changes: Change[] = [];
  state.mandates.forEach((m, mandate) => {
    m.history.forEach((h, index) => {
      // A change the source does not date is in effect on every day.
      changes.push({ key: h.from === undefined ? '' : latestDay(h.from), mandate, index, status: h.status });
    });
  });
  changes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const latest = new Int32Array(state.mandates.length).fill(-1);
  const statusOf: (MandateStatus | undefined)[] = new Array(state.mandates.length).fill(undefined);
  const counts = new Map<MandateStatus, number>();
  const out = new Map<string, Map<MandateStatus, number>>();
  let next = 0;
  for (const day of [...new Set(days)].sort()) {
    for (; next < changes.length && changes[next]!.key <= day; next++) {
      const c = changes[next]!;
      if (c.index < latest[c.mandate]!) continue;
      const was = statusOf[c.mandate];
      if (was !== undefined) counts.set(was, counts.get(was)! - 1);
      counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
      latest[c.mandate] = c.index;
      statusOf[c.mandate] = c.status;
    }
    out.set(day, new Map(counts));
  }
  return out;
}

/** The publications of each session, and of each date, in record order. */
function publicationIndex(state: RosterState) {
  const bySession = new Map<number, Publication[]>();
  const byDate = new Map<LegalDate, Publication[]>();
  const add = <K>(index: Map<K, Publication[]>, key: K, p: Publication) => {
    const list = index.get(key);
    if (list) list.push(p);
    else index.set(key, [p]);
  };
  const all = [...state.reports, ...state.announcements].sort((a, b) => a.seq - b.seq);
  for (const p of all) {
    const publication = { seq: p.seq, title: p.source.title, stated: p.stated ?? {} };
    if (p.session !== undefined) add(bySession, p.session, publication);
    add(byDate, p.date, publication);
  }
  return (at: { date: LegalDate; session: number | undefined }): readonly Publication[] =>
    (at.session !== undefined ? bySession.get(at.session) : byDate.get(at.date)) ?? [];
}

/**
 * The counts of a ledger at each target: the sweep is made once for all of them, and `at(i)` gives
 * the i-th target's counts, failing for that target alone where `ledger` would fail for it (a target
 * the record does not have, dates that break the arithmetic).
 */
export function countsAt(d: Derivation, targets: readonly LedgerTarget[]): { at(index: number): PointCounts } {
  const { state } = d;
  const congress = state.congress;
  if (!congress) throw new DomainError('invalid-data-file', '记录中没有本届人民代表大会的基本信息（“本届人民代表大会”事件）');
  const confirmations = confirmationPoints(d);
  const points = targets.map((target) => {
    try {
      const { date, session } = resolveTarget(state, target);
      return { date, session, baseDate: baselineAmong(confirmations, date, session)?.date };
    } catch (error) {
      return { error }; // told when the target is asked for
    }
  });
  const resolved = points.flatMap((p) => ('error' in p ? [] : [p]));

  // Every change that moves the count, by kind, sorted by day: a window's count is a difference of two positions.
  const moves = new Map<ChangeKind, string[]>([
    ['terminated', []],
    ['confirmed', []],
    ['counted', []],
    ['uncounted', []],
  ]);
  for (const m of state.mandates) {
    m.history.forEach((change, i) => {
      if (change.from === undefined) return; // a ledger's window holds dated changes only
      const kind = changeKind(state, i === 0 ? undefined : m.history[i - 1]!.status, change.status);
      if (kind) moves.get(kind)!.push(latestDay(change.from));
    });
  }
  for (const keys of moves.values()) keys.sort();
  // After `after`, on or before `upTo` (none where the baseline falls after the point).
  const inWindow = (kind: ChangeKind, after: LegalDate | undefined, upTo: LegalDate) =>
    Math.max(0, countUpTo(moves.get(kind)!, latestDay(upTo)) - (after === undefined ? 0 : countUpTo(moves.get(kind)!, latestDay(after))));

  const days = resolved.flatMap((p) => [p.date, ...(p.baseDate === undefined ? [] : [p.baseDate])]).map(latestDay);
  const statuses = statusCountsOn(state, days);
  const on = (date: LegalDate, status: MandateStatus) => statuses.get(latestDay(date))!.get(status) ?? 0;
  const counting = [...new Set(state.counting)];
  const countOn = (date: LegalDate) => unnamedOn(state, date) + counting.reduce((n, status) => n + on(date, status), 0);
  const publicationsAt = publicationIndex(state);

  return {
    at(index) {
      const point = points[index]!;
      if ('error' in point) throw point.error;
      return countsOf(point.date, point.session, point.baseDate);
    },
  };

  function countsOf(date: LegalDate, session: number | undefined, baseDate: LegalDate | undefined): PointCounts {
    const countAfter = countOn(date);
    const computed = computedFigures(congress!, {
      date,
      baseDate,
      baselineCount: baseDate === undefined ? undefined : countOn(baseDate),
      terminated: inWindow('terminated', baseDate, date),
      confirmed: inWindow('confirmed', baseDate, date),
      net: inWindow('counted', baseDate, date) - inWindow('uncounted', baseDate, date),
      countAfter,
      suspended: on(date, 'suspended'),
    });
    return {
      date,
      session,
      countAfter,
      pending: on(date, 'pending'),
      disagreements: disagreementsWith(state, publicationsAt({ date, session }), computed),
    };
  }
}
