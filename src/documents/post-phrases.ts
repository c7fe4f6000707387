/**
 * How the personnel documents write a person's posts: the organ's full name on first mention, then
 * shorter forms read off the organ hierarchy, as the gazette does:
 *   宁波市人大常委会副秘书长、办公厅主任，市人大法制委员会委员、常委会法制工作委员会委员
 *   宁波市中级人民法院审判委员会委员、审判员
 * A government's head and deputy heads are named after the region: 宁波市副市长.
 */
import { DomainError } from '../domain/errors.js';
import type { EventOf } from '../domain/events.js';
import type { PostRef } from '../domain/posts.js';
import type { RosterState } from '../domain/roster.js';

type Organ = EventOf<'OrganRegistered'>;

/** The chain from the top organ down to this one. */
function lineage(state: RosterState, organ: Organ): Organ[] {
  const chain: Organ[] = [];
  for (let o: Organ | undefined = organ; o && !chain.includes(o); o = o.parentId ? state.organs[o.parentId] : undefined) chain.unshift(o);
  return chain;
}

/** How an organ already brought to mind is referred to as a parent: 常委会, 市人大, 市政府. */
function reference(organ: Organ): string {
  const shortest = [...organ.shortForms].sort((a, b) => a.length - b.length)[0];
  return organ.localName ?? shortest ?? organ.name;
}

/** 市长, 副市长, 省长, 县长 …: the titles a government's head and deputies bear. */
const HEAD_OF_GOVERNMENT = /^副?.长$/;
const GOVERNMENT = '人民政府';

/**
 * The organ's name before the title, given the organ of the post written just before it (if any)
 * and the top organs the phrase has already named:
 * - the same organ, or one it belongs to (审判委员会委员、审判员): nothing;
 * - a part of the organ just named (副秘书长、办公厅主任): its own name;
 * - a part of a hierarchy already named (…，常委会法制工作委员会委员): its parent's short reference and its own name;
 * - otherwise the full name.
 */
function organPart(state: RosterState, organ: Organ, previous: Organ | undefined, named: ReadonlySet<string>): string {
  if (previous && lineage(state, previous).includes(organ)) return '';
  const parent = organ.parentId ? state.organs[organ.parentId] : undefined;
  if (parent && organ.localName) {
    if (previous === parent) return organ.localName;
    const top = lineage(state, organ)[0]!;
    if (named.has(top.organId)) return `${reference(parent)}${organ.localName}`;
  }
  return organ.name;
}

export interface PostPhraseInput {
  readonly posts: readonly PostRef[];
  /** The runs joined with 、, joined with ， (PersonnelDecided.groupedAs); absent: one run. */
  readonly groupedAs?: readonly number[] | undefined;
}

/** The posts of one entry as a document writes them. An organ the record does not register is refused: its name is unknown. */
export function postsPhrase(state: RosterState, entry: PostPhraseInput): string {
  const named = new Set<string>();
  let previous: Organ | undefined;
  const written = entry.posts.map((post) => {
    const organ = state.organs[post.organId];
    if (!organ)
      throw new DomainError(
        'invalid-data-file',
        `职务“${post.title}”所在的机关“${post.organId}”没有登记（请先以“机关”事件登记），无法写出职务名称`,
      );
    const text =
      organ.kind === 'government' && organ.name.endsWith(GOVERNMENT) && HEAD_OF_GOVERNMENT.test(post.title)
        ? `${organ.name.slice(0, -GOVERNMENT.length)}${post.title}`
        : `${organPart(state, organ, previous, named)}${post.title}`;
    named.add(lineage(state, organ)[0]!.organId);
    previous = organ;
    return text;
  });
  const runs = entry.groupedAs ?? [written.length];
  const out: string[] = [];
  let at = 0;
  for (const size of runs) {
    out.push(written.slice(at, at + size).join('、'));
    at += size;
  }
  if (at < written.length) out.push(written.slice(at).join('、'));
  return out.join('，');
}

/** The same posts in the same grouping: entries a list may merge (邵芳芳、叶永权、吴波杰的…审判员职务). */
export function samePosts(a: PostPhraseInput, b: PostPhraseInput): boolean {
  return JSON.stringify([a.posts, a.groupedAs ?? null]) === JSON.stringify([b.posts, b.groupedAs ?? null]);
}
