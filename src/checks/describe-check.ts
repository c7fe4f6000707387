/**
 * The sentence a clerk reads for a check finding, made from its facts: the one formatter the CLI,
 * a console and the refusals of `record` share.
 */
import { match } from 'ts-pattern';
import type { CheckFacts, CheckFinding, CountPoint } from '../domain/check-findings.js';
import { formatChineseDate } from '../domain/dates.js';
import { EVENT_NAMES } from '../domain/event-names.js';
import type { EventType } from '../domain/events.js';
import { ruleName } from '../domain/rule-name.js';
import { STATUS_NAMES } from '../domain/status-names.js';
import { FIELD_NAMES } from '../ledger/headcount.js';

/** What was recorded twice: the congress, a session, or the opening balance of a session (or date). */
function definitionOf(facts: CheckFacts['duplicate-definition']): string {
  if (facts.what === 'congress') return '本届人民代表大会的基本信息';
  if (facts.what === 'session') return `常委会第${facts.session}次会议`;
  return `期初实有代表数（${facts.session !== undefined ? `第${facts.session}次会议` : (facts.date ?? '未注明会议和日期')}）`;
}

/** An event type by its Chinese name (the glossary's); the id stays in the finding's facts for --json. */
const eventName = (type: string) => EVENT_NAMES[type as EventType] ?? type;

/** Where a count was checked: 第N次会议, or the publication's date. */
const pointOf = (at: CountPoint) => ('session' in at ? `第${at.session}次会议` : formatChineseDate(at.asOf));

/** The seats a count passed: the quota, the allocated seats where some are reserved, or the cap. */
function seatsOf(facts: CheckFacts['above-quota']): string {
  if (facts.quota === undefined) return `代表名额上限${facts.cap}名`;
  if (facts.reservedSeats) {
    return `已分配的代表名额${facts.quota - facts.reservedSeats}名（代表名额${facts.quota}名，机动名额${facts.reservedSeats}名）`;
  }
  return `代表名额${facts.quota}名`;
}

