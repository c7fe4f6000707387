import { describe, expect, it } from 'vitest';
import type { EventInput, SuspensionGround } from '../../src/domain/events.js';
import { congress, opening, person, session, src } from '../support/builders.js';
import { given } from '../support/scenario.js';

const base: EventInput[] = [
  congress(),
  session(1, '2024-01-10'),
  person('a', '代表甲'),
  opening(10, '2024-01-10', [{ personId: 'a', electingUnit: '甲区' }], 1),
];
const suspended = (ground: SuspensionGround, date = '2024-04-01'): EventInput => ({
  type: 'DeputySuspended',
  source: src(date),
  personId: 'a',
  date,
  ground,
});

describe('暂时停止执行代表职务 (代表法 2015 art. 48 / 2025 art. 61)', () => {
  it('a deputy held in custody in a criminal case is suspended, and still counts among the deputies', async () => {
    const g = await given([...base, suspended('criminal-custody')]);
    expect(g.status('a')).toBe('suspended');
    expect(g.findingsFor('a')[0]?.citation.text).toBe('代表法（2015年修正）第四十八条第一款第（一）项');
    const l = g.ledger({ asOf: '2024-05-01' });
    expect(l.countAfter).toBe(10);
    expect(l.suspended.map((p) => p.name)).toEqual(['代表甲']);
  });

  it('a deputy serving a sentence without deprivation of political rights is suspended', async () => {
    const g = await given([...base, suspended('serving-sentence', '2025-05-01')]);
    expect(g.status('a')).toBe('suspended');
    expect(g.findingsFor('a')[0]?.citation.text).toBe('代表法（2025年修正）第六十一条第一款第（二）项');
  });

  for (const ground of ['non-custodial-measure', 'administrative-detention', 'judicial-detention'] as const) {
    it(`a deputy subject to ${ground} is not suspended`, async () => {
      const g = await given([...base, suspended(ground)]);
      expect(g.status('a')).toBe('valid');
      expect(g.findingsFor('a')[0]?.outcome.type).toBe('no-effect');
    });
  }

  it('when the ground ends the deputy resumes duties', async () => {
    const g = await given([
      ...base,
      suspended('criminal-custody'),
      { type: 'SuspensionEnded', source: src('2024-09-01'), personId: 'a', date: '2024-09-01' },
    ]);
    expect(g.status('a')).toBe('valid');
    expect(g.findingsFor('a')[1]?.ruleId).toBe('suspension.ended');
  });

  it('a suspended deputy whose status then ends is not restored', async () => {
    const g = await given([
      ...base,
      suspended('criminal-custody'),
      { type: 'PoliticalRightsDeprived', source: src('2024-08-01'), personId: 'a', date: '2024-08-01' },
      { type: 'SuspensionEnded', source: src('2024-09-01'), personId: 'a', date: '2024-09-01' },
    ]);
    expect(g.status('a')).toBe('ended');
    expect((await g.check()).map((f) => f.code)).toContain('event-after-end');
  });
});
