/**
 * `roster stats`: quota, 实有代表, vacancies and terminations by ground on a day, for every congress
 * of a level, summed by area (the region of the enclosing congress, else the congress's own) and over
 * the province. One result of sections, so that other sections (代表结构: gender, ethnicity, party,
 * age) can be added beside the counts.
 */
import { type CongressFacts, comparePlaces, type DayFigures, type GroundCount } from '../domain/congress-summary.js';
import type { CongressLevel } from '../domain/events.js';

export interface StatsRequest {
  /** The day the figures are as of (YYYY-MM-DD); default: the clock's today. */
  readonly asOf?: string;
  readonly level?: CongressLevel;
}

export interface Figures {
  /** 代表名额, summed over the congresses that have one (undefined where none has: the NPC has a cap). */
  readonly quota: number | undefined;
  readonly count: number;
  /** 缺额 = 名额 − 机动名额 − 实有代表, summed over the congresses that have a quota. */
  readonly vacancies: number | undefined;
  /** Terminations on or before the day, by ground, in the order the law lists the grounds (as the ledger lists them). */
  readonly terminations: readonly GroundCount[];
  readonly terminated: number;
}

export interface CongressStats extends Figures {
  readonly id: string;
  readonly name: string;
  readonly level: CongressLevel;
  readonly region: string;
  /** What the congress is summed under: the region of the congress it is within, else its own. */
  readonly area: string;
}

export interface AreaStats extends Figures {
  readonly area: string;
  readonly congresses: number;
}

export interface Stats {
  readonly asOf: string;
  readonly level: CongressLevel | undefined;
  readonly total: Figures & { readonly congresses: number };
  readonly areas: readonly AreaStats[];
  readonly congresses: readonly CongressStats[];
}

/** One congress's figures on the day, with where it is summed. */
export interface StatsInput extends DayFigures {
  readonly id: string;
  readonly congress: CongressFacts;
  readonly area: string;
}

function sumGrounds(lists: readonly (readonly GroundCount[])[]): GroundCount[] {
  const by = new Map<string, GroundCount>();
  for (const list of lists) {
    for (const g of list) {
      const key = `${g.ground}|${g.label}`;
      const seen = by.get(key);
      by.set(key, {
        ground: g.ground,
        label: g.label,
        place: seen && comparePlaces(seen.place, g.place) <= 0 ? seen.place : g.place,
        count: (seen?.count ?? 0) + g.count,
      });
    }
  }
  // As the ledger lists them: by the provision each ground's finding cites, then by label.
  return [...by.values()].sort((a, b) => comparePlaces(a.place, b.place) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

interface Row {
  readonly quota: number | undefined;
  readonly count: number;
  readonly vacancies: number | undefined;
  readonly terminations: readonly GroundCount[];
}

/** A sum over rows where some may lack a figure: undefined only where every row does. */
const sumKnown = (values: readonly (number | undefined)[]) =>
  values.some((v) => v !== undefined) ? values.reduce<number>((n, v) => n + (v ?? 0), 0) : undefined;

function figures(rows: readonly Row[]): Figures {
  const terminations = sumGrounds(rows.map((r) => r.terminations));
  return {
    quota: sumKnown(rows.map((r) => r.quota)),
    count: rows.reduce((n, r) => n + r.count, 0),
    vacancies: sumKnown(rows.map((r) => r.vacancies)),
    terminations,
    terminated: terminations.reduce((n, g) => n + g.count, 0),
  };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function stats(asOf: string, level: CongressLevel | undefined, inputs: readonly StatsInput[]): Stats {
  const congresses = [...inputs]
    .sort((a, b) => byText(a.area, b.area) || byText(a.id, b.id))
    .map(
      (i): CongressStats => ({
        id: i.id,
        name: i.congress.name,
        level: i.congress.level,
        region: i.congress.region,
        area: i.area,
        ...figures([
          {
            quota: i.congress.quota,
            count: i.count,
            // Only allocated seats fall vacant, as the ledger counts them.
            vacancies: i.congress.quota === undefined ? undefined : i.congress.quota - (i.congress.reservedSeats ?? 0) - i.count,
            terminations: i.terminations,
          },
        ]),
      }),
    );
  const areaNames = [...new Set(congresses.map((c) => c.area))];
  const areas = areaNames.map((area): AreaStats => {
    const members = congresses.filter((c) => c.area === area);
    return { area, congresses: members.length, ...figures(members) };
  });
  return { asOf, level, total: { congresses: congresses.length, ...figures(congresses) }, areas, congresses };
}
