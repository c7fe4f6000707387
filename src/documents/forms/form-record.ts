/**
 * What a document form is filled from: the ledger of one point (a session, or a publication's date),
 * the people it names with what the record and the rules say of each, and the publication itself.
 */
import { chineseNumber, formatChineseDate, type LegalDate } from '../../domain/dates.js';
import type { EventOf, RosterEvent } from '../../domain/events.js';
import type { Finding } from '../../domain/findings.js';
import { latestMandate, type Mandate, type RosterState } from '../../domain/roster.js';
import type { Derivation } from '../../engine/derive.js';
import { type Ledger, type LedgerTarget, ledger, resolveTarget } from '../../ledger/headcount.js';
import type { PostAnalysis } from '../../posts/analysis.js';
import { postEndings } from '../post-endings.js';

export type Value = string | number | undefined;

/** One person a form speaks of, with every value a template may name. */
export interface FormPerson {
  readonly personId: string;
  /** transferred-out, resigned, died …; for elections their kind (by-election, succession …). */
  readonly ground: string;
  readonly unitKind: 'military' | 'armed-police' | 'regular';
  readonly values: Readonly<Record<string, Value>>;
  readonly finding: Finding | undefined;
}

export interface FormRecord {
  readonly values: Readonly<Record<string, Value>>;
  readonly terminations: readonly FormPerson[];
  /** Elected deputies confirmed at the point, in the order they were elected. */
  readonly elected: readonly FormPerson[];
  /** The same, in the order they were confirmed. */
  readonly confirmed: readonly FormPerson[];
  readonly postEndings: readonly FormPerson[];
  /** The order a notice names the deputies it ends (its personIds), where it says. */
  readonly announced: readonly string[];
}

const day = (date: LegalDate | undefined) => (date ? formatChineseDate(date) : undefined);

function unitKind(state: RosterState, unit: string | undefined): FormPerson['unitKind'] {
  return state.congress?.electingUnits.find((u) => u.name === unit)?.kind ?? 'regular';
}

function personValues(state: RosterState, personId: string, m: Mandate | undefined): Record<string, Value> {
  const p = state.persons[personId];
  const name = m?.unnamed ? undefined : (p?.name ?? personId);
  return {
    name,
    fullName: name && (p?.disambiguation ? `${name}（${p.disambiguation}）` : name),
    disambiguation: p?.disambiguation,
    affiliation: p?.affiliation,
    unit: m?.electingUnit,
  };
}

function eventValues(e: RosterEvent | undefined): Record<string, Value> {
  if (!e) return {};
  const get = (k: string) => (k in e ? ((e as Record<string, unknown>)[k] as Value) : undefined);
  return {
    circumstances: get('circumstances'),
    wording: get('wording'),
    reason: get('reason'),
    decidedBy: get('acceptedBy') ?? get('recalledBy') ?? get('revokedBy'),
    electedBy: get('electedBy'),
    meeting: get('meeting'),
    basis: get('basis'),
    reportedBy: get('reportedBy'),
    date: day('date' in e ? (e.date as string | undefined) : undefined),
  };
}

function citationValues(f: Finding | undefined): Record<string, Value> {
  const outcome = f?.outcome;
  return {
    lawTitle: f?.citation.lawTitle,
    lawName: f?.citation.law,
    phrase: outcome?.type === 'mandate-terminated' ? outcome.params.phrase : undefined,
    label: outcome && 'label' in outcome.params ? outcome.params.label : undefined,
  };
}

