/**
 * Dates and sessions a clerk asks about, held to what the record can answer: a date before the record
 * starts (it knows nothing of the congress then), a date after today (it cannot know the future), a
 * comparison that runs backwards (`diff --from 19 --to 15`) are refused with a message instead of
 * answered with zeros or a reversed list. Pure: the derivation and today's date in, the target out.
 */
import { chineseNumber, formatChineseDate, isCalendarMonth, type LegalDate, onOrBefore } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import type { RosterEvent } from '../domain/events.js';
import type { RosterState } from '../domain/roster.js';
import type { Derivation } from '../engine/derive.js';
import { type LedgerTarget, resolveTarget } from '../ledger/headcount.js';

/**
 * The first date the record speaks of the congress: the term's start, the congress's own date, the
 * earliest session, or the earliest date an event states for itself (an election, a count). The dates
 * of source documents are not counted: a law or a report may be older than anything it tells of.
 */
export function recordStart(d: Pick<Derivation, 'state' | 'events'>): LegalDate | undefined {
  return startAmong(eventsStart(d.state.congress?.term.start, d.events), d.state.sessions);
}

/** A month-precision date starts on the month's first day (and is given as the month). */
const firstDay = (x: string) => (isCalendarMonth(x) ? `${x}-01` : x);

/** The earliest of the dates, the first given where two name the same day. */
function earliest(dates: readonly (string | undefined)[]): LegalDate | undefined {
  const given = dates.filter((x): x is string => typeof x === 'string' && x !== '');
  return given.sort((a, b) => firstDay(a).localeCompare(firstDay(b)))[0];
}

/**
 * The earliest date the events state for themselves, after `from` (the term's start, or what this
 * gave for the events before them): kept with a replay, so `recordStart` needs no events.
 */
export function eventsStart(from: LegalDate | undefined, events: readonly RosterEvent[]): LegalDate | undefined {
  return earliest([from, ...events.map((e) => ('date' in e && typeof e.date === 'string' ? e.date : undefined))]);
}

/** The record's start: the events' (`eventsStart`), or an earlier session's. */
export function startAmong(fromEvents: LegalDate | undefined, sessions: RosterState['sessions']): LegalDate | undefined {
  return earliest([fromEvents, ...Object.values(sessions).map((s) => s.date)]);
}

const shown = (date: LegalDate) => formatChineseDate(date);

/** A date the clerk gave (`--as-of`), between the record's start and today (Beijing). */
export function checkDate(d: Derivation, date: LegalDate, today: LegalDate, option = '--as-of'): LegalDate {
  return dateWithin(recordStart(d), date, today, option);
}

/** `checkDate`, with the record's start given. */
export function dateWithin(start: LegalDate | undefined, date: LegalDate, today: LegalDate, option = '--as-of'): LegalDate {
  if (!onOrBefore(date, today)) {
    throw new DomainError('invalid-input', `日期 ${date} 晚于今天（${shown(today)}，北京时间）：记录只能说明已经发生的情况`, option);
  }
  if (start !== undefined && date < firstDay(start)) {
    throw new DomainError('invalid-input', `日期 ${date} 早于本届记录的起点（${shown(start)}）：记录中没有此前的情况`, option);
  }
  return date;
}

/** A session or a date to answer for; a date is held to the record's span. */
export function checkTarget(d: Derivation, target: LedgerTarget, today: LegalDate, option = '--as-of'): LedgerTarget {
  return 'asOf' in target ? targetWithin(recordStart(d), d.state, target, today, option) : targetWithin(undefined, d.state, target, today);
}

/** `checkTarget`, with the record's start given. */
export function targetWithin(
  start: LegalDate | undefined,
  state: RosterState,
  target: LedgerTarget,
  today: LegalDate,
  option = '--as-of',
): LedgerTarget {
  if ('asOf' in target) dateWithin(start, target.asOf, today, option);
  else resolveTarget(state, target);
  return target;
}

const described = (t: ReturnType<typeof resolveTarget>) =>
  t.session !== undefined ? `常委会第${chineseNumber(t.session)}次会议（${shown(t.date)}）` : shown(t.date);

const given = (t: LedgerTarget) => ('session' in t ? String(t.session) : t.asOf);

/** `diff --from A --to B`: both answerable, and A not after B. */
export function checkSpan(d: Derivation, from: LedgerTarget, to: LedgerTarget, today: LegalDate): void {
  checkTarget(d, from, today, '--from');
  checkTarget(d, to, today, '--to');
  const [a, b] = [resolveTarget(d.state, from), resolveTarget(d.state, to)];
  const backwards = a.session !== undefined && b.session !== undefined ? a.session > b.session : !onOrBefore(a.date, b.date);
  if (backwards) {
    throw new DomainError(
      'invalid-input',
      `起点${described(a)}晚于终点${described(b)}：--from 应为较早的会议或日期，--to 为较晚的（如 --from ${given(to)} --to ${given(from)}）`,
      '--from',
    );
  }
}

/** `log --since`: a recording date not after today. */
export function checkSince(since: LegalDate, today: LegalDate): LegalDate {
  if (!onOrBefore(since, today)) {
    throw new DomainError('invalid-input', `日期 ${since} 晚于今天（${shown(today)}，北京时间）：没有在将来记录的事件`, '--since');
  }
  return since;
}
