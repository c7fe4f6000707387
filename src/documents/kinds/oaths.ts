/**
 * 宪法宣誓人员名单: who takes the constitutional oath for the session's appointments, who organises
 * the ceremony, and the oath in force on the date (宣誓决定 items 一, 二, 九; legal brief 7 F). All of it
 * is what the oath rules found (src/posts/): those removed, or whose resignation was accepted or
 * approved, owe no oath and are not listed.
 */
import { chineseNumber, formatChineseDate } from '../../domain/dates.js';
import { DomainError } from '../../domain/errors.js';
import { APPOINTING_ACTS } from '../../domain/posts.js';
import type { OathDuty } from '../../posts/analysis.js';
import type { DocumentKind } from '../document-kind.js';
import { ACT_FORM, gazetteOrder, meetingName, nameOf, sessionActs, standingCommitteeName } from '../personnel.js';
import { distinct } from '../phrasing.js';
import { postsPhrase } from '../post-phrases.js';

const NOBODY = '没有任命或者决定任命的人员，无人应当进行宪法宣誓';

const organiserOf = (o: OathDuty) => (o.finding.outcome.type === 'oath-owed' ? o.finding.outcome.params.organiser : '');

export const oaths: DocumentKind = {
  id: 'oaths',
  description: '本次会议任命人员的宪法宣誓名单、组织机关和誓词',
  build({ derivation: { state }, posts }, session) {
    const { congress } = sessionActs(state, session, (a) => APPOINTING_ACTS.has(a.act), NOBODY);
    const owed = posts.oathsOwed.filter((o) => o.act.session === session).sort((a, b) => gazetteOrder(a.act, b.act));
    // Appointments the oath rules attach no duty to (before 2016-01-01, when the oath began).
    if (owed.length === 0) throw new DomainError('nothing-to-report', `常委会第${chineseNumber(session)}次会议（第${session}次）${NOBODY}`);
    const meeting = meetingName(congress, session);
    // 常务委员会主任会议 is the committee's own: name it in full.
    const organiserName = (o: string) => (o.startsWith('常务委员会') ? `${congress.name}${o}` : o);
    const organisers = distinct(owed.map(organiserOf));
    const acts = Object.entries(ACT_FORM)
      .filter(([act]) => owed.some((o) => o.act.act === act))
      .map(([, form]) => form.heading);

    const entries = (duties: readonly OathDuty[]) =>
      duties.map(
        (o, i) =>
          `${nameOf(state, o.act.personId)}，${ACT_FORM[o.act.act].heading}为${postsPhrase(state, o.act)}${i === duties.length - 1 ? '。' : '；'}`,
      );
    const byOrganiser =
      organisers.length === 1
        ? [...entries(owed), `宣誓仪式由${organiserName(organisers[0]!)}组织。`]
        : organisers.flatMap((org) => [`由${organiserName(org)}组织宣誓的：`, ...entries(owed.filter((o) => organiserOf(o) === org))]);

    // The oath in force on each appointment's date: one wording for a session, unless it spans a revision.
    const wordingFindings = owed.flatMap((o) => (o.wording ? [o.wording] : []));
    const wordings = new Map<string, string>();
    for (const { outcome } of wordingFindings) if (outcome.type === 'oath-wording') wordings.set(outcome.params.text, outcome.params.label);
    // Each text once, though several rules cite it (宣誓决定 beside a province's articles).
    const basis = distinct([...owed.map((o) => o.finding), ...wordingFindings].flatMap((f) => f.citation.text.split('；')));
    const notRecorded = owed.filter((o) => o.status === 'not-recorded').map((o) => nameOf(state, o.act.personId));

    return [
      {
        kind: 'oaths',
        title: `${meeting}宪法宣誓人员名单`,
        titleParts: [congress.name, '常务委员会', `第${chineseNumber(session)}次会议`, '宪法宣誓人员名单'],
        paragraphs: [
          `${meeting}${acts.join('、')}的下列人员，应当依法公开进行宪法宣誓（${owed.length}名）：`,
          ...byOrganiser,
          ...[...wordings].flatMap(([text, label]) => [`${label}：`, text]),
          `依据：${basis.join('；')}。`,
        ],
        issuer: standingCommitteeName(state, congress),
        date: formatChineseDate(owed[0]!.act.date),
        warnings: [
          ...(wordings.size === 0 ? ['宣誓之日施行的规则中没有誓词，名单中不写誓词'] : []),
          ...(notRecorded.length > 0 ? [`记录中没有${notRecorded.join('、')}进行宪法宣誓的记载（“宪法宣誓”事件）`] : []),
        ],
      },
    ];
  },
};
