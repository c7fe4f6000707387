/**
 * A failed check is a finding like a termination: code, level, the rule and citation it rests on
 * where the law says it, the events and persons concerned, and the facts the sentence is made from.
 */
import { describe, expect, it } from 'vitest';
import { describeCheck } from '../../src/checks/describe-check.js';
import type { EventInput } from '../../src/domain/events.js';
import { congress, opening, person, session, src } from '../support/builders.js';
import { decided, givenPosts, ORGANS } from '../support/posts.js';
import { given } from '../support/scenario.js';

describe('a special-committee chair appointed by the standing committee in recess', () => {
  const record: EventInput[] = [
    congress(),
    session(1, '2024-01-10'),
    person('jia', '甲'),
    opening(5, '2024-01-10', [{ personId: 'jia', electingUnit: '甲区' }], 1),
    ...ORGANS,
    { type: 'SessionHeld', source: src('2024-07-31', 2), session: 2, date: '2024-07-31', agenda: [] },
    decided('jia', 'appointed', [['fec', '主任委员']], '2024-07-31', { session: 2 }),
  ];

  it('is an error resting on the rule that forbids it, with its citation, the act and the person, and the facts', async () => {
    const { checks } = await givenPosts(record);
    const f = checks.find((c) => c.code === 'appointment-not-allowed')!;
    expect(f).toEqual(
      expect.objectContaining({
        level: 'error',
        ruleId: expect.stringMatching(/^post\./),
        citation: expect.objectContaining({ law: '地方组织法', article: 34, revision: '2022' }),
        eventSeqs: [record.length],
        personIds: ['jia'],
        facts: { name: '甲', post: '某市人大财政经济委员会主任委员', label: expect.any(String) },
      }),
    );
    expect(f.message).toBe(describeCheck(f));
  });
});

describe('a person registered twice', () => {
  it('names both registrations, the later first, and the person; the sentence is made from those', async () => {
    const g = await given([congress(), person('a', '甲'), person('a', '甲')]);
    const [f] = (await g.check()).filter((c) => c.code === 'duplicate-person' && c.level === 'error');
    expect(f).toEqual(expect.objectContaining({ eventSeqs: [3, 2], personIds: ['a'], facts: { personId: 'a' } }));
    expect(f!.message).toBe('人员编号“a”被重复登记（第2条与第3条）');
    expect(f!.ruleId).toBeUndefined();
  });
});
