/** Replays the event log through the rules: the roster state and every finding, in record order. */

import { effectiveLog } from '../domain/corrections.js';
import type { EventOf, RosterEvent } from '../domain/events.js';
import type { Finding } from '../domain/findings.js';
import { emptyRoster, evolve, type RosterState, registerPersons } from '../domain/roster.js';
import { countingOf } from './counting.js';
import type { Evaluator } from './evaluator.js';
import { type Facts, factsFor, judgedAs } from './facts.js';

export interface Derivation {
  /** The log as recorded, corrections included. */
  readonly recorded: readonly RosterEvent[];
  /** The log as replayed: corrections applied (what every view counts from). */
  readonly events: readonly RosterEvent[];
  readonly state: RosterState;
  readonly findings: readonly Finding[];
  /** Events about a person for which no rule in force on their date applied, with the facts then. */
  readonly unruled: readonly { readonly event: RosterEvent; readonly facts: Facts }[];
}

export async function derive(recorded: readonly RosterEvent[], evaluator: Evaluator): Promise<Derivation> {
  const events = effectiveLog(recorded);
  let state: RosterState = { ...emptyRoster, counting: await countingOf(evaluator) };
  const findings: Finding[] = [];
  const unruled: { event: RosterEvent; facts: Facts }[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    if (event.type === 'PersonRegistered') {
      // A run of registrations (a loaded roster) is applied at once; the result equals evolving each.
      let end = i + 1;
      while (end < events.length && events[end]!.type === 'PersonRegistered') end++;
      state = registerPersons(state, events.slice(i, end) as EventOf<'PersonRegistered'>[]);
      i = end - 1;
      continue;
    }
    // Which events the law decides is read off the rule files (src/engine/evaluator.ts, `decides`);
    // deputies a source counts without naming are judged as the named event they stand for.
    const ruled = evaluator.decides(judgedAs(event));
    const found = ruled ? await evaluator.evaluate(state, event) : [];
    if (ruled && found.length === 0) unruled.push({ event, facts: factsFor(state, event, evaluator.jurisdiction(state)) });
    findings.push(...found);
    state = evolve(state, event, found);
  }
  return { recorded, events, state, findings, unruled };
}
