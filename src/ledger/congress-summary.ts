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

export function summarise(state: RosterState): CongressSummary {
  const c = state.congress;
  const spans: CountedSpan[] = [];
  if (state.unnamed && state.unnamed.count > 0) spans.push({ weight: state.unnamed.count, fromDay: latestDay(state.unnamed.from) });
  const terminations: TerminationEntry[] = [];
  for (const m of state.mandates) {
    for (const s of countedSpans(state, m))
      spans.push({ mandateId: m.mandateId, personId: m.personId, electingUnit: m.electingUnit, weight: 1, ...s });
    // As the ledger counts them: a change to ended or void from a counted status.
    m.history.forEach((change, i) => {
      if ((change.status !== 'ended' && change.status !== 'void') || !isCounted(state, i === 0 ? undefined : m.history[i - 1]!.status))
        return;
      const outcome = change.finding?.outcome;
      const terminated = outcome?.type === 'mandate-terminated' ? outcome.params : undefined;
      terminations.push({
        mandateId: m.mandateId,
        personId: m.personId,
        electingUnit: m.electingUnit,
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
            quota: c.quota,
          },
        }
      : {}),
    spans,
    terminations,
    persons,
  };
}
