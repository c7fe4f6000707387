/**
 * The read models a database answers `roster stats` from count as the ledger counts: 实有代表 on any
 * day from the counted intervals equals `countOn`, whatever order the changes were recorded in,
 * whether their dates are days, months or missing.
 */
import { describe, expect, it } from 'vitest';
import { syntheticCongress } from '../../bench/_synthetic.js';
import { figuresOn } from '../../src/domain/congress-summary.js';
import type { EventInput } from '../../src/domain/events.js';
import { countOn, type RosterState } from '../../src/domain/roster.js';
import { summarise } from '../../src/ledger/congress-summary.js';
import { congress, elected, opening, person, reviewed, session, src } from '../support/builders.js';
import { given, SEED_DATA } from '../support/scenario.js';
import { eventsIn } from '../support/stores.js';

/** Every day a change takes effect, the days around it, and months. */
function probeDays(state: RosterState): string[] {
  const days = new Set<string>(['1990-01-01', '2099-12-31']);
  for (const m of state.mandates) {
    for (const c of m.history) {
      if (!c.from) continue;
      days.add(c.from);
      if (c.from.length === 10) {
        const d = new Date(`${c.from}T00:00:00Z`);
        for (const step of [-1, 1]) days.add(new Date(d.getTime() + step * 86_400_000).toISOString().slice(0, 10));
      } else days.add(`${c.from}-01`);
    }
  }
  return [...days].sort();
}

function expectSameCounts(state: RosterState): void {
  const summary = summarise(state);
  const days = probeDays(state);
  expect(days.length).toBeGreaterThan(2);
  for (const day of days) expect(figuresOn(summary, day).count, day).toBe(countOn(state, day));
}

describe('the counted intervals of a congress count as the ledger counts', () => {
  it('on the embedded record (an opening balance with unnamed deputies, terminations, by-elections)', async () => {
    const g = await given((await eventsIn(SEED_DATA)).map(({ seq: _s, recordedAt: _a, recordedBy: _b, ...e }) => e as EventInput));
    expectSameCounts(g.derivation.state);
    expect(figuresOn(summarise(g.derivation.state), '2024-07-31').count).toBe(479);
  });

  it('on a synthetic 20-year congress with suspensions and resumptions', async () => {
    const g = await given(syntheticCongress(120, 6, 20, 3));
    expectSameCounts(g.derivation.state);
  });

  it('where changes were recorded out of date order, with month dates and without dates', async () => {
    const g = await given([
      congress({ quota: 10 }),
      session(1, '2025-01-10'),
      person('a'),
      person('b'),
      person('c'),
      person('d'),
      opening(2, '2025-01', [{ personId: 'a', electingUnit: '甲区' }], 1),
      elected('b', '甲区', '2025-03-01'),
      reviewed('b', '2025-03-20', 1),
      { type: 'DeputyResignationAccepted', source: src('2025-05-01'), personId: 'b', date: '2025-05-01' },
      // Recorded later, effective earlier: the mandate's status follows the record's order, as statusOn decides.
      { type: 'DeputySuspended', source: src('2025-04-01'), personId: 'a', date: '2025-04-01', ground: 'criminal-custody' },
      { type: 'DeputyTransferredOut', source: src('2025-02'), personId: 'a', date: '2025-02-15', movement: 'transferred' },
      elected('c', '乙区', '2025-06-01'),
      reviewed('c', '2025-06-10', 1),
      { type: 'DeputyDied', source: { title: '测试文件' }, personId: 'c' },
      elected('d', '乙区', '2025-07-01'),
    ]);
    expectSameCounts(g.derivation.state);
  });

  it('terminations up to a day are counted by ground', async () => {
    const g = await given([
      congress({ quota: 10 }),
      session(1, '2025-01-10'),
      person('a'),
      person('b'),
      opening(
        2,
        '2025-01-10',
        [
          { personId: 'a', electingUnit: '甲区' },
          { personId: 'b', electingUnit: '乙区' },
        ],
        1,
      ),
      { type: 'DeputyTransferredOut', source: src('2025-03-01'), personId: 'a', date: '2025-03-01', movement: 'transferred' },
      { type: 'DeputyDied', source: src('2025-01-20'), personId: 'b', date: '2025-01-20' },
    ]);
    const summary = summarise(g.derivation.state);
    expect(figuresOn(summary, '2025-01-19').terminations).toEqual([]);
    expect(figuresOn(summary, '2025-02-01').terminations.map((t) => [t.ground, t.count])).toEqual([['died', 1]]);
    expect(
      figuresOn(summary, '2025-03-01')
        .terminations.map((t) => [t.ground, t.count])
        .sort(),
    ).toEqual([
      ['died', 1],
      ['transferred-out', 1],
    ]);
  });
});
