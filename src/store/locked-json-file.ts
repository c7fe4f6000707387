/**
 * A small JSON file kept beside the data file (accounts, drafts): read whole, changed under a lock
 * between processes (proper-lockfile), written atomically (temp file, fsync, rename) so a crash or a
 * second writer never leaves it half-written or loses a change.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';
import { DomainError, jsonPath } from '../domain/errors.js';

const STALE_MS = 4000;
const LOCK_RETRIES = { retries: 80, factor: 1.3, minTimeout: 10, maxTimeout: 250 };

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
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(this.file, { stale: STALE_MS, retries: LOCK_RETRIES, realpath: false });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ELOCKED') {
        throw new DomainError('store-conflict', '文件正由另一个进程写入，等待超时，请稍后重试', this.file);
      }
      throw e;
    }
    try {
      const current = await this.read();
      const { next, result } = change(current);
      if (next !== current) await writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`, { fsync: true, mode: this.mode });
      return result;
    } finally {
      await release();
    }
  }
}
