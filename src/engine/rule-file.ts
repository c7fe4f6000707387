/**
 * The shape of a rule file: one legal provision, an untouched json-rules-engine rule inside a small
 * wrapper that carries its id, title, the citations by revision, and its precedence over other rules.
 */
import * as z from 'zod';
import { Day } from '../domain/dates.js';
import { CongressLevel } from '../domain/events.js';
import { outcomeSchema } from '../domain/findings.js';
import { lawsSchema } from './citations.js';
import { FACT_NAMES } from './facts.js';

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

/**
 * The schemas, made when a rule file is first validated: a command whose rule files were validated
 * before (src/store/file-validated-rules.ts) builds none of them.
 */
function schemas() {
  const Mark = z.enum(['V', 'S', 'I', '?']);

  /** Where and when a citation is the one in force: its period and the levels of congress it governs. */
  const scope = {
    /** Narrow the period (e.g. a provision added part-way, or a practice evidenced from a date). */
    from: Day.optional(),
    to: Day.optional(),
    /** The levels of congress the text governs (the 全国人大组织法 the national one, 地方组织法 the others); all when absent. */
    levels: z.array(CongressLevel).min(1).optional(),
  };

  /** A provision of a statute, in one or more revisions that share its numbering. */
  const StatuteCitation = z.strictObject({
    law: z.string().min(1),
    revisions: z.array(z.string().min(1)).min(1),
    article: z.number().int().positive(),
    paragraph: z.number().int().positive().optional(),
    item: z.number().int().positive().optional(),
    mark: Mark,
    ...scope,
    /** What the provision is cited for, where that is not its plain words: （未要求代表身份）. */
    gloss: z.string().min(1).optional(),
    quote: z.string().optional(),
  });

  /**
   * Texts relied on where no statute speaks: a local rule, an NPCSC notice, a committee's answer.
   * `adopted` is the date of the latest text it names; the citation may not be in force before it,
   * so a finding never cites a text adopted after the event it judges.
   */
  const PracticeCitation = z.strictObject({
    practice: z.string().min(1),
    adopted: Day,
    mark: Mark,
    ...scope,
  });

  /** 依惯例: practice with no text in force that the project has verified; `custom` says what the practice is. */
  const CustomCitation = z.strictObject({
    custom: z.string().min(1),
    mark: Mark,
    ...scope,
  });

  const CitationSpec = z.union([StatuteCitation, PracticeCitation, CustomCitation]);

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

  const EngineRule = z.strictObject({
    conditions: z.union([z.strictObject({ all: z.array(Condition).min(1) }), z.strictObject({ any: z.array(Condition).min(1) })]),
    event: outcomeSchema(),
  });

  const RuleFile = z.strictObject({
    $comment: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'id 只能由小写字母、数字、点和连字符组成'),
    title: z.string().min(1),
    citations: z.array(CitationSpec).min(1),
    /** Rules this one takes precedence over when both apply to the same event (like Catala's exceptions). */
    overrides: z.array(z.string()).default([]),
    rule: EngineRule,
  });

  /**
   * `rules/regions/<folder>/region.json`: a province whose rules are read over the national ones. A
   * congress is in the province when it is the province's own congress (its `region` or `province`
   * is the name or short name) or when its region is one of `areas`.
   */
  const RegionFile = z.strictObject({
    $comment: z.string().optional(),
    /** 浙江省 */
    name: z.string().min(1),
    /** 浙江: what `roster rules --region` takes and findings show. */
    shortName: z.string().min(1),
    /** The 设区的市 and other areas whose congresses the province's rules govern, as congresses name their region. */
    areas: z.array(z.string().min(1)).default([]),
    /** Where the list of areas comes from. */
    areasSource: z.string().min(1).optional(),
    /** The province's own texts the overlay cites (same shape as `laws.json`): timeline of each. */
    laws: lawsSchema().shape.laws.default({}),
  });
  return { CitationSpec, StatuteCitation, EngineRule, RuleFile, RegionFile };
}

type Schemas = ReturnType<typeof schemas>;
export type CitationSpec = z.infer<Schemas['CitationSpec']>;
export type StatuteCitationSpec = z.infer<Schemas['StatuteCitation']>;
export type EngineRule = z.infer<Schemas['EngineRule']>;
export type RuleFile = z.infer<Schemas['RuleFile']>;
export type RegionFile = z.infer<Schemas['RegionFile']>;

let made: Schemas | undefined;
/** The schemas of a rule file and of a province's `region.json`. */
export function ruleFileSchemas(): Schemas {
  made ??= schemas();
  return made;
}
