/**
 * The hash chain over the recorded log. Each event's `hash` is SHA-256 over the previous event's
 * hash and the RFC 8785 canonical JSON of the event as stored (without its own `hash`), so any
 * edit, removal, insertion or reordering changes every hash from that point on.
 * Generic over the event union: it hashes whatever JSON object was recorded.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The "previous hash" of the first event. */
export const GENESIS = '0'.repeat(64);

export function chainHash(previous: string, record: object): string {
  const text = canonicalize(record);
  if (text === undefined) throw new Error('event cannot be serialised canonically');
  return createHash('sha256').update(previous).update('\n').update(text).digest('hex');
}

/** A record as stored: the event's fields plus its `hash`. */
export type StoredRecord = Record<string, unknown>;

/** Attach hashes to records that have none (a version 1 file read for the first time). */
export function chainRecords(records: readonly object[], previous = GENESIS): StoredRecord[] {
  let prev = previous;
  return records.map((r) => {
    const { hash: _ignored, ...body } = r as StoredRecord;
    prev = chainHash(prev, body);
    return { ...body, hash: prev };
  });
}

export type ChainProblemKind = 'unreadable' | 'edited' | 'removed' | 'inserted' | 'reordered' | 'truncated';

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

export interface HeadClaim {
  readonly seq: number;
  readonly hash: string;
}

const seqOf = (r: unknown): number | undefined => {
  const seq = (r as { seq?: unknown } | null)?.seq;
  return typeof seq === 'number' && Number.isInteger(seq) ? seq : undefined;
};

/**
 * Recompute the chain over records in file order; `head` is what the store last committed.
 * Reports the first position where the log differs from what was recorded.
 */
export function verifyChain(records: readonly unknown[], head?: HeadClaim): ChainReport {
  const seqs = records.map(seqOf);
  const present = new Set(seqs);
  let prev = GENESIS;
  const fail = (problem: ChainProblem): ChainReport => ({ ok: false, count: records.length, headHash: prev, problem });
  for (let i = 0; i < records.length; i++) {
    const expected = i + 1;
    const record = records[i];
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      return fail({ kind: 'unreadable', seq: expected, message: `第${expected}条事件无法读取（不是 JSON 对象）` });
    }
    const seq = seqs[i];
    if (seq !== expected) {
      if (!present.has(expected)) {
        return fail({
          kind: 'removed',
          seq: expected,
          message: `第${expected}条事件缺失：已被删除（该位置上是序号为${seq ?? '（无）'}的事件）`,
        });
      }
      if (seq !== undefined && seqs.indexOf(seq) < i) {
        return fail({ kind: 'inserted', seq: expected, message: `第${expected}条的位置上插入了另一条序号为${seq}的事件` });
      }
      return fail({
        kind: 'reordered',
        seq: expected,
        message: `第${expected}条事件的位置被调换（该位置上是序号为${seq ?? '（无）'}的事件）`,
      });
    }
    const { hash, ...body } = record as StoredRecord;
    const computed = chainHash(prev, body);
    if (hash !== computed) {
      return fail({
        kind: 'edited',
        seq: expected,
        message:
          typeof hash === 'string'
            ? `第${expected}条事件的内容与记录时的哈希不符：已被修改，或是被插入的事件`
            : `第${expected}条事件没有哈希：不是经本程序记录的事件`,
      });
    }
    prev = computed;
  }
  if (head && (head.seq !== records.length || head.hash !== prev)) {
    const missing = head.seq > records.length;
    return fail({
      kind: 'truncated',
      seq: missing ? records.length + 1 : Math.min(head.seq + 1, records.length),
      message: missing
        ? `记录的最后序号为${head.seq}，文件中只有${records.length}条：第${records.length + 1}条起的事件已被删除`
        : `文件末尾的事件与已提交的最后一条（第${head.seq}条）不符：有事件在本程序之外被追加或改动`,
    });
  }
  return { ok: true, count: records.length, headHash: prev };
}
