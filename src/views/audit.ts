/**
 * Audit queries over the derived roster: who held a mandate on a date, a person's timeline, what
 * changed between two dates, and the log as entered. Pure: they read a Derivation.
 */
import { beijingDay } from '../domain/beijing-time.js';
import { type LegalDate, onOrBefore } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import { type EventType, effectiveDate, type RosterEvent, replacementOf, type SourceDocument } from '../domain/events.js';
import type { Finding } from '../domain/findings.js';
import { personsOf } from '../domain/persons-of.js';
import { isCounted, type Mandate, type MandateStatus, statusOn } from '../domain/roster.js';
import { postName } from '../domain/status-names.js';
import type { Tenure } from '../domain/tenures.js';
import type { Derivation } from '../engine/derive.js';
import { countOn, type LedgerTarget, resolveTarget } from '../ledger/headcount.js';
import type { CascadeEntry } from '../posts/analysis.js';
import {
  type PostAnalysisPart,
  type PostChanges,
  type PostFinding,
  type PostHolding,
  postChanges,
  postFindingsOf,
  postsHeld,
} from './post-changes.js';

export type ResolvedTarget = ReturnType<typeof resolveTarget>;

const nameOf = (d: Derivation, personId: string) => d.state.persons[personId]?.name ?? personId;

export interface Member {
  readonly personId: string;
  readonly name: string;
  readonly electingUnit: string | undefined;
  readonly status: MandateStatus;
  /** 工作单位及职务 as registered. */
  readonly affiliation?: string;
  /** The posts held at the close of the date, from the tenures. */
  readonly posts: readonly PostHolding[];
}

export interface Members extends ResolvedTarget {
  readonly count: number;
  /** Deputies counted in an opening balance whose names the record does not give. */
  readonly unnamed: number;
  readonly units: readonly { readonly unit: string | undefined; readonly members: readonly Member[] }[];
}

function heldOn(d: Derivation, date: LegalDate): Mandate[] {
  return d.state.mandates.filter((m) => isCounted(d.state, statusOn(m, date)));
}

export function members(d: Derivation, target: LedgerTarget): Members {
  const at = resolveTarget(d.state, target);
  const held = heldOn(d, at.date);
  const units = new Map<string | undefined, Member[]>();
  for (const m of held) {
    const affiliation = d.state.persons[m.personId]?.affiliation;
    const member: Member = {
      personId: m.personId,
      name: nameOf(d, m.personId),
      electingUnit: m.electingUnit,
      status: statusOn(m, at.date)!,
      ...(affiliation ? { affiliation } : {}),
      posts: postsHeld(d, m.personId, at.date),
    };
    units.set(m.electingUnit, [...(units.get(m.electingUnit) ?? []), member]);
  }
  const count = countOn(d.state, at.date);
  return { ...at, count, unnamed: count - held.length, units: [...units].map(([unit, list]) => ({ unit, members: list })) };
}

export interface LogEntry {
  readonly seq: number;
  readonly type: EventType;
  readonly date: LegalDate | undefined;
  readonly persons: readonly { readonly personId: string; readonly name: string }[];
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly source: SourceDocument;
  /** Corrections that supersede this event. */
  readonly supersededBy: readonly number[];
  /** For a correction: what it supersedes and why. */
  readonly corrects?: { readonly seq: number; readonly reason: string; readonly replacement: EventType | undefined };
  readonly event: RosterEvent;
}

function logEntry(d: Derivation, e: RosterEvent, persons: readonly string[]): LogEntry {
  const supersededBy = d.recorded.filter((c) => c.type === 'EventCorrected' && c.supersedes === e.seq).map((c) => c.seq);
  return {
    seq: e.seq,
    type: e.type,
    date: effectiveDate(e),
    persons: persons.map((personId) => ({ personId, name: nameOf(d, personId) })),
    recordedAt: e.recordedAt,
    recordedBy: e.recordedBy,
    source: e.source,
    supersededBy,
    ...(e.type === 'EventCorrected' ? { corrects: { seq: e.supersedes, reason: e.reason, replacement: replacementOf(e)?.type } } : {}),
    event: e,
  };
}

export interface LogFilter {
  readonly type?: string;
  readonly unit?: string;
  /** Events about any of these persons (by id), corrections of such events included. */
  readonly persons?: readonly string[];
  /** Recorded on or after this date, in Beijing time. */
  readonly since?: LegalDate;
}

/** The recorded log as entered (corrections and what they supersede both shown). */
export function log(d: Derivation, filter: LogFilter = {}): LogEntry[] {
  const unitsOf = (personId: string) => d.state.mandates.filter((m) => m.personId === personId).map((m) => m.electingUnit);
  const targetOf = new Map(d.recorded.map((e) => [e.seq, e]));
  return d.recorded
    .filter((e) => filter.type === undefined || e.type === filter.type)
    .filter((e) => filter.since === undefined || beijingDay(e.recordedAt) >= filter.since)
    .filter((e) => {
      if (filter.persons === undefined) return true;
      const persons = e.type === 'EventCorrected' ? [...personsOf(e), ...personsOf(targetOf.get(e.supersedes) ?? e)] : personsOf(e);
      return persons.some((p) => filter.persons!.includes(p));
    })
    .filter((e) => {
      if (filter.unit === undefined) return true;
      if (e.type === 'DeputyElected') return e.electingUnit === filter.unit;
      if (e.type === 'OpeningBalanceStated') return e.members.some((m) => m.electingUnit === filter.unit);
      const persons = e.type === 'EventCorrected' ? [...personsOf(e), ...personsOf(targetOf.get(e.supersedes) ?? e)] : personsOf(e);
      return persons.some((p) => unitsOf(p).includes(filter.unit!));
    })
    .map((e) => logEntry(d, e, personsOf(e)));
}

