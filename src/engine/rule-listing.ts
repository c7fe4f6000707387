/**
 * What `roster rules` shows: the rules in force for the national congress and the congresses of no
 * province, or for one province's congresses, with each version's citation, period and levels, and
 * which national rules the province's overlay overrides (and where the national rule still governs).
 */
import { DomainError } from '../domain/errors.js';
import type { RuleVersion } from './citations.js';
import { findRegion, type RuleBook } from './rule-book.js';

export interface ListedVersion {
  readonly citation: string;
  readonly mark: string;
  readonly kind: string;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly levels: readonly string[] | undefined;
  readonly file: string;
  /** 浙江 for a version from that province's overlay. */
  readonly region: string | undefined;
}

export interface ListedRule {
  readonly id: string;
  readonly title: string;
  /** national: as in rules/; regional: the province's own rule; overridden: a national rule the province overrides where its citations are in force. */
  readonly origin: 'national' | 'regional' | 'overridden';
  readonly versions: readonly ListedVersion[];
  /** For an overridden rule: the national file it overrides. */
  readonly overrides: string | undefined;
}

export interface RuleListing {
  readonly region:
    | { readonly name: string; readonly shortName: string; readonly file: string; readonly areas: readonly string[] }
    | undefined;
  /** The provinces that have an overlay. */
  readonly regions: readonly string[];
  readonly date: string | undefined;
  readonly rules: readonly ListedRule[];
}

const inForceOn = (v: RuleVersion, date: string | undefined) =>
  date === undefined || ((v.from === undefined || v.from <= date) && (v.to === undefined || date <= v.to));

function listed(v: RuleVersion): ListedVersion {
  return {
    citation: v.citation.kind === 'custom' ? `依惯例（${v.citation.note}）` : v.citation.text,
    mark: v.citation.mark,
    kind: v.citation.kind,
    from: v.from,
    to: v.to,
    levels: v.levels,
    file: v.file,
    region: v.region,
  };
}

export function listRules(book: RuleBook, regionName?: string, date?: string): RuleListing {
  const region = regionName === undefined ? undefined : findRegion(book, regionName);
  if (regionName !== undefined && !region) {
    const known = [...book.regions.keys()].join('、') || '无';
    throw new DomainError('invalid-input', `没有“${regionName}”的省级规则（已有：${known}）`, '--region');
  }
  const set = region?.rules ?? book;
  const overridden = new Map(region?.overrides.map((o) => [o.id, o]) ?? []);
  const rules = set.rules
    .map((r): ListedRule => {
      const o = overridden.get(r.spec.id);
      const origin = o ? 'overridden' : r.versions.some((v) => v.region === undefined) ? 'national' : 'regional';
      return {
        id: r.spec.id,
        title: r.spec.title,
        origin,
        versions: r.versions.filter((v) => inForceOn(v, date)).map(listed),
        overrides: o?.nationalFile,
      };
    })
    .filter((r) => r.versions.length > 0);
  return {
    region: region && { name: region.spec.name, shortName: region.spec.shortName, file: region.file, areas: region.spec.areas },
    regions: [...book.regions.keys()],
    date,
    rules,
  };
}
