/**
 * A replay (the roster and the rules' findings) as plain JSON to keep beside the record, and back.
 * What repeats is kept once in tables in the core: each rule version a finding rests on (id, file,
 * title, citation, outcome) and each list of fact names; a finding is then a row of references and
 * values, and a mandate's history rows. Decoding gives objects equal to those the replay made, key
 * for key, so every view prints the same from a kept replay as from a fresh one.
 */
import type { RosterEvent } from '../domain/events.js';
import type { Finding } from '../domain/findings.js';
import type { InvariantState } from '../domain/invariants.js';
import {
  MANDATES_BY_PERSON,
  type Mandate,
  type MandateStatus,
  type MandatesByPerson,
  type RosterState,
  type StatusChange,
} from '../domain/roster.js';
import { READ_THROUGH } from '../domain/tables.js';
import type { Replay, Unruled } from './derive.js';

/** Bumped whenever the shape of what is kept changes: an older kept replay is then rebuilt. */
export const REPLAY_FORMAT = 9;

type Value = string | number | boolean | null;
type FactValues = Readonly<Record<string, Value>>;

/** What a finding shares with every other finding of the same rule version. */
type RuleVersionRow = Pick<Finding, 'ruleId' | 'ruleFile' | 'title' | 'citation' | 'outcome'>;

/** A finding as kept: its rule version and fact names (by table index), event, person, effective date, date from source (0/1), fact values. */
export type KeptFinding = [number, number, number, string | null, string | null, 0 | 1, Value[]];

/** A status change as kept: status, from, event, the index of its finding (-1: none). */
type KeptChange = [MandateStatus, string | null, number, number];
/** A mandate as kept: its fields but the history, as the replay made them, and the history as rows. */
type KeptMandate = [Omit<Mandate, 'history'>, KeptChange[]];

/** A line kept after the core: a finding, or an event no rule decided (by seq, with the facts then: names' index, values). */
export type KeptLine = ['f', KeptFinding] | ['u', [number, number, Value[]]];

/**
 * What a ledger reads off the record's events rather than its roster, kept so that `headcount`
 * needs no events: the confirmation points (src/ledger/headcount.ts `confirmationPoints`) and the
 * earliest date the events state (src/app/targets.ts `eventsStart`).
 */
export interface KeptLedger {
  readonly points: readonly { readonly session?: number | undefined; readonly date?: string | undefined; readonly opening: boolean }[];
  readonly eventsStart: string | undefined;
}

/** The mandates as kept: by person, each with its position in the roster's list, oldest first. */
export type KeptMandates = Readonly<Record<string, readonly (readonly [number, KeptMandate])[]>>;

/** Everything of a replay but its findings and undecided events, which are kept as lines after it. */
export interface KeptCore {
  readonly format: number;
  /** The mandates by person (a recording reads those of the persons its events name), and how many there are. */
  readonly state: Omit<RosterState, 'mandates'> & { readonly mandates: KeptMandates };
  readonly mandateCount: number;
  readonly invariants: InvariantState;
  /** How many findings the replay has (the `f` lines among the kept lines). */
  readonly findings: number;
  /** The rule versions and the lists of fact names the lines refer to. */
  readonly tables: { readonly rules: readonly RuleVersionRow[]; readonly factNames: readonly (readonly string[])[] };
  readonly ledger: KeptLedger;
  /**
   * The parts of the kept lines, in order, one per replay kept or continued: the first line, how
   * many findings, how many undecided events (a part's findings come first). Finding `i` of the
   * replay is then found without reading the lines before it.
   */
  readonly parts: readonly KeptPart[];
  /** The head of the record this core was kept for (a replay kept later may be this core and the records after it). */
  readonly head: { readonly seq: number; readonly hash: string };
}

/** A part of the kept lines: first line, findings, undecided events. */
export type KeptPart = readonly [number, number, number];

/** The line that holds finding `i` of a replay kept in `parts`; undefined where it holds none. */
export function lineOfFinding(parts: readonly KeptPart[], i: number): number | undefined {
  let before = 0;
  for (const [first, findings] of parts) {
    if (i < before + findings) return i < before ? undefined : first + (i - before);
    before += findings;
  }
  return undefined;
}

/** The parts after one more part of `findings` and `unruled` lines. */
export function partsAfter(parts: readonly KeptPart[], findings: number, unruled: number): KeptPart[] {
  const last = parts.at(-1);
  return [...parts, [last ? last[0] + last[1] + last[2] : 0, findings, unruled]];
}

