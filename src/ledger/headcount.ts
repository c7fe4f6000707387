/**
 * The headcount ledger (代表名额与实有代表): quota, the count confirmed at the last session, the
 * terminations and confirmations since, by ground and electing unit, and the count after.
 * 实有代表 = confirmed and not ended (suspended deputies still count); 缺额 = 名额 − 机动名额 − 实有代表
 * (only allocated seats fall vacant); no quota, no 缺额 (the NPC has a cap, not a quota).
 */
import type { StatedField } from '../domain/check-findings.js';
import { comparePlaces } from '../domain/congress-summary.js';
import { dayBefore, formatChineseDate, type LegalDate, onOrBefore } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import type { Congress } from '../domain/events.js';
import type { Finding, TerminationGround } from '../domain/findings.js';
import { countOn, isCounted, type Mandate, type MandateStatus, type RosterState, sessionDate, statusOn } from '../domain/roster.js';
import type { Derivation } from '../engine/derive.js';
import { type Publication, publicationsAt } from './publications.js';

/** Kept here for callers that count with the ledger; the count itself is the domain's. */
export { countOn } from '../domain/roster.js';

export type LedgerTarget = { readonly session: number } | { readonly asOf: LegalDate };

export interface LedgerPerson {
  readonly personId: string;
  readonly name: string;
  readonly electingUnit: string | undefined;
  readonly date: LegalDate | undefined;
  readonly finding: Finding | undefined;
  /** Counted by the source without a name (出缺N名, 补选N名). */
  readonly unnamed: boolean;
}

export interface UnitGroup {
  readonly unit: string | undefined;
  readonly persons: readonly LedgerPerson[];
}

export interface TerminationGroup {
  readonly label: string;
  readonly ground: TerminationGround | 'void';
  readonly phrase: string;
  readonly count: number;
  readonly units: readonly UnitGroup[];
}

export interface UnitLine {
  readonly unit: string | undefined;
  readonly quota: number | undefined;
  readonly terminated: number;
  readonly confirmed: number;
  /** Known only when every counted deputy of the unit is known by name. */
  readonly countAfter: number | undefined;
  readonly vacancies: number | undefined;
}

export type { StatedField } from '../domain/check-findings.js';

export interface Disagreement {
  readonly field: StatedField;
  readonly stated: number;
  readonly computed: number;
  readonly document: string;
  readonly eventSeq: number;
}

/** How the figures a document states are named in messages. */
export const FIELD_NAMES: Record<StatedField, string> = {
  quota: '代表名额',
  countBefore: '上次确认后实有代表',
  vacanciesBefore: '上次确认后缺额',
  terminated: '出缺代表',
  confirmed: '补选并确认资格的代表',
  countAfter: '变动后实有代表',
  vacanciesAfter: '变动后缺额',
  countBetween: '出缺后、补选确认前实有代表',
  vacanciesBetween: '出缺后、补选确认前缺额',
  expectedAttendance: '应出席代表',
  attendance: '出席代表',
};

/** A deputy who came into or left the count without a termination or a confirmation, as the counting rules count statuses. */
export interface CountChange extends LedgerPerson {
  readonly from: MandateStatus | undefined;
  readonly to: MandateStatus;
  /** Counted after the change (came into the count) or not (left it). */
  readonly counted: boolean;
}

