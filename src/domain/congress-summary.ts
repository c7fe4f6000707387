/**
 * A congress's record summed up for questions across congresses (`roster stats`, `roster
 * congresses`): the congress as constituted, its counted mandates as date intervals, its
 * terminations with their grounds, and the persons it registers (made from the derived roster by
 * src/ledger/congress-summary.ts). A database keeps it as rows beside the events and answers from
 * them with SQL; `figuresOn` answers the same questions from it in memory (a file store, a stale
 * row). Both count as `countOn` counts: the tests hold them to it.
 */
import { latestDay } from './dates.js';
import type { CongressLevel } from './events.js';
import type { TerminationGround } from './findings.js';

/** Counted on day D (as `latestDay` gives it) when fromDay <= D < untilDay; an absent bound is open. */
export interface CountedSpan {
  /** Absent for the unnamed part of an opening balance. */
  readonly mandateId?: string;
  readonly personId?: string;
  readonly electingUnit?: string;
  readonly weight: number;
  readonly fromDay?: string;
  readonly untilDay?: string;
}

export interface TerminationEntry {
  readonly mandateId: string;
  readonly personId: string;
  /** Absent for a deputy the source counts without naming a unit. */
  readonly electingUnit?: string;
  /** The legal date as `latestDay` gives it; absent where the record gives none (before any date). */
  readonly day?: string;
  readonly ground: TerminationGround | 'void';
  readonly label: string;
  /** Where the ground is listed: the paragraph and item of the provision its finding cites (as the ledger lists them). */
  readonly place: readonly [number, number];
  readonly seq: number;
}

export interface PersonEntry {
  readonly personId: string;
  readonly name: string;
  readonly gender?: string;
  readonly ethnicity?: string;
  readonly birthDate?: string;
  readonly party?: string;
}

export interface CongressFacts {
  readonly name: string;
  readonly shortName: string;
  readonly level: CongressLevel;
  readonly region: string;
  readonly termNumber: number;
  readonly termStart?: string;
  readonly termEnd?: string;
  /** 代表名额, where the record gives one (the NPC has a cap instead). */
  readonly quota?: number;
  /** 机动名额: seats of the quota allocated to no electing unit, which never fall vacant. */
  readonly reservedSeats?: number;
}

export interface CongressSummary {
  /** Absent until the record constitutes the congress. */
  readonly congress?: CongressFacts;
  readonly spans: readonly CountedSpan[];
  readonly terminations: readonly TerminationEntry[];
  readonly persons: readonly PersonEntry[];
}

/** Where grounds are listed, compared: paragraph, then item. */
export function comparePlaces(a: readonly [number, number], b: readonly [number, number]): number {
  const [pa, ia] = a;
  const [pb, ib] = b;
  return pa !== pb ? (pa < pb ? -1 : 1) : ia !== ib ? (ia < ib ? -1 : 1) : 0;
}

/** Terminations of one ground up to a day (`place`: the first place any of them is listed at). */
export interface GroundCount {
  readonly ground: TerminationGround | 'void';
  readonly label: string;
  readonly place: readonly [number, number];
  readonly count: number;
}

/** What a congress's summary says on a day: 实有代表 and the terminations so far, by ground. */
export interface DayFigures {
  readonly count: number;
  readonly terminations: readonly GroundCount[];
}

const covers = (s: CountedSpan, day: string) =>
  (s.fromDay === undefined || s.fromDay <= day) && (s.untilDay === undefined || day < s.untilDay);

/** The figures on `date` (a legal date), counted in memory as the database counts them in SQL. */
export function figuresOn(summary: CongressSummary, date: string): DayFigures {
  const day = latestDay(date);
  const count = summary.spans.reduce((n, s) => (covers(s, day) ? n + s.weight : n), 0);
  const byLabel = new Map<string, GroundCount>();
  for (const t of summary.terminations) {
    if (t.day !== undefined && t.day > day) continue;
    const key = `${t.ground}|${t.label}`;
    const seen = byLabel.get(key);
    const place = seen && comparePlaces(seen.place, t.place) <= 0 ? seen.place : t.place;
    byLabel.set(key, { ground: t.ground, label: t.label, place, count: (seen?.count ?? 0) + 1 });
  }
  return { count, terminations: [...byLabel.values()] };
}
