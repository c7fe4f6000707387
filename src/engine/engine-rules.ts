/**
 * The rule book as both evaluators see it: one engine rule per rule version, whose conditions are the
 * version's own plus its scope (the period its citation is in force, and the levels of congress it
 * governs), so that the engine itself picks the citation in force. The rules in force differ by
 * province (a region's overlay read over the national rules), and each event type (or question) gets
 * the rules that could fire for it.
 */
import { type Outcome, outcomeSchema } from '../domain/findings.js';
import type { Facts } from './facts.js';
import type { LoadedRule, RuleBook, RuleSet, RuleVersion } from './rule-book.js';
import { ruleSetFor } from './rule-book.js';

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
  /** Position in its rule set: fired rules are reported in this order, whichever evaluator ran. */
  readonly order: number;
  /** The version's conditions and its scope, as one json-rules-engine `all`. */
  readonly conditions: { readonly all: readonly Condition[] };
  /** The scope alone: `eventDate` on or after `from`, on or before `to`; `congressLevel` in `levels`. */
  readonly scope: readonly Leaf[];
  readonly outcome: Outcome;
}

export function engineRules(set: RuleSet): EngineRule[] {
  return set.rules
    .flatMap((rule) =>
      rule.versions.map((version, versionIndex): Omit<EngineRule, 'order'> => {
        const scope: Leaf[] = [
          ...(version.from ? [{ fact: 'eventDate', operator: 'dateOnOrAfter', value: version.from }] : []),
          ...(version.to ? [{ fact: 'eventDate', operator: 'dateOnOrBefore', value: version.to }] : []),
          ...(version.levels ? [{ fact: 'congressLevel', operator: 'in', value: version.levels }] : []),
        ];
        const { type, params } = version.rule.event;
        return {
          rule,
          version,
          versionIndex,
          name: `${rule.spec.id}#${versionIndex}`,
          conditions: { all: [version.rule.conditions, ...scope] },
          scope,
          outcome: outcomeSchema().parse({ type, params: { ...params } }),
        };
      }),
    )
    .map((r, order) => ({ ...r, order }));
}

/** The rules a set of facts may fire: those of the region's rule set that could fire for the event type or question. */
export interface Group {
  /** `浙江|DeputyDied`, `|question:cascade`: what the rules tried depend on. */
  readonly id: string;
  readonly region: string | null;
  readonly rules: readonly EngineRule[];
}

/**
 * The keys a rule version can fire for, read off its top-level `eventType` or `question` condition:
 * an event type, or `question:<name>`; undefined where it constrains neither (it is then tried for
 * every key). Only a speed-up: which of the rules fire is still the evaluator's decision.
 */
function keysOf(version: RuleVersion): readonly string[] | undefined {
  const conditions = version.rule.conditions;
  if (!('all' in conditions)) return undefined;
  for (const c of conditions.all) {
    if (!('fact' in c) || (c.fact !== 'eventType' && c.fact !== 'question')) continue;
    const prefix = c.fact === 'question' ? 'question:' : '';
    const values = c.operator === 'equal' ? [c.value] : c.operator === 'in' && Array.isArray(c.value) ? c.value : undefined;
    if (values) return values.filter((v): v is string => typeof v === 'string').map((v) => prefix + v);
  }
  return undefined;
}

/** Each set of facts' group, computed once per region and key. */
export function grouping(book: RuleBook): (facts: Facts) => Group {
  const sets = new Map<string, readonly EngineRule[]>();
  const groups = new Map<string, Group>();
  return (facts) => {
    const region = typeof facts.region === 'string' ? facts.region : null;
    const key = typeof facts.question === 'string' ? `question:${facts.question}` : String(facts.eventType);
    const id = `${region ?? ''}|${key}`;
    let group = groups.get(id);
    if (!group) {
      let set = sets.get(region ?? '');
      if (!set) {
        set = engineRules(ruleSetFor(book, region));
        sets.set(region ?? '', set);
      }
      group = { id, region, rules: set.filter((r) => keysOf(r.version)?.includes(key) ?? true) };
      groups.set(id, group);
    }
    return group;
  };
}
