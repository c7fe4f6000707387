/**
 * The summary of a congress's derived roster that questions across congresses are answered from
 * (src/domain/congress-summary.ts): counted intervals as `countOn` counts, terminations as the
 * ledger lists them, the persons registered.
 */
import type { CongressSummary, CountedSpan, PersonEntry, TerminationEntry } from '../domain/congress-summary.js';
import { latestDay } from '../domain/dates.js';
import { isCounted, type Mandate, type MandateStatus, type RosterState } from '../domain/roster.js';
import { listedPlace } from './headcount.js';

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
export function countedSpans(state: RosterState, m: Mandate): { fromDay?: string; untilDay?: string }[] {
  const days = [...new Set(m.history.flatMap((c) => (c.from === undefined ? [] : [latestDay(c.from)])))].sort();
  const spans: { fromDay?: string; untilDay?: string }[] = [];
  let open: { fromDay?: string } | undefined = isCounted(state, statusAt(m, undefined)) ? {} : undefined;
  for (const day of days) {
    const counted = isCounted(state, statusAt(m, day));
    if (counted && !open) open = { fromDay: day };
    if (!counted && open) {
      spans.push({ ...open, untilDay: day });
      open = undefined;
    }
  }
  if (open) spans.push(open);
  return spans;
}

/**
 * The unnamed parts of opening balances as intervals: on a day, the latest balance in force counts
 * its unnamed deputies (as `countOn` takes it), so the count changes only on the balances' days.
 */
function unnamedSpans(state: RosterState): CountedSpan[] {
  const pools = [...state.earlierPools, ...(state.unnamed ? [state.unnamed] : [])];
  const poolOn = (day: string | undefined) =>
    pools.filter((p) => p.from === undefined || (day !== undefined && latestDay(p.from) <= day)).at(-1);
  const days = [...new Set(pools.flatMap((p) => (p.from === undefined ? [] : [latestDay(p.from)])))].sort();
  const stretches = [
    { from: undefined as string | undefined, pool: poolOn(undefined) },
    ...days.map((d) => ({ from: d, pool: poolOn(d) })),
  ];
  return stretches.flatMap(({ from, pool }, i): CountedSpan[] => {
    const until = stretches[i + 1]?.from;
    return pool?.count ? [{ weight: pool.count, ...(from ? { fromDay: from } : {}), ...(until ? { untilDay: until } : {}) }] : [];
  });
}

export function summarise(state: RosterState): CongressSummary {
  const c = state.congress;
  const spans: CountedSpan[] = unnamedSpans(state);
  const terminations: TerminationEntry[] = [];
  for (const m of state.mandates) {
    for (const s of countedSpans(state, m))
      spans.push({
        mandateId: m.mandateId,
        personId: m.personId,
        ...(m.electingUnit === undefined ? {} : { electingUnit: m.electingUnit }),
        weight: 1,
        ...s,
      });
    // As the ledger counts them: a change to ended or void from a counted status.
    m.history.forEach((change, i) => {
      if ((change.status !== 'ended' && change.status !== 'void') || !isCounted(state, i === 0 ? undefined : m.history[i - 1]!.status))
        return;
      const outcome = change.finding?.outcome;
      const terminated = outcome?.type === 'mandate-terminated' ? outcome.params : undefined;
      terminations.push({
        mandateId: m.mandateId,
        personId: m.personId,
        ...(m.electingUnit === undefined ? {} : { electingUnit: m.electingUnit }),
        ...(change.from === undefined ? {} : { day: latestDay(change.from) }),
        ground: terminated?.ground ?? 'void',
        label: terminated?.label ?? outcome?.params.label ?? '当选无效',
        place: listedPlace(change.finding),
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
            ...(c.quota === undefined ? {} : { quota: c.quota }),
            ...(c.reservedSeats === undefined ? {} : { reservedSeats: c.reservedSeats }),
          },
        }
      : {}),
    spans,
    terminations,
    persons,
  };
}
