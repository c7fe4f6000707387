/**
 * The roster as of a date, one line per mandate, as every export writes it: who, for which
 * electing unit, the status then, the posts held then, and for an ended mandate the reason with its
 * rule and citation. The organs and every tenure begun by the date come along for Popolo.
 */
import { type LegalDate, onOrBefore } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import type { Congress, EventOf, SourceDocument } from '../domain/events.js';
import type { TerminationGround } from '../domain/findings.js';
import type { ReplayedRecord } from '../domain/replayed-record.js';
import { countOn, isCounted, type Mandate, type MandateStatus, type RosterState, statusOn } from '../domain/roster.js';
import { postsHeld, type TenureLine, tenuresAsOf } from './tenure-view.js';

export interface MandateEnd {
  readonly ground: TerminationGround | 'election-void';
  /** 调离本行政区域, 辞去代表职务, 当选无效 … */
  readonly label: string;
  readonly date: LegalDate | undefined;
  /** The rule's id (Popolo's legal_basis) and its title (the spreadsheets' 依据规则, read by a clerk). */
  readonly ruleId: string;
  readonly rule: string;
  readonly citation: string;
}

/** What the record says about a person. */
export interface PersonDetails {
  readonly personId: string;
  readonly name: string;
  readonly gender?: string;
  readonly ethnicity?: string;
  readonly birthDate?: string;
  readonly party?: string;
  readonly affiliation?: string;
  readonly note?: string;
  /** The event that registered the person. */
  readonly registeredSeq?: number;
}

export interface RosterLine extends PersonDetails {
  readonly mandateId: string;
  readonly electingUnit: string;
  readonly origin: Mandate['origin'];
  /** When the mandate began to count (代表资格确认), where the record gives it. */
  readonly confirmedOn: LegalDate | undefined;
  readonly status: MandateStatus;
  readonly statusSince: LegalDate | undefined;
  readonly end: MandateEnd | undefined;
  /** The full names of the posts held on the date (宁波市人大常委会副秘书长), in the order of the record. */
  readonly posts: readonly string[];
  /** The recorded events that began and changed the mandate by the date, in order. */
  readonly eventSeqs: readonly number[];
}

export interface RosterView {
  readonly congress: Congress;
  /** The statuses that count among 实有代表 (rules/counting/). */
  readonly counting: readonly MandateStatus[];
  readonly asOf: LegalDate;
  /** 实有代表 on the date, named or not. */
  readonly counted: number;
  /** Deputies counted in an opening balance whose names the record does not give. */
  readonly unnamed: number;
  readonly lines: readonly RosterLine[];
  readonly organs: readonly EventOf<'OrganRegistered'>[];
  /** Every tenure begun by the date, deputies' or not. */
  readonly tenures: readonly TenureLine[];
  /** People who held a post by the date but have no mandate in the list (a head of a department …). */
  readonly officeHolders: readonly PersonDetails[];
  /** The recorded event that constituted the congress (its electing units). */
  readonly congressSeq: number | undefined;
  /** The document a recorded event comes from. */
  sourceOf(seq: number): SourceDocument | undefined;
}

function detailsOf(state: RosterState, personId: string): PersonDetails {
  const p = state.persons[personId];
  return {
    personId,
    name: p?.name ?? personId,
    ...(p?.gender ? { gender: p.gender } : {}),
    ...(p?.ethnicity ? { ethnicity: p.ethnicity } : {}),
    ...(p?.birthDate ? { birthDate: p.birthDate } : {}),
    ...(p?.party ? { party: p.party } : {}),
    ...(p?.affiliation ? { affiliation: p.affiliation } : {}),
    ...(p?.note ? { note: p.note } : {}),
    ...(p ? { registeredSeq: p.seq } : {}),
  };
}

/** 代表资格确认日期 as loaded rosters give them, by person. */
function rosterConfirmations(d: ReplayedRecord): Map<string, LegalDate> {
  const out = new Map<string, LegalDate>();
  for (const e of d.events) {
    if (e.type !== 'RosterLoaded') continue;
    for (const m of e.members) if (m.confirmedOn) out.set(`${e.seq}:${m.personId}`, m.confirmedOn);
  }
  return out;
}

function confirmedOn(m: Mandate, fromRosters: ReadonlyMap<string, LegalDate>): LegalDate | undefined {
  if (m.origin === 'opening-balance') return fromRosters.get(`${m.history[0]!.eventSeq}:${m.personId}`);
  return m.history.find((h) => h.status === 'valid')?.from;
}

function endOf(change: Mandate['history'][number]): MandateEnd | undefined {
  const f = change.finding;
  if (!f) return undefined;
  const outcome = f.outcome;
  if (outcome.type !== 'mandate-terminated' && outcome.type !== 'election-voided') return undefined;
  return {
    ground: outcome.type === 'mandate-terminated' ? outcome.params.ground : 'election-void',
    label: outcome.params.label,
    date: change.from,
    ruleId: f.ruleId,
    rule: f.title,
    citation: f.citation.text,
  };
}

export function rosterView(d: ReplayedRecord, asOf: LegalDate): RosterView {
  const congress = d.state.congress;
  if (!congress) throw new DomainError('invalid-data-file', '记录中没有本届人民代表大会的基本信息（“本届人民代表大会”事件）');
  const unitOrder = new Map(congress.electingUnits.map((u, i) => [u.name, i]));
  const fromRosters = rosterConfirmations(d);
  const tenures = tenuresAsOf(d.state, asOf);
  const lines: RosterLine[] = [];
  for (const m of d.state.mandates) {
    const status = statusOn(m, asOf);
    if (status === undefined) continue;
    const changes = m.history.filter((h) => h.from === undefined || onOrBefore(h.from, asOf));
    const last = changes[changes.length - 1]!;
    lines.push({
      ...detailsOf(d.state, m.personId),
      mandateId: m.mandateId,
      electingUnit: m.electingUnit ?? '',
      origin: m.origin,
      confirmedOn: confirmedOn(m, fromRosters),
      status,
      statusSince: last.from,
      end: status === 'ended' || status === 'void' ? endOf(last) : undefined,
      posts: postsHeld(tenures, m.personId),
      eventSeqs: changes.map((h) => h.eventSeq),
    });
  }
  lines.sort((a, b) => (unitOrder.get(a.electingUnit) ?? 1e9) - (unitOrder.get(b.electingUnit) ?? 1e9));
  const counted = countOn(d.state, asOf);
  const sources = new Map(d.events.map((e) => [e.seq, e.source] as const));
  const listed = new Set(lines.map((l) => l.personId));
  return {
    congress,
    asOf,
    counted,
    unnamed: counted - lines.filter((l) => isCounted(d.state, l.status)).length,
    counting: d.state.counting,
    lines,
    organs: Object.values(d.state.organs),
    tenures,
    officeHolders: [...new Set(tenures.map((t) => t.personId))].filter((id) => !listed.has(id)).map((id) => detailsOf(d.state, id)),
    congressSeq: [...d.events].reverse().find((e) => e.type === 'CongressConstituted')?.seq,
    sourceOf: (seq) => sources.get(seq),
  };
}
