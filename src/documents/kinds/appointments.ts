/**
 * The session's lists: 任免名单, 决定任免名单, 批准辞职和免职名单, one per proposing body, in the order
 * the gazette prints them (主任会议, 市长, 监委主任, 中级法院院长, 检察长). Within a list the entries
 * keep their recorded positions under one heading per act (任命：, 免去：); consecutive entries of one
 * act with the same posts are merged (邵芳芳、叶永权、吴波杰的宁波市中级人民法院审判员职务).
 */
import type { PersonnelList } from '../../domain/posts.js';
import type { RosterState } from '../../domain/roster.js';
import type { DocumentKind } from '../document-kind.js';
import type { OfficialDocument } from '../official-document.js';
import { ACT_FORM, adoptionNote, gazetteOrder, nameOf, type PersonnelAct, sessionActs, standingCommitteeName } from '../personnel.js';
import { distinct } from '../phrasing.js';
import { postsPhrase, samePosts } from '../post-phrases.js';

type ListKind = Exclude<PersonnelList['kind'], 'decision'>;

const LIST_TITLE: Record<ListKind, string> = {
  appointments: '任免名单',
  'decided-appointments': '决定任免名单',
  'approvals-and-removals': '批准辞职和免职名单',
};

/** One act's part of a list: its heading, then its entries, merged where the posts are the same. */
function part(state: RosterState, acts: readonly PersonnelAct[]): string[] {
  const merged: PersonnelAct[][] = [];
  for (const a of acts) {
    const last = merged[merged.length - 1];
    if (last && samePosts(last[0]!, a)) last.push(a);
    else merged.push([a]);
  }
  const form = ACT_FORM[acts[0]!.act];
  const entries = merged.map((group, i) => {
    const names = group.map((a) => nameOf(state, a.personId)).join('、');
    return `${form.entry(names, postsPhrase(state, group[0]!))}${i === merged.length - 1 ? '。' : '；'}`;
  });
  return [`${form.heading}：`, ...entries];
}

export const appointments: DocumentKind = {
  id: 'appointments',
  description: '任免名单、决定任免名单、批准辞职和免职名单（每个提请机关一件）',
  build({ derivation: { state } }, session) {
    const { congress, acts } = sessionActs(state, session, (a) => a.list.kind !== 'decision', '没有任免名单的记录');
    const sc = standingCommitteeName(state, congress);
    const key = (a: PersonnelAct) => `${a.list.kind}|${a.list.proposer}`;
    const ordered = acts.sort(gazetteOrder);
    const lists = distinct(ordered.map(key)).map((k) => ordered.filter((a) => key(a) === k));
    return lists.map((list): OfficialDocument => {
      const first = list[0]!;
      const parts = distinct(list.map((a) => a.act)).map((act) =>
        part(
          state,
          list.filter((a) => a.act === act),
        ),
      );
      const title = `${sc}${LIST_TITLE[first.list.kind as ListKind]}`;
      return {
        kind: 'appointments',
        title,
        adoptionNote: adoptionNote(congress, first),
        issuer: sc,
        paragraphs: parts.flat(),
        warnings: [],
      };
    });
  },
};
