/**
 * The posts side of the audit queries: which posts a person held at the close of a date, which posts
 * anyone in the record gained or lost between two dates (each with the record or the rule that began
 * or ended it), and what the rules found about a person's posts. Pure: they read a Derivation and,
 * for cascades and oaths, the post analysis.
 */
import { type LegalDate, onOrBefore } from '../domain/dates.js';
import { effectiveDate } from '../domain/events.js';
import type { Finding } from '../domain/findings.js';
import type { PersonnelAct, PostRef } from '../domain/posts.js';
import { postName } from '../domain/status-names.js';
import { samePost, type Tenure } from '../domain/tenures.js';
import type { Derivation } from '../engine/derive.js';
import type { CascadeEntry, PostAnalysis } from '../posts/analysis.js';

/** What began or ended a tenure. */
export type PostCause =
  /** An act of the standing committee (任命, 免去, 接受辞职 …) in a PersonnelDecided entry. */
  | {
      readonly kind: 'act';
      readonly eventSeq: number;
      readonly act: PersonnelAct;
      readonly session: number;
      readonly item: number;
      readonly reason?: string;
    }
  /** A PostHeld (the post as the record found it) or a PostEnded (its wording: 相应终止, 去世 …). */
  | { readonly kind: 'recorded'; readonly eventSeq: number; readonly type: 'PostHeld' | 'PostEnded'; readonly how?: string }
  /** A consequence the cascade rules derive from a termination, not (yet) written in the record. */
  | { readonly kind: 'cascade'; readonly eventSeq: number };

export interface PostHolding {
  readonly post: PostRef;
  readonly postName: string;
  /** Undefined where the record does not say when the post began. */
  readonly from: LegalDate | undefined;
  readonly started: PostCause;
}

export interface PostChange {
  readonly personId: string;
  readonly name: string;
  readonly post: PostRef;
  readonly postName: string;
  readonly date: LegalDate | undefined;
  /** True when the ending record gives no date and its source document's date is used. */
  readonly dateFromSource: boolean;
  readonly cause: PostCause;
  /** The cascade rule's finding (相应终止 / 相应撤销) where the loss follows a termination. */
  readonly finding?: Finding;
}

/** What the rules found about a post (相应终止 …, with the post's name) or about an act (the oath duty). */
export interface PostFinding {
  readonly post?: string;
  readonly finding: Finding;
}

export type PostAnalysisPart = Pick<PostAnalysis, 'cascades' | 'oathsOwed' | 'oathsNotOwed'>;

/** The consequence for each post the person held when their status ended, and the oath duty of each act about them. */
export function postFindingsOf(d: Derivation, personId: string, posts: PostAnalysisPart): PostFinding[] {
  return [
    ...posts.cascades
      .filter((c) => c.personId === personId)
      .flatMap((c) => c.items.flatMap((i) => (i.consequence ? [{ post: postName(d.state, i.tenure.post), finding: i.consequence }] : []))),
    ...[...posts.oathsOwed, ...posts.oathsNotOwed].flatMap((o) =>
      o.act.personId === personId && o.finding ? [{ finding: o.finding }] : [],
    ),
  ];
}

export interface PostChanges {
  readonly gained: readonly PostChange[];
  readonly lost: readonly PostChange[];
}

function causeOf(d: Derivation, seq: number): PostCause {
  const e = d.events.find((x) => x.seq === seq);
  if (e?.type === 'PersonnelDecided') {
    return { kind: 'act', eventSeq: seq, act: e.act, session: e.session, item: e.item, ...(e.reason ? { reason: e.reason } : {}) };
  }
  if (e?.type === 'PostEnded') return { kind: 'recorded', eventSeq: seq, type: 'PostEnded', how: e.how };
  return { kind: 'recorded', eventSeq: seq, type: 'PostHeld' };
}

/** When a tenure ended: the record's date, else its source document's date; undefined if it has not ended. */
function endDate(d: Derivation, t: Tenure): { date: LegalDate | undefined; dateFromSource: boolean } | undefined {
  if (!t.end) return undefined;
  if (t.end.date !== undefined) return { date: t.end.date, dateFromSource: false };
  const e = d.events.find((x) => x.seq === t.end!.eventSeq);
  return { date: e ? effectiveDate(e) : undefined, dateFromSource: true };
}

/** Held at the close of the date: begun on or before it (or at a time not recorded), not ended on or before it. */
function heldAtCloseOf(d: Derivation, t: Tenure, date: LegalDate): boolean {
  const ended = endDate(d, t)?.date;
  return (t.from === undefined || onOrBefore(t.from, date)) && (ended === undefined || !onOrBefore(ended, date));
}

/** The posts a person held at the close of a date, as `members` counts mandates after that day's events. */
export function postsHeld(d: Derivation, personId: string, date: LegalDate): PostHolding[] {
  return d.state.tenures
    .filter((t) => t.personId === personId && heldAtCloseOf(d, t, date))
    .map((t) => ({ post: t.post, postName: postName(d.state, t.post), from: t.from, started: causeOf(d, t.startSeq) }));
}

/**
 * Posts gained and lost in (after, upTo], by anyone in the record: the tenures the record begins or
 * ends, and the posts the cascade rules end with a deputy's status where the record has not ended them.
 */
export function postChanges(d: Derivation, after: LegalDate, upTo: LegalDate, cascades: readonly CascadeEntry[]): PostChanges {
  const inWindow = (date: LegalDate | undefined) => date !== undefined && !onOrBefore(date, after) && onOrBefore(date, upTo);
  const change = (t: Tenure, date: LegalDate | undefined, cause: PostCause, dateFromSource = false, finding?: Finding): PostChange => ({
    personId: t.personId,
    name: d.state.persons[t.personId]?.name ?? t.personId,
    post: t.post,
    postName: postName(d.state, t.post),
    date,
    dateFromSource,
    cause,
    ...(finding ? { finding } : {}),
  });
  const consequenceFor = (t: Tenure) =>
    cascades
      .flatMap((c) => c.items)
      .find(
        (i) =>
          i.tenure.personId === t.personId &&
          i.tenure.startSeq === t.startSeq &&
          samePost(i.tenure.post, t.post) &&
          i.consequence?.outcome.type === 'post-ends',
      )?.consequence;

  const gained = d.state.tenures.filter((t) => inWindow(t.from)).map((t) => change(t, t.from, causeOf(d, t.startSeq)));
  const lost: PostChange[] = [];
  for (const t of d.state.tenures) {
    const end = endDate(d, t);
    if (!end || !inWindow(end.date)) continue;
    const cause = causeOf(d, t.end!.eventSeq);
    // A PostEnded is the record of a consequence: name the rule that gives it. An act speaks for itself.
    lost.push(change(t, end.date, cause, end.dateFromSource, cause.kind === 'recorded' ? consequenceFor(t) : undefined));
  }
  for (const c of cascades) {
    if (!inWindow(c.date)) continue;
    for (const i of c.items) {
      if (i.recordedEnd || i.consequence?.outcome.type !== 'post-ends') continue;
      lost.push(change(i.tenure, c.date, { kind: 'cascade', eventSeq: i.consequence.eventSeq }, false, i.consequence));
    }
  }
  lost.sort((a, b) => a.cause.eventSeq - b.cause.eventSeq);
  return { gained, lost };
}