export interface Ledger {
  readonly congressName: string;
  readonly congressShortName: string;
  /** Undefined where the congress has no fixed quota (the NPC) or the source gives none. */
  readonly quota: number | undefined;
  readonly cap: number | undefined;
  readonly reservedSeats: number | undefined;
  readonly session: number | undefined;
  readonly date: LegalDate;
  readonly baseline: {
    readonly session: number | undefined;
    readonly date: LegalDate | undefined;
    readonly count: number;
    readonly vacancies: number | undefined;
    /** The balance stated no count: it was derived from this publication's count after (seq). */
    readonly derivedFrom: number | undefined;
  };
  /** False where an opening balance stated no count and nothing later fixed it: the counts are not known. */
  readonly countsKnown: boolean;
  readonly terminated: { readonly count: number; readonly groups: readonly TerminationGroup[] };
  readonly confirmed: { readonly count: number; readonly units: readonly UnitGroup[] };
  /** After the terminations, before the confirmations (共缺额N名 / 现实有N名 in the middle of a report). */
  readonly countBetween: number;
  readonly vacanciesBetween: number | undefined;
  readonly countAfter: number;
  readonly vacanciesAfter: number | undefined;
  readonly suspended: readonly LedgerPerson[];
  readonly pending: readonly LedgerPerson[];
  readonly byUnit: readonly UnitLine[];
  readonly disagreements: readonly Disagreement[];
  /** Present only where the counting rules count a status change that is neither a termination nor a confirmation. */
  readonly otherChanges?: readonly CountChange[];
}

/** Sessions at which the count of deputies was confirmed: the points a ledger counts from. */
export interface ConfirmationPoint {
  readonly session: number | undefined;
  /** Undefined for a balance the source does not date: it stands before every dated event. */
  readonly date: LegalDate | undefined;
  /** An opening balance is itself the starting count, so a ledger at its own session counts from it. */
  readonly opening: boolean;
}

export function confirmationPoints(d: Derivation): ConfirmationPoint[] {
  const points = new Map<number | string, ConfirmationPoint>();
  const dateOf = (session: number, fallback?: LegalDate) => {
    const s = d.state.sessions[session];
    return s ? sessionDate(s) : fallback;
  };
  for (const e of d.events) {
    if (e.type === 'OpeningBalanceStated') {
      const date = e.session !== undefined ? dateOf(e.session, e.date) : e.date;
      // A count before the changes of its own session stands at the start of its day (as evolve counts it).
      points.set(e.session ?? `seq:${e.seq}`, {
        session: e.session,
        date: e.beforeChanges && date ? dayBefore(date) : date,
        opening: true,
      });
      continue;
    }
    if (e.type !== 'CredentialsReportAdopted' && e.type !== 'QualificationReviewed' && e.type !== 'UnnamedDeputiesReviewed') continue;
    if (e.session === undefined) continue;
    const session = e.session;
    const date = dateOf(session, e.date);
    const opening = points.get(session)?.opening ?? false;
    if (date && !opening) points.set(session, { session, date, opening });
  }
  const order = (p: ConfirmationPoint) => p.session ?? -1;
  return [...points.values()].sort((a, b) => order(a) - order(b));
}

/**
 * The order the grounds of termination are listed in: the order of the provision each finding cites
 * (paragraph, then item: 代表法 Art. 62(1)(一)…(七), then 62(2) on death); a ground resting on
 * practice after the statute's, an election found void last. Equal places keep the ledger's order.
 */
export function listedPlace(f: Finding | undefined): readonly [number, number] {
  if (f?.outcome.type !== 'mandate-terminated') return [Number.POSITIVE_INFINITY, 0];
  if (f.citation.article === undefined) return [Number.MAX_SAFE_INTEGER, 0];
  return [f.citation.paragraph ?? 1, f.citation.item ?? Number.MAX_SAFE_INTEGER];
}

function compareListed(a: Finding | undefined, b: Finding | undefined): number {
  return comparePlaces(listedPlace(a), listedPlace(b));
}

/** The default target: the latest recorded session, or `today` where no session is recorded. */
export function latestTarget(state: RosterState, today: LegalDate): LedgerTarget {
  const sessions = Object.keys(state.sessions).map(Number);
  return sessions.length > 0 ? { session: Math.max(...sessions) } : { asOf: today };
}

/** The named mandates counted among 实有代表 on a date. */
function countedOn(state: RosterState, date: LegalDate): Mandate[] {
  return state.mandates.filter((m) => isCounted(state, statusOn(m, date)));
}

