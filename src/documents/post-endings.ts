/**
 * The posts that end because deputy status ended (相应终止 / 相应撤销), as the notice states them after
 * the terminations (legal brief §3.3: "依照《…选举法》的有关规定，罗琦的…委员职务相应撤销"). What ends,
 * and under which law, is what the cascade rules found; a post the standing committee itself ended
 * by an act (接受辞职, 免去) did not end as a consequence and is not named.
 */
import type { Finding, PostEndMode } from '../domain/findings.js';
import type { PostRef } from '../domain/posts.js';
import type { Derivation } from '../engine/derive.js';
import type { CascadeEntry, CascadeItem } from '../posts/analysis.js';
import { bookTitles, distinct } from './phrasing.js';
import { postsPhrase } from './post-phrases.js';

interface Ending {
  readonly mode: PostEndMode;
  readonly law: string | undefined;
  readonly personId: string;
  readonly name: string;
  readonly post: PostRef;
  readonly finding: Finding | undefined;
}

/** Each post that ends with a deputy's status and was not ended by the standing committee's own act, with its organ's full name. */
export function postEndings(d: Derivation, cascades: readonly CascadeEntry[]) {
  return cascades
    .flatMap((c) => endings(d, c))
    .map((e) => ({ ...e, postName: `${d.state.organs[e.post.organId]?.name ?? e.post.organId}${e.post.title}` }));
}

function endings(d: Derivation, entry: CascadeEntry): Ending[] {
  const endedByAct = (i: CascadeItem) =>
    i.recordedEnd !== undefined && d.events.find((e) => e.seq === i.recordedEnd!.eventSeq)?.type === 'PersonnelDecided';
  return entry.items.flatMap((i) => {
    const outcome = i.consequence?.outcome;
    if (outcome?.type !== 'post-ends' || endedByAct(i)) return [];
    return [
      {
        mode: outcome.params.mode,
        law: i.consequence!.citation.lawTitle,
        personId: entry.personId,
        name: entry.name,
        post: i.tenure.post,
        finding: i.consequence,
      },
    ];
  });
}

/** One sentence per consequence and law: 依照《…》的有关规定，甲的…职务，乙的…职务相应撤销。 Empty when none. */
export function postEndingSentences(d: Derivation, cascades: readonly CascadeEntry[]): string {
  const all = cascades.flatMap((c) => endings(d, c));
  const key = (e: Ending) => `${e.mode}|${e.law ?? ''}`;
  // Consequences a statute provides come first, then those resting on eligibility and practice.
  const ordered = [...all.filter((e) => e.law), ...all.filter((e) => !e.law)];
  return distinct(ordered.map(key))
    .map((k) => {
      const group = all.filter((e) => key(e) === k);
      const { mode, law } = group[0]!;
      const persons = distinct(group.map((e) => e.personId)).map((id) => {
        const mine = group.filter((e) => e.personId === id);
        return `${mine[0]!.name}的${postsPhrase(d.state, { posts: mine.map((e) => e.post) })}职务`;
      });
      return `${law ? `依照${bookTitles([law])}的有关规定，` : ''}${persons.join('，')}${mode}。`;
    })
    .join('');
}
