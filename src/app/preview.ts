/**
 * What a batch of events would change, before anything is recorded (a draft's 预览): the count before
 * and after, whose status ends (or begins) under which rule, the posts that end with it, the oath
 * duties of its personnel acts, the check findings it would raise, and whether `record` would take
 * it. Decided exactly as `record` decides; nothing is written.
 */

import { allChecks } from '../checks/all-checks.js';
import { describeCheck } from '../checks/describe-check.js';
import type { CheckFinding } from '../domain/check-findings.js';
import { type LegalDate, onOrBefore } from '../domain/dates.js';
import type { DomainError } from '../domain/errors.js';
import { type EventInput, effectiveDate, type RosterEvent } from '../domain/events.js';
import type { Finding } from '../domain/findings.js';
import { countOn, type MandateStatus, sessionDate } from '../domain/roster.js';
import { analysePosts, type CascadeEntry, type OathDuty, type PostAnalysis } from '../posts/analysis.js';
import { todayOf } from './clock.js';
import { decideRecording, type RecordPorts, type RefusedEvent } from './record.js';

export interface StatusChangePreview {
  readonly personId: string;
  readonly name: string;
  /** Undefined where the source does not give it. */
  readonly electingUnit: string | undefined;
  /** The status before the events (undefined for a mandate they create) and after them. */
  readonly from: MandateStatus | undefined;
  readonly to: MandateStatus;
  readonly date: LegalDate | undefined;
  /** The rule's finding that decided it, where a rule decided. */
  readonly finding: Finding | undefined;
}

export interface Preview {
  /** The events as they would be recorded: numbered after the record's head. */
  readonly events: readonly RosterEvent[];
  /** The day the counts are compared on: the latest date the events take effect, else the latest session's. */
  readonly asOf: LegalDate;
  /** 名额 and 实有代表 on that day, without and with the events. */
  readonly headcount: { readonly quota: number | undefined; readonly before: number; readonly after: number };
  readonly statusChanges: readonly StatusChangePreview[];
  /** What the rules found for the events themselves. */
  readonly findings: readonly Finding[];
  /** For each deputy status the events end: each post held, and what becomes of it under the cascade rules. */
  readonly cascades: readonly CascadeEntry[];
  /** The oath duty (or its absence) of each personnel act among the events. */
  readonly oaths: { readonly owed: readonly OathDuty[]; readonly notOwed: PostAnalysis['oathsNotOwed'] };
  /** Check findings the record would have with the events and does not have now. */
  readonly checks: readonly CheckFinding[];
  /** Why `record` would refuse the events (kind, where, message: every reason); absent when it would record them. */
  readonly refusal?: { readonly kind: string; readonly where: string | undefined; readonly message: string };
  /** Every event `record` would refuse, one reason each, in the batch's order (empty when it would record them). */
  readonly refusals: readonly RefusedEvent[];
}

const keyOf = (f: CheckFinding) => `${f.level}|${f.code}|${f.eventSeq ?? ''}|${f.personId ?? ''}|${describeCheck(f)}`;

export async function previewEvents(ports: RecordPorts, events: readonly EventInput[]): Promise<Preview> {
  const decided = await decideRecording(ports, events, { recordedBy: '（预览）', recordedAt: ports.clock.now() });
  const { head, added, candidate } = decided;
  const before = decided.existing;
  const isNew = (seq: number) => seq > head.seq;

  const latestSession = Object.values(candidate.state.sessions)
    .map(sessionDate)
    .sort((a, b) => (onOrBefore(a, b) ? -1 : 1))
    .at(-1);
  const dates = added.map(effectiveDate).filter((d): d is string => d !== undefined);
  const asOf =
    [...dates, ...(latestSession ? [latestSession] : [])].sort((a, b) => (onOrBefore(a, b) ? -1 : 1)).at(-1) ?? todayOf(ports.clock);

  const statusChanges = candidate.state.mandates.flatMap((m) =>
    m.history
      .map((change, i) => ({ change, previous: m.history[i - 1] }))
      .filter(({ change }) => isNew(change.eventSeq))
      .map(
        ({ change, previous }): StatusChangePreview => ({
          personId: m.personId,
          name: candidate.state.persons[m.personId]?.name ?? m.personId,
          electingUnit: m.electingUnit,
          from: previous?.status,
          to: change.status,
          date: change.from,
          finding: change.finding,
        }),
      ),
  );

  const posts = await analysePosts(candidate, ports.evaluator);
  const existingChecks = new Set((await allChecks(before, ports.evaluator)).map(keyOf));
  return {
    events: added,
    asOf,
    headcount: { quota: candidate.state.congress?.quota, before: countOn(before.state, asOf), after: countOn(candidate.state, asOf) },
    statusChanges,
    findings: candidate.findings.filter((f) => isNew(f.eventSeq)),
    cascades: posts.cascades.filter((c) => c.termination !== undefined && isNew(c.termination.eventSeq)),
    oaths: { owed: posts.oathsOwed.filter((o) => isNew(o.act.seq)), notOwed: posts.oathsNotOwed.filter((o) => isNew(o.act.seq)) },
    checks: decided.checks.filter((f) => !existingChecks.has(keyOf(f))),
    ...(decided.refusal ? { refusal: refusalOf(decided.refusal) } : {}),
    refusals: decided.refused,
  };
}

function refusalOf(e: DomainError): NonNullable<Preview['refusal']> {
  return { kind: e.kind, where: e.where, message: e.message };
}