export function describeCheck(f: CheckFinding): string {
  const seq = f.eventSeqs[0];
  const cited = f.citation?.text ?? '';
  return match(f)
    .with({ code: 'no-congress' }, () => '记录中没有本届人民代表大会的基本信息（“本届人民代表大会”事件）')
    .with({ code: 'tampered-log' }, ({ facts }) => `哈希链校验失败：${facts.problem}；详见 roster verify`)
    .with({ code: 'invalid-correction' }, ({ facts }) =>
      facts.problem === 'not-earlier'
        ? `第${seq}条更正所指的第${facts.supersedes}条事件不存在（只能更正此前已记录的事件）`
        : `第${seq}条更正指向的第${facts.supersedes}条本身是更正；请直接更正第${facts.original}条原事件`,
    )
    .with(
      { code: 'duplicate-definition' },
      ({ facts, eventSeqs }) => `${definitionOf(facts)}被重复记录（第${eventSeqs[1]}条与第${seq}条）；如需更正，请记录更正事件`,
    )
    .with({ code: 'duplicate-person' }, ({ facts, eventSeqs }) =>
      'personIds' in facts
        ? `姓名“${facts.name}”登记了多个人员（${facts.personIds.join('、')}），且出生年月不能区分，可能是同一人重复登记`
        : `人员编号“${facts.personId}”被重复登记（第${eventSeqs[1]}条与第${seq}条）`,
    )
    .with({ code: 'unknown-person' }, ({ facts }) => `第${seq}条事件（${eventName(facts.eventType)}）所指人员“${facts.personId}”未登记`)
    .with(
      { code: 'roster-without-balance' },
      ({ facts }) => `第${seq}条事件（名册载入）所载名册对应的第${facts.session}次会议没有记录实有代表人数，或其后已另行记录期初实有代表`,
    )
    .with(
      { code: 'roster-exceeds-balance' },
      ({ facts }) =>
        `第${seq}条事件（名册载入）载入代表${facts.count}名，多于第${facts.session}次会议确认的实有代表中尚未记名的${facts.unnamed}名`,
    )
    .with(
      { code: 'confirmed-after-balance' },
      ({ facts }) =>
        `第${seq}条事件（名册载入）中${facts.name}的代表资格确认日期（${formatChineseDate(facts.confirmedOn)}）晚于期初名册日期（${formatChineseDate(facts.date)}）`,
    )
    .with({ code: 'already-named' }, ({ facts }) => `第${seq}条事件（名册载入）中的${facts.name}在记录中已有代表资格，不能重复载入`)
    .with(
      { code: 'event-after-end' },
      ({ facts }) => `第${seq}条事件（${eventName(facts.eventType)}）发生在${facts.name}的代表资格终止（或当选无效）之后`,
    )
    .with(
      { code: 'event-without-mandate' },
      ({ facts }) => `第${seq}条事件（${eventName(facts.eventType)}）所指的${facts.name}在本届没有代表资格记录`,
    )
    .with(
      { code: 'event-without-date' },
      ({ facts }) => `第${seq}条事件（${eventName(facts.eventType)}，${facts.name}）及其来源文件均无日期，无法确定适用的规则`,
    )
    .with(
      { code: 'no-rule-in-force' },
      ({ facts }) =>
        `第${seq}条事件（${eventName(facts.eventType)}，${facts.name}，${formatChineseDate(facts.date)}）在当时施行的规则中没有对应规定，未改变代表状态`,
    )
    .with({ code: 'unknown-electing-unit' }, ({ facts }) => `第${seq}条事件：选举单位“${facts.electingUnit}”不在本届选举单位名单中`)
    .with(
      { code: 'by-election-without-vacancy' },
      ({ facts }) =>
        `${facts.electingUnit}名额${facts.quota}名，${formatChineseDate(facts.date)}已有代表${facts.held}名，没有缺额可以补选${facts.name}`,
    )
    .with({ code: 'counted-before-confirmation' }, ({ facts }) =>
      facts.kind === 'stated'
        ? `《${facts.document}》所述实有代表${facts.stated}名，比计算结果${facts.computed}名多出尚未确认代表资格的${facts.pending}名：当选代表在常委会确认前不计入实有代表`
        : `${facts.name}的代表资格确认日期（${formatChineseDate(facts.confirmedOn)}）早于当选日期（${formatChineseDate(facts.electedOn)}）`,
    )
    .with(
      { code: 'stated-count-mismatch' },
      ({ facts }) =>
        `《${facts.document}》所述${FIELD_NAMES[facts.field]}${facts.stated}名，与根据记录计算的${facts.computed}名不一致（${pointOf(facts)}）`,
    )
    .with({ code: 'above-quota' }, ({ facts }) => `${pointOf(facts)}时实有代表${facts.count}名，超过${seatsOf(facts)}`)
    .with(
      { code: 'duplicate-absence' },
      ({ facts }) =>
        `第${seq}条事件：${facts.name}未经批准不出席第${facts.congressSession}次代表大会会议已由第${facts.first}条事件记录，同一次会议不能记两次`,
    )
    .with(
      { code: 'review-repeated' },
      ({ facts }) =>
        `第${seq}条事件：${facts.name}的代表资格已经确认（第${facts.first}条事件），不能再次审查；如前一次记错了，请记录更正事件`,
    )
    .with({ code: 'dated-before-previous-change' }, ({ facts }) =>
      facts.kind === 'mandate'
        ? `第${seq}条事件（${eventName(facts.eventType)}）：${facts.name}的这一变动日期（${formatChineseDate(facts.date)}）` +
          `早于此前第${facts.previousSeq}条事件所记的代表资格变动（${formatChineseDate(facts.previousDate)}）`
        : `第${seq}条事件：期初实有代表数的日期为${formatChineseDate(facts.date)}，` +
          `而第${facts.session}次会议（第${facts.sessionSeq}条事件）的日期为${formatChineseDate(facts.sessionDate)}：两者之一记错了`,
    )
    .with(
      { code: 'event-before-birth' },
      ({ facts }) =>
        `第${seq}条事件（${eventName(facts.eventType)}）的日期（${formatChineseDate(facts.date)}）早于${facts.name}的出生日期（${formatChineseDate(facts.birthDate)}）`,
    )
    .with({ code: 'ledger-inconsistent' }, ({ facts }) =>
      'session' in facts.point
        ? `第${facts.point.session}次会议：${facts.problem}`
        : `${formatChineseDate(facts.point.asOf)}：${facts.problem}`,
    )
    .with(
      { code: 'by-election-over-quota' },
      ({ facts }) =>
        `代表名额${facts.quota}名，${formatChineseDate(facts.date)}已有实有代表${facts.counted}名` +
        `${facts.pending > 0 ? `和已当选待确认的${facts.pending}名` : ''}，没有缺额可以补选${facts.name}（第${seq}条事件）${cited ? `（${cited}）` : ''}`,
    )
    .with(
      { code: 'count-over-quota' },
      ({ facts }) =>
        `第${seq}条事件之后，${formatChineseDate(facts.date)}实有代表${facts.count}名，超过代表名额${facts.quota}名${cited ? `（${cited}）` : ''}`,
    )
    .with(
      { code: 'publication-differs' },
      ({ facts }) =>
        `第${seq}条：《${facts.document}》（${formatChineseDate(facts.date)}）公告${facts.name}的代表资格终止，` +
        `但按现行规则和记录重新计算，${facts.name}在该日${facts.status ? STATUS_NAMES[facts.status] : '没有代表资格记录'}；已公布的内容不会被改动，请核实规则或记录（必要时记录更正）`,
    )
    .with(
      { code: 'unknown-organ' },
      ({ facts }) => `第${seq}条事件（${eventName(facts.eventType)}）所指机关“${facts.organId}”未登记（请先以“机关”事件登记）`,
    )
    .with(
      { code: 'post-grouping-mismatch' },
      ({ facts }) => `第${seq}条事件：groupedAs 合计${facts.grouped}项，与 posts 的${facts.posts}项不符`,
    )
    .with(
      { code: 'post-not-held' },
      ({ facts }) => `第${seq}条事件结束${facts.name}的“${facts.post}”职务，但记录中此时没有其担任该职务的记录`,
    )
    .with(
      { code: 'post-held-after-transfer' },
      ({ facts }) => `${facts.name}（${facts.termination}）仍担任“${facts.post}”：${facts.label}（${cited}）`,
    )
    .with({ code: 'dependent-post-still-held' }, ({ facts }) =>
      facts.kind === 'cascade'
        ? `${facts.name}的代表资格已于${facts.date ? formatChineseDate(facts.date) : '（日期不详）'}终止（${facts.termination}），其“${facts.post}”职务${facts.requirement ?? ''}，${facts.mode ? `依法${facts.mode}（${cited}）` : '规则未使其自动终止'}，但记录中没有该职务结束的记录`
        : `${facts.name}担任的“${facts.post}”职务${facts.requirement ?? ''}（${cited}），但记录中其已不是常务委员会组成人员，且没有该职务结束的记录`,
    )
    .with(
      { code: 'appointment-requires-deputy' },
      ({ facts }) =>
        `第${seq}条事件任命${facts.name}为“${facts.post}”，该职务${facts.requirement ?? ''}（${cited}），但${formatChineseDate(facts.date)}表决时其代表资格尚未有效`,
    )
    .with(
      { code: 'appointment-requires-standing-committee-seat' },
      ({ facts }) =>
        `第${seq}条事件任命${facts.name}为“${facts.post}”，该职务${facts.requirement ?? ''}（${cited}），但记录中其此时不是常务委员会组成人员`,
    )
    .with(
      { code: 'appointment-not-allowed' },
      ({ facts }) => `第${seq}条事件任命${facts.name}为“${facts.post}”：${facts.label}（${cited}）`,
    )
    .with(
      { code: 'incompatible-posts' },
      ({ facts }) =>
        `${facts.name}${facts.open ? '同时担任' : '曾同时担任'}“${facts.posts[0]}”和“${facts.posts[1]}”：${facts.label}（${cited}）${facts.open ? '' : `；已由第${facts.endedBy}条事件结束`}`,
    )
    .with(
      { code: 'oath-not-recorded' },
      ({ facts }) =>
        `${facts.name}经第${facts.session}次会议（${formatChineseDate(facts.date)}）任命，${facts.label}（${cited}），记录中尚无其宣誓的记录`,
    )
    .with(
      { code: 'oath-names-not-recorded' },
      ({ facts }) =>
        `第${seq}条事件记载${formatChineseDate(facts.date)}组织了宪法宣誓（${facts.participants ?? '未列人员'}），但未列明宣誓人员；应宣誓的${facts.names.length}人无法逐一核实：${facts.names.join('、')}`,
    )
    .with(
      { code: 'suspension-without-permission' },
      ({ facts }) =>
        `${facts.name}因刑事案件被羁押而暂时停止执行代表职务（第${seq}条事件），记录中没有${facts.by}的许可或者现行犯被拘留的报告（${cited}：${facts.label}）`,
    )
    .with(
      { code: 'customary-basis' },
      ({ facts, eventSeqs, ruleTitle }) =>
        `第${eventSeqs.join('、')}条事件依惯例认定（${[facts.note === ruleTitle ? undefined : facts.note, ruleTitle ? ruleName({ title: ruleTitle }) : undefined].filter(Boolean).join('；')}）：当时施行的法律中没有经核实的条文可以引用`,
    )
    .with({ code: 'termination-on-other-ground' }, ({ facts }) => {
      const who = facts.count !== undefined ? `${facts.count}名代表` : (facts.name ?? '代表');
      return `第${seq}条事件：${who}的代表资格因“${facts.wording ?? '来源未载明'}”终止，已计入出缺；该情形不在规则所列的终止情形之中，请核实（${cited}）`;
    })
    .with(
      { code: 'balance-count-derived' },
      ({ facts }) => `第${seq}条事件（期初实有代表）未载明人数，按第${facts.derivedFrom}条事件所述变动后实有人数推算为${facts.count}名`,
    )
    .with(
      { code: 'balance-count-unknown' },
      () => `第${seq}条事件（期初实有代表）未载明人数，其后也没有公告或报告载明变动后的实有人数：实有代表人数无从计算`,
    )
    .exhaustive();
}
