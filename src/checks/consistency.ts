/**
 * Consistency checks over the derived roster (`roster check`). Each finding names the events it is
 * about; an error-level finding makes `roster check` exit non-zero and `roster record` refuse. What
 * every record must hold whatever the law says is folded in src/domain/invariants.ts; here are the
 * checks on what the rules decided: events no rule in force speaks of, elections, counts.
 */
import { type CheckFinding, checkFinding } from '../domain/check-findings.js';
import { onOrBefore } from '../domain/dates.js';
import type { EventOf } from '../domain/events.js';
import { foldInvariants, type InvariantState, sameNameWarnings } from '../domain/invariants.js';
import { isCounted, statusOn } from '../domain/roster.js';
import type { Derivation } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import { ledger } from '../ledger/headcount.js';
import { inCheckOrder } from './check-order.js';
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

/** The figures each credentials report states against the ledger of its session, and the count against the quota. */
export async function countChecks(d: Derivation, evaluator: Evaluator): Promise<CheckFinding[]> {
  const out: CheckFinding[] = [];
  const congress = d.state.congress!;
  const sessions = Object.values(d.state.sessions).sort((a, b) => a.session - b.session);
  for (const s of sessions) {
    const l = ledger(d, { session: s.session });
    for (const x of l.disagreements) {
      const pending = l.pending.length;
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
              session: s.session,
            }),
      );
    }
    // Whether the count may pass the quota is the rules' (rules/by-election/quota-fixed.json).
    const over = (
      await evaluator.ask('quota', { vacancies: congress.quota - l.countAfter }, { eventSeq: 0, personId: undefined, date: l.date })
    ).find((f) => f.outcome.type === 'quota-exceeded');
    if (over) out.push(checkFinding('above-quota', 'error', {}, { session: s.session, count: l.countAfter, quota: congress.quota }, over));
  }
  return out;
}

/** Elections in units the congress does not have, by-elections without a vacancy, confirmations before the election. */
export async function electionChecks(d: Derivation, evaluator: Evaluator): Promise<CheckFinding[]> {
  const out: CheckFinding[] = [];
  const { state } = d;
  const units = new Map(state.congress?.electingUnits.map((u) => [u.name, u.quota]) ?? []);
  const elected = new Map<string, EventOf<'DeputyElected'>>();
  for (const e of d.events) {
    if (e.type === 'DeputyElected') {
      elected.set(e.personId, e);
      const about = { eventSeqs: [e.seq], personIds: [e.personId] };
      if (!units.has(e.electingUnit)) out.push(checkFinding('unknown-electing-unit', 'warning', about, { electingUnit: e.electingUnit }));
      const quota = units.get(e.electingUnit);
      const date = e.date ?? e.source.date;
      if (e.kind === 'by-election' && quota !== undefined && date && (state.unnamed?.count ?? 0) === 0) {
        const held = state.mandates.filter(
          (m) =>
            m.electingUnit === e.electingUnit &&
            m.personId !== e.personId &&
            (isCounted(state, statusOn(m, date)) || statusOn(m, date) === 'pending'),
        ).length;
        // Whether a by-election needs a vacancy is the rules' (rules/by-election/vacancy-required.json).
        const refused = (await evaluator.ask('vacancy', { vacancies: quota - held }, { eventSeq: e.seq, personId: e.personId, date })).find(
          (f) => f.outcome.type === 'no-vacancy',
        );
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
      if (electedOn && !onOrBefore(electedOn, e.date)) {
        out.push(
          checkFinding(
            'counted-before-confirmation',
            'error',
            { eventSeqs: [e.seq], personIds: [e.personId] },
            { kind: 'review', name: who(d, e.personId), confirmedOn: e.date, electedOn },
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
  ]);
}
