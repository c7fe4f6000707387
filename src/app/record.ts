/**
 * Recording: read the record, decide whether the new events fit it, append them with the head that
 * was read. The events are replayed after the record through the rules, and refused (with the
 * event's index) where a check finds that one of them contradicts the record; a correction is also
 * refused where it makes an earlier event contradict it. A preview decides the same way and shows
 * what the events would change, writing nothing.
 *
 * Where the record's replay is kept for its head (src/app/kept-replay.ts) and the events are of the
 * kinds whose checks look only at the roster (`CHECKED_BY_ROSTER`), the recording continues the kept
 * replay: it evaluates the new events and the checks they can fail, and never reads the record.
 */
import { allChecks } from '../checks/all-checks.js';
import { check, electionChecks, unruledChecks } from '../checks/consistency.js';
import { describeCheck } from '../checks/describe-check.js';
import type { CheckFinding } from '../domain/check-findings.js';
import { DomainError } from '../domain/errors.js';
import type { EventInput, EventType, RosterEvent } from '../domain/events.js';
import { foldInvariants } from '../domain/invariants.js';
import { decideRecord, type Refusal, refusalAmong } from '../domain/recording.js';
import { type Derivation, derive, replay } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import type { Head, RecordStream } from '../store/record-store.js';
import { chained, type Stamps, stamp } from '../store/stored-records.js';
import type { Clock } from './clock.js';
import { derivationOf, type Keeping, keep, keepContinued, keptCore } from './kept-replay.js';
import { readRecord } from './read-record.js';

export interface RecordRequest {
  readonly events: readonly EventInput[];
  /** Who records them: a plain input, never read from the machine. */
  readonly recordedBy: string;
}

/** What recording needs: the stream, the rules, the clock that stamps the events, and where replays are kept. */
export interface RecordPorts {
  readonly stream: RecordStream;
  readonly evaluator: Evaluator;
  readonly clock: Clock;
  readonly keeping?: Keeping;
}

/** The events decided against the record: the record as it stands and as it would stand, and the verdict. */
export interface Decided {
  readonly head: Head;
  readonly existing: Derivation;
  readonly added: readonly RosterEvent[];
  readonly candidate: Derivation;
  /** Every check finding of the record with the events in it. */
  readonly checks: readonly CheckFinding[];
  /** Why `record` would refuse the events; undefined when it would append them. */
  readonly refusal: DomainError | undefined;
}

const where = (index: number) => `第${index + 1}个事件（$[${index}]）`;

function refusalError(refusal: Refusal): DomainError {
  const kind = refusal.finding.code === 'unknown-person' ? 'unknown-person' : 'contradicts-record';
  return new DomainError(kind, describeCheck(refusal.finding), where(refusal.index));
}

/**
 * Event kinds a recording can decide from the kept roster alone: every check that can find one of
 * them contradicting the record reads the roster and the event (registration, a session or an organ
 * defined once; a person known; a mandate that still stands; a vacancy for a by-election). The
 * others (a roster or a balance, a report, a notice, posts and acts, a review, a correction) are
 * decided over the whole record.
 */
const CHECKED_BY_ROSTER: ReadonlySet<EventType> = new Set<EventType>([
  'PersonRegistered',
  'SessionHeld',
  'OrganRegistered',
  'DeputyElected',
  'DeputyTransferredOut',
  'DeputyResignationAccepted',
  'OrderedResignationAccepted',
  'DeputyRecalled',
  'DeputyDied',
  'NationalityLost',
  'PoliticalRightsDeprived',
  'CapacityLost',
  'AbsentWithoutLeave',
  'DeputySuspended',
  'SuspensionEnded',
]);

