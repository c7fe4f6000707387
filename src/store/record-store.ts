/**
 * The record port: what every store of the legal record offers, whatever it keeps the records in
 * (a JSON Lines file, a database table). It speaks of a stream of records per congress, each record
 * an event as stored with its `seq` and `hash`, and of the committed head: the seq and hash of the
 * last record the store acknowledged. Hashing is not the store's business: records arrive chained
 * (src/store/chain.ts, the one module every adapter calls) and the store only checks that they
 * continue the head it was told to expect, then keeps them all or none.
 */

import type { CongressSummary } from '../domain/congress-summary.js';
import type { VerifiedRun } from './chain.js';

/** A record as a store keeps it: the event's fields with its `seq` and `hash`, not yet validated as an event. */
export type StoredRecord = Readonly<Record<string, unknown>>;

/** The committed end of a stream: the seq and hash of its last record (seq 0 and GENESIS when it is empty). */
export interface Head {
  readonly seq: number;
  readonly hash: string;
}

/** How a stream is kept, as `verify` reports it. */
export interface StorageInfo {
  /** `document`: one JSON document (the embedded data, an export); `log`: JSON Lines, appended to; `database`: rows of a table. */
  readonly layout: 'document' | 'log' | 'database';
  /** The format version the records were written in; 1 has no hashes and is chained as it is read. */
  readonly formatVersion: number;
  /** What an interrupted write left past the commit point, never acknowledged and not read (bytes). */
  readonly uncommittedBytes: number;
  /**
   * The store's own record of its committed head, held against the records by `verify` and every
   * read: `kept`; `none` where the layout keeps none (a document file); `missing` where it should
   * and does not (a log whose head file was deleted: nothing then shows that no records were cut off the end).
   */
  readonly anchor: 'kept' | 'none' | 'missing';
}

/** A consistent view of a stream: the head the store had committed when it was taken, and the records up to it. */
export interface StreamSnapshot {
  /**
   * What the store's own bookkeeping says it committed (undefined where it keeps none, or lost it:
   * see `storage.anchor`). The records may end elsewhere: `verify` says how they differ.
   */
  readonly committed: Head | undefined;
  readonly storage: StorageInfo;
  /**
   * The records the store holds as committed, in order, one at a time (a large record is never
   * held whole), read from what the snapshot saw: appends made after it are not in it.
   */
  records(): AsyncIterable<StoredRecord>;
  /**
   * The last `count` of those records, in order (fewer where there are fewer), read without reading
   * the others: what a writer holds against `committed` to see that the store's bookkeeping and its
   * last record agree before it trusts a replay kept for that head. Undefined where the store cannot
   * tell them so (records chained only as they are read, from the first: a version 1 log).
   */
  tail(count: number): Promise<readonly StoredRecord[] | undefined>;
  /** Names record `index` (0-based) and a path inside it in a message: 第12行 $.personId, $.events[3].date … */
  where(index: number, path?: readonly PropertyKey[]): string;
  /**
   * A shortcut a store may offer for a large record: every record verified at once (each a valid
   * event, in order, chained onto the one before from the genesis) and the run they make; undefined
   * at the first doubt, or where the record is too small to gain, and then it is read one at a time.
   */
  verifiedRun?(): Promise<VerifiedRun | undefined>;
}

/**
 * Read models a store may keep beside the records: what the application derived, through the rules
 * (`rulesHash`), from the stream as it stands after the records being written. A database keeps them
 * in the same transaction as the records and answers questions across congresses from them; a file
 * keeps none.
 */
export interface StreamViews {
  readonly rulesHash: string;
  readonly summary: CongressSummary;
}

/** One congress's stream of records. A file store holds exactly one. */
export interface RecordStream {
  /** Where the stream lives, for messages: the data file, or the database and the congress. */
  readonly location: string;
  /** The store keeps read models beside the records (`StreamViews`): give them with every write. */
  readonly keepsViews?: boolean;
  /** The committed head, as cheaply as the store can tell it. */
  head(): Promise<Head>;
  snapshot(): Promise<StreamSnapshot>;
  /**
   * Append records that continue `expected` (seqs expected.seq + 1 …, the first chained onto
   * expected.hash), all or none, if the committed head is still `expected`; otherwise a
   * `store-conflict` DomainError (another writer appended first) and nothing is written. `views`,
   * where the store keeps them, are written with the records, in the same all-or-none.
   */
  append(records: readonly StoredRecord[], expected: Head, views?: StreamViews): Promise<Head>;
  /** Fill an empty stream with a whole record (chained from the start), all or none; `views` as for `append`. */
  importRecords(records: readonly StoredRecord[], views?: StreamViews): Promise<Head>;
  /**
   * Make the store's bookkeeping say that the stream is committed up to `end`, the head its
   * records end in (after `verify` showed the chain whole and the clerk checked the last hash):
   * the way back when that bookkeeping was lost or restored from an older copy. A `store-conflict`
   * if the records no longer end in `end`.
   */
  reanchor(end: Head): Promise<Head>;
  /**
   * Is `file` one of the store's own files (the record, its head, its lock, anything it keeps beside
   * them)? No command's output may be written there. A store that keeps no files says false.
   */
  owns(file: string): Promise<boolean>;
}
