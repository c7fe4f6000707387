/**
 * The facts a rule can test, computed from the roster as it stood just before an event.
 * Every fact is always present (null where it does not apply): no `allowUndefinedFacts`.
 */
import { type Congress, effectiveDate, type RosterEvent } from '../domain/events.js';
import { currentStatus, type RosterLookup } from '../domain/roster.js';
import { NO_POST_FACTS, POST_FACT_NAMES } from './post-facts.js';
import type { Jurisdiction } from './rule-book.js';

export const FACT_NAMES = [
  'eventType',
  'eventDate',
  'congressLevel',
  /** The province whose rules are read over the national ones (浙江), or null. */
  'region',
  'mandateStatus',
  'electionKind',
  'reviewResult',
  'voidGround',
  'suspensionGround',
  'movement',
  'absenceCount',
  /** military | armed-police | regular: the kind of the deputy's electing unit (军队选举办法). */
  'electingUnitKind',
  ...POST_FACT_NAMES,
] as const;
export type FactName = (typeof FACT_NAMES)[number];
export type Facts = Record<FactName, string | number | boolean | null>;

/** The event type the rules judge an event as: deputies a source does not name, as the named event they stand for. */
export function judgedAs(event: RosterEvent): RosterEvent['type'] {
  if (event.type === 'UnnamedDeputiesLeft') return event.as;
  if (event.type === 'UnnamedDeputiesReviewed') return 'QualificationReviewed';
  return event.type;
}

/** Unnamed deputies are judged as a named one would be: the event type they stand for, a counted or pending mandate. */
function unnamedFacts(roster: RosterLookup, event: RosterEvent): Partial<Facts> | undefined {
  if (event.type === 'UnnamedDeputiesLeft') {
    return {
      eventType: judgedAs(event),
      mandateStatus: 'valid',
      movement: event.as === 'DeputyTransferredOut' ? 'transferred' : null,
      electingUnitKind: unitKind(roster.congress, event.electingUnit),
    };
  }
  if (event.type === 'UnnamedDeputiesReviewed') {
    return {
      eventType: judgedAs(event),
      mandateStatus: 'pending',
      reviewResult: event.result,
      electingUnitKind: unitKind(roster.congress, event.electingUnit),
    };
  }
  return undefined;
}

/** Each congress's electing units by name (a congress of hundreds of units is asked once per event). */
const unitKinds = new WeakMap<Congress, Map<string, string | undefined>>();

function unitKind(congress: Congress | undefined, unit: string | undefined): string {
  if (!congress || unit === undefined) return 'regular';
  let kinds = unitKinds.get(congress);
  if (!kinds) {
    kinds = new Map();
    // The first unit of a name, as a search from the start finds it.
    for (const u of congress.electingUnits) if (!kinds.has(u.name)) kinds.set(u.name, u.kind);
    unitKinds.set(congress, kinds);
  }
  return kinds.get(unit) ?? 'regular';
}

export function factsFor(roster: RosterLookup, event: RosterEvent, where: Jurisdiction): Facts {
  const personId = 'personId' in event ? event.personId : undefined;
  const mandate = personId ? roster.latestMandate(personId) : undefined;
  const absences = personId ? roster.absenceCount(personId) : 0;
  const own: Facts = {
    eventType: event.type,
    eventDate: effectiveDate(event) ?? null,
    congressLevel: where.level,
    region: where.region,
    mandateStatus: mandate ? currentStatus(mandate) : 'none',
    electionKind: mandate && mandate.origin !== 'opening-balance' ? mandate.origin : null,
    reviewResult: event.type === 'QualificationReviewed' ? event.result : null,
    voidGround: event.type === 'QualificationReviewed' ? (event.voidGround ?? null) : null,
    suspensionGround: event.type === 'DeputySuspended' ? event.ground : null,
    movement: event.type === 'DeputyTransferredOut' ? event.movement : null,
    // The absence being recorded is counted too (evolve adds it before findings apply).
    absenceCount: event.type === 'AbsentWithoutLeave' ? absences + 1 : absences,
    electingUnitKind: unitKind(roster.congress, mandate?.electingUnit),
    ...NO_POST_FACTS,
  };
  return { ...own, ...unnamedFacts(roster, event) };
}
