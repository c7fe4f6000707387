/**
 * Loads `rules/`: the law timeline (`laws.json`), one rule file per provision in the topic folders,
 * and the provinces' overlays in `regions/<folder>/`. Everything is validated on load; an error names
 * the file and the JSON path.
 */
import { createHash } from 'node:crypto';
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type * as z from 'zod';
import { DomainError, jsonPath } from '../domain/errors.js';
import type { Congress, CongressLevel } from '../domain/events.js';
import { jsonProblem } from '../domain/json-text.js';
import { deepestIssue } from '../domain/validation.js';
import { type Laws, lawsSchema, overlaps, resolveCitation } from './citations.js';
import { composeRegion, type LoadedRule, type Region, type RuleSet } from './regions.js';
import { ruleFileSchemas } from './rule-file.js';
import { type Settings, settingsSchema } from './settings.js';

export type { RuleVersion } from './citations.js';
export type { LoadedRule, Region, RuleSet } from './regions.js';

export interface RuleBook extends RuleSet {
  readonly dir: string;
  readonly laws: Laws;
  readonly settings: Settings;
  /** The provinces whose rules are read over the national ones, by short name (浙江). */
  readonly regions: ReadonlyMap<string, Region>;
  /**
   * SHA-256 of what the rules say (the law timeline, the settings, every rule as loaded, in file
   * order, and every province's overlay), whatever the files' whitespace or the folder's name: what
   * is derived through them is keyed by it.
   */
  readonly hash: string;
  /** The same hash, as the kept replay's key names it (src/app/kept-replay.ts). */
  readonly fingerprint: string;
}

/** Deeper than any rule needs (the deepest conditions in rules/ nest about ten levels), and shallow enough to validate safely. */
const MAX_RULE_DEPTH = 48;

/** Where a congress sits for the rules: its level, and the province whose overlay applies (if any). */
export interface Jurisdiction {
  readonly level: CongressLevel | null;
  /** The province's short name (浙江), or null where no overlay applies. */
  readonly region: string | null;
}

const REGIONS = 'regions';

/**
 * Rule files that passed validation before, by a key of their bytes and the schema they were read
 * with: such a file is taken as it was validated, not checked again. Validating the rules folder
 * (its JSON scanned for duplicate keys and depth, every file through its schema) was a fifth of a
 * small command's time. Only files that passed are ever remembered, so a broken file is always told.
 */
