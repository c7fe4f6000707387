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
import { type KeptCore, type KeptLine, REPLAY_FORMAT, type ReplayCodec, replayCodec } from '../engine/replay-codec.js';
import type { Head } from '../store/record-store.js';
import type { ReplayStore } from '../store/replay-store.js';

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
    await keeping.store.save(keyOf(head, evaluator, keeping.code), codec.encodeCore(d, invariantsOf(d)), lines);
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
): Promise<{ replay: Replay; invariants: InvariantState; findings: number; key: string; codec: ReplayCodec } | undefined> {
  if (!keeping) return undefined;
  const key = keyOf(head, evaluator, keeping.code);
  const kept = await keeping.store.load(key, { coreOnly: true }).catch(() => undefined);
  if (!kept) return undefined;
  try {
    const core = kept.core as KeptCore;
    if (core.format !== REPLAY_FORMAT) return undefined;
    const codec = replayCodec(core.tables);
    return { ...codec.decodeCore(core), findings: core.findings, key, codec };
  } catch {
    return undefined;
  }
}

/** Keep the replay a recording continued: the kept one's lines stay, the new findings and undecided events are added. */
export async function keepContinued(
  keeping: Keeping,
  evaluator: Evaluator,
  base: { readonly key: string; readonly findings: number; readonly codec: ReplayCodec },
  head: Head,
  next: Replay,
  invariants: InvariantState,
): Promise<void> {
  try {
    const lines = base.codec.encodeLines(next);
    await keeping.store.extend(
      base.key,
      keyOf(head, evaluator, keeping.code),
      base.codec.encodeCore(next, invariants, base.findings),
      lines,
    );
  } catch {
    // As in `keep`: only time is lost.
  }
}
