/**
 * The roster as of a date, one line per mandate, as every export writes it: who, for which
 * electing unit, the status then, and for an ended mandate the reason with its rule and citation.
 * Posts (issue 3) will join as further fields of a line and as memberships in Popolo.
 */
import { onOrBefore, type LegalDate } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import type { Congress } from '../domain/events.js';
import type { TerminationGround } from '../domain/findings.js';
import { isCounted, statusOn, type Mandate, type MandateStatus } from '../domain/roster.js';
import type { Derivation } from '../engine/derive.js';
import { countOn } from '../ledger/headcount.js';

export interface MandateEnd {
  readonly ground: TerminationGround | 'election-void';
  /** 调离本行政区域, 辞去代表职务, 当选无效 … */
  readonly label: string;
  readonly date: LegalDate | undefined;
  readonly ruleId: string;
  readonly citation: string;
}

export interface RosterLine {
  readonly mandateId: string;
  readonly personId: string;
  readonly name: string;
  readonly gender?: string;
  readonly ethnicity?: string;
  readonly birthDate?: string;
  readonly party?: string;
  readonly affiliation?: string;
  readonly note?: string;
  readonly electingUnit: string;
  readonly origin: Mandate['origin'];
  /** When the mandate began to count (代表资格确认), where the record gives it. */
  readonly confirmedOn: LegalDate | undefined;
  readonly status: MandateStatus;
  readonly statusSince: LegalDate | undefined;
  readonly end: MandateEnd | undefined;
}

export interface RosterView {
  readonly congress: Congress;
  readonly asOf: LegalDate;
  /** 实有代表 on the date, named or not. */
  readonly counted: number;
  /** Deputies counted in an opening balance whose names the record does not give. */
  readonly unnamed: number;
  readonly lines: readonly RosterLine[];
}

/** 代表资格确认日期 as loaded rosters give them, by person. */
function rosterConfirmations(d: Derivation): Map<string, LegalDate> {
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
    citation: f.citation.text,
  };
}

export function rosterView(d: Derivation, asOf: LegalDate): RosterView {
  const congress = d.state.congress;
  if (!congress) throw new DomainError('invalid-data-file', '记录中没有本届人民代表大会的基本信息（CongressConstituted）');
  const unitOrder = new Map(congress.electingUnits.map((u, i) => [u.name, i]));
  const fromRosters = rosterConfirmations(d);
  const lines: RosterLine[] = [];
  for (const m of d.state.mandates) {
    const status = statusOn(m, asOf);
    if (status === undefined) continue;
    const changes = m.history.filter((h) => h.from === undefined || onOrBefore(h.from, asOf));
    const last = changes[changes.length - 1]!;
    const p = d.state.persons[m.personId];
    lines.push({
      mandateId: m.mandateId,
      personId: m.personId,
      name: p?.name ?? m.personId,
      ...(p?.gender ? { gender: p.gender } : {}),
      ...(p?.ethnicity ? { ethnicity: p.ethnicity } : {}),
      ...(p?.birthDate ? { birthDate: p.birthDate } : {}),
      ...(p?.party ? { party: p.party } : {}),
      ...(p?.affiliation ? { affiliation: p.affiliation } : {}),
      ...(p?.note ? { note: p.note } : {}),
      electingUnit: m.electingUnit,
      origin: m.origin,
      confirmedOn: confirmedOn(m, fromRosters),
      status,
      statusSince: last.from,
      end: status === 'ended' || status === 'void' ? endOf(last) : undefined,
    });
  }
  lines.sort((a, b) => (unitOrder.get(a.electingUnit) ?? 1e9) - (unitOrder.get(b.electingUnit) ?? 1e9));
  const counted = countOn(d.state, asOf);
  return {
    congress,
    asOf,
    counted,
    unnamed: counted - lines.filter((l) => isCounted(l.status)).length,
    lines,
  };
}
