/** The order `roster check` lists findings in: by kind of check, then in the order each was found. */
import { match } from 'ts-pattern';
import type { CheckFinding } from '../domain/check-findings.js';

/**
 * Where a finding stands in the list: its kind of check, then the order in which it was found. How
 * the law applied (what rests on custom, grounds no rule knows, a balance without a count) follows the
 * checks on deputies and counts; custom in the post rules and 许可 follow the oath checks.
 */
function rank(f: CheckFinding): number {
  return match(f)
    .with({ code: 'no-congress' }, { code: 'tampered-log' }, () => 0)
    .with({ code: 'invalid-correction' }, () => 1)
    .with({ code: 'duplicate-definition' }, () => 2)
    .with({ code: 'duplicate-person' }, { code: 'unknown-person' }, () => 3)
    .with(
      { code: 'roster-without-balance' },
      { code: 'roster-exceeds-balance' },
      { code: 'confirmed-after-balance' },
      { code: 'already-named' },
      () => 4,
    )
    .with(
      { code: 'event-after-end' },
      { code: 'event-without-mandate' },
      { code: 'event-without-date' },
      { code: 'no-rule-in-force' },
      () => 5,
    )
    .with(
      { code: 'duplicate-absence' },
      { code: 'review-repeated' },
      { code: 'dated-before-previous-change' },
      { code: 'event-before-birth' },
      () => 5.5,
    )
    .with({ code: 'unknown-electing-unit' }, { code: 'by-election-without-vacancy' }, { code: 'by-election-over-quota' }, () => 6)
    .with({ code: 'counted-before-confirmation' }, ({ facts }) => (facts.kind === 'review' ? 6 : 7))
    .with(
      { code: 'stated-count-mismatch' },
      { code: 'above-quota' },
      { code: 'count-over-quota' },
      { code: 'ledger-inconsistent' },
      () => 7,
    )
    .with({ code: 'publication-differs' }, () => 8)
    .with({ code: 'customary-basis' }, ({ facts }) => (facts.decided === 'mandates' ? 8.1 : 14.1))
    .with({ code: 'termination-on-other-ground' }, () => 8.2)
    .with({ code: 'balance-count-derived' }, { code: 'balance-count-unknown' }, () => 8.3)
    .with({ code: 'unknown-organ' }, () => 9)
    .with({ code: 'post-grouping-mismatch' }, () => 9.1)
    .with({ code: 'post-not-held' }, () => 9.2)
    .with({ code: 'post-held-after-transfer' }, () => 10)
    .with({ code: 'dependent-post-still-held' }, ({ facts }) => (facts.kind === 'cascade' ? 10 : 11))
    .with(
      { code: 'appointment-requires-deputy' },
      { code: 'appointment-requires-standing-committee-seat' },
      { code: 'appointment-not-allowed' },
      () => 12,
    )
    .with({ code: 'incompatible-posts' }, () => 13)
    .with({ code: 'oath-not-recorded' }, { code: 'oath-names-not-recorded' }, () => 14)
    .with({ code: 'suspension-without-permission' }, () => 14.2)
    .exhaustive();
}

/** Findings in the order `roster check` lists them (stable: within a kind, as they were found). */
export function inCheckOrder(findings: readonly CheckFinding[]): CheckFinding[] {
  return [...findings].sort((a, b) => rank(a) - rank(b));
}