export function formRecord(d: Derivation, target: LedgerTarget, posts: PostAnalysis): FormRecord {
  const { state } = d;
  const congress = state.congress!;
  const l: Ledger = ledger(d, target);
  const at = resolveTarget(state, target);
  const bySeq = new Map(d.events.map((e) => [e.seq, e]));
  const publication =
    [...state.announcements].reverse().find((a) => (at.session !== undefined ? a.session === at.session : a.date === at.date)) ??
    [...state.announcements].reverse().find((a) => a.date === at.date);
  const report = [...state.reports].reverse().find((r) => (at.session !== undefined ? r.session === at.session : r.date === at.date));
  const stated = { ...report?.stated, ...publication?.stated };

  const terminations = l.terminated.groups.flatMap((g) =>
    g.units.flatMap((u) =>
      u.persons.map((p): FormPerson => {
        const m = latestMandate(state, p.personId) ?? state.mandates.find((x) => x.personId === p.personId);
        return {
          personId: p.personId,
          ground: g.ground,
          unitKind: unitKind(state, p.electingUnit),
          finding: p.finding,
          values: {
            ...personValues(state, p.personId, m),
            ...eventValues(p.finding && bySeq.get(p.finding.eventSeq)),
            ...citationValues(p.finding),
          },
        };
      }),
    ),
  );
  const confirmedIds = l.confirmed.units.flatMap((u) => u.persons);
  const electionOf = (m: Mandate | undefined) => (m ? bySeq.get(m.history[0]!.eventSeq) : undefined);
  const reviewOf = (p: (typeof confirmedIds)[number]) => (p.finding ? bySeq.get(p.finding.eventSeq) : undefined);
  const electedPerson = (p: (typeof confirmedIds)[number]): FormPerson => {
    const m = state.mandates.find((x) => x.personId === p.personId && x.history.some((h) => h.eventSeq === p.finding?.eventSeq));
    const review = reviewOf(p);
    const session = review && 'session' in review ? (review.session as number | undefined) : undefined;
    return {
      personId: p.personId,
      ground: m?.origin ?? 'by-election',
      unitKind: unitKind(state, p.electingUnit),
      finding: p.finding,
      values: {
        ...personValues(state, p.personId, m),
        ...eventValues(electionOf(m)),
        reviewSession: session,
        ...citationValues(p.finding),
      },
    };
  };
  const elected = confirmedIds.map(electedPerson);
  const seqOf = (p: FormPerson, pick: 'election' | 'review') => {
    const m = state.mandates.find((x) => x.personId === p.personId);
    return pick === 'election' ? (m?.history[0]?.eventSeq ?? 0) : (p.finding?.eventSeq ?? 0);
  };

  const endings = postEndings(d, posts.cascades).map(
    (e): FormPerson => ({
      personId: e.personId,
      ground: e.mode,
      unitKind: 'regular',
      finding: e.finding,
      values: { name: e.name, post: e.postName, mode: e.mode, lawTitle: e.finding?.citation.lawTitle, lawName: e.finding?.citation.law },
    }),
  );

  const baseSession = l.baseline.session;
  const baseDate = l.baseline.date ?? (baseSession !== undefined ? state.sessions[baseSession]?.date : undefined);
  const countOr = (computed: number | undefined, field: keyof typeof stated) => computed ?? stated[field];
  const values: Record<string, Value> = {
    congress: congress.name,
    congressShort: congress.shortName,
    term: congress.termNumber,
    sc: congress.standingCommittee?.name,
    scShort: congress.standingCommittee?.shortName,
    quota: countOr(congress.quota, 'quota'),
    cap: congress.cap,
    reserved: congress.reservedSeats,
    allocated: congress.quota === undefined ? undefined : congress.quota - (congress.reservedSeats ?? 0),
    countBefore: l.countsKnown ? l.baseline.count : stated.countBefore,
    vacanciesBefore: countOr(l.baseline.vacancies, 'vacanciesBefore'),
    countBetween: l.countsKnown ? l.countBetween : stated.countBetween,
    vacanciesBetween: countOr(l.vacanciesBetween, 'vacanciesBetween'),
    countAfter: l.countsKnown ? l.countAfter : stated.countAfter,
    vacanciesAfter: countOr(l.vacanciesAfter, 'vacanciesAfter'),
    terminated: l.terminated.count,
    confirmed: l.confirmed.count,
    baseSession,
    baseDate: day(baseDate),
    session: at.session ?? report?.session,
    date: day(publication?.date ?? report?.date ?? at.date),
    noticeNumber: publication?.noticeNumber,
    dateline: publication?.dateline,
    reportDate: day(report?.date),
    signedOn: day(report?.signedOn ?? report?.date),
    adoptedBy: report?.adoptedBy,
    presenterName: report?.presentedBy?.name,
    presenterCapacity: report?.presentedBy?.capacity,
  };
  return {
    values,
    terminations,
    elected: [...elected].sort((a, b) => seqOf(a, 'election') - seqOf(b, 'election')),
    confirmed: [...elected].sort((a, b) => seqOf(a, 'review') - seqOf(b, 'review')),
    postEndings: endings,
    announced: publication?.personIds ?? [],
  };
}

/** 十九 for 19, where a template asks for Chinese numerals (`{session|cn}`). */
export function asChinese(v: Value): string | undefined {
  return typeof v === 'number' ? chineseNumber(v) : v;
}

export type { EventOf };
