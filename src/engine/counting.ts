/** Which mandate statuses count among 实有代表: asked of the counting rules (rules/counting/) once per set of rules. */
import { MANDATE_STATUSES, type MandateStatus } from '../domain/roster.js';
import type { Evaluator } from './evaluator.js';

const asked = new WeakMap<Evaluator, Promise<MandateStatus[]>>();

export function countingOf(evaluator: Evaluator): Promise<MandateStatus[]> {
  let answer = asked.get(evaluator);
  if (!answer) {
    answer = (async () => {
      const counted: MandateStatus[] = [];
      for (const status of MANDATE_STATUSES) {
        const found = await evaluator.ask('counting', { mandateStatus: status }, { eventSeq: 0, personId: undefined, date: undefined });
        if (found.some((f) => f.outcome.type === 'counted')) counted.push(status);
      }
      return counted;
    })();
    asked.set(evaluator, answer);
  }
  return answer;
}
