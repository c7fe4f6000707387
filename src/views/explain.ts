/** Everything the record and the rules say about one person: `roster explain`. */
import type { RosterEvent } from '../domain/events.js';
import type { Finding } from '../domain/findings.js';
import { personsOf } from '../domain/persons-of.js';
import type { Mandate } from '../domain/roster.js';
import { postName } from '../domain/status-names.js';
import type { Tenure } from '../domain/tenures.js';
import type { Derivation } from '../engine/derive.js';
import type { PostAnalysis } from '../posts/analysis.js';
import { findPerson } from './audit.js';

export interface PersonExplanation {
  readonly personId: string;
  readonly name: string;
  readonly person: RosterEvent | undefined;
  readonly mandates: readonly Mandate[];
  readonly findings: readonly Finding[];
  readonly events: readonly RosterEvent[];
  /** Posts the person held or holds, and what the rules found about them (cascades, oaths). */
  readonly posts: readonly (Tenure & { readonly name: string })[];
  readonly postFindings: readonly Finding[];
}

/** `posts`: the post analysis of the whole record, whose findings about the person are given once each. */
export function explain(d: Derivation, query: string, posts: PostAnalysis): PersonExplanation {
  const id = findPerson(d, query);
  const person = d.state.persons[id]!;
  return {
    personId: id,
    name: person.name,
    person,
    mandates: d.state.mandates.filter((m) => m.personId === id),
    findings: d.findings.filter((f) => f.personId === id),
    posts: d.state.tenures.filter((t) => t.personId === id).map((t) => ({ ...t, name: postName(d.state, t.post) })),
    postFindings: [
      ...new Map(
        posts.findings
          .filter((f) => f.personId === id && f.outcome.type !== 'post-requires' && f.outcome.type !== 'oath-wording')
          .map((f) => [`${f.ruleId}|${f.eventSeq}|${f.facts.postTitle}`, f]),
      ).values(),
    ],
    events: d.events.filter((e) => personsOf(e).includes(id)),
  };
}
