/** What a consistency check finds: its level and code, and the event and person it is about. */
/** The checks on posts, appointments and oaths (checks/posts.ts). */
export type PostCheckCode =
  | 'unknown-organ'
  | 'post-not-held'
  | 'post-grouping-mismatch'
  | 'dependent-post-still-held'
  | 'post-held-after-transfer'
  | 'appointment-requires-deputy'
  | 'appointment-requires-standing-committee-seat'
  | 'appointment-not-allowed'
  | 'incompatible-posts'
  | 'oath-not-recorded'
  | 'oath-names-not-recorded';

export type CheckLevel = 'error' | 'warning';

export interface CheckFinding {
  readonly level: CheckLevel;
  readonly code:
    | 'no-congress'
    | 'stated-count-mismatch'
    | 'counted-before-confirmation'
    | 'above-quota'
    | 'by-election-without-vacancy'
    | 'event-after-end'
    | 'event-without-mandate'
    | 'event-without-date'
    | 'no-rule-in-force'
    | 'unknown-person'
    | 'duplicate-person'
    | 'unknown-electing-unit'
    | 'duplicate-definition'
    | PostCheckCode
    | 'invalid-correction'
    | 'publication-differs'
    | 'tampered-log'
    | 'roster-without-balance'
    | 'roster-exceeds-balance'
    | 'already-named'
    | 'confirmed-after-balance';
  readonly message: string;
  readonly eventSeq?: number;
  readonly personId?: string;
}
