/**
 * The json-rules-engine adapter: every rule version becomes one engine rule whose conditions are the
 * rule file's own plus the period (and levels) its citation is in force. The engine decides; this file
 * only maps what fired back to typed findings and enforces the stated precedence between rules.
 */
import { Engine } from 'json-rules-engine';
import { DomainError } from '../domain/errors.js';
import { effectiveDate, type RosterEvent } from '../domain/events.js';
import { type Finding, Outcome } from '../domain/findings.js';
import type { RosterState } from '../domain/roster.js';
import type { RuleVersion } from './citations.js';
import { type Facts, factsFor } from './facts.js';
import { EVENT_FACTS_ABSENT, NO_POST_FACTS, type Question, type QuestionFacts, settingFacts } from './post-facts.js';
import type { LoadedRule } from './regions.js';
import { type Jurisdiction, jurisdictionOf, type RuleBook, ruleSetFor } from './rule-book.js';
import type { Condition } from './rule-file.js';

/** What a question about a post or an oath is asked about: the event it arises from, the person, the date, the congress. */
export interface QuestionContext {
  readonly eventSeq: number;
  readonly personId: string | undefined;
  readonly date: string | undefined;
  /** The congress's level and province (`Evaluator.jurisdiction`); national rules at no level when absent. */
  readonly jurisdiction?: Jurisdiction;
}

export interface Evaluator {
  /** The rule book's hash (`RuleBook.hash`): what is derived through this evaluator is keyed by it. */
  readonly rulesHash: string;
  /** The rules it evaluates. */
  readonly book: RuleBook;
  /**
   * Whether the law decides what events of this type mean for a mandate: some rule file speaks of
   * the type (tests `eventType` for it). An event of such a type that no rule in force on its date
   * decides is reported by `roster check`; other events change no mandate.
   */
  decides(eventType: RosterEvent['type']): boolean;
  evaluate(state: RosterState, event: RosterEvent): Promise<Finding[]>;
  /** Ask the rules a question about posts or oaths (rules/posts, rules/cascade, rules/oath). */
  ask(question: Question, facts: QuestionFacts, context: QuestionContext): Promise<Finding[]>;
  /** The level and province of the congress a state records: which rules apply to it. */
  jurisdiction(state: RosterState): Jurisdiction;
}

const isDay = (v: unknown): v is string => typeof v === 'string' && v.length >= 7;

/**
 * The keys a rule version can fire for, read off its top-level `eventType` or `question` condition: an
 * event type, or `question:<name>`; undefined where the rule constrains neither. Used only to give each
 * key an engine holding the rules that could fire for it, so the engine does not test every rule on
 * every event; which of them fire is still the engine's decision.
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

/** The event types a rule's conditions name anywhere (`eventType` equal to one, or in a list). */
function eventTypesNamed(c: Condition): string[] {
  if ('all' in c) return c.all.flatMap(eventTypesNamed);
  if ('any' in c) return c.any.flatMap(eventTypesNamed);
  if ('not' in c) return eventTypesNamed(c.not);
  if (c.fact !== 'eventType') return [];
  const values = c.operator === 'equal' ? [c.value] : c.operator === 'in' && Array.isArray(c.value) ? c.value : [];
  return (values as unknown[]).filter((v): v is string => typeof v === 'string');
}

function buildEngine(rules: readonly LoadedRule[], key: string): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false, allowUndefinedConditions: false });
  // Legal dates are ISO strings of day or month precision: string order is date order.
  engine.addOperator<unknown, string>('dateOnOrAfter', (fact, bound) => isDay(fact) && fact >= bound);
  engine.addOperator<unknown, string>('dateOnOrBefore', (fact, bound) => isDay(fact) && fact.slice(0, bound.length) <= bound);
  for (const rule of rules) {
    rule.versions.forEach((version, index) => {
      if (!(keysOf(version)?.includes(key) ?? true)) return;
      const scope = [
        ...(version.from ? [{ fact: 'eventDate', operator: 'dateOnOrAfter', value: version.from }] : []),
        ...(version.to ? [{ fact: 'eventDate', operator: 'dateOnOrBefore', value: version.to }] : []),
        ...(version.levels ? [{ fact: 'congressLevel', operator: 'in', value: version.levels }] : []),
      ];
      engine.addRule({
        name: `${rule.spec.id}#${index}`,
        conditions: { all: [version.rule.conditions, ...scope] } as never,
        event: { type: version.rule.event.type, params: { ...version.rule.event.params, ruleId: rule.spec.id, version: index } },
      });
    });
  }
  return engine;
}

