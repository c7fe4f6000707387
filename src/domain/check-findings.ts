/**
 * What a consistency check finds, as typed data: its code and level, the events and persons it is
 * about, the rule and citation it rests on where the law says it, and the facts that decided it
 * (names, dates, figures, posts). The sentence a clerk reads is made from these by
 * src/checks/describe-check.ts, for the CLI and any console alike.
 */
import type { StatedFigures } from './events.js';
import type { Citation } from './findings.js';
import type { MandateStatus } from './roster.js';

/** error: the record contradicts the law or itself; warning: the clerk should look; info: how a finding was reached. */
export type CheckLevel = 'error' | 'warning' | 'info';

/** The figures a report or notice states, compared with the ledger. */
export type StatedField = keyof StatedFigures;

/** Where a count is checked: at a session of the standing committee, or on a publication's own date. */
export type CountPoint = { readonly session: number } | { readonly asOf: string };

/** The facts of each kind of finding, by code. */
export interface CheckFacts {
  'no-congress': Record<string, never>;
  'tampered-log': { readonly problem: string };
  'invalid-correction':
    | { readonly problem: 'not-earlier'; readonly supersedes: number }
    | { readonly problem: 'is-correction'; readonly supersedes: number; readonly original: number };
  /** An opening balance is stated once per session (or date): one confirmed again at a later session resumes the record. */
  'duplicate-definition':
    | { readonly what: 'congress' }
    | { readonly what: 'session'; readonly session: number }
    | { readonly what: 'opening-balance'; readonly session?: number; readonly date?: string };
  /** The same id registered twice (an error), or one name for persons their birth dates cannot tell apart (a warning). */
  'duplicate-person': { readonly personId: string } | { readonly name: string; readonly personIds: readonly string[] };
  'unknown-person': { readonly eventType: string; readonly personId: string };
  'roster-without-balance': { readonly session: number };
  'roster-exceeds-balance': { readonly session: number; readonly count: number; readonly unnamed: number };
  'confirmed-after-balance': { readonly name: string; readonly confirmedOn: string; readonly date: string };
  'already-named': { readonly name: string };
  'event-after-end': { readonly eventType: string; readonly name: string };
  'event-without-mandate': { readonly eventType: string; readonly name: string };
  'event-without-date': { readonly eventType: string; readonly name: string };
  'no-rule-in-force': { readonly eventType: string; readonly name: string; readonly date: string };
  'unknown-electing-unit': { readonly electingUnit: string };
  'by-election-without-vacancy': {
    readonly electingUnit: string;
    readonly quota: number;
    readonly date: string;
    readonly held: number;
    readonly name: string;
  };
  /** A report counting deputies not yet confirmed, or a confirmation dated before the election. */
  'counted-before-confirmation':
    | { readonly kind: 'stated'; readonly document: string; readonly stated: number; readonly computed: number; readonly pending: number }
    | { readonly kind: 'review'; readonly name: string; readonly confirmedOn: string; readonly electedOn: string };
  'stated-count-mismatch': CountPoint & {
    readonly document: string;
    readonly field: StatedField;
    readonly stated: number;
    readonly computed: number;
  };
  /**
   * More deputies than the seats: the quota (less reserved seats, where the congress keeps some), or
   * the cap of a congress that has no quota (the NPC).
   */
  'above-quota': CountPoint & {
    readonly count: number;
    readonly quota?: number;
    readonly reservedSeats?: number;
    readonly cap?: number;
  };
  'publication-differs': {
    readonly document: string;
    readonly date: string;
    readonly name: string;
    /** The status recomputation gives on the notice's date; undefined where the person has no mandate. */
    readonly status: MandateStatus | undefined;
  };
  'unknown-organ': { readonly eventType: string; readonly organId: string };
  'post-grouping-mismatch': { readonly grouped: number; readonly posts: number };
  'post-not-held': { readonly name: string; readonly post: string };
  'post-held-after-transfer': { readonly name: string; readonly termination: string; readonly post: string; readonly label: string };
  /** A post that needs deputy status (or a standing-committee seat) still held, with no recorded end. */
  'dependent-post-still-held':
    | {
        readonly kind: 'cascade';
        readonly name: string;
        readonly date: string | undefined;
        readonly termination: string;
        readonly post: string;
        readonly requirement: string | undefined;
        /** 相应终止 / 相应撤销 where a rule ends the post; undefined where no rule does. */
        readonly mode: string | undefined;
      }
    | { readonly kind: 'seat'; readonly name: string; readonly post: string; readonly requirement: string | undefined };
  'appointment-requires-deputy': {
    readonly name: string;
    readonly post: string;
    readonly requirement: string | undefined;
    readonly date: string;
  };
  'appointment-requires-standing-committee-seat': {
    readonly name: string;
    readonly post: string;
    readonly requirement: string | undefined;
  };
  'appointment-not-allowed': { readonly name: string; readonly post: string; readonly label: string };
  'incompatible-posts': {
    readonly name: string;
    readonly posts: readonly [string, string];
    readonly label: string;
    /** Both still held; otherwise the event that ended one of them. */
    readonly open: boolean;
    readonly endedBy: number | undefined;
  };
  'oath-not-recorded': { readonly name: string; readonly session: number; readonly date: string; readonly label: string };
  'oath-names-not-recorded': { readonly date: string; readonly participants: string | undefined; readonly names: readonly string[] };
  /** A suspension for criminal custody where the law requires 许可 and the record holds none for the person. */
  'suspension-without-permission': { readonly name: string; readonly by: string; readonly label: string };
  /** Findings of one rule that rest on custom (依惯例): no text in force on their dates is verified. */
  'customary-basis': {
    readonly note: string;
    /** What the rule decided: deputy status (an event's finding) or a post, a cascade or an oath (a question's). */
    readonly decided: 'mandates' | 'posts';
  };
  /** A termination on a ground no rule knows (or the source does not give): counted, for the clerk to confirm. */
  'termination-on-other-ground': {
    /** The deputy's name; undefined for deputies the source counts without names. */
    readonly name: string | undefined;
    /** How many deputies, where the source counts them without names. */
    readonly count: number | undefined;
    /** The source's wording of the ground; undefined where it gives none. */
    readonly wording: string | undefined;
  };
  /** An opening balance that stated no count, derived from a later publication's count after. */
  'balance-count-derived': { readonly derivedFrom: number; readonly count: number };
  /** An opening balance that stated no count, and nothing later states one: the count cannot be computed. */
  'balance-count-unknown': Record<string, never>;
  // Facts that cannot all be true (src/checks/record-facts.ts).
  /** 未经批准不出席 the same congress session recorded twice. */
  'duplicate-absence': { readonly name: string; readonly congressSession: number; readonly first: number };
  /** A deputy's election reviewed (or counted in a balance) and then reviewed again. */
  'review-repeated': { readonly name: string; readonly first: number };
  /** A change of status dated before the change it follows; a balance dated after its own session. */
  'dated-before-previous-change':
    | {
        readonly kind: 'mandate';
        readonly name: string;
        readonly eventType: string;
        readonly date: string;
        readonly previousDate: string;
        readonly previousSeq: number;
      }
    | {
        readonly kind: 'balance';
        readonly date: string;
        readonly session: number;
        readonly sessionDate: string;
        readonly sessionSeq: number;
      };
  'event-before-birth': { readonly eventType: string; readonly name: string; readonly date: string; readonly birthDate: string };
  /** The ledger of a session cannot be computed: dates that contradict each other (the problem, in the clerk's words). */
  'ledger-inconsistent': { readonly point: CountPoint; readonly problem: string };
  /** A by-election when every seat of the congress is held on its date (counted, or elected before it and not yet reviewed). */
  'by-election-over-quota': {
    readonly quota: number;
    readonly date: string;
    readonly counted: number;
    readonly pending: number;
    readonly name: string;
  };
  /** The count above the quota after a confirmation (or a balance), on its own date. */
  'count-over-quota': { readonly date: string; readonly count: number; readonly quota: number };
}

