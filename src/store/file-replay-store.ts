/**
 * The replay kept beside a data file, in the folder `FILE.cache/`: `replay.json` (the key, the core,
 * and how many findings and bytes of `findings.jsonl` belong to it) and `findings.jsonl` (one
 * finding a line, each with its index, so a kept file that two writers mixed up is never read as
 * good). Writers take a lock; `replay.json` is replaced atomically, after the findings are written.
 * Anything unreadable is a miss: the replay is simply made again.
 */
import { mkdirSync } from 'node:fs';
import { appendFile, readFile, stat, truncate } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import type { KeptReplay, ReplayStore } from './replay-store.js';

interface Header {
  readonly key: string;
  readonly count: number;
  readonly bytes: number;
  readonly core: unknown;
}

const line = (i: number, finding: unknown) => `${JSON.stringify([i, finding])}\n`;

export class FileReplayStore implements ReplayStore {
  readonly dir: string;
  readonly #header: string;
  readonly #findings: string;

  constructor(dataFile: string) {
    this.dir = `${dataFile}.cache`;
    this.#header = path.join(this.dir, 'replay.json');
    this.#findings = path.join(this.dir, 'findings.jsonl');
  }

  async #readHeader(): Promise<Header | undefined> {
    try {
      return JSON.parse(await readFile(this.#header, 'utf8')) as Header;
    } catch {
      return undefined;
    }
  }

  async load(key: string, options: { readonly coreOnly?: boolean } = {}): Promise<KeptReplay | undefined> {
    const header = await this.#readHeader();
    if (header?.key !== key) return undefined;
    if (options.coreOnly) return { core: header.core };
    try {
      const text = (await readFile(this.#findings)).subarray(0, header.bytes).toString('utf8');
      const lines = text === '' ? [] : text.slice(0, -1).split('\n');
      if (lines.length !== header.count) return undefined;
      const findings = lines.map((l, i) => {
        const [index, finding] = JSON.parse(l) as [number, unknown];
        if (index !== i) throw new Error('findings out of order');
        return finding;
      });
      return { core: header.core, findings };
    } catch {
      return undefined;
    }
  }

  async #locked(write: () => Promise<void>): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const release = await lockfile.lock(this.dir, {
      stale: 10_000,
      retries: { retries: 20, minTimeout: 10, maxTimeout: 100 },
      realpath: false,
    });
    try {
      await write();
    } finally {
      await release();
    }
  }

  async save(key: string, core: unknown, findings: readonly unknown[]): Promise<void> {
    await this.#locked(async () => {
      const text = findings.map((f, i) => line(i, f)).join('');
      await writeFileAtomic(this.#findings, text);
      await writeFileAtomic(this.#header, JSON.stringify({ key, count: findings.length, bytes: Buffer.byteLength(text), core }));
    });
  }

  async extend(base: string, key: string, core: unknown, added: readonly unknown[]): Promise<boolean> {
    let extended = false;
    await this.#locked(async () => {
      const header = await this.#readHeader();
      if (header?.key !== base || (await stat(this.#findings).catch(() => undefined))?.size === undefined) return;
      // Lines past the kept count were left by a writer that stopped before replacing the header.
      await truncate(this.#findings, header.bytes);
      const text = added.map((f, i) => line(header.count + i, f)).join('');
      await appendFile(this.#findings, text);
      await writeFileAtomic(
        this.#header,
        JSON.stringify({ key, count: header.count + added.length, bytes: header.bytes + Buffer.byteLength(text), core }),
      );
      extended = true;
    });
    return extended;
  }
}
