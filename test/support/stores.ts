/** The record port as tests use it: the events in a data file, and appends made as the use cases make them. */
import { readRecord } from '../../src/app/read-record.js';
import type { EventInput, RosterEvent } from '../../src/domain/events.js';
import { FileRecordStream } from '../../src/store/file-store.js';
import type { Head, RecordStream } from '../../src/store/record-store.js';
import { chained, stamp } from '../../src/store/stored-records.js';

/** The events of a data file, validated as every command reads them. */
export async function eventsIn(db: string): Promise<readonly RosterEvent[]> {
  return (await readRecord(new FileRecordStream(db))).events;
}

/** Append events after `expected` (default: the stream's head now), stamped and chained as `roster record` does. */
export async function appendEvents(
  stream: RecordStream,
  events: readonly EventInput[],
  expected?: Head,
  recordedBy = 'test',
): Promise<Head> {
  const head = expected ?? (await stream.head());
  return stream.append(chained(stamp(events, { recordedBy, recordedAt: '2026-01-01T00:00:00Z' }, head.seq), head), head);
}
