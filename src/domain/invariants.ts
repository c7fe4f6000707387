/**
 * What every record must hold whatever the law says, checked event by event as the record is
 * replayed: a person is registered once before anything names them, the congress, a session and
 * the opening balance are stated once, a roster names deputies of a stated balance only once, a
 * correction names an earlier event that is not itself a correction, an organ is registered before
 * a post names it. The fold keeps only what it needs (ids, seqs, counts) and can resume from where
 * it stopped, so a new event is checked without replaying the record.
 */
import { type CheckFacts, type CheckFinding, checkFinding } from './check-findings.js';
import { onOrBefore } from './dates.js';
import type { EventOf, RosterEvent } from './events.js';
import { nameKey } from './normalize.js';
import { personsOf } from './persons-of.js';
import { lookup } from './tables.js';

/** Where the fold stopped: plain JSON, so it can be kept beside a cached derivation. */
export interface InvariantState {
  /** The seq of each person's (first) registration. */
  readonly registered: Readonly<Record<string, number>>;
  /** The persons registered under each name, in order (an id registered twice appears twice). */
  readonly names: Readonly<Record<string, readonly string[]>>;
  /** The first seq of the congress, each session and the opening balance. */
  readonly definitions: Readonly<Record<string, number>>;
  /** Deputies the latest opening balance (by its session) counts without names. */
  readonly unnamed: Readonly<Record<string, number>>;
  /** Persons the record already names as deputies. */
  readonly named: readonly string[];
  readonly organs: readonly string[];
  /** Each correction's seq and the seq it supersedes. */
  readonly corrections: Readonly<Record<string, number>>;
}

export const NO_INVARIANTS: InvariantState = {
  registered: {},
  names: {},
  definitions: {},
  unnamed: {},
  named: [],
  organs: [],
  corrections: {},
};

/** The part of the record the fold reads: corrections as recorded, everything else as replayed. */
export interface InvariantInput {
  /** Events as recorded (for corrections), in order. */
  readonly recorded: readonly RosterEvent[];
  /** Events as replayed, corrections applied (for everything else), in order. */
  readonly events: readonly RosterEvent[];
  /** A person's name for the sentences: the record's latest registration. */
  readonly nameOf: (personId: string) => string;
}

const definitionOf = (e: RosterEvent): { key: string; facts: CheckFacts['duplicate-definition'] } | undefined =>
  e.type === 'CongressConstituted'
    ? { key: 'congress', facts: { what: 'congress' } }
    : e.type === 'SessionHeld'
      ? { key: `session:${e.session}`, facts: { what: 'session', session: e.session } }
      : e.type === 'OpeningBalanceStated'
        ? // A count confirmed again at a later session resumes the record from it; twice for one session is a slip.
          {
            key: `opening-balance:${e.session !== undefined ? `session:${e.session}` : `date:${e.date ?? ''}`}`,
            facts: {
              what: 'opening-balance',
              ...(e.session !== undefined ? { session: e.session } : e.date !== undefined ? { date: e.date } : {}),
            },
          }
        : undefined;

/** Fold the invariants over events (from `from`, where an earlier fold stopped); findings in the order they arise. */
export function foldInvariants(
  input: InvariantInput,
  from: InvariantState = NO_INVARIANTS,
): { state: InvariantState; findings: CheckFinding[] } {
  const out: CheckFinding[] = [];
  const corrections = new Map(Object.entries(from.corrections).map(([k, v]) => [Number(k), v]));
  for (const e of input.recorded) {
    if (e.type !== 'EventCorrected') continue;
    const target = corrections.get(e.supersedes);
    if (e.supersedes < 1 || e.supersedes >= e.seq) {
      out.push(checkFinding('invalid-correction', 'error', { eventSeqs: [e.seq] }, { problem: 'not-earlier', supersedes: e.supersedes }));
    } else if (target !== undefined) {
      out.push(
        checkFinding(
          'invalid-correction',
          'error',
          { eventSeqs: [e.seq] },
          { problem: 'is-correction', supersedes: e.supersedes, original: target },
        ),
      );
    }
    corrections.set(e.seq, e.supersedes);
  }

  // The per-person tables over `from`'s without copying them (a recording folds one event over a
  // million persons): what this fold adds stays here, the rest is read through.
  const base = lookupsOf(from);
  const registered = new Map<string, number>();
  const registeredAt = (id: string) => registered.get(id) ?? base.registered(id);
  const names = new Map<string, readonly string[]>();
  const namedAs = (key: string) => names.get(key) ?? base.names(key);
  const namedHere = new Set<string>();
  const named = { has: (id: string) => namedHere.has(id) || base.named(id), add: (id: string) => namedHere.add(id) };
  const definitions = new Map(Object.entries(from.definitions));
  const unnamed = new Map(Object.entries(from.unnamed).map(([k, v]) => [Number(k), v]));
  const organs = new Set(from.organs);
  for (const e of input.events) {
    const definition = definitionOf(e);
    if (definition) {
      const first = definitions.get(definition.key);
      if (first !== undefined) {
        out.push(checkFinding('duplicate-definition', 'error', { eventSeqs: [e.seq, first] }, definition.facts));
      } else definitions.set(definition.key, e.seq);
    }
    if (e.type === 'PersonRegistered') {
      const first = registeredAt(e.personId);
      if (first !== undefined) {
        out.push(
          checkFinding('duplicate-person', 'error', { eventSeqs: [e.seq, first], personIds: [e.personId] }, { personId: e.personId }),
        );
      } else registered.set(e.personId, e.seq);
      // Names as a clerk reads them: 方勤 and 方\u200b勤 are one name (normalize.ts).
      const key = nameKey(e.name);
      names.set(key, [...(namedAs(key) ?? []), e.personId]);
    } else {
      for (const id of personsOf(e)) {
        if (registeredAt(id) === undefined) {
          out.push(checkFinding('unknown-person', 'error', { eventSeqs: [e.seq], personIds: [id] }, { eventType: e.type, personId: id }));
        }
      }
    }
    out.push(...rosterStep(e, unnamed, named, input.nameOf));
    out.push(...organStep(e, organs));
  }
  // The per-person tables made whole only when read (a recording that keeps no new core never does).
  const whole = <T>(make: () => T) => {
    let made: T | undefined;
    return { get: () => (made ??= make()), enumerable: true };
  };
  const state = Object.defineProperties({} as InvariantState, {
    registered: whole(() => Object.fromEntries([...Object.entries(from.registered), ...registered])),
    names: whole(() => Object.fromEntries([...Object.entries(from.names), ...names])),
    definitions: { value: Object.fromEntries(definitions), enumerable: true },
    unnamed: { value: Object.fromEntries(unnamed), enumerable: true },
    named: whole(() => [...new Set([...from.named, ...namedHere])]),
    organs: { value: [...organs], enumerable: true },
    corrections: { value: Object.fromEntries(corrections), enumerable: true },
    [LOOKUPS]: { value: { registered: registeredAt, names: namedAs, named: named.has } satisfies Lookups },
  });
  return { state, findings: out };
}

