/**
 * Deciding a batch of events against the record, as far as the record's invariants go: the events
 * (already numbered after the record's head) and the invariants where they stand after them, or a
 * refusal naming the first event that contradicts the record and why. What the law makes of the
 * events is decided by the rules and the checks on top of this (src/app/record.ts).
 */
import type { CheckFinding } from './check-findings.js';
import { effectiveLog } from './corrections.js';
import type { RosterEvent } from './events.js';
import { foldInvariants, type InvariantState } from './invariants.js';

/** Why a batch is refused: the first finding against one of its events, and that event's index in the batch. */
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
  | { readonly ok: false; readonly refusal: Refusal };

/** The first error about an event after `head`, as a refusal of the batch. */
export function refusalAmong(findings: readonly CheckFinding[], head: number): Refusal | undefined {
  const first = findings.find((f) => f.level === 'error' && f.eventSeq !== undefined && f.eventSeq > head);
  return first ? { index: first.eventSeq! - head - 1, finding: first } : undefined;
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
  const refusal = refusalAmong(folded.findings, record.head);
  if (refusal) return { ok: false, refusal };
  return { ok: true, events, invariants: folded.state, findings: folded.findings.filter((f) => (f.eventSeq ?? 0) > record.head) };
}
