import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../src/domain/events.js';
import { congress, opening, person, session, src } from '../support/builders.js';
import { given } from '../support/scenario.js';

const base = (level: Parameters<typeof congress>[0] = {}): EventInput[] => [
  congress(level),
  session(1, '2024-01-10'),
  person('a', '代表甲'),
  opening(10, '2024-01-10', [{ personId: 'a', electingUnit: '甲区' }], 1),
];
const on = '2024-06-01';

const cases: [string, EventInput, string, string][] = [
  [
    'transferred out of the region',
    { type: 'DeputyTransferredOut', source: src(on), personId: 'a', date: on, movement: 'transferred' },
    'termination.transferred-out',
    '调离本行政区域',
  ],
  [
    'moved out of the region',
    { type: 'DeputyTransferredOut', source: src(on), personId: 'a', date: on, movement: 'moved' },
    'termination.moved-out',
    '迁出本行政区域',
  ],
  [
    'whose resignation is accepted',
    { type: 'DeputyResignationAccepted', source: src(on), personId: 'a', date: on },
    'termination.resignation-accepted',
    '辞去代表职务',
  ],
  ['who is recalled', { type: 'DeputyRecalled', source: src(on), personId: 'a', date: on }, 'termination.recalled', '被罢免'],
  [
    'who loses PRC nationality',
    { type: 'NationalityLost', source: src(on), personId: 'a', date: on },
    'termination.nationality-lost',
    '丧失中华人民共和国国籍',
  ],
  [
    'who is deprived of political rights',
    { type: 'PoliticalRightsDeprived', source: src(on), personId: 'a', date: on },
    'termination.political-rights-deprived',
    '依照法律被剥夺政治权利',
  ],
  [
    'who loses capacity for conduct',
    { type: 'CapacityLost', source: src(on), personId: 'a', date: on },
    'termination.capacity-lost',
    '丧失行为能力',
  ],
  ['who dies', { type: 'DeputyDied', source: src(on), personId: 'a', date: on }, 'termination.died-by-practice', '去世'],
];

describe('grounds on which a deputy of a local congress loses deputy status', () => {
  for (const [situation, event, ruleId, label] of cases) {
    it(`a deputy ${situation} loses deputy status and leaves the count (${ruleId})`, async () => {
      const g = await given([...base(), event]);
      expect(g.status('a')).toBe('ended');
      const [finding] = g.findingsFor('a');
      expect(finding?.ruleId).toBe(ruleId);
      expect(finding?.outcome).toMatchObject({ type: 'mandate-terminated', params: { label } });
      expect(finding?.effectiveDate).toBe(on);
      expect(g.ledger({ asOf: '2024-06-30' }).countAfter).toBe(9);
      expect(g.ledger({ asOf: '2024-05-31' }).countAfter).toBe(10);
    });
  }

  it('a deputy absent without leave from one session of the congress keeps deputy status', async () => {
    const g = await given([...base(), { type: 'AbsentWithoutLeave', source: src(on), personId: 'a', date: on, congressSession: 3 }]);
    expect(g.status('a')).toBe('valid');
    expect(g.findingsFor('a')[0]?.outcome.type).toBe('no-effect');
  });

  it('a deputy absent without leave from two sessions of the congress loses deputy status at the second', async () => {
    const g = await given([
      ...base(),
      { type: 'AbsentWithoutLeave', source: src('2024-03-01'), personId: 'a', date: '2024-03-01', congressSession: 3 },
      { type: 'AbsentWithoutLeave', source: src('2025-02-01'), personId: 'a', date: '2025-02-01', congressSession: 4 },
    ]);
    expect(g.status('a')).toBe('ended');
    expect(g.findingsFor('a').map((f) => f.ruleId)).toEqual(['termination.absent-once', 'termination.absent-twice']);
    expect(g.findingsFor('a')[1]?.effectiveDate).toBe('2025-02-01');
  });

  it('an NPC deputy who is transferred out keeps deputy status: the ground applies to local deputies only', async () => {
    const g = await given([
      ...base({ level: 'national' }),
      { type: 'DeputyTransferredOut', source: src(on), personId: 'a', date: on, movement: 'transferred' },
    ]);
    expect(g.status('a')).toBe('valid');
    expect((await g.check()).map((f) => f.code)).toContain('no-rule-in-force');
  });

  it('an accepted ordered resignation (责令辞职) ends deputy status under the 2025 revision only', async () => {
    const after = await given([
      ...base(),
      { type: 'OrderedResignationAccepted', source: src('2025-06-01'), personId: 'a', date: '2025-06-01' },
    ]);
    expect(after.status('a')).toBe('ended');
    expect(after.findingsFor('a')[0]?.citation.text).toBe('代表法（2025年修正）第六十二条第一款第（二）项');
    const before = await given([...base(), { type: 'OrderedResignationAccepted', source: src(on), personId: 'a', date: on }]);
    expect(before.status('a')).toBe('valid');
    expect((await before.check()).find((f) => f.code === 'no-rule-in-force')?.message).toContain('没有对应规定');
  });
});
