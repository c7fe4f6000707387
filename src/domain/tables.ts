/**
 * Tables keyed by what input names (a personId, an organ's id, a status a roster cell spells): objects
 * without a prototype, so that "__proto__", "constructor" or "toString" are keys like any other —
 * never the prototype's setter or its methods. Every id-keyed table of the derived roster is one.
 */

/** A table with these entries (from pairs or from another object's own keys). */
export function table<T>(entries: Iterable<readonly [string, T]> | Readonly<Record<string, T>> = []): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  const pairs = Symbol.iterator in entries ? (entries as Iterable<readonly [string, T]>) : Object.entries(entries);
  for (const [k, v] of pairs) out[k] = v;
  return out;
}

/** A copy of the table with one entry set. */
export function tableWith<T>(from: Readonly<Record<string, T>>, key: string | number, value: T): Record<string, T> {
  const out = table(from);
  out[String(key)] = value;
  return out;
}

/** The entry for a key the input gave, or undefined: never something inherited. */
export function lookup<T>(from: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(from, key) ? from[key] : undefined;
}

/**
 * Marks a state whose tables are read one entry at a time (a kept replay's, src/engine/replay-codec.ts):
 * a builder over it registers over its tables (`overlay`) instead of copying them, and marks the state
 * it makes so too. A state made in memory has plain tables, copied when first changed.
 */
export const READ_THROUGH: unique symbol = Symbol('tables read through');

/** An array index as an object orders its keys (those come first, ascending). */
const isIndex = (key: string) => /^(0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;

/**
 * A table that reads through `base` and keeps what is set on it to itself: as a copy of `base` with
 * those entries set would be (the same keys in the same order), without copying `base` (a kept
 * roster's table of a million persons is read one entry at a time). Entries are set, never deleted.
 */
export function overlay<T>(base: Readonly<Record<string, T>>): Record<string, T> {
  const added = new Map<string, T>();
  const has = (key: string | symbol): key is string => typeof key === 'string' && (added.has(key) || Object.hasOwn(base, key));
  const read = (key: string): T | undefined => (added.has(key) ? added.get(key) : lookup(base, key));
  const refuse = () => {
    throw new Error('an entry of this table cannot be removed or redefined');
  };
  return new Proxy(Object.create(null) as Record<string, T>, {
    get: (_, key) => (has(key) ? read(key) : undefined),
    has: (_, key) => has(key),
    set: (_, key, value: T) => {
      if (typeof key !== 'string') return false;
      added.set(key, value);
      return true;
    },
    ownKeys: () => {
      const keys = Object.keys(base);
      const fresh = [...added.keys()].filter((k) => !Object.hasOwn(base, k));
      const all = [...keys, ...fresh];
      // As an object lists its own keys: array indices first, ascending, then the rest in the order they were set.
      if (!fresh.some(isIndex)) return all;
      const indices = all.filter(isIndex).sort((a, b) => Number(a) - Number(b));
      return [...indices, ...all.filter((k) => !isIndex(k))];
    },
    getOwnPropertyDescriptor: (_, key) =>
      has(key) ? { value: read(key), enumerable: true, configurable: true, writable: true } : undefined,
    defineProperty: refuse,
    deleteProperty: refuse,
  });
}
