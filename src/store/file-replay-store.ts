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
import type { CoreSections, KeptCoreSections, KeptReplay, ReplayStore } from './replay-store.js';

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

/**
 * A table as JSON with one entry a line (`{`, then `"id":value,` …, then `}`): JSON.parse reads it
 * whole, and `lazyTable` finds each entry by its line without parsing the others (JSON text never
 * holds a raw line break inside a string).
 */
function tableText(table: Record<string, unknown>): string {
  const entries = Object.entries(table).map(([id, value]) => `${JSON.stringify(id)}:${JSON.stringify(value)}`);
  return `{\n${entries.join(',\n')}\n}`;
}

/** Where the id of an entry line ends: the first quote after the opening one that no backslash escapes. */
function idEnd(line: string): number {
  for (let at = line.indexOf('"', 1); at > 0; at = line.indexOf('"', at + 1)) {
    let slashes = 0;
    while (line[at - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 0) return at;
  }
  throw new Error('a kept table entry without an id');
}

/** The table `tableText` wrote, each entry parsed when first read; it cannot be changed. */
function lazyTable(bytes: Buffer): Readonly<Record<string, unknown>> {
  const text = bytes.toString('utf8');
  if (text === '{\n\n}') return Object.freeze(Object.create(null) as Record<string, unknown>);
  if (!text.startsWith('{\n') || !text.endsWith('\n}')) throw new Error('a kept table is not one entry a line');
  // Each id and where its value lies in the text.
  const places = new Map<string, [number, number]>();
  for (let at = 2; at < text.length - 1; ) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end);
    const close = idEnd(line);
    const raw = line.slice(0, close + 1);
    const id = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
    if (line[close + 1] !== ':') throw new Error('a kept table entry without a value');
    places.set(id, [at + close + 2, end - (line.endsWith(',') ? 1 : 0)]);
    at = end + 1;
  }
  const values = new Map<string, unknown>();
  const entryOf = (id: string) => {
    if (!values.has(id)) {
      const [from, to] = places.get(id)!;
      values.set(id, JSON.parse(text.slice(from, to)));
    }
    return values.get(id);
  };
  const own = (key: string | symbol): key is string => typeof key === 'string' && places.has(key);
  const refuse = () => {
    throw new Error('a kept table cannot be changed');
  };
  return new Proxy(Object.create(null) as Record<string, unknown>, {
    get: (_, key) => (own(key) ? entryOf(key) : undefined),
    has: (_, key) => own(key),
    ownKeys: () => [...places.keys()],
    getOwnPropertyDescriptor: (_, key) =>
      own(key) ? { value: entryOf(key), enumerable: true, configurable: true, writable: false } : undefined,
    set: refuse,
    defineProperty: refuse,
    deleteProperty: refuse,
  });
}

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
    const core = await this.#readCore().catch(() => undefined);
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

  /** The core file: its key, main part and sections (their lengths held against the file's). */
  async #readCore(): Promise<{ key: string; core: KeptCoreSections }> {
    const bytes = await readFile(this.#core);
    const end = bytes.indexOf(10);
    if (end < 0) throw new Error('no core header');
    const header = JSON.parse(bytes.subarray(0, end).toString('utf8')) as {
      key: string;
      main: unknown;
      sections: [string, number][];
      tables?: string[];
    };
    const places = new Map<string, [number, number]>();
    let at = end + 1;
    for (const [name, length] of header.sections) {
      places.set(name, [at, at + length]);
      at += length + 1;
    }
    if (at !== bytes.length) throw new Error('core sections do not fill the core file');
    const parsed = new Map<string, unknown>();
    const placeOf = (name: string) => {
      const place = places.get(name);
      if (!place) throw new Error(`no kept section ${name}`);
      return place;
    };
    return {
      key: header.key,
      core: {
        main: header.main,
        section: (name) => {
          if (!parsed.has(name)) {
            const [from, to] = placeOf(name);
            parsed.set(name, JSON.parse(bytes.subarray(from, to).toString('utf8')));
          }
          return parsed.get(name);
        },
        table: (name) => {
          if (!header.tables?.includes(name)) throw new Error(`kept section ${name} is not a table`);
          const [from, to] = placeOf(name);
          return lazyTable(bytes.subarray(from, to));
        },
      },
    };
  }

  async #commit(key: string, core: CoreSections, count: number, bytes: number): Promise<void> {
    const texts = Object.entries(core.sections).map(
      ([name, value]) => [name, core.tables?.has(name) ? tableText(value as Record<string, unknown>) : JSON.stringify(value)] as const,
    );
    const header = JSON.stringify({
      key,
      main: core.main,
      sections: texts.map(([name, text]) => [name, Buffer.byteLength(text)]),
      tables: [...(core.tables ?? [])],
    });
    await writeFileAtomic(this.#core, [header, ...texts.map(([, text]) => text), ''].join('\n'), { fsync: false });
    await writeFileAtomic(this.#kept, JSON.stringify({ key, count, bytes } satisfies Kept), { fsync: false });
  }

  async save(key: string, core: CoreSections, lines: readonly unknown[]): Promise<void> {
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

  async extend(base: string, key: string, core: CoreSections, added: readonly unknown[]): Promise<boolean> {
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
