/**
 * Loads `rules/`: the law timeline (`laws.json`) and one rule file per provision in the topic folders.
 * Everything is validated on load; an error names the file and the JSON path.
 */
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { chineseNumber, Day } from '../domain/dates.js';
import { DomainError, jsonPath } from '../domain/errors.js';
import type { Citation } from '../domain/findings.js';
import { deepestIssue } from '../domain/validation.js';
import { type CitationSpec, RuleFile } from './rule-file.js';
import { Settings } from './settings.js';

const Laws = z.strictObject({
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
type Laws = z.infer<typeof Laws>;

/** One rule with one of its citations, for the period that citation is in force. */
export interface RuleVersion {
  readonly citation: Citation;
  readonly from: string | undefined;
  readonly to: string | undefined;
}

export interface LoadedRule {
  readonly file: string;
  readonly spec: RuleFile;
  readonly versions: readonly RuleVersion[];
}

export interface RuleBook {
  readonly dir: string;
  readonly laws: Laws;
  readonly settings: Settings;
  readonly rules: readonly LoadedRule[];
  readonly byId: ReadonlyMap<string, LoadedRule>;
}

function readJson(file: string, label: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DomainError('invalid-rule-file', `无法读取${label}：${(e as Error).message}`, file);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DomainError('invalid-rule-file', `不是有效的 JSON：${(e as Error).message}`, file);
  }
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = deepestIssue(result.error.issues);
  throw new DomainError('invalid-rule-file', `${jsonPath(issue.path)}：${issue.message}`, file);
}

function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const later = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined ? a : a > b ? a : b);
const earlier = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined ? a : a < b ? a : b);

/** 代表法（2015年修正）第四十九条第（一）项 */
function citationText(lawName: string, label: string, spec: { article: number; paragraph?: number; item?: number }): string {
  let text = `${lawName}（${label}）第${chineseNumber(spec.article)}条`;
  if (spec.paragraph) text += `第${chineseNumber(spec.paragraph)}款`;
  if (spec.item) text += `第（${chineseNumber(spec.item)}）项`;
  return text;
}

function resolveCitation(spec: CitationSpec, index: number, laws: Laws, file: string): RuleVersion[] {
  if ('practice' in spec) {
    return [{ citation: { text: spec.practice, mark: spec.mark, ...range(spec.from, spec.to) }, from: spec.from, to: spec.to }];
  }
  const law = laws.laws[spec.law];
  const where = `${jsonPath(['citations', index])}`;
  if (!law) throw new DomainError('invalid-rule-file', `${where}.law：laws.json 中没有法律“${spec.law}”`, file);
  return spec.revisions.map((revisionId, r) => {
    const at = law.revisions.findIndex((rev) => rev.id === revisionId);
    const revision = law.revisions[at];
    if (!revision) {
      throw new DomainError('invalid-rule-file', `${where}.revisions[${r}]：${spec.law}没有“${revisionId}”修正文本`, file);
    }
    const next = law.revisions[at + 1];
    const from = later(revision.inForce, spec.from);
    const to = earlier(next ? dayBefore(next.inForce) : undefined, spec.to);
    return {
      citation: {
        text: citationText(spec.law, revision.label, spec),
        law: spec.law,
        lawTitle: law.title,
        revision: revision.id,
        article: spec.article,
        ...(spec.paragraph ? { paragraph: spec.paragraph } : {}),
        ...(spec.item ? { item: spec.item } : {}),
        mark: spec.mark,
        ...range(from, to),
      },
      from,
      to,
    };
  });
}

function range(from: string | undefined, to: string | undefined) {
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

function overlaps(a: RuleVersion, b: RuleVersion): boolean {
  return (a.to === undefined || b.from === undefined || b.from <= a.to) && (b.to === undefined || a.from === undefined || a.from <= b.to);
}

function listRuleFiles(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch (e) {
    throw new DomainError('invalid-rule-file', `无法读取规则目录：${(e as Error).message}`, dir);
  }
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.json') && path.resolve(e.parentPath) !== path.resolve(dir))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

export function loadRuleBook(dir: string): RuleBook {
  const lawsFile = path.join(dir, 'laws.json');
  const laws = parseOrThrow(Laws, readJson(lawsFile, '法律修正时间表'), lawsFile);
  const settingsFile = path.join(dir, 'settings.json');
  const settings = parseOrThrow(Settings, readJson(settingsFile, '规则配置'), settingsFile);
  const rules: LoadedRule[] = [];
  const byId = new Map<string, LoadedRule>();
  for (const file of listRuleFiles(dir)) {
    const spec = parseOrThrow(RuleFile, readJson(file, '规则文件'), file);
    const versions = spec.citations.flatMap((c, i) => resolveCitation(c, i, laws, file));
    for (const [i, v] of versions.entries()) {
      const clash = versions.slice(i + 1).find((w) => overlaps(v, w));
      if (clash) {
        throw new DomainError('invalid-rule-file', `$.citations：“${v.citation.text}”与“${clash.citation.text}”的施行期间重叠`, file);
      }
    }
    const twin = byId.get(spec.id);
    if (twin) throw new DomainError('invalid-rule-file', `$.id：规则编号“${spec.id}”与 ${twin.file} 重复`, file);
    const loaded = { file: path.relative(path.dirname(path.resolve(dir)), file), spec, versions };
    rules.push(loaded);
    byId.set(spec.id, loaded);
  }
  for (const rule of rules) {
    rule.spec.overrides.forEach((id, i) => {
      if (!byId.has(id)) throw new DomainError('invalid-rule-file', `$.overrides[${i}]：没有编号为“${id}”的规则`, rule.file);
    });
  }
  return { dir, laws, settings, rules, byId };
}
