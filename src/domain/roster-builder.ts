/**
 * The roster under construction by one derivation: each event applied in O(1) amortised time, with
 * an index of mandates and tenures by person, instead of copying the state's tables per event.
 *
 * Ownership is what keeps this honest: a builder starts from a copy of the state it is given, is
 * changed only by `apply`, and hands its tables over once, in `finish`, after which it refuses to be
 * used. So no state a caller holds is ever changed: `evolve` (./roster.ts) is a builder used for one
 * event, and `derive` one builder used for the whole log; both apply events with the same code.
 */
import { match } from 'ts-pattern';
import { dayBefore } from './dates.js';
import type { Congress, EventOf, RosterEvent } from './events.js';
import type { Finding } from './findings.js';
import { APPOINTING_ACTS, type PostRef } from './posts.js';
import {
  isCounted,
  MANDATES_BY_PERSON,
  type Mandate,
  type MandateStatus,
  type MandatesByPerson,
  mandatesByPerson,
  type RosterLookup,
  type RosterState,
  type Session,
  type StatusChange,
  statusOn,
  type UnnamedPool,
} from './roster.js';
import { overlay, READ_THROUGH, table } from './tables.js';
import { samePost, type Tenure, type TenureEnd, type UnmatchedEnd } from './tenures.js';

/** A mandate while the builder owns it: its history grows in place. */
type OwnedMandate = Mandate & { history: StatusChange[] };

type Handler<K extends RosterEvent['type']> = (builder: RosterBuilder, event: EventOf<K>, findings: readonly Finding[]) => void;

/** The whole list of mandates: the state's, with those read, changed or added by position put in their places. */
function listWith(base: readonly Mandate[], at: ReadonlyMap<number, Mandate>): Mandate[] {
  const list = [...base];
  for (const position of [...at.keys()].sort((a, b) => a - b)) list[position] = at.get(position)!;
  return list;
}

function push<K, V>(index: Map<K, V[]>, key: K, value: V): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

export class RosterBuilder implements RosterLookup {
  readonly #counting: RosterState['counting'];
  #congress: Congress | undefined;
  #unnamed: UnnamedPool | undefined;
  readonly #earlierPools: UnnamedPool[];
  #sessionsCopy: Record<number, Session> | undefined;
  #personsCopy: Record<string, EventOf<'PersonRegistered'>> | undefined;
  /** The mandates: those of the state given as they are (shared, never changed), each copied when the builder first changes it. */
  #list: Mandate[] = [];
  /**
   * Over a state that gives its mandates by person (a kept replay's): the mandates read, changed and
   * added by position, each person's positions loaded when first asked for; the whole list is made
   * only if an event needs it (`#mandates`).
   */
  #lazy:
    | {
        readonly base: MandatesByPerson;
        readonly at: Map<number, Mandate>;
        readonly loaded: Set<string>;
        count: number;
      }
    | undefined;
  /** The mandates this builder made or copied: only these are changed in place. */
  readonly #owned = new WeakSet<Mandate>();
  /** Positions in #mandates, per person, oldest first. */
  readonly #mandatesOf = new Map<string, number[]>();
  /** Positions in #mandates of unnamed deputies still awaiting review, oldest first. */
  #pendingUnnamed: number[] = [];
  #absencesCopy: Record<string, number[]> | undefined;
  #reportsCopy: EventOf<'CredentialsReportAdopted'>[] | undefined;
  #announcementsCopy: EventOf<'TerminationsAnnounced'>[] | undefined;
  #openingBalancesCopy: EventOf<'OpeningBalanceStated'>[] | undefined;
  #organsCopy: Record<string, EventOf<'OrganRegistered'>> | undefined;
  #tenuresCopy: Tenure[] | undefined;
  /** Positions in #tenures, per person, oldest first (made with the copy: read it through `#tenureIndex`). */
  readonly #tenuresOf = new Map<string, number[]>();
  #personnelActsCopy: EventOf<'PersonnelDecided'>[] | undefined;
  #unmatchedEndsCopy: UnmatchedEnd[] | undefined;
  #oathsCopy: EventOf<'OathTaken'>[] | undefined;
  #permissionsCopy: EventOf<'ProsecutionPermitted'>[] | undefined;
  #finished = false;

