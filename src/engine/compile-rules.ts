/**
 * The rule compiler: each engine rule's conditions become a plain function of the facts that decides
 * exactly what json-rules-engine decides, about a thousand times faster. The rule files stay
 * json-rules-engine rules and the engine stays the reference (`--engine reference`); the differential
 * test (test/engine/compiled-rules.test.ts) holds the two to the same events.
 *
 * json-rules-engine 7's meaning, kept here:
 * - a fact the facts object lacks is an error ("Undefined fact"), never a silent false
 *   (`allowUndefinedFacts: false`); a fact present with the value null is just null;
 * - all conditions of one priority are evaluated together, so an error in any of them is an error of
 *   the rule even where another condition already fails: no short-circuit. Rule files cannot set a
 *   condition's priority and every fact has priority 1, so a rule is one such set;
 * - `all` and `any` over no conditions are both true; over one condition they are that condition;
 *   `not` negates its one condition;
 * - a `value` that is an object with a `fact` property is that fact's value, not a literal; any
 *   other value is compared as a copy, so an array value is never identical to an array in a fact;
 * - `path` reads into an object fact; facts here are never objects, so it leaves the value as it is;
 * - an unknown operator or a condition reference (`{ "condition": name }`) is an error when
 *   evaluated (rule files cannot contain either: src/engine/rule-file.ts).
 * The operators themselves are in ./operators.ts.
 */
import type { Condition, EngineRule, Leaf } from './engine-rules.js';
import { OPERATOR_TESTS, type OperatorName } from './operators.js';

type FactsIn = Readonly<Record<string, unknown>>;
type Test = (facts: FactsIn) => boolean;

export interface CompiledRule {
  readonly rule: EngineRule;
  readonly test: Test;
}

export function compileRule(rule: EngineRule): CompiledRule {
  return { rule, test: compileCondition(rule.conditions) };
}

/**
 * The versions that run one rule (a rule file's conditions, or a province's that overrides them):
 * the conditions compiled once, and the scope of each version. Firing them gives what the versions
 * compiled one by one give: a version fires when the conditions and its scope hold; an error in the
 * conditions is an error of every version, and the scopes' only possible error, a fact they read
 * missing (`eventDate`, `congressLevel`), is checked before anything is skipped (their bounds are
 * days from laws.json and their levels a list, which the operators compare without error).
 */
export interface CompiledProvision {
  readonly conditions: Test;
  readonly versions: readonly { readonly rule: EngineRule; readonly scope: Test }[];
  readonly scopeFacts: readonly string[];
}

export function compileProvision(versions: readonly EngineRule[]): CompiledProvision {
  return {
    conditions: compileCondition(versions[0]!.version.rule.conditions),
    versions: versions.map((rule) => ({ rule, scope: compileList(rule.scope, true) })),
    scopeFacts: [...new Set(versions.flatMap((v) => v.scope.map((l) => l.fact)))],
  };
}

/** The versions of the provision that fire on the facts, appended to `fired`. */
export function fireProvision(p: CompiledProvision, facts: FactsIn, fired: EngineRule[]): void {
  const holds = p.conditions(facts);
  for (const fact of p.scopeFacts) if (!Object.hasOwn(facts, fact)) throw new Error(`Undefined fact: ${fact}`);
  if (holds !== true) return;
  for (const v of p.versions) if (v.scope(facts) === true) fired.push(v.rule);
}

function factValue(facts: FactsIn, name: string, path: string | undefined): unknown {
  if (!Object.hasOwn(facts, name)) throw new Error(`Undefined fact: ${name}`);
  const value = facts[name];
  if (path !== undefined && value !== null && typeof value === 'object') {
    throw new Error(`compiled rules do not read a path (${path}) into the object fact ${name}`);
  }
  return value;
}

const isFactReference = (v: unknown): v is { fact: string; path?: string } =>
  v !== null && typeof v === 'object' && Object.hasOwn(v, 'fact');

