/**
 * The roster as derived from the event log: persons, mandates and their dated status history.
 * `evolve` is pure: the rules' findings for an event come in beside it, decided elsewhere; how an
 * event changes the roster is written once, in ./roster-builder.ts.
 */
import { type LegalDate, onOrBefore } from './dates.js';
import type { Congress, ElectionKind, EventOf, RosterEvent } from './events.js';
import type { Finding } from './findings.js';
import { RosterBuilder } from './roster-builder.js';
import { table } from './tables.js';
import type { Tenure, UnmatchedEnd } from './tenures.js';

/** 当选待审查, 有效, 暂停执行代表职务, 终止, 当选无效 */
export const MANDATE_STATUSES = ['pending', 'valid', 'suspended', 'ended', 'void'] as const;
export type MandateStatus = (typeof MANDATE_STATUSES)[number];

export interface StatusChange {
  readonly status: MandateStatus;
  /** The legal date it takes effect; undefined where no date is known at all. */
  readonly from: LegalDate | undefined;
  readonly eventSeq: number;
  readonly finding?: Finding;
}

/** A person's deputy status in this congress for one electing unit (undefined where the source does not say). */
export interface Mandate {
  readonly mandateId: string;
  readonly personId: string;
  readonly electingUnit: string | undefined;
  readonly origin: 'opening-balance' | ElectionKind;
  readonly electedBy?: string;
  /** A deputy the source counts but does not name (出缺N名, 补选N名): `personId` is `unnamed:<seq>:<n>`. */
  readonly unnamed?: true;
  readonly history: readonly StatusChange[];
}

/** The deputies an opening balance counted without names. */
export interface UnnamedPool {
  /** Undefined until a later publication states a count it can be derived from. */
  readonly count: number | undefined;
  readonly from: LegalDate | undefined;
  readonly session?: number;
  /** The publication whose stated count fixed `count`, where the balance itself stated none. */
  readonly derivedFrom?: number;
}

export interface Session {
  readonly session: number;
  readonly date: LegalDate;
  readonly endDate?: LegalDate;
  readonly agenda: readonly { item: number; title: string }[];
}

export interface RosterState {
  /** The statuses that count among 实有代表, as the counting rules decide (rules/counting/); set before replay. */
  readonly counting: readonly MandateStatus[];
  readonly congress: Congress | undefined;
  readonly sessions: Readonly<Record<number, Session>>;
  readonly persons: Readonly<Record<string, EventOf<'PersonRegistered'>>>;
  readonly mandates: readonly Mandate[];
  /** Deputies counted in an opening balance whose names the record does not give. */
  readonly unnamed: UnnamedPool | undefined;
  /** The unnamed parts of earlier balances, each counted until a later balance restates the count. */
  readonly earlierPools: readonly UnnamedPool[];
  /** Unapproved absences from sessions of the congress, per person. */
  readonly absences: Readonly<Record<string, readonly number[]>>;
  readonly reports: readonly EventOf<'CredentialsReportAdopted'>[];
  readonly announcements: readonly EventOf<'TerminationsAnnounced'>[];
  readonly openingBalances: readonly EventOf<'OpeningBalanceStated'>[];
  // Posts, appointment acts and oaths.
  readonly organs: Readonly<Record<string, EventOf<'OrganRegistered'>>>;
  readonly tenures: readonly Tenure[];
  readonly personnelActs: readonly EventOf<'PersonnelDecided'>[];
  readonly unmatchedEnds: readonly UnmatchedEnd[];
  readonly oaths: readonly EventOf<'OathTaken'>[];
  /** 许可 to arrest or try deputies, and reports of deputies detained in the act. */
  readonly permissions: readonly EventOf<'ProsecutionPermitted'>[];
}

/** The id-keyed tables (persons, absences, organs, sessions) have no prototype: an id "__proto__" is an id (src/domain/tables.ts). */
export const emptyRoster: RosterState = {
  counting: [],
  congress: undefined,
  sessions: table(),
  persons: table(),
  mandates: [],
  unnamed: undefined,
  earlierPools: [],
  absences: table(),
  reports: [],
  announcements: [],
  openingBalances: [],
  organs: table(),
  tenures: [],
  personnelActs: [],
  unmatchedEnds: [],
  oaths: [],
  permissions: [],
};

