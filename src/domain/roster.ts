/**
 * The roster as derived from the event log: persons, mandates and their dated status history.
 * `evolve` is pure: the rules' findings for an event come in beside it, decided elsewhere.
 */
import { match } from 'ts-pattern';
import { dayBefore, type LegalDate, onOrBefore } from './dates.js';
import type { Congress, ElectionKind, EventOf, RosterEvent } from './events.js';
import type { Finding } from './findings.js';
import { APPOINTING_ACTS, type PostRef } from './posts.js';
import { table, tableWith } from './tables.js';
import { endTenures, startTenure, type Tenure, type TenureEnd, type UnmatchedEnd } from './tenures.js';

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

/** The mandate an event about a person acts on: the latest one. */
export function latestMandate(state: RosterState, personId: string): Mandate | undefined {
  let found: Mandate | undefined;
  for (const m of state.mandates) if (m.personId === personId) found = m;
  return found;
}

function changeStatus(state: RosterState, personId: string, change: StatusChange): RosterState {
  const target = latestMandate(state, personId);
  if (!target) return state;
  return {
    ...state,
    mandates: state.mandates.map((m) => (m === target ? { ...m, history: [...m.history, change] } : m)),
  };
}

function statusFromFinding(f: Finding, m: Mandate | undefined): MandateStatus | undefined {
  return match(f.outcome)
    .with({ type: 'mandate-terminated' }, () => 'ended' as const)
    .with({ type: 'mandate-suspended' }, () => 'suspended' as const)
    .with({ type: 'suspension-ended' }, () => (m && currentStatus(m) === 'suspended' ? ('valid' as const) : undefined))
    .with({ type: 'mandate-confirmed' }, () => 'valid' as const)
    .with({ type: 'election-voided' }, () => 'void' as const)
    .with({ type: 'no-effect' }, () => undefined)
    .with(
      { type: 'post-requires' },
      { type: 'post-ends' },
      { type: 'post-continues' },
      { type: 'posts-incompatible' },
      { type: 'appointment-not-allowed' },
      { type: 'oath-owed' },
      { type: 'oath-not-owed' },
      { type: 'oath-wording' },
      { type: 'salutation' },
      { type: 'no-vacancy' },
      { type: 'quota-exceeded' },
      { type: 'counted' },
      { type: 'permission-required' },
      () => undefined,
    )
    .exhaustive();
}

/** Apply what the rules found for an event to the mandate it concerns (first finding that changes status). */
function applyFindings(state: RosterState, event: RosterEvent & { personId: string }, findings: readonly Finding[]): RosterState {
  for (const f of findings) {
    const status = statusFromFinding(f, latestMandate(state, event.personId));
    if (status) return changeStatus(state, event.personId, { status, from: f.effectiveDate, eventSeq: event.seq, finding: f });
  }
  return state;
}

