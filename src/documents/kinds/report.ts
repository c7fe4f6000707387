/** 代表资格审查委员会关于个别代表的代表资格的报告: to the standing committee, names only. */
import { formatChineseDate } from '../../domain/dates.js';
import { formOn } from '../../domain/document-forms.js';
import { DomainError } from '../../domain/errors.js';
import { sessionDate } from '../../domain/roster.js';
import { resolveTarget } from '../../ledger/headcount.js';
import { baselineSentence, NAMES_ONLY } from '../changes.js';
import type { DocumentKind } from '../document-kind.js';
import { formDocument } from '../forms/form-document.js';
import { formRecord } from '../forms/form-record.js';
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
  build(input, session, options) {
    const { derivation } = input;
    const { state } = derivation;
    const adopted = state.reports.filter((x) => x.session === session).at(-1)?.date ?? resolveTarget(state, { session }).date;
    const own = formOn(state.congress!.documents?.report, adopted);
    if (own) {
      const name = `${state.congress!.name}的report格式`;
      return [formDocument('report', { form: own, name }, formRecord(derivation, { session }, input.posts), options)];
    }
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
  buildAt(input, asOf, options) {
    const { state } = input.derivation;
    const own = formOn(state.congress!.documents?.report, asOf);
    if (!own)
      throw new DomainError('invalid-input', '本届人民代表大会的记录没有报告格式，只能按常委会会议次数（--session）生成报告', '--as-of');
    const name = `${state.congress!.name}的report格式`;
    return [formDocument('report', { form: own, name }, formRecord(input.derivation, { asOf }, input.posts), options)];
  },
};
