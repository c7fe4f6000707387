/**
 * `FILE.head.json`, the file store's second anchor (src/store/file-store.ts): the committed head
 * (last seq, last hash, committed bytes) and, while a writer is committing, the commit it is about
 * to make (`pending`). Read and written through lowdb with an adapter that makes every write
 * durable: temporary file, fsync, rename, fsync of the folder (lowdb's own JSONFile does not fsync).
 */
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Adapter, Low } from 'lowdb';
import writeFileAtomic from 'write-file-atomic';
import { DomainError } from '../domain/errors.js';
import type { Head } from './record-store.js';

/** A head and the length in bytes of the log up to and including its commit line. */
export interface CommitPoint extends Head {
  readonly bytes: number;
}

export interface HeadFileData extends CommitPoint {
  /** The commit a writer announced before writing it: if the log ends in it, it is committed. */
  readonly pending?: CommitPoint;
}

export async function fsyncFolder(file: string): Promise<void> {
  const fh = await open(path.dirname(file), 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

class DurableJsonFile implements Adapter<HeadFileData | null> {
  constructor(readonly file: string) {}

  async read(): Promise<HeadFileData | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    try {
      return JSON.parse(text) as HeadFileData;
    } catch (e) {
      throw new DomainError('invalid-data-file', `头部文件不是有效的 JSON：${(e as Error).message}`, this.file);
    }
  }

  async write(data: HeadFileData | null): Promise<void> {
    await writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`, { fsync: true });
    await fsyncFolder(this.file);
  }
}

export class HeadFile {
  readonly file: string;
  readonly #db: Low<HeadFileData | null>;

  constructor(file: string) {
    this.file = file;
    this.#db = new Low<HeadFileData | null>(new DurableJsonFile(file), null);
  }

  async read(): Promise<HeadFileData | undefined> {
    // lowdb keeps what it last read when the file is gone: forget it first.
    this.#db.data = null;
    await this.#db.read();
    const data = this.#db.data as HeadFileData | null;
    if (data === null) return undefined;
    if (typeof data !== 'object' || typeof data.seq !== 'number' || typeof data.hash !== 'string' || typeof data.bytes !== 'number') {
      throw new DomainError('invalid-data-file', '头部文件的内容不是本程序写的（应有 seq、hash、bytes）', this.file);
    }
    return data;
  }

  async write(data: HeadFileData): Promise<void> {
    this.#db.data = data;
    await this.#db.write();
  }
}

export const sameHead = (a: Head | undefined, b: Head | undefined): boolean =>
  a !== undefined && b !== undefined && a.seq === b.seq && a.hash === b.hash;
