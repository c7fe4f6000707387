import { describe, expect, it } from 'vitest';
import { formatHeadcount } from '../../src/format/headcount.js';
import { congress, elected, opening, person, reviewed, session, src } from '../support/builders.js';
import { given } from '../support/scenario.js';

const units = [
  { name: '甲区', quota: 2 },
  { name: '乙区', quota: 1 },
];

describe('the headcount per electing unit', () => {
  it('where every deputy is named and unit quotas are known, gives each unit its count and vacancies', async () => {
    const g = await given([
      congress({ quota: 3, units }),
      session(1, '2024-01-10'),
      session(2, '2024-06-28'),
      person('a', '代表甲'),
      person('b', '代表乙'),
      person('c', '代表丙'),
      opening(
        3,
        '2024-01-10',
        [
          { personId: 'a', electingUnit: '甲区' },
          { personId: 'b', electingUnit: '甲区' },
          { personId: 'c', electingUnit: '乙区' },
        ],
        1,
      ),
      { type: 'DeputyDied', source: src('2024-03-01'), personId: 'a', date: '2024-03-01' },
    ]);
    const l = g.ledger({ session: 2 });
    expect(l.byUnit).toEqual([
      { unit: '甲区', quota: 2, terminated: 1, confirmed: 0, countAfter: 1, vacancies: 1 },
      { unit: '乙区', quota: 1, terminated: 0, confirmed: 0, countAfter: 1, vacancies: 0 },
    ]);
    const text = formatHeadcount(l);
    expect(text).toContain('甲区：出缺1名，补选确认0名，名额2名，实有1名，缺额1名');
    expect(text).not.toContain('实有人数未知');
  });

  it('where the record does not name every deputy, says once that the units’ counts are unknown', async () => {
    const g = await given([
      congress({ quota: 10, units }),
      session(1, '2024-01-10'),
      session(2, '2024-06-28'),
      person('d', '代表丁'),
      opening(8, '2024-01-10', [], 1),
      elected('d', '乙区', '2024-05-01'),
      reviewed('d', '2024-06-28', 2),
    ]);
    const l = g.ledger({ session: 2 });
    expect(l.byUnit.map((u) => u.countAfter)).toEqual([undefined, undefined]);
    const text = formatHeadcount(l);
    expect(text).toContain('乙区：出缺0名，补选确认1名，名额1名');
    expect(text.match(/实有人数未知/g)).toHaveLength(1);
  });
});