export function currentStatus(m: Mandate): MandateStatus {
  return m.history[m.history.length - 1]!.status;
}

/** The status on a date: the last change whose date is on or before it. */
export function statusOn(m: Mandate, date: LegalDate): MandateStatus | undefined {
  let status: MandateStatus | undefined;
  for (const change of m.history) {
    if (change.from === undefined || onOrBefore(change.from, date)) status = change.status;
  }
  return status;
}

/** Counted among 实有代表: a status the counting rules count (valid, and suspended: rules/counting/). */
export function isCounted(state: Pick<RosterState, 'counting'>, status: MandateStatus | undefined): boolean {
  return status !== undefined && state.counting.includes(status);
}

/** What the rules' facts read of the roster as it stands before an event (src/engine/facts.ts). */
export interface RosterLookup {
  readonly congress: Congress | undefined;
  /** The mandate an event about a person acts on: the latest one. */
  latestMandate(personId: string): Mandate | undefined;
  /** Unapproved absences from sessions of the congress recorded for the person. */
  absenceCount(personId: string): number;
}

/** Each state's latest mandate per person, indexed on first use (a state's tables never change). */
const latestIndex = new WeakMap<readonly Mandate[], Map<string, Mandate>>();

/** The mandate an event about a person acts on: the latest one. */
export function latestMandate(state: RosterState, personId: string): Mandate | undefined {
  let index = latestIndex.get(state.mandates);
  if (!index) {
    index = new Map();
    for (const m of state.mandates) index.set(m.personId, m);
    latestIndex.set(state.mandates, index);
  }
  return index.get(personId);
}

/**
 * The roster after one event: a new state, the given one unchanged. It copies the state once (for
 * one event); a derivation applies a whole log to one `RosterBuilder` instead (src/engine/derive.ts).
 */
export function evolve(state: RosterState, event: RosterEvent, findings: readonly Finding[]): RosterState {
  const builder = new RosterBuilder(state);
  builder.apply(event, findings);
  return builder.finish();
}

/** The session's closing date: what a ledger "at session N" is measured on. */
export function sessionDate(s: Session): LegalDate {
  return s.endDate ?? s.date;
}

/**
 * 实有代表 on a date (at its close): the unnamed part of the latest balance stated by then (a later one
 * restates the count), and every counted mandate; without a date, what stands before every dated event.
 */
export function countOn(state: RosterState, date: LegalDate | undefined): number {
  const counted = (m: Mandate) =>
    date === undefined
      ? m.history.some((h, i) => i === 0 && h.from === undefined && isCounted(state, h.status))
      : isCounted(state, statusOn(m, date));
  return unnamedOn(state, date) + state.mandates.filter(counted).length;
}

/** The deputies counted without names on a date: the unnamed part of the latest balance stated by then. */
export function unnamedOn(state: RosterState, date: LegalDate | undefined): number {
  const applies = (p: UnnamedPool) => p.from === undefined || (date !== undefined && onOrBefore(p.from, date));
  const pool = [...state.earlierPools, ...(state.unnamed ? [state.unnamed] : [])].filter(applies).at(-1);
  return pool?.count ?? 0;
}

/**
 * A state's mandates by person, where the state gives them without its whole list (a kept replay's,
 * src/engine/replay-codec.ts): how many there are, and a person's with their positions in
 * `mandates`, oldest first. A builder over such a state reads only the persons its events name.
 */
export interface MandatesByPerson {
  readonly count: number;
  of(personId: string): readonly (readonly [number, Mandate])[];
}

export const MANDATES_BY_PERSON: unique symbol = Symbol('mandates by person');

/** The state's mandates by person where it gives them so; undefined for a state that holds its list. */
export function mandatesByPerson(state: RosterState): MandatesByPerson | undefined {
  return (state as { [MANDATES_BY_PERSON]?: MandatesByPerson })[MANDATES_BY_PERSON];
}

/** A person's mandates, oldest first: looked up where the state gives them by person, else found in its list. */
export function mandatesOfPerson(state: RosterState, personId: string): readonly Mandate[] {
  const byPerson = mandatesByPerson(state);
  return byPerson ? byPerson.of(personId).map(([, m]) => m) : state.mandates.filter((m) => m.personId === personId);
}