/** How a fold reads the per-person tables of the state it resumes from. */
interface Lookups {
  registered(id: string): number | undefined;
  names(key: string): readonly string[] | undefined;
  named(id: string): boolean;
}

/** A folded state's own lookups, so a fold resumed from it reads through it rather than making its tables whole. */
const LOOKUPS = Symbol('invariant lookups');

function lookupsOf(from: InvariantState): Lookups {
  const own = (from as { [LOOKUPS]?: Lookups })[LOOKUPS];
  if (own) return own;
  let named: Set<string> | undefined;
  return {
    registered: (id) => lookup(from.registered, id),
    names: (key) => lookup(from.names, key),
    named: (id) => {
      named ??= new Set(from.named);
      return named.has(id);
    },
  };
}

/** A loaded roster names deputies of a stated opening balance: no more than it left unnamed, none twice. */
function rosterStep(
  e: RosterEvent,
  unnamed: Map<number, number>,
  named: { has(id: string): boolean; add(id: string): unknown },
  nameOf: (id: string) => string,
): CheckFinding[] {
  if (e.type === 'OpeningBalanceStated') {
    // Only the latest balance has an unnamed part a roster can name.
    unnamed.clear();
    if (e.session !== undefined && e.count !== undefined) unnamed.set(e.session, e.count - e.members.length);
    for (const m of e.members) named.add(m.personId);
  }
  if (e.type === 'DeputyElected') named.add(e.personId);
  if (e.type !== 'RosterLoaded') return [];
  const left = unnamed.get(e.session);
  const at = { eventSeqs: [e.seq] };
  if (left === undefined) return [checkFinding('roster-without-balance', 'error', at, { session: e.session })];
  const out: CheckFinding[] = [];
  if (e.members.length > left) {
    out.push(checkFinding('roster-exceeds-balance', 'error', at, { session: e.session, count: e.members.length, unnamed: left }));
  }
  unnamed.set(e.session, left - e.members.length);
  for (const m of e.members) {
    const about = { eventSeqs: [e.seq], personIds: [m.personId] };
    if (m.confirmedOn && !onOrBefore(m.confirmedOn, e.date)) {
      out.push(
        checkFinding('confirmed-after-balance', 'error', about, { name: nameOf(m.personId), confirmedOn: m.confirmedOn, date: e.date }),
      );
    }
    if (named.has(m.personId)) out.push(checkFinding('already-named', 'error', about, { name: nameOf(m.personId) }));
    named.add(m.personId);
  }
  return out;
}

/** An organ is registered before a post names it; a decision's grouping of its posts adds up to them. */
function organStep(e: RosterEvent, organs: Set<string>): CheckFinding[] {
  const out: CheckFinding[] = [];
  if (e.type === 'OrganRegistered') organs.add(e.organId);
  const posts = e.type === 'PostHeld' || e.type === 'PostEnded' ? [e.post] : e.type === 'PersonnelDecided' ? e.posts : [];
  for (const p of posts) {
    if (!organs.has(p.organId))
      out.push(checkFinding('unknown-organ', 'error', { eventSeqs: [e.seq] }, { eventType: e.type, organId: p.organId }));
  }
  if (e.type === 'PersonnelDecided') out.push(...groupingOf(e));
  return out;
}

function groupingOf(a: EventOf<'PersonnelDecided'>): CheckFinding[] {
  const grouped = a.groupedAs?.reduce((x, y) => x + y, 0);
  if (grouped === undefined || grouped === a.posts.length) return [];
  return [
    checkFinding('post-grouping-mismatch', 'error', { eventSeqs: [a.seq], personIds: [a.personId] }, { grouped, posts: a.posts.length }),
  ];
}

/**
 * One name registered for several persons whose birth dates cannot tell them apart: perhaps the
 * same person twice (a warning, reported once the whole record is known).
 */
export function sameNameWarnings(state: InvariantState, birthDateOf: (personId: string) => string | undefined): CheckFinding[] {
  return Object.entries(state.names).flatMap(([name, ids]) => {
    if (ids.length < 2) return [];
    const births = ids.map(birthDateOf);
    const distinguishable = births.every((b) => b !== undefined) && new Set(births).size === births.length;
    return distinguishable ? [] : [checkFinding('duplicate-person', 'warning', { personIds: [ids[0]!] }, { name, personIds: ids })];
  });
}
