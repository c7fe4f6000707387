/**
 * What the decisions and the appointment lists of a session share: the session's personnel acts,
 * the standing committee as the lists name it, and the adoption line under each title.
 */
import { chineseNumber, formatChineseDate } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import type { Congress, EventOf } from '../domain/events.js';
import type { RosterState } from '../domain/roster.js';
import { standingCommitteeOf } from './phrasing.js';

export type PersonnelAct = EventOf<'PersonnelDecided'>;

/** The personnel acts voted at the session, in record order; refused when there are none of the wanted lists. */
export function sessionActs(state: RosterState, session: number, wanted: (a: PersonnelAct) => boolean, what: string): { congress: Congress; acts: PersonnelAct[] } {
  const congress = state.congress;
  if (!congress) throw new DomainError('invalid-data-file', '记录中没有本届人民代表大会（CongressConstituted）');
  standingCommitteeOf(congress);
  if (!state.sessions[session]) {
    const known = Object.keys(state.sessions).join('、') || '无';
    throw new DomainError('unknown-session', `记录中没有常委会第${session}次会议（已记录：${known}）`);
  }
  const acts = state.personnelActs.filter((a) => a.session === session && wanted(a));
  if (acts.length === 0) throw new DomainError('nothing-to-report', `常委会第${chineseNumber(session)}次会议（第${session}次）没有${what}的记录`);
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
