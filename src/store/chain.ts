/**
 * The hash chain over the recorded log, for every store (the one module that hashes). Each event's
 * `hash` is SHA-256 over the previous event's hash and the RFC 8785 canonical JSON of the event as
 * stored (without its own `hash`), so any edit, removal, insertion or reordering changes every hash
 * from that point on. Generic over the event union: it hashes whatever JSON object was recorded.
 */
import * as crypto from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Head, StoredRecord } from './record-store.js';

/** The "previous hash" of the first event. */
export const GENESIS = '0'.repeat(64);

/** The head of an empty stream. */
export const EMPTY_HEAD: Head = { seq: 0, hash: GENESIS };

/** SHA-256 in hex: one call where Node has it (20.12 on), half the cost of a hash object per record. */
const sha256: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

/**
 * Whether `JSON.stringify` writes `value` exactly as RFC 8785 (the `canonicalize` package) does:
 * plain objects and arrays whose every object lists its keys in canonical order (by UTF-16 code
 * units, which is how `<` compares strings), holding strings, finite numbers, booleans and null.
 * Both then write the same members in the same order, numbers and strings alike (the package
 * writes each primitive with `JSON.stringify`). Anything else (keys out of order, undefined, a
 * Date, a `toJSON`) is left to the package.
 */
function writtenCanonically(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      const proto = Object.getPrototypeOf(value);
      if (proto === Array.prototype) {
        const array = value as readonly unknown[];
        for (let i = 0; i < array.length; i++) if (!writtenCanonically(array[i])) return false;
        return true;
      }
      if (proto !== Object.prototype) return false;
      let previous = '';
      let first = true;
      for (const key of Object.keys(value)) {
        if (!(first || previous < key)) return false;
        if (!writtenCanonically((value as Record<string, unknown>)[key])) return false;
        previous = key;
        first = false;
      }
      return true;
    }
    default:
      return false;
  }
}

/**
 * The RFC 8785 canonical JSON of a record. What this program writes is already in canonical order
 * (`storedLine`), so it is read back in that order and `JSON.stringify` writes it natively, several
 * times faster than canonicalising; any other record (an older log's) is canonicalised in full.
 */
export function canonicalJson(record: object): string {
  const text = writtenCanonically(record) ? JSON.stringify(record) : canonicalize(record);
  if (text === undefined) throw new Error('event cannot be serialised canonically');
  return text;
}

/** The hash chained onto `previous` for a record whose canonical form is `canonical`. */
export function linkHash(previous: string, canonical: string): string {
  return sha256(`${previous}\n${canonical}`);
}

export function chainHash(previous: string, record: object): string {
  return linkHash(previous, canonicalJson(record));
}

/**
 * A stored record as one line of JSON: its body in RFC 8785 canonical form, its hash last. Read
 * back, the body's keys come in canonical order, so the chain is recomputed on the fast path of
 * `canonicalJson`. (Any key order hashes the same: the hash is over the canonical form.)
 */
export function storedLine(record: StoredRecord): string {
  const { hash, ...body } = record;
  const text = canonicalJson(body);
  if (hash === undefined) return text;
  const tail = `"hash":${JSON.stringify(hash)}}`;
  return text === '{}' ? `{${tail}` : `${text.slice(0, -1)},${tail}`;
}

/** A stored record with its keys in the order `storedLine` writes them: itself where they already are (what a log written so reads back). */
export function inStoredOrder(record: StoredRecord): StoredRecord {
  const { hash, ...body } = record;
  const keys = Object.keys(record);
  const hashLast = hash === undefined ? !keys.includes('hash') : keys[keys.length - 1] === 'hash';
  return hashLast && writtenCanonically(body) ? record : (JSON.parse(storedLine(record)) as StoredRecord);
}

/** Attach hashes to records that have none (a version 1 file read for the first time). */
export function chainRecords(records: readonly object[], previous = GENESIS): StoredRecord[] {
  let prev = previous;
  return records.map((r) => {
    const { hash: _ignored, ...body } = r as StoredRecord;
    prev = chainHash(prev, body);
    return { ...body, hash: prev };
  });
}

/** Records continuing `head`: seqs head.seq + 1 …, each hash chained onto the one before, the first onto head.hash. */
export function continues(head: Head, records: readonly StoredRecord[]): boolean {
  let prev = head.hash;
  return records.every((r, i) => {
    const { hash, ...body } = r;
    if (r.seq !== head.seq + i + 1 || hash !== chainHash(prev, body)) return false;
    prev = hash;
    return true;
  });
}

/** The head a run of chained records ends in. */
export function headOf(records: readonly StoredRecord[], start: Head = EMPTY_HEAD): Head {
  const last = records[records.length - 1];
  return last ? { seq: start.seq + records.length, hash: String(last.hash) } : start;
}

/**
 * `truncated`: records the store committed are gone from the end; `unanchored`: records go on past
 * the head the store's bookkeeping names (an older copy of it was put back, or records were added
 * outside the program); `head-missing`: the bookkeeping itself is gone, so a cut end cannot be seen.
 */
export type ChainProblemKind = 'unreadable' | 'edited' | 'removed' | 'inserted' | 'reordered' | 'truncated' | 'unanchored' | 'head-missing';

export interface ChainProblem {
  readonly kind: ChainProblemKind;
  /** The first sequence number at which the log is not what was recorded. */
  readonly seq: number;
  readonly message: string;
}

export interface ChainReport {
  readonly ok: boolean;
  readonly count: number;
  /** The hash of the last event: quote it (in minutes, a letter) to anchor the log as it stands. */
  readonly headHash: string;
  readonly problem?: ChainProblem;
}

