import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../src/domain/events.js';
import { congress, opening, person, session, src } from '../support/builders.js';
import { copyRules, given } from '../support/scenario.js';

const log: EventInput[] = [
  congress(),
  session(1, '2020-01-10'),
  person('a', '甲'),
  person('b', '乙'),
  opening(
    2,
    '2020-01-10',
    [
      { personId: 'a', electingUnit: '甲区' },
      { personId: 'b', electingUnit: '乙区' },
    ],
    1,
  ),
  { type: 'DeputyDied', source: src('2020-06-01'), personId: 'a', date: '2020-06-01' },
  { type: 'DeputyResignationAccepted', source: src('2020-06-01'), personId: 'b', date: '2020-06-01' },
];

describe('rules are run only for the event type they test (a speed-up that must not change outcomes)', () => {
  it('a rule whose event type sits inside `any` instead of a top-level `all` still decides its events, and only those', async () => {
    const rules = copyRules();
    const file = path.join(rules, 'deputy-status', 'died-by-practice.json');
    const spec = JSON.parse(readFileSync(file, 'utf8')) as { rule: { conditions: unknown } };
    spec.rule.conditions = { any: [spec.rule.conditions] };
    writeFileSync(file, JSON.stringify(spec));
    const g = await given(log, rules);
    expect(g.findingsFor('a').map((f) => f.ruleId)).toEqual(['termination.died-by-practice']);
    expect(g.findingsFor('b').map((f) => f.ruleId)).toEqual(['termination.resignation-accepted']);
  });

  it('with the rules as shipped, each event is decided by its own rule', async () => {
    const g = await given(log);
    expect(g.status('a')).toBe('ended');
    expect(g.findingsFor('a').map((f) => f.ruleId)).toEqual(['termination.died-by-practice']);
    expect(g.findingsFor('b').map((f) => f.ruleId)).toEqual(['termination.resignation-accepted']);
  });
});
