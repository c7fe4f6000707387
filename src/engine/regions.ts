/**
 * Provincial rules as a layer over the national ones (OpenFisca's reforms): `rules/regions/<folder>/`
 * holds a `region.json` and rule files. A provincial rule with the id of a national rule overrides it
 * where its own citations are in force (their periods and levels); outside them the national rule
 * still governs. A provincial rule with a new id is added. Nothing national is copied.
 */

import { dayAfter, dayBefore } from '../domain/dates.js';
import type { CongressLevel } from '../domain/events.js';
import { levelsOf, type RuleVersion } from './citations.js';
import type { RegionFile, RuleFile } from './rule-file.js';

export interface LoadedRule {
  readonly file: string;
  readonly spec: RuleFile;
  readonly versions: readonly RuleVersion[];
}

/** A set of rules in force together: the national rules, or the national rules read with one province's. */
export interface RuleSet {
  readonly rules: readonly LoadedRule[];
  readonly byId: ReadonlyMap<string, LoadedRule>;
}

/** What a province's overlay did to one national rule. */
export interface Override {
  readonly id: string;
  readonly nationalFile: string;
  readonly regionalFile: string;
  /** The national versions that still govern somewhere (periods and levels the overlay leaves alone). */
  readonly nationalRemains: readonly RuleVersion[];
}

export interface Region {
  readonly folder: string;
  readonly file: string;
  readonly spec: RegionFile;
  /** The province's own rule files. */
  readonly overlay: readonly LoadedRule[];
  readonly overrides: readonly Override[];
  /** National and provincial rules as they apply to the province's congresses. */
  readonly rules: RuleSet;
}

type Span = { from: string | undefined; to: string | undefined };

/** A period minus other periods: the days of `span` none of `cuts` covers. */
function subtract(span: Span, cuts: readonly Span[]): Span[] {
  let pieces: Span[] = [span];
  for (const cut of cuts) {
    pieces = pieces.flatMap((p) => {
      const startsAfter = cut.from !== undefined && p.to !== undefined && cut.from > p.to;
      const endsBefore = cut.to !== undefined && p.from !== undefined && cut.to < p.from;
      if (startsAfter || endsBefore) return [p];
      const out: Span[] = [];
      if (cut.from !== undefined && (p.from === undefined || p.from < cut.from)) out.push({ from: p.from, to: dayBefore(cut.from) });
      if (cut.to !== undefined && (p.to === undefined || cut.to < p.to)) out.push({ from: dayAfter(cut.to), to: p.to });
      return out;
    });
  }
  return pieces;
}

/** The parts of a national version no provincial version covers, level by level, regrouped by period. */
export function uncovered(version: RuleVersion, regional: readonly RuleVersion[]): RuleVersion[] {
  const byPeriod = new Map<string, { span: Span; levels: CongressLevel[] }>();
  for (const level of levelsOf(version)) {
    const cuts = regional.filter((r) => levelsOf(r).includes(level));
    for (const span of subtract({ from: version.from, to: version.to }, cuts)) {
      const key = `${span.from ?? ''}|${span.to ?? ''}`;
      const entry = byPeriod.get(key) ?? { span, levels: [] };
      entry.levels.push(level);
      byPeriod.set(key, entry);
    }
  }
  const all = levelsOf(version).length;
  return [...byPeriod.values()].map(({ span, levels }) => {
    const narrowed = levels.length === all ? version.levels : levels;
    const { from, to } = span;
    return {
      ...version,
      from,
      to,
      levels: narrowed,
      citation: { ...version.citation, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(narrowed ? { levels: narrowed } : {}) },
    };
  });
}

/** The national rules read with a province's: overridden by id where the province's citations are in force. */
export function composeRegion(national: RuleSet, overlay: readonly LoadedRule[]): { rules: RuleSet; overrides: Override[] } {
  const regionalById = new Map(overlay.map((r) => [r.spec.id, r]));
  const overrides: Override[] = [];
  const rules: LoadedRule[] = national.rules.map((n) => {
    const r = regionalById.get(n.spec.id);
    if (!r) return n;
    const nationalRemains = n.versions.flatMap((v) => uncovered(v, r.versions));
    overrides.push({ id: n.spec.id, nationalFile: n.file, regionalFile: r.file, nationalRemains });
    const spec = { ...r.spec, overrides: [...new Set([...r.spec.overrides, ...n.spec.overrides])] };
    return { file: r.file, spec, versions: [...r.versions, ...nationalRemains] };
  });
  rules.push(...overlay.filter((r) => !national.byId.has(r.spec.id)));
  return { rules: { rules, byId: new Map(rules.map((r) => [r.spec.id, r])) }, overrides };
}