function personOf(state: RosterState, m: Mandate, change?: Mandate['history'][number]): LedgerPerson {
  return {
    personId: m.personId,
    name: m.unnamed ? '（未具名）' : (state.persons[m.personId]?.name ?? m.personId),
    electingUnit: m.electingUnit,
    date: change?.from,
    finding: change?.finding,
    unnamed: m.unnamed === true,
  };
}

/** Group persons by electing unit, units in order of first appearance. */
function byUnit(persons: readonly LedgerPerson[]): UnitGroup[] {
  const groups = new Map<string | undefined, LedgerPerson[]>();
  for (const p of persons) {
    const group = groups.get(p.electingUnit);
    if (group) group.push(p);
    else groups.set(p.electingUnit, [p]);
  }
  return [...groups].map(([unit, members]) => ({ unit, persons: members }));
}

/** How many of the items fall in each electing unit. */
function countByUnit<T>(items: readonly T[], unitOf: (item: T) => string | undefined): Map<string | undefined, number> {
  const counts = new Map<string | undefined, number>();
  for (const item of items) counts.set(unitOf(item), (counts.get(unitOf(item)) ?? 0) + 1);
  return counts;
}

const inWindow = (from: LegalDate | undefined, after: LegalDate | undefined, upTo: LegalDate) =>
  from !== undefined && (after === undefined || !onOrBefore(from, after)) && onOrBefore(from, upTo);

/** The date a target stands for: a session's closing date, or the date given. */
export function resolveTarget(state: RosterState, target: LedgerTarget): { readonly date: LegalDate; readonly session?: number } {
  if ('asOf' in target) return { date: target.asOf };
  const s = state.sessions[target.session];
  if (!s) {
    const known = Object.keys(state.sessions).join('、') || '无';
    throw new DomainError('unknown-session', `记录中没有常委会第${target.session}次会议（已记录：${known}）`);
  }
  return { date: sessionDate(s), session: target.session };
}

/** The confirmation a ledger at `date` (session `session`) counts from: the latest before it. */
export function baselineAmong(
  all: readonly ConfirmationPoint[],
  date: LegalDate,
  session: number | undefined,
): ConfirmationPoint | undefined {
  const points = all.filter((p) => {
    if (session !== undefined && p.session !== undefined) return p.session < session || (p.opening && p.session === session);
    if (p.date === undefined) return p.opening;
    return p.opening ? onOrBefore(p.date, date) : !onOrBefore(date, p.date);
  });
  return points[points.length - 1];
}

/** How a status change moves the count (the counting rules decide which statuses count); undefined: it does not. */
export type ChangeKind = 'terminated' | 'confirmed' | 'counted' | 'uncounted';

export function changeKind(state: RosterState, before: MandateStatus | undefined, status: MandateStatus): ChangeKind | undefined {
  const [was, is] = [isCounted(state, before), isCounted(state, status)];
  if (status === 'ended' || status === 'void') return was ? 'terminated' : undefined;
  if (status === 'valid' && before === 'pending' && is && !was) return 'confirmed';
  // A status the counting rules count differently (a suspension, where they do not count it).
  if (was !== is) return is ? 'counted' : 'uncounted';
  return undefined;
}

/** The counts a ledger's figures come from, at `date`, counted from the baseline on `baseDate`. */
export interface LedgerCounts {
  readonly date: LegalDate;
  readonly baseDate: LegalDate | undefined;
  /** Counted at the baseline; undefined for a balance the source does not date (it stands before everything). */
  readonly baselineCount: number | undefined;
  readonly terminated: number;
  readonly confirmed: number;
  /** Came into the count less left it, neither by termination nor by confirmation. */
  readonly net: number;
  readonly countAfter: number;
  readonly suspended: number;
}

