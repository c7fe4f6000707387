/**
 * The roster of a date narrowed the way the console's 代表 page and the CLI ask: by electing unit,
 * by status, by a post held, and by a person query (part of a name, pinyin initials; see
 * person-search.ts). Pure.
 */
import { isCounted, type MandateStatus, type RosterState } from '../domain/roster.js';
import type { RosterLine, RosterView } from '../roster-io/roster-view.js';
import { searchPersons } from './person-search.js';

export interface RosterFilter {
  readonly unit?: string;
  readonly status?: MandateStatus | 'counted';
  /** Part of the name of a post held on the date (常委会委员, 财政经济委员会). */
  readonly post?: string;
  readonly query?: string;
}

export function filterRoster(state: RosterState, view: RosterView, filter: RosterFilter): RosterLine[] {
  const found = filter.query ? new Set(searchPersons(state, filter.query).map((m) => m.personId)) : undefined;
  const post = filter.post?.trim();
  return view.lines.filter(
    (l) =>
      (!filter.unit || l.electingUnit === filter.unit) &&
      (!filter.status || (filter.status === 'counted' ? isCounted(state, l.status) : l.status === filter.status)) &&
      (!post || l.posts.some((p) => p.includes(post))) &&
      (!found || found.has(l.personId)),
  );
}
