/**
 * Consistency checks over the derived roster (`roster check`). Each finding names the events it is
 * about; an error-level finding makes `roster check` exit non-zero and `roster record` refuse. What
 * every record must hold whatever the law says is folded in src/domain/invariants.ts; here are the
 * checks on what the rules decided: events no rule in force speaks of, elections, counts.
 */
import { type CheckFinding, type CountPoint, checkFinding } from '../domain/check-findings.js';
import { onOrBefore } from '../domain/dates.js';
import { isDomainError } from '../domain/errors.js';
import { type EventOf, effectiveDate } from '../domain/events.js';
import { foldInvariants, type InvariantState, sameNameWarnings } from '../domain/invariants.js';
import { isCounted, statusOn } from '../domain/roster.js';
import type { Derivation } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import { countsAt } from '../ledger/count-points.js';
import { inCheckOrder } from './check-order.js';
import { balanceNotes, customaryBasisNotes, otherGroundNotes } from './law-notes.js';
import { publicationChecks } from './publications.js';

function who(d: Derivation, personId: string): string {
  return d.state.persons[personId]?.name ?? personId;
}

/** The invariants folded over the whole record, with the warnings that need the whole of it. */
export function invariantChecks(d: Derivation): { state: InvariantState; findings: CheckFinding[] } {
  const { state, findings } = foldInvariants({ recorded: d.recorded, events: d.events, nameOf: (id) => who(d, id) });
  return { state, findings: [...findings, ...sameNameWarnings(state, (id) => d.state.persons[id]?.birthDate)] };
}

/** Events about a person for which no rule in force on their date applied. */
export function unruledChecks(d: Derivation): CheckFinding[] {
  return d.unruled.map(({ event, facts }): CheckFinding => {
    const personId = 'personId' in event ? event.personId : undefined;
    const about = { eventSeqs: [event.seq], personIds: personId ? [personId] : [] };
    const seen = { eventType: event.type, name: personId ? who(d, personId) : '' };
    if (facts.mandateStatus === 'ended' || facts.mandateStatus === 'void') return checkFinding('event-after-end', 'error', about, seen);
    if (facts.mandateStatus === 'none') return checkFinding('event-without-mandate', 'error', about, seen);
    if (facts.eventDate === null) return checkFinding('event-without-date', 'warning', about, seen);
    return checkFinding('no-rule-in-force', 'warning', about, { ...seen, date: String(facts.eventDate) });
  });
}

/**
 * The figures each report or notice states against the ledger of its session (or, for a publication
 * whose session the record does not hold, such as an NPC notice, of its own date), and the count
 * against the seats: the quota less reserved seats, or the cap of a congress with no quota.
 */
export async function countChecks(d: Derivation, evaluator: Evaluator): Promise<CheckFinding[]> {
  const out: CheckFinding[] = [];
  const congress = d.state.congress!;
  const jurisdiction = evaluator.jurisdiction(d.state);
  const sessions = Object.values(d.state.sessions).sort((a, b) => a.session - b.session);
  const dated = [...d.state.reports, ...d.state.announcements]
    .filter((p) => p.session === undefined || !d.state.sessions[p.session])
    .map((p) => p.date);
  const points: CountPoint[] = [...sessions.map((s) => ({ session: s.session })), ...[...new Set(dated)].map((asOf) => ({ asOf }))];
  const allocated = congress.quota === undefined ? undefined : congress.quota - (congress.reservedSeats ?? 0);
  const seats = allocated ?? congress.cap;
  const limit = {
    ...(congress.quota !== undefined ? { quota: congress.quota } : congress.cap !== undefined ? { cap: congress.cap } : {}),
    ...(congress.quota !== undefined && congress.reservedSeats ? { reservedSeats: congress.reservedSeats } : {}),
  };
  // One sweep over the status changes serves every point (src/ledger/count-points.ts), not a ledger each.
  const counts = countsAt(d, points);
  for (const [i, point] of points.entries()) {
    let l: ReturnType<typeof counts.at>;
    try {
      l = counts.at(i);
    } catch (e) {
      // Dates that contradict each other: record-facts.ts names the events; here, the ledger they break.
      if (!isDomainError(e, 'contradicts-record')) throw e;
      out.push(checkFinding('ledger-inconsistent', 'error', {}, { point, problem: e.message }));
      continue;
    }
    for (const x of l.disagreements) {
      const pending = l.pending;
      const about = { eventSeqs: [x.eventSeq] };
      out.push(
        x.field === 'countAfter' && pending > 0 && x.stated === x.computed + pending
          ? checkFinding('counted-before-confirmation', 'error', about, {
              kind: 'stated',
              document: x.document,
              stated: x.stated,
              computed: x.computed,
              pending,
            })
          : checkFinding('stated-count-mismatch', 'error', about, {
              document: x.document,
              field: x.field,
              stated: x.stated,
              computed: x.computed,
              ...point,
            }),
      );
    }
    if (seats === undefined) continue;
    // Whether the count may pass the seats is the rules' (rules/by-election/quota-fixed.json).
    const over = (
      await evaluator.ask('quota', { vacancies: seats - l.countAfter }, { eventSeq: 0, personId: undefined, date: l.date, jurisdiction })
    ).find((f) => f.outcome.type === 'quota-exceeded');
    if (over) out.push(checkFinding('above-quota', 'error', {}, { ...point, count: l.countAfter, ...limit }, over));
  }
  return out;
}

