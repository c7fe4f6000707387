/**
 * The record as replayed: the events in the order they stand (corrections applied) and the roster
 * they fold into. What the domain's decisions read; the engine's derivation adds the rules' findings.
 */
import type { RosterEvent } from './events.js';
import type { RosterState } from './roster.js';

export interface ReplayedRecord {
  readonly events: readonly RosterEvent[];
  readonly state: RosterState;
}
