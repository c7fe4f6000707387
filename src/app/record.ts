/**
 * Recording: read the record, decide whether the new events fit it, append them with the head that
 * was read. The events are replayed after the record through the rules, and refused where a check
 * finds that one of them contradicts the record: every such event at once, each with its index in
 * the batch and the person it is about (why one decision of the whole batch, not one event at a
 * time: src/domain/recording.ts); a correction is also refused where it makes an earlier event
 * contradict it. A preview decides the same way and shows what the events would change, writing nothing.
 *
 * Every recording is admitted first (src/app/admit.ts: the events and who records them). Where the
 * record's replay is kept for its head (src/app/kept-replay.ts), the store vouches for that head
 * (`vouchedHead`) and the events are of the kinds whose checks look only at the roster
 * (`CHECKED_BY_ROSTER`), the recording continues the kept replay: it evaluates the new events and
 * the checks they can fail, and reads only the end of the record.
 */
import { allChecks } from '../checks/all-checks.js';
import { inCheckOrder } from '../checks/check-order.js';
import { check, electionChecks, unruledChecks } from '../checks/consistency.js';
import { describeCheck } from '../checks/describe-check.js';
import { recordFactChecks } from '../checks/record-facts.js';
import type { CheckCode, CheckFinding } from '../domain/check-findings.js';
import { DomainError } from '../domain/errors.js';
import type { EventInput, EventType, RosterEvent } from '../domain/events.js';
import { textProblem } from '../domain/input-limits.js';
import { foldInvariants } from '../domain/invariants.js';
import { decideRecord, distinctErrors, type Refusal, refusalsAmong } from '../domain/recording.js';
import type { RosterState } from '../domain/roster.js';
import { type Derivation, derive, replay } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import type { Head, RecordStream } from '../store/record-store.js';
import { chained, type Stamps, stamp } from '../store/stored-records.js';
import { admitEvents } from './admit.js';
import { type Clock, latestToday } from './clock.js';
import { derivationOf, type Keeping, keep, keepContinued, keptCore } from './kept-replay.js';
import { readRecord } from './read-record.js';
import { viewsOf } from './stream-views.js';

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
  /** Every event the record refuses, and why (empty when it would append them, or refuses the record itself). */
  readonly refused: readonly RefusedEvent[];
}

/**
 * An event of the batch the record refuses, and one reason (an event refused for two reasons is
 * listed twice): where it is in the batch as submitted, the person it is about, the check's code and
 * the sentence a clerk reads. A sheet's rows are found from `index` (src/app/record-changes.ts).
 */
export interface RefusedEvent {
  /** 0-based, in the batch as submitted. */
  readonly index: number;
  /** The seq it would have been recorded under (the messages' 第N条事件). */
  readonly seq: number;
  /** `第3个事件（$[2]）`. */
  readonly where: string;
  readonly kind: 'unknown-person' | 'contradicts-record';
  readonly code: CheckCode;
  readonly personId?: string;
  readonly name?: string;
  readonly message: string;
}

const where = (index: number) => `第${index + 1}个事件（$[${index}]）`;

/**
 * A refusal as the clerk reads it, about the person the finding (else the event) names. `through`:
 * a correction refused for what it makes of an earlier event (the finding is about that one).
 */
function refusedEvent(r: Refusal, added: readonly RosterEvent[], state: RosterState, through?: 'correction'): RefusedEvent {
  const event = added[r.index];
  const personId = r.finding.personId ?? (event && 'personId' in event ? event.personId : undefined);
  const name = personId ? state.persons[personId]?.name : undefined;
  return {
    index: r.index,
    seq: event?.seq ?? r.finding.eventSeq ?? 0,
    where: where(r.index),
    kind: r.finding.code === 'unknown-person' && !through ? 'unknown-person' : 'contradicts-record',
    code: r.finding.code,
    ...(personId ? { personId } : {}),
    ...(name ? { name } : {}),
    message: through ? `更正后记录将出现错误：${describeCheck(r.finding)}` : describeCheck(r.finding),
  };
}

/**
 * The refusal of a batch: one event refused as it always was (`第1个事件（$[0]）: …`); several listed
 * one a line, each with its place, and given as data (`problems`) for `--json` and the API.
 */
