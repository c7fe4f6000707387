/**
 * The record's replay kept beside it (src/store/replay-store.ts), under a key naming the committed
 * head, the rules' fingerprint and the program's version: a command reads the record but replays it
 * only when nothing is kept for exactly that; a recording that continues the kept replay adds its
 * own findings to it. Losing what is kept costs time, never a result: a kept replay that cannot be
 * read or written is made again.
 *
 * A recording does not rewrite the kept core: it passes the kept replay on to the new head
 * (`ReplayStore.pass`), the core then standing that many records behind it; whoever reads the kept
 * replay replays those last records of the record onto the core (a few; the record's own, chained
 * onto the core's head). Past `PASS_LIMIT` records behind, the recording keeps a new core.
 */
import { createHash } from 'node:crypto';
import { effectiveLog } from '../domain/corrections.js';
import type { RosterEvent } from '../domain/events.js';
import { foldInvariants, type InvariantState } from '../domain/invariants.js';
import { type Derivation, derive, type Replay, replay } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import {
  type KeptCore,
  type KeptFinding,
  type KeptLedger,
  type KeptLine,
  lineOfFinding,
  partsAfter,
  REPLAY_FORMAT,
  type ReplayCodec,
  replayCodec,
} from '../engine/replay-codec.js';
import { type ConfirmationPoint, confirmationPoints } from '../ledger/headcount.js';
import { continues } from '../store/chain.js';
import type { Head, RecordStream } from '../store/record-store.js';
import type { CoreSections, KeptCoreSections, ReplayStore } from '../store/replay-store.js';
import { vouchedTail } from './read-record.js';
import { eventsStart, startAmong } from './targets.js';

export interface Keeping {
  readonly store: ReplayStore;
  /** The program's own version (src/paths.ts `codeVersion`): a replay is kept for one build only. */
  readonly code: string;
}

export function keyOf(head: Head, evaluator: Evaluator, code: string): string {
  return createHash('sha256')
    .update(JSON.stringify([REPLAY_FORMAT, head.seq, head.hash, evaluator.book.fingerprint, code]))
    .digest('hex');
}

/** The invariants folded over the whole replayed record: kept with the replay, so a recording resumes them. */
function invariantsFolded(d: Derivation): InvariantState {
  return foldInvariants({ recorded: d.recorded, events: d.events, nameOf: (id) => d.state.persons[id]?.name ?? id }).state;
}

/** The state's tables kept as sections of their own (the rest of the core is read at once). */
const SECTIONS = [
  'sessions',
  'persons',
  'mandates',
  'absences',
  'reports',
  'announcements',
  'openingBalances',
  'organs',
  'tenures',
  'personnelActs',
  'unmatchedEnds',
  'oaths',
  'permissions',
] as const satisfies readonly (keyof KeptCore['state'])[];

/** A core as the store keeps it: the state's tables and the invariants each a section, a command reading only those it needs. */
function sectionsOf(core: KeptCore): CoreSections {
  const { state, invariants, ...main } = core;
  const rest: Record<string, unknown> = { ...state };
  // The invariants' per-person tables each a table of its own: a recording looks up the persons its events name.
  const { registered, names, named, ...invariantsRest } = invariants;
  const sections: Record<string, unknown> = {
    invariants: invariantsRest,
    'invariants.registered': registered,
    'invariants.names': names,
    'invariants.named': named,
  };
  for (const name of SECTIONS) {
    sections[`state.${name}`] = rest[name];
    delete rest[name];
  }
  return {
    main: { ...main, state: rest, order: Object.keys(state) },
    sections,
    tables: new Set(['state.persons', 'state.mandates', 'invariants.registered', 'invariants.names']),
  };
}

/** The invariants as kept: the per-person tables read one entry at a time, the list of named deputies when first asked for. */
function invariantsOf(kept: KeptCoreSections): InvariantState {
  const rest = kept.section('invariants') as Omit<InvariantState, 'registered' | 'names' | 'named'>;
  const once = <T>(make: () => T): PropertyDescriptor => {
    let made: T | undefined;
    return { get: () => (made ??= make()), enumerable: true };
  };
  return Object.defineProperties({ ...rest } as InvariantState, {
    registered: once(() => kept.table('invariants.registered')),
    names: once(() => kept.table('invariants.names')),
    named: once(() => kept.section('invariants.named')),
  });
}

