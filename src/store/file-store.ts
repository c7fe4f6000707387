/**
 * The embedded default store, the file adapter of the record port: one congress's stream as an
 * append-only JSON Lines log (the data file, `--db FILE`), with its head file beside it.
 *
 * Why this layout: rewriting the whole file on every write costs far more than an append may take
 * at a congress's 20 years of events, and a rewrite interrupted by a crash puts the whole history
 * at risk. Appending touches only the end of the file.
 *
 * Committing, and the two anchors. A writer holds the lock (src/store/file-lock.ts: taken from no
 * live process, whatever the clocks say), announces the commit it is about to make in the head
 * file (`pending`), appends the batch's lines, checks that the file grew by exactly those bytes and
 * that the lock is still its own (the fence), then appends the commit line `{"commit":{seq,hash}}`
 * and fsyncs: that commit line is the commit point. The head file then names the new head. Every
 * write is checked for its length; a write or fsync that fails is cut back to the committed end
 * before anything is acknowledged. So the log anchors itself (what follows its last commit line
 * was never committed: a killed writer's bytes, set aside by the next writer) and the head file is
 * a second anchor outside it, held against it by every read: a head file that is missing, or older
 * or newer than the log's last commit (other than the one commit it announced), is reported and
 * appending is refused until `roster verify --rebuild-head`. Committed lines are never set aside.
 *
 * Reads take a consistent snapshot without the lock (head file, last commit line, head file again,
 * the same file), then stream the committed range line by line. Document-layout files (the embedded
 * data, version 1 files, exports) are read as they are and turned into a log by the first append.
 */
