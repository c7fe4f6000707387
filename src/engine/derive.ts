/** Replays the event log through the rules: the roster state and every finding, in record order. */
import { effectiveLog } from '../domain/corrections.js';
import type { RosterEvent } from '../domain/events.js';
import type { Finding } from '../domain/findings.js';
import { emptyRoster, type RosterState } from '../domain/roster.js';
import { RosterBuilder } from '../domain/roster-builder.js';
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

/**
 * Replay events after `from` (the replay of the events before them). One builder for all of them:
 * each event costs the same however long the log is, and the result equals folding `evolve` over the
 * events (test/engine/derive-linear.test.ts).
 */
export async function replay(from: Replay, events: readonly RosterEvent[], evaluator: Evaluator): Promise<Replay> {
  const roster = new RosterBuilder(from.state);
  const findings = [...from.findings];
  const unruled = [...from.unruled];
  for (const event of events) {
    // Which events the law decides is read off the rule files (src/engine/evaluator.ts, `decides`);
    // deputies a source counts without naming are judged as the named event they stand for.
    if (!evaluator.decides(judgedAs(event))) {
      roster.apply(event, []);
      continue;
    }
    const facts = factsFor(roster, event, evaluator.jurisdiction(roster));
    const found = await evaluator.evaluate(event, facts);
    if (found.length === 0) unruled.push({ event, facts });
    for (const f of found) findings.push(f);
    roster.apply(event, found);
  }
  return { state: roster.finish(), findings, unruled };
}

export async function derive(recorded: readonly RosterEvent[], evaluator: Evaluator): Promise<Derivation> {
  const events = effectiveLog(recorded);
  return { recorded, events, ...(await replay(await startReplay(evaluator), events, evaluator)) };
}