/**
 * The core kept in sections, each section read when the replay first asks for it; `byEntry`: the
 * tables read one entry at a time (a ledger names a few persons; a recording reads the persons and
 * the mandates its events name).
 */
function coreOf(kept: KeptCoreSections, byEntry: readonly ('persons' | 'mandates')[] = []): KeptCore {
  const { order, ...main } = kept.main as Omit<KeptCore, 'invariants'> & { readonly order: readonly string[] };
  const sections = new Set<string>(SECTIONS);
  // In the order the replay made them, so the state prints as a fresh one does.
  const state: Record<string, unknown> = {};
  for (const name of order) {
    if ((byEntry as readonly string[]).includes(name)) {
      let entries: unknown;
      Object.defineProperty(state, name, {
        get: () => {
          entries ??= kept.table(`state.${name}`);
          return entries;
        },
        enumerable: true,
      });
    } else if (sections.has(name)) Object.defineProperty(state, name, { get: () => kept.section(`state.${name}`), enumerable: true });
    else state[name] = (main.state as Record<string, unknown>)[name];
  }
  let invariants: InvariantState | undefined;
  return Object.defineProperties({ ...main, state } as unknown as KeptCore, {
    invariants: { get: () => (invariants ??= invariantsOf(kept)), enumerable: true },
  });
}

/** How many records a kept core may stand behind the head before a recording keeps a new one. */
export const PASS_LIMIT = 32;

/** Keep a derivation under the head it was made for; a failure to keep it is no failure of the command. */
export async function keep(keeping: Keeping | undefined, evaluator: Evaluator, head: Head, d: Derivation): Promise<void> {
  if (!keeping) return;
  const codec = replayCodec();
  try {
    // The lines first: they fill the tables the core keeps.
    const lines = codec.encodeLines(d);
    const ledger: KeptLedger = { points: confirmationPoints(d), eventsStart: eventsStart(d.state.congress?.term.start, d.events) };
    const parts = partsAfter([], d.findings.length, d.unruled.length);
    await keeping.store.save(
      keyOf(head, evaluator, keeping.code),
      sectionsOf(codec.encodeCore(d, invariantsFolded(d), { ledger, parts, head })),
      lines,
    );
  } catch {
    // Kept replays are a cache: a read-only folder or a full disk only means replaying next time.
  }
}

/**
 * Records a kept replay may hold past its core: those a recording continuing it could record
 * (src/app/record.ts `CHECKED_BY_ROSTER`); never a correction (it changes the replay before it) nor
 * an event `confirmationPoints` reads, whose kept points a continued replay keeps as they are.
 */
const passable = (e: RosterEvent) =>
  e.type !== 'EventCorrected' &&
  e.type !== 'OpeningBalanceStated' &&
  e.type !== 'CredentialsReportAdopted' &&
  e.type !== 'QualificationReviewed' &&
  e.type !== 'UnnamedDeputiesReviewed' &&
  e.type !== 'SessionHeld';

/**
 * The last `behind` records of the record, read from its end, where they are those the kept core
 * was passed on for: at the vouched `head`, following the core's head one by one. Undefined on any doubt.
 */
async function recordsPast(stream: RecordStream, core: KeptCore, head: Head, behind: number): Promise<readonly RosterEvent[] | undefined> {
  const tail = await vouchedTail(stream, behind);
  if (!tail || tail.head.seq !== head.seq || tail.head.hash !== head.hash) return undefined;
  const { records, events } = tail;
  const follows =
    core.head.seq + behind === head.seq &&
    records.length === behind &&
    events.length === behind &&
    events.every(passable) &&
    continues(core.head, records);
  return follows ? events : undefined;
}

/**
 * The record derived: from the replay kept for its head where there is one, else replayed (and
 * kept). A record that does not verify (`problem`) is replayed as it is stored, never answered from
 * what was kept for an intact record, and nothing is kept for it.
 */