export interface ValidatedFiles {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

const noMemo: ValidatedFiles = { get: () => undefined, set: () => undefined };

function readText(file: string, label: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new DomainError('invalid-rule-file', `无法读取${label}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file);
  }
}

function parseJson(text: string, file: string): unknown {
  // Syntax named by line and column, a key given twice, nesting too deep for a rule: before anything recursive reads it.
  const problem = jsonProblem(text, { maxDepth: MAX_RULE_DEPTH, what: '规则文件的条件' });
  if (problem) throw new DomainError('invalid-rule-file', problem, file);
  return JSON.parse(text);
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = deepestIssue(result.error.issues);
  throw new DomainError('invalid-rule-file', `${jsonPath(issue.path)}：${issue.message}`, file);
}

/**
 * Reads one file of the rules folder through its schema (`kind` names the schema in the memo's key);
 * the schema is asked for only when the file was not validated before.
 */
type Reader = <T>(schema: () => z.ZodType<T>, kind: string, file: string, label: string) => T;

function readerWith(memo: ValidatedFiles): Reader {
  return <T>(schema: () => z.ZodType<T>, kind: string, file: string, label: string): T => {
    const text = readText(file, label);
    const key = createHash('sha256').update(kind).update('\0').update(text).digest('hex');
    const known = memo.get(key);
    if (known !== undefined) return known as T;
    const value = parseOrThrow(schema(), parseJson(text, file), file);
    memo.set(key, value);
    return value;
  };
}

function listEntries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch (e) {
    throw new DomainError('invalid-rule-file', `无法读取规则目录：${(e as Error).message}`, dir);
  }
}

/** The rule files under `dir` in topic folders, leaving out `skip` (the regions folder) and files at its top. */
function listRuleFiles(dir: string, skip?: string): string[] {
  const top = path.resolve(dir);
  return listEntries(dir)
    .filter((e) => e.isFile() && e.name.endsWith('.json') && path.resolve(e.parentPath) !== top)
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => skip === undefined || !path.resolve(f).startsWith(path.resolve(skip) + path.sep))
    .sort();
}

/** Each rule file of a folder, validated, with its citations resolved into versions. */
function loadRules(read: Reader, files: readonly string[], laws: Laws, root: string, region: string | undefined): LoadedRule[] {
  const rules: LoadedRule[] = [];
  const byId = new Map<string, LoadedRule>();
  for (const file of files) {
    const spec = read(() => ruleFileSchemas().RuleFile, 'rule', file, '规则文件');
    const shown = path.relative(root, file);
    const versions = spec.citations.flatMap((c, i) => resolveCitation(c, i, laws, { file: shown, rule: spec.rule, region }));
    for (const [i, v] of versions.entries()) {
      const clash = versions.slice(i + 1).find((w) => overlaps(v, w));
      if (clash) {
        throw new DomainError('invalid-rule-file', `$.citations：“${v.citation.text}”与“${clash.citation.text}”的施行期间重叠`, file);
      }
    }
    const twin = byId.get(spec.id);
    if (twin) throw new DomainError('invalid-rule-file', `$.id：规则编号“${spec.id}”与 ${twin.file} 重复`, file);
    const loaded = { file: shown, spec, versions };
    rules.push(loaded);
    byId.set(spec.id, loaded);
  }
  return rules;
}

function checkOverrides(set: RuleSet, own: readonly LoadedRule[]): void {
  for (const rule of own) {
    rule.spec.overrides.forEach((id, i) => {
      if (!set.byId.has(id)) throw new DomainError('invalid-rule-file', `$.overrides[${i}]：没有编号为“${id}”的规则`, rule.file);
    });
  }
}

function loadRegions(read: Reader, dir: string, laws: Laws, root: string, national: RuleSet): Map<string, Region> {
  const regionsDir = path.join(dir, REGIONS);
  const regions = new Map<string, Region>();
  let folders: Dirent[] = [];
  try {
    folders = readdirSync(regionsDir, { withFileTypes: true }).filter((e) => e.isDirectory());
  } catch {
    return regions; // no overlays: national rules only
  }
  for (const folder of folders.sort((a, b) => a.name.localeCompare(b.name))) {
    const base = path.join(regionsDir, folder.name);
    const regionFile = path.join(base, 'region.json');
    const spec = read(() => ruleFileSchemas().RegionFile, 'region', regionFile, '省级规则说明（region.json）');
    const clash = Object.keys(spec.laws).find((name) => name in laws.laws);
    if (clash) throw new DomainError('invalid-rule-file', `$.laws：“${clash}”已在 laws.json 中`, regionFile);
    const overlay = loadRules(read, listRuleFiles(base), { laws: { ...laws.laws, ...spec.laws } }, root, spec.shortName);
    const { rules, overrides } = composeRegion(national, overlay);
    checkOverrides(rules, overlay);
    const twin = regions.get(spec.shortName);
    if (twin) throw new DomainError('invalid-rule-file', `$.shortName：“${spec.shortName}”与 ${twin.file} 重复`, regionFile);
    regions.set(spec.shortName, { folder: folder.name, file: path.relative(root, regionFile), spec, overlay, overrides, rules });
  }
  return regions;
}

/** `validated`: the files validated before (src/store/file-validated-rules.ts keeps them between commands). */
export function loadRuleBook(dir: string, validated: ValidatedFiles = noMemo): RuleBook {
  const read = readerWith(validated);
  const root = path.dirname(path.resolve(dir));
  const laws: Laws = read(lawsSchema, 'laws', path.join(dir, 'laws.json'), '法律修正时间表');
  const settings: Settings = read(settingsSchema, 'settings', path.join(dir, 'settings.json'), '规则配置');
  const rules = loadRules(read, listRuleFiles(dir, path.join(dir, REGIONS)), laws, root, undefined);
  const national: RuleSet = { rules, byId: new Map(rules.map((r) => [r.spec.id, r])) };
  checkOverrides(national, rules);
  const regions = loadRegions(read, dir, laws, root, national);
  const hash = createHash('sha256')
    .update(
      JSON.stringify({
        laws,
        settings,
        rules: rules.map((r) => r.spec),
        regions: [...regions.values()].map((r) => [r.spec, r.overlay.map((o) => o.spec)]),
      }),
    )
    .digest('hex');
  return { dir, laws, settings, ...national, regions, hash, fingerprint: hash };
}

/** The province a name stands for: 浙江, 浙江省. */
export function findRegion(book: RuleBook, name: string): Region | undefined {
  return [...book.regions.values()].find((r) => r.spec.shortName === name || r.spec.name === name);
}

/**
 * The region fact of a congress: its province's overlay, found from the congress's `province`, or for
 * a provincial congress its `region`, or for a lower one its `region` among the province's areas. The
 * national congress is under no province.
 */
export function jurisdictionOf(book: RuleBook, congress: Congress | undefined): Jurisdiction {
  if (!congress) return { level: null, region: null };
  if (congress.level === 'national') return { level: 'national', region: null };
  const named = congress.province ?? (congress.level === 'provincial' ? congress.region : undefined);
  const region = named ? findRegion(book, named) : [...book.regions.values()].find((r) => r.spec.areas.includes(congress.region));
  return { level: congress.level, region: region?.spec.shortName ?? null };
}

/** The rules in force for a jurisdiction: the national ones, read with its province's where it has one. */
export function ruleSetFor(book: RuleBook, region: string | null): RuleSet {
  return (region && book.regions.get(region)?.rules) || book;
}
