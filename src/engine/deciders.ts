/**
 * Deciders: given the facts, which engine rules fire. Two of them, one meaning:
 * - `reference`: json-rules-engine runs the rule files as written (one engine per event type);
 * - `compiled`: the same conditions as plain functions (./compile-rules.ts);
 * and `memoised`, which remembers a decider's answer by what decides it (`memoKey`).
 * Every decider reports fired rules in rule-book order: json-rules-engine gives the events of one
 * priority in the order their promises settle (which follows the nesting of each rule's conditions),
 * and that order is not something the law or the findings should depend on.
 */
import type { Engine } from 'json-rules-engine';

type EngineClass = typeof Engine;

import { type CompiledProvision, compileProvision, fireProvision, type KeyPart, memoKey } from './compile-rules.js';
import { type EngineRule, type Group, grouping } from './engine-rules.js';
import type { Facts } from './facts.js';
import { DATE_OPERATORS } from './operators.js';
import type { RuleBook } from './rule-book.js';

export type Fired = readonly EngineRule[];
export interface Decider {
  /** The rules that fire on the facts, in rule-book order; throws where json-rules-engine would. */
  fire(facts: Facts): Fired | Promise<Fired>;
  /** The rules tried for the facts (their region's, for their event type or question): the only ones that can fire. */
  groupOf(facts: Facts): Group;
}

const byOrder = (a: EngineRule, b: EngineRule) => a.order - b.order;

function cached<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

// json-rules-engine (with jsonpath-plus and its event emitter) is loaded only when the reference engine runs.
let interpreter: Promise<{ readonly Engine: EngineClass }> | undefined;

/** A json-rules-engine engine holding the given rules, with the project's date operators. */
export async function buildEngine(rules: readonly EngineRule[]): Promise<Engine> {
  interpreter ??= import('json-rules-engine').then(
    // A CommonJS package: its exports come as the default export where a bundle loads it, by name in plain Node.
    (m): { readonly Engine: EngineClass } =>
      'Engine' in m && m.Engine ? m : (m as unknown as { default: { Engine: EngineClass } }).default,
  );
  const loaded = await interpreter;
  const engine = new loaded.Engine([], { allowUndefinedFacts: false, allowUndefinedConditions: false });
  for (const [name, test] of Object.entries(DATE_OPERATORS)) engine.addOperator<unknown, unknown>(name, test);
  for (const r of rules) {
    engine.addRule({
      name: r.name,
      conditions: r.conditions as never,
      event: {
        type: r.version.rule.event.type,
        params: { ...r.version.rule.event.params, ruleId: r.rule.spec.id, version: r.versionIndex },
      },
    });
  }
  return engine;
}

export function referenceDecider(book: RuleBook): Decider {
  const groupOf = grouping(book);
  const engines = new Map<string, Promise<{ engine: Engine; byName: ReadonlyMap<string, EngineRule> }>>();
  return {
    async fire(facts) {
      const group = groupOf(facts);
      const { engine, byName } = await cached(engines, group.id, async () => ({
        engine: await buildEngine(group.rules),
        byName: new Map(group.rules.map((r) => [r.name, r])),
      }));
      const { events } = await engine.run(facts);
      return events
        .map((e) => {
          const { ruleId, version } = e.params as { ruleId: string; version: number };
          return byName.get(`${ruleId}#${version}`)!;
        })
        .sort(byOrder);
    },
    groupOf,
  };
}

export function compiledDecider(book: RuleBook): Decider {
  const groupOf = grouping(book);
  const compiled = new Map<string, readonly CompiledProvision[]>();
  const provisionsOf = (group: Group) =>
    cached(compiled, group.id, () => {
      // Versions that run the same rule (a rule file's, or a province's that overrides it) are compiled together.
      const byRule = new Map<EngineRule['version']['rule'], EngineRule[]>();
      for (const r of group.rules) cached(byRule, r.version.rule, () => []).push(r);
      return [...byRule.values()].map(compileProvision);
    });
  return {
    fire(facts) {
      const fired: EngineRule[] = [];
      for (const p of provisionsOf(groupOf(facts))) fireProvision(p, facts, fired);
      return fired.length > 1 ? fired.sort(byOrder) : fired;
    },
    groupOf,
  };
}

/** Past this many remembered answers for one event type or question, start again (bounded memory). */
const MEMO_LIMIT = 100_000;

/**
 * Remember a decider's answers by what decides them (`memoKey`: the values of the facts the rules
 * read, a date by the bounds it falls between), in a trie of Maps: values compare as Map keys do,
 * so null, "null", NaN and 0 stay apart, which a JSON key would not keep. Facts the rules do not
 * read cannot change the answer and are not part of the key. An answer that is an error is not
 * remembered, and a missing fact is left to the decider to report.
 */
export function memoised(decider: Decider): Decider {
  const keys = new Map<string, readonly KeyPart[]>();
  const roots = new Map<string, { trie: Map<unknown, unknown>; size: number }>();
  return {
    groupOf: (facts) => decider.groupOf(facts),
    fire(facts) {
      const group = decider.groupOf(facts);
      const parts = cached(keys, group.id, () => memoKey(group.rules));
      if ((roots.get(group.id)?.size ?? 0) >= MEMO_LIMIT) roots.delete(group.id);
      const root = cached(roots, group.id, () => ({ trie: new Map<unknown, unknown>(), size: 0 }));
      let node = root.trie;
      let value: unknown;
      for (const [i, part] of parts.entries()) {
        if (!Object.hasOwn(facts, part.fact)) return decider.fire(facts);
        const fact = facts[part.fact as keyof Facts];
        value = part.bucket ? part.bucket(fact) : fact;
        if (i < parts.length - 1) node = cached(node, value, () => new Map<unknown, unknown>()) as Map<unknown, unknown>;
      }
      const known = node.get(value) as Fired | Promise<Fired> | undefined;
      if (known) return known;
      const answer = decider.fire(facts);
      node.set(value, answer);
      root.size++;
      if (answer instanceof Promise) answer.catch(() => node.delete(value));
      return answer;
    },
  };
}
