/**
 * Posts as of a date, as the exports write them: each tenure the record shows begun by then, with
 * its full post name, and how and when it ended if that was by then. Dates come only from the
 * record: a post held when the record starts has no start date, an undated end has no end date.
 */
import { type LegalDate, onOrBefore } from '../domain/dates.js';
import type { PostRef } from '../domain/posts.js';
import type { RosterState } from '../domain/roster.js';
import { endedHow, postName } from '../domain/status-names.js';
import type { Tenure } from '../domain/tenures.js';

export interface TenureLine {
  readonly personId: string;
  readonly post: PostRef;
  /** The organ's full name and the title: 宁波市人大常委会副秘书长. */
  readonly name: string;
  /** The recorded event that began it (a `PostHeld` or an appointing act). */
  readonly startSeq: number;
  readonly from: LegalDate | undefined;
  /** Set when the tenure ended on or before the date. */
  readonly end:
    | {
        readonly date: LegalDate | undefined;
        /** The act (`removed`, `resignation-accepted` …) or the wording of a `PostEnded` record. */
        readonly how: string;
        /** 免去, 接受辞职, 相应终止 … */
        readonly label: string;
        readonly eventSeq: number;
      }
    | undefined;
}

/**
 * As of the end of the day, like a deputy's status: a post begun on the date is held, one ended on
 * the date is not. A change the record does not date counts whatever the date, as for mandates.
 */
const begunBy = (t: Tenure, asOf: LegalDate) => t.from === undefined || onOrBefore(t.from, asOf);
const endedBy = (t: Tenure, asOf: LegalDate) => t.end !== undefined && (t.end.date === undefined || onOrBefore(t.end.date, asOf));

/** Every tenure begun by the date, in the order of the record. */
export function tenuresAsOf(state: RosterState, asOf: LegalDate): TenureLine[] {
  return state.tenures
    .filter((t) => begunBy(t, asOf))
    .map((t) => ({
      personId: t.personId,
      post: t.post,
      name: postName(state, t.post),
      startSeq: t.startSeq,
      from: t.from,
      end: t.end && endedBy(t, asOf) ? { date: t.end.date, how: t.end.how, label: endedHow(t.end), eventSeq: t.end.eventSeq } : undefined,
    }));
}

/** The names of the posts a person held on the date, in the order of the record. */
export function postsHeld(tenures: readonly TenureLine[], personId: string): string[] {
  return tenures.filter((t) => t.personId === personId && t.end === undefined).map((t) => t.name);
}
