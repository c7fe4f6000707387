/**
 * A replay (the roster and the rules' findings) as plain JSON to keep beside the record, and back:
 * findings by rule id and version (their title, citation and outcome are the rule book's), facts in
 * the order of FACT_NAMES, mandates' histories as rows. Decoding gives objects equal to those the
 * replay made, so every view prints the same from a kept replay as from a fresh one.
 */
import type { RosterEvent } from '../domain/events.js';
import type { Finding } from '../domain/findings.js';
import type { InvariantState } from '../domain/invariants.js';
import type { Mandate, MandateStatus, RosterState, StatusChange } from '../domain/roster.js';
import type { Replay, Unruled } from './derive.js';
import type { Evaluator } from './evaluator.js';
import { FACT_NAMES, type Facts } from './facts.js';

/** Bumped whenever the shape of what is kept changes: an older kept replay is then rebuilt. */
export const REPLAY_FORMAT = 2;

type Value = string | number | boolean | null;

/** A finding as kept: rule id, version index, event, person, effective date, date from source (0/1), facts. */
export type KeptFinding = [string, number, number, string | null, string | null, 0 | 1, Value[]];

/** A status change as kept: status, from, event, the index of its finding (-1: none). */
type KeptChange = [MandateStatus, string | null, number, number];
type KeptMandate = [string, string, string, Mandate['origin'], string | null, KeptChange[]];

/** A line kept after the core: a finding, or an event no rule decided (by seq, with the facts then). */
export type KeptLine = ['f', KeptFinding] | ['u', [number, Value[]]];

/** Everything of a replay but its findings and undecided events, which are kept as lines after it. */
export interface KeptCore {
  readonly format: number;
  readonly state: Omit<RosterState, 'mandates'> & { readonly mandates: readonly KeptMandate[] };
  readonly invariants: InvariantState;
  /** How many findings the replay has (the `f` lines among the kept lines). */
  readonly findings: number;
}

const factsOf = (values: readonly Value[]): Facts => Object.fromEntries(FACT_NAMES.map((name, i) => [name, values[i] ?? null])) as Facts;

function factValues(facts: Readonly<Record<string, Value>>): Value[] {
  const values = FACT_NAMES.map((name) => facts[name] ?? null);
  while (values.length > 0 && values[values.length - 1] === null) values.pop();
  return values;
}

/** Where a finding that was not loaded stands: a recording needs the roster, not old findings. */
const KEPT_AT = Symbol('kept finding index');

/** The kept row of a mandate decoded on demand: unless it changes, it is written back as it was read. */
const keptRows = new WeakMap<Mandate, KeptMandate>();

export function replayCodec(evaluator: Evaluator) {
  const { book } = evaluator;

  function encodeFinding(f: Finding): KeptFinding {
    const rule = book.byId.get(f.ruleId);
    const version = rule ? rule.versions.findIndex((v) => v.citation === f.citation || v.citation.text === f.citation.text) : -1;
    if (!rule || version < 0) throw new Error(`finding of an unknown rule or version: ${f.ruleId}`);
    return [f.ruleId, version, f.eventSeq, f.personId ?? null, f.effectiveDate ?? null, f.dateFromSource ? 1 : 0, factValues(f.facts)];
  }

  function decodeFinding(k: KeptFinding): Finding {
    const [ruleId, version, eventSeq, personId, effectiveDate, dateFromSource, facts] = k;
    const rule = book.byId.get(ruleId);
    const v = rule?.versions[version];
    if (!rule || !v) throw new Error(`kept finding of a rule no longer in the book: ${ruleId}`);
    return {
      ruleId,
      ruleFile: rule.file,
      title: rule.spec.title,
      citation: v.citation,
      outcome: rule.spec.rule.event,
      eventSeq,
      personId: personId ?? undefined,
      effectiveDate: effectiveDate ?? undefined,
      dateFromSource: dateFromSource === 1,
      facts: factsOf(facts),
    };
  }

  /**
   * The core of a replay. `offset`: how many findings come before `replay.findings` (a replay that
   * continues a kept one holds only its new findings; the kept ones stay where they are).
   */
  function encodeCore(replay: Replay, invariants: InvariantState, offset = 0): KeptCore {
    const index = new Map(replay.findings.map((f, i) => [f, offset + i]));
    const indexOf = (f: Finding | undefined) =>
      f === undefined ? -1 : (index.get(f) ?? (f as unknown as { [KEPT_AT]?: number })[KEPT_AT] ?? -1);
    const mandates = replay.state.mandates.map(
      (m): KeptMandate =>
        keptRows.get(m) ?? [
          m.mandateId,
          m.personId,
          m.electingUnit,
          m.origin,
          m.electedBy ?? null,
          m.history.map((h): KeptChange => [h.status, h.from ?? null, h.eventSeq, indexOf(h.finding)]),
        ],
    );
    return {
      format: REPLAY_FORMAT,
      state: { ...replay.state, mandates },
      invariants,
      findings: offset + replay.findings.length,
    };
  }

  /** The lines of a replay's findings and undecided events (those after a kept replay's, when it continues one). */
  function encodeLines(replay: Replay): KeptLine[] {
    return [
      ...replay.findings.map((f): KeptLine => ['f', encodeFinding(f)]),
      ...replay.unruled.map((u): KeptLine => ['u', [u.event.seq, factValues(u.facts)]]),
    ];
  }

  /**
   * The replay a core and its lines make; `eventAt` gives the replayed event with a seq. Without
   * lines (a recording, which reads the roster only) the changes' findings are placeholders that
   * encode back to their places, and there are no findings or undecided events.
   */
  function decodeCore(
    core: KeptCore,
    kept?: { readonly lines: readonly KeptLine[]; readonly eventAt: (seq: number) => RosterEvent | undefined },
  ): { replay: Replay; invariants: InvariantState } {
    const findings: Finding[] = [];
    const unruled: Unruled[] = [];
    for (const line of kept?.lines ?? []) {
      if (line[0] === 'f') findings.push(decodeFinding(line[1]));
      else {
        const [seq, facts] = line[1];
        const event = kept!.eventAt(seq);
        if (!event) throw new Error(`kept undecided event ${seq} is not in the record`);
        unruled.push({ event, facts: factsOf(facts) });
      }
    }
    const findingAt = (i: number): Finding | undefined => {
      if (i < 0) return undefined;
      if (kept) return findings[i];
      return { [KEPT_AT]: i } as unknown as Finding;
    };
    const historyOf = (rows: readonly KeptChange[]) =>
      rows.map(([status, from, eventSeq, f]): StatusChange => {
        const finding = findingAt(f);
        return { status, from: from ?? undefined, eventSeq, ...(finding ? { finding } : {}) };
      });
    const mandates = core.state.mandates.map((row): Mandate => {
      const [mandateId, personId, electingUnit, origin, electedBy, rows] = row;
      const head = { mandateId, personId, electingUnit, origin, ...(electedBy !== null ? { electedBy } : {}) };
      if (kept) return { ...head, history: historyOf(rows) };
      // For a recording: a history is decoded only if the new events touch it.
      let history: StatusChange[] | undefined;
      const m: Mandate = {
        ...head,
        get history() {
          history ??= historyOf(rows);
          return history;
        },
      };
      keptRows.set(m, row);
      return m;
    });
    return { replay: { state: { ...core.state, mandates }, findings, unruled }, invariants: core.invariants };
  }

  return { encodeFinding, decodeFinding, encodeCore, encodeLines, decodeCore };
}

export type ReplayCodec = ReturnType<typeof replayCodec>;
