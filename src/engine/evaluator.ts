/**
 * The json-rules-engine adapter: every rule version becomes one engine rule whose conditions are the
 * rule file's own plus the period its citation is in force. The engine decides; this file only maps
 * what fired back to typed findings and enforces the stated precedence between rules.
 */
import { Engine } from 'json-rules-engine';
import { DomainError } from '../domain/errors.js';
import { effectiveDate, type RosterEvent } from '../domain/events.js';
import { Outcome, type Finding } from '../domain/findings.js';
import type { RosterState } from '../domain/roster.js';
import { factsFor } from './facts.js';
import type { LoadedRule, RuleBook } from './rule-book.js';

export interface Evaluator {
  evaluate(state: RosterState, event: RosterEvent): Promise<Finding[]>;
}

const isDay = (v: unknown): v is string => typeof v === 'string' && v.length >= 7;

/**
 * The event type a rule is limited to by a top-level `all: [{ fact: "eventType", operator: "equal" }]`
 * condition. Such a rule can never fire for another type, so it is left out of that type's engine:
 * json-rules-engine clones every rule's conditions on every run, which dominates a long replay.
 */
function eventTypeOf(rule: LoadedRule): string | undefined {
  const all = (rule.spec.rule.conditions as { all?: unknown }).all;
  if (!Array.isArray(all)) return undefined;
  const test = all.find(
    (c: unknown): c is { value: string } =>
      typeof c === 'object' && c !== null && (c as { fact?: unknown }).fact === 'eventType' && (c as { operator?: unknown }).operator === 'equal' &&
      typeof (c as { value?: unknown }).value === 'string' && (c as { path?: unknown }).path === undefined,
  );
  return test?.value;
}

function buildEngine(book: RuleBook, eventType: string): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false, allowUndefinedConditions: false });
  // Legal dates are ISO strings of day or month precision: string order is date order.
  engine.addOperator<unknown, string>('dateOnOrAfter', (fact, bound) => isDay(fact) && fact >= bound);
  engine.addOperator<unknown, string>('dateOnOrBefore', (fact, bound) => isDay(fact) && fact.slice(0, bound.length) <= bound);
  for (const rule of book.rules) {
    const limitedTo = eventTypeOf(rule);
    if (limitedTo !== undefined && limitedTo !== eventType) continue;
    rule.versions.forEach((version, index) => {
      const period = [
        ...(version.from ? [{ fact: 'eventDate', operator: 'dateOnOrAfter', value: version.from }] : []),
        ...(version.to ? [{ fact: 'eventDate', operator: 'dateOnOrBefore', value: version.to }] : []),
      ];
      engine.addRule({
        name: `${rule.spec.id}#${index}`,
        conditions: { all: [rule.spec.rule.conditions, ...period] } as never,
        event: { type: rule.spec.rule.event.type, params: { ...rule.spec.rule.event.params, ruleId: rule.spec.id, version: index } },
      });
    });
  }
  return engine;
}

export function createEvaluator(book: RuleBook): Evaluator {
  const engines = new Map<string, Engine>();
  const engineFor = (type: string) => engines.get(type) ?? engines.set(type, buildEngine(book, type)).get(type)!;
  return {
    async evaluate(state, event) {
      const facts = factsFor(state, event);
      const { events } = await engineFor(event.type).run(facts);
      const fired = events.map((e) => {
        const { ruleId, version, ...params } = e.params as { ruleId: string; version: number };
        const rule = book.byId.get(ruleId)!;
        return { rule, version: rule.versions[version]!, outcome: Outcome.parse({ type: e.type, params }) };
      });
      const kept = applyPrecedence(fired.map((f) => f.rule)).map((rule) => fired.find((f) => f.rule === rule)!);
      const own = 'date' in event && event.date ? event.date : undefined;
      return kept.map(
        ({ rule, version, outcome }): Finding => ({
          ruleId: rule.spec.id,
          ruleFile: rule.file,
          title: rule.spec.title,
          citation: version.citation,
          outcome,
          eventSeq: event.seq,
          personId: 'personId' in event ? event.personId : undefined,
          effectiveDate: effectiveDate(event),
          dateFromSource: own === undefined,
          facts,
        }),
      );
    },
  };
}

/**
 * Drop rules that another fired rule overrides. Two remaining rules with different outcomes and no
 * stated precedence are an error naming both files (the law must say which one wins).
 */
function applyPrecedence(rules: readonly LoadedRule[]): LoadedRule[] {
  const kept = rules.filter((r) => !rules.some((other) => other !== r && other.spec.overrides.includes(r.spec.id)));
  for (const a of kept) {
    for (const b of kept) {
      if (a !== b && a.spec.rule.event.type !== b.spec.rule.event.type) {
        throw new DomainError(
          'rule-conflict',
          `规则“${a.spec.id}”（${a.file}）与“${b.spec.id}”（${b.file}）对同一事件得出不同结论，且都未声明 overrides 优先关系`,
        );
      }
    }
  }
  return kept;
}
