/**
 * Corrections (更正): the recorded log is never edited. A correction names the event it supersedes
 * and why; the views replay the log with the superseded event withdrawn and the replacement, if
 * any, standing where it stood. The latest correction of an event wins.
 */
import { DomainError, jsonPath } from './errors.js';
import {
  type EventInput,
  EventInputSchema,
  type EventOf,
  type ReplacementInput,
  type RosterEvent,
  replacementOf,
  type SourceDocument,
} from './events.js';
import { deepestIssue } from './validation.js';

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

/** A clerk's correction of a recorded event: which one, why, and what should stand in its place (none: withdrawn). */
export interface CorrectionRequest {
  readonly seq: number;
  readonly reason: string;
  readonly replacement?: ReplacementInput;
  /** The document the correction rests on (a 更正 notice, the minutes). */
  readonly source: SourceDocument;
  readonly recordedBy: string;
}

/**
 * Decide a correction against the record: the `EventCorrected` to record, or a refusal naming why
 * (no such event, an event that is itself a correction, a replacement that is not a valid event).
 */
export function decideCorrection(recorded: readonly RosterEvent[], request: CorrectionRequest): EventInput {
  const target = recorded.find((e) => e.seq === request.seq);
  if (!target) throw new DomainError('invalid-input', `记录中没有第${request.seq}条事件（只能更正此前已记录的事件）`, 'supersedes');
  if (target.type === 'EventCorrected') {
    throw new DomainError('invalid-input', `第${request.seq}条本身是更正；请直接更正第${target.supersedes}条原事件`, 'supersedes');
  }
  const latest = correctionsOf(recorded, request.seq).at(-1);
  if (latest && !replacementOf(latest)) {
    throw new DomainError(
      'invalid-input',
      `第${request.seq}条已由第${latest.seq}条更正撤销（理由：${latest.reason}），不能再${request.replacement ? '更正' : '撤销'}；如该事实确实发生，请重新记录正确的事件`,
      'supersedes',
    );
  }
  const event = {
    type: 'EventCorrected',
    source: request.source,
    supersedes: request.seq,
    reason: request.reason,
    ...(request.replacement ? { replacement: request.replacement } : {}),
  };
  const parsed = EventInputSchema.safeParse(event);
  if (!parsed.success) {
    const issue = deepestIssue(parsed.error.issues);
    throw new DomainError('invalid-input', `${jsonPath(issue.path)}：${issue.message}`);
  }
  return parsed.data;
}
