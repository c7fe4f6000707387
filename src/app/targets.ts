/**
 * Dates and sessions a clerk asks about, held to what the record can answer: a date before the record
 * starts (it knows nothing of the congress then), a date after today (it cannot know the future), a
 * comparison that runs backwards (`diff --from 19 --to 15`) are refused with a message instead of
 * answered with zeros or a reversed list. Pure: the derivation and today's date in, the target out.
 */
import { chineseNumber, formatChineseDate, isCalendarMonth, type LegalDate, onOrBefore } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import type { Derivation } from '../engine/derive.js';
import { type LedgerTarget, resolveTarget } from '../ledger/headcount.js';

/**
 * The first date the record speaks of the congress: the term's start, the congress's own date, the
 * earliest session, or the earliest date an event states for itself (an election, a count). The dates
 * of source documents are not counted: a law or a report may be older than anything it tells of.
 */
export function recordStart(d: Derivation): LegalDate | undefined {
  const dates = [
    d.state.congress?.term.start,
    ...d.events.map((e) => ('date' in e && typeof e.date === 'string' ? e.date : undefined)),
    ...Object.values(d.state.sessions).map((s) => s.date),
  ].filter((x): x is string => typeof x === 'string' && x !== '');
  // A month-precision date starts on the month's first day (and is given as the month).
  const first = (x: string) => (isCalendarMonth(x) ? `${x}-01` : x);
  return dates.sort((a, b) => first(a).localeCompare(first(b)))[0];
}

const shown = (date: LegalDate) => formatChineseDate(date);

/** A date the clerk gave (`--as-of`), between the record's start and today (Beijing). */
export function checkDate(d: Derivation, date: LegalDate, today: LegalDate, option = '--as-of'): LegalDate {
  if (!onOrBefore(date, today)) {
    throw new DomainError('invalid-input', `日期 ${date} 晚于今天（${shown(today)}，北京时间）：记录只能说明已经发生的情况`, option);
  }
  const start = recordStart(d);
  if (start !== undefined && date < (isCalendarMonth(start) ? `${start}-01` : start)) {
    throw new DomainError('invalid-input', `日期 ${date} 早于本届记录的起点（${shown(start)}）：记录中没有此前的情况`, option);
  }
  return date;
}

/** A session or a date to answer for; a date is held to the record's span. */
export function checkTarget(d: Derivation, target: LedgerTarget, today: LegalDate, option = '--as-of'): LedgerTarget {
  if ('asOf' in target) checkDate(d, target.asOf, today, option);
  else resolveTarget(d.state, target);
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
