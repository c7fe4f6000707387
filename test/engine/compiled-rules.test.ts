/**
 * The compiled rules against json-rules-engine, the reference: on every fact at and around every
 * boundary the rule files name, and on random facts, the same rules fire and the findings after
 * precedence are the same (facts included), memoised or not. Seeded: `DIFF_SEED=<n>` replays a run.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/domain/errors.js';
import type { RosterEvent } from '../../src/domain/events.js';
import { compileRule, leavesOf } from '../../src/engine/compile-rules.js';
import { buildEngine, compiledDecider, type Decider, memoised, referenceDecider } from '../../src/engine/deciders.js';
import { type Condition, type EngineRule, engineRules, type Leaf } from '../../src/engine/engine-rules.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { FACT_NAMES, type Facts } from '../../src/engine/facts.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { OPERATORS } from '../../src/engine/rule-file.js';
import { around, factCases, ODD_VALUES, rng } from '../support/fact-cases.js';
import { RULES_DIR } from '../support/scenario.js';

const SEED = Number(process.env.DIFF_SEED ?? 20261129);
const RANDOM_CASES = 90_000;
/** Generous: the cases take seconds, but a busy 2-core machine can stretch them several times. */
const LONG = 300_000;

/** What a decision came to: a value, or the error (its kind and message where it is the project's own). */
async function settle<T>(run: () => T | Promise<T>): Promise<{ value: T } | { error: string }> {
  try {
    return { value: await run() };
  } catch (e) {
    return { error: isDomainError(e) ? `${e.kind}: ${e.message}` : 'error' };
  }
}

/** What fired: each version by name and by the file it comes from (a province's or the national one). */
const names = async (d: Decider, facts: Facts) => settle(async () => (await d.fire(facts)).map((r) => `${r.name} ${r.version.file}`));

/** The evaluator's context for an event; the facts are the case's, whatever the event says. */
const event = {
  type: 'DeputyDied',
  seq: 7,
  personId: 'p1',
  date: '2020-01-01',
  source: { title: '测试', date: '2020-01-01' },
} as RosterEvent;

describe('the compiled rules decide exactly as json-rules-engine does, for every rule file in rules/, national and provincial', () => {
  const book = loadRuleBook(RULES_DIR);
  // Every rule set in force somewhere: the national rules, and each province's overlay read over them.
  const sets = [
    { region: null, rules: engineRules(book) },
    ...[...book.regions].map(([region, r]) => ({ region, rules: engineRules(r.rules) })),
  ];
  const cases = factCases(sets, SEED);
  const deciders = { reference: referenceDecider(book), compiled: compiledDecider(book), memoised: memoised(compiledDecider(book)) };
  const evaluators = {
    reference: createEvaluator(book, { engine: 'reference', memo: false }),
    compiled: createEvaluator(book, { engine: 'compiled', memo: false }),
    memoised: createEvaluator(book),
  };
  let fired = 0;
  /** Cases where a province's own rule file fired: the overlays are reached, not only the national rules. */
  let firedProvincial = 0;

  /**
   * Compare one case; return a description of the difference, if any. What fires decides the
   * findings (precedence and the findings are the same code for both), so every case compares what
   * fires, and every eighth case, and every case where precedence has a choice to make, the findings too.
   */
  async function differs(facts: Facts, index: number): Promise<string | undefined> {
    const reference = await names(deciders.reference, facts);
    for (const kind of ['compiled', 'memoised'] as const) {
      const other = await names(deciders[kind], facts);
      if (!isDeepStrictEqual(reference, other))
        return `${kind} fired ${JSON.stringify(other)}, json-rules-engine ${JSON.stringify(reference)}`;
    }
    const many = 'value' in reference && reference.value.length > 1;
    if ('value' in reference && reference.value.length > 0) fired++;
    if ('value' in reference && reference.value.some((n) => n.includes('regions/'))) firedProvincial++;
    if (index % 8 !== 0 && !many) return undefined;
    const findings = await settle(() => evaluators.reference.evaluate(event, facts));
    for (const kind of ['compiled', 'memoised'] as const) {
      const other = await settle(() => evaluators[kind].evaluate(event, facts));
      if (!isDeepStrictEqual(findings, other))
        return `${kind} found ${JSON.stringify(other)}, json-rules-engine ${JSON.stringify(findings)}`;
    }
    return undefined;
  }

  async function run(all: Iterable<Facts>): Promise<{ count: number; differences: string[] }> {
    let count = 0;
    const differences: string[] = [];
    for (const facts of all) {
      const difference = await differs(facts, count++);
      if (difference && differences.length < 5) {
        differences.push(
          `seed ${SEED}, case ${count}: facts ${JSON.stringify(facts, (_, v) => (v === undefined ? '<undefined>' : v))}: ${difference}`,
        );
      }
    }
    return { count, differences };
  }

  it(
    'every fact at and around every boundary the conditions name, from a base that satisfies each rule',
    async () => {
      const { count, differences } = await run(cases.boundaries);
      expect(differences).toEqual([]);
      expect(count).toBeGreaterThan(10_000);
      expect(firedProvincial).toBeGreaterThan(100);
    },
    LONG,
  );

  it(
    `${RANDOM_CASES.toLocaleString('en')} random cases, some with a fact missing (an error in both)`,
    async () => {
      const { count, differences } = await run(Array.from({ length: RANDOM_CASES }, () => cases.random()));
      expect(differences).toEqual([]);
      expect(count).toBe(RANDOM_CASES);
      // The cases reach the rules: many of them fire something.
      expect(fired).toBeGreaterThan(RANDOM_CASES / 10);
    },
    LONG,
  );
});

