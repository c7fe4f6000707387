/**
 * The json-rules-engine adapter: every rule version becomes one engine rule whose conditions are the
 * rule file's own plus the period its citation is in force. The engine decides; this file only maps
 * what fired back to typed findings and enforces the stated precedence between rules.
 */
import { Engine } from 'json-rules-engine';
import { DomainError } from '../domain/errors.js';
import { effectiveDate, type RosterEvent } from '../domain/events.js';
import { type Finding, Outcome } from '../domain/findings.js';
import type { RosterLookup } from '../domain/roster.js';
import { type Facts, factsFor } from './facts.js';
import { EVENT_FACTS_ABSENT, NO_POST_FACTS, type Question, type QuestionFacts, settingFacts } from './post-facts.js';
import type { LoadedRule, RuleBook } from './rule-book.js';

/** What a question about a post or an oath is asked about: the event it arises from, the person, the date. */
export interface QuestionContext {
  readonly eventSeq: number;
  readonly personId: string | undefined;
  readonly date: string | undefined;
}

export interface Evaluator {
  /** The findings for an event, on the roster as it stood just before it. */
  evaluate(roster: RosterLookup, event: RosterEvent): Promise<Finding[]>;
  /** Ask the rules a question about posts or oaths (rules/posts, rules/cascade, rules/oath). */
  ask(question: Question, facts: QuestionFacts, context: QuestionContext): Promise<Finding[]>;
}

const isDay = (v: unknown): v is string => typeof v === 'string' && v.length >= 7;

/**
 * The keys a rule can fire for, read off its top-level `eventType` or `question` condition: an event
 * type, or `question:<name>`; undefined where the rule constrains neither. Used only to give each key
 * an engine holding the rules that could fire for it, so the engine does not test every rule on every
 * event; which of them fire is still the engine's decision.
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

function buildEngine(rules: readonly LoadedRule[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false, allowUndefinedConditions: false });
  // Legal dates are ISO strings of day or month precision: string order is date order.
  engine.addOperator<unknown, string>('dateOnOrAfter', (fact, bound) => isDay(fact) && fact >= bound);
  engine.addOperator<unknown, string>('dateOnOrBefore', (fact, bound) => isDay(fact) && fact.slice(0, bound.length) <= bound);
  for (const rule of rules) {
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
  const settings = settingFacts(book.settings);
  const engines = new Map<string, Engine>();
  const engineFor = (key: string): Engine => {
    let engine = engines.get(key);
    if (!engine) {
      engine = buildEngine(book.rules.filter((r) => keysOf(r)?.includes(key) ?? true));
      engines.set(key, engine);
    }
    return engine;
  };

  /** Run the engine on the facts: what fired, after precedence. */
  async function fire(facts: Facts) {
    const key = typeof facts.question === 'string' ? `question:${facts.question}` : String(facts.eventType);
    const { events } = await engineFor(key).run(facts);
    const fired = events.map((e) => {
      const { ruleId, version, ...params } = e.params as { ruleId: string; version: number };
      const rule = book.byId.get(ruleId)!;
      return { rule, version: rule.versions[version]!, outcome: Outcome.parse({ type: e.type, params }) };
    });
    return applyPrecedence(fired.map((f) => f.rule)).map((rule) => fired.find((f) => f.rule === rule)!);
  }

  // Questions about posts repeat with the same facts (every pair of posts, every post of a list): answer each once.
  const answers = new Map<string, ReturnType<typeof fire>>();
  function fireOnce(facts: Facts) {
    const key = JSON.stringify(facts);
    let answer = answers.get(key);
    if (!answer) {
      answer = fire(facts);
      answers.set(key, answer);
    }
    return answer;
  }

  async function decide(facts: Facts, context: QuestionContext & { dateFromSource: boolean }, memo = false): Promise<Finding[]> {
    const kept = await (memo ? fireOnce(facts) : fire(facts));
    return kept.map(
      ({ rule, version, outcome }): Finding => ({
        ruleId: rule.spec.id,
        ruleFile: rule.file,
        title: rule.spec.title,
        citation: version.citation,
        outcome,
        eventSeq: context.eventSeq,
        personId: context.personId,
        effectiveDate: context.date,
        dateFromSource: context.dateFromSource,
        facts,
      }),
    );
  }

  return {
    evaluate(roster, event) {
      const own = 'date' in event && event.date ? event.date : undefined;
      return decide(factsFor(roster, event), {
        eventSeq: event.seq,
        personId: 'personId' in event ? event.personId : undefined,
        date: effectiveDate(event),
        dateFromSource: own === undefined,
      });
    },
    ask(question, asked, context) {
      const facts: Facts = { ...EVENT_FACTS_ABSENT, eventDate: context.date ?? null, ...NO_POST_FACTS, ...settings, ...asked, question };
      return decide(facts, { ...context, dateFromSource: false }, true);
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
