/**
 * Facts that cannot all be true: the same absence recorded twice, a deputy reviewed twice, a change of
 * status dated before the change it follows (a death before the election, a transfer before the
 * opening balance that counted the deputy, a balance dated after its own session), an event before
 * the person's birth, a by-election with no seat free in the whole congress, a count above the quota
 * at any confirmation (not only at a session). Each is an error on the event that makes the record
 * contradict itself, so `record`, `import` and `import-roster` refuse it and `check` reports it in a
 * record that holds it already. Whether a by-election needs a vacancy and whether the count may pass
 * the quota are the rules' (rules/by-election/), asked here on each date.
 */
import { type CheckFinding, checkFinding } from '../domain/check-findings.js';
import { type LegalDate, latestDay } from '../domain/dates.js';
import { effectiveDate, type RosterEvent } from '../domain/events.js';
import { mandatesOfPerson } from '../domain/roster.js';
import { table } from '../domain/tables.js';
import type { Derivation } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import { seatFigures } from '../ledger/seat-figures.js';

/** `a` is surely before `b`: its last possible day is before `b`'s first (2024-01 is not before 2024-01-15). */
const before = (a: LegalDate, b: LegalDate) => latestDay(a) < (b.length === 7 ? `${b}-01` : b);

const who = (d: Derivation, personId: string) => d.state.persons[personId]?.name ?? personId;

/**
 * `only`: the persons whose mandates' histories are held against each other; a recording that
 * continues the kept replay names those of its events (the only mandates they change), where
 * reading every mandate's history would decode the whole kept roster for findings about earlier
 * events it leaves out anyway. Without it, every mandate.
 */
export async function recordFactChecks(
  d: Derivation,
  evaluator: Evaluator,
  only?: { readonly persons: ReadonlySet<string> },
): Promise<CheckFinding[]> {
  return [
    ...absenceChecks(d),
    ...reviewChecks(d),
    ...datedChecks(d, only?.persons),
    ...balanceChecks(d),
    ...(await seatChecks(d, evaluator)),
  ];
}

/** 未经批准不出席 is one event per congress session missed: the same session twice is one absence recorded twice. */
function absenceChecks(d: Derivation): CheckFinding[] {
  const seen = table<number>();
  const out: CheckFinding[] = [];
  for (const e of d.events) {
    if (e.type !== 'AbsentWithoutLeave') continue;
    const key = `${e.personId}\u0000${e.congressSession}`;
    const first = seen[key];
    if (first === undefined) seen[key] = e.seq;
    else {
      out.push(
        checkFinding(
          'duplicate-absence',
          'error',
          { eventSeqs: [e.seq, first], personIds: [e.personId] },
          { name: who(d, e.personId), congressSession: e.congressSession, first },
        ),
      );
    }
  }
  return out;
}

/** A deputy's election is reviewed once: a second review (confirmed twice, or voided after it) contradicts the first. */
function reviewChecks(d: Derivation): CheckFinding[] {
  const reviewed = table<number>();
  const out: CheckFinding[] = [];
  for (const e of d.events) {
    if (e.type === 'DeputyElected') delete reviewed[e.personId];
    if (e.type === 'OpeningBalanceStated' || e.type === 'RosterLoaded') for (const m of e.members) reviewed[m.personId] = e.seq;
    if (e.type !== 'QualificationReviewed') continue;
    const first = reviewed[e.personId];
    if (first === undefined) reviewed[e.personId] = e.seq;
    else {
      out.push(
        checkFinding(
          'review-repeated',
          'error',
          { eventSeqs: [e.seq, first], personIds: [e.personId] },
          { name: who(d, e.personId), first },
        ),
      );
    }
  }
  return out;
}

/**
 * A mandate's changes follow one another in time: a termination, suspension or review dated before
 * the election, the confirmation or the opening balance it follows cannot be (and would make the
 * ledger's arithmetic impossible). An event about a person dated before their birth neither.
 */
