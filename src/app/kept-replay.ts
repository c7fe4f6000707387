/**
 * The record's replay kept beside it (src/store/replay-store.ts), under a key naming the committed
 * head, the rules' fingerprint and the program's version: a command reads the record but replays it
 * only when nothing is kept for exactly that; a recording that continues the kept replay adds its
 * own findings to it. Losing what is kept costs time, never a result: a kept replay that cannot be
 * read or written is made again.
 */
import { createHash } from 'node:crypto';
import { effectiveLog } from '../domain/corrections.js';
import type { RosterEvent } from '../domain/events.js';
import { foldInvariants, type InvariantState } from '../domain/invariants.js';
import { type Derivation, derive, type Replay } from '../engine/derive.js';
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
import type { Head, RecordStream } from '../store/record-store.js';
import type { ReplayStore } from '../store/replay-store.js';
import { vouchedHead } from './read-record.js';
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
function invariantsOf(d: Derivation): InvariantState {
  return foldInvariants({ recorded: d.recorded, events: d.events, nameOf: (id) => d.state.persons[id]?.name ?? id }).state;
}

/** Keep a derivation under the head it was made for; a failure to keep it is no failure of the command. */
export async function keep(keeping: Keeping | undefined, evaluator: Evaluator, head: Head, d: Derivation): Promise<void> {
  if (!keeping) return;
  const codec = replayCodec();
  try {
    // The lines first: they fill the tables the core keeps.
    const lines = codec.encodeLines(d);
    const ledger: KeptLedger = { points: confirmationPoints(d), eventsStart: eventsStart(d.state.congress?.term.start, d.events) };
    const parts = partsAfter([], d.findings.length, d.unruled.length);
    await keeping.store.save(keyOf(head, evaluator, keeping.code), codec.encodeCore(d, invariantsOf(d), { ledger, parts }), lines);
  } catch {
    // Kept replays are a cache: a read-only folder or a full disk only means replaying next time.
  }
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
        const core = kept.core as KeptCore;
        const { replay } = replayCodec(core.tables).decodeCore(core, {
          lines: kept.lines as KeptLine[],
          eventAt: (seq) => bySeq.get(seq),
        });
        return { recorded: read.events, events, ...replay };
      } catch {
        // Kept by rules that no longer read it the same way: replay.
      }
    }
  }
  const d = await derive(read.events, evaluator);
  if (keepIt) await keep(keeping, evaluator, read.head, d);
  return d;
}

/** The kept replay of the record at `head`, roster only (no findings): what a recording continues from. */
export async function keptCore(
  keeping: Keeping | undefined,
  evaluator: Evaluator,
  head: Head,
): Promise<
  | (Pick<KeptCore, 'findings' | 'ledger' | 'parts'> & { replay: Replay; invariants: InvariantState; key: string; codec: ReplayCodec })
  | undefined
> {
  if (!keeping) return undefined;
  const key = keyOf(head, evaluator, keeping.code);
  const kept = await keeping.store.load(key, { coreOnly: true }).catch(() => undefined);
  if (!kept) return undefined;
  try {
    const core = kept.core as KeptCore;
    if (core.format !== REPLAY_FORMAT) return undefined;
    const codec = replayCodec(core.tables);
    return { ...codec.decodeCore(core), findings: core.findings, ledger: core.ledger, parts: core.parts, key, codec };
  } catch {
    return undefined;
  }
}

/** Keep the replay a recording continued: the kept one's lines stay, the new findings and undecided events are added. */
export async function keepContinued(
  keeping: Keeping,
  evaluator: Evaluator,
  base: Pick<KeptCore, 'findings' | 'ledger' | 'parts'> & { readonly key: string; readonly codec: ReplayCodec },
  head: Head,
  added: readonly RosterEvent[],
  next: Replay,
  invariants: InvariantState,
): Promise<void> {
  // The kept confirmation points are read off events a continued replay never holds (a recording
  // of those kinds replays the whole record, src/app/record.ts): where one does, keep nothing.
  if (added.some(movesPoints)) return;
  try {
    const lines = base.codec.encodeLines(next);
    const ledger: KeptLedger = { points: base.ledger.points, eventsStart: eventsStart(base.ledger.eventsStart, added) };
    const parts = partsAfter(base.parts, next.findings.length, next.unruled.length);
    await keeping.store.extend(
      base.key,
      keyOf(head, evaluator, keeping.code),
      base.codec.encodeCore(next, invariants, { ledger, parts }, base.findings),
      lines,
    );
  } catch {
    // As in `keep`: only time is lost.
  }
}

/** Events `confirmationPoints` reads (besides the sessions, which a continued replay never changes either). */
const movesPoints = (e: RosterEvent) =>
  e.type === 'OpeningBalanceStated' ||
  e.type === 'CredentialsReportAdopted' ||
  e.type === 'QualificationReviewed' ||
  e.type === 'UnnamedDeputiesReviewed' ||
  e.type === 'SessionHeld';

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
 * head cheaply (`vouchedHead`: the trade-off `recordOnKept` makes, src/app/record.ts), and the
 * findings of the changes the ledger lists read each when first asked for. Undefined on any doubt
 * (nothing kept for exactly this head, a head not vouched for): the caller reads the whole record.
 */
export async function keptLedger(
  keeping: Keeping | undefined,
  evaluator: Evaluator,
  stream: RecordStream,
): Promise<KeptLedgerSource | undefined> {
  if (!keeping) return undefined;
  const head = await vouchedHead(stream).catch(() => undefined);
  if (!head) return undefined;
  const kept = await keeping.store.load(keyOf(head, evaluator, keeping.code), { lazyLines: true }).catch(() => undefined);
  const lineAt = kept?.lineAt;
  if (!kept || !lineAt) return undefined;
  try {
    const core = kept.core as KeptCore;
    if (core.format !== REPLAY_FORMAT) return undefined;
    const findingAt = (i: number): KeptFinding => {
      const at = lineOfFinding(core.parts, i);
      const line = at === undefined ? undefined : (lineAt(at) as KeptLine);
      if (line?.[0] !== 'f') throw new Error(`kept finding ${i} is not where its part says`);
      return line[1];
    };
    const { replay } = replayCodec(core.tables).decodeCore(core, { findingAt });
    return {
      state: replay.state,
      points: core.ledger.points as ConfirmationPoint[],
      start: startAmong(core.ledger.eventsStart, replay.state.sessions),
    };
  } catch {
    return undefined;
  }
}