describe('operators and connectives the shipped rules do not use yet mean what they mean in json-rules-engine', () => {
  const random = rng(SEED + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const values: readonly unknown[] = [
    ...ODD_VALUES,
    'valid',
    'suspended',
    'pending',
    '2024-07-31',
    '2024-07',
    ['valid', 'pending'],
    [1, 2],
    [],
  ];

  function randomLeaf(): Leaf {
    const fact = random() < 0.02 ? 'noSuchFact' : pick(FACT_NAMES);
    const operator = random() < 0.01 ? 'noSuchOperator' : pick(OPERATORS);
    const value = random() < 0.08 ? { fact: random() < 0.1 ? 'noSuchFact' : pick(FACT_NAMES) } : pick(values);
    return { fact, operator, value: value === undefined ? null : value, ...(random() < 0.05 ? { path: '$.x' } : {}) };
  }
  function randomCondition(depth: number): Condition {
    const r = random();
    if (depth >= 3 || r < 0.4) return randomLeaf();
    const children = Array.from({ length: Math.floor(random() * 4) }, () => randomCondition(depth + 1));
    if (r < 0.6) return { not: randomCondition(depth + 1) };
    return r < 0.8 ? { all: children } : { any: children };
  }

  it(
    '3,000 random rules, each on 20 facts at and around its own boundaries: the same result or both an error',
    async () => {
      let cases = 0;
      let passed = 0;
      const differences: string[] = [];
      for (let i = 0; i < 3000; i++) {
        const conditions = { all: [randomCondition(1)] };
        const rule = {
          rule: { file: 'fuzz.json', spec: { id: `fuzz-${i}` } },
          version: { file: 'fuzz.json', rule: { conditions, event: { type: 'no-effect', params: { label: '测试' } } } },
          versionIndex: 0,
          name: `fuzz-${i}#0`,
          order: i,
          conditions,
        } as unknown as EngineRule;
        const engine = await buildEngine([rule]);
        const compiled = compileRule(rule);
        const leaves = leavesOf(conditions);
        const near = [...new Set(leaves.flatMap(around))];
        for (let k = 0; k < 20; k++) {
          const facts: Record<string, unknown> = Object.fromEntries(
            FACT_NAMES.map((n) => [n, pick(random() < 0.5 && near.length > 0 ? near : values)]),
          );
          // Facts are never objects (src/engine/facts.ts), so a path never has anything to read into.
          for (const leaf of leaves) if (leaf.path !== undefined && typeof facts[leaf.fact] === 'object') facts[leaf.fact] = null;
          const reference = await settle(async () => (await engine.run(facts as Facts)).events.length > 0);
          const mine = await settle(() => compiled.test(facts as Facts));
          cases++;
          if ('value' in reference && reference.value) passed++;
          if (!isDeepStrictEqual(reference, mine) && differences.length < 5) {
            differences.push(
              `seed ${SEED + 1}: ${JSON.stringify(conditions)} on ${JSON.stringify(facts)}: ${JSON.stringify(mine)} vs ${JSON.stringify(reference)}`,
            );
          }
        }
      }
      expect(differences).toEqual([]);
      expect(cases).toBe(60_000);
      expect(passed).toBeGreaterThan(cases / 20);
    },
    LONG,
  );
});
