/**
 * Tenures: who held which post, from when to when, and which recorded event began and ended it.
 * Started and ended by `RosterBuilder` (./roster-builder.ts); what the law makes of a tenure is
 * decided by the rules elsewhere.
 */
import type { LegalDate } from './dates.js';
import { onOrBefore } from './dates.js';
import type { PostRef } from './posts.js';

export interface TenureEnd {
  /** Undefined where the ending record gives no date. */
  readonly date: LegalDate | undefined;
  readonly eventSeq: number;
  /** 免去, 接受辞职 …: the act, or the wording of a `PostEnded` record. */
  readonly how: string;
}

export interface Tenure {
  readonly personId: string;
  readonly post: PostRef;
  /** Undefined where the record does not say when the post began. */
  readonly from: LegalDate | undefined;
  readonly startSeq: number;
  readonly end: TenureEnd | undefined;
}

/** An act or record that ended a post the record does not show the person holding. */
export interface UnmatchedEnd {
  readonly eventSeq: number;
  readonly personId: string;
  readonly post: PostRef;
}

export const samePost = (a: PostRef, b: PostRef) => a.organId === b.organId && a.title === b.title;

/** Held on a date: begun on or before it (or at an unknown time), and not ended before it. */
export function heldOn(t: Tenure, date: LegalDate): boolean {
  const begun = t.from === undefined || onOrBefore(t.from, date);
  const notEnded = t.end === undefined || t.end.date === undefined || onOrBefore(date, t.end.date);
  return begun && notEnded;
}
