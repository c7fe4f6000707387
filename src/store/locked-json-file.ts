/**
 * A small JSON file kept beside the data file (accounts, drafts): read whole, changed under a lock
 * between processes (the record's own owner-token lock, src/store/file-lock.ts: never taken by file time), written atomically (temp file, fsync, rename) so a crash or a
 * second writer never leaves it half-written or loses a change.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type * as z from 'zod';
import { DomainError, jsonPath } from '../domain/errors.js';
import { acquireLock } from './file-lock.js';

/** How long a change waits for another process's change to the same file. */
const LOCK_WAIT_MS = 10_000;

export class LockedJsonFile<T> {
  constructor(
    readonly file: string,
    readonly schema: z.ZodType<T>,
    readonly empty: () => T,
    /** Owner-only where the file holds secrets (password hashes). */
    readonly mode = 0o644,
  ) {}

  async read(): Promise<T> {
    if (!existsSync(this.file)) return this.empty();
    let value: unknown;
    try {
      value = JSON.parse(await readFile(this.file, 'utf8'));
    } catch (e) {
      throw new DomainError('invalid-data-file', `不是有效的 JSON：${(e as Error).message}`, this.file);
    }
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new DomainError('invalid-data-file', `${jsonPath(issue.path)}：${issue.message}`, this.file);
    }
    return parsed.data;
  }

  /** Read, change and write back under the lock; `change` returns the new content (the same object: no write) and a result. */
  async update<R>(change: (current: T) => { readonly next: T; readonly result: R }): Promise<R> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const lock = await acquireLock(this.file, LOCK_WAIT_MS);
    try {
      const current = await this.read();
      const { next, result } = change(current);
      if (next !== current) {
        // The fence: a lock removed by hand and taken by another writer meanwhile means this change is not written.
        if (!(await lock.holds())) throw new DomainError('store-conflict', '写入期间锁已被他人取得，本次更改未写入，请重试', this.file);
        await writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`, { fsync: true, mode: this.mode });
      }
      return result;
    } finally {
      await lock.release();
    }
  }
}
