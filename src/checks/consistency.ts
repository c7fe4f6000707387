/**
 * Consistency checks over the derived roster (`roster check`). Each finding names the event it is
 * about; an error-level finding makes `roster check` exit non-zero and `roster record` refuse.
 */

import { correctionProblems } from '../domain/corrections.js';
import { formatChineseDate, onOrBefore } from '../domain/dates.js';
import type { RosterEvent } from '../domain/events.js';
import { personsOf } from '../domain/persons-of.js';
import { isCounted, statusOn } from '../domain/roster.js';
import type { Derivation } from '../engine/derive.js';
import { FIELD_NAMES, ledger } from '../ledger/headcount.js';
import type { CheckFinding } from './check-finding.js';
import { publicationChecks } from './publications.js';

function who(d: Derivation, personId: string): string {
  return d.state.persons[personId]?.name ?? personId;
}

function personChecks(d: Derivation): CheckFinding[] {
  const out: CheckFinding[] = [];
  const registered = new Map<string, RosterEvent>();
  const byName = new Map<string, string[]>();
  for (const e of d.events) {
    if (e.type === 'PersonRegistered') {
      if (registered.has(e.personId)) {
        out.push({
          level: 'error',
          code: 'duplicate-person',
          message: `人员编号“${e.personId}”被重复登记（第${registered.get(e.personId)!.seq}条与第${e.seq}条）`,
          eventSeq: e.seq,
          personId: e.personId,
        });
      }
      registered.set(e.personId, e);
      byName.set(e.name, [...(byName.get(e.name) ?? []), e.personId]);
      continue;
    }
    for (const id of personsOf(e)) {
      if (!registered.has(id))
        out.push({
          level: 'error',
          code: 'unknown-person',
          message: `第${e.seq}条事件（${e.type}）所指人员“${id}”未登记`,
          eventSeq: e.seq,
          personId: id,
        });
    }
  }
  for (const [name, ids] of byName) {
    if (ids.length < 2) continue;
    const births = ids.map((id) => d.state.persons[id]?.birthDate);
    const distinguishable = births.every((b) => b !== undefined) && new Set(births).size === births.length;
    if (!distinguishable) {
      out.push({
        level: 'warning',
        code: 'duplicate-person',
        message: `姓名“${name}”登记了多个人员（${ids.join('、')}），且出生年月不能区分，可能是同一人重复登记`,
        personId: ids[0]!,
      });
    }
  }
  return out;
}

function unruledChecks(d: Derivation): CheckFinding[] {
  return d.unruled.map(({ event, facts }): CheckFinding => {
    const personId = 'personId' in event ? event.personId : undefined;
    const name = personId ? who(d, personId) : '';
    const base = { eventSeq: event.seq, ...(personId ? { personId } : {}) };
    if (facts.mandateStatus === 'ended' || facts.mandateStatus === 'void') {
      return {
        ...base,
        level: 'error',
        code: 'event-after-end',
        message: `第${event.seq}条事件（${event.type}）发生在${name}的代表资格终止（或当选无效）之后`,
      };
    }
    if (facts.mandateStatus === 'none') {
      return {
        ...base,
        level: 'error',
        code: 'event-without-mandate',
        message: `第${event.seq}条事件（${event.type}）所指的${name}在本届没有代表资格记录`,
      };
    }
    if (facts.eventDate === null) {
      return {
        ...base,
        level: 'warning',
        code: 'event-without-date',
        message: `第${event.seq}条事件（${event.type}，${name}）及其来源文件均无日期，无法确定适用的规则`,
      };
    }
    return {
      ...base,
      level: 'warning',
      code: 'no-rule-in-force',
      message: `第${event.seq}条事件（${event.type}，${name}，${formatChineseDate(String(facts.eventDate))}）在当时施行的规则中没有对应规定，未改变代表状态`,
    };
  });
}

function countChecks(d: Derivation): CheckFinding[] {
  const out: CheckFinding[] = [];
  const congress = d.state.congress!;
  const sessions = Object.values(d.state.sessions).sort((a, b) => a.session - b.session);
  for (const s of sessions) {
    const l = ledger(d, { session: s.session });
    for (const x of l.disagreements) {
      const pendingNow = l.pending.length;
      const includesPending = x.field === 'countAfter' && pendingNow > 0 && x.stated === x.computed + pendingNow;
      out.push({
        level: 'error',
        code: includesPending ? 'counted-before-confirmation' : 'stated-count-mismatch',
        message: includesPending
          ? `《${x.document}》所述实有代表${x.stated}名，比计算结果${x.computed}名多出尚未确认代表资格的${pendingNow}名：当选代表在常委会确认前不计入实有代表`
          : `《${x.document}》所述${FIELD_NAMES[x.field]}${x.stated}名，与根据记录计算的${x.computed}名不一致（第${s.session}次会议）`,
        eventSeq: x.eventSeq,
      });
    }
    if (l.countAfter > congress.quota) {
      out.push({
        level: 'error',
        code: 'above-quota',
        message: `第${s.session}次会议时实有代表${l.countAfter}名，超过代表名额${congress.quota}名`,
      });
    }
  }
  return out;
}

