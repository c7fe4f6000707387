/**
 * What the decisions and the appointment lists of a session share: the session's personnel acts,
 * the standing committee as the lists name it, and the adoption line under each title.
 */
import { chineseNumber, formatChineseDate } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import type { Congress, EventOf } from '../domain/events.js';
import { type PersonnelAct as Act, PersonnelList, Proposer } from '../domain/posts.js';
import type { RosterState } from '../domain/roster.js';
import { sessionWindow } from '../posts/analysis.js';
import { standingCommitteeOf } from './phrasing.js';

export type PersonnelAct = EventOf<'PersonnelDecided'>;

/** The personnel acts voted at the session, in record order; refused, saying `none`, when none is wanted. */
export function sessionActs(
  state: RosterState,
  session: number,
  wanted: (a: PersonnelAct) => boolean,
  none: string,
): { congress: Congress; acts: PersonnelAct[] } {
  const congress = state.congress;
  if (!congress) throw new DomainError('invalid-data-file', '记录中没有本届人民代表大会（“本届人民代表大会”事件）');
  standingCommitteeOf(congress);
  sessionWindow(state, session); // refuses a session not in the record
  const acts = state.personnelActs.filter((a) => a.session === session && wanted(a));
  if (acts.length === 0) throw new DomainError('nothing-to-report', `常委会第${chineseNumber(session)}次会议（第${session}次）${none}`);
  return { congress, acts };
}

/** The standing committee as the personnel documents first name it (宁波市人大常委会), else its full name. */
export function standingCommitteeName(state: RosterState, congress: Congress): string {
  return Object.values(state.organs).find((o) => o.kind === 'standing-committee')?.name ?? standingCommitteeOf(congress).name;
}

/** 宁波市第十六届人民代表大会常务委员会第十九次会议 */
export function meetingName(congress: Congress, session: number): string {
  return `${congress.name}常务委员会第${chineseNumber(session)}次会议`;
}

/** （2024年7月31日宁波市第十六届人民代表大会常务委员会第十九次会议通过） */
export function adoptionNote(congress: Congress, act: PersonnelAct): string {
  return `（${formatChineseDate(act.date)}${meetingName(congress, act.session)}通过）`;
}

/** Person names of the record, by id. */
export function nameOf(state: RosterState, personId: string): string {
  return state.persons[personId]?.name ?? personId;
}

/** The heading of each act's part of a list, and how an entry reads: names, posts. */
export const ACT_FORM: Record<Act, { heading: string; entry: (names: string, posts: string) => string }> = {
  appointed: { heading: '任命', entry: (n, p) => `${n}为${p}` },
  'decided-appointed': { heading: '决定任命', entry: (n, p) => `${n}为${p}` },
  removed: { heading: '免去', entry: (n, p) => `${n}的${p}职务` },
  'decided-removed': { heading: '决定免去', entry: (n, p) => `${n}的${p}职务` },
  dismissed: { heading: '撤职', entry: (n, p) => `${n}的${p}职务` },
  'resignation-approved': { heading: '批准', entry: (n, p) => `${n}辞去${p}职务` },
  'resignation-accepted': { heading: '接受辞职', entry: (n, p) => `${n}辞去${p}职务` },
};

const PROPOSER_ORDER = Proposer.options;
const LIST_ORDER = PersonnelList.shape.kind.options;

/**
 * The gazette's order: by proposing body (主任会议, 市长, 监委主任, 中级法院院长, 检察长), then by kind of
 * list, then by the entry's place in its list.
 */
export function gazetteOrder(a: PersonnelAct, b: PersonnelAct): number {
  return (
    PROPOSER_ORDER.indexOf(a.list.proposer) - PROPOSER_ORDER.indexOf(b.list.proposer) ||
    LIST_ORDER.indexOf(a.list.kind) - LIST_ORDER.indexOf(b.list.kind) ||
    a.list.position - b.list.position
  );
}
