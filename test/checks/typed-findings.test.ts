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

describe('how the law applied, as typed findings (issue 11’s notes)', () => {
  it('a death in 1997 rests on custom: an info finding on the rule, its 依惯例 citation and the events, once per rule', async () => {
    const g = await given([
      congress({ quota: 10 }),
      session(1, '1997-01-10'),
      person('a', '甲'),
      person('b', '乙'),
      opening(
        5,
        '1997-01-10',
        [
          { personId: 'a', electingUnit: '甲区' },
          { personId: 'b', electingUnit: '甲区' },
        ],
        1,
      ),
      { type: 'DeputyDied', source: src('1997-05-01'), personId: 'a', date: '1997-05-01' },
      { type: 'DeputyDied', source: src('1997-06-01'), personId: 'b', date: '1997-06-01' },
    ]);
    const notes = (await g.check()).filter((c) => c.code === 'customary-basis');
    expect(notes).toEqual([
      expect.objectContaining({
        level: 'info',
        ruleId: 'termination.died-by-practice',
        citation: expect.objectContaining({ kind: 'custom', text: '依惯例' }),
        eventSeqs: [6, 7],
        personIds: ['a', 'b'],
        facts: { note: '代表去世的，其代表资格自然终止', decided: 'mandates' },
      }),
    ]);
    expect(notes[0]!.message).toBe(describeCheck(notes[0]!));
  });

  it('a suspension for criminal custody without 许可 names the person, who must permit it, and the provision', async () => {
    const { checks } = await givenPosts([
      congress({ level: 'county' }),
      session(1, '2024-01-10'),
      person('a', '代表甲'),
      opening(5, '2024-01-10', [{ personId: 'a', electingUnit: '甲区' }], 1),
      { type: 'DeputySuspended', source: src('2024-05-01'), personId: 'a', date: '2024-05-01', ground: 'criminal-custody' },
    ]);
    const f = checks.find((c) => c.code === 'suspension-without-permission')!;
    expect(f).toEqual(
      expect.objectContaining({
        ruleId: 'suspension.permission-required',
        citation: expect.objectContaining({ law: '代表法', revision: '2015', article: 32 }),
        eventSeqs: [5],
        personIds: ['a'],
        facts: expect.objectContaining({ name: '代表甲', by: expect.any(String) }),
      }),
    );
  });
});
