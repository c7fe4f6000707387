/**
 * 常委会公告 on the changes in deputies (代表法 2015 Art. 50 / 2025 Art. 63: the standing committee
 * announces terminations). Form after the NPCSC and provincial notices in the legal brief (§3.3):
 * baseline, terminations by ground and unit with the law that ends them, confirmed by-elections,
 * 现在…实有代表N名, 特此公告. Posts that end as a consequence (相应终止 / 相应撤销, from the cascade
 * findings) are stated after the terminations, in the same paragraph, as the NPCSC notices do.
 */
import { chineseNumber, formatChineseDate } from '../../domain/dates.js';
import { DomainError } from '../../domain/errors.js';
import { resolveTarget } from '../../ledger/headcount.js';
import { baselineSentence, baselineSessionName, byUnit, endingSentences, groupText, NAMES_ONLY } from '../changes.js';
import type { DocumentInput, DocumentKind, DocumentOptions } from '../document-kind.js';
import { formDocument, formFor } from '../forms/form-document.js';
import { formRecord } from '../forms/form-record.js';
import type { OfficialDocument } from '../official-document.js';
import { postEndingSentences } from '../post-endings.js';
import type { SessionRecord } from '../session-record.js';
import { sessionRecord } from '../session-record.js';

const BLANK = '　';

function numberLine(r: SessionRecord, options: DocumentOptions): { line: string; warning?: string } {
  const term = `〔${chineseNumber(r.congress.termNumber)}届〕`;
  const prefix = options.numberStyle === 'plain' ? '' : term;
  if (options.number !== undefined) return { line: `${prefix}第${chineseNumber(options.number)}号` };
  if (r.announcement?.noticeNumber) return { line: r.announcement.noticeNumber };
  return { line: `${prefix}第${BLANK}号`, warning: '记录中没有公告编号，编号留空（可用 --number 指定）' };
}

function terminationsParagraph(r: SessionRecord, postEndings: string): string | undefined {
  if (r.terminations.length === 0 && !postEndings) return undefined;
  const groups = r.terminations.map((g) => `${g.label}${g.persons.length}名：${groupText(r, g, NAMES_ONLY)}`);
  const ended =
    groups.length > 0
      ? `${baselineSessionName(r, false) ?? '本届'}以来，${groups.join('；')}。${endingSentences(r, '的有关规定', false)}`
      : '';
  return `${ended}${postEndings}`;
}

function byElectionParagraph(r: SessionRecord): string | undefined {
  const all = [...r.confirmed, ...r.voided];
  if (all.length === 0) return undefined;
  const lists = byUnit(all).map((u) => `${u.persons[0]?.electedBy ?? u.unit ?? ''}补选${u.persons.map((p) => p.name).join('、')}`);
  const outcomes = [
    ...(r.confirmed.length > 0 ? [`确认${r.confirmed.map((p) => p.name).join('、')}的代表资格有效`] : []),
    ...(r.voided.length > 0 ? [`确定${r.voided.map((p) => p.name).join('、')}的当选无效`] : []),
  ];
  const meeting = `${r.congress.name}常务委员会第${chineseNumber(r.session.session)}次会议`;
  return `${lists.join('，')}为${r.congress.shortName}代表。${meeting}根据代表资格审查委员会提出的报告，${outcomes.join('，')}。`;
}

/** The built-in form, for a congress whose record and level give no form of their own. */
function builtIn({ derivation, posts }: DocumentInput, session: number, options: DocumentOptions): OfficialDocument[] {
  {
    const r = sessionRecord(derivation, session);
    const postEndings = postEndingSentences(derivation, posts.cascades);
    const number = numberLine(r, options);
    const date = options.date ?? r.announcement?.date;
    const paragraphs = [
      baselineSentence(r, false),
      terminationsParagraph(r, postEndings),
      byElectionParagraph(r),
      `现在，${r.congress.shortName}实有代表${r.ledger.countAfter}名。`,
      '特此公告。',
    ].filter((p): p is string => p !== undefined);
    return [
      {
        kind: 'notice',
        title: `${r.standingCommittee.name}公告`,
        numberLine: number.line,
        paragraphs,
        signature: r.standingCommittee.name,
        date: date ? formatChineseDate(date) : `${BLANK}${BLANK}年${BLANK}月${BLANK}日`,
        warnings: [...(number.warning ? [number.warning] : []), ...(date ? [] : ['记录中没有公告日期，日期留空（可用 --date 指定）'])],
      },
    ];
  }
}

/** The notice of a session or a date in the congress's own form, or its level's (data), else the built-in one. */
export const notice: DocumentKind = {
  id: 'notice',
  description: '常委会关于代表变动情况的公告',
  build(input, session, options) {
    const { state } = input.derivation;
    const at = resolveTarget(state, { session });
    const published = state.announcements.filter((a) => a.session === session).at(-1)?.date ?? at.date;
    const chosen = formFor(state.congress!, 'notice', published, input.levelForms);
    if (!chosen) return builtIn(input, session, options);
    return [formDocument('notice', chosen, formRecord(input.derivation, { session }, input.posts), options)];
  },
  buildAt(input, asOf, options) {
    const chosen = formFor(input.derivation.state.congress!, 'notice', asOf, input.levelForms);
    if (!chosen) {
      throw new DomainError(
        'invalid-input',
        '本届人民代表大会的记录和所在层级都没有公告格式，只能按常委会会议次数（--session）生成公告',
        '--as-of',
      );
    }
    return [formDocument('notice', chosen, formRecord(input.derivation, { asOf }, input.posts), options)];
  },
};
