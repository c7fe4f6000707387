/**
 * Event types by the names clerks write: the glossary's Chinese names (src/domain/event-names.ts) and
 * the short words of a 代表变动登记表's 变动类型 column (调离, 辞职, 补选 …). A short word stands for one
 * glossary event and the one field its word itself states (调离: movement transferred; 补选: a
 * by-election; 确认: the review found the status valid); nothing more is read into it: what each event
 * means in law is the rules' to decide.
 */
import { EVENT_NAMES } from './event-names.js';
import { EVENT_TYPES, type EventType, type SuspensionGround } from './events.js';

export interface NamedType {
  readonly type: EventType;
  /** The fields the name itself states. */
  readonly preset: Readonly<Record<string, string>>;
}

/** The 变动类型 of a change register, each with its glossary event. */
export const CHANGE_TYPES: Readonly<Record<string, NamedType>> = {
  调离: { type: 'DeputyTransferredOut', preset: { movement: 'transferred' } },
  迁出: { type: 'DeputyTransferredOut', preset: { movement: 'moved' } },
  辞职: { type: 'DeputyResignationAccepted', preset: {} },
  罢免: { type: 'DeputyRecalled', preset: {} },
  去世: { type: 'DeputyDied', preset: {} },
  补选: { type: 'DeputyElected', preset: { kind: 'by-election' } },
  确认: { type: 'QualificationReviewed', preset: { result: 'valid' } },
  暂停: { type: 'DeputySuspended', preset: {} },
  恢复: { type: 'SuspensionEnded', preset: {} },
};

/** Further 变动类型 written as the glossary names them: events about one deputy that a row can state whole. */
const REGISTER_GLOSSARY: readonly EventType[] = [
  'DeputyTransferredOut',
  'DeputyResignationAccepted',
  'OrderedResignationAccepted',
  'DeputyRecalled',
  'DeputyDied',
  'NationalityLost',
  'PoliticalRightsDeprived',
  'CapacityLost',
  'MandateRevoked',
  'DeputySuspended',
  'SuspensionEnded',
];

const compact = (name: string) => name.normalize('NFC').replace(/\s/g, '');

/** An event type by its id, its glossary name or a register's short word; undefined where none is meant. */
export function eventTypeNamed(name: string): NamedType | undefined {
  const n = compact(name);
  if ((EVENT_TYPES as readonly string[]).includes(n)) return { type: n as EventType, preset: {} };
  if (Object.hasOwn(CHANGE_TYPES, n)) return CHANGE_TYPES[n];
  const type = EVENT_TYPES.find((t) => compact(EVENT_NAMES[t]) === n);
  return type ? { type, preset: {} } : undefined;
}

/** A 变动类型 a change register may give: a short word, or the glossary name of an event about one deputy. */
export function changeTypeNamed(name: string): NamedType | undefined {
  const named = eventTypeNamed(name);
  if (!named) return undefined;
  return Object.hasOwn(CHANGE_TYPES, compact(name)) || REGISTER_GLOSSARY.includes(named.type) ? named : undefined;
}

/** The 变动类型 a register may use, for messages. */
export function changeTypeWords(): string[] {
  return [...Object.keys(CHANGE_TYPES), ...REGISTER_GLOSSARY.map((t) => EVENT_NAMES[t])].filter((w, i, all) => all.indexOf(w) === i);
}

/** The grounds of a suspension as the law words them (代表法 art. 40 / 2025 art. 48). */
export const SUSPENSION_GROUND_NAMES: Readonly<Record<SuspensionGround, string>> = {
  'criminal-custody': '因刑事案件被羁押正在受侦查、起诉、审判',
  'serving-sentence': '被判处管制、拘役或者有期徒刑而没有附加剥夺政治权利，正在服刑',
  'non-custodial-measure': '被采取取保候审、监视居住',
  'administrative-detention': '被行政拘留',
  'judicial-detention': '被司法拘留',
};

/** The words of each ground a clerk writes in a cell (羁押, 服刑, 取保候审 …). */
const GROUND_WORDS: readonly [SuspensionGround, readonly string[]][] = [
  ['criminal-custody', ['羁押']],
  ['serving-sentence', ['服刑']],
  ['non-custodial-measure', ['取保候审', '监视居住']],
  ['administrative-detention', ['行政拘留']],
  ['judicial-detention', ['司法拘留']],
];

/** A suspension's ground from a cell: the law's wording, an id, or one ground's own words; undefined where none or several fit. */
export function suspensionGroundNamed(text: string): SuspensionGround | undefined {
  const t = compact(text);
  const exact = (Object.entries(SUSPENSION_GROUND_NAMES) as [SuspensionGround, string][]).find(([id, label]) => id === t || label === t);
  if (exact) return exact[0];
  const fits = GROUND_WORDS.filter(([, words]) => words.some((w) => t.includes(w))).map(([g]) => g);
  return fits.length === 1 ? fits[0] : undefined;
}