/** The figures a publication may state, as the record computes them; the arithmetic must close. */
export function computedFigures(congress: Congress, c: LedgerCounts): Partial<Record<StatedField, number>> & { countBefore: number } {
  const countBefore = c.baselineCount ?? c.countAfter + c.terminated - c.confirmed - c.net;
  if (c.countAfter !== countBefore - c.terminated + c.confirmed + c.net) {
    // Only dates that contradict each other get here (a change dated before the one it follows, a
    // count confirmed at a session dated before it): `check` names the events.
    throw new DomainError(
      'contradicts-record',
      `记录中的日期前后矛盾，无法计算截至${formatChineseDate(c.date)}的人数（${c.baseDate ? `${formatChineseDate(c.baseDate)}实有代表${countBefore}名` : '期初人数未知'}，` +
        `其后出缺${c.terminated}名、补选确认${c.confirmed}名，而当日实有代表${c.countAfter}名）；请运行 roster check 查看有问题的事件，并以更正事件改正`,
    );
  }
  const countBetween = countBefore - c.terminated;
  const allocated = congress.quota === undefined ? undefined : congress.quota - (congress.reservedSeats ?? 0);
  const vacancies = (count: number) => (allocated === undefined ? undefined : allocated - count);
  return {
    quota: congress.quota,
    countBefore,
    vacanciesBefore: vacancies(countBefore),
    terminated: c.terminated,
    confirmed: c.confirmed,
    countAfter: c.countAfter,
    vacanciesAfter: vacancies(c.countAfter),
    countBetween,
    vacanciesBetween: vacancies(countBetween),
    expectedAttendance: c.countAfter - c.suspended,
  };
}

/** Where the figures the publications at a point state differ from the computed ones. */
export function disagreementsWith(
  state: RosterState,
  publications: readonly Publication[],
  computed: Partial<Record<StatedField, number>>,
): Disagreement[] {
  const disagreements: Disagreement[] = [];
  for (const p of publications) {
    for (const [field, stated] of Object.entries(p.stated) as [StatedField, number][]) {
      const value = computed[field];
      // A count that fixed a balance stating none agrees by construction; it is not evidence.
      if (value === undefined || stated === value || (field === 'countAfter' && p.seq === state.unnamed?.derivedFrom)) continue;
      disagreements.push({ field, stated, computed: value, document: p.title, eventSeq: p.seq });
    }
  }
  return disagreements;
}

export function ledger(d: Derivation, target: LedgerTarget): Ledger {
  return ledgerOf(d.state, target, () => confirmationPoints(d));
}

/**
 * The ledger from the roster and the confirmation points of the record (`confirmationPoints`, read
 * off its events; a kept replay keeps them, src/app/kept-replay.ts).
 */
