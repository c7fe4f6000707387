/** Reading a stream as the use cases need it: the committed head and every record validated as an event. */
import type { RosterEvent } from '../domain/events.js';
import { GENESIS } from '../store/chain.js';
import type { Head, RecordStream } from '../store/record-store.js';
import { eventOf } from '../store/stored-records.js';

export interface ReadRecord {
  /** The head the events end in: what a writer appending after them expects the stream still to have. */
  readonly head: Head;
  readonly events: readonly RosterEvent[];
}

export async function readRecord(stream: RecordStream): Promise<ReadRecord> {
  const snap = await stream.snapshot();
  const events: RosterEvent[] = [];
  let last: Record<string, unknown> | undefined;
  for await (const record of snap.records()) {
    events.push(eventOf(record, events.length, snap.where, stream.location));
    last = record;
  }
  return { head: snap.committed ?? { seq: events.length, hash: last ? String(last.hash) : GENESIS }, events };
}
