import { describe, expect, it } from 'vitest';
import { overlay, table } from '../../src/domain/tables.js';

/** A copy of `base` with the entries set, as a builder that copies its tables makes it. */
function copied<T>(base: Record<string, T>, sets: readonly (readonly [string, T])[]): Record<string, T> {
  const out = table(base);
  for (const [k, v] of sets) out[k] = v;
  return out;
}

describe('a table read through its base (a kept roster registered over)', () => {
  const cases: readonly (readonly (readonly [string, number])[])[] = [
    [],
    [['p9', 9]],
    [
      ['p1', 10],
      ['new', 2],
    ],
    [
      ['7', 7],
      ['x', 1],
      ['3', 3],
      ['__proto__', 5],
      ['constructor', 6],
    ],
  ];
  for (const sets of cases) {
    it(`equals the copy with ${sets.map(([k]) => k).join(', ') || 'nothing'} set: keys, order, entries, JSON`, () => {
      const base = table<number>([
        ['p1', 1],
        ['5', 5],
        ['p2', 2],
      ]);
      const over = overlay(base);
      for (const [k, v] of sets) over[k] = v;
      const copy = copied(base, sets);
      expect(Object.keys(over)).toEqual(Object.keys(copy));
      expect(Object.entries(over)).toEqual(Object.entries(copy));
      expect(JSON.stringify(over)).toBe(JSON.stringify(copy));
      for (const k of ['p1', 'p2', '5', 'p9', 'new', 'toString', '__proto__']) {
        expect(over[k]).toBe(copy[k]);
        expect(k in over).toBe(k in copy);
        expect(Object.hasOwn(over, k)).toBe(Object.hasOwn(copy, k));
      }
      // The base is never changed.
      expect(Object.entries(base)).toEqual([
        ['5', 5],
        ['p1', 1],
        ['p2', 2],
      ]);
    });
  }

  it('refuses to lose an entry', () => {
    const over = overlay(table<number>([['a', 1]]));
    expect(() => {
      delete over.a;
    }).toThrow();
  });
});
