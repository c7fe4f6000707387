/**
 * 关于《…报告》的说明: the same facts as the report, presented at the session by a member of the
 * credentials committee, with each person's posts and titles (PersonRegistered.affiliation).
 */
import { baselineSentence } from '../changes.js';
import type { DocumentKind } from '../document-kind.js';
import { joinAnd } from '../phrasing.js';
import type { DocumentPerson } from '../session-record.js';
import { sessionRecord } from '../session-record.js';
import {
  byElectionParagraph,
  countAfterParagraph,
  reportAuthor,
  reportTitle,
  reportTitleParts,
  reviewParagraph,
  terminationParagraph,
} from './review-paragraphs.js';

const withPosts = (p: DocumentPerson) => `${p.affiliation ?? ''}${p.name}`;

export const explanation: DocumentKind = {
  id: 'explanation',
  description: '关于代表资格审查委员会报告的说明（列明每人职务）',
  build({ derivation, salutation }, session) {
    const r = sessionRecord(derivation, session);
    const style = { person: withPosts, sameUnit: joinAnd, units: '；' };
    const paragraphs = [
      `现在，我受代表资格审查委员会委托，就${r.congress.shortName}个别代表的代表资格的报告说明如下：`,
      baselineSentence(r, true),
      terminationParagraph(r, style),
      byElectionParagraph(r, withPosts),
      reviewParagraph(r),
      countAfterParagraph(r),
      `以上说明，连同《${reportTitle(r)}》，请予审议。`,
    ].filter((p): p is string => p !== undefined);
    const speaker = r.report?.explainedBy;
    return [
      {
        kind: 'explanation',
        title: `关于《${reportTitle(r)}》的说明`,
        titleParts: ['关于《', ...reportTitleParts(r), '》的说明'],
        ...(speaker ? { byline: `${speaker.capacity}${speaker.name}` } : {}),
        // Whom the speaker addresses: the committee's members by office, as the law composes it for the level.
        ...(salutation?.outcome.type === 'salutation' ? { addressee: salutation.outcome.params.text } : {}),
        issuer: reportAuthor(r),
        paragraphs,
        warnings: [
          ...(speaker ? [] : ['记录中没有说明人（“代表资格审查委员会报告”事件的 explainedBy），标题下的说明人一行留空']),
          ...(salutation ? [] : ['规则中没有本级常务委员会组成人员的称谓（rules/standing-committee），称呼一行留空']),
        ],
      },
    ];
  },
};
