/**
 * Publications against recomputation. What a published document stated is part of the record and
 * is never changed by a later derivation; when the log and the current rules no longer give what it
 * stated (a rule file changed, an event was corrected), `roster check` says so. The figures of a
 * credentials report are compared by the headcount ledger (`stated-count-mismatch`); this file
 * compares the notices of terminations (公告) with the mandates as now derived.
 */
import { type CheckFinding, checkFinding } from '../domain/check-findings.js';
import { latestMandate, statusOn } from '../domain/roster.js';
import type { Derivation } from '../engine/derive.js';

export function publicationChecks(d: Derivation): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const notice of d.events) {
    if (notice.type !== 'TerminationsAnnounced') continue;
    for (const personId of notice.personIds) {
      // The person's latest mandate, from the state's index (a search per person scanned every mandate).
      const mandate = latestMandate(d.state, personId);
      const status = mandate ? statusOn(mandate, notice.date) : undefined;
      if (status === 'ended' || status === 'void') continue;
      out.push(
        checkFinding(
          'publication-differs',
          'error',
          { eventSeqs: [notice.seq], personIds: [personId] },
          { document: notice.source.title, date: notice.date, name: d.state.persons[personId]?.name ?? personId, status },
        ),
      );
    }
  }
  return out;
}
