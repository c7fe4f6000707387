/**
 * Recording: read the record, decide whether the new events fit it, append them with the head that
 * was read. The events are replayed after the record through the rules, and refused (with the
 * event's index) where a check finds that one of them contradicts the record; a correction is also
 * refused where it makes an earlier event contradict it. A preview decides the same way and shows
 * what the events would change, writing nothing.
 */
import { allChecks } from '../checks/all-checks.js';
import { check } from '../checks/consistency.js';
import { describeCheck } from '../checks/describe-check.js';
import type { CheckFinding } from '../domain/check-findings.js';
import { effectiveLog } from '../domain/corrections.js';
import { DomainError } from '../domain/errors.js';
import type { EventInput, RosterEvent } from '../domain/events.js';
import { textProblem } from '../domain/input-limits.js';
import { foldInvariants } from '../domain/invariants.js';
import { decideRecord, refusalAmong } from '../domain/recording.js';
import { type Derivation, derive } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import type { Head, RecordStream } from '../store/record-store.js';
import { chained, type Stamps, stamp } from '../store/stored-records.js';
import { admitEvents } from './admit.js';
import { type Clock, latestToday } from './clock.js';
import { readRecord } from './read-record.js';

export interface RecordRequest {
  /** The events as submitted: admitted (src/app/admit.ts) before anything else, whoever built them. */
  readonly events: readonly EventInput[];
  /** Who records them: a plain input, never read from the machine. */
  readonly recordedBy: string;
  /** Who drafted them in the console, when `recordedBy` is the reviewer who approved them (the envelope's `draftedBy`). */
  readonly draftedBy?: string;
  /** Where the events come from, for messages: the file, and whether it held one event rather than an array. */
  readonly origin?: EventsOrigin;
}

export interface EventsOrigin {
  readonly name: string;
  readonly single?: boolean;
}

/** What recording needs: the stream, the rules, and the clock that stamps the events. */
export interface RecordPorts {
  readonly stream: RecordStream;
  readonly evaluator: Evaluator;
  readonly clock: Clock;
}

/** The events decided against the record: the record as it stands and as it would stand, and the verdict. */
export interface Decided {
  readonly head: Head;
  readonly existing: readonly RosterEvent[];
  readonly added: readonly RosterEvent[];
  readonly candidate: Derivation;
  /** Every check finding of the record with the events in it. */
  readonly checks: readonly CheckFinding[];
  /** Why `record` would refuse the events; undefined when it would append them. */
  readonly refusal: DomainError | undefined;
}

const where = (index: number) => `第${index + 1}个事件（$[${index}]）`;

export async function decideRecording(
  ports: RecordPorts,
  submitted: readonly EventInput[],
  stamps: Stamps,
  origin?: EventsOrigin,
): Promise<Decided> {
  // Who records is a name like any other (whether one may be empty is the store's to say).
  const byProblem = textProblem(stamps.recordedBy, 'name');
  if (byProblem) throw new DomainError('invalid-input', `记录人${byProblem}`);
  const events = admitEvents(submitted, {
    today: latestToday(ports.clock),
    ...(origin ? { origin: origin.name, single: origin.single ?? false } : {}),
  });
  const { head, events: existing, problem } = await readRecord(ports.stream);
  const added = stamp(events, stamps, head.seq);
  if (problem) {
    // Never append on a record that does not verify: the append could bury the damage, or set aside committed events.
    const refusal = new DomainError('tampered-log', `${problem}；记录未通过校验，拒绝追加（详见 roster verify）`, ports.stream.location);
    return { head, existing, added, candidate: await derive(existing, ports.evaluator), checks: [], refusal };
  }
  const candidate = await derive([...existing, ...added], ports.evaluator);
  const checks = await allChecks(candidate, ports.evaluator);
  const decided = { head, existing, added, candidate, checks };
  const nameOf = (id: string) => candidate.state.persons[id]?.name ?? id;
  // What every record must hold (domain), then what the rules and checks find about the new events.
  const invariants = foldInvariants({ recorded: existing, events: effectiveLog(existing), nameOf }).state;
  const decision = decideRecord({ head: head.seq, invariants, recorded: existing }, added, nameOf);
  const refusal = decision.ok ? refusalAmong(checks, head.seq) : decision.refusal;
  if (refusal) {
    const kind = refusal.finding.code === 'unknown-person' ? 'unknown-person' : 'contradicts-record';
    return { ...decided, refusal: new DomainError(kind, describeCheck(refusal.finding), where(refusal.index)) };
  }
  // A correction changes the replay of earlier events: refuse it if it makes any of them contradict the record.
  const correction = added.findIndex((e) => e.type === 'EventCorrected');
  if (correction >= 0) {
    const key = (f: CheckFinding) => `${f.code}|${f.eventSeq}|${f.personId}`;
    const before = new Set(
      (await check(await derive(existing, ports.evaluator), ports.evaluator)).filter((f) => f.level === 'error').map(key),
    );
    const broken = (await check(candidate, ports.evaluator)).find((f) => f.level === 'error' && !before.has(key(f)));
    if (broken) {
      return {
        ...decided,
        refusal: new DomainError('contradicts-record', `更正后记录将出现错误：${describeCheck(broken)}`, where(correction)),
      };
    }
  }
  return { ...decided, refusal: undefined };
}

export async function recordEvents(ports: RecordPorts, request: RecordRequest): Promise<readonly RosterEvent[]> {
  const decided = await decideRecording(
    ports,
    request.events,
    {
      recordedBy: request.recordedBy,
      recordedAt: ports.clock.now(),
      ...(request.draftedBy !== undefined ? { draftedBy: request.draftedBy } : {}),
    },
    request.origin,
  );
  if (decided.refusal) throw decided.refusal;
  await ports.stream.append(chained(decided.added, decided.head), decided.head);
  return decided.added;
}
