/**
 * The posts part of the Popolo export: organs as organizations (nested by `parent_id`, classified by
 * their kind), each post held as a post, and each tenure as a membership. Dates are the record's: a
 * post held when the record starts has no `start_date`, an undated end no `end_date`.
 */
import { APPOINTING_ACTS, PersonnelAct, type PostRef } from '../domain/posts.js';
import type { Sources } from './popolo-sources.js';
import type { RosterView } from './roster-view.js';

const ENDING_ACTS: readonly string[] = PersonnelAct.options.filter((a) => !APPOINTING_ACTS.has(a));

/** How a `PostEnded` record words the end (相应终止 when deputy status ends, 去世 …), as controlled values. */
const POST_ENDED_WORDS = {
  相应终止: 'consequential-termination',
  相应撤销: 'consequential-revocation',
  自然终止: 'died',
  去世: 'died',
  机构撤销: 'organ-abolished',
} as const;

/**
 * Controlled vocabulary of a post membership's `end_reason`: the act that ended it (removed,
 * resignation-accepted …), else what a `PostEnded` record says, else `other` (its wording is in
 * `end_reason_label`).
 */
export const POST_END_REASONS: readonly string[] = [...ENDING_ACTS, ...Object.values(POST_ENDED_WORDS), 'other'];

function postEndReason(how: string): string {
  if (ENDING_ACTS.includes(how)) return how;
  return Object.entries(POST_ENDED_WORDS).find(([words]) => how.includes(words))?.[1] ?? 'other';
}

export const organId = (id: string) => `organ/${id}`;
const postId = (p: PostRef) => `post/${p.organId}/${p.title}`;

export function popoloPosts(view: RosterView, sources: Sources) {
  const known = new Set(view.organs.map((o) => o.organId));
  // A reference to an organ the record does not register is left out rather than pointed nowhere.
  const organRef = (key: 'parent_id' | 'organization_id', id: string | undefined) => (id && known.has(id) ? { [key]: organId(id) } : {});
  const posts = new Map(view.tenures.map((t) => [postId(t.post), t] as const));
  return {
    organizations: view.organs.map((o) => ({
      id: organId(o.organId),
      name: o.name,
      ...(o.shortForms.length > 0 ? { other_names: o.shortForms.map((name) => ({ name })) } : {}),
      classification: o.kind,
      identifiers: [{ scheme: 'deputy-roster', identifier: o.organId }],
      ...organRef('parent_id', o.parentId),
    })),
    posts: [...posts].map(([id]) => {
      const of = view.tenures.filter((t) => postId(t.post) === id);
      const t = of[0]!;
      // A post cites the records that put people in it.
      return {
        id,
        label: t.name,
        role: t.post.title,
        ...organRef('organization_id', t.post.organId),
        ...sources(of.map((x) => x.startSeq)),
      };
    }),
    memberships: view.tenures.map((t) => ({
      id: `membership/${t.startSeq}/${t.post.organId}/${t.post.title}`,
      person_id: t.personId,
      ...organRef('organization_id', t.post.organId),
      post_id: postId(t.post),
      role: t.post.title,
      ...(t.from ? { start_date: t.from } : {}),
      ...(t.end?.date ? { end_date: t.end.date } : {}),
      ...(t.end ? { end_reason: postEndReason(t.end.how), end_reason_label: t.end.label } : {}),
      ...sources([t.startSeq, ...(t.end ? [t.end.eventSeq] : [])]),
    })),
  };
}
