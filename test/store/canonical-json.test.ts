/**
 * The chain's canonical JSON (src/store/chain.ts) against the `canonicalize` package it stands in
 * for on its fast path: RFC 8785's own examples, and generated records in every key order, read
 * back from the line the store writes as they are from any other source.
 */
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { canonicalJson, chainHash, GENESIS, inStoredOrder, storedLine } from '../../src/store/chain.js';
import { rng as random } from '../support/fact-cases.js';

// Characters where orders and escapes differ: controls, quotes, the ASCII/Latin-1 edge, CJK,
// characters outside the BMP (a surrogate pair, ordered by its code units), integer-like keys.
const PIECES = [
  'a',
  'b',
  'Z',
  '_',
  '1',
  '9',
  '10',
  '0',
  '-',
  ' ',
  '"',
  '\\',
  '\n',
  '\r',
  '\t',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u0080',
  'é',
  'ö',
  '€',
  '\ufb33',
  '代',
  '表',
  '😀',
  '\ud83d',
  '\ude00',
  '\u2028',
];
const NUMBERS = [
  0,
  -0,
  1,
  -1,
  1.5,
  0.1,
  1e21,
  1e-7,
  5e-324,
  1.7976931348623157e308,
  333333333.3333333,
  2 ** 53,
  -(2 ** 53) + 1,
  123456789012,
  4.5e15,
];

function textOf(next: () => number, max: number): string {
  let s = '';
  for (let n = Math.floor(next() * max); n > 0; n--) s += PIECES[Math.floor(next() * PIECES.length)];
  return s;
}

function jsonValue(next: () => number, depth: number): unknown {
  const r = next();
  if (depth <= 0 || r < 0.45) {
    const k = Math.floor(next() * 5);
    if (k === 0) return textOf(next, 6);
    if (k === 1) return NUMBERS[Math.floor(next() * NUMBERS.length)];
    if (k === 2) return (next() - 0.5) * 10 ** Math.floor(next() * 40 - 20);
    if (k === 3) return next() < 0.5;
    return null;
  }
  if (r < 0.6) return Array.from({ length: Math.floor(next() * 4) }, () => jsonValue(next, depth - 1));
  const o: Record<string, unknown> = {};
  for (let n = Math.floor(next() * 6); n > 0; n--) o[textOf(next, 3)] = jsonValue(next, depth - 1);
  return o;
}

/** A record as the store holds one: an object, often with a seq and a hash. */
function recordOf(next: () => number): Record<string, unknown> {
  const o = jsonValue(next, 4);
  const body = o !== null && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>) : { value: o };
  delete body.hash;
  return next() < 0.8 ? { type: textOf(next, 4), ...body, seq: Math.floor(next() * 1e6) } : body;
}

const hasIndexKey = (v: unknown): boolean =>
  v !== null &&
  typeof v === 'object' &&
  (Array.isArray(v) ? v.some(hasIndexKey) : Object.entries(v).some(([k, x]) => /^(0|[1-9][0-9]*)$/.test(k) || hasIndexKey(x)));

describe('canonical JSON of a record', () => {
  it('orders keys by UTF-16 code units and escapes as RFC 8785 does (its example 3.2.3)', () => {
    const record = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const expected =
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}';
    expect(canonicalJson(record)).toBe(expected);
    const { hash: _none, ...back } = JSON.parse(storedLine({ ...record, hash: 'h' })) as Record<string, unknown>;
    expect(canonicalJson(back)).toBe(expected);
  });

  it('writes numbers as RFC 8785 does (its appendix B)', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [-0, '0'],
      [5e-324, '5e-324'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
      [9007199254740992, '9007199254740992'],
      [1e21, '1e+21'],
      [1e23, '1e+23'],
      [999999999999999900000, '999999999999999900000'],
      [0.000001, '0.000001'],
      [1e-7, '1e-7'],
      [333333333.3333333, '333333333.3333333'],
    ];
    for (const [n, text] of cases) {
      expect(canonicalJson({ n })).toBe(`{"n":${text}}`);
      expect(canonicalJson({ a: [n], n })).toBe(`{"a":[${text}],"n":${text}}`);
    }
  });

  it('refuses what has no canonical form, as the package does', () => {
    for (const bad of [{ n: Number.NaN }, { n: Number.POSITIVE_INFINITY }, { a: [Number.NEGATIVE_INFINITY] }]) {
      expect(() => canonicalJson(bad)).toThrow();
    }
  });

  it('is what `canonicalize` writes, for 20,000 generated records in any key order and read back from their stored line', () => {
    const next = random(8785);
    for (let i = 0; i < 20_000; i++) {
      const record = recordOf(next);
      const expected = canonicalize(record);
      expect(canonicalJson(record), JSON.stringify(record)).toBe(expected);
      // As the store writes it and reads it back: the body's keys then come in canonical order (the fast path).
      const { hash, ...back } = JSON.parse(storedLine({ ...record, hash: 'x' })) as Record<string, unknown>;
      expect(hash).toBe('x');
      expect(back).toEqual(JSON.parse(expected!));
      expect(canonicalJson(back)).toBe(expected);
      // Read back in canonical order, so `JSON.stringify` alone writes it, unless a key is an array
      // index ("1"), which every object lists first whatever the order it was written in.
      if (!hasIndexKey(back)) expect(JSON.stringify(back)).toBe(expected);
      // In the order the store writes, from any order: the same text as the line itself.
      const line = storedLine({ ...record, hash: 'x' });
      expect(JSON.stringify(inStoredOrder({ ...record, hash: 'x' }))).toBe(hasIndexKey(record) ? JSON.stringify(JSON.parse(line)) : line);
    }
  });

  it('hashes values that are not plain JSON (undefined members, a Date, toJSON) as the package does', () => {
    const odd = { b: undefined, a: new Date(0), c: { toJSON: () => ({ y: 1, x: 2 }) }, d: [undefined, 1] };
    expect(canonicalJson(odd)).toBe(canonicalize(odd));
    expect(chainHash(GENESIS, { z: 1, a: 2 })).toBe(chainHash(GENESIS, { a: 2, z: 1 }));
  });
});
