/** The event facts as they stand for a question that is not about an event: all absent. */
import type { Facts } from './facts.js';
import type { PostFactName } from './post-facts.js';

export const EVENT_FACTS_ABSENT: Omit<Facts, PostFactName> = {
  eventType: null,
  eventDate: null,
  congressLevel: null,
  mandateStatus: null,
  electionKind: null,
  reviewResult: null,
  voidGround: null,
  suspensionGround: null,
  movement: null,
  absenceCount: null,
};
