/**
 * `roster log`'s filters as a clerk gives them, turned into the exact filter of the log view: the
 * event type by id or by its Chinese name (调离), the electing unit by a fragment (鄞州), the
 * persons by a query (黄利, hlq). Shared by the CLI and the console.
 */
import { DomainError } from '../domain/errors.js';
import { eventTypeList, eventTypeOf } from '../domain/event-type-words.js';
import type { RosterState } from '../domain/roster.js';
import type { LogFilter } from '../views/audit.js';
import { findPersons, resolveUnit } from './find.js';

export interface LogQuery {
  /** `DeputyTransferredOut`, 调离或迁出本行政区域 or 调离. */
  readonly type?: string;
  /** An electing unit or a fragment naming one. */
  readonly unit?: string;
  /** Part of a name, pinyin initials, an id: events about every person it finds. */
  readonly person?: string;
  /** Recorded on or after this date (Beijing time). */
  readonly since?: string;
}

export function logFilter(state: RosterState, query: LogQuery): LogFilter {
  let type: string | undefined;
  if (query.type !== undefined) {
    type = eventTypeOf(query.type);
    if (!type) throw new DomainError('invalid-input', `事件类型“${query.type}”无效，可用：${eventTypeList()}`, '--type');
  }
  let persons: string[] | undefined;
  if (query.person !== undefined) {
    persons = findPersons(state, query.person).map((m) => m.personId);
    if (persons.length === 0) throw new DomainError('unknown-person', `记录中没有与“${query.person.trim()}”相符的人员`, '--person');
  }
  return {
    ...(type !== undefined ? { type } : {}),
    ...(query.unit !== undefined ? { unit: resolveUnit(state, query.unit) } : {}),
    ...(persons !== undefined ? { persons } : {}),
    ...(query.since !== undefined ? { since: query.since } : {}),
  };
}
