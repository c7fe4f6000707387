/**
 * Every consistency check over a derivation, in the order `roster check` lists them: the record's
 * invariants, then what the rules decided (events, elections, counts, publications), then posts,
 * appointments and oaths.
 */
import type { CheckFinding } from '../domain/check-findings.js';
import type { Derivation } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import { analysePosts } from '../posts/analysis.js';
import { inCheckOrder } from './check-order.js';
import { check } from './consistency.js';
import { postChecks } from './posts.js';
import { recordFactChecks } from './record-facts.js';

export async function allChecks(d: Derivation, evaluator: Evaluator): Promise<CheckFinding[]> {
  return inCheckOrder([
    ...(await check(d, evaluator)),
    ...(await recordFactChecks(d, evaluator)),
    ...(await postChecks(d, evaluator, await analysePosts(d, evaluator))),
  ]);
}