/** `keepRecord`: keep the record's replay where none is kept (a preview does; a recording keeps the one after). */
export async function decideRecording(
  ports: RecordPorts,
  events: readonly EventInput[],
  stamps: Stamps,
  keepRecord = true,
): Promise<Decided> {
  const read = await readRecord(ports.stream);
  const { head } = read;
  const existing = await derivationOf(ports.keeping, ports.evaluator, read, keepRecord);
  const added = stamp(events, stamps, head.seq);
  const corrects = added.some((e) => e.type === 'EventCorrected');
  // A correction changes the replay from the event it corrects on: replay the whole record then.
  const candidate: Derivation = corrects
    ? await derive([...read.events, ...added], ports.evaluator)
    : {
        recorded: [...existing.recorded, ...added],
        events: [...existing.events, ...added],
        ...(await replay(existing, added, ports.evaluator)),
      };
  const checks = await allChecks(candidate, ports.evaluator);
  const decided = { head, existing, added, candidate, checks };
  const nameOf = (id: string) => candidate.state.persons[id]?.name ?? id;
  // What every record must hold (domain), then what the rules and checks find about the new events.
  const invariants = foldInvariants({ recorded: read.events, events: existing.events, nameOf }).state;
  const decision = decideRecord({ head: head.seq, invariants, recorded: read.events }, added, nameOf);
  const refusal = decision.ok ? refusalAmong(checks, head.seq) : decision.refusal;
  if (refusal) return { ...decided, refusal: refusalError(refusal) };
  if (corrects) {
    // A correction changes the replay of earlier events: refuse it if it makes any of them contradict the record.
    const key = (f: CheckFinding) => `${f.code}|${f.eventSeq}|${f.personId}`;
    const before = new Set((await check(existing, ports.evaluator)).filter((f) => f.level === 'error').map(key));
    const broken = (await check(candidate, ports.evaluator)).find((f) => f.level === 'error' && !before.has(key(f)));
    if (broken) {
      const index = added.findIndex((e) => e.type === 'EventCorrected');
      return { ...decided, refusal: new DomainError('contradicts-record', `更正后记录将出现错误：${describeCheck(broken)}`, where(index)) };
    }
  }
  return { ...decided, refusal: undefined };
}

/** Record by continuing the kept replay; undefined where it cannot (nothing kept for the head, or events it cannot decide so). */
async function recordOnKept(
  ports: RecordPorts,
  events: readonly EventInput[],
  stamps: Stamps,
): Promise<readonly RosterEvent[] | undefined> {
  if (!ports.keeping || !events.every((e) => CHECKED_BY_ROSTER.has(e.type))) return undefined;
  const head = await ports.stream.head();
  const kept = await keptCore(ports.keeping, ports.evaluator, head);
  if (!kept) return undefined;
  const added = stamp(events, stamps, head.seq);
  const next = await replay({ state: kept.replay.state, findings: [], unruled: [] }, added, ports.evaluator);
  const nameOf = (id: string) => next.state.persons[id]?.name ?? id;
  const decision = decideRecord({ head: head.seq, invariants: kept.invariants }, added, nameOf);
  if (!decision.ok) throw refusalError(decision.refusal);
  // The checks of the rules' findings that an event of these kinds can fail: the new events on the roster they leave.
  const onTop: Derivation = { recorded: added, events: added, ...next };
  const found = [...unruledChecks(onTop), ...(await electionChecks(onTop, ports.evaluator))];
  const refusal = refusalAmong(found, head.seq);
  if (refusal) throw refusalError(refusal);
  const after = await ports.stream.append(chained(added, head), head);
  await keepContinued(ports.keeping, ports.evaluator, kept, after, next, decision.invariants);
  return added;
}

export async function recordEvents(ports: RecordPorts, request: RecordRequest): Promise<readonly RosterEvent[]> {
  const stamps = { recordedBy: request.recordedBy, recordedAt: ports.clock.now() };
  const quick = await recordOnKept(ports, request.events, stamps);
  if (quick) return quick;
  const decided = await decideRecording(ports, request.events, stamps, false);
  if (decided.refusal) throw decided.refusal;
  const after = await ports.stream.append(chained(decided.added, decided.head), decided.head);
  await keep(ports.keeping, ports.evaluator, after, decided.candidate);
  return decided.added;
}
