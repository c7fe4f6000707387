/**
 * Publications against recomputation. What a published document stated is part of the record and
 * is never changed by a later derivation; when the log and the current rules no longer give what it
 * stated (a rule file changed, an event was corrected), `roster check` says so. The figures of a
 * credentials report are compared by the headcount ledger (`stated-count-mismatch`); this file
 * compares the notices of terminations (公告) with the mandates as now derived.
 */

import { formatChineseDate } from '../domain/dates.js';
import { statusOn } from '../domain/roster.js';
import { STATUS_NAMES } from '../domain/status-names.js';
import type { Derivation } from '../engine/derive.js';
import type { CheckFinding } from './check-finding.js';

export function publicationChecks(d: Derivation): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const notice of d.events) {
    if (notice.type !== 'TerminationsAnnounced') continue;
    for (const personId of notice.personIds) {
      const mandates = d.state.mandates.filter((m) => m.personId === personId);
      const status = mandates.length > 0 ? statusOn(mandates[mandates.length - 1]!, notice.date) : undefined;
      if (status === 'ended' || status === 'void') continue;
      const name = d.state.persons[personId]?.name ?? personId;
      out.push({
        level: 'error',
        code: 'publication-differs',
        message:
          `第${notice.seq}条：《${notice.source.title}》（${formatChineseDate(notice.date)}）公告${name}的代表资格终止，` +
          `但按现行规则和记录重新计算，${name}在该日${status ? STATUS_NAMES[status] : '没有代表资格记录'}；已公布的内容不会被改动，请核实规则或记录（必要时记录更正）`,
        eventSeq: notice.seq,
        personId,
      });
    }
  }
  return out;
}
