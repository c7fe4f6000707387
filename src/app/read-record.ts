/**
 * Reading a stream as the use cases need it: the committed head and every record validated as an
 * event, with the chain recomputed as the records go by (so no command works on a broken record
 * without saying so) and held against the store's own record of its head.
 */
import type { RosterEvent } from '../domain/events.js';
import { ChainVerifier, continues, GENESIS } from '../store/chain.js';
import type { Head, RecordStream, StreamSnapshot } from '../store/record-store.js';
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

/** The problem a snapshot's anchors and chain show, for a verifier that has seen every record. */
export function anchorProblem(snap: StreamSnapshot, chain: ChainVerifier): string | undefined {
  const report = chain.finish();
  if (!report.ok) return `哈希链校验失败：${report.problem!.message}`;
  if (snap.storage.anchor === 'missing') return headMissing(report.count, report.headHash);
  return undefined;
}

export async function readRecord(stream: RecordStream): Promise<ReadRecord> {
  const snap = await stream.snapshot();
  const chain = new ChainVerifier(snap.committed);
  const events: RosterEvent[] = [];
  let last: Record<string, unknown> | undefined;
  for await (const record of snap.records()) {
    chain.push(record);
    events.push(eventOf(record, events.length, snap.where, stream.location));
    last = record;
  }
  const end = { seq: events.length, hash: last ? String(last.hash) : GENESIS };
  const problem = anchorProblem(snap, chain);
  // A writer appends after the records it read; where the store's head differs, `append` refuses.
  return { head: problem ? end : (snap.committed ?? end), events, problem };
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
  const snap = await stream.snapshot();
  const { committed, storage } = snap;
  if (!committed || storage.anchor !== 'kept' || storage.uncommittedBytes !== 0) return undefined;
  const tail = await snap.tail(2);
  if (!tail) return undefined;
  const last = tail.at(-1);
  if (!last) return committed.seq === 0 && committed.hash === GENESIS ? committed : undefined;
  const before = tail.length > 1 ? tail[0] : undefined;
  const previous: Head = before ? { seq: Number(before.seq), hash: String(before.hash) } : { seq: 0, hash: GENESIS };
  if (previous.seq !== committed.seq - 1 || last.hash !== committed.hash) return undefined;
  return continues(previous, [last]) ? committed : undefined;
}
