/**
 * A record stream kept in memory: the port's second adapter, for tests and for trying out a batch of
 * events (a preview) without touching the record. It needs nothing but its storage: the chain, the
 * checks and the use cases are the same as for the file.
 */
import { DomainError } from '../domain/errors.js';
import { continues, EMPTY_HEAD, headOf } from './chain.js';
import type { Head, RecordStream, StoredRecord, StreamSnapshot } from './record-store.js';

export class MemoryRecordStream implements RecordStream {
  readonly location: string;
  #records: StoredRecord[];
  /** What the stream acknowledged last: kept apart from the records, as a store's bookkeeping is (undefined: lost). */
  #committed: Head | undefined;

  constructor(location = '（内存）', records: readonly StoredRecord[] = []) {
    this.location = location;
    this.#records = [...records];
    this.#committed = headOf(records);
  }

  async head(): Promise<Head> {
    return this.#committed ?? headOf(this.#records);
  }

  async snapshot(): Promise<StreamSnapshot> {
    const records = [...this.#records];
    return {
      committed: this.#committed,
      storage: { layout: 'log', formatVersion: 2, uncommittedBytes: 0, anchor: this.#committed ? 'kept' : 'missing' },
      async *records() {
        yield* records;
      },
      tail: async (count) => (count > 0 ? records.slice(-count) : []),
      where: (i, path = []) => `第${i + 1}条记录${path.length > 0 ? ` $.${path.join('.')}` : ''}`,
    };
  }

  async append(records: readonly StoredRecord[], expected: Head): Promise<Head> {
    if (!continues(expected, records)) throw new Error('records to append must be chained onto the expected head');
    const head = this.#committed;
    const end = headOf(this.#records);
    if (!head || head.seq !== end.seq || head.hash !== end.hash) {
      throw new DomainError(
        'tampered-log',
        '记录的头部与记录不符（缺失或不是最后一条），拒绝写入；请运行 roster verify 查看',
        this.location,
      );
    }
    if (head.seq !== expected.seq || head.hash !== expected.hash) {
      throw new DomainError('store-conflict', `记录已被他人更新（预期最后序号 ${expected.seq}，实为 ${head.seq}），请重试`, this.location);
    }
    this.#records = [...this.#records, ...records];
    this.#committed = headOf(records, head);
    return this.#committed;
  }

  async importRecords(records: readonly StoredRecord[]): Promise<Head> {
    if (!continues(EMPTY_HEAD, records)) throw new Error('records to import must be chained from the start');
    if (this.#records.length > 0) {
      throw new DomainError(
        'invalid-input',
        `目标记录已有${this.#records.length}条记录；导入只写入新的或空的记录，已有记录不会被覆盖`,
        this.location,
      );
    }
    this.#records = [...records];
    this.#committed = headOf(records);
    return this.#committed;
  }

  async reanchor(end: Head): Promise<Head> {
    const own = headOf(this.#records);
    if (own.seq !== end.seq || own.hash !== end.hash) {
      throw new DomainError(
        'store-conflict',
        `记录的最后一条已不是第${end.seq}条（实为第${own.seq}条），请重新运行 roster verify`,
        this.location,
      );
    }
    this.#committed = end;
    return end;
  }

  async owns(_file: string): Promise<boolean> {
    return false;
  }

  /** The records as kept, for tests that tamper with them as someone with access to the storage could. */
  get stored(): StoredRecord[] {
    return this.#records;
  }

  set stored(records: StoredRecord[]) {
    this.#records = records;
  }

  /** The committed head as kept, for tests that put back an older one as someone with access to the storage could. */
  get committed(): Head | undefined {
    return this.#committed;
  }

  set committed(head: Head | undefined) {
    this.#committed = head;
  }
}
