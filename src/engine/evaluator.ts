/**
 * The rules' findings: what fires on an event's facts (or a question's), after the stated precedence
 * between rules, as typed findings carrying the rule, the citation in force and the facts. Which
 * rules fire is a decider's answer (./deciders.ts): the compiled rules by default, json-rules-engine
 * itself with `engine: 'reference'` (`roster --engine reference`).
 */
import { DomainError } from '../domain/errors.js';
import { effectiveDate, type RosterEvent } from '../domain/events.js';
import type { Finding } from '../domain/findings.js';
import { leavesOf } from './compile-rules.js';
import { compiledDecider, type Decider, memoised, referenceDecider } from './deciders.js';
import { type Condition, engineRules } from './engine-rules.js';
import type { Facts } from './facts.js';
import { EVENT_FACTS_ABSENT, NO_POST_FACTS, type Question, type QuestionFacts, settingFacts } from './post-facts.js';
import type { LoadedRule, RuleBook } from './rule-book.js';

/** What a question about a post or an oath is asked about: the event it arises from, the person, the date. */
export interface QuestionContext {
  readonly eventSeq: number;
  readonly personId: string | undefined;
  readonly date: string | undefined;
}

export interface Evaluator {
  /**
   * Whether the law decides what events of this type mean for a mandate: some rule file speaks of
   * the type (tests `eventType` for it). An event of such a type that no rule in force on its date
   * decides is reported by `roster check`; other events change no mandate.
   */
  decides(eventType: RosterEvent['type']): boolean;
  /** The findings for an event, on the facts as the roster stood just before it (`factsFor`). */
  evaluate(event: RosterEvent, facts: Facts): Promise<Finding[]>;
  /** Ask the rules a question about posts or oaths (rules/posts, rules/cascade, rules/oath). */
  ask(question: Question, facts: QuestionFacts, context: QuestionContext): Promise<Finding[]>;
}

/** `compiled`: the rule files compiled to functions; `reference`: json-rules-engine interprets them. */
export type EngineKind = 'compiled' | 'reference';
export const ENGINE_KINDS: readonly EngineKind[] = ['compiled', 'reference'];

export interface EvaluatorOptions {
  readonly engine?: EngineKind;
  /**
   * Remember answers by the values of the facts the rules read. Default: on for the compiled rules,
   * off for the reference, so that `--engine reference` puts every decision to json-rules-engine.
   */
  readonly memo?: boolean;
}

export function createEvaluator(book: RuleBook, options: EvaluatorOptions = {}): Evaluator {
  const engine = options.engine ?? 'compiled';
  const rules = engineRules(book);
  const plain = engine === 'reference' ? referenceDecider(rules) : compiledDecider(rules);
  const decider: Decider = (options.memo ?? engine === 'compiled') ? memoised(plain) : plain;
  const settings = settingFacts(book.settings);

  async function decide(facts: Facts, context: QuestionContext & { dateFromSource: boolean }): Promise<Finding[]> {
    const fired = await decider.fire(facts);
    return applyPrecedence(fired.map((f) => f.rule)).map((rule): Finding => {
      const { version, outcome } = fired.find((f) => f.rule === rule)!;
      return {
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
      };
    });
  }

  const decided = new Set(book.rules.flatMap((r) => eventTypesNamed(r.spec.rule.conditions)));
  return {
    decides: (eventType) => decided.has(eventType),
    evaluate(event, facts) {
      const own = 'date' in event && event.date ? event.date : undefined;
      return decide(facts, {
        eventSeq: event.seq,
        personId: 'personId' in event ? event.personId : undefined,
        date: effectiveDate(event),
        dateFromSource: own === undefined,
      });
    },
    ask(question, asked, context) {
      const facts: Facts = { ...EVENT_FACTS_ABSENT, eventDate: context.date ?? null, ...NO_POST_FACTS, ...settings, ...asked, question };
      return decide(facts, { ...context, dateFromSource: false });
    },
  };
}

/** The event types a rule's conditions name anywhere (`eventType` equal to one, or in a list). */
function eventTypesNamed(conditions: Condition): string[] {
  return leavesOf(conditions)
    .filter((c) => c.fact === 'eventType')
    .flatMap((c) => (c.operator === 'equal' ? [c.value] : c.operator === 'in' && Array.isArray(c.value) ? c.value : []))
    .filter((v): v is string => typeof v === 'string');
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
