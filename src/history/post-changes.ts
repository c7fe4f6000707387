/**
 * The posts side of the audit queries: which posts a person held at the close of a date, each with
 * the record that began it. Pure: it reads a Derivation.
 */
import { onOrBefore, type LegalDate } from '../domain/dates.js';
import { effectiveDate } from '../domain/events.js';
import type { PersonnelAct, PostRef } from '../domain/posts.js';
import type { Tenure } from '../domain/tenures.js';
import type { Derivation } from '../engine/derive.js';
import { postName } from '../posts/analysis.js';

/** What began or ended a tenure, as the record shows it. */
export type PostCause =
  /** An act of the standing committee (任命, 免去, 接受辞职 …) in a PersonnelDecided entry. */
  | { readonly kind: 'act'; readonly eventSeq: number; readonly act: PersonnelAct; readonly session: number; readonly item: number; readonly reason?: string }
  /** A PostHeld (the post as the record found it) or a PostEnded (its wording: 相应终止, 去世 …). */
  | { readonly kind: 'recorded'; readonly eventSeq: number; readonly type: 'PostHeld' | 'PostEnded'; readonly how?: string };

export interface PostHolding {
  readonly post: PostRef;
  readonly postName: string;
  /** Undefined where the record does not say when the post began. */
  readonly from: LegalDate | undefined;
  readonly started: PostCause;
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
