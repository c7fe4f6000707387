/**
 * Facts for the differential test of the compiled rules: every fact at and around every boundary
 * the rules' conditions name (from a base that satisfies the rule), then random ones, from a seeded
 * generator so that a failure can be replayed (`DIFF_SEED=<seed>`).
 */
import { EVENT_TYPES } from '../../src/domain/events.js';
import { leavesOf } from '../../src/engine/compile-rules.js';
import type { Condition, EngineRule, Leaf } from '../../src/engine/engine-rules.js';
import { FACT_NAMES, type FactName, type Facts } from '../../src/engine/facts.js';

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function shiftDay(day: string, by: number): string {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + by);
  return d.toISOString().slice(0, 10);
}

/** Values of every kind an operator treats specially: null, NaN, numbers as text, near-dates, empty. */
export const ODD_VALUES: readonly unknown[] = [null, undefined, '', 0, -0, 1, 2, 3, -1, 0.5, 1.5, Number.NaN, true, false];
const ODD_TEXT: readonly unknown[] = ['null', 'x', '2', '2abc', ' 2', '2024', '2024-01', '2024-01-01', '1999-12-31', '2025-03-11'];

/** A value that satisfies the condition, first; then values at and around the boundary it names. */
export function around(leaf: Leaf): unknown[] {
  const v = leaf.value;
  if (v !== null && typeof v === 'object' && 'fact' in v) return [];
  switch (leaf.operator) {
    case 'equal':
      return [v];
    case 'notEqual':
      return ['not-that', v];
    case 'in':
    case 'notIn': {
      const named = Array.isArray(v) ? [...v] : [v];
      const inside = typeof v === 'string' ? [v.slice(1), v.slice(0, -1)] : [];
      return leaf.operator === 'in' ? [...named, ...inside, 'none-of-them'] : ['none-of-them', ...named, ...inside];
    }
    case 'contains':
      return [[v], [], [v, v], v];
    case 'doesNotContain':
      return [[], [v], v];
    case 'lessThan':
    case 'lessThanInclusive':
    case 'greaterThan':
    case 'greaterThanInclusive': {
      const n = Number(v);
      const near = [n - 1, n - 0.5, n, n + 0.5, n + 1, String(n), `${n}abc`, ` ${n}`, String(n + 1)];
      return leaf.operator.startsWith('less') ? near : [n + 1, ...near];
    }
    case 'dateOnOrAfter':
    case 'dateOnOrBefore': {
      const bound = String(v);
      const day = /^\d{4}-\d{2}-\d{2}$/.test(bound);
      return [
        bound,
        ...(day ? [shiftDay(bound, -1), shiftDay(bound, 1), shiftDay(bound, -366), shiftDay(bound, 366)] : []),
        bound.slice(0, 7),
        bound.slice(0, 4),
        `${bound.slice(0, 7)}-00`,
        `${bound}T00:00`,
      ];
    }
    default:
      return [v];
  }
}

export interface CaseSource {
  /**
   * From a base that satisfies each rule version in turn, each fact the rule reads through every
   * value at and around every boundary any rule names for it, and the odd values.
   */
  readonly boundaries: Facts[];
  /** A random case: facts from the candidate values, some from a rule's base, a few with a fact missing. */
  random(): Facts;
}

/** The rules in force together for one `region` fact: the national set (null) or a province's. */
export interface RuleSetCases {
  readonly region: string | null;
  readonly rules: readonly EngineRule[];
}

export function factCases(sets: readonly RuleSetCases[], seed: number): CaseSource {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const candidates = new Map<FactName, unknown[]>(FACT_NAMES.map((n) => [n, [...ODD_VALUES, ...ODD_TEXT]]));
  candidates.get('eventType')!.push(...EVENT_TYPES);
  // Which rule set applies is read off the `region` fact: every province, and none.
  candidates.get('region')!.push(...sets.map((s) => s.region));
  const rules = sets.flatMap((s) => s.rules);
  const regionOf = new Map(sets.flatMap((s) => s.rules.map((r) => [r, s.region] as const)));
  const leaves = rules.flatMap((r) => leavesOf(r.conditions as Condition));
  for (const leaf of leaves) candidates.get(leaf.fact as FactName)?.push(...around(leaf));
  for (const [name, values] of candidates) candidates.set(name, [...new Set(values)]);

  const absent = Object.fromEntries(FACT_NAMES.map((n) => [n, null])) as Facts;
  const baseOf = (r: EngineRule): Facts => {
    const base: Record<string, unknown> = { ...absent, region: regionOf.get(r) ?? null };
    for (const leaf of leavesOf(r.conditions as Condition)) {
      const [satisfying] = around(leaf);
      if (satisfying !== undefined) base[leaf.fact] = satisfying;
    }
    return base as Facts;
  };
  const bases = rules.map(baseOf);

  const boundaries = new Map<string, Facts>();
  const add = (facts: Facts) => boundaries.set(JSON.stringify(FACT_NAMES.map((n) => [typeof facts[n], String(facts[n])])), facts);
  for (const [i, base] of bases.entries()) {
    add(base);
    const read = new Set(leavesOf(rules[i]!.conditions as Condition).map((l) => l.fact as FactName));
    for (const name of read) for (const value of candidates.get(name) ?? []) add({ ...base, [name]: value } as Facts);
  }

  return {
    boundaries: [...boundaries.values()],
    random() {
      const facts: Record<string, unknown> =
        random() < 0.6 ? { ...pick(bases) } : Object.fromEntries(FACT_NAMES.map((n) => [n, pick(candidates.get(n)!)]));
      const changes = 1 + Math.floor(random() * 3);
      for (let i = 0; i < changes; i++) {
        const name = pick(FACT_NAMES);
        facts[name] = pick(candidates.get(name)!);
      }
      // allowUndefinedFacts is off: a missing fact must be an error in both evaluators.
      if (random() < 0.01) delete facts[pick(FACT_NAMES)];
      return facts as Facts;
    },
  };
}