export function evolve(state: RosterState, event: RosterEvent, findings: readonly Finding[]): RosterState {
  return (
    match(event)
      .with({ type: 'CongressConstituted' }, (e) => ({ ...state, congress: e.congress }))
      .with({ type: 'SessionHeld' }, (e) => ({
        ...state,
        sessions: tableWith(state.sessions, e.session, {
          session: e.session,
          date: e.date,
          agenda: e.agenda,
          ...(e.endDate ? { endDate: e.endDate } : {}),
        }),
      }))
      .with({ type: 'PersonRegistered' }, (e) => registerPersons(state, [e]))
      .with({ type: 'OpeningBalanceStated' }, (e) => {
        // A count before the changes of its own session stands at the start of its day.
        const from = e.beforeChanges && e.date ? dayBefore(e.date) : e.date;
        // A count confirmed again later includes the deputies the record already counts by name on its date.
        const members = new Set(e.members.map((m) => m.personId));
        const alreadyNamed =
          from === undefined ? 0 : state.mandates.filter((m) => !members.has(m.personId) && isCounted(state, statusOn(m, from))).length;
        return {
          ...state,
          openingBalances: [...state.openingBalances, e],
          earlierPools: state.unnamed ? [...state.earlierPools, state.unnamed] : state.earlierPools,
          unnamed: {
            count: e.count === undefined ? undefined : e.count - e.members.length - alreadyNamed,
            from,
            ...(e.session ? { session: e.session } : {}),
          },
          mandates: [
            ...state.mandates,
            ...e.members.map(
              (member): Mandate => ({
                mandateId: mandateIdFor(state, member.personId),
                personId: member.personId,
                electingUnit: member.electingUnit,
                origin: 'opening-balance',
                history: [{ status: 'valid', from, eventSeq: e.seq }],
              }),
            ),
          ],
        };
      })
      .with({ type: 'RosterLoaded' }, (e) =>
        // A roster names deputies of the balance in force; one for another session changes nothing (check reports it).
        state.unnamed?.session === e.session
          ? {
              ...state,
              unnamed: { ...state.unnamed, count: state.unnamed.count === undefined ? undefined : state.unnamed.count - e.members.length },
              mandates: [...state.mandates, ...namedFromRoster(state, e)],
            }
          : state,
      )
      .with({ type: 'DeputyElected' }, (e) => ({
        ...state,
        mandates: [
          ...state.mandates,
          {
            mandateId: mandateIdFor(state, e.personId),
            personId: e.personId,
            electingUnit: e.electingUnit,
            origin: e.kind,
            ...(e.electedBy ? { electedBy: e.electedBy } : {}),
            history: [{ status: 'pending', from: e.date ?? e.source.date, eventSeq: e.seq }],
          } satisfies Mandate,
        ],
      }))
      .with({ type: 'AbsentWithoutLeave' }, (e) =>
        applyFindings(
          { ...state, absences: tableWith(state.absences, e.personId, [...(state.absences[e.personId] ?? []), e.congressSession]) },
          e,
          findings,
        ),
      )
      .with(
        { type: 'QualificationReviewed' },
        { type: 'DeputyTransferredOut' },
        { type: 'DeputyResignationAccepted' },
        { type: 'OrderedResignationAccepted' },
        { type: 'DeputyRecalled' },
        { type: 'DeputyDied' },
        { type: 'NationalityLost' },
        { type: 'PoliticalRightsDeprived' },
        { type: 'CapacityLost' },
        { type: 'DeputySuspended' },
        { type: 'SuspensionEnded' },
        (e) => applyFindings(state, e, findings),
      )
      .with({ type: 'ProsecutionPermitted' }, (e) => ({ ...state, permissions: [...state.permissions, e] }))
      .with({ type: 'MandateEndedOtherwise' }, { type: 'MandateRevoked' }, (e) => applyFindings(state, e, findings))
      .with({ type: 'UnnamedDeputiesLeft' }, (e) => leaveUnnamed(state, e, findings))
      .with({ type: 'UnnamedDeputiesElected' }, (e) => ({
        ...state,
        mandates: [
          ...state.mandates,
          ...Array.from(
            { length: e.count },
            (_, i): Mandate => ({
              mandateId: `unnamed:${e.seq}:${i + 1}`,
              personId: `unnamed:${e.seq}:${i + 1}`,
              electingUnit: e.electingUnit,
              origin: e.kind,
              unnamed: true,
              ...(e.electedBy ? { electedBy: e.electedBy } : {}),
              history: [{ status: 'pending', from: e.date ?? e.source.date, eventSeq: e.seq }],
            }),
          ),
        ],
      }))
      .with({ type: 'UnnamedDeputiesReviewed' }, (e) => reviewUnnamed(state, e, findings))
      .with({ type: 'TerminationsAnnounced' }, (e) =>
        anchor({ ...state, announcements: [...state.announcements, e] }, e.stated?.countAfter, e),
      )
      .with({ type: 'CredentialsReportAdopted' }, (e) => anchor({ ...state, reports: [...state.reports, e] }, e.stated.countAfter, e))
      .with({ type: 'OrganRegistered' }, (e) => ({ ...state, organs: tableWith(state.organs, e.organId, e) }))
      .with({ type: 'PostHeld' }, (e) => ({
        ...state,
        tenures: startTenure(state.tenures, { personId: e.personId, post: e.post, from: e.since, startSeq: e.seq, end: undefined }),
      }))
      .with({ type: 'PersonnelDecided' }, (e) => {
        const acted = { ...state, personnelActs: [...state.personnelActs, e] };
        if (APPOINTING_ACTS.has(e.act)) {
          const tenures = e.posts.reduce<readonly Tenure[]>(
            (ts, post) => startTenure(ts, { personId: e.personId, post, from: e.date, startSeq: e.seq, end: undefined }),
            state.tenures,
          );
          return { ...acted, tenures };
        }
        return endPosts(acted, e.personId, e.posts, { date: e.date, eventSeq: e.seq, how: e.act });
      })
      .with({ type: 'PostEnded' }, (e) => endPosts(state, e.personId, [e.post], { date: e.date, eventSeq: e.seq, how: e.how }))
      .with({ type: 'OathTaken' }, (e) => ({ ...state, oaths: [...state.oaths, e] }))
      // Corrections are applied to the log before replay (src/domain/corrections.ts): nothing to do here.
      .with({ type: 'EventCorrected' }, () => state)
      .exhaustive()
  );
}

