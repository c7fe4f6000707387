/**
 * 关于《…报告》的说明: the same facts as the report, presented at the session by a member of the
 * credentials committee, with each person's posts and titles (PersonRegistered.affiliation).
 */
import type { CongressLevel } from '../../domain/events.js';
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

/**
 * Whom the speaker addresses: the standing committee's members by office. County committees have
 * no 秘书长 (地方组织法 2022 Art. 47(2)); the NPC's is led by a 委员长.
 */
function salutation(level: CongressLevel): string {
  if (level === 'national') return '委员长、副委员长、秘书长、各位委员：';
  if (level === 'county') return '主任、副主任、各位委员：';
  return '主任、副主任、秘书长、各位委员：';
}

const withPosts = (p: DocumentPerson) => `${p.affiliation ?? ''}${p.name}`;

export const explanation: DocumentKind = {
  id: 'explanation',
  description: '关于代表资格审查委员会报告的说明（列明每人职务）',
  build({ derivation }, session) {
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
        addressee: salutation(r.congress.level),
        issuer: reportAuthor(r),
        paragraphs,
        warnings: speaker ? [] : ['记录中没有说明人（CredentialsReportAdopted.explainedBy），标题下的说明人一行留空'],
      },
    ];
  },
};
