/**
 * The rule files validated before, kept in the user's cache folder between commands
 * ($ROSTER_CACHE_DIR, else $XDG_CACHE_HOME/deputy-roster, else ~/.cache/deputy-roster), one file per
 * build of the program (a new build may validate differently, so it starts afresh). Only what passed
 * validation is kept, by a hash of its bytes; the file holds the current folder's entries only.
 * A cache: a file that cannot be read or written only means validating again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const PREFIX = 'validated-rules-';

export class FileValidatedRules {
  readonly file: string;
  readonly #known: Map<string, unknown>;
  readonly #used = new Map<string, unknown>();
  #changed = false;

  /** `code`: which build of the program validates (src/paths.ts `codeVersion`). */
  constructor(
    readonly dir: string,
    code: string,
  ) {
    this.file = path.join(dir, `${PREFIX}${createHash('sha256').update(code).digest('hex').slice(0, 16)}.json`);
    this.#known = new Map(Object.entries(this.#read()));
  }

  #read(): Record<string, unknown> {
    try {
      const value = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }

  get(key: string): unknown {
    const value = this.#known.get(key);
    if (value !== undefined) this.#used.set(key, value);
    return value;
  }

  set(key: string, value: unknown): void {
    this.#used.set(key, value);
    this.#changed = true;
  }

  /** Keep what this load validated (and drop what other builds kept); nothing is written when nothing was new. */
  save(): void {
    if (!this.#changed) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      const temp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(Object.fromEntries(this.#used)));
      renameSync(temp, this.file);
      for (const name of readdirSync(this.dir)) {
        if (name.startsWith(PREFIX) && name.endsWith('.json') && path.join(this.dir, name) !== this.file) {
          rmSync(path.join(this.dir, name), { force: true });
        }
      }
      this.#changed = false;
    } catch {
      // A read-only or full cache folder: the rules are validated again next time.
    }
  }
}