function electionChecks(d: Derivation): CheckFinding[] {
  const out: CheckFinding[] = [];
  const { state } = d;
  const units = new Map(state.congress?.electingUnits.map((u) => [u.name, u.quota]) ?? []);
  const elected = new Map<string, RosterEvent>();
  for (const e of d.events) {
    if (e.type === 'DeputyElected') {
      elected.set(e.personId, e);
      if (!units.has(e.electingUnit)) {
        out.push({
          level: 'warning',
          code: 'unknown-electing-unit',
          message: `第${e.seq}条事件：选举单位“${e.electingUnit}”不在本届选举单位名单中`,
          eventSeq: e.seq,
          personId: e.personId,
        });
      }
      const quota = units.get(e.electingUnit);
      const date = e.date ?? e.source.date;
      if (e.kind === 'by-election' && quota !== undefined && date && (state.unnamed?.count ?? 0) === 0) {
        const held = state.mandates.filter(
          (m) =>
            m.electingUnit === e.electingUnit &&
            m.personId !== e.personId &&
            (isCounted(statusOn(m, date)) || statusOn(m, date) === 'pending'),
        ).length;
        if (held >= quota) {
          out.push({
            level: 'error',
            code: 'by-election-without-vacancy',
            message: `${e.electingUnit}名额${quota}名，${formatChineseDate(date)}已有代表${held}名，没有缺额可以补选${who(d, e.personId)}`,
            eventSeq: e.seq,
            personId: e.personId,
          });
        }
      }
    }
    if (e.type === 'QualificationReviewed') {
      const election = elected.get(e.personId);
      const electedOn = election && (election.type === 'DeputyElected' ? election.date : undefined);
      if (electedOn && !onOrBefore(electedOn, e.date)) {
        out.push({
          level: 'error',
          code: 'counted-before-confirmation',
          message: `${who(d, e.personId)}的代表资格确认日期（${formatChineseDate(e.date)}）早于当选日期（${formatChineseDate(electedOn)}）`,
          eventSeq: e.seq,
          personId: e.personId,
        });
      }
    }
  }
  return out;
}

/** The congress, a session or the opening balance stated twice would silently replace the first. */
function definitionChecks(d: Derivation): CheckFinding[] {
  const out: CheckFinding[] = [];
  const seen = new Map<string, number>();
  for (const e of d.events) {
    const key =
      e.type === 'CongressConstituted'
        ? '本届人民代表大会的基本信息'
        : e.type === 'SessionHeld'
          ? `常委会第${e.session}次会议`
          : e.type === 'OpeningBalanceStated'
            ? '期初实有代表数'
            : undefined;
    if (!key) continue;
    const first = seen.get(key);
    if (first !== undefined) {
      out.push({
        level: 'error',
        code: 'duplicate-definition',
        message: `${key}被重复记录（第${first}条与第${e.seq}条）；如需更正，请记录更正事件`,
        eventSeq: e.seq,
      });
    } else seen.set(key, e.seq);
  }
  return out;
}

/** A loaded roster names deputies of a stated opening balance: no more than it left unnamed, none twice. */
function rosterChecks(d: Derivation): CheckFinding[] {
  const out: CheckFinding[] = [];
  const unnamed = new Map<number, number>();
  const named = new Set<string>();
  for (const e of d.events) {
    if (e.type === 'OpeningBalanceStated') {
      // Only the latest balance has an unnamed part a roster can name.
      unnamed.clear();
      if (e.session !== undefined) unnamed.set(e.session, e.count - e.members.length);
      for (const m of e.members) named.add(m.personId);
    }
    if (e.type === 'DeputyElected') named.add(e.personId);
    if (e.type !== 'RosterLoaded') continue;
    const left = unnamed.get(e.session);
    if (left === undefined) {
      out.push({
        level: 'error',
        code: 'roster-without-balance',
        message: `第${e.seq}条事件（RosterLoaded）所载名册对应的第${e.session}次会议没有记录实有代表人数，或其后已另行记录期初人数（OpeningBalanceStated）`,
        eventSeq: e.seq,
      });
      continue;
    }
    if (e.members.length > left) {
      out.push({
        level: 'error',
        code: 'roster-exceeds-balance',
        message: `第${e.seq}条事件（RosterLoaded）载入代表${e.members.length}名，多于第${e.session}次会议确认的实有代表中尚未记名的${left}名`,
        eventSeq: e.seq,
      });
    }
    unnamed.set(e.session, left - e.members.length);
    for (const m of e.members) {
      if (m.confirmedOn && !onOrBefore(m.confirmedOn, e.date)) {
        out.push({
          level: 'error',
          code: 'confirmed-after-balance',
          message: `第${e.seq}条事件（RosterLoaded）中${who(d, m.personId)}的代表资格确认日期（${formatChineseDate(m.confirmedOn)}）晚于期初名册日期（${formatChineseDate(e.date)}）`,
          eventSeq: e.seq,
          personId: m.personId,
        });
      }
      if (named.has(m.personId)) {
        out.push({
          level: 'error',
          code: 'already-named',
          message: `第${e.seq}条事件（RosterLoaded）中的${who(d, m.personId)}在记录中已有代表资格，不能重复载入`,
          eventSeq: e.seq,
          personId: m.personId,
        });
      }
      named.add(m.personId);
    }
  }
  return out;
}

export function check(d: Derivation): CheckFinding[] {
  if (!d.state.congress) {
    return [{ level: 'error', code: 'no-congress', message: '记录中没有本届人民代表大会的基本信息（CongressConstituted 事件）' }];
  }
  const corrections = correctionProblems(d.recorded).map(
    (p): CheckFinding => ({ level: 'error', code: 'invalid-correction', message: p.message, eventSeq: p.seq }),
  );
  return [
    ...corrections,
    ...definitionChecks(d),
    ...personChecks(d),
    ...rosterChecks(d),
    ...unruledChecks(d),
    ...electionChecks(d),
    ...countChecks(d),
    ...publicationChecks(d),
  ];
}