export type CheckCode = keyof CheckFacts;

export type CheckFinding = {
  [C in CheckCode]: {
    readonly code: C;
    readonly level: CheckLevel;
    /** The events it is about; the first is the one it is reported against. */
    readonly eventSeqs: readonly number[];
    readonly personIds: readonly string[];
    /** The rule it rests on (its id, and its title as the clerk reads it) and the citation in force, where the law says it. */
    readonly ruleId?: string;
    readonly ruleTitle?: string;
    readonly citation?: Citation;
    readonly facts: CheckFacts[C];
    /** The first of `eventSeqs` and of `personIds`, for callers that name one. */
    readonly eventSeq?: number;
    readonly personId?: string;
  };
}[CheckCode];

export type CheckFindingOf<C extends CheckCode> = Extract<CheckFinding, { code: C }>;

/** A finding, its first event and person filled in from the lists. */
export function checkFinding<C extends CheckCode>(
  code: C,
  level: CheckLevel,
  about: { readonly eventSeqs?: readonly number[]; readonly personIds?: readonly string[] },
  facts: CheckFacts[C],
  rule?: { readonly ruleId: string; readonly title: string; readonly citation: Citation },
): CheckFindingOf<C> {
  const eventSeqs = about.eventSeqs ?? [];
  const personIds = about.personIds ?? [];
  return {
    code,
    level,
    eventSeqs,
    personIds,
    ...(rule ? { ruleId: rule.ruleId, ruleTitle: rule.title, citation: rule.citation } : {}),
    facts,
    ...(eventSeqs[0] !== undefined ? { eventSeq: eventSeqs[0] } : {}),
    ...(personIds[0] !== undefined ? { personId: personIds[0] } : {}),
  } as unknown as CheckFindingOf<C>;
}
