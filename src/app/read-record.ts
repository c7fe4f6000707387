/**
 * Reading a stream as the use cases need it: the committed head and every record validated as an
 * event, with the chain recomputed as the records go by (so no command works on a broken record
 * without saying so) and held against the store's own record of its head.
 */
import { type DomainError, isDomainError } from '../domain/errors.js';
import type { RosterEvent } from '../domain/events.js';
import { type ChainReport, ChainVerifier, continues, GENESIS } from '../store/chain.js';
import type { Head, RecordStream, StoredRecord, StreamSnapshot } from '../store/record-store.js';
import { eventOf } from '../store/stored-records.js';

export interface ReadRecord {
  /** The head the events end in: what a writer appending after them expects the stream still to have. */
  readonly head: Head;
  readonly events: readonly RosterEvent[];
  /** Why the record does not verify (the chain, or its head), in the clerk's words; undefined when it does. */
  readonly problem: string | undefined;
}

/** The head-missing problem, shared by `verify` and every read. */
export function headMissing(count: number, lastHash: string): string {
  return `记录的头部（最后提交的序号和哈希）缺失，无法确认末尾没有事件被删除；现存最后一条为第${count}条，哈希 ${lastHash}。请与会议记录中的哈希核对，无误后运行 roster verify --rebuild-head`;
}

/** The problem a snapshot's anchors and chain show, from the chain recomputed over every record. */
export function anchorProblem(snap: StreamSnapshot, report: ChainReport): string | undefined {
  if (!report.ok) return `哈希链校验失败：${report.problem!.message}`;
  if (snap.storage.anchor === 'missing') return headMissing(report.count, report.headHash);
  return undefined;
}

/** What one pass over a snapshot of a stream saw. */
export interface RecordPass {
  readonly snap: StreamSnapshot;
  /** The chain recomputed over every record read, held against what the snapshot says was committed. */
  readonly chain: ChainReport;
  /** The records as events, in order, up to the first that is not one (none where the pass kept none). */
  readonly events: readonly RosterEvent[];
  /** The first record that is not a valid event, named by record and field; undefined where every one is. */
  readonly invalid: DomainError | undefined;
  /** The seq and stored hash of the last record read (the genesis where there is none). */
  readonly end: Head;
}

export interface PassOptions {
  /** Hold the events (what a derivation needs); verify holds none, so any length of record is read in flat memory. */
  readonly keep: boolean;
  /** Stop at the first record that is not a valid event (a read refuses it); else go on to the end of the chain. */
  readonly stopAtInvalid: boolean;
}

/**
 * One pass over a snapshot of the stream: each record pushed through the chain and validated as an
 * event as it goes by (records after the first invalid one are only chained), so a command that
 * needs both the chain's verdict and the events (`check`) reads, parses and hashes the record once.
 */
export async function passOver(stream: RecordStream, options: PassOptions): Promise<RecordPass> {
  const snap = await stream.snapshot();
  const chain = new ChainVerifier(snap.committed);
  const events: RosterEvent[] = [];
  let invalid: DomainError | undefined;
  let count = 0;
  let last: Record<string, unknown> | undefined;
  for await (const record of snap.records()) {
    chain.push(record);
    if (invalid === undefined) {
      try {
        const event = eventOf(record, count, snap.where, stream.location);
        if (options.keep) events.push(event);
      } catch (e) {
        if (!isDomainError(e)) throw e;
        invalid = e;
        if (options.stopAtInvalid) break;
      }
    }
    count++;
    last = record;
  }
  const end = { seq: count, hash: last ? String(last.hash) : GENESIS };
  return { snap, chain: chain.finish(), events, invalid, end };
}

/** The record a pass read, as the use cases take it; refused (the first invalid record named) where a record is not an event. */
export function readOf(pass: RecordPass): ReadRecord {
  if (pass.invalid) throw pass.invalid;
  const problem = anchorProblem(pass.snap, pass.chain);
  // A writer appends after the records it read; where the store's head differs, `append` refuses.
  return { head: problem ? pass.end : (pass.snap.committed ?? pass.end), events: pass.events, problem };
}

export async function readRecord(stream: RecordStream): Promise<ReadRecord> {
  return readOf(await passOver(stream, { keep: true, stopAtInvalid: true }));
}

/**
 * The committed head, where the store's cheap cross-check vouches for it without reading the
 * record: the store keeps its own record of the head (`anchor: 'kept'`), nothing lies past the
 * commit point, and the last committed record is the one that head names, chained onto the record
 * before it. Undefined on any doubt (no anchor, an uncommitted tail, a head the last record does
 * not match): the caller then reads and verifies the whole record. What it does not see is a change
 * earlier in the record that leaves the last record intact: the chain read in full (`verify`, every
 * command that reads the record) finds that.
 */
export async function vouchedHead(stream: RecordStream): Promise<Head | undefined> {
  return (await vouchedTail(stream, 0))?.head;
}

/**
 * The committed head as `vouchedHead` vouches for it, with the last `count` committed records as
 * events (chained onto one another and onto the head; where they start is the caller's to hold
 * against what it kept). Undefined on any doubt, or where a record is not a valid event.
 */
export async function vouchedTail(
  stream: RecordStream,
  count: number,
): Promise<{ head: Head; events: readonly RosterEvent[]; records: readonly StoredRecord[] } | undefined> {
  const snap = await stream.snapshot();
  const { committed, storage } = snap;
  if (!committed || storage.anchor !== 'kept' || storage.uncommittedBytes !== 0) return undefined;
  const tail = await snap.tail(Math.max(2, count + 1));
  if (!tail) return undefined;
  const last = tail.at(-1);
  if (!last)
    return committed.seq === 0 && committed.hash === GENESIS && count === 0 ? { head: committed, events: [], records: [] } : undefined;
  const before = tail.length > 1 ? tail.at(-2) : undefined;
  const previous: Head = before ? { seq: Number(before.seq), hash: String(before.hash) } : { seq: 0, hash: GENESIS };
  if (previous.seq !== committed.seq - 1 || last.hash !== committed.hash) return undefined;
  if (!continues(previous, [last])) return undefined;
  if (count === 0) return { head: committed, events: [], records: [] };
  const records = tail.slice(-count);
  if (records.length !== count || Number(records[0]!.seq) !== committed.seq - count + 1) return undefined;
  try {
    const events = records.map((r) => eventOf(r, Number(r.seq) - 1, snap.where, stream.location));
    return { head: committed, events, records };
  } catch (e) {
    if (isDomainError(e)) return undefined;
    throw e;
  }
}
