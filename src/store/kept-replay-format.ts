/**
 * The bytes of a kept replay (src/store/replay-store.ts), whoever holds them: the file store keeps
 * them as files beside the data file (src/store/file-replay-store.ts), the PostgreSQL store as a row
 * of its congress (src/store/postgres/postgres-replays.ts). Three parts: what is kept (`Kept`: the
 * key, how many lines and bytes of the lines belong to it, and where a recording passed it on, the
 * core's own key and how many records it is behind); the core (a first line naming its sections and
 * their lengths, then one line each, so a reader parses only the sections it asks for); the lines
 * (one value a line, each with its index, so lines two writers mixed up are never read as good).
 * Anything unreadable or inconsistent is a miss: the replay is simply made again.
 */
import type { CoreSections, KeptCoreSections, KeptReplay } from './replay-store.js';

/**
 * What is kept: the key, the part of `lines.jsonl` that belongs to it, and where the core was kept
 * for an earlier head (a recording passed on it: `pass`), the core's key and how many records behind.
 */
export interface Kept {
  readonly key: string;
  readonly count: number;
  readonly bytes: number;
  readonly core?: string;
  readonly behind?: number;
}

export const line = (i: number, value: unknown) => `${JSON.stringify([i, value])}\n`;

/**
 * A table as JSON with one entry a line (`{`, then `"id":value,` …, then `}`): JSON.parse reads it
 * whole, and `lazyTable` finds each entry by its line without parsing the others (JSON text never
 * holds a raw line break inside a string).
 */
