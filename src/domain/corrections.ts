/**
 * Corrections (更正): the recorded log is never edited. A correction names the event it supersedes
 * and why; the views replay the log with the superseded event withdrawn and the replacement, if
 * any, standing where it stood. The latest correction of an event wins.
 */
import { type EventOf, type RosterEvent, replacementOf } from './events.js';

export type Correction = EventOf<'EventCorrected'>;

/** The log as the views replay it: corrections applied, correction events themselves left out. */
export function effectiveLog(recorded: readonly RosterEvent[]): RosterEvent[] {
  const latest = new Map<number, Correction>();
  for (const e of recorded) if (e.type === 'EventCorrected') latest.set(e.supersedes, e);
  if (latest.size === 0) return [...recorded];
  const out: RosterEvent[] = [];
  for (const e of recorded) {
    if (e.type === 'EventCorrected') continue;
    const correction = latest.get(e.seq);
    if (!correction) {
      out.push(e);
      continue;
    }
    const replacement = replacementOf(correction);
    // The replacement carries the correction's seq and stamps: findings about it cite the correction.
    if (replacement) {
      out.push({
        ...replacement,
        seq: correction.seq,
        recordedAt: correction.recordedAt,
        recordedBy: correction.recordedBy,
      } as RosterEvent);
    }
  }
  return out;
}

export interface CorrectionProblem {
  readonly seq: number;
  readonly message: string;
}

/** A correction must name an earlier event that is not itself a correction. */
export function correctionProblems(recorded: readonly RosterEvent[]): CorrectionProblem[] {
  const bySeq = new Map(recorded.map((e) => [e.seq, e]));
  const out: CorrectionProblem[] = [];
  for (const e of recorded) {
    if (e.type !== 'EventCorrected') continue;
    const target = bySeq.get(e.supersedes);
    if (!target || e.supersedes >= e.seq) {
      out.push({ seq: e.seq, message: `第${e.seq}条更正所指的第${e.supersedes}条事件不存在（只能更正此前已记录的事件）` });
    } else if (target.type === 'EventCorrected') {
      out.push({ seq: e.seq, message: `第${e.seq}条更正指向的第${e.supersedes}条本身是更正；请直接更正第${target.supersedes}条原事件` });
    }
  }
  return out;
}

/** Corrections that supersede the event with this seq, oldest first. */
export function correctionsOf(recorded: readonly RosterEvent[], seq: number): Correction[] {
  return recorded.filter((e): e is Correction => e.type === 'EventCorrected' && e.supersedes === seq);
}