  /** The state it starts from: a table is copied when the builder first changes it, the others handed over as they are. */
  readonly #base: RosterState;

  /** Start from a copy of `state` (O(size of its mandates), once; each other table copied when first changed). */
  constructor(state: RosterState) {
    this.#base = state;
    this.#counting = state.counting;
    this.#congress = state.congress;
    this.#unnamed = state.unnamed;
    this.#earlierPools = [...state.earlierPools];
    const byPerson = mandatesByPerson(state);
    if (byPerson) this.#lazy = { base: byPerson, at: new Map(), loaded: new Set(), count: byPerson.count };
    else this.#index(state.mandates);
  }

  /** Hold `list` and index it (in place: a caller may hold the index's arrays). A kept mandate's history is read only for the unnamed. */
  #index(list: readonly Mandate[]): void {
    this.#list = [...list];
    this.#mandatesOf.clear();
    this.#pendingUnnamed.length = 0;
    for (const [i, m] of this.#list.entries()) {
      push(this.#mandatesOf, m.personId, i);
      if (m.unnamed && m.history[m.history.length - 1]!.status === 'pending') this.#pendingUnnamed.push(i);
    }
  }

  /** Every mandate, in order: over a state that gives them by person, the whole list made now (once). */
  get #mandates(): Mandate[] {
    const lazy = this.#lazy;
    if (lazy) {
      this.#lazy = undefined;
      this.#index(listWith(this.#base.mandates, lazy.at));
    }
    return this.#list;
  }

  /** A person's positions in the mandates, oldest first (loaded from the state the first time, where it gives them by person). */
  #positionsOf(personId: string): number[] | undefined {
    const lazy = this.#lazy;
    if (lazy && !lazy.loaded.has(personId)) {
      lazy.loaded.add(personId);
      for (const [at, m] of lazy.base.of(personId)) {
        push(this.#mandatesOf, personId, at);
        lazy.at.set(at, m);
      }
    }
    return this.#mandatesOf.get(personId);
  }

  #mandateAt(at: number): Mandate {
    return this.#lazy ? this.#lazy.at.get(at)! : this.#list[at]!;
  }

  get #sessions(): Record<number, Session> {
    this.#sessionsCopy ??= table(this.#base.sessions);
    return this.#sessionsCopy;
  }

  /** Whether the state's tables are read one entry at a time (a kept replay's): then read through, not copied. */
  get #readThrough(): boolean {
    return (this.#base as { [READ_THROUGH]?: boolean })[READ_THROUGH] === true;
  }

  /** The persons: copied when first changed, or, over a kept replay's, read through with what this builder registers over them. */
  get #persons(): Record<string, EventOf<'PersonRegistered'>> {
    this.#personsCopy ??= this.#readThrough ? overlay(this.#base.persons) : table(this.#base.persons);
    return this.#personsCopy;
  }

  get #absences(): Record<string, number[]> {
    this.#absencesCopy ??= table(Object.entries(this.#base.absences).map(([id, sessions]) => [id, [...sessions]] as const));
    return this.#absencesCopy;
  }

  get #reports(): EventOf<'CredentialsReportAdopted'>[] {
    this.#reportsCopy ??= [...this.#base.reports];
    return this.#reportsCopy;
  }

  get #announcements(): EventOf<'TerminationsAnnounced'>[] {
    this.#announcementsCopy ??= [...this.#base.announcements];
    return this.#announcementsCopy;
  }

  get #openingBalances(): EventOf<'OpeningBalanceStated'>[] {
    this.#openingBalancesCopy ??= [...this.#base.openingBalances];
    return this.#openingBalancesCopy;
  }

  get #organs(): Record<string, EventOf<'OrganRegistered'>> {
    this.#organsCopy ??= table(this.#base.organs);
    return this.#organsCopy;
  }

  get #personnelActs(): EventOf<'PersonnelDecided'>[] {
    this.#personnelActsCopy ??= [...this.#base.personnelActs];
    return this.#personnelActsCopy;
  }

  get #unmatchedEnds(): UnmatchedEnd[] {
    this.#unmatchedEndsCopy ??= [...this.#base.unmatchedEnds];
    return this.#unmatchedEndsCopy;
  }

  get #oaths(): EventOf<'OathTaken'>[] {
    this.#oathsCopy ??= [...this.#base.oaths];
    return this.#oathsCopy;
  }

  get #permissions(): EventOf<'ProsecutionPermitted'>[] {
    this.#permissionsCopy ??= [...this.#base.permissions];
    return this.#permissionsCopy;
  }

  /** The tenures' index by person, made with their copy. */
  get #tenureIndex(): Map<string, number[]> {
    void this.#tenures; // copies the tenures, and indexes them, where not yet done
    return this.#tenuresOf;
  }

  get #tenures(): Tenure[] {
    if (!this.#tenuresCopy) {
      this.#tenuresCopy = [...this.#base.tenures];
      for (const [i, t] of this.#tenuresCopy.entries()) push(this.#tenuresOf, t.personId, i);
    }
    return this.#tenuresCopy;
  }

  get congress(): Congress | undefined {
    return this.#congress;
  }

  /** The statuses that count among 实有代表 (the counting rules'), as the state gave them. */
  get counting(): RosterState['counting'] {
    return this.#counting;
  }

  /** The mandate an event about a person acts on: the latest one. */
  latestMandate(personId: string): Mandate | undefined {
    const mine = this.#positionsOf(personId);
    return mine ? this.#mandateAt(mine[mine.length - 1]!) : undefined;
  }

  absenceCount(personId: string): number {
    return (this.#absencesCopy ?? this.#base.absences)[personId]?.length ?? 0;
  }

  /** The state reached; the builder hands its tables over and cannot be used again. */
  finish(): RosterState {
    this.#use();
    this.#finished = true;
    // A table never changed is handed over as the state gave it (a kept replay's, read only if asked for).
    const value = (v: unknown): PropertyDescriptor => ({ value: v, enumerable: true, writable: true, configurable: true });
    const handed = (name: keyof RosterState, copy: unknown): PropertyDescriptor =>
      copy !== undefined ? value(copy) : (Object.getOwnPropertyDescriptor(this.#base, name) ?? value(this.#base[name]));
    return Object.defineProperties({} as RosterState, {
      ...(this.#readThrough ? { [READ_THROUGH]: { value: true } } : {}),
      counting: value(this.#counting),
      congress: value(this.#congress),
      sessions: handed('sessions', this.#sessionsCopy),
      persons: handed('persons', this.#personsCopy),
      ...this.#handedMandates(),
      unnamed: value(this.#unnamed),
      earlierPools: value(this.#earlierPools),
      absences: handed('absences', this.#absencesCopy),
      reports: handed('reports', this.#reportsCopy),
      announcements: handed('announcements', this.#announcementsCopy),
      openingBalances: handed('openingBalances', this.#openingBalancesCopy),
      organs: handed('organs', this.#organsCopy),
      tenures: handed('tenures', this.#tenuresCopy),
      personnelActs: handed('personnelActs', this.#personnelActsCopy),
      unmatchedEnds: handed('unmatchedEnds', this.#unmatchedEndsCopy),
      oaths: handed('oaths', this.#oathsCopy),
      permissions: handed('permissions', this.#permissionsCopy),
    });
  }

  /** The mandates handed over: the list, or, over a state that gives them by person, by person and the list made when read. */
  #handedMandates(): PropertyDescriptorMap {
    const lazy = this.#lazy;
    if (!lazy) return { mandates: { value: this.#list, enumerable: true, writable: true, configurable: true } };
    const base = this.#base;
    const positions = this.#mandatesOf;
    let list: Mandate[] | undefined;
    const byPerson: MandatesByPerson = {
      count: lazy.count,
      of: (personId) =>
        lazy.loaded.has(personId) ? (positions.get(personId) ?? []).map((at) => [at, lazy.at.get(at)!] as const) : lazy.base.of(personId),
    };
    return {
      mandates: {
        get: () => {
          list ??= listWith(base.mandates, lazy.at);
          return list;
        },
        enumerable: true,
        configurable: true,
      },
      [MANDATES_BY_PERSON]: { value: byPerson },
    };
  }

  #use(): void {
    if (this.#finished) throw new Error('RosterBuilder used after finish(): its tables belong to the state it returned');
  }

  /** Apply one event, with the rules' findings for it (decided elsewhere). */
  apply(event: RosterEvent, findings: readonly Finding[]): void {
    this.#use();
    (RosterBuilder.#handlers[event.type] as Handler<RosterEvent['type']>)(this, event, findings);
  }

  /**
   * What each event does to the roster. Its type names every event type, so adding one to the union
   * without saying what it does fails to compile, as `.exhaustive()` would; a table keyed by the
   * type finds the handler in one step, where testing patterns in turn cost a quarter of a derivation.
   */
  static readonly #handlers: { readonly [K in RosterEvent['type']]: Handler<K> } = {
    CongressConstituted: (b, e) => {
      b.#congress = e.congress;
    },
    SessionHeld: (b, e) => {
      b.#sessions[e.session] = { session: e.session, date: e.date, agenda: e.agenda, ...(e.endDate ? { endDate: e.endDate } : {}) };
    },
    PersonRegistered: (b, e) => {
      b.#persons[e.personId] = e;
    },
    OpeningBalanceStated: (b, e) => {
      // A count before the changes of its own session stands at the start of its day.
      const from = e.beforeChanges && e.date ? dayBefore(e.date) : e.date;
      // A count confirmed again later includes the deputies the record already counts by name on its date
      // (one pass over the mandates for each balance: balances are few).
      const members = new Set(e.members.map((m) => m.personId));
      const alreadyNamed =
        from === undefined ? 0 : b.#mandates.filter((m) => !members.has(m.personId) && isCounted(b, statusOn(m, from))).length;
      b.#openingBalances.push(e);
      if (b.#unnamed) b.#earlierPools.push(b.#unnamed);
      b.#unnamed = {
        count: e.count === undefined ? undefined : e.count - e.members.length - alreadyNamed,
        from,
        ...(e.session ? { session: e.session } : {}),
      };
      // Numbered against the mandates before the balance (a person listed twice gets one number twice).
      const ids = e.members.map((member) => b.#nextMandateId(member.personId));
      for (const [i, member] of e.members.entries()) {
        b.#addMandate({
          mandateId: ids[i]!,
          personId: member.personId,
          electingUnit: member.electingUnit,
          origin: 'opening-balance',
          history: [{ status: 'valid', from, eventSeq: e.seq }],
        });
      }
    },
    RosterLoaded: (b, e) => {
      // A roster names deputies of the balance in force; one for another session changes nothing (check reports it).
      // Its deputies are counted from the balance's date, like the balance's own members: before it the record
      // does not know the count. The 代表资格确认日期 a roster gives stays on the event, for exports.
      const pool = b.#unnamed;
      if (pool?.session !== e.session) return;
      b.#unnamed = { ...pool, count: pool.count === undefined ? undefined : pool.count - e.members.length };
      for (const member of e.members) {
        b.#addMandate({
          mandateId: b.#nextMandateId(member.personId),
          personId: member.personId,
          electingUnit: member.electingUnit,
          origin: 'opening-balance',
          history: [{ status: 'valid', from: e.date, eventSeq: e.seq }],
        });
      }
    },
    DeputyElected: (b, e) => {
      b.#addMandate({
        mandateId: b.#nextMandateId(e.personId),
        personId: e.personId,
        electingUnit: e.electingUnit,
        origin: e.kind,
        ...(e.electedBy ? { electedBy: e.electedBy } : {}),
        history: [{ status: 'pending', from: e.date ?? e.source.date, eventSeq: e.seq }],
      });
    },
    AbsentWithoutLeave: (b, e, findings) => {
      const absences = b.#absences[e.personId];
      if (absences) absences.push(e.congressSession);
      else b.#absences[e.personId] = [e.congressSession];
      b.#applyFindings(e, findings);
    },
    QualificationReviewed: (b, e, findings) => b.#applyFindings(e, findings),
    DeputyTransferredOut: (b, e, findings) => b.#applyFindings(e, findings),
    DeputyResignationAccepted: (b, e, findings) => b.#applyFindings(e, findings),
    OrderedResignationAccepted: (b, e, findings) => b.#applyFindings(e, findings),
    DeputyRecalled: (b, e, findings) => b.#applyFindings(e, findings),
    DeputyDied: (b, e, findings) => b.#applyFindings(e, findings),
    NationalityLost: (b, e, findings) => b.#applyFindings(e, findings),
    PoliticalRightsDeprived: (b, e, findings) => b.#applyFindings(e, findings),
    CapacityLost: (b, e, findings) => b.#applyFindings(e, findings),
    DeputySuspended: (b, e, findings) => b.#applyFindings(e, findings),
    SuspensionEnded: (b, e, findings) => b.#applyFindings(e, findings),
    ProsecutionPermitted: (b, e) => {
      b.#permissions.push(e);
    },
    MandateEndedOtherwise: (b, e, findings) => b.#applyFindings(e, findings),
    MandateRevoked: (b, e, findings) => b.#applyFindings(e, findings),
    UnnamedDeputiesLeft: (b, e, findings) => b.#leaveUnnamed(e, findings),
    UnnamedDeputiesElected: (b, e) => {
      for (let i = 1; i <= e.count; i++) {
        const at = b.#mandates.length;
        b.#pendingUnnamed.push(at);
        b.#addMandate({
          mandateId: `unnamed:${e.seq}:${i}`,
          personId: `unnamed:${e.seq}:${i}`,
          electingUnit: e.electingUnit,
          origin: e.kind,
          unnamed: true,
          ...(e.electedBy ? { electedBy: e.electedBy } : {}),
          history: [{ status: 'pending', from: e.date ?? e.source.date, eventSeq: e.seq }],
        });
      }
    },
    UnnamedDeputiesReviewed: (b, e, findings) => b.#reviewUnnamed(e, findings),
    TerminationsAnnounced: (b, e) => {
      b.#announcements.push(e);
      b.#anchor(e.stated?.countAfter, e);
    },
    CredentialsReportAdopted: (b, e) => {
      b.#reports.push(e);
      b.#anchor(e.stated.countAfter, e);
    },
    OrganRegistered: (b, e) => {
      b.#organs[e.organId] = e;
    },
    PostHeld: (b, e) => b.#startTenure({ personId: e.personId, post: e.post, from: e.since, startSeq: e.seq, end: undefined }),
    PersonnelDecided: (b, e) => {
      b.#personnelActs.push(e);
      if (APPOINTING_ACTS.has(e.act)) {
        for (const post of e.posts) b.#startTenure({ personId: e.personId, post, from: e.date, startSeq: e.seq, end: undefined });
      } else {
        b.#endTenures(e.personId, e.posts, { date: e.date, eventSeq: e.seq, how: e.act });
      }
    },
    PostEnded: (b, e) => b.#endTenures(e.personId, [e.post], { date: e.date, eventSeq: e.seq, how: e.how }),
    OathTaken: (b, e) => {
      b.#oaths.push(e);
    },
    // Corrections are applied to the log before replay (src/domain/corrections.ts): nothing to do here.
    EventCorrected: () => undefined,
  };

  /** `p1` for a person's first mandate, `p1#2` for the second, … */
  #nextMandateId(personId: string): string {
    const earlier = this.#positionsOf(personId)?.length ?? 0;
    return earlier === 0 ? personId : `${personId}#${earlier + 1}`;
  }

  #addMandate(m: OwnedMandate): void {
    this.#owned.add(m);
    const lazy = this.#lazy;
    if (lazy) {
      this.#positionsOf(m.personId);
      push(this.#mandatesOf, m.personId, lazy.count);
      lazy.at.set(lazy.count++, m);
      return;
    }
    push(this.#mandatesOf, m.personId, this.#list.length);
    this.#list.push(m);
  }

  /** The mandate at a position, this builder's own to change: copied (with its history) the first time. */
  #own(at: number): OwnedMandate {
    const m = this.#mandateAt(at);
    if (this.#owned.has(m)) return m as OwnedMandate;
    const copy: OwnedMandate = { ...m, history: [...m.history] };
    this.#owned.add(copy);
    if (this.#lazy) this.#lazy.at.set(at, copy);
    else this.#list[at] = copy;
    return copy;
  }

  /** Apply what the rules found for an event to the mandate it concerns (the first finding that changes status). */
  #applyFindings(event: RosterEvent & { personId: string }, findings: readonly Finding[]): void {
    const mine = this.#positionsOf(event.personId);
    if (!mine) return;
    const at = mine[mine.length - 1]!;
    for (const f of findings) {
      const status = statusFromFinding(f, this.#mandateAt(at));
      if (status) {
        this.#own(at).history.push({ status, from: f.effectiveDate, eventSeq: event.seq, finding: f });
        return;
      }
    }
  }

  /** `count` deputies of the unnamed pool leave on the rules' finding: each becomes an unnamed mandate that ends. */
  #leaveUnnamed(e: EventOf<'UnnamedDeputiesLeft'>, findings: readonly Finding[]): void {
    const f = findings.find((x) => x.outcome.type === 'mandate-terminated');
    if (!f) return;
    const pool = this.#unnamed;
    for (let i = 1; i <= e.count; i++) {
      this.#addMandate({
        mandateId: `unnamed:${e.seq}:${i}`,
        personId: `unnamed:${e.seq}:${i}`,
        electingUnit: e.electingUnit,
        origin: 'opening-balance',
        unnamed: true,
        history: [
          { status: 'valid', from: pool?.from, eventSeq: e.seq },
          { status: 'ended', from: f.effectiveDate, eventSeq: e.seq, finding: f },
        ],
      });
    }
    this.#unnamed = pool && { ...pool, count: pool.count === undefined ? undefined : pool.count - e.count };
  }

  /** The review of unnamed elected deputies: the first `count` pending ones (of the unit, where given) take the finding. */
  #reviewUnnamed(e: EventOf<'UnnamedDeputiesReviewed'>, findings: readonly Finding[]): void {
    const f = findings.find((x) => x.outcome.type === 'mandate-confirmed' || x.outcome.type === 'election-voided');
    if (!f) return;
    const status: MandateStatus = f.outcome.type === 'mandate-confirmed' ? 'valid' : 'void';
    let left = e.count;
    const waiting: number[] = [];
    void this.#mandates; // the whole list, and the unnamed awaiting review with it
    for (const at of this.#pendingUnnamed) {
      const m = this.#mandates[at]!;
      if (m.history[m.history.length - 1]!.status !== 'pending') continue;
      if (left > 0 && (e.electingUnit === undefined || m.electingUnit === e.electingUnit)) {
        this.#own(at).history.push({ status, from: f.effectiveDate, eventSeq: e.seq, finding: f });
        left--;
      } else waiting.push(at);
    }
    this.#pendingUnnamed = waiting;
  }

  /**
   * A balance that stated no count (an NPC record knows only the counts its notices state) takes it from
   * the first publication that states a count after: that count less the named deputies counted then.
   */
  #anchor(stated: number | undefined, e: RosterEvent & { date: string }): void {
    const pool = this.#unnamed;
    if (!pool || pool.count !== undefined || stated === undefined) return;
    const named = this.#mandates.filter((m) => isCounted(this, statusOn(m, e.date))).length;
    this.#unnamed = { ...pool, count: stated - named, derivedFrom: e.seq };
  }

  #startTenure(t: Tenure): void {
    push(this.#tenureIndex, t.personId, this.#tenures.length);
    this.#tenures.push(t);
  }

  /**
   * End the person's open tenure of each post (the earliest, if several). Posts with no open tenure
   * are kept as unmatched: ending a post nobody holds contradicts the record.
   */
  #endTenures(personId: string, posts: readonly PostRef[], end: TenureEnd): void {
    const mine = this.#tenureIndex.get(personId) ?? [];
    for (const post of posts) {
      const i = mine.find((at) => this.#tenures[at]!.end === undefined && samePost(this.#tenures[at]!.post, post));
      if (i === undefined) this.#unmatchedEnds.push({ eventSeq: end.eventSeq, personId, post });
      else this.#tenures[i] = { ...this.#tenures[i]!, end };
    }
  }
}

function statusFromFinding(f: Finding, m: Mandate): MandateStatus | undefined {
  return match(f.outcome)
    .with({ type: 'mandate-terminated' }, () => 'ended' as const)
    .with({ type: 'mandate-suspended' }, () => 'suspended' as const)
    .with({ type: 'suspension-ended' }, () => (m.history[m.history.length - 1]!.status === 'suspended' ? ('valid' as const) : undefined))
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
