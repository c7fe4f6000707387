/**
 * The shape of a rule file: one legal provision, an untouched json-rules-engine rule inside a small
 * wrapper that carries its id, title, the citations by revision, and its precedence over other rules.
 */
import { z } from 'zod';
import { Day } from '../domain/dates.js';
import { Outcome } from '../domain/findings.js';
import { FACT_NAMES } from './facts.js';

const Mark = z.enum(['V', 'S', 'I', '?']);

/** A provision of a statute, in one or more revisions that share its numbering. */
const StatuteCitation = z.strictObject({
  law: z.string().min(1),
  revisions: z.array(z.string().min(1)).min(1),
  article: z.number().int().positive(),
  paragraph: z.number().int().positive().optional(),
  item: z.number().int().positive().optional(),
  mark: Mark,
  /** Narrow the period the revisions give (e.g. a provision added part-way). */
  from: Day.optional(),
  to: Day.optional(),
  quote: z.string().optional(),
});

/** Practice or a local rule relied on where no statute speaks. */
const PracticeCitation = z.strictObject({
  practice: z.string().min(1),
  mark: Mark,
  from: Day.optional(),
  to: Day.optional(),
});

export const CitationSpec = z.union([StatuteCitation, PracticeCitation]);
export type CitationSpec = z.infer<typeof CitationSpec>;
export type StatuteCitationSpec = z.infer<typeof StatuteCitation>;

export const OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'dateOnOrAfter',
  'dateOnOrBefore',
] as const;

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { fact: string; operator: string; value: unknown; path?: string };

const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
    z.strictObject({
      fact: z.enum(FACT_NAMES, { error: (i) => `未知的事实 ${JSON.stringify(i.input)}；可用：${FACT_NAMES.join('、')}` }),
      operator: z.enum(OPERATORS, { error: (i) => `未知的运算符 ${JSON.stringify(i.input)}` }),
      value: z.unknown().refine((v) => v !== undefined, '缺少 value'),
      path: z.string().optional(),
    }),
  ]),
);

export const RuleFile = z.strictObject({
  $comment: z.string().optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'id 只能由小写字母、数字、点和连字符组成'),
  title: z.string().min(1),
  citations: z.array(CitationSpec).min(1),
  /** Rules this one takes precedence over when both apply to the same event (like Catala's exceptions). */
  overrides: z.array(z.string()).default([]),
  rule: z.strictObject({
    conditions: z.union([z.strictObject({ all: z.array(Condition).min(1) }), z.strictObject({ any: z.array(Condition).min(1) })]),
    event: Outcome,
  }),
});
export type RuleFile = z.infer<typeof RuleFile>;
