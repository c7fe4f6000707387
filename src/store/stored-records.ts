/**
 * Between events and stored records: stamping the events a clerk submits as the records that
 * continue a stream's head (seq, recordedAt, recordedBy, hash), and validating stored records as
 * events when they are read back. The same for every store.
 */
import { DomainError } from '../domain/errors.js';
import { type EventInput, type RosterEvent, StoredEventSchema, validatingMany } from '../domain/events.js';
import { deepestIssue } from '../domain/validation.js';
import { chainHash } from './chain.js';
import type { Head, StoredRecord } from './record-store.js';

export interface Stamps {
  readonly recordedBy: string;
  /** ISO timestamp of the recording (not a legal date). */
  readonly recordedAt: string;
  /** Who drafted the events in the console, when another account (`recordedBy`) approved them. */
  readonly draftedBy?: string;
}

/** The recorder, as stamped: a name with something in it (blank ones are refused before anything is written). */
export function recorderName(name: string): string {
  if (name.trim() === '') {
    throw new DomainError('invalid-input', '记录人不能为空：请用 --as 或环境变量 ROSTER_USER 写明记录人的姓名');
  }
  return name;
}

/** The events as recorded after `lastSeq`: numbered on, with who recorded them and when. */
export function stamp(events: readonly EventInput[], stamps: Stamps, lastSeq: number): RosterEvent[] {
  recorderName(stamps.recordedBy);
  return events.map(
    (e, i) =>
      ({
        ...e,
        seq: lastSeq + i + 1,
        recordedAt: stamps.recordedAt,
        recordedBy: stamps.recordedBy,
        ...(stamps.draftedBy !== undefined ? { draftedBy: stamps.draftedBy } : {}),
      }) as RosterEvent,
  );
}

/** Recorded events as the records that continue `head`, each chained onto the one before. */
export function chained(events: readonly RosterEvent[], head: Head): StoredRecord[] {
  let prev = head.hash;
  return events.map((event) => {
    // As JSON keeps it (no undefined fields), so that the hash is that of what is read back.
    const body = JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
    prev = chainHash(prev, body);
    return { ...body, hash: prev };
  });
}

/**
 * Validate the stored record at `index` (0-based) as an event; the first problem is named by
 * `where` (the record and the field) in the stream at `location`.
 */
/** From this record on, a log is long enough for zod's compiled validation to pay (see `validatingMany`). */
const MANY_RECORDS = 2000;

export function eventOf(
  record: unknown,
  index: number,
  where: (index: number, path?: readonly PropertyKey[]) => string,
  location: string,
): RosterEvent {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new DomainError('invalid-data-file', `${where(index)}：应为事件对象`, location);
  }
  const { hash: _hash, ...body } = record as Record<string, unknown>;
  if (index === MANY_RECORDS) validatingMany();
  const result = StoredEventSchema.safeParse(body);
  if (!result.success) {
    const issue = deepestIssue(result.error.issues);
    throw new DomainError('invalid-data-file', `${where(index, issue.path)}：${issue.message}`, location);
  }
  if (result.data.seq !== index + 1) {
    throw new DomainError('invalid-data-file', `${where(index, ['seq'])}：序号应为 ${index + 1}，实为 ${result.data.seq}`, location);
  }
  return result.data;
}
