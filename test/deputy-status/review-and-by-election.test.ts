import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../src/domain/events.js';
import { congress, elected, opening, person, reviewed, session, src } from '../support/builders.js';
import { given } from '../support/scenario.js';

const base: EventInput[] = [
  congress(),
  session(1, '2024-01-10'),
  session(2, '2024-06-28'),
  person('a', '代表甲'),
  person('b', '代表乙'),
  opening(9, '2024-01-10', [{ personId: 'a', electingUnit: '甲区' }], 1),
];

describe('by-elections and the credentials review (选举法 2020 arts. 47, 57)', () => {
  it('a by-elected deputy counts only from the standing committee confirming the status', async () => {
    const g = await given([...base, elected('b', '甲区', '2024-05-20'), reviewed('b', '2024-06-28', 2)]);
    expect(g.ledger({ asOf: '2024-06-27' }).countAfter).toBe(9);
    expect(g.ledger({ asOf: '2024-06-27' }).pending.map((p) => p.name)).toEqual(['代表乙']);
    const l = g.ledger({ session: 2 });
    expect(l.countAfter).toBe(10);
    expect(l.confirmed.units).toEqual([{ unit: '甲区', persons: [expect.objectContaining({ name: '代表乙', date: '2024-06-28' })] }]);
    expect(g.findingsFor('b')[0]?.citation.text).toBe('选举法（2020年修正）第四十七条');
  });

  it('an election found void frees the seat and is not a termination (当选无效)', async () => {
    const g = await given([...base, elected('b', '甲区', '2024-05-20'), reviewed('b', '2024-06-28', 2, 'void')]);
    expect(g.status('b')).toBe('void');
    expect(g.findingsFor('b')[0]?.outcome.type).toBe('election-voided');
    const l = g.ledger({ session: 2 });
    expect(l.countAfter).toBe(9);
    expect(l.terminated.count).toBe(0);
  });

  it('a confirmed deputy later found void leaves the count as 当选无效, not as a termination ground', async () => {
    const g = await given([
      ...base,
      elected('b', '甲区', '2024-05-20'),
      reviewed('b', '2024-06-28', 2),
      { ...reviewed('b', '2024-09-01', 3, 'void') },
      session(3, '2024-09-01'),
    ]);
    const l = g.ledger({ session: 3 });
    expect(l.terminated.groups.map((x) => [x.label, x.ground])).toEqual([['确定当选无效', 'void']]);
    expect(l.countAfter).toBe(9);
  });

  it('a deputy elected but not yet confirmed who transfers out never enters the count', async () => {
    const g = await given([
      ...base,
      elected('b', '甲区', '2024-05-20'),
      { type: 'DeputyTransferredOut', source: src('2024-06-01'), personId: 'b', date: '2024-06-01', movement: 'transferred' },
    ]);
    expect(g.status('b')).toBe('ended');
    expect(g.ledger({ session: 2 }).terminated.count).toBe(0);
    expect(g.ledger({ session: 2 }).countAfter).toBe(9);
  });
});