function compileLeaf(leaf: Leaf): Test {
  const op = OPERATOR_TESTS[leaf.operator as OperatorName] as ((a: unknown, b: unknown) => boolean) | undefined;
  if (!Object.hasOwn(OPERATOR_TESTS, leaf.operator) || !op) {
    return () => {
      throw new Error(`Unknown operator: ${leaf.operator}`);
    };
  }
  const { fact, path, value } = leaf;
  if (isFactReference(value)) {
    return (facts) => op(factValue(facts, fact, path), factValue(facts, value.fact, value.path));
  }
  // The engine compares a fact with a copy of the rule's value, made for each run: an array or
  // object value is never the very object a fact holds.
  const literal = value !== null && typeof value === 'object' ? structuredClone(value) : value;
  return (facts) => op(factValue(facts, fact, path), literal);
}

function compileList(conditions: readonly Condition[], every: boolean): Test {
  const tests = conditions.map((c) => compileCondition(c));
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0]!;
  // Every condition is evaluated, as the engine evaluates them all before combining.
  return every
    ? (facts) => {
        let all = true;
        for (const t of tests) if (t(facts) !== true) all = false;
        return all;
      }
    : (facts) => {
        let any = false;
        for (const t of tests) if (t(facts) === true) any = true;
        return any;
      };
}

function compileCondition(c: Condition): Test {
  if (Object.hasOwn(c, 'any')) return compileList((c as { any: readonly Condition[] }).any, false);
  if (Object.hasOwn(c, 'all')) return compileList((c as { all: readonly Condition[] }).all, true);
  if (Object.hasOwn(c, 'not')) {
    const inner = compileCondition((c as { not: Condition }).not);
    return (facts) => !inner(facts);
  }
  if (Object.hasOwn(c, 'fact')) return compileLeaf(c as Leaf);
  return () => {
    throw new Error(`cannot evaluate condition ${JSON.stringify(c)}`);
  };
}

/** One part of a memo key: a fact's value, or for a fact only ever compared with fixed dates, which of those comparisons hold. */
export interface KeyPart {
  readonly fact: string;
  readonly bucket: ((value: unknown) => unknown) | undefined;
}

export function leavesOf(c: Condition): Leaf[] {
  if (Object.hasOwn(c, 'any')) return (c as { any: readonly Condition[] }).any.flatMap(leavesOf);
  if (Object.hasOwn(c, 'all')) return (c as { all: readonly Condition[] }).all.flatMap(leavesOf);
  if (Object.hasOwn(c, 'not')) return leavesOf((c as { not: Condition }).not);
  return Object.hasOwn(c, 'fact') ? [c as Leaf] : [];
}

const isDateTest = (l: Leaf) =>
  (l.operator === 'dateOnOrAfter' || l.operator === 'dateOnOrBefore') && typeof l.value === 'string' && l.path === undefined;

/**
 * What decides the answer of these rules: the facts their conditions read (a condition's own fact
 * and any fact named as its value). A fact that every condition reading it compares with a fixed
 * date (the periods of the citations: `eventDate`) decides only through which of those comparisons
 * hold, so its part of the key is that pattern, not the date: the rules give the same answer on
 * every day between two bounds.
 */
export function memoKey(rules: readonly EngineRule[]): KeyPart[] {
  const leaves = rules.flatMap((r) => leavesOf(r.conditions));
  const facts = [...new Set(leaves.flatMap((l) => (isFactReference(l.value) ? [l.fact, l.value.fact] : [l.fact])))];
  return facts.map((fact): KeyPart => {
    const reading = leaves.filter((l) => l.fact === fact || (isFactReference(l.value) && l.value.fact === fact));
    if (!reading.every((l) => l.fact === fact && isDateTest(l))) return { fact, bucket: undefined };
    const tests = [...new Map(reading.map((l) => [`${l.operator} ${l.value}`, l])).values()].map((l) => {
      const op = OPERATOR_TESTS[l.operator as OperatorName];
      return (v: unknown) => op(v, l.value);
    });
    return { fact, bucket: (v) => tests.map((t) => (t(v) ? '1' : '0')).join('') };
  });
}
