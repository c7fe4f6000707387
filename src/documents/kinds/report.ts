/** 代表资格审查委员会关于个别代表的代表资格的报告: to the standing committee, names only. */
import { formatChineseDate } from '../../domain/dates.js';
import { sessionDate } from '../../domain/roster.js';
import { baselineSentence, NAMES_ONLY } from '../changes.js';
import type { DocumentKind } from '../document-kind.js';
import { sessionRecord } from '../session-record.js';
import {
  byElectionParagraph,
  countAfterParagraph,
  reportAuthor,
  reportAuthorParts,
  reportTitle,
  reportTitleParts,
  reviewParagraph,
  terminationParagraph,
} from './review-paragraphs.js';

export const report: DocumentKind = {
  id: 'report',
  description: '代表资格审查委员会关于个别代表的代表资格的报告',
  build({ derivation }, session, options) {
    const r = sessionRecord(derivation, session);
    const paragraphs = [
      baselineSentence(r, false),
      terminationParagraph(r, NAMES_ONLY),
      byElectionParagraph(r, (p) => p.name),
      reviewParagraph(r),
      countAfterParagraph(r),
      '以上报告，请予审议。',
    ].filter((p): p is string => p !== undefined);
    // The report is dated the day the standing committee adopts it; before that, the session's last day.
    const date = options.date ?? r.report?.date ?? sessionDate(r.session);
    return [
      {
        kind: 'report',
        title: reportTitle(r),
        titleParts: reportTitleParts(r),
        addressee: `${r.standingCommittee.name}：`,
        paragraphs,
        signature: reportAuthor(r),
        signatureParts: reportAuthorParts(r),
        date: formatChineseDate(date),
        warnings: [],
      },
    ];
  },
};
