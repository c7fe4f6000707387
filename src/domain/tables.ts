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
