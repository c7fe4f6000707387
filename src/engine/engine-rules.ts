/**
 * The rule book as both evaluators see it: one engine rule per rule version, whose conditions are the
 * rule file's own plus the period its citation is in force, so that the engine itself picks the
 * citation in force on the event's date. Each event type (or question) gets the rules that could
 * fire for it.
 */
import { type Outcome, Outcome as OutcomeSchema } from '../domain/findings.js';
import type { Facts } from './facts.js';
import type { LoadedRule, RuleBook, RuleVersion } from './rule-book.js';

/** A json-rules-engine condition, as far as rule files may write one (src/engine/rule-file.ts). */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | Leaf;
export interface Leaf {
  readonly fact: string;
  readonly operator: string;
  readonly value: unknown;
  readonly path?: string;
}

export interface EngineRule {
  readonly rule: LoadedRule;
  readonly version: RuleVersion;
  readonly versionIndex: number;
  /** `termination.died#1`: the json-rules-engine rule name. */
  readonly name: string;
  /** Position in the rule book: fired rules are reported in this order, whichever evaluator ran. */
  readonly order: number;
  /** The rule file's conditions and the period, as one json-rules-engine `all`. */
  readonly conditions: { readonly all: readonly Condition[] };
  /** The period alone: `eventDate` on or after `from`, on or before `to`. */
  readonly period: readonly Leaf[];
  readonly outcome: Outcome;
}

export function engineRules(book: RuleBook): EngineRule[] {
  return book.rules
    .flatMap((rule) =>
      rule.versions.map((version, versionIndex): Omit<EngineRule, 'order'> => {
        const period: Leaf[] = [
          ...(version.from ? [{ fact: 'eventDate', operator: 'dateOnOrAfter', value: version.from }] : []),
          ...(version.to ? [{ fact: 'eventDate', operator: 'dateOnOrBefore', value: version.to }] : []),
        ];
        const { type, params } = rule.spec.rule.event;
        return {
          rule,
          version,
          versionIndex,
          name: `${rule.spec.id}#${versionIndex}`,
          conditions: { all: [rule.spec.rule.conditions, ...period] },
          period,
          outcome: OutcomeSchema.parse({ type, params: { ...params } }),
        };
      }),
    )
    .map((r, order) => ({ ...r, order }));
}

/** Which rules may fire: the event type, or `question:<name>` for a question about posts or oaths. */
export function keyOf(facts: Facts): string {
  return typeof facts.question === 'string' ? `question:${facts.question}` : String(facts.eventType);
}

/**
 * The keys a rule can fire for, read off its top-level `eventType` or `question` condition;
 * undefined where the rule constrains neither (it is then tried for every key). Only a speed-up:
 * which of the rules fire is still the evaluator's decision.
 */
function keysOf(rule: LoadedRule): readonly string[] | undefined {
  const conditions = rule.spec.rule.conditions;
  if (!('all' in conditions)) return undefined;
  for (const c of conditions.all) {
    if (!('fact' in c) || (c.fact !== 'eventType' && c.fact !== 'question')) continue;
    const prefix = c.fact === 'question' ? 'question:' : '';
    const values = c.operator === 'equal' ? [c.value] : c.operator === 'in' && Array.isArray(c.value) ? c.value : undefined;
    if (values) return values.filter((v): v is string => typeof v === 'string').map((v) => prefix + v);
  }
  return undefined;
}

/** The rules to try for a key, computed once per key. */
export function rulesByKey(rules: readonly EngineRule[]): (key: string) => readonly EngineRule[] {
  const groups = new Map<string, readonly EngineRule[]>();
  return (key) => {
    let group = groups.get(key);
    if (!group) {
      group = rules.filter((r) => keysOf(r.rule)?.includes(key) ?? true);
      groups.set(key, group);
    }
    return group;
  };
}