import { existsSync } from 'node:fs';
import { type FileHandle, mkdir, open, readdir, realpath, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { DomainError, isDomainError, jsonPath } from '../domain/errors.js';
import { chainHash, continues, EMPTY_HEAD, headOf, storedLine, type VerifiedRun } from './chain.js';
import {
  commitLine,
  commitOf,
  emptyDataFile,
  eventsOf,
  isLogText,
  logHeader,
  logVersion,
  parseDataText,
  type RawFile,
} from './data-file.js';
import { acquireLock, type HeldLock } from './file-lock.js';
import { replayFolderOf } from './file-replay-store.js';
import { type CommitPoint, fsyncFolder, HeadFile, type HeadFileData, sameHead } from './head-file.js';
import { lastCommit, lastRecordLines, linesOf } from './log-reader.js';
import type { Head, RecordStream, StoredRecord, StreamSnapshot } from './record-store.js';

/** The calls that write and flush the log, replaceable in tests to make a write short or fail. */
export interface LogIo {
  /** One write(2): how many bytes it wrote. */
  write(fh: FileHandle, data: Buffer): Promise<number>;
  sync(fh: FileHandle): Promise<void>;
}

export interface FileStoreOptions {
  /** How long a writer waits for another live writer to finish (default 10 s). */
  readonly lockWaitMs?: number;
  readonly io?: Partial<LogIo>;
}

/** From this many bytes of records on, `verify` checks a log on all cores: below it, starting the workers costs more than it saves. */
export const PARALLEL_FROM_BYTES = 8 << 20;

const defaultIo: LogIo = {
  write: async (fh, data) => (await fh.write(data)).bytesWritten,
  sync: (fh) => fh.sync(),
};

/** What the data file is, as one consistent look at it. */
type FileState =
  | { readonly layout: 'document'; readonly raw: RawFile }
  | {
      readonly layout: 'log';
      readonly version: number;
      /** Device and inode of the file looked at: a later read checks it is still the same file. */
      readonly identity: string;
      readonly headerEnd: number;
      readonly size: number;
      readonly headFile: HeadFileData | undefined;
      /** The log's last commit line; undefined in a log written before commit lines (version 2, early). */
      readonly lastCommit: { readonly end: number; readonly head: Head } | undefined;
      /** Where the committed part of the log ends (bytes). */
      readonly committedEnd: number;
      /** The head the head file names (its announced commit, when the log ends in it). */
      readonly committed: Head | undefined;
    };

const ERRNO_ZH: Record<string, string> = {
  ENOSPC: '磁盘已满',
  EDQUOT: '超出磁盘配额',
  EFBIG: '超过文件大小上限',
  EIO: '磁盘读写错误',
  EROFS: '文件系统只读',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
};

/** A write that failed, in the clerk's words. */
function describe(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return (code && ERRNO_ZH[code]) ?? (code ? `系统错误 ${code}` : (e as Error).message);
}

class ShortWrite extends Error {
  constructor(written: number, wanted: number) {
    super(`只写入了${written}/${wanted}字节`);
  }
}

class LockLost extends Error {}

export class FileRecordStream implements RecordStream {
  readonly location: string;
  readonly headFile: string;
  readonly lockFile: string;
  readonly #head: HeadFile;
  readonly #io: LogIo;
  readonly #lockWaitMs: number;

  constructor(file: string, options: FileStoreOptions = {}) {
    this.location = file;
    this.headFile = `${file}.head.json`;
    this.lockFile = `${file}.lock`;
    this.#head = new HeadFile(this.headFile);
    this.#io = { ...defaultIo, ...options.io };
    this.#lockWaitMs = options.lockWaitMs ?? 10_000;
  }

  // --- reading -------------------------------------------------------------------------------

  async #open(): Promise<FileHandle> {
    try {
      return await open(this.location, 'r');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new DomainError('invalid-data-file', '数据文件不存在', this.location);
      if (code === 'EISDIR') throw new DomainError('invalid-data-file', '这是一个文件夹，不是数据文件', this.location);
      throw new DomainError('invalid-data-file', `无法读取数据文件（${describe(e)}）`, this.location);
    }
  }

  /** One look at the file through `fh`, and the head file read before (`headFile`). */
  async #look(fh: FileHandle, headFile: HeadFileData | undefined): Promise<FileState> {
    const st = await fh.stat();
    if (st.isDirectory()) throw new DomainError('invalid-data-file', '这是一个文件夹，不是数据文件', this.location);
    const first = Buffer.alloc(Math.min(st.size, 4096));
    await fh.read(first, 0, first.length, 0);
    const firstText = first.toString('utf8');
    // A file just made empty for the record (`touch new.json`) holds an empty record, not a broken one;
    // never where a head file says records were committed (a log truncated behind the store's back).
    if (st.size <= first.length && firstText.trim() === '' && (headFile?.seq ?? 0) === 0) {
      return { layout: 'document', raw: parseDataText(JSON.stringify(emptyDataFile()), this.location) };
    }
    if (!isLogText(firstText)) {
      return { layout: 'document', raw: parseDataText((await fh.readFile()).toString('utf8'), this.location) };
    }
    const headerEnd = first.indexOf(0x0a) + 1;
    const version = logVersion(firstText.slice(0, headerEnd - 1), this.location);
    const last = await lastCommit(fh, headerEnd, st.size);
    let committedEnd: number;
    if (last) committedEnd = last.end;
    else {
      // A log from before commit lines: the head file says where the committed part ends.
      const whole = await this.#wholeLinesEnd(fh, st.size, headerEnd);
      const onLineEnd = headFile !== undefined && headFile.bytes <= whole && (await this.#byteAt(fh, headFile.bytes - 1)) === 0x0a;
      committedEnd = onLineEnd ? headFile.bytes : whole;
    }
    const pending = headFile?.pending;
    const committed = headFile && (last && pending && sameHead(pending, last.head) ? pending : headFile);
    return {
      layout: 'log',
      version,
      identity: `${st.dev}:${st.ino}`,
      headerEnd,
      size: st.size,
      headFile,
      lastCommit: last,
      committedEnd,
      committed: committed ? { seq: committed.seq, hash: committed.hash } : undefined,
    };
  }

  async #byteAt(fh: FileHandle, position: number): Promise<number | undefined> {
    if (position < 0) return undefined;
    const b = Buffer.alloc(1);
    const { bytesRead } = await fh.read(b, 0, 1, position);
    return bytesRead === 1 ? b[0] : undefined;
  }

  /** The byte after the last newline (a torn last line is never part of the log). */
  async #wholeLinesEnd(fh: FileHandle, size: number, floor: number): Promise<number> {
    for (let end = size; end > floor; ) {
      const length = Math.min(64 * 1024, end - floor);
      const chunk = Buffer.alloc(length);
      await fh.read(chunk, 0, length, end - length);
      const nl = chunk.lastIndexOf(0x0a);
      if (nl !== -1) return end - length + nl + 1;
      end -= length;
    }
    return floor;
  }

  /**
   * A consistent look without the lock: the head file before and after looking at the log must be
   * the same, and the path must still name the file looked at; otherwise a writer was committing
   * in between, and we look again.
   */
  async #state(): Promise<FileState> {
    for (let attempt = 0; ; attempt++) {
      const before = await this.#head.read();
      const fh = await this.#open();
      try {
        const state = await this.#look(fh, before);
        if (state.layout === 'document') return state;
        const after = await this.#head.read();
        const now = await stat(this.location).catch(() => undefined);
        const stable = JSON.stringify(before) === JSON.stringify(after) && now !== undefined && `${now.dev}:${now.ino}` === state.identity;
        if (stable || attempt >= 50) return state;
      } finally {
        await fh.close();
      }
      await new Promise((r) => setTimeout(r, 2 + attempt));
    }
  }

  /** The records of a log between its header and `end`, one line at a time (commit lines skipped). */
  #records(state: Extract<FileState, { layout: 'log' }>, track: (index: number, line: number) => void): AsyncIterable<StoredRecord> {
    const location = this.location;
    const open_ = () => this.#open();
    return {
      async *[Symbol.asyncIterator]() {
        const fh = await open_();
        try {
          const st = await fh.stat();
          if (`${st.dev}:${st.ino}` !== state.identity) {
            throw new DomainError('store-conflict', '数据文件在读取期间被整体替换（导入或转换），请重试', location);
          }
          let line = 1;
          let index = 0;
          let prev = EMPTY_HEAD.hash;
          for await (const text of linesOf(fh, state.headerEnd, state.committedEnd)) {
            line++;
            let value: unknown;
            try {
              value = JSON.parse(text);
            } catch (e) {
              throw new DomainError(
                'invalid-data-file',
                `第${line}行（第${index + 1}条事件）不是有效的 JSON：${(e as Error).message}`,
                location,
              );
            }
            if (commitOf(value)) continue;
            track(index, line);
            index++;
            if (state.version >= 2 || typeof value !== 'object' || value === null || Array.isArray(value)) yield value as StoredRecord;
            else {
              // Version 1 records carry no hash: chained as they are read.
              const { hash: _none, ...body } = value as StoredRecord;
              prev = chainHash(prev, body);
              yield { ...body, hash: prev };
            }
          }
        } finally {
          await fh.close();
        }
      },
    };
  }

  async snapshot(): Promise<StreamSnapshot> {
    const state = await this.#state();
    if (state.layout === 'document') {
      const { raw } = state;
      return {
        committed: undefined,
        storage: { layout: 'document', formatVersion: raw.fileVersion, uncommittedBytes: 0, anchor: 'none' },
        async *records() {
          yield* raw.records;
        },
        tail: async (count) => (count > 0 ? raw.records.slice(-count) : []),
        where: raw.where,
      };
    }
    // The line of the record last read, for naming it in a message (held for one record, not for all).
    let last = { index: -1, line: 0 };
    const records = this.#records(state, (index, line) => {
      last = { index, line };
    });
    return {
      committed: state.committed,
      storage: {
        layout: 'log',
        formatVersion: state.version,
        uncommittedBytes: state.size - state.committedEnd,
        anchor: state.headFile ? 'kept' : 'missing',
      },
      records: () => records,
      tail: async (count) => (state.version >= 2 ? this.#tail(state, count) : undefined),
      where: (i, p = []) => (i === last.index ? `第${last.line}行 ${jsonPath(p)}` : `第${i + 1}条事件 ${jsonPath(p)}`),
      verifiedRun: () => this.#verifiedRun(state),
    };
  }

  /** Every record of a large log verified on all cores (src/store/parallel-chain.ts); undefined at any doubt. */
  async #verifiedRun(state: Extract<FileState, { layout: 'log' }>): Promise<VerifiedRun | undefined> {
    if (state.version < 2 || state.committedEnd - state.headerEnd < PARALLEL_FROM_BYTES) return undefined;
    const fh = await this.#open();
    try {
      const st = await fh.stat();
      if (`${st.dev}:${st.ino}` !== state.identity) return undefined;
      // Imported on demand: its own module (a chunk of the bundle), which each worker thread loads.
      const { verifyInParallel } = await import('./parallel-chain.js');
      return await verifyInParallel(fh, state.headerEnd, state.committedEnd, state.committed?.seq);
    } finally {
      await fh.close();
    }
  }

  /** The last `count` committed records of the file looked at, read from the end; undefined where one is not JSON (a full read says where). */
  async #tail(state: Extract<FileState, { layout: 'log' }>, count: number): Promise<readonly StoredRecord[] | undefined> {
    const fh = await this.#open().catch(() => undefined);
    if (!fh) return undefined;
    try {
      const st = await fh.stat();
      if (`${st.dev}:${st.ino}` !== state.identity) return undefined;
      const lines = await lastRecordLines(fh, state.headerEnd, state.committedEnd, count);
      return lines.map((text) => JSON.parse(text) as StoredRecord);
    } catch {
      return undefined;
    } finally {
      await fh.close();
    }
  }

  async head(): Promise<Head> {
    const state = await this.#state();
    if (state.layout === 'log') {
      if (state.lastCommit) return state.lastCommit.head;
      if (state.committed) return state.committed;
    }
    const snap = await this.snapshot();
    let head = EMPTY_HEAD;
    for await (const r of snap.records()) head = { seq: head.seq + 1, hash: String(r.hash) };
    return head;
  }

  // --- writing -------------------------------------------------------------------------------

  async #lock(): Promise<HeldLock> {
    try {
      return await acquireLock(this.location, this.#lockWaitMs);
    } catch (e) {
      if (isDomainError(e)) throw e;
      throw new DomainError('store-failed', `无法创建锁文件（${describe(e)}）：没有写入任何内容`, this.location);
    }
  }

  /** Run `write` under the lock; a failure before anything was committed is told as such. */
  async #locked<T>(write: (lock: HeldLock) => Promise<T>): Promise<T> {
    const lock = await this.#lock();
    try {
      return await write(lock);
    } catch (e) {
      // A system error before the commit point (a full disk for the head file, the set-aside copy …).
      if (isDomainError(e) || typeof (e as NodeJS.ErrnoException).code !== 'string') throw e;
      throw new DomainError('store-failed', `写入失败（${describe(e)}）：没有记录任何内容`, this.location);
    } finally {
      await lock.release().catch(() => undefined);
    }
  }

  /** Write records as a fresh log (temp file, fsync, rename), announced in the head file first. */
  async #writeLog(records: readonly StoredRecord[], previous: HeadFileData | undefined): Promise<Head> {
    const head = headOf(records);
    const text = logHeader() + records.map((r) => `${storedLine(r)}\n`).join('') + commitLine(head);
    const next: CommitPoint = { ...head, bytes: Buffer.byteLength(text) };
    await this.#head.write({ ...(previous ?? { ...EMPTY_HEAD, bytes: 0 }), pending: next });
    await writeFileAtomic(this.location, text, { fsync: true });
    await fsyncFolder(this.location);
    await this.#head.write(next).catch(() => undefined);
    return head;
  }

  /** The log's committed head, under the lock: refused where the anchors disagree. */
  #anchoredHead(state: Extract<FileState, { layout: 'log' }>): Head {
    const verify = '请运行 roster verify 查看';
    if (!state.headFile) {
      throw new DomainError(
        'tampered-log',
        `头部文件 ${path.basename(this.headFile)} 缺失，无法确认已提交的记录完整；${verify}`,
        this.location,
      );
    }
    const own = state.lastCommit?.head ?? state.committed!;
    if (!sameHead(own, state.committed)) {
      throw new DomainError(
        'tampered-log',
        `头部文件记录的最后提交为第${state.committed!.seq}条，数据文件中的最后提交为第${own.seq}条，两者不符；为免覆盖已提交的事件，拒绝写入；${verify}`,
        this.location,
      );
    }
    return own;
  }

  /** Bytes past the commit point were never acknowledged: keep them beside the log, then cut them off. */
  async #setAside(from: number, to: number): Promise<void> {
    const fh = await open(this.location, 'r+');
    try {
      const bytes = Buffer.alloc(to - from);
      await fh.read(bytes, 0, bytes.length, from);
      await writeFile(`${this.location}.uncommitted-${Date.now()}`, bytes, { flush: true });
      await fh.truncate(from);
      await fh.sync();
    } finally {
      await fh.close();
    }
  }

  async #writeAll(fh: FileHandle, data: Buffer): Promise<void> {
    for (let done = 0; done < data.length; ) {
      const n = await this.#io.write(fh, data.subarray(done));
      if (!(n > 0)) throw new ShortWrite(done, data.length);
      done += n;
    }
  }

  /**
   * Append `lines` and their commit line at byte `start` of the log, fenced: the file must have
   * grown by exactly our bytes and the lock must still be ours before the commit line is written.
   * A failed write or fsync is cut back to `start` before it is reported.
   */
  async #commit(lock: HeldLock, start: number, lines: Buffer, commit: Buffer): Promise<void> {
    const fh = await open(this.location, 'a');
    try {
      try {
        if ((await fh.stat()).size !== start || !(await lock.holds())) throw new LockLost();
        await this.#writeAll(fh, lines);
        if ((await fh.stat()).size !== start + lines.length || !(await lock.holds())) throw new LockLost();
        await this.#writeAll(fh, commit);
        await this.#io.sync(fh);
      } catch (e) {
        if (e instanceof LockLost) {
          // Someone else writes this file now: our bytes past the commit point are left for the next writer to set aside.
          throw new DomainError(
            'store-conflict',
            '写入期间锁文件被他人取走（或文件被另一程序改动），为免覆盖他人的记录，本次事件没有提交（未记录）；请运行 roster verify 后重试',
            this.location,
          );
        }
        try {
          await fh.truncate(start);
          await this.#io.sync(fh);
        } catch (rollback) {
          throw new DomainError(
            'store-failed',
            `写入失败（${describe(e)}），且无法回退（${describe(rollback)}）：本次事件可能已经记录，也可能没有；请运行 roster verify 查看最后序号`,
            this.location,
          );
        }
        throw new DomainError('store-failed', `写入失败（${describe(e)}）：已回退，本次事件没有记录`, this.location);
      }
    } finally {
      await fh.close().catch(() => undefined);
    }
  }

  async append(records: readonly StoredRecord[], expected: Head): Promise<Head> {
    if (!continues(expected, records)) throw new Error('records to append must be chained onto the expected head');
    return this.#locked(async (lock) => {
      let state = await this.#state();
      if (state.layout === 'document') {
        eventsOf(state.raw, this.location);
        await this.#writeLog(state.raw.records, await this.#head.read());
        state = await this.#state();
        if (state.layout !== 'log') throw new Error('the data file did not become a log');
      }
      const head = this.#anchoredHead(state);
      if (!sameHead(head, expected)) {
        throw new DomainError(
          'store-conflict',
          `记录已被他人更新（预期最后序号 ${expected.seq}，实为 ${head.seq}），请重试`,
          this.location,
        );
      }
      if (state.size > state.committedEnd) await this.#setAside(state.committedEnd, state.size);
      const next = headOf(records, head);
      const lines = Buffer.from(records.map((r) => `${storedLine(r)}\n`).join(''));
      const commit = Buffer.from(commitLine(next));
      const point: CommitPoint = { ...next, bytes: state.committedEnd + lines.length + commit.length };
      // Announced first: a writer killed after its commit line leaves a head file that names it.
      await this.#head.write({ ...state.headFile!, pending: point });
      await this.#commit(lock, state.committedEnd, lines, commit);
      // Committed. Should this last write fail (a full disk), the announcement above still names the commit.
      await this.#head.write(point).catch(() => undefined);
      return next;
    });
  }

  /** Replace an empty or absent log by these records (all or nothing). */
  async importRecords(records: readonly StoredRecord[]): Promise<Head> {
    if (!continues(EMPTY_HEAD, records)) throw new Error('records to import must be chained from the start');
    await mkdir(path.dirname(this.location), { recursive: true });
    return this.#locked(async () => {
      let previous: HeadFileData | undefined;
      if (existsSync(this.location)) {
        const state = await this.#state();
        const existing = state.layout === 'document' ? state.raw.records.length : await count(this.#records(state, () => undefined));
        if (existing > 0) {
          throw new DomainError(
            'invalid-input',
            `目标数据文件已有${existing}条记录；导入只写入新的或空的数据文件，已有记录不会被覆盖`,
            this.location,
          );
        }
        if (state.layout === 'log') previous = state.headFile;
      }
      return this.#writeLog(records, previous);
    });
  }

  async reanchor(end: Head): Promise<Head> {
    return this.#locked(async (lock) => {
      const state = await this.#state();
      if (state.layout === 'document') return end;
      let own = state.lastCommit?.head;
      if (!own) {
        // A log from before commit lines: its records end where its whole lines end.
        own = EMPTY_HEAD;
        for await (const r of this.#records(state, () => undefined)) own = { seq: own.seq + 1, hash: String(r.hash) };
      }
      if (!sameHead(own, end)) {
        throw new DomainError(
          'store-conflict',
          `数据文件的最后一条已不是第${end.seq}条（实为第${own.seq}条），请重新运行 roster verify`,
          this.location,
        );
      }
      let committedEnd = state.committedEnd;
      if (state.size > committedEnd) await this.#setAside(committedEnd, state.size);
      if (!state.lastCommit) {
        const commit = Buffer.from(commitLine(end));
        await this.#commit(lock, committedEnd, Buffer.alloc(0), commit);
        committedEnd += commit.length;
      }
      await this.#head.write({ ...end, bytes: committedEnd });
      return end;
    });
  }

  async owns(file: string): Promise<boolean> {
    const target = path.resolve(file);
    const real = async (p: string) => realpath(p).catch(() => p);
    // The record's folder as the system names it, and the target's (through any link to either).
    const folder = await real(path.dirname(this.location));
    const targetFolder = await real(path.dirname(target));
    const base = path.basename(this.location);
    const resolved = existsSync(target) ? await real(target) : path.join(targetFolder, path.basename(target));
    const name = path.basename(resolved);
    if (path.dirname(resolved) === folder && (name === base || name.startsWith(`${base}.`))) return true;
    // Inside the folder where the record's replay is kept (FILE.cache/), wherever a link makes it point.
    const cache = replayFolderOf(this.location);
    for (const dir of new Set([path.resolve(cache), path.join(folder, path.basename(cache)), await real(cache)])) {
      if (resolved.startsWith(`${dir}${path.sep}`)) return true;
    }
    // Another name for one of our files (a hard link).
    const st = await stat(target).catch(() => undefined);
    if (!st) return false;
    const cached = (await readdir(cache).catch(() => [] as string[])).map((f) => path.join(cache, f));
    for (const mine of [this.location, this.headFile, this.lockFile, ...cached]) {
      const m = await stat(mine).catch(() => undefined);
      if (m && m.dev === st.dev && m.ino === st.ino) return true;
    }
    return false;
  }
}

async function count(records: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of records) n++;
  return n;
}
