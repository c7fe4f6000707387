/**
 * The publications that state figures for a ledger's point: the credentials reports adopted at the
 * session, and the notices issued at the session or, for a date, on that date.
 */
import type { LegalDate } from '../domain/dates.js';
import type { StatedFigures } from '../domain/events.js';
import type { RosterState } from '../domain/roster.js';

export interface Publication {
  readonly seq: number;
  readonly title: string;
  readonly stated: StatedFigures;
}

export function publicationsAt(state: RosterState, at: { readonly date: LegalDate; readonly session: number | undefined }): Publication[] {
  const here = (p: { session?: number | undefined; date: string }) =>
    at.session !== undefined ? p.session === at.session : p.date === at.date;
  return [...state.reports, ...state.announcements]
    .filter(here)
    .map((p) => ({ seq: p.seq, title: p.source.title, stated: p.stated ?? {} }))
    .sort((a, b) => a.seq - b.seq);
}