const seqOf = (r: unknown): number | undefined => {
  const seq = (r as { seq?: unknown } | null)?.seq;
  return typeof seq === 'number' && Number.isInteger(seq) ? seq : undefined;
};

/** A run of records from the genesis, verified elsewhere (src/store/parallel-chain.ts): each in order and chained onto the one before. */
export interface VerifiedRun {
  readonly count: number;
  /** The hash of the last record. */
  readonly lastHash: string;
  /** The hash of the record at the committed seq, where the run reaches it. */
  readonly atCommitted: string | undefined;
}

/**
 * Recomputes the chain one record at a time, in stored order, and reports the first position where
 * the records differ from what was recorded. It holds the seqs it has seen, never the records.
 */
export class ChainVerifier {
  /** What the store last committed, where it keeps such a claim: the records are held against it. */
  readonly #committed: Head | undefined;
  /** The hash computed at the committed seq, to tell records added past it from records that differ. */
  #atCommitted: string | undefined;
  #count = 0;
  #prev = GENESIS;
  #problem: ChainProblem | undefined;
  /** A record out of place, classified once every seq is known: removed (the seq due is missing), inserted or reordered. */
  #misplaced: { expected: number; seq: number | undefined; seenBefore: boolean } | undefined;
  /**
   * The seqs met after the first record out of place (before it they are exactly 1 … n, so nothing
   * is held for a record in order: memory stays flat however long the record).
   */
  readonly #seenAfter = new Set<number | undefined>();

  constructor(committed?: Head) {
    this.#committed = committed;
    if (committed?.seq === 0) this.#atCommitted = GENESIS;
  }

  push(record: unknown): void {
    const expected = ++this.#count;
    const seq = seqOf(record);
    if (this.#problem || this.#misplaced) {
      if (this.#misplaced) this.#seenAfter.add(seq);
      return;
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      this.#problem = { kind: 'unreadable', seq: expected, message: `第${expected}条事件无法读取（不是 JSON 对象）` };
    } else if (seq !== expected) {
      // Every seq before this record was in order: 1 … expected − 1.
      this.#misplaced = { expected, seq, seenBefore: seq !== undefined && seq >= 1 && seq < expected };
    } else {
      const { hash, ...body } = record as StoredRecord;
      const computed = chainHash(this.#prev, body);
      if (hash !== computed) {
        this.#problem = {
          kind: 'edited',
          seq: expected,
          message:
            typeof hash === 'string'
              ? `第${expected}条事件的内容与记录时的哈希不符：已被修改，或是被插入的事件`
              : `第${expected}条事件没有哈希：不是经本程序记录的事件`,
        };
      } else {
        this.#prev = computed;
        if (expected === this.#committed?.seq) this.#atCommitted = computed;
      }
    }
  }

  /** Records verified elsewhere, from the genesis (before any record is pushed): the same as pushing each of them. */
  pushRun(run: VerifiedRun): void {
    if (this.#count !== 0) throw new Error('a verified run starts at the genesis');
    this.#count = run.count;
    this.#prev = run.count === 0 ? GENESIS : run.lastHash;
    if (this.#committed && this.#committed.seq >= 1 && this.#committed.seq <= run.count) this.#atCommitted = run.atCommitted;
  }

  /** The report, held against what the store last committed, where it keeps such a claim. */
  finish(): ChainReport {
    const committed = this.#committed;
    const count = this.#count;
    const fail = (problem: ChainProblem): ChainReport => ({ ok: false, count, headHash: this.#prev, problem });
    if (this.#problem) return fail(this.#problem);
    const m = this.#misplaced;
    if (m) {
      const at = `该位置上是序号为${m.seq ?? '（无）'}的事件`;
      if (!this.#seenAfter.has(m.expected))
        return fail({ kind: 'removed', seq: m.expected, message: `第${m.expected}条事件缺失：已被删除（${at}）` });
      if (m.seenBefore)
        return fail({ kind: 'inserted', seq: m.expected, message: `第${m.expected}条的位置上插入了另一条序号为${m.seq}的事件` });
      return fail({ kind: 'reordered', seq: m.expected, message: `第${m.expected}条事件的位置被调换（${at}）` });
    }
    if (committed && committed.seq < count && this.#atCommitted === committed.hash) {
      return fail({
        kind: 'unanchored',
        seq: committed.seq + 1,
        message: `头部记录的最后提交为第${committed.seq}条，但其后还有第${committed.seq + 1}至${count}条事件：头部文件可能被换成了旧的副本，也可能有事件在本程序之外被追加`,
      });
    }
    if (committed && (committed.seq !== count || committed.hash !== this.#prev)) {
      const missing = committed.seq > count;
      return fail({
        kind: 'truncated',
        seq: missing ? count + 1 : Math.min(committed.seq + 1, count),
        message: missing
          ? `记录的最后序号为${committed.seq}，文件中只有${count}条：第${count + 1}条起的事件已被删除`
          : `文件末尾的事件与已提交的最后一条（第${committed.seq}条）不符：有事件在本程序之外被追加或改动`,
      });
    }
    return { ok: true, count, headHash: this.#prev };
  }
}

/** Verify records held in memory (an imported file); `committed` is what the store last committed. */
export function verifyChain(records: readonly unknown[], committed?: Head): ChainReport {
  const verifier = new ChainVerifier(committed);
  for (const r of records) verifier.push(r);
  return verifier.finish();
}

/** Verify a stream's records as they are read, one at a time. */
export async function verifyRecords(records: AsyncIterable<unknown>, committed?: Head): Promise<ChainReport> {
  const verifier = new ChainVerifier(committed);
  for await (const r of records) verifier.push(r);
  return verifier.finish();
}