/** Elections in units the congress does not have, by-elections without a vacancy, confirmations before the election. */
export async function electionChecks(d: Derivation, evaluator: Evaluator): Promise<CheckFinding[]> {
  const out: CheckFinding[] = [];
  const { state } = d;
  const jurisdiction = evaluator.jurisdiction(state);
  const units = new Map(state.congress?.electingUnits.map((u) => [u.name, u.quota]) ?? []);
  const elected = new Map<string, EventOf<'DeputyElected'>>();
  for (const e of d.events) {
    if (e.type === 'DeputyElected') {
      elected.set(e.personId, e);
      const about = { eventSeqs: [e.seq], personIds: [e.personId] };
      // A record that lists no units (an NPC record) or an election whose unit the source does not give is not checked.
      if (e.electingUnit !== undefined && units.size > 0 && !units.has(e.electingUnit)) {
        out.push(checkFinding('unknown-electing-unit', 'warning', about, { electingUnit: e.electingUnit }));
      }
      const quota = e.electingUnit === undefined ? undefined : units.get(e.electingUnit);
      const date = e.date ?? e.source.date;
      // Any election after the general one (a by-election, an election at a session, a 递补) fills a vacancy.
      if (e.electingUnit !== undefined && e.kind !== 'general' && quota !== undefined && date && (state.unnamed?.count ?? 0) === 0) {
        const held = state.mandates.filter(
          (m) =>
            m.electingUnit === e.electingUnit &&
            m.personId !== e.personId &&
            (isCounted(state, statusOn(m, date)) || statusOn(m, date) === 'pending'),
        ).length;
        // Whether a by-election needs a vacancy is the rules' (rules/by-election/vacancy-required.json).
        const refused = (
          await evaluator.ask('vacancy', { vacancies: quota - held }, { eventSeq: e.seq, personId: e.personId, date, jurisdiction })
        ).find((f) => f.outcome.type === 'no-vacancy');
        if (refused) {
          out.push(
            checkFinding(
              'by-election-without-vacancy',
              'error',
              about,
              { electingUnit: e.electingUnit, quota, date, held, name: who(d, e.personId) },
              refused,
            ),
          );
        }
      }
    }
    if (e.type === 'QualificationReviewed') {
      const electedOn = elected.get(e.personId)?.date;
      const reviewedOn = effectiveDate(e);
      if (electedOn && reviewedOn && !onOrBefore(electedOn, reviewedOn)) {
        out.push(
          checkFinding(
            'counted-before-confirmation',
            'error',
            { eventSeqs: [e.seq], personIds: [e.personId] },
            { kind: 'review', name: who(d, e.personId), confirmedOn: reviewedOn, electedOn },
          ),
        );
      }
    }
  }
  return out;
}

/** The record's invariants and the checks on deputies and counts (src/checks/all-checks.ts orders them with the rest). */
export async function check(d: Derivation, evaluator: Evaluator): Promise<CheckFinding[]> {
  if (!d.state.congress) return [checkFinding('no-congress', 'error', {}, {})];
  return inCheckOrder([
    ...invariantChecks(d).findings,
    ...unruledChecks(d),
    ...(await electionChecks(d, evaluator)),
    ...(await countChecks(d, evaluator)),
    ...publicationChecks(d),
    ...customaryBasisNotes(d.findings, 'mandates'),
    ...otherGroundNotes(d),
    ...balanceNotes(d),
  ]);
}
