/** The port for what the audit needs beyond reading and appending: the stored records with their hashes. */
import type { StoredRecord } from '../history/chain.js';
import type { RawFile } from './data-file.js';

/** What the store last committed (the lowdb head file beside the log). */
export interface Head {
  readonly seq: number;
  readonly hash: string;
  /** Length in bytes of the committed part of the log. */
  readonly bytes: number;
}

export interface Snapshot {
  readonly raw: RawFile;
  /** What the store last committed (log layout only). */
  readonly head: Head | undefined;
  /** Bytes after the commit point: an interrupted write, never acknowledged. */
  readonly uncommittedBytes: number;
  /** Bytes the head says were committed but the file no longer has. */
  readonly missingBytes: number;
}

export interface HistoryStore {
  readonly location: string;
  snapshot(): Promise<Snapshot>;
  importRecords(records: readonly StoredRecord[]): Promise<void>;
}
