/**
 * The facts a rule can test, computed from the roster as it stood just before an event.
 * Every fact is always present (null where it does not apply): no `allowUndefinedFacts`.
 */
import { effectiveDate, type RosterEvent } from '../domain/events.js';
import { currentStatus, type RosterLookup } from '../domain/roster.js';
import { NO_POST_FACTS, POST_FACT_NAMES } from './post-facts.js';

export const FACT_NAMES = [
  'eventType',
  'eventDate',
  'congressLevel',
  'mandateStatus',
  'electionKind',
  'reviewResult',
  'voidGround',
  'suspensionGround',
  'movement',
  'absenceCount',
  ...POST_FACT_NAMES,
] as const;
export type FactName = (typeof FACT_NAMES)[number];
export type Facts = Record<FactName, string | number | boolean | null>;

export function factsFor(roster: RosterLookup, event: RosterEvent): Facts {
  const personId = 'personId' in event ? event.personId : undefined;
  const mandate = personId ? roster.latestMandate(personId) : undefined;
  const absences = personId ? roster.absenceCount(personId) : 0;
  return {
    eventType: event.type,
    eventDate: effectiveDate(event) ?? null,
    congressLevel: roster.congress?.level ?? null,
    mandateStatus: mandate ? currentStatus(mandate) : 'none',
    electionKind: mandate && mandate.origin !== 'opening-balance' ? mandate.origin : null,
    reviewResult: event.type === 'QualificationReviewed' ? event.result : null,
    voidGround: event.type === 'QualificationReviewed' ? (event.voidGround ?? null) : null,
    suspensionGround: event.type === 'DeputySuspended' ? event.ground : null,
    movement: event.type === 'DeputyTransferredOut' ? event.movement : null,
    // The absence being recorded is counted too (evolve adds it before findings apply).
    absenceCount: event.type === 'AbsentWithoutLeave' ? absences + 1 : absences,
    ...NO_POST_FACTS,
  };
}
