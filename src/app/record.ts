/**
 * Recording: read the record, decide whether the new events fit it, append them with the head that
 * was read. The events are replayed after the record through the rules, and refused (with the
 * event's index) where a check finds that one of them contradicts the record; a correction is also
 * refused where it makes an earlier event contradict it.
 */

import { allChecks } from '../checks/all-checks.js';
import type { CheckFinding } from '../checks/check-finding.js';
import { check } from '../checks/consistency.js';
import { DomainError } from '../domain/errors.js';
import type { EventInput, RosterEvent } from '../domain/events.js';
import { derive } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import type { RecordStream } from '../store/record-store.js';
import { chained, stamp } from '../store/stored-records.js';
import type { Clock } from './clock.js';
import { readRecord } from './read-record.js';

export interface RecordRequest {
  readonly events: readonly EventInput[];
  /** Who records them: a plain input, never read from the machine. */
  readonly recordedBy: string;
}

/** What recording needs: the stream, the rules, and the clock that stamps the events. */
export interface RecordPorts {
  readonly stream: RecordStream;
  readonly evaluator: Evaluator;
  readonly clock: Clock;
}

export async function recordEvents(app: RecordPorts, request: RecordRequest): Promise<readonly RosterEvent[]> {
  const { head, events: existing } = await readRecord(app.stream);
  const added = stamp(request.events, { recordedBy: request.recordedBy, recordedAt: app.clock.now() }, head.seq);
  const candidate = [...existing, ...added];
  const d = await derive(candidate, app.evaluator);
  const introduced = (await allChecks(d, app.evaluator)).filter(
    (f) => f.level === 'error' && f.eventSeq !== undefined && f.eventSeq > head.seq,
  );
  const first = introduced[0];
  if (first) {
    const index = first.eventSeq! - head.seq - 1;
    throw new DomainError(
      first.code === 'unknown-person' ? 'unknown-person' : 'contradicts-record',
      first.message,
      `第${index + 1}个事件（$[${index}]）`,
    );
  }
  // A correction changes the replay of earlier events: refuse it if it makes any of them contradict the record.
  const correction = candidate.findIndex((e, i) => i >= existing.length && e.type === 'EventCorrected');
  if (correction >= 0) {
    const key = (f: CheckFinding) => `${f.code}|${f.eventSeq}|${f.personId}`;
    const before = new Set(
      check(await derive(existing, app.evaluator))
        .filter((f) => f.level === 'error')
        .map(key),
    );
    const broken = check(d).find((f) => f.level === 'error' && !before.has(key(f)));
    if (broken) {
      const index = correction - existing.length;
      throw new DomainError('contradicts-record', `更正后记录将出现错误：${broken.message}`, `第${index + 1}个事件（$[${index}]）`);
    }
  }
  await app.stream.append(chained(added, head), head);
  return added;
}