function refusalError(refused: readonly RefusedEvent[]): DomainError {
  const kind = refused.every((r) => r.kind === 'unknown-person') ? 'unknown-person' : 'contradicts-record';
  if (refused.length === 1) return new DomainError(kind, refused[0]!.message, refused[0]!.where, refused);
  const events = new Set(refused.map((r) => r.index)).size;
  const head = `记录拒绝其中${events}个事件${events === refused.length ? '' : `（问题${refused.length}项）`}，未写入任何记录：`;
  return new DomainError(kind, [head, ...refused.map((r) => `  ${r.where}：${r.message}`)].join('\n'), undefined, refused);
}

/**
 * Event kinds a recording can decide from the kept roster alone: every check that can find one of
 * them contradicting the record reads the roster and the event (registration or an organ defined
 * once; a person known; a mandate that still stands; a vacancy for a by-election in its unit and a
 * seat free in the congress; a change dated after the mandate's previous one and not before the
 * person's birth). The others (a session, whose date a balance recorded earlier must not follow; an
 * absence, which must not repeat one recorded earlier; a roster or a balance, a report, a notice,
 * posts and acts, a review, a correction) are decided over the whole record.
 */
const CHECKED_BY_ROSTER: ReadonlySet<EventType> = new Set<EventType>([
  'PersonRegistered',
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
  'DeputySuspended',
  'SuspensionEnded',
]);

/**
 * The one admission path (src/app/admit.ts), in front of every way of recording: the events as
 * submitted, and who records them (a name like any other; whether one may be empty is the store's to say).
 */
function admitted(ports: RecordPorts, submitted: readonly EventInput[], stamps: Stamps, origin?: EventsOrigin): readonly EventInput[] {
  const byProblem = textProblem(stamps.recordedBy, 'name');
  if (byProblem) throw new DomainError('invalid-input', `记录人${byProblem}`);
  return admitEvents(submitted, {
    today: latestToday(ports.clock),
    ...(origin ? { origin: origin.name, single: origin.single ?? false } : {}),
  });
}

/** `keepRecord`: keep the record's replay where none is kept (a preview does; a recording keeps the one after). */
export async function decideRecording(
  ports: RecordPorts,
  submitted: readonly EventInput[],
  stamps: Stamps,
  origin?: EventsOrigin,
  keepRecord = true,
): Promise<Decided> {
  return decideAdmitted(ports, admitted(ports, submitted, stamps, origin), stamps, keepRecord);
}

/** Admitted events decided over the whole record, read and its chain verified. */
async function decideAdmitted(ports: RecordPorts, events: readonly EventInput[], stamps: Stamps, keepRecord: boolean): Promise<Decided> {
  const read = await readRecord(ports.stream);
  const { head } = read;
  const added = stamp(events, stamps, head.seq);
  if (read.problem) {
    // Never append on a record that does not verify: the append could bury the damage, or set aside committed events.
    const refusal = new DomainError(
      'tampered-log',
      `${read.problem}；记录未通过校验，拒绝追加（详见 roster verify）`,
      ports.stream.location,
    );
    const existing = await derive(read.events, ports.evaluator);
    return { head, existing, added, candidate: existing, checks: [], refusal, refused: [] };
  }
  const existing = await derivationOf(ports.keeping, ports.evaluator, read, keepRecord);
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
  // Every event refused, by the invariants and by the checks (which repeat the invariants' findings once).
  const refusals = refusalsAmong([...(decision.ok ? [] : decision.refusals.map((r) => r.finding)), ...checks], head.seq);
  const refused = refusals.map((r) => refusedEvent(r, added, candidate.state));
  if (refused.length > 0) return { ...decided, refusal: refusalError(refused), refused };
  if (corrects) {
    // A correction changes the replay of earlier events: refuse it for each of them it makes contradict the record.
    const key = (f: CheckFinding) => `${f.code}|${f.eventSeq}|${f.personId}`;
    const before = new Set((await check(existing, ports.evaluator)).filter((f) => f.level === 'error').map(key));
    const index = added.findIndex((e) => e.type === 'EventCorrected');
    const broken = distinctErrors((await check(candidate, ports.evaluator)).filter((f) => !before.has(key(f)))).map((f) =>
      refusedEvent({ index, finding: f }, added, candidate.state, 'correction'),
    );
    if (broken.length > 0) return { ...decided, refusal: refusalError(broken), refused: broken };
  }
  return { ...decided, refusal: undefined, refused: [] };
}

