/**
 * Citations resolved against the law timeline (`rules/laws.json`): each citation of a rule file
 * becomes one version of the rule per revision, in force from that revision's date to the next's,
 * narrowed by the citation's own period and levels.
 */
import * as z from 'zod';
import { chineseNumber, Day, dayBefore } from '../domain/dates.js';
import { DomainError, jsonPath } from '../domain/errors.js';
import type { CongressLevel } from '../domain/events.js';
import type { Citation } from '../domain/findings.js';
import type { CitationSpec, EngineRule } from './rule-file.js';

function lawsOf() {
  return z.strictObject({
    $comment: z.string().optional(),
    laws: z.record(
      z.string(),
      z.strictObject({
        title: z.string().min(1),
        revisions: z
          .array(
            z.strictObject({
              id: z.string().min(1),
              label: z.string().min(1),
              inForce: Day,
              mark: z.enum(['V', 'S', 'I', '?']),
              note: z.string().optional(),
            }),
          )
          .min(1),
      }),
    ),
  });
}

let laws: ReturnType<typeof lawsOf> | undefined;
/**
 * The schema of `laws.json` (and of an overlay's own texts), made when a file is first validated:
 * a command whose rule files were validated before (src/store/file-validated-rules.ts) needs none.
 */
export function lawsSchema(): ReturnType<typeof lawsOf> {
  laws ??= lawsOf();
  return laws;
}
export type Laws = z.infer<ReturnType<typeof lawsOf>>;

/** One rule with one of its citations, for the period (and levels) that citation is in force. */
export interface RuleVersion {
  readonly citation: Citation;
  readonly from: string | undefined;
  readonly to: string | undefined;
  /** The levels of congress this version governs; all when undefined. */
  readonly levels: readonly CongressLevel[] | undefined;
  /** The rule file it comes from (a province's file for an overlay's version). */
  readonly file: string;
  /** The json-rules-engine rule it runs. */
  readonly rule: EngineRule;
  /** The province whose overlay it comes from; undefined for a national rule. */
  readonly region: string | undefined;
}

const later = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined ? a : a > b ? a : b);
const earlier = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined ? a : a < b ? a : b);

/** 代表法（2015年修正）第四十九条第（一）项 */
function citationText(
  lawName: string,
  label: string,
  spec: { article: number; paragraph?: number; item?: number; gloss?: string },
): string {
  let text = `${lawName}（${label}）第${chineseNumber(spec.article)}条`;
  if (spec.paragraph) text += `第${chineseNumber(spec.paragraph)}款`;
  if (spec.item) text += `第（${chineseNumber(spec.item)}）项`;
  if (spec.gloss) text += `（${spec.gloss}）`;
  return text;
}

function range(from: string | undefined, to: string | undefined) {
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

export interface VersionOrigin {
  readonly file: string;
  readonly rule: EngineRule;
  readonly region: string | undefined;
}

/** The versions one citation gives: one per revision for a statute, one for practice or custom. */
export function resolveCitation(spec: CitationSpec, index: number, laws: Laws, origin: VersionOrigin): RuleVersion[] {
  const where = jsonPath(['citations', index]);
  const levels = spec.levels;
  const scoped = { levels, ...origin };
  if ('custom' in spec) {
    const citation: Citation = {
      kind: 'custom',
      text: '依惯例',
      note: spec.custom,
      mark: spec.mark,
      ...range(spec.from, spec.to),
      ...(levels ? { levels } : {}),
    };
    return [{ citation, from: spec.from, to: spec.to, ...scoped }];
  }
  if ('practice' in spec) {
    if (spec.from === undefined || spec.from < spec.adopted) {
      throw new DomainError(
        'invalid-rule-file',
        `${where}.from：所依据的文本${spec.adopted}才通过，引用不能早于该日期施行（from 应不早于 adopted）`,
        origin.file,
      );
    }
    const citation: Citation = {
      kind: 'practice',
      text: spec.practice,
      mark: spec.mark,
      ...range(spec.from, spec.to),
      ...(levels ? { levels } : {}),
    };
    return [{ citation, from: spec.from, to: spec.to, ...scoped }];
  }
  const law = laws.laws[spec.law];
  if (!law) throw new DomainError('invalid-rule-file', `${where}.law：laws.json 中没有法律“${spec.law}”`, origin.file);
  return spec.revisions.map((revisionId, r) => {
    const at = law.revisions.findIndex((rev) => rev.id === revisionId);
    const revision = law.revisions[at];
    if (!revision) {
      throw new DomainError('invalid-rule-file', `${where}.revisions[${r}]：${spec.law}没有“${revisionId}”修正文本`, origin.file);
    }
    const next = law.revisions[at + 1];
    const from = later(revision.inForce, spec.from);
    const to = earlier(next ? dayBefore(next.inForce) : undefined, spec.to);
    const citation: Citation = {
      kind: 'statute',
      text: citationText(spec.law, revision.label, spec),
      law: spec.law,
      lawTitle: law.title,
      revision: revision.id,
      article: spec.article,
      ...(spec.paragraph ? { paragraph: spec.paragraph } : {}),
      ...(spec.item ? { item: spec.item } : {}),
      mark: spec.mark,
      ...range(from, to),
      ...(levels ? { levels } : {}),
    };
    return { citation, from, to, ...scoped };
  });
}

const ALL_LEVELS: readonly CongressLevel[] = ['national', 'provincial', 'municipal', 'county', 'township'];

export function levelsOf(v: { levels: readonly CongressLevel[] | undefined }): readonly CongressLevel[] {
  return v.levels ?? ALL_LEVELS;
}

/** Two versions govern some same day at some same level. */
export function overlaps(a: RuleVersion, b: RuleVersion): boolean {
  const periods =
    (a.to === undefined || b.from === undefined || b.from <= a.to) && (b.to === undefined || a.from === undefined || a.from <= b.to);
  return periods && levelsOf(a).some((l) => levelsOf(b).includes(l));
}
