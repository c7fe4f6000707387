/**
 * Text made safe to show: what reaches a terminal, a Word file, a web page or a spreadsheet never
 * carries a control character (an ANSI escape sequence recolouring or rewriting a clerk's terminal, a
 * character XML forbids, which makes a docx unreadable), a bidirectional override that reorders what
 * a reader sees, or a broken surrogate. Input refuses these (src/domain/input-limits.ts); this is for
 * whatever got into a record before that, or comes from anywhere else, and is applied by every
 * renderer and by the CLI's output path regardless.
 */

/** Replaced by U+FFFD, visibly: C0 controls but tab and line feed, DEL and C1, bidi controls, lone surrogates, U+FFFE/U+FFFF. */
const UNSAFE = /(?![\t\n])\p{Cc}|[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|\p{Cs}/gu;

export const REPLACEMENT = '\uFFFD';

export function displayText(text: string): string {
  return text.replace(UNSAFE, REPLACEMENT);
}

/** Every string in a plain value (a document model, a report) made safe to show; the value's shape is kept. */
export function displayValue<T>(value: T): T {
  if (typeof value === 'string') return displayText(value) as T;
  if (Array.isArray(value)) return value.map(displayValue) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    // fromEntries defines each key as data, so an id such as "__proto__" stays a key.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, displayValue(v)])) as T;
  }
  return value;
}

/**
 * JSON text with every character a terminal could act on written as a `\uXXXX` escape: the same JSON
 * value, so machines read what they would have read. JSON.stringify already escapes C0 controls; this
 * adds DEL, C1 controls, bidi controls and the line and paragraph separators.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(
    /[\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