export function ledgerOf(state: RosterState, target: LedgerTarget, points: () => readonly ConfirmationPoint[]): Ledger {
  const congress = state.congress;
  if (!congress) throw new DomainError('invalid-data-file', '记录中没有本届人民代表大会的基本信息（“本届人民代表大会”事件）');

  const { date, session } = resolveTarget(state, target);
  const base = baselineAmong(points(), date, session);
  const baseDate = base?.date;

  const terminated: { person: LedgerPerson; ground: TerminationGround | 'void'; label: string; phrase: string }[] = [];
  const confirmed: LedgerPerson[] = [];
  const moved: CountChange[] = [];
  for (const m of state.mandates) {
    m.history.forEach((change, i) => {
      if (!inWindow(change.from, baseDate, date)) return;
      const before = i === 0 ? undefined : m.history[i - 1]!.status;
      const kind = changeKind(state, before, change.status);
      if (kind === 'terminated') {
        const outcome = change.finding?.outcome;
        const terminatedOutcome = outcome?.type === 'mandate-terminated' ? outcome.params : undefined;
        terminated.push({
          person: personOf(state, m, change),
          ground: terminatedOutcome?.ground ?? 'void',
          label: terminatedOutcome?.label ?? outcome?.params.label ?? '当选无效',
          phrase: terminatedOutcome?.phrase ?? '当选无效',
        });
      }
      if (kind === 'confirmed') confirmed.push(personOf(state, m, change));
      else if (kind === 'counted' || kind === 'uncounted') {
        moved.push({ ...personOf(state, m, change), from: before, to: change.status, counted: kind === 'counted' });
      }
    });
  }

  const firstOf = (label: string) => terminated.find((t) => t.label === label)!;
  const labels = [...new Set(terminated.map((t) => t.label))].sort((a, b) =>
    compareListed(firstOf(a).person.finding, firstOf(b).person.finding),
  );
  const groups = labels.map((label): TerminationGroup => {
    const members = terminated.filter((t) => t.label === label);
    return {
      label,
      ground: members[0]!.ground,
      phrase: members[0]!.phrase,
      count: members.length,
      units: byUnit(members.map((t) => t.person)),
    };
  });

  const countAfter = countOn(state, date);
  const net = moved.filter((x) => x.counted).length - moved.filter((x) => !x.counted).length;
  const at = (status: string) => state.mandates.filter((m) => statusOn(m, date) === status).map((m) => personOf(state, m));
  const suspended = at('suspended');
  // Before: counted at the baseline; a balance the source does not date counts from before everything.
  const computed = computedFigures(congress, {
    date,
    baseDate,
    baselineCount: baseDate !== undefined ? countOn(state, baseDate) : undefined,
    terminated: terminated.length,
    confirmed: confirmed.length,
    net,
    countAfter,
    suspended: suspended.length,
  });
  const { countBefore } = computed;
  const countBetween = countBefore - terminated.length;
  const allocated = congress.quota === undefined ? undefined : congress.quota - (congress.reservedSeats ?? 0);
  const vacancies = (count: number) => (allocated === undefined ? undefined : allocated - count);
  const unitNames = [...new Set([...congress.electingUnits.map((u) => u.name), ...state.mandates.map((m) => m.electingUnit)])];
  const allNamed = (state.unnamed?.count ?? 0) === 0 && state.mandates.every((m) => m.electingUnit !== undefined);
  // One pass each, not one per unit: a congress of 276,000 deputies has hundreds of units.
  const quotas = new Map<string | undefined, number | undefined>();
  for (const u of congress.electingUnits) if (!quotas.has(u.name)) quotas.set(u.name, u.quota);
  const countedIn = allNamed ? countByUnit(countedOn(state, date), (m) => m.electingUnit) : undefined;
  const terminatedIn = countByUnit(terminated, (t) => t.person.electingUnit);
  const confirmedIn = countByUnit(confirmed, (p) => p.electingUnit);
  const units = unitNames.map((unit): UnitLine => {
    const quota = quotas.get(unit);
    const count = countedIn ? (countedIn.get(unit) ?? 0) : undefined;
    return {
      unit,
      quota,
      terminated: terminatedIn.get(unit) ?? 0,
      confirmed: confirmedIn.get(unit) ?? 0,
      countAfter: count,
      vacancies: quota !== undefined && count !== undefined ? quota - count : undefined,
    };
  });

  const disagreements = disagreementsWith(state, publicationsAt(state, { date, session }), computed);

  return {
    congressName: congress.name,
    congressShortName: congress.shortName,
    quota: congress.quota,
    cap: congress.cap,
    reservedSeats: congress.reservedSeats,
    session,
    date,
    baseline: {
      session: base?.session,
      date: baseDate,
      count: countBefore,
      vacancies: vacancies(countBefore),
      derivedFrom: state.unnamed?.derivedFrom,
    },
    countsKnown: state.unnamed === undefined || state.unnamed.count !== undefined,
    terminated: { count: terminated.length, groups },
    confirmed: { count: confirmed.length, units: byUnit(confirmed) },
    countBetween,
    vacanciesBetween: vacancies(countBetween),
    countAfter,
    vacanciesAfter: vacancies(countAfter),
    suspended,
    pending: at('pending'),
    byUnit: units,
    disagreements,
    ...(moved.length > 0 ? { otherChanges: moved } : {}),
  };
}
