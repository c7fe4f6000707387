/**
 * What the documents of one standing-committee session are made of: the ledger, the people it
 * names with the events and findings behind each of them, and the session's own records.
 */

import { chineseNumber } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import type { Congress, EventOf, RosterEvent } from '../domain/events.js';
import type { Finding, TerminationGround } from '../domain/findings.js';
import { latestMandate, type Session } from '../domain/roster.js';
import type { Derivation } from '../engine/derive.js';
import { type Ledger, type LedgerPerson, ledger } from '../ledger/headcount.js';
import { levelWord, standingCommitteeOf } from './phrasing.js';

export interface DocumentPerson {
  readonly personId: string;
  readonly name: string;
  /** 工作单位及职务 as recorded (PersonRegistered.affiliation). */
  readonly affiliation: string | undefined;
  /** Undefined where the source does not give it. */
  readonly electingUnit: string | undefined;
  /** The body that held the (by-)election, e.g. 鄞州区人大常委会 (DeputyElected.electedBy). */
  readonly electedBy: string | undefined;
  /** The recorded event the finding is about (the transfer, the resignation, the review …). */
  readonly event: RosterEvent | undefined;
  readonly finding: Finding | undefined;
}

/** Deputies whose status ended on one ground, as the ledger groups them. */
export interface TerminationGroup {
  readonly label: string;
  readonly ground: TerminationGround | 'void';
  readonly phrase: string;
  readonly persons: readonly DocumentPerson[];
}

export interface SessionRecord {
  readonly congress: Congress;
  readonly standingCommittee: { readonly name: string; readonly shortName: string };
  /** 市, 省, 县 …: as in 本次市人民代表大会. */
  readonly levelWord: string;
  readonly session: Session;
  readonly ledger: Ledger;
  /** The session the count before was confirmed at, when it is recorded. */
  readonly baselineSession: Session | undefined;
  readonly terminations: readonly TerminationGroup[];
  /** By-elected (or elected) deputies whose status the session confirmed, by unit in record order. */
  readonly confirmed: readonly DocumentPerson[];
  /** Elections the session's review found void (当选无效). */
  readonly voided: readonly DocumentPerson[];
  readonly report: EventOf<'CredentialsReportAdopted'> | undefined;
  readonly announcement: EventOf<'TerminationsAnnounced'> | undefined;
}

export function sessionRecord(d: Derivation, sessionNo: number): SessionRecord {
  const l = ledger(d, { session: sessionNo });
  const congress = d.state.congress!;
  const session = d.state.sessions[sessionNo]!;
  const bySeq = new Map(d.events.map((e) => [e.seq, e]));
  const person = (p: LedgerPerson): DocumentPerson => ({
    personId: p.personId,
    name: p.name,
    affiliation: d.state.persons[p.personId]?.affiliation,
    electingUnit: p.electingUnit,
    electedBy: latestMandate(d.state, p.personId)?.electedBy,
    event: p.finding ? bySeq.get(p.finding.eventSeq) : undefined,
    finding: p.finding,
  });

  const terminations = l.terminated.groups.map(
    (g): TerminationGroup => ({
      label: g.label,
      ground: g.ground,
      phrase: g.phrase,
      persons: g.units.flatMap((u) => u.persons.map(person)),
    }),
  );
  const confirmed = l.confirmed.units.flatMap((u) => u.persons.map(person));
  const voided = d.findings
    .filter((f) => f.outcome.type === 'election-voided')
    .flatMap((f) => {
      const event = bySeq.get(f.eventSeq);
      if (event?.type !== 'QualificationReviewed' || event.session !== sessionNo) return [];
      const m = latestMandate(d.state, event.personId);
      // A deputy already counted whose election is voided is in the ledger's terminations.
      if (terminations.some((g) => g.persons.some((p) => p.personId === event.personId))) return [];
      return [
        person({
          personId: event.personId,
          name: d.state.persons[event.personId]?.name ?? event.personId,
          electingUnit: m?.electingUnit,
          date: f.effectiveDate,
          finding: f,
          unnamed: m?.unnamed === true,
        }),
      ];
    });

  if (terminations.length === 0 && confirmed.length === 0 && voided.length === 0) {
    throw new DomainError(
      'nothing-to-report',
      `常委会第${chineseNumber(sessionNo)}次会议（第${sessionNo}次）没有代表出缺、确认代表资格或确定当选无效的记录，没有可报告的代表资格变动`,
    );
  }

  const sc = standingCommitteeOf(congress);
  return {
    congress,
    standingCommittee: sc,
    levelWord: levelWord(congress),
    session,
    ledger: l,
    baselineSession: l.baseline.session !== undefined ? d.state.sessions[l.baseline.session] : undefined,
    terminations,
    confirmed,
    voided,
    report: d.state.reports.filter((r) => r.session === sessionNo).at(-1),
    announcement: d.state.announcements.filter((a) => a.session === sessionNo).at(-1),
  };
}
