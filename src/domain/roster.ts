/**
 * The roster as derived from the event log: persons, mandates and their dated status history.
 * `evolve` is pure: the rules' findings for an event come in beside it, decided elsewhere.
 */
import { match } from 'ts-pattern';
import { type LegalDate, onOrBefore } from './dates.js';
import type { Congress, EventOf, RosterEvent } from './events.js';
import type { Finding } from './findings.js';
import { APPOINTING_ACTS, type PostRef } from './posts.js';
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

/** A person's deputy status in this congress for one electing unit. */
export interface Mandate {
  readonly mandateId: string;
  readonly personId: string;
  readonly electingUnit: string;
  readonly origin: 'opening-balance' | 'general' | 'by-election';
  readonly electedBy?: string;
  readonly history: readonly StatusChange[];
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
  readonly unnamed: { readonly count: number; readonly from: LegalDate; readonly session?: number } | undefined;
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
}

export const emptyRoster: RosterState = {
  counting: [],
  congress: undefined,
  sessions: {},
  persons: {},
  mandates: [],
  unnamed: undefined,
  absences: {},
  reports: [],
  announcements: [],
  openingBalances: [],
  organs: {},
  tenures: [],
  personnelActs: [],
  unmatchedEnds: [],
  oaths: [],
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
        sessions: {
          ...state.sessions,
          [e.session]: { session: e.session, date: e.date, agenda: e.agenda, ...(e.endDate ? { endDate: e.endDate } : {}) },
        },
      }))
      .with({ type: 'PersonRegistered' }, (e) => registerPersons(state, [e]))
      .with({ type: 'OpeningBalanceStated' }, (e) => ({
        ...state,
        openingBalances: [...state.openingBalances, e],
        unnamed: { count: e.count - e.members.length, from: e.date, ...(e.session ? { session: e.session } : {}) },
        mandates: [
          ...state.mandates,
          ...e.members.map(
            (member): Mandate => ({
              mandateId: mandateIdFor(state, member.personId),
              personId: member.personId,
              electingUnit: member.electingUnit,
              origin: 'opening-balance',
              history: [{ status: 'valid', from: e.date, eventSeq: e.seq }],
            }),
          ),
        ],
      }))
      .with({ type: 'RosterLoaded' }, (e) =>
        // A roster names deputies of the balance in force; one for another session changes nothing (check reports it).
        state.unnamed?.session === e.session
          ? {
              ...state,
              unnamed: { ...state.unnamed, count: state.unnamed.count - e.members.length },
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
          { ...state, absences: { ...state.absences, [e.personId]: [...(state.absences[e.personId] ?? []), e.congressSession] } },
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
      .with({ type: 'TerminationsAnnounced' }, (e) => ({ ...state, announcements: [...state.announcements, e] }))
      .with({ type: 'CredentialsReportAdopted' }, (e) => ({ ...state, reports: [...state.reports, e] }))
      .with({ type: 'OrganRegistered' }, (e) => ({ ...state, organs: { ...state.organs, [e.organId]: e } }))
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
  const persons = { ...state.persons };
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

/** 实有代表 on a date: the deputies counted in an opening balance without names, and every counted mandate. */
export function countOn(state: RosterState, date: LegalDate): number {
  const unnamed = state.unnamed && onOrBefore(state.unnamed.from, date) ? state.unnamed.count : 0;
  return unnamed + state.mandates.filter((m) => isCounted(state, statusOn(m, date))).length;
}
