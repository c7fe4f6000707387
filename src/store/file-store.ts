/**
 * The embedded default store, the file adapter of the record port: one congress's stream as an
 * append-only JSON Lines log (the data file, `--db FILE`) with a small lowdb head file beside it
 * (`FILE.head.json`: last seq, last hash, committed bytes).
 *
 * Why this layout: lowdb rewrites its whole file on every write, which at a congress's 20 years of
 * events costs far more than the 50 ms an append may take, and a rewrite interrupted by a crash is a
 * risk to the whole history. Appending a line touches only the end of the file; the head, written
 * atomically by lowdb (temp file + rename) after the line is fsynced, is the commit point: bytes past
 * `head.bytes` were never acknowledged (a writer killed mid-append) and are ignored by readers and
 * set aside by the next writer. Writers hold a cross-process lock (proper-lockfile) and check the
 * expected head, so the loser of a race gets a conflict, never a lost event.
 *
 * Document-layout files (the embedded data, version 1 files, exports) are read as they are and
 * converted to the log layout by the first append. `new Low(new JSONFile(…))` on purpose:
 * `JSONFilePreset` keeps data in memory when NODE_ENV=test, which would hide real writes in tests.
 */
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import { DomainError } from '../domain/errors.js';
import { continues, EMPTY_HEAD, headOf } from './chain.js';
import { eventsOf, isLogText, logHeader, parseDataText, parseLog, type RawFile } from './data-file.js';
import type { Head, RecordStream, StoredRecord, StreamSnapshot } from './record-store.js';

/** A lock older than this is taken to be left by a killed process. */
const STALE_MS = 4000;
const LOCK_RETRIES = { retries: 80, factor: 1.3, minTimeout: 10, maxTimeout: 250 };

