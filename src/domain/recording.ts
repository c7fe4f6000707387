/**
 * Deciding a batch of events against the record, as far as the record's invariants go: the events
 * (already numbered after the record's head) and the invariants where they stand after them, or the
 * refusals naming every event that contradicts the record and why. What the law makes of the events
 * is decided by the rules and the checks on top of this (src/app/record.ts).
 *
 * Every problem of a batch is told at once. The batch is decided once, as a whole, and every error
 * found about one of its events is a refusal; any refusal refuses the whole batch (nothing is
 * written). We do not decide event by event, dropping each refused event and deciding the rest
 * again, because the replay already leaves out what a refused event would change where that is what
 * makes it wrong: an event no rule applies (the termination of someone who is no longer a deputy, an
 * event about a person the record does not know) changes no status, so the events after it are
 * judged as if it were skipped and one wrong row does not make the rows after it wrong. Where a rule
 * did apply an event and a check refuses it (a by-election with no seat free, a change dated before
 * the one it follows), the events after it are judged with it in place, as the record will have them
 * once that row is put right: the confirmation of a by-election refused for want of a vacancy is not
 * refused again for want of a mandate, which dropping the election would do. And the list is exactly
 * what `record` refuses: a batch is refused if and only if the list is not empty, at the cost of one
 * decision, however many of its events are wrong.
 */
import type { CheckFinding } from './check-findings.js';
import { effectiveLog } from './corrections.js';
import type { RosterEvent } from './events.js';
import { foldInvariants, type InvariantState } from './invariants.js';

/** An event of the batch the record refuses: its index in the batch, and a finding that refuses it. */
export interface Refusal {
  readonly index: number;
  readonly finding: CheckFinding;
}

export type RecordDecision =
  | {
      readonly ok: true;
      readonly events: readonly RosterEvent[];
      readonly invariants: InvariantState;
      readonly findings: readonly CheckFinding[];
    }
  | { readonly ok: false; readonly refusals: readonly Refusal[] };

const sameFinding = (f: CheckFinding) => JSON.stringify([f.code, f.eventSeqs, f.personIds, f.facts]);

/**
 * The errors among findings, each once, in their order. An event naming a person the record does
 * not know is an error for that; what the checks then say of that person's mandate (none) follows
 * from it and is not told again.
 */
export function distinctErrors(findings: readonly CheckFinding[]): CheckFinding[] {
  const errors = findings.filter((f) => f.level === 'error');
  const unknown = new Set(errors.filter((f) => f.code === 'unknown-person').map((f) => `${f.eventSeq}|${f.personId}`));
  const seen = new Set<string>();
  return errors.filter((f) => {
    if (f.code !== 'unknown-person' && unknown.has(`${f.eventSeq}|${f.personId}`)) return false;
    const key = sameFinding(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Every error about an event after `head`, as refusals of the batch: in the order of the events,
 * and for one event in the order the findings are given (the checks' order), each told once
 * (`distinctErrors`).
 */
export function refusalsAmong(findings: readonly CheckFinding[], head: number): Refusal[] {
  return (
    distinctErrors(findings.filter((f) => f.eventSeq !== undefined && f.eventSeq > head))
      .map((f) => ({ index: f.eventSeq! - head - 1, finding: f }))
      // A stable sort: the findings about one event keep their order.
      .sort((a, b) => a.index - b.index)
  );
}

/**
 * `record`: the record's invariants at its head, and the recorded events that would follow it.
 * A batch that corrects an earlier event changes how the record replays from that event on, so it
 * is decided over the whole record: pass `recorded`, the record as it stands.
 */
export function decideRecord(
  record: { readonly head: number; readonly invariants: InvariantState; readonly recorded?: readonly RosterEvent[] },
  events: readonly RosterEvent[],
  nameOf: (personId: string) => string,
): RecordDecision {
  const corrects = events.some((e) => e.type === 'EventCorrected');
  if (corrects && !record.recorded) throw new Error('a correction is decided over the whole record');
  const folded = corrects
    ? foldInvariants({ recorded: [...record.recorded!, ...events], events: effectiveLog([...record.recorded!, ...events]), nameOf })
    : foldInvariants({ recorded: events, events, nameOf }, record.invariants);
  const refusals = refusalsAmong(folded.findings, record.head);
  if (refusals.length > 0) return { ok: false, refusals };
  return { ok: true, events, invariants: folded.state, findings: folded.findings.filter((f) => (f.eventSeq ?? 0) > record.head) };
}
