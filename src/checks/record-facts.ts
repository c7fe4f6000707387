/**
 * Facts that cannot all be true: the same absence recorded twice, a deputy reviewed twice, a change of
 * status dated before the change it follows (a death before the election, a transfer before the
 * opening balance that counted the deputy), an event before the person's birth, a by-election with no
 * seat free in the whole congress, a count above the quota at any confirmation (not only at a
 * session). Each is an error on the event that makes the record contradict itself, so `record`,
 * `import` and `import-roster` refuse it and `check` reports it in a record that holds it already.
 */
import { formatChineseDate, type LegalDate, latestDay } from '../domain/dates.js';
import { effectiveDate, type RosterEvent } from '../domain/events.js';
import { countOn, isCounted, statusOn } from '../domain/roster.js';
import { table } from '../domain/tables.js';
import type { Derivation } from '../engine/derive.js';
import type { CheckFinding } from './check-finding.js';

/** `a` is surely before `b`: its last possible day is before `b`'s first (2024-01 is not before 2024-01-15). */
const before = (a: LegalDate, b: LegalDate) => latestDay(a) < (b.length === 7 ? `${b}-01` : b);

export function recordFactChecks(d: Derivation): CheckFinding[] {
  return [...absenceChecks(d), ...reviewChecks(d), ...datedChecks(d), ...balanceChecks(d), ...seatChecks(d)];
}

const who = (d: Derivation, personId: string) => d.state.persons[personId]?.name ?? personId;

/** 未经批准不出席 is one event per congress session missed: the same session twice is one absence recorded twice. */
function absenceChecks(d: Derivation): CheckFinding[] {
  const seen = table<number>();
  const out: CheckFinding[] = [];
  for (const e of d.events) {
    if (e.type !== 'AbsentWithoutLeave') continue;
    const key = `${e.personId}\u0000${e.congressSession}`;
    const first = seen[key];
    if (first === undefined) {
      seen[key] = e.seq;
      continue;
    }
    out.push({
      level: 'error',
      code: 'duplicate-absence',
      message: `第${e.seq}条事件：${who(d, e.personId)}未经批准不出席第${e.congressSession}次代表大会会议已由第${first}条事件记录，同一次会议不能记两次`,
      eventSeq: e.seq,
      personId: e.personId,
    });
  }
  return out;
}

/** A deputy's election is reviewed once: a second review (confirmed twice, or voided after it) contradicts the first. */
function reviewChecks(d: Derivation): CheckFinding[] {
  const reviewed = table<number>();
  const out: CheckFinding[] = [];
  const counted = (personId: string, seq: number) => {
    reviewed[personId] = seq;
  };
  for (const e of d.events) {
    if (e.type === 'DeputyElected') delete reviewed[e.personId];
    if (e.type === 'OpeningBalanceStated' || e.type === 'RosterLoaded') for (const m of e.members) counted(m.personId, e.seq);
    if (e.type !== 'QualificationReviewed') continue;
    const first = reviewed[e.personId];
    if (first === undefined) {
      counted(e.personId, e.seq);
      continue;
    }
    out.push({
      level: 'error',
      code: 'review-repeated',
      message: `第${e.seq}条事件：${who(d, e.personId)}的代表资格已经确认（第${first}条事件），不能再次审查；如前一次记错了，请记录更正事件`,
      eventSeq: e.seq,
      personId: e.personId,
    });
  }
  return out;
}

/**
 * A mandate's changes follow one another in time: a termination, suspension or review dated before
 * the election, the confirmation or the opening balance it follows cannot be (and would make the
 * ledger's arithmetic impossible). An event about a person dated before their birth neither.
 */