interface Fired {
  readonly rule: LoadedRule;
  readonly version: RuleVersion;
  readonly outcome: Outcome;
}

export function createEvaluator(book: RuleBook): Evaluator {
  const settings = settingFacts(book.settings);
  const engines = new Map<string, Engine>();
  const engineFor = (region: string | null, key: string): Engine => {
    const cacheKey = `${region ?? ''}|${key}`;
    let engine = engines.get(cacheKey);
    if (!engine) {
      engine = buildEngine(ruleSetFor(book, region).rules, key);
      engines.set(cacheKey, engine);
    }
    return engine;
  };

  /** Run the engine on the facts: what fired, after precedence. */
  async function fire(facts: Facts): Promise<Fired[]> {
    const key = typeof facts.question === 'string' ? `question:${facts.question}` : String(facts.eventType);
    const region = typeof facts.region === 'string' ? facts.region : null;
    const set = ruleSetFor(book, region);
    const { events } = await engineFor(region, key).run(facts);
    const fired = events.map((e): Fired => {
      const { ruleId, version, ...params } = e.params as { ruleId: string; version: number };
      const rule = set.byId.get(ruleId)!;
      return { rule, version: rule.versions[version]!, outcome: Outcome.parse({ type: e.type, params }) };
    });
    return applyPrecedence(fired);
  }

  // Questions about posts repeat with the same facts (every pair of posts, every post of a list): answer each once.
  const answers = new Map<string, Promise<Fired[]>>();
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
        ruleFile: version.file,
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

  const jurisdiction = (state: RosterState) => jurisdictionOf(book, state.congress);
  // The national rules and every province's: a type some overlay alone decides is decided there.
  const everyRule = [...book.rules, ...[...book.regions.values()].flatMap((r) => r.overlay)];
  const decided = new Set(everyRule.flatMap((r) => r.versions.flatMap((v) => eventTypesNamed(v.rule.conditions))));

  return {
    rulesHash: book.hash,
    book,
    decides: (eventType) => decided.has(eventType),
    jurisdiction,
    evaluate(state, event) {
      const own = 'date' in event && event.date ? event.date : undefined;
      return decide(factsFor(state, event, jurisdiction(state)), {
        eventSeq: event.seq,
        personId: 'personId' in event ? event.personId : undefined,
        date: effectiveDate(event),
        dateFromSource: own === undefined,
      });
    },
    ask(question, asked, context) {
      const where = context.jurisdiction ?? { level: null, region: null };
      const facts: Facts = {
        ...EVENT_FACTS_ABSENT,
        eventDate: context.date ?? null,
        congressLevel: where.level,
        region: where.region,
        ...NO_POST_FACTS,
        ...settings,
        ...asked,
        question,
      };
      return decide(facts, { ...context, dateFromSource: false }, true);
    },
  };
}

/**
 * Drop what another fired rule overrides. Two remaining rules with different outcomes and no
 * stated precedence are an error naming both files (the law must say which one wins).
 */
function applyPrecedence(fired: readonly Fired[]): Fired[] {
  const kept = fired.filter((f) => !fired.some((other) => other.rule !== f.rule && other.rule.spec.overrides.includes(f.rule.spec.id)));
  for (const a of kept) {
    for (const b of kept) {
      if (a.rule !== b.rule && a.outcome.type !== b.outcome.type) {
        throw new DomainError(
          'rule-conflict',
          `规则“${a.rule.spec.id}”（${a.version.file}）与“${b.rule.spec.id}”（${b.version.file}）对同一事件得出不同结论，且都未声明 overrides 优先关系`,
        );
      }
    }
  }
  return kept;
}
