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
export const REPLAY_FORMAT = 1;

type Value = string | number | boolean | null;

/** A finding as kept: rule id, version index, event, person, effective date, date from source (0/1), facts. */
export type KeptFinding = [string, number, number, string | null, string | null, 0 | 1, Value[]];

/** A status change as kept: status, from, event, the index of its finding (-1: none). */
type KeptChange = [MandateStatus, string | null, number, number];
type KeptMandate = [string, string, string, Mandate['origin'], string | null, KeptChange[]];

/** Everything of a replay but its findings, which are kept one per line after it. */
export interface KeptCore {
  readonly format: number;
  readonly state: Omit<RosterState, 'mandates'> & { readonly mandates: readonly KeptMandate[] };
  readonly unruled: readonly { readonly event: RosterEvent; readonly facts: Value[] }[];
  readonly invariants: InvariantState;
  /** How many findings the replay has (the first this many lines of the kept findings). */
  readonly findings: number;
}

const factsOf = (values: readonly Value[]): Facts => Object.fromEntries(FACT_NAMES.map((name, i) => [name, values[i] ?? null])) as Facts;

function factValues(facts: Readonly<Record<string, Value>>): Value[] {
  const values = FACT_NAMES.map((name) => facts[name] ?? null);
  while (values.length > 0 && values[values.length - 1] === null) values.pop();
  return values;
}

/** A placeholder for a finding that was not loaded (a recording needs the roster, not old findings). */
const unloaded = new WeakMap<object, number>();

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
    const indexOf = (f: Finding | undefined) => (f === undefined ? -1 : (index.get(f) ?? unloaded.get(f) ?? -1));
    const mandates = replay.state.mandates.map(
      (m): KeptMandate => [
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
      unruled: replay.unruled.map((u) => ({ event: u.event, facts: factValues(u.facts) })),
      invariants,
      findings: offset + replay.findings.length,
    };
  }

  /**
   * The replay a core and its findings make. Without `findings` (a recording, which reads the roster
   * only), the changes' findings are placeholders that encode back to their places.
   */
  function decodeCore(core: KeptCore, findings?: readonly Finding[]): { replay: Replay; invariants: InvariantState } {
    const findingAt = (i: number): Finding | undefined => {
      if (i < 0) return undefined;
      if (findings) return findings[i];
      // Loud if anything reads it: only the placeholder's place is ever used.
      const placeholder = new Proxy({} as Finding, {
        get: () => {
          throw new Error('a finding of a kept replay was read without being loaded');
        },
      });
      unloaded.set(placeholder, i);
      return placeholder;
    };
    const mandates = core.state.mandates.map(
      ([mandateId, personId, electingUnit, origin, electedBy, history]): Mandate => ({
        mandateId,
        personId,
        electingUnit,
        origin,
        ...(electedBy !== null ? { electedBy } : {}),
        history: history.map(([status, from, eventSeq, f]): StatusChange => {
          const finding = findingAt(f);
          return { status, from: from ?? undefined, eventSeq, ...(finding ? { finding } : {}) };
        }),
      }),
    );
    const unruled: Unruled[] = core.unruled.map((u) => ({ event: u.event, facts: factsOf(u.facts) }));
    return { replay: { state: { ...core.state, mandates }, findings: findings ?? [], unruled }, invariants: core.invariants };
  }

  return { encodeFinding, decodeFinding, encodeCore, decodeCore };
}

export type ReplayCodec = ReturnType<typeof replayCodec>;
