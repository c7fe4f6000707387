/**
 * Checks that report how the law applied rather than a contradiction in the record.
 *
 * Findings that rest on custom (依惯例): no text in force on the event's date is verified, so the
 * rule cites no article. Not an error: the clerk is told which rules and events, once per rule.
 */
import { type CheckFacts, type CheckFinding, checkFinding } from '../domain/check-findings.js';
import type { Finding } from '../domain/findings.js';
import type { Derivation } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';

export function customaryBasisNotes(findings: readonly Finding[], decided: CheckFacts['customary-basis']['decided']): CheckFinding[] {
  const byRule = new Map<string, { first: Finding; seqs: Set<number>; persons: Set<string> }>();
  for (const f of findings) {
    if (f.citation.kind !== 'custom') continue;
    const entry = byRule.get(f.ruleId) ?? { first: f, seqs: new Set<number>(), persons: new Set<string>() };
    entry.seqs.add(f.eventSeq);
    if (f.personId) entry.persons.add(f.personId);
    byRule.set(f.ruleId, entry);
  }
  return [...byRule.values()].map(({ first, seqs, persons }) =>
    checkFinding(
      'customary-basis',
      'info',
      { eventSeqs: [...seqs], personIds: [...persons] },
      { note: first.citation.note ?? first.title, decided },
      first,
    ),
  );
}

/**
 * A deputy suspended for criminal custody where the law requires permission (许可) or a report of a
 * detention in the act, and the record holds neither for that person: the clerk should look.
 */
export async function permissionChecks(d: Derivation, evaluator: Evaluator): Promise<CheckFinding[]> {
  const out: CheckFinding[] = [];
  const jurisdiction = evaluator.jurisdiction(d.state);
  // The events by seq (the first of a seq, as a search finds it), once: a search per finding scanned the whole record for each.
  const bySeq = new Map<number, (typeof d.events)[number]>();
  for (const e of d.events) if (!bySeq.has(e.seq)) bySeq.set(e.seq, e);
  for (const f of d.findings) {
    if (f.outcome.type !== 'mandate-suspended') continue;
    const event = bySeq.get(f.eventSeq);
    if (event?.type !== 'DeputySuspended' || event.ground !== 'criminal-custody') continue;
    const [required] = await evaluator.ask(
      'permission',
      {},
      { eventSeq: event.seq, personId: event.personId, date: f.effectiveDate, jurisdiction },
    );
    if (required?.outcome.type !== 'permission-required') continue;
    if (d.state.permissions.some((p) => p.personId === event.personId)) continue;
    const name = d.state.persons[event.personId]?.name ?? event.personId;
    out.push(
      checkFinding(
        'suspension-without-permission',
        'warning',
        { eventSeqs: [event.seq], personIds: [event.personId] },
        { name, by: required.outcome.params.by, label: required.outcome.params.label },
        required,
      ),
    );
  }
  return out;
}

/** A termination on a ground no rule knows (or the source does not give): counted, with its wording, for the clerk to confirm. */
export function otherGroundNotes(d: Derivation): CheckFinding[] {
  return d.findings.flatMap((f): CheckFinding[] => {
    if (f.outcome.type !== 'mandate-terminated' || f.outcome.params.ground !== 'other') return [];
    const e = d.events.find((x) => x.seq === f.eventSeq);
    const unnamed = e?.type === 'UnnamedDeputiesLeft' ? e.count : undefined;
    const name = unnamed === undefined && f.personId ? (d.state.persons[f.personId]?.name ?? f.personId) : undefined;
    return [
      checkFinding(
        'termination-on-other-ground',
        'warning',
        { eventSeqs: [f.eventSeq], personIds: f.personId ? [f.personId] : [] },
        { name, count: unnamed, wording: e && 'wording' in e ? e.wording : undefined },
        f,
      ),
    ];
  });
}

/** A balance that stated no count: derived from a later publication (info), or never fixed (a warning). */
export function balanceNotes(d: Derivation): CheckFinding[] {
  const pool = d.state.unnamed;
  if (!pool || d.state.openingBalances.at(-1)?.count !== undefined) return [];
  const balance = d.state.openingBalances.at(-1)!;
  if (pool.count === undefined) return [checkFinding('balance-count-unknown', 'warning', { eventSeqs: [balance.seq] }, {})];
  const derivedFrom = pool.derivedFrom!;
  return [
    checkFinding(
      'balance-count-derived',
      'info',
      { eventSeqs: [balance.seq, derivedFrom] },
      { derivedFrom, count: pool.count + balance.members.length },
    ),
  ];
}
