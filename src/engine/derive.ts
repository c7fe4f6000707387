/** Replays the event log through the rules: the roster state and every finding, in record order. */
import { effectiveLog } from '../domain/corrections.js';
import type { RosterEvent } from '../domain/events.js';
import type { Finding } from '../domain/findings.js';
import { emptyRoster, type RosterState } from '../domain/roster.js';
import { RosterBuilder } from '../domain/roster-builder.js';
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

/**
 * One builder for the whole log: each event costs the same however long the log is. The result
 * equals folding `evolve` over the log (test/engine/derive-linear.test.ts).
 */
export async function derive(recorded: readonly RosterEvent[], evaluator: Evaluator): Promise<Derivation> {
  const events = effectiveLog(recorded);
  const roster = new RosterBuilder({ ...emptyRoster, counting: await countingOf(evaluator) });
  const findings: Finding[] = [];
  const unruled: { event: RosterEvent; facts: Facts }[] = [];
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
  return { recorded, events, state: roster.finish(), findings, unruled };
}