async function fsyncPath(p: string): Promise<void> {
  const fh = await open(p, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** What the head file holds: the committed head and the length in bytes of the committed part of the log. */
interface HeadFile extends Head {
  readonly bytes: number;
}

/** The data file as read: its records up to the commit point, and what the head file claims. */
interface FileSnapshot {
  readonly raw: RawFile;
  readonly head: HeadFile | undefined;
  /** Bytes after the commit point: an interrupted write, never acknowledged. */
  readonly uncommittedBytes: number;
}

export class FileRecordStream implements RecordStream {
  readonly location: string;
  readonly headFile: string;
  readonly #head: Low<HeadFile | null>;

  constructor(file: string) {
    this.location = file;
    this.headFile = `${file}.head.json`;
    this.#head = new Low<HeadFile | null>(new JSONFile<HeadFile | null>(this.headFile), null);
  }

  async #readHead(): Promise<HeadFile | undefined> {
    try {
      await this.#head.read();
    } catch (e) {
      throw new DomainError('invalid-data-file', `头部文件不是有效的 JSON：${(e as Error).message}`, this.headFile);
    }
    return this.#head.data ?? undefined;
  }

  async #writeHead(head: HeadFile): Promise<void> {
    this.#head.data = head;
    await this.#head.write();
    await fsyncPath(this.headFile);
    await fsyncPath(path.dirname(this.headFile));
  }

  async #read(): Promise<FileSnapshot> {
    if (!existsSync(this.location)) throw new DomainError('invalid-data-file', '数据文件不存在', this.location);
    const buf = await readFile(this.location);
    const text = buf.toString('utf8');
    if (!isLogText(text)) return { raw: parseDataText(text, this.location), head: undefined, uncommittedBytes: 0 };
    const head = await this.#readHead();
    // Whole lines up to the head are committed; a torn last line (no newline) never is. Where the
    // head does not fall on a line end, the file was changed outside the store: read every whole
    // line and let `verify` say where.
    const wholeLines = buf.lastIndexOf(0x0a) + 1;
    const headOnLineEnd = head !== undefined && head.bytes <= buf.length && buf[head.bytes - 1] === 0x0a;
    const end = headOnLineEnd ? head.bytes : wholeLines;
    return { raw: parseLog(buf.subarray(0, end).toString('utf8'), this.location), head, uncommittedBytes: buf.length - end };
  }

  async snapshot(): Promise<StreamSnapshot> {
    const { raw, head, uncommittedBytes } = await this.#read();
    return {
      committed: head ? { seq: head.seq, hash: head.hash } : undefined,
      storage: { layout: raw.layout, formatVersion: raw.fileVersion, uncommittedBytes },
      async *records() {
        yield* raw.records;
      },
      where: raw.where,
    };
  }

  async head(): Promise<Head> {
    if (existsSync(this.location) && isLogText((await this.#readBytes(0, 256)).toString('utf8'))) {
      const head = await this.#readHead();
      if (head) return { seq: head.seq, hash: head.hash };
    }
    return headOf((await this.#read()).raw.records);
  }

  async #lock(): Promise<() => Promise<void>> {
    try {
      return await lockfile.lock(this.location, { stale: STALE_MS, retries: LOCK_RETRIES, realpath: false });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ELOCKED') {
        throw new DomainError('store-conflict', '数据文件正由另一个进程写入，等待超时，请稍后重试', this.location);
      }
      throw e;
    }
  }

  /** Write records as a fresh log (atomically: temp file, fsync, rename) and commit its head. */
  async #writeLog(records: readonly StoredRecord[]): Promise<HeadFile> {
    const text = logHeader() + records.map((r) => `${JSON.stringify(r)}\n`).join('');
    await writeFileAtomic(this.location, text, { fsync: true });
    const head = { ...headOf(records), bytes: Buffer.byteLength(text) };
    await this.#writeHead(head);
    return head;
  }

  /** The head of a log ready for appending: converts other layouts and sets aside unacknowledged bytes. */
  async #prepareAppend(): Promise<HeadFile> {
    const head = existsSync(this.location) && (await this.#readHead());
    if (head) {
      const first = (await this.#readBytes(0, 256)).toString('utf8');
      const size = (await stat(this.location)).size;
      if (isLogText(first)) {
        if (size < head.bytes) {
          throw new DomainError(
            'tampered-log',
            `数据文件比已提交的记录短 ${head.bytes - size} 字节：已提交的事件被删除，请运行 roster verify`,
            this.location,
          );
        }
        if (size > head.bytes) {
          if (!(await this.#isLineEnd(head.bytes))) {
            throw new DomainError(
              'tampered-log',
              '数据文件在已提交的范围内被改动（头部记录的位置不在行尾），请运行 roster verify',
              this.location,
            );
          }
          await this.#setAside(head.bytes, size);
        }
        return head;
      }
    }
    const { raw } = await this.#read();
    eventsOf(raw, this.location);
    return this.#writeLog(raw.records);
  }

  /** Up to `length` bytes of the log from `position`, without reading the rest. */
  async #readBytes(position: number, length: number): Promise<Buffer> {
    const fh = await open(this.location, 'r');
    try {
      const { buffer, bytesRead } = await fh.read(Buffer.alloc(length), 0, length, position);
      return buffer.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  }

  async #isLineEnd(bytes: number): Promise<boolean> {
    return bytes > 0 && (await this.#readBytes(bytes - 1, 1))[0] === 0x0a;
  }

  /** Bytes past the commit point were never acknowledged: keep them beside the log, then cut them off. */
  async #setAside(from: number, to: number): Promise<void> {
    await writeFile(`${this.location}.uncommitted-${Date.now()}`, await this.#readBytes(from, to - from));
    await truncate(this.location, from);
  }

  async append(records: readonly StoredRecord[], expected: Head): Promise<Head> {
    if (!continues(expected, records)) throw new Error('records to append must be chained onto the expected head');
    const release = await this.#lock();
    try {
      const head = await this.#prepareAppend();
      if (head.seq !== expected.seq || head.hash !== expected.hash) {
        throw new DomainError(
          'store-conflict',
          `记录已被他人更新（预期最后序号 ${expected.seq}，实为 ${head.seq}），请重试`,
          this.location,
        );
      }
      const lines = records.map((r) => `${JSON.stringify(r)}\n`).join('');
      const fh = await open(this.location, 'a');
      try {
        await fh.write(lines);
        await fh.sync();
      } finally {
        await fh.close();
      }
      const next = { ...headOf(records, head), bytes: head.bytes + Buffer.byteLength(lines) };
      await this.#writeHead(next);
      return { seq: next.seq, hash: next.hash };
    } finally {
      await release();
    }
  }

  /** Replace an empty or absent log by these records (all or nothing). */
  async importRecords(records: readonly StoredRecord[]): Promise<Head> {
    if (!continues(EMPTY_HEAD, records)) throw new Error('records to import must be chained from the start');
    await mkdir(path.dirname(this.location), { recursive: true });
    const release = await this.#lock();
    try {
      if (existsSync(this.location)) {
        const existing = (await this.#read()).raw.records.length;
        if (existing > 0) {
          throw new DomainError(
            'invalid-input',
            `目标数据文件已有${existing}条记录；导入只写入新的或空的数据文件，已有记录不会被覆盖`,
            this.location,
          );
        }
      }
      const head = await this.#writeLog(records);
      return { seq: head.seq, hash: head.hash };
    } finally {
      await release();
    }
  }
}
