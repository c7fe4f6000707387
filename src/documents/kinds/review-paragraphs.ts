/**
 * The paragraphs the report and its explanation share after the terminations: the by-elections,
 * the review's result, and the count after. Persons are written by the caller's style.
 */
import {
  baselineSessionName,
  byLaw,
  byUnit,
  electingBodies,
  electingBodyList,
  endingSentences,
  groupText,
  type PersonStyle,
} from '../changes.js';
import type { DocumentPerson, SessionRecord } from '../session-record.js';

/** 根据代表出缺情况和《…选举法》等有关规定，鄞州区和慈溪市人大常委会分别进行了补选：… */
export function byElectionParagraph(r: SessionRecord, person: (p: DocumentPerson) => string): string | undefined {
  const all = [...r.confirmed, ...r.voided];
  if (all.length === 0) return undefined;
  const law = byLaw(all, '等有关规定', '');
  const bodies = electingBodies(all);
  const several = electingBodyList(all).length > 1;
  const lists = byUnit(all).map((u) => `${u.unit ?? ''}补选${u.persons.map(person).join('、')}`);
  return (
    `根据代表出缺情况和${law || '有关规定'}，${bodies ?? '有关选举单位'}${several ? '分别' : ''}进行了补选：` +
    `${lists.join('，')}${all.length > 1 ? `等${all.length}位同志` : ''}为${r.congress.shortName}代表。`
  );
}

/** …方勤等3名当选代表均符合法律规定的代表基本条件，选举符合法定程序，提请…本次会议审议通过后予以公告。 */
export function reviewParagraph(r: SessionRecord): string | undefined {
  if (r.confirmed.length === 0 && r.voided.length === 0) return undefined;
  const parts: string[] = [];
  const [first] = r.confirmed;
  if (first) {
    const who = r.confirmed.length > 1 ? `${first.name}等${r.confirmed.length}名当选代表均` : first.name;
    parts.push(`${who}符合法律规定的代表基本条件，选举符合法定程序`);
  }
  for (const p of r.voided) {
    // The ground in the words of the rule that found the election void (rules/review/void-*.json).
    const ground = p.finding?.outcome.type === 'election-voided' ? p.finding.outcome.params.wording : undefined;
    parts.push(ground ? `${p.name}${ground}，其当选无效` : `${p.name}的当选无效`);
  }
  const sc = r.standingCommittee.shortName;
  return `${sc}代表资格审查委员会依法对上述人员的代表资格进行了审查，${parts.join('；')}，提请${sc}本次会议审议通过后予以公告。`;
}

/** 本次市人民代表大会个别代表的代表资格变动后，市十六届人大实有代表479名。 */
export function countAfterParagraph(r: SessionRecord): string {
  return `本次${r.levelWord}人民代表大会个别代表的代表资格变动后，${r.congress.shortName}实有代表${r.ledger.countAfter}名。`;
}

/** 根据选举单位报告，…以来，共出缺代表8名。其中，调离本行政区域5名：…。依照…，上述8名代表的…代表资格终止。 */
export function terminationParagraph(r: SessionRecord, style: PersonStyle): string | undefined {
  if (r.terminations.length === 0) return undefined;
  const since = baselineSessionName(r, false) ?? '本届';
  const groups = r.terminations.map((g) => `${g.label}${g.persons.length}名：${groupText(r, g, style)}。`);
  return `根据选举单位报告，${since}以来，共出缺代表${r.ledger.terminated.count}名。其中，${groups.join('')}${endingSentences(r, '等有关规定', true)}`;
}

/** 宁波市第十六届人民代表大会常务委员会代表资格审查委员会关于个别代表的代表资格的报告 */
export function reportTitle(r: SessionRecord): string {
  return reportTitleParts(r).join('');
}

/** The report's title cut where a line may break. */
export function reportTitleParts(r: SessionRecord): string[] {
  return [r.congress.name, '常务委员会', '代表资格审查委员会', '关于个别代表的', '代表资格的报告'];
}

export function reportAuthor(r: SessionRecord): string {
  return reportAuthorParts(r).join('');
}

/** The committee's name cut between organs, where the signature may break. */
export function reportAuthorParts(r: SessionRecord): string[] {
  return [r.congress.name, '常务委员会', '代表资格审查委员会'];
}