/** `count` deputies of the unnamed pool leave on the rules' finding: each becomes an unnamed mandate that ends. */
function leaveUnnamed(state: RosterState, e: EventOf<'UnnamedDeputiesLeft'>, findings: readonly Finding[]): RosterState {
  const f = findings.find((x) => x.outcome.type === 'mandate-terminated');
  if (!f) return state;
  const pool = state.unnamed;
  const left = Array.from(
    { length: e.count },
    (_, i): Mandate => ({
      mandateId: `unnamed:${e.seq}:${i + 1}`,
      personId: `unnamed:${e.seq}:${i + 1}`,
      electingUnit: e.electingUnit,
      origin: 'opening-balance',
      unnamed: true,
      history: [
        { status: 'valid', from: pool?.from, eventSeq: e.seq },
        { status: 'ended', from: f.effectiveDate, eventSeq: e.seq, finding: f },
      ],
    }),
  );
  return {
    ...state,
    unnamed: pool && { ...pool, count: pool.count === undefined ? undefined : pool.count - e.count },
    mandates: [...state.mandates, ...left],
  };
}

/** The review of unnamed elected deputies: the first `count` pending ones (of the unit, where given) take the finding. */
function reviewUnnamed(state: RosterState, e: EventOf<'UnnamedDeputiesReviewed'>, findings: readonly Finding[]): RosterState {
  const f = findings.find((x) => x.outcome.type === 'mandate-confirmed' || x.outcome.type === 'election-voided');
  if (!f) return state;
  const status: MandateStatus = f.outcome.type === 'mandate-confirmed' ? 'valid' : 'void';
  let left = e.count;
  return {
    ...state,
    mandates: state.mandates.map((m) => {
      const waiting = m.unnamed && currentStatus(m) === 'pending' && (e.electingUnit === undefined || m.electingUnit === e.electingUnit);
      if (!waiting || left === 0) return m;
      left--;
      return { ...m, history: [...m.history, { status, from: f.effectiveDate, eventSeq: e.seq, finding: f }] };
    }),
  };
}

/**
 * A balance that stated no count (an NPC record knows only the counts its notices state) takes it from
 * the first publication that states a count after: that count less the named deputies counted then.
 */
function anchor(state: RosterState, stated: number | undefined, e: RosterEvent & { date: string }): RosterState {
  const pool = state.unnamed;
  if (!pool || pool.count !== undefined || stated === undefined) return state;
  const named = state.mandates.filter((m) => isCounted(state, statusOn(m, e.date))).length;
  return { ...state, unnamed: { ...pool, count: stated - named, derivedFrom: e.seq } };
}

function endPosts(state: RosterState, personId: string, posts: readonly PostRef[], end: TenureEnd): RosterState {
  const { tenures, unmatched } = endTenures(state.tenures, personId, posts, end);
  return { ...state, tenures, unmatchedEnds: [...state.unmatchedEnds, ...unmatched] };
}

/**
 * The mandates a loaded roster names, counted from the balance's date like the balance's own
 * members: before it the record does not know the count. The 代表资格确认日期 a roster gives stays
 * on the event, for exports (check reports one after the balance).
 */
function namedFromRoster(state: RosterState, e: EventOf<'RosterLoaded'>): Mandate[] {
  const earlier = new Map<string, number>();
  for (const m of state.mandates) earlier.set(m.personId, (earlier.get(m.personId) ?? 0) + 1);
  return e.members.map((member): Mandate => {
    const n = earlier.get(member.personId) ?? 0;
    earlier.set(member.personId, n + 1);
    return {
      mandateId: n === 0 ? member.personId : `${member.personId}#${n + 1}`,
      personId: member.personId,
      electingUnit: member.electingUnit,
      origin: 'opening-balance',
      history: [{ status: 'valid', from: e.date, eventSeq: e.seq }],
    };
  });
}

/**
 * Register a run of persons in one step: `evolve` for each of them, without copying the persons
 * table once per person (a 10,000-deputy roster would otherwise take quadratic time to replay).
 */
export function registerPersons(state: RosterState, events: readonly EventOf<'PersonRegistered'>[]): RosterState {
  const persons = table(state.persons);
  for (const e of events) persons[e.personId] = e;
  return { ...state, persons };
}

function mandateIdFor(state: RosterState, personId: string): string {
  const earlier = state.mandates.filter((m) => m.personId === personId).length;
  return earlier === 0 ? personId : `${personId}#${earlier + 1}`;
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
  const applies = (p: UnnamedPool) => p.from === undefined || (date !== undefined && onOrBefore(p.from, date));
  const pool = [...state.earlierPools, ...(state.unnamed ? [state.unnamed] : [])].filter(applies).at(-1);
  const unnamed = pool?.count ?? 0;
  const counted = (m: Mandate) =>
    date === undefined
      ? m.history.some((h, i) => i === 0 && h.from === undefined && isCounted(state, h.status))
      : isCounted(state, statusOn(m, date));
  return unnamed + state.mandates.filter(counted).length;
}
