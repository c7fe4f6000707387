/** Every consistency check over a derivation: the deputies and counts, then posts, appointments and oaths. */
import type { Derivation } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import { analysePosts } from '../posts/analysis.js';
import type { CheckFinding } from './check-finding.js';
import { check } from './consistency.js';
import { postChecks } from './posts.js';

export async function allChecks(d: Derivation, evaluator: Evaluator): Promise<CheckFinding[]> {
  return [...check(d), ...(await postChecks(d, evaluator, await analysePosts(d, evaluator)))];
}