export async function derivationOf(
  keeping: Keeping | undefined,
  evaluator: Evaluator,
  read: { readonly head: Head; readonly events: readonly RosterEvent[]; readonly problem?: string | undefined },
  keepIt = true,
): Promise<Derivation> {
  if (read.problem !== undefined) return derive(read.events, evaluator);
  if (keeping) {
    const kept = await keeping.store.load(keyOf(read.head, evaluator, keeping.code)).catch(() => undefined);
    if (kept?.lines) {
      try {
        const events = effectiveLog(read.events);
        const bySeq = new Map(events.map((e) => [e.seq, e]));
        const core = coreOf(kept.core);
        const { replay: decoded } = replayCodec(core.tables).decodeCore(core, {
          lines: kept.lines as KeptLine[],
          eventAt: (seq) => bySeq.get(seq),
        });
        // The records past the core (read and verified with the rest: only where they follow it).
        const after = kept.behind > 0 ? read.events.slice(-kept.behind) : [];
        const first = after[0];
        if (
          kept.behind > 0 &&
          (first?.seq !== core.head.seq + 1 || core.head.seq + kept.behind !== read.head.seq || !after.every(passable))
        ) {
          throw new Error('the records past the kept core are not those it was passed on for');
        }
        const whole = after.length > 0 ? await replay(decoded, after, evaluator) : decoded;
        return { recorded: read.events, events, ...whole };
      } catch {
        // Kept by rules that no longer read it the same way: replay.
      }
    }
  }
  const d = await derive(read.events, evaluator);
  if (keepIt) await keep(keeping, evaluator, read.head, d);
  return d;
}

/** The kept replay a recording continues: the roster (no findings) at the vouched head, and what it needs to keep the replay after it. */
export interface KeptCoreAtHead {
  /** The committed head, vouched for (src/app/read-record.ts `vouchedTail`). */
  readonly head: Head;
  readonly replay: Replay;
  readonly invariants: InvariantState;
  readonly key: string;
  readonly codec: ReplayCodec;
  /** The core as kept (its findings, ledger, parts, head), the ledger brought up to the head. */
  readonly core: Pick<KeptCore, 'findings' | 'ledger' | 'parts'>;
  /** How many records the core stands behind the head, and what the rules found replaying them. */
  readonly behind: number;
  readonly since: Pick<Replay, 'findings' | 'unruled'>;
}

/**
 * The kept replay of the record at its committed head, roster only (no findings): what a recording
 * continues from. Only for a head the store vouches for (`vouchedTail`), with the records the kept
 * core stands behind it replayed onto it; undefined on any doubt.
 */
export async function keptCore(
  keeping: Keeping | undefined,
  evaluator: Evaluator,
  stream: RecordStream,
): Promise<KeptCoreAtHead | undefined> {
  if (!keeping) return undefined;
  const vouched = await vouchedTail(stream, 0);
  if (!vouched) return undefined;
  const { head } = vouched;
  const key = keyOf(head, evaluator, keeping.code);
  const kept = await keeping.store.load(key, { coreOnly: true }).catch(() => undefined);
  if (!kept) return undefined;
  try {
    // The persons one at a time: a recording reads those its events name (and registers over the table).
    const core = coreOf(kept.core, ['persons', 'mandates']);
    if (core.format !== REPLAY_FORMAT) return undefined;
    const codec = replayCodec(core.tables);
    const decoded = codec.decodeCore(core);
    const base = { head, key, codec, core: { findings: core.findings, parts: core.parts, ledger: core.ledger }, behind: kept.behind };
    if (kept.behind === 0) return { ...base, ...decoded, since: { findings: [], unruled: [] } };
    const after = await recordsPast(stream, core, head, kept.behind);
    if (!after) return undefined;
    const since = await replay({ state: decoded.replay.state, findings: [], unruled: [] }, after, evaluator);
    const nameOf = (id: string) => since.state.persons[id]?.name ?? id;
    const invariants = foldInvariants({ recorded: after, events: after, nameOf }, decoded.invariants).state;
    const ledger: KeptLedger = { points: core.ledger.points, eventsStart: eventsStart(core.ledger.eventsStart, after) };
    return {
      ...base,
      core: { findings: core.findings, parts: core.parts, ledger },
      replay: { state: since.state, findings: [], unruled: [] },
      invariants,
      since,
    };
  } catch {
    return undefined;
  }
}

