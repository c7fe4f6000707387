/**
 * The replay kept beside a data file, in the folder `FILE.cache/`: `kept.json` (the key, and how
 * many lines and bytes of `lines.jsonl` belong to it: the commit point), `core.json` (the core,
 * with its key) and `lines.jsonl` (one value a line, each with its index, so a kept file that two
 * writers mixed up is never read as good). Writers take a lock (`FILE.cache.lock`, the record's own
 * kind: src/store/file-lock.ts) and write the lines, then the core, then `kept.json`, each file
 * replaced atomically (not fsynced: a cache). Anything unreadable or inconsistent is a miss: the
 * replay is simply made again.
 */
import { mkdirSync } from 'node:fs';
import { appendFile, readFile, stat, truncate } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { acquireLock } from './file-lock.js';
import type { KeptReplay, ReplayStore } from './replay-store.js';

/**
 * What is kept: the key, the part of `lines.jsonl` that belongs to it, and where the core was kept
 * for an earlier head (a recording passed on it: `pass`), the core's key and how many records behind.
 */
interface Kept {
  readonly key: string;
  readonly count: number;
  readonly bytes: number;
  readonly core?: string;
  readonly behind?: number;
}

/** The folder beside a data file where its replay is kept: one of the record's own files (see FileRecordStream.owns). */
export const replayFolderOf = (dataFile: string): string => `${dataFile}.cache`;

const LOCK_WAIT_MS = 2000;

const line = (i: number, value: unknown) => `${JSON.stringify([i, value])}\n`;

export class FileReplayStore implements ReplayStore {
  readonly dir: string;
  readonly #kept: string;
  readonly #core: string;
  readonly #lines: string;

  constructor(dataFile: string) {
    this.dir = replayFolderOf(dataFile);
    this.#kept = path.join(this.dir, 'kept.json');
    this.#core = path.join(this.dir, 'core.json');
    this.#lines = path.join(this.dir, 'lines.jsonl');
  }

  async #read<T>(file: string): Promise<T | undefined> {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as T;
    } catch {
      return undefined;
    }
  }

  async load(key: string, options: { readonly coreOnly?: boolean; readonly lazyLines?: boolean } = {}): Promise<KeptReplay | undefined> {
    const kept = await this.#read<Kept>(this.#kept);
    if (kept?.key !== key) return undefined;
    const core = await this.#read<{ key: string; core: unknown }>(this.#core);
    if (core?.key !== (kept.core ?? key)) return undefined;
    const behind = kept.behind ?? 0;
    if (!Number.isInteger(behind) || behind < 0 || (behind === 0) !== (kept.core === undefined)) return undefined;
    if (options.coreOnly) return { core: core.core, behind };
    if (options.lazyLines) {
      const lineAt = await this.#lazyLines(kept).catch(() => undefined);
      return lineAt ? { core: core.core, behind, lineAt } : undefined;
    }
    try {
      const text = (await readFile(this.#lines)).subarray(0, kept.bytes).toString('utf8');
      const lines = text === '' ? [] : text.slice(0, -1).split('\n');
      if (lines.length !== kept.count) return undefined;
      const values = lines.map((l, i) => {
        const [index, value] = JSON.parse(l) as [number, unknown];
        if (index !== i) throw new Error('lines out of order');
        return value;
      });
      return { core: core.core, behind, lines: values };
    } catch {
      return undefined;
    }
  }

  /** The kept lines, each parsed when first asked for: only where they start is found now (and that there are as many as kept). */
  async #lazyLines(kept: Kept): Promise<((i: number) => unknown) | undefined> {
    const bytes = (await readFile(this.#lines)).subarray(0, kept.bytes);
    if (bytes.length !== kept.bytes) return undefined;
    const starts: number[] = [];
    for (let at = 0; at < bytes.length; ) {
      const end = bytes.indexOf(10, at);
      if (end < 0) return undefined;
      starts.push(at);
      at = end + 1;
    }
    if (starts.length !== kept.count) return undefined;
    starts.push(bytes.length);
    return (i: number) => {
      if (!Number.isInteger(i) || i < 0 || i >= kept.count) throw new Error(`no kept line ${i}`);
      const [index, value] = JSON.parse(bytes.subarray(starts[i]!, starts[i + 1]! - 1).toString('utf8')) as [number, unknown];
      if (index !== i) throw new Error('lines out of order');
      return value;
    };
  }

  async #locked(write: () => Promise<void>): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    // The record's own kind of lock (FILE.cache.lock, taken from no live process): a writer that
    // waits longer than this gives up keeping, which only costs the next command a replay.
    const lock = await acquireLock(this.dir, LOCK_WAIT_MS);
    try {
      await write();
    } finally {
      await lock.release();
    }
  }

  async #commit(key: string, core: unknown, count: number, bytes: number): Promise<void> {
    await writeFileAtomic(this.#core, JSON.stringify({ key, core }), { fsync: false });
    await writeFileAtomic(this.#kept, JSON.stringify({ key, count, bytes } satisfies Kept), { fsync: false });
  }

  async save(key: string, core: unknown, lines: readonly unknown[]): Promise<void> {
    await this.#locked(async () => {
      const text = lines.map((value, i) => line(i, value)).join('');
      await writeFileAtomic(this.#lines, text, { fsync: false });
      await this.#commit(key, core, lines.length, Buffer.byteLength(text));
    });
  }

  async pass(base: string, key: string, behind: number): Promise<boolean> {
    let passed = false;
    await this.#locked(async () => {
      const kept = await this.#read<Kept>(this.#kept);
      if (kept?.key !== base) return;
      const core = kept.core ?? kept.key;
      await writeFileAtomic(this.#kept, JSON.stringify({ ...kept, key, core, behind } satisfies Kept), { fsync: false });
      passed = true;
    });
    return passed;
  }

  async extend(base: string, key: string, core: unknown, added: readonly unknown[]): Promise<boolean> {
    let extended = false;
    await this.#locked(async () => {
      const kept = await this.#read<Kept>(this.#kept);
      if (kept?.key !== base || !(await stat(this.#lines).catch(() => false))) return;
      // Lines past the kept count were left by a writer that stopped before its commit.
      await truncate(this.#lines, kept.bytes);
      const text = added.map((value, i) => line(kept.count + i, value)).join('');
      await appendFile(this.#lines, text);
      await this.#commit(key, core, kept.count + added.length, kept.bytes + Buffer.byteLength(text));
      extended = true;
    });
    return extended;
  }
}
