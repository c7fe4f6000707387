/**
 * Facts for the questions the rules answer about posts and oaths. An event is not a question: its
 * post facts are all null, and a question's event facts are null, so rules for one never fire on the other.
 */
import type { Facts } from './facts.js';
import type { Settings } from './settings.js';

export const POST_FACT_NAMES = [
  /** post-requirement | cascade | compatibility | appointment | oath-duty | oath-wording | permission | salutation | vacancy | quota | counting */
  'question',
  'organKind',
  'postTitle',
  'otherOrganKind',
  'otherPostTitle',
  /** deputy | standing-committee-member | none: what the post-requirement rules found. */
  'postRequirement',
  /** The ground a mandate ended on, or standing-committee-seat-ended for the second-order cascade. */
  'terminationGround',
  'personnelAct',
  /** Seats a question is about that are free: a by-election's electing unit, or the congress (quota − 实有代表). */
  'vacancies',
  /** Configuration from rules/settings.json. */
  'settingCascadeOtherGrounds',
] as const;
export type PostFactName = (typeof POST_FACT_NAMES)[number];

export const NO_POST_FACTS: Record<PostFactName, null> = Object.fromEntries(POST_FACT_NAMES.map((n) => [n, null])) as Record<
  PostFactName,
  null
>;

export type Question =
  | 'post-requirement'
  | 'cascade'
  | 'compatibility'
  | 'appointment'
  | 'oath-duty'
  | 'oath-wording'
  /** rules/suspension: whose permission (许可) the arrest or trial of a deputy needs. */
  | 'permission'
  /** rules/standing-committee: whom a speaker at the standing committee addresses. */
  | 'salutation'
  /** rules/by-election: whether an electing unit has a vacancy to by-elect, and whether the count passes the quota. */
  | 'vacancy'
  | 'quota'
  /** rules/counting: whether a mandate status counts among 实有代表. */
  | 'counting';

/** What a question is asked about: its own facts, and the event facts it names (the congress's level, a status). */
export type QuestionFacts = Partial<
  Record<Exclude<PostFactName, 'question' | `setting${string}`> | 'congressLevel' | 'mandateStatus', string | number | null>
>;

export function settingFacts(settings: Settings): Pick<Record<PostFactName, boolean>, 'settingCascadeOtherGrounds'> {
  return { settingCascadeOtherGrounds: settings.cascade.otherGrounds };
}

/** The event facts as they stand for a question that is not about an event: all absent. */
export const EVENT_FACTS_ABSENT: Omit<Facts, PostFactName> = {
  eventType: null,
  eventDate: null,
  congressLevel: null,
  region: null,
  mandateStatus: null,
  electionKind: null,
  reviewResult: null,
  voidGround: null,
  suspensionGround: null,
  movement: null,
  absenceCount: null,
  electingUnitKind: null,
};
