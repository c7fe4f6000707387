/**
 * What each operator a rule file may use means, written once for both evaluators: the date operators
 * are registered with json-rules-engine from here, and the compiled rules call the same functions.
 *
 * The others restate json-rules-engine 7's defaults (dist/engine-default-operators.js) to the letter,
 * fact-value validators included, because that is where a naive compiler goes wrong:
 * - `contains` / `doesNotContain` are false for any fact that is not an array (so `doesNotContain`
 *   is not the negation of `contains`);
 * - the comparisons are false for a fact `parseFloat` reads as NaN (null, true, "abc"), and otherwise
 *   compare with JavaScript's `<` ("12" < 2 is false, " 5" < 10 is true);
 * - `in` / `notIn` call the value's `indexOf`: strict equality in an array, a substring search in a
 *   string (`"pending" in "suspended-pending"`), and a TypeError for any other value;
 * - `equal` / `notEqual` are `===` / `!==` (null equals only null).
 * The differential test (test/engine/compiled-rules.test.ts) holds these to the engine's own.
 */
import type { OPERATORS } from './rule-file.js';

export type OperatorName = (typeof OPERATORS)[number];
type Test = (fact: unknown, value: unknown) => boolean;

const isNumeric = (fact: unknown) => Number.parseFloat(fact as string).toString() !== 'NaN';
const indexOf = (within: unknown, what: unknown) => (within as { indexOf(x: unknown): number }).indexOf(what);
/** Legal dates are ISO strings of day or month precision: string order is date order. */
const isDay = (v: unknown): v is string => typeof v === 'string' && v.length >= 7;

/** The date operators the project adds to json-rules-engine. */
export const DATE_OPERATORS = {
  dateOnOrAfter: (fact: unknown, bound: unknown) => isDay(fact) && fact >= (bound as string),
  dateOnOrBefore: (fact: unknown, bound: unknown) => isDay(fact) && fact.slice(0, (bound as string).length) <= (bound as string),
} satisfies Record<string, Test>;

export const OPERATOR_TESTS: Record<OperatorName, Test> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => indexOf(b, a) > -1,
  notIn: (a, b) => indexOf(b, a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumeric(a) && (a as number) >= (b as number),
  ...DATE_OPERATORS,
};
