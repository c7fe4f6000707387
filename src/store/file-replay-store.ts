/**
 * The replay kept beside a data file, in the folder `FILE.cache/`: `kept.json` (the key, and how
 * many lines and bytes of `lines.jsonl` belong to it: the commit point), `core.json` (the core,
 * with its key: a first line naming its sections and their lengths, then one line each, so a
 * reader parses only the sections it asks for) and `lines.jsonl` (one value a line, each with its index, so a kept file that two
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
import { coreText, type Kept, keptReplayOf, type LoadOptions, linesText } from './kept-replay-format.js';
import type { CoreSections, KeptReplay, ReplayStore } from './replay-store.js';

/** The folder beside a data file where its replay is kept: one of the record's own files (see FileRecordStream.owns). */
export const replayFolderOf = (dataFile: string): string => `${dataFile}.cache`;

const LOCK_WAIT_MS = 2000;

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

  async load(key: string, options: LoadOptions = {}): Promise<KeptReplay | undefined> {
    return keptReplayOf(
      await this.#read<Kept>(this.#kept),
      key,
      { core: () => readFile(this.#core), lines: () => readFile(this.#lines) },
      options,
    );
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

  async #commit(key: string, core: CoreSections, count: number, bytes: number): Promise<void> {
    await writeFileAtomic(this.#core, coreText(key, core), { fsync: false });
    await writeFileAtomic(this.#kept, JSON.stringify({ key, count, bytes } satisfies Kept), { fsync: false });
  }

  async save(key: string, core: CoreSections, lines: readonly unknown[]): Promise<void> {
    await this.#locked(async () => {
      const text = linesText(lines);
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

  async extend(base: string, key: string, core: CoreSections, added: readonly unknown[]): Promise<boolean> {
    let extended = false;
    await this.#locked(async () => {
      const kept = await this.#read<Kept>(this.#kept);
      if (kept?.key !== base || !(await stat(this.#lines).catch(() => false))) return;
      // Lines past the kept count were left by a writer that stopped before its commit.
      await truncate(this.#lines, kept.bytes);
      const text = linesText(added, kept.count);
      await appendFile(this.#lines, text);
      await this.#commit(key, core, kept.count + added.length, kept.bytes + Buffer.byteLength(text));
      extended = true;
    });
    return extended;
  }
}
