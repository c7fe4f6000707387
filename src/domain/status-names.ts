import type { PersonnelAct } from './posts.js';
import type { MandateStatus, RosterState } from './roster.js';
import type { TenureEnd } from './tenures.js';

/** A mandate's status in the words of the credentials documents. */
export const STATUS_NAMES: Record<MandateStatus, string> = {
  pending: '已当选，待确认代表资格',
  valid: '代表资格有效',
  suspended: '暂停执行代表职务',
  ended: '代表资格终止',
  void: '当选无效',
};

/** The personnel acts in the words of the appointment lists. */
export const ACT_NAMES: Record<PersonnelAct, string> = {
  appointed: '任命',
  removed: '免去',
  'decided-appointed': '决定任命',
  'decided-removed': '决定免去',
  'resignation-accepted': '接受辞职',
  'resignation-approved': '批准辞职',
  dismissed: '撤职',
};

/** 免去, 接受辞职 …: the act that ended a post, or the wording of the record that did. */
export function endedHow(end: TenureEnd): string {
  return end.how in ACT_NAMES ? ACT_NAMES[end.how as PersonnelAct] : end.how;
}

/** The name a clerk reads for a post: the organ's full name and the title (宁波市人大常委会副秘书长). */
export function postName(state: RosterState, t: { organId: string; title: string }): string {
  return `${state.organs[t.organId]?.name ?? t.organId}${t.title}`;
}
