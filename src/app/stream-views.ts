/** The read models a store keeps beside a stream (where it keeps any): the derivation summed up, keyed by the rules. */

import type { Derivation } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import { summarise } from '../ledger/congress-summary.js';
import type { StreamViews } from '../store/record-store.js';

export function viewsOf(d: Derivation, evaluator: Evaluator): StreamViews {
  return { rulesHash: evaluator.rulesHash, summary: summarise(d.state) };
}
