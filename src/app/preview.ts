/**
 * The preview of a batch of events (预览, `roster record --dry-run`): a pure comparison of the
 * record as it is and as it would be with the events appended. Nothing here reads or writes.
 */
import type { CheckFinding } from '../checks/consistency.js';
import { isCalendarDay } from '../domain/dates.js';
import { type DomainError, isDomainError } from '../domain/errors.js';
import { effectiveDate, type RosterEvent } from '../domain/events.js';
import type { Finding } from '../domain/findings.js';
import type { Derivation } from '../engine/derive.js';
import { type Ledger, type LedgerTarget, latestTarget, ledger } from '../ledger/headcount.js';
import type { CascadeEntry, OathDuty, PostAnalysis } from '../posts/analysis.js';

export interface Refusal {
  readonly kind: DomainError['kind'];
  readonly message: string;
  readonly where: string | undefined;
}

export interface RecordPreview {
  /** True when `record` would accept the events as they are. */
  readonly ok: boolean;
  /** Every reason `record` would refuse them (it stops at the first). */
  readonly refusals: readonly Refusal[];
  /** The events as they would be recorded, with the seqs they would get. */
  readonly events: readonly RosterEvent[];
  /** The session or date the headcount is compared at: the latest session the events name, else their latest date. */
  readonly target: LedgerTarget | undefined;
  /** The headcount at the target, before and after (absent where the record has no congress yet). */
  readonly before: Ledger | undefined;
  readonly after: Ledger | undefined;
  /** What the rules decide about the new events: terminations and their articles, confirmations, suspensions. */
  readonly findings: readonly Finding[];
  /** Posts that end (相应终止 / 相应撤销) or continue with the deputies whose status the events end. */
  readonly cascades: readonly CascadeEntry[];
  /** Oaths owed for the appointments among the events. */
  readonly oathsOwed: readonly OathDuty[];
  /** Check findings the record would have that it has not now (errors and warnings). */
  readonly checks: readonly CheckFinding[];
  /** The names of the persons the events and findings name, by id. */
  readonly names: Readonly<Record<string, string>>;
}

export interface PreviewInput {
  readonly before: Derivation;
  readonly after: Derivation;
  readonly postsBefore: PostAnalysis;
  readonly postsAfter: PostAnalysis;
  readonly checksBefore: readonly CheckFinding[];
  readonly checksAfter: readonly CheckFinding[];
  readonly refusals: readonly DomainError[];
  /** The calendar day the preview is made (the default target where the record has no session). */
  readonly today: string;
}

/** The sessions an event names, in its body or its source document. */
function sessionsOf(e: RosterEvent): number[] {
  const own = 'session' in e && typeof e.session === 'number' ? [e.session] : [];
  return e.source.session !== undefined ? [...own, e.source.session] : own;
}

function targetOf(after: Derivation, added: readonly RosterEvent[], today: string): LedgerTarget | undefined {
  const sessions = added.flatMap(sessionsOf).filter((s) => after.state.sessions[s] !== undefined);
  if (sessions.length > 0) return { session: Math.max(...sessions) };
  const days = added.map((e) => effectiveDate(e)).filter((d): d is string => d !== undefined && isCalendarDay(d));
  if (days.length > 0) return { asOf: days.sort().at(-1)! };
  return after.state.congress ? latestTarget(after.state, today) : undefined;
}

/** The ledger, or nothing where the record cannot give one yet (no congress, a session not recorded before). */
function ledgerOr(d: Derivation, target: LedgerTarget): Ledger | undefined {
  try {
    return ledger(d, target);
  } catch (e) {
    if (isDomainError(e)) return undefined;
    throw e;
  }
}

export function previewOf(input: PreviewInput): RecordPreview {
  const { before, after } = input;
  const firstNew = before.recorded.length + 1;
  const added = after.recorded.slice(before.recorded.length);
  const target = targetOf(after, added, input.today);
  const afterLedger = target ? ledgerOr(after, target) : undefined;
  const beforeLedger = target
    ? (ledgerOr(before, target) ?? (afterLedger ? ledgerOr(before, { asOf: afterLedger.date }) : undefined))
    : undefined;
  const findings = after.findings.filter((f) => f.eventSeq >= firstNew);
  const ids = new Set([
    ...added.flatMap((e) => ('personId' in e ? [e.personId] : [])),
    ...findings.flatMap((f) => (f.personId ? [f.personId] : [])),
  ]);
  const names = Object.fromEntries([...ids].map((id) => [id, after.state.persons[id]?.name ?? id]));
  const key = (f: CheckFinding) => `${f.level}|${f.code}|${f.eventSeq}|${f.personId}|${f.message}`;
  const known = new Set(input.checksBefore.map(key));
  return {
    ok: input.refusals.length === 0,
    refusals: input.refusals.map((e) => ({ kind: e.kind, message: e.message, where: e.where })),
    events: added,
    target,
    before: beforeLedger,
    after: afterLedger,
    findings,
    cascades: input.postsAfter.cascades.filter((c) => c.termination !== undefined && c.termination.eventSeq >= firstNew),
    oathsOwed: input.postsAfter.oathsOwed.filter((o) => o.act.seq >= firstNew),
    checks: input.checksAfter.filter((f) => !known.has(key(f))),
    names,
  };
}
