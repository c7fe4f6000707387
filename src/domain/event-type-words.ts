/**
 * An event type as a clerk names it: the id (`DeputyTransferredOut`), its glossary name
 * (调离或迁出本行政区域, src/domain/event-names.ts), or the short word of a 代表变动登记表
 * (调离, 迁出, 辞职 …). Used wherever a clerk picks a type (`roster log --type`, the console's filter).
 */
import { EVENT_NAMES } from './event-names.js';
import { EVENT_TYPES, type EventType } from './events.js';

/** The words clerks use for a change that are not the glossary's own name. */
const SHORT_WORDS: Readonly<Record<string, EventType>> = {
  调离: 'DeputyTransferredOut',
  迁出: 'DeputyTransferredOut',
  辞职: 'DeputyResignationAccepted',
  辞去代表职务: 'DeputyResignationAccepted',
  责令辞职: 'OrderedResignationAccepted',
  死亡: 'DeputyDied',
  当选: 'DeputyElected',
  补选: 'DeputyElected',
  确认: 'QualificationReviewed',
  资格审查: 'QualificationReviewed',
  暂停: 'DeputySuspended',
  暂停执行代表职务: 'DeputySuspended',
  恢复: 'SuspensionEnded',
  任命: 'PersonnelDecided',
  免去: 'PersonnelDecided',
  任免: 'PersonnelDecided',
  宣誓: 'OathTaken',
  会议: 'SessionHeld',
  人员: 'PersonRegistered',
  撤销: 'MandateRevoked',
};

const compact = (s: string) => s.normalize('NFC').replace(/\s/g, '');

/** The event type a word names, or undefined. */
export function eventTypeOf(word: string): EventType | undefined {
  const w = compact(word);
  if ((EVENT_TYPES as readonly string[]).includes(w)) return w as EventType;
  const byName = EVENT_TYPES.find((t) => EVENT_NAMES[t] === w);
  return byName ?? SHORT_WORDS[w];
}

/** The types as a help text lists them: 调离或迁出本行政区域（DeputyTransferredOut）… */
export function eventTypeList(): string {
  return EVENT_TYPES.map((t) => `${EVENT_NAMES[t]}（${t}）`).join('、');
}
