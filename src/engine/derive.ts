/** Replays the event log through the rules: the roster state and every finding, in record order. */

import { effectiveLog } from '../domain/corrections.js';
import type { EventOf, RosterEvent } from '../domain/events.js';
import type { Finding } from '../domain/findings.js';
import { emptyRoster, evolve, type RosterState, registerPersons } from '../domain/roster.js';
import { countingOf } from './counting.js';
import type { Evaluator } from './evaluator.js';
import { type Facts, factsFor, judgedAs } from './facts.js';

/** An event about a person for which no rule in force on its date applied, with the facts then. */
export interface Unruled {
  readonly event: RosterEvent;
  readonly facts: Facts;
}

/** What replaying events produces: the roster, and what the rules found on the way. Resumable. */
export interface Replay {
  readonly state: RosterState;
  readonly findings: readonly Finding[];
  readonly unruled: readonly Unruled[];
}

export interface Derivation extends Replay {
  /** The log as recorded, corrections included. */
  readonly recorded: readonly RosterEvent[];
  /** The log as replayed: corrections applied (what every view counts from). */
  readonly events: readonly RosterEvent[];
}

/** Where a replay starts: no events yet, and the statuses the counting rules count. */
export async function startReplay(evaluator: Evaluator): Promise<Replay> {
  return { state: { ...emptyRoster, counting: await countingOf(evaluator) }, findings: [], unruled: [] };
}

/** Replay events after `from` (the replay of the events before them). */
export async function replay(from: Replay, events: readonly RosterEvent[], evaluator: Evaluator): Promise<Replay> {
  let state = from.state;
  const findings = [...from.findings];
  const unruled = [...from.unruled];
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
  return { state, findings, unruled };
}

export async function derive(recorded: readonly RosterEvent[], evaluator: Evaluator): Promise<Derivation> {
  const events = effectiveLog(recorded);
  return { recorded, events, ...(await replay(await startReplay(evaluator), events, evaluator)) };
}