/** Where a finding that was not loaded stands: a recording needs the roster, not old findings. */
const KEPT_AT = Symbol('kept finding index');

/** The kept row of a mandate decoded on demand: unless it changes, it is written back as it was read. */
const keptRows = new WeakMap<Mandate, KeptMandate>();

/** Tables that grow as they are asked for an entry, keyed by the entry's JSON. */
function table<T>(rows: readonly T[]) {
  const list = [...rows];
  const index = new Map(list.map((r, i) => [JSON.stringify(r), i]));
  return {
    list,
    at: (row: T): number => {
      const key = JSON.stringify(row);
      let i = index.get(key);
      if (i === undefined) {
        i = list.length;
        list.push(row);
        index.set(key, i);
      }
      return i;
    },
  };
}

export function replayCodec(tables: KeptCore['tables'] = { rules: [], factNames: [] }) {
  const rules = table(tables.rules);
  const names = table(tables.factNames);

  const factsRow = (facts: FactValues): [number, Value[]] => [names.at(Object.keys(facts)), Object.values(facts)];
  const factsOf = (i: number, values: readonly Value[]): FactValues => {
    const keys = names.list[i];
    if (!keys) throw new Error(`kept facts refer to no list of names (${i})`);
    return Object.fromEntries(keys.map((k, j) => [k, values[j] ?? null]));
  };

  function encodeFinding(f: Finding): KeptFinding {
    const rule = rules.at({ ruleId: f.ruleId, ruleFile: f.ruleFile, title: f.title, citation: f.citation, outcome: f.outcome });
    const [keys, values] = factsRow(f.facts);
    return [rule, keys, f.eventSeq, f.personId ?? null, f.effectiveDate ?? null, f.dateFromSource ? 1 : 0, values];
  }

  function decodeFinding(k: KeptFinding): Finding {
    const [rule, keys, eventSeq, personId, effectiveDate, dateFromSource, values] = k;
    const r = rules.list[rule];
    if (!r) throw new Error(`kept finding refers to no rule version (${rule})`);
    return {
      ruleId: r.ruleId,
      ruleFile: r.ruleFile,
      title: r.title,
      citation: r.citation,
      outcome: r.outcome,
      eventSeq,
      personId: personId ?? undefined,
      effectiveDate: effectiveDate ?? undefined,
      dateFromSource: dateFromSource === 1,
      facts: factsOf(keys, values),
    };
  }

  /**
   * The lines of a replay's findings and undecided events (those after a kept replay's, when it
   * continues one). Encode the lines before the core: they add to the tables the core keeps.
   */
  function encodeLines(replay: Replay): KeptLine[] {
    return [
      ...replay.findings.map((f): KeptLine => ['f', encodeFinding(f)]),
      ...replay.unruled.map((u): KeptLine => ['u', [u.event.seq, ...factsRow(u.facts)]]),
    ];
  }

  /**
   * The core of a replay. `offset`: how many findings come before `replay.findings` (a replay that
   * continues a kept one holds only its new findings; the kept ones stay where they are).
   */
  function encodeCore(replay: Replay, invariants: InvariantState, kept: Pick<KeptCore, 'ledger' | 'parts' | 'head'>, offset = 0): KeptCore {
    const index = new Map(replay.findings.map((f, i) => [f, offset + i]));
    const indexOf = (f: Finding | undefined) =>
      f === undefined ? -1 : (index.get(f) ?? (f as unknown as { [KEPT_AT]?: number })[KEPT_AT] ?? -1);
    const mandates: Record<string, [number, KeptMandate][]> = Object.create(null);
    for (const [at, m] of replay.state.mandates.entries()) {
      const kept = keptRows.get(m);
      let row: KeptMandate;
      if (kept) row = kept;
      else {
        const { history, ...fields } = m;
        row = [fields, history.map((h): KeptChange => [h.status, h.from ?? null, h.eventSeq, indexOf(h.finding)])];
      }
      const mine = mandates[m.personId];
      if (mine) mine.push([at, row]);
      else mandates[m.personId] = [[at, row]];
    }
    return {
      format: REPLAY_FORMAT,
      state: { ...replay.state, mandates },
      mandateCount: replay.state.mandates.length,
      invariants,
      findings: offset + replay.findings.length,
      tables: { rules: rules.list, factNames: names.list },
      ledger: kept.ledger,
      parts: kept.parts,
      head: { seq: kept.head.seq, hash: kept.head.hash },
    };
  }

  /**
   * The replay a core and its lines make; `eventAt` gives the replayed event with a seq. Without
   * lines (a recording, which reads the roster only) the changes' findings are placeholders that
   * encode back to their places, and there are no findings or undecided events. With `findingAt`
   * (a ledger, which reads the findings of the changes it lists) each change's finding is decoded
   * from its kept row when it is first read, and the replay has no findings or undecided events.
   */
  function decodeCore(
    core: KeptCore,
    kept?:
      | { readonly lines: readonly KeptLine[]; readonly eventAt: (seq: number) => RosterEvent | undefined }
      | { readonly findingAt: (i: number) => KeptFinding },
  ): { replay: Replay; invariants: InvariantState } {
    const findings: Finding[] = [];
    const unruled: Unruled[] = [];
    const lines = kept && 'lines' in kept ? kept : undefined;
    for (const line of lines?.lines ?? []) {
      if (line[0] === 'f') findings.push(decodeFinding(line[1]));
      else {
        const [seq, keys, values] = line[1];
        const event = lines!.eventAt(seq);
        if (!event) throw new Error(`kept undecided event ${seq} is not in the record`);
        unruled.push({ event, facts: factsOf(keys, values) as Unruled['facts'] });
      }
    }
    const lazy = kept && 'findingAt' in kept ? kept : undefined;
    const decoded = new Map<number, Finding>();
    const findingAt = (i: number): Finding | undefined => {
      if (i < 0) return undefined;
      if (lines) return findings[i];
      return { [KEPT_AT]: i } as unknown as Finding;
    };
    const lazyFinding = (i: number): Finding => {
      let f = decoded.get(i);
      if (!f) {
        f = decodeFinding(lazy!.findingAt(i));
        decoded.set(i, f);
      }
      return f;
    };
    const historyOf = (rows: readonly KeptChange[]) =>
      rows.map(([status, from, eventSeq, f]): StatusChange => {
        if (lazy && f >= 0) {
          return {
            status,
            from: from ?? undefined,
            eventSeq,
            get finding() {
              return lazyFinding(f);
            },
          };
        }
        const finding = findingAt(f);
        return { status, from: from ?? undefined, eventSeq, ...(finding ? { finding } : {}) };
      });
    const mandateOf = (row: KeptMandate): Mandate => {
      const [fields, rows] = row;
      if (kept) return { ...fields, history: historyOf(rows) };
      // For a recording: a history is decoded only if the new events touch it.
      let history: StatusChange[] | undefined;
      const m: Mandate = {
        ...fields,
        get history() {
          history ??= historyOf(rows);
          return history;
        },
      };
      keptRows.set(m, row);
      return m;
    };
    // Each mandate decoded once, by its position, whether read by person or in the whole list.
    const decodedAt = new Map<number, Mandate>();
    const at = (position: number, row: KeptMandate) => {
      let m = decodedAt.get(position);
      if (!m) {
        m = mandateOf(row);
        decodedAt.set(position, m);
      }
      return m;
    };
    const byPerson = () => core.state.mandates;
    let list: Mandate[] | undefined;
    const whole = (): Mandate[] => {
      if (!list) {
        list = new Array<Mandate>(core.mandateCount);
        let placed = 0;
        for (const rows of Object.values(byPerson())) {
          for (const [position, row] of rows) {
            list[position] = at(position, row);
            placed++;
          }
        }
        if (placed !== core.mandateCount) throw new Error('the kept mandates are not as many as the core says');
      }
      return list;
    };
    const mandates: MandatesByPerson = {
      count: core.mandateCount,
      of: (personId) => {
        const table = byPerson();
        return Object.hasOwn(table, personId) ? table[personId]!.map(([position, row]) => [position, at(position, row)] as const) : [];
      },
    };
    // The state's other tables as the core gives them: a kept core reads each only when it is asked for.
    const state = Object.defineProperties(
      {},
      {
        ...Object.getOwnPropertyDescriptors(core.state),
        // A command reads the whole list; a recording the persons its events name (by person), the list only if it asks for it.
        mandates: kept ? { value: whole(), enumerable: true } : { get: whole, enumerable: true },
        ...(kept
          ? {}
          : {
              [MANDATES_BY_PERSON]: { value: mandates },
              // Its events register over the kept tables rather than copy them (src/domain/tables.ts `overlay`).
              [READ_THROUGH]: { value: true },
            }),
      },
    );
    return {
      replay: { state: state as RosterState, findings, unruled },
      get invariants() {
        return core.invariants;
      },
    };
  }

  return { encodeFinding, decodeFinding, encodeCore, encodeLines, decodeCore };
}

export type ReplayCodec = ReturnType<typeof replayCodec>;