/**
 * Record admitted events by continuing the kept replay; undefined where it cannot (events it cannot
 * decide so, nothing kept for the head, or a head the store's cross-check does not vouch for).
 *
 * The trade-off: this path does not re-verify the whole chain on every append. It trusts the kept
 * replay only for a head the store vouches for cheaply (`vouchedHead`: its own record of the head
 * present, nothing uncommitted past it, the last record the one it names and chained onto the one
 * before); any doubt falls back to the full path, which verifies the chain and refuses to append
 * on a record that does not verify. A change in the middle of the record that leaves its last
 * record intact is found by `roster verify` and by every full read, not by every `record`.
 */
async function recordOnKept(
  ports: RecordPorts,
  events: readonly EventInput[],
  stamps: Stamps,
): Promise<readonly RosterEvent[] | undefined> {
  // A store that keeps read models with each append (a database) takes the full path, which derives them.
  if (!ports.keeping || ports.stream.keepsViews || !events.every((e) => CHECKED_BY_ROSTER.has(e.type))) return undefined;
  // Kept under a key naming the head the store vouches for (src/app/kept-replay.ts): found only for exactly this head.
  const kept = await keptCore(ports.keeping, ports.evaluator, ports.stream);
  if (!kept) return undefined;
  const { head } = kept;
  const added = stamp(events, stamps, head.seq);
  const next = await replay({ state: kept.replay.state, findings: [], unruled: [] }, added, ports.evaluator);
  const nameOf = (id: string) => next.state.persons[id]?.name ?? id;
  const decision = decideRecord({ head: head.seq, invariants: kept.invariants }, added, nameOf);
  // The checks that an event of these kinds can fail, of the new events on the roster they leave: the
  // rules' findings, elections, and the facts (dates, birth, seats).
  const onTop: Derivation = { recorded: added, events: added, ...next };
  // The mandates these kinds of event change are their persons' (a registration or an organ changes none):
  // only those are held against their own earlier changes, the rest of the roster is not read.
  const persons = new Set(added.flatMap((e) => ('personId' in e ? [e.personId] : [])));
  const found = inCheckOrder([
    ...unruledChecks(onTop),
    ...(await electionChecks(onTop, ports.evaluator)),
    ...(await recordFactChecks(onTop, ports.evaluator, { persons })),
  ]);
  // Every event refused, as the full path lists them (the invariants, then the checks, in the batch's order).
  const refusals = refusalsAmong([...(decision.ok ? [] : decision.refusals.map((r) => r.finding)), ...found], head.seq);
  if (!decision.ok || refusals.length > 0) throw refusalError(refusals.map((r) => refusedEvent(r, added, next.state)));
  const after = await ports.stream.append(chained(added, head), head);
  await keepContinued(ports.keeping, ports.evaluator, kept, after, added, next, decision.invariants);
  return added;
}

export async function recordEvents(ports: RecordPorts, request: RecordRequest): Promise<readonly RosterEvent[]> {
  const stamps: Stamps = {
    recordedBy: request.recordedBy,
    recordedAt: ports.clock.now(),
    ...(request.draftedBy !== undefined ? { draftedBy: request.draftedBy } : {}),
  };
  const events = admitted(ports, request.events, stamps, request.origin);
  return (await recordOnKept(ports, events, stamps)) ?? (await recordDecided(ports, events, stamps));
}

/** The full path: decide over the whole record, append, and keep the replay after. */
async function recordDecided(ports: RecordPorts, events: readonly EventInput[], stamps: Stamps): Promise<readonly RosterEvent[]> {
  const decided = await decideAdmitted(ports, events, stamps, false);
  if (decided.refusal) throw decided.refusal;
  const views = ports.stream.keepsViews ? viewsOf(decided.candidate, ports.evaluator) : undefined;
  const after = await ports.stream.append(chained(decided.added, decided.head), decided.head, views);
  await keep(ports.keeping, ports.evaluator, after, decided.candidate);
  return decided.added;
}