function datedChecks(d: Derivation): CheckFinding[] {
  const out: CheckFinding[] = [];
  const bySeq = new Map<number, RosterEvent>(d.events.map((e) => [e.seq, e]));
  for (const m of d.state.mandates) {
    const name = who(d, m.personId);
    let previous: { from: LegalDate; seq: number } | undefined;
    for (const change of m.history) {
      if (change.from === undefined) continue;
      const event = bySeq.get(change.eventSeq);
      // A review dated before its election is reported as counted-before-confirmation (consistency.ts).
      if (previous && before(change.from, previous.from) && event?.type !== 'QualificationReviewed') {
        out.push({
          level: 'error',
          code: 'dated-before-previous-change',
          message:
            `第${change.eventSeq}条事件（${event?.type ?? ''}）：${name}的这一变动日期（${formatChineseDate(change.from)}）` +
            `早于此前第${previous.seq}条事件所记的代表资格变动（${formatChineseDate(previous.from)}）`,
          eventSeq: change.eventSeq,
          personId: m.personId,
        });
      }
      if (!previous || !before(change.from, previous.from)) previous = { from: change.from, seq: change.eventSeq };
    }
  }
  for (const e of d.events) {
    if (!('personId' in e) || e.type === 'PersonRegistered') continue;
    const born = d.state.persons[e.personId]?.birthDate;
    const date = effectiveDate(e);
    if (born && date && before(date, born)) {
      out.push({
        level: 'error',
        code: 'event-before-birth',
        message: `第${e.seq}条事件（${e.type}）的日期（${formatChineseDate(date)}）早于${who(d, e.personId)}的出生日期（${formatChineseDate(born)}）`,
        eventSeq: e.seq,
        personId: e.personId,
      });
    }
  }
  return out;
}

/**
 * A count confirmed at a session is the count on the session's date: a balance dated after its own
 * session (a session mistyped as 0000-01-01) leaves the ledger counting from a day the record knows
 * nothing of.
 */
function balanceChecks(d: Derivation): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const e of d.events) {
    if (e.type !== 'OpeningBalanceStated' || e.session === undefined || !e.date) continue;
    const held = d.events.find((x) => x.type === 'SessionHeld' && x.session === e.session);
    if (held?.type !== 'SessionHeld' || !before(held.date, e.date)) continue;
    out.push({
      level: 'error',
      code: 'dated-before-previous-change',
      message:
        `第${e.seq}条事件确认的期初实有代表数日期为${formatChineseDate(e.date)}，` +
        `而第${e.session}次会议（第${held.seq}条事件）的日期为${formatChineseDate(held.date)}：两者之一记错了`,
      eventSeq: Math.max(e.seq, held.seq),
    });
  }
  return out;
}

/**
 * Seats, on every date that adds a deputy, not only at sessions: a by-election needs a seat free in
 * the whole congress on its date (deputies counted and those elected but not yet reviewed hold
 * theirs), and no confirmation may bring the count above the quota.
 */
function seatChecks(d: Derivation): CheckFinding[] {
  const quota = d.state.congress?.quota as number | undefined;
  if (quota === undefined) return [];
  const out: CheckFinding[] = [];
  for (const e of d.events) {
    const date = effectiveDate(e);
    if (!date) continue;
    if (e.type === 'DeputyElected' && e.kind === 'by-election') {
      const own = d.state.mandates.filter((m) => m.personId === e.personId && isCounted(statusOn(m, date))).length;
      const counted = countOn(d.state, date) - own;
      // Those elected before it in the record and not yet reviewed hold their seats (same-day by-elections fill seats in record order).
      const pending = d.state.mandates.filter(
        (m) => m.personId !== e.personId && (m.history[0]?.eventSeq ?? 0) < e.seq && statusOn(m, date) === 'pending',
      ).length;
      if (counted + pending >= quota) {
        out.push({
          level: 'error',
          code: 'by-election-without-vacancy',
          message:
            `代表名额${quota}名，${formatChineseDate(date)}已有实有代表${counted}名` +
            `${pending > 0 ? `和已当选待确认的${pending}名` : ''}，没有缺额可以补选${who(d, e.personId)}（第${e.seq}条事件）`,
          eventSeq: e.seq,
          personId: e.personId,
        });
      }
    }
    const adds =
      (e.type === 'QualificationReviewed' && e.result === 'valid') || e.type === 'OpeningBalanceStated' || e.type === 'RosterLoaded';
    if (adds) {
      const count = countOn(d.state, date);
      if (count > quota) {
        out.push({
          level: 'error',
          code: 'above-quota',
          message: `第${e.seq}条事件之后，${formatChineseDate(date)}实有代表${count}名，超过代表名额${quota}名`,
          eventSeq: e.seq,
        });
      }
    }
  }
  return out;
}