function datedChecks(d: Derivation, persons?: ReadonlySet<string>): CheckFinding[] {
  const out: CheckFinding[] = [];
  const bySeq = new Map<number, RosterEvent>(d.events.map((e) => [e.seq, e]));
  const mandates = persons ? [...persons].flatMap((id) => mandatesOfPerson(d.state, id)) : d.state.mandates;
  for (const m of mandates) {
    let previous: { from: LegalDate; seq: number } | undefined;
    for (const change of m.history) {
      if (change.from === undefined) continue;
      const eventType = bySeq.get(change.eventSeq)?.type ?? '';
      // A review dated before its election is reported as counted-before-confirmation (consistency.ts).
      if (previous && before(change.from, previous.from) && eventType !== 'QualificationReviewed') {
        out.push(
          checkFinding(
            'dated-before-previous-change',
            'error',
            { eventSeqs: [change.eventSeq, previous.seq], personIds: [m.personId] },
            {
              kind: 'mandate',
              name: who(d, m.personId),
              eventType,
              date: change.from,
              previousDate: previous.from,
              previousSeq: previous.seq,
            },
          ),
        );
      }
      if (!previous || !before(change.from, previous.from)) previous = { from: change.from, seq: change.eventSeq };
    }
  }
  for (const e of d.events) {
    if (!('personId' in e) || e.type === 'PersonRegistered') continue;
    const birthDate = d.state.persons[e.personId]?.birthDate;
    const date = effectiveDate(e);
    if (birthDate && date && before(date, birthDate)) {
      out.push(
        checkFinding(
          'event-before-birth',
          'error',
          { eventSeqs: [e.seq], personIds: [e.personId] },
          { eventType: e.type, name: who(d, e.personId), date, birthDate },
        ),
      );
    }
  }
  return out;
}

/**
 * A count confirmed at a session is the count on the session's date: a balance dated after its own
 * session (a session mistyped as 0000-01-01) leaves the ledger counting from a day the record knows
 * nothing of.
 */
function balanceChecks(d: Derivation): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const e of d.events) {
    if (e.type !== 'OpeningBalanceStated' || e.session === undefined || !e.date) continue;
    const session = e.session;
    const held = d.events.find(
      (x): x is Extract<RosterEvent, { type: 'SessionHeld' }> => x.type === 'SessionHeld' && x.session === session,
    );
    if (!held || !before(held.date, e.date)) continue;
    out.push(
      checkFinding(
        'dated-before-previous-change',
        'error',
        { eventSeqs: [Math.max(e.seq, held.seq), Math.min(e.seq, held.seq)] },
        { kind: 'balance', date: e.date, session, sessionDate: held.date, sessionSeq: held.seq },
      ),
    );
  }
  return out;
}

/**
 * Seats, on every date that adds a deputy, not only at sessions: a by-election needs a seat free in
 * the whole congress on its date (deputies counted, and those elected before it and not yet reviewed,
 * hold theirs: same-day by-elections fill seats in record order), and no confirmation may bring the
 * count above the quota.
 */
async function seatChecks(d: Derivation, evaluator: Evaluator): Promise<CheckFinding[]> {
  const congress = d.state.congress;
  // The seats a count is held against: the quota less its reserved seats (机动名额 never fall vacant), else the cap.
  const quota = congress?.quota === undefined ? congress?.cap : congress.quota - (congress.reservedSeats ?? 0);
  if (quota === undefined) return [];
  const jurisdiction = evaluator.jurisdiction(d.state);
  const out: CheckFinding[] = [];
  // The counts on every such date come from one sweep (src/ledger/seat-figures.ts), not a scan of the record each.
  for (const f of seatFigures(d)) {
    const { event: e, date } = f;
    if (f.kind === 'by-election') {
      const { counted, pending } = f;
      const context = { eventSeq: e.seq, personId: f.event.personId, date, jurisdiction };
      const refused = (await evaluator.ask('vacancy', { vacancies: quota - counted - pending }, context)).find(
        (x) => x.outcome.type === 'no-vacancy',
      );
      if (refused) {
        out.push(
          checkFinding(
            'by-election-over-quota',
            'error',
            { eventSeqs: [e.seq], personIds: [f.event.personId] },
            { quota, date, counted, pending, name: who(d, f.event.personId) },
            refused,
          ),
        );
      }
      continue;
    }
    const { count } = f;
    const over = (
      await evaluator.ask('quota', { vacancies: quota - count }, { eventSeq: e.seq, personId: undefined, date, jurisdiction })
    ).find((x) => x.outcome.type === 'quota-exceeded');
    if (over) out.push(checkFinding('count-over-quota', 'error', { eventSeqs: [e.seq] }, { date, count, quota }, over));
  }
  return out;
}
