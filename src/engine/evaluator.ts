/**
 * The rules' findings: what fires on an event's facts (or a question's), after the stated precedence
 * between rules, as typed findings carrying the rule, the citation in force and the facts. Which
 * rules fire is a decider's answer (./deciders.ts): the compiled rules by default, json-rules-engine
 * itself with `engine: 'reference'` (`roster --engine reference`).
 */
import { DomainError } from '../domain/errors.js';
import { type Congress, effectiveDate, type RosterEvent } from '../domain/events.js';
import type { Finding } from '../domain/findings.js';
import { leavesOf } from './compile-rules.js';
import { compiledDecider, type Decider, memoised, referenceDecider } from './deciders.js';
import type { Condition, EngineRule } from './engine-rules.js';
import type { Facts } from './facts.js';
import { EVENT_FACTS_ABSENT, NO_POST_FACTS, type Question, type QuestionFacts, settingFacts } from './post-facts.js';
import { type Jurisdiction, jurisdictionOf, type RuleBook } from './rule-book.js';

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
  /** The findings for an event, on the facts as the roster stood just before it (`factsFor`). */
  evaluate(event: RosterEvent, facts: Facts): Promise<Finding[]>;
  /** Ask the rules a question about posts or oaths (rules/posts, rules/cascade, rules/oath). */
  ask(question: Question, facts: QuestionFacts, context: QuestionContext): Promise<Finding[]>;
  /** The level and province of the congress a state (or a roster being derived) records: which rules apply to it. */
  jurisdiction(state: { readonly congress: Congress | undefined }): Jurisdiction;
}

/** `compiled`: the rule files compiled to functions; `reference`: json-rules-engine interprets them. */
export type EngineKind = 'compiled' | 'reference';
export const ENGINE_KINDS: readonly EngineKind[] = ['compiled', 'reference'];

export interface EvaluatorOptions {
  readonly engine?: EngineKind;
  /**
   * Remember answers by what decides them (the facts the rules read). Default: on for the compiled
   * rules, off for the reference, so that `--engine reference` puts every decision to json-rules-engine.
   */
  readonly memo?: boolean;
}

export function createEvaluator(book: RuleBook, options: EvaluatorOptions = {}): Evaluator {
  const engine = options.engine ?? 'compiled';
  const plain = engine === 'reference' ? referenceDecider(book) : compiledDecider(book);
  const decider: Decider = (options.memo ?? engine === 'compiled') ? memoised(plain) : plain;
  const settings = settingFacts(book.settings);

  async function decide(facts: Facts, context: QuestionContext & { dateFromSource: boolean }): Promise<Finding[]> {
    return applyPrecedence(await decider.fire(facts)).map(
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

  // The national rules and every province's: a type some overlay alone decides is decided there.
  const everyRule = [...book.rules, ...[...book.regions.values()].flatMap((r) => r.overlay)];
  const decided = new Set(everyRule.flatMap((r) => r.versions.flatMap((v) => eventTypesNamed(v.rule.conditions))));
  return {
    rulesHash: book.hash,
    book,
    decides: (eventType) => decided.has(eventType),
    jurisdiction: (state) => jurisdictionOf(book, state.congress),
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
 * Drop what another fired rule overrides. Two remaining rules with different outcomes and no
 * stated precedence are an error naming both files (the law must say which one wins).
 */
function applyPrecedence(fired: readonly EngineRule[]): EngineRule[] {
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