export function tableText(table: Record<string, unknown>): string {
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

/**
 * How many entries a kept table finds by searching its bytes before it indexes every line: a
 * recording asks for a few (each search a scan of the table), a headcount may ask for hundreds.
 */
const SEARCHES_BEFORE_LISTING = 8;

/**
 * The table `tableText` wrote, each entry parsed when first read; it cannot be changed. An entry is
 * found by searching the bytes for its line (`\n"id":`, which only an entry's line can hold: JSON
 * text has no raw line break), so reading a few entries of a table of a million costs a few searches;
 * every line is indexed when the table is listed (its keys, or all its entries), or once more than
 * `SEARCHES_BEFORE_LISTING` entries were searched for.
 */
export function lazyTable(bytes: Buffer): Readonly<Record<string, unknown>> {
  const n = bytes.length;
  if (n < 4 || bytes[0] !== 0x7b || bytes[1] !== 0x0a || bytes[n - 2] !== 0x0a || bytes[n - 1] !== 0x7d) {
    throw new Error('a kept table is not one entry a line');
  }
  if (n === 4) return Object.freeze(Object.create(null) as Record<string, unknown>);
  // Where each entry's value lies in the bytes: found one by one, or all at once when the table is listed.
  const places = new Map<string, readonly [number, number] | null>();
  let listed: string[] | undefined;
  const list = (): string[] => {
    if (!listed) {
      listed = [];
      for (let at = 2; at < n - 1; ) {
        const end = bytes.indexOf(0x0a, at);
        const line = bytes.subarray(at, end).toString('utf8');
        const close = idEnd(line);
        const raw = line.slice(0, close + 1);
        const id = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        if (line[close + 1] !== ':') throw new Error('a kept table entry without a value');
        places.set(id, [at + Buffer.byteLength(raw) + 1, end - (bytes[end - 1] === 0x2c ? 1 : 0)]);
        listed.push(id);
        at = end + 1;
      }
    }
    return listed;
  };
  let searches = 0;
  const placeOf = (id: string): readonly [number, number] | null => {
    let place = places.get(id);
    if (place === undefined) {
      // Each search scans the bytes: past a few, one listing of every line is cheaper than the searches to come.
      if (!listed && searches >= SEARCHES_BEFORE_LISTING) list();
      if (listed) place = places.get(id) ?? null;
      else {
        searches++;
        const needle = Buffer.from(`\n${JSON.stringify(id)}:`, 'utf8');
        const at = bytes.indexOf(needle);
        if (at < 0) place = null;
        else {
          const from = at + needle.length;
          const end = bytes.indexOf(0x0a, from);
          place = [from, end - (bytes[end - 1] === 0x2c ? 1 : 0)];
        }
      }
      places.set(id, place);
    }
    return place;
  };
  const values = new Map<string, unknown>();
  const entryOf = (id: string) => {
    if (!values.has(id)) {
      const [from, to] = placeOf(id)!;
      values.set(id, JSON.parse(bytes.subarray(from, to).toString('utf8')));
    }
    return values.get(id);
  };
  const own = (key: string | symbol): key is string => typeof key === 'string' && placeOf(key) !== null;
  const refuse = () => {
    throw new Error('a kept table cannot be changed');
  };
  return new Proxy(Object.create(null) as Record<string, unknown>, {
    get: (_, key) => (own(key) ? entryOf(key) : undefined),
    has: (_, key) => own(key),
    ownKeys: () => [...list()],
    getOwnPropertyDescriptor: (_, key) =>
      own(key) ? { value: entryOf(key), enumerable: true, configurable: true, writable: false } : undefined,
    set: refuse,
    defineProperty: refuse,
    deleteProperty: refuse,
  });
}

/** The core as kept: its key, main part and sections (their lengths held against the bytes'). */
export function coreOf(bytes: Buffer): { key: string; core: KeptCoreSections } {
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

/** The core's text under `key`: its header line, then each section on a line of its own. */
export function coreText(key: string, core: CoreSections): string {
  const texts = Object.entries(core.sections).map(
    ([name, value]) => [name, core.tables?.has(name) ? tableText(value as Record<string, unknown>) : JSON.stringify(value)] as const,
  );
  const header = JSON.stringify({
    key,
    main: core.main,
    sections: texts.map(([name, text]) => [name, Buffer.byteLength(text)]),
    tables: [...(core.tables ?? [])],
  });
  return [header, ...texts.map(([, text]) => text), ''].join('\n');
}

/** Lines `from`, `from + 1` … as kept. */
export const linesText = (values: readonly unknown[], from = 0): string => values.map((value, i) => line(from + i, value)).join('');

/** Every kept line, parsed; undefined where they are not as many as kept, or out of order. */
function linesOf(bytes: Buffer, kept: Kept): unknown[] | undefined {
  const text = bytes.subarray(0, kept.bytes).toString('utf8');
  const lines = text === '' ? [] : text.slice(0, -1).split('\n');
  if (lines.length !== kept.count) return undefined;
  return lines.map((l, i) => {
    const [index, value] = JSON.parse(l) as [number, unknown];
    if (index !== i) throw new Error('lines out of order');
    return value;
  });
}

/** The kept lines, each parsed when first asked for: only where they start is found now (and that there are as many as kept). */
function lazyLinesOf(all: Buffer, kept: Kept): ((i: number) => unknown) | undefined {
  const bytes = all.subarray(0, kept.bytes);
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

/** How a kept replay is asked for (src/store/replay-store.ts `load`). */
export interface LoadOptions {
  readonly coreOnly?: boolean;
  readonly lazyLines?: boolean;
}

/**
 * The replay kept under `key` from its three parts as read (`core` and `lines` read only when
 * needed); undefined where what is kept is for another key or does not hold together.
 */
export async function keptReplayOf(
  kept: Kept | undefined,
  key: string,
  parts: { readonly core: () => Promise<Buffer>; readonly lines: () => Promise<Buffer> },
  options: LoadOptions,
): Promise<KeptReplay | undefined> {
  if (kept?.key !== key) return undefined;
  const core = await parts
    .core()
    .then(coreOf)
    .catch(() => undefined);
  if (core?.key !== (kept.core ?? key)) return undefined;
  const behind = kept.behind ?? 0;
  if (!Number.isInteger(behind) || behind < 0 || (behind === 0) !== (kept.core === undefined)) return undefined;
  if (options.coreOnly) return { core: core.core, behind };
  try {
    const bytes = await parts.lines();
    if (options.lazyLines) {
      const lineAt = lazyLinesOf(bytes, kept);
      return lineAt ? { core: core.core, behind, lineAt } : undefined;
    }
    const lines = linesOf(bytes, kept);
    return lines ? { core: core.core, behind, lines } : undefined;
  } catch {
    return undefined;
  }
}