export interface PersonHistory {
  readonly personId: string;
  readonly name: string;
  readonly mandates: readonly Mandate[];
  /** Every post the record shows the person holding, with what began and ended it. */
  readonly posts: readonly (Tenure & { readonly name: string })[];
  /** Every recorded event about the person, corrections included, in record order. */
  readonly entries: readonly (LogEntry & { readonly findings: readonly Finding[]; readonly postFindings: readonly PostFinding[] })[];
}

export function findPerson(d: Derivation, query: string): string {
  const persons = Object.values(d.state.persons);
  const exact = persons.filter((p) => p.personId === query);
  const matches = exact.length > 0 ? exact : persons.filter((p) => p.name === query);
  if (matches.length === 0) throw new DomainError('unknown-person', `记录中没有姓名或编号为“${query}”的人员`);
  if (matches.length > 1)
    throw new DomainError('unknown-person', `姓名“${query}”对应多名人员，请改用编号：${matches.map((p) => p.personId).join('、')}`);
  return matches[0]!.personId;
}

/** `posts`: the post analysis (cascades, oath duties); each of its findings joins the event it is about. */
export function history(d: Derivation, query: string, posts: PostAnalysisPart): PersonHistory {
  const id = findPerson(d, query);
  const bySeq = new Map(d.recorded.map((e) => [e.seq, e]));
  const postFindings = postFindingsOf(d, id, posts);
  const about = (e: RosterEvent): boolean =>
    personsOf(e).includes(id) ||
    (e.type === 'EventCorrected' && bySeq.has(e.supersedes) && personsOf(bySeq.get(e.supersedes)!).includes(id));
  return {
    personId: id,
    name: nameOf(d, id),
    mandates: d.state.mandates.filter((m) => m.personId === id),
    posts: d.state.tenures.filter((t) => t.personId === id).map((t) => ({ ...t, name: postName(d.state, t.post) })),
    entries: d.recorded.filter(about).map((e) => ({
      ...logEntry(d, e, personsOf(e)),
      findings: d.findings.filter((f) => f.eventSeq === e.seq && f.personId === id),
      postFindings: postFindings.filter((p) => p.finding.eventSeq === e.seq),
    })),
  };
}

export interface Change {
  readonly personId: string;
  readonly name: string;
  readonly electingUnit: string | undefined;
  readonly date: LegalDate | undefined;
  /** What decided it: the rule's finding, where a rule decided. */
  readonly finding: Finding | undefined;
  readonly from: MandateStatus | undefined;
  readonly to: MandateStatus | undefined;
}

export interface Diff {
  readonly from: ResolvedTarget & { readonly count: number };
  readonly to: ResolvedTarget & { readonly count: number };
  readonly came: readonly Change[];
  readonly left: readonly Change[];
  /** Still counted at both ends, but suspended at one and not the other. */
  readonly statusChanged: readonly Change[];
  /** Posts gained and lost by anyone in the record, with the act or rule behind each. */
  readonly posts: PostChanges;
}

/** `cascades`: the post analysis's cascades, for posts that end with a deputy's status. */
export function diff(d: Derivation, fromTarget: LedgerTarget, toTarget: LedgerTarget, cascades: readonly CascadeEntry[]): Diff {
  const from = resolveTarget(d.state, fromTarget);
  const to = resolveTarget(d.state, toTarget);
  const lastChange = (m: Mandate) =>
    [...m.history].reverse().find((h) => h.from !== undefined && onOrBefore(h.from, to.date) && !onOrBefore(h.from, from.date));
  const change = (m: Mandate): Change => {
    const h = lastChange(m);
    return {
      personId: m.personId,
      name: nameOf(d, m.personId),
      electingUnit: m.electingUnit,
      date: h?.from,
      finding: h?.finding,
      from: statusOn(m, from.date),
      to: statusOn(m, to.date),
    };
  };
  const came: Change[] = [];
  const left: Change[] = [];
  const statusChanged: Change[] = [];
  for (const m of d.state.mandates) {
    const [a, b] = [statusOn(m, from.date), statusOn(m, to.date)];
    const [countedA, countedB] = [isCounted(d.state, a), isCounted(d.state, b)];
    if (!countedA && countedB) came.push(change(m));
    else if (countedA && !countedB) left.push(change(m));
    else if (countedA && a !== b) statusChanged.push(change(m));
  }
  return {
    from: { ...from, count: countOn(d.state, from.date) },
    to: { ...to, count: countOn(d.state, to.date) },
    came,
    left,
    statusChanged,
    posts: postChanges(d, from.date, to.date, cascades),
  };
}