/**
 * Keep the replay a recording continued: passed on to the new head (nothing rewritten), or, past
 * `PASS_LIMIT` records behind, a new core (the kept lines stay; the findings and undecided events
 * of the records past the old core and of the new events are added).
 */
export async function keepContinued(
  keeping: Keeping,
  evaluator: Evaluator,
  base: KeptCoreAtHead,
  head: Head,
  added: readonly RosterEvent[],
  next: Replay,
  invariants: InvariantState,
): Promise<void> {
  // A continued replay holds only events it can pass on (src/app/record.ts never continues others).
  if (!added.every(passable)) return;
  try {
    const key = keyOf(head, evaluator, keeping.code);
    const behind = base.behind + added.length;
    if (behind <= PASS_LIMIT) {
      await keeping.store.pass(base.key, key, behind);
      return;
    }
    const all: Replay = {
      state: next.state,
      findings: [...base.since.findings, ...next.findings],
      unruled: [...base.since.unruled, ...next.unruled],
    };
    const lines = base.codec.encodeLines(all);
    const ledger: KeptLedger = { points: base.core.ledger.points, eventsStart: eventsStart(base.core.ledger.eventsStart, added) };
    const parts = partsAfter(base.core.parts, all.findings.length, all.unruled.length);
    await keeping.store.extend(
      base.key,
      key,
      sectionsOf(base.codec.encodeCore(all, invariants, { ledger, parts, head }, base.core.findings)),
      lines,
    );
  } catch {
    // As in `keep`: only time is lost.
  }
}

/** What a ledger reads of the record, from the replay kept for it. */
export interface KeptLedgerSource {
  readonly state: Replay['state'];
  readonly points: readonly ConfirmationPoint[];
  /** The record's start (src/app/targets.ts `recordStart`). */
  readonly start: string | undefined;
}

/**
 * What a ledger reads (the roster, the confirmation points, the record's start) from the replay
 * kept for the committed head, without reading the record: only where the store vouches for its
 * head cheaply (`vouchedTail`: the trade-off `recordOnKept` makes, src/app/record.ts), and the
 * findings of the changes the ledger lists read each when first asked for. Undefined on any doubt
 * (nothing kept for exactly this head, a head not vouched for): the caller reads the whole record.
 */
export async function keptLedger(
  keeping: Keeping | undefined,
  evaluator: Evaluator,
  stream: RecordStream,
): Promise<KeptLedgerSource | undefined> {
  if (!keeping) return undefined;
  const vouched = await vouchedTail(stream, 0).catch(() => undefined);
  if (!vouched) return undefined;
  const { head } = vouched;
  const kept = await keeping.store.load(keyOf(head, evaluator, keeping.code), { lazyLines: true }).catch(() => undefined);
  const lineAt = kept?.lineAt;
  if (!kept || !lineAt) return undefined;
  try {
    // The persons one at a time, unless records past the core are replayed; the mandates whole (a ledger reads them all).
    const core = coreOf(kept.core, kept.behind === 0 ? ['persons'] : []);
    if (core.format !== REPLAY_FORMAT) return undefined;
    const findingAt = (i: number): KeptFinding => {
      const at = lineOfFinding(core.parts, i);
      const line = at === undefined ? undefined : (lineAt(at) as KeptLine);
      if (line?.[0] !== 'f') throw new Error(`kept finding ${i} is not where its part says`);
      return line[1];
    };
    const { replay: decoded } = replayCodec(core.tables).decodeCore(core, { findingAt });
    let { state } = decoded;
    let { eventsStart: fromEvents } = core.ledger;
    if (kept.behind > 0) {
      const after = await recordsPast(stream, core, head, kept.behind);
      if (!after) return undefined;
      state = (await replay(decoded, after, evaluator)).state;
      fromEvents = eventsStart(fromEvents, after);
    }
    return { state, points: core.ledger.points as ConfirmationPoint[], start: startAmong(fromEvents, state.sessions) };
  } catch {
    return undefined;
  }
}
