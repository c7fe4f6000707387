/**
 * The data file: the interchange format of a congress's history (see README, "The data file").
 *
 * Two layouts hold the same records:
 * - document: one JSON object `{ format, schemaVersion, events: [...] }` (the embedded data,
 *   `roster export`);
 * - log: JSON Lines, a header line `{ format, schemaVersion, layout: "log" }` and then one recorded
 *   event per line (the working file `roster` appends to), each appended batch closed by a commit
 *   line `{"commit":{"seq":…,"hash":"…"}}` naming the last event of the batch: the log's own
 *   record of what was committed (src/store/file-store.ts). Commit lines are not events.
 * From version 2 every event carries `hash` (src/store/chain.ts). Version 1 files have none and
 * are migrated on read by chaining their events in order; newer versions are refused.
 * Parsing names the file and the JSON path (or line) of the first problem.
 */
import * as z from 'zod';
import { DomainError, jsonPath } from '../domain/errors.js';
import type { RosterEvent } from '../domain/events.js';
import { deepestIssue } from '../domain/validation.js';
import { chainRecords } from './chain.js';
import type { StoredRecord } from './record-store.js';
import { eventOf } from './stored-records.js';

export const SCHEMA_VERSION = 2;
export const FORMAT = 'deputy-roster';

export interface DataFile {
  readonly format: 'deputy-roster';
  readonly schemaVersion: number;
  readonly events: readonly RosterEvent[];
}

export type Layout = 'document' | 'log';

/** A data file as read: the records as stored (with hashes), not yet validated as events. */
export interface RawFile {
  readonly layout: Layout;
  /** The version the file was written in (1 means it was migrated on this read). */
  readonly fileVersion: number;
  readonly records: readonly StoredRecord[];
  /** Names record i (and a path inside it) in messages. */
  readonly where: (i: number, path?: readonly PropertyKey[]) => string;
}

export function emptyDataFile(): DataFile {
  return { format: FORMAT, schemaVersion: SCHEMA_VERSION, events: [] };
}

export function logHeader(): string {
  return `${JSON.stringify({ format: FORMAT, schemaVersion: SCHEMA_VERSION, layout: 'log' })}\n`;
}

const Header = z.object({ format: z.literal(FORMAT), schemaVersion: z.number().int().positive() });

function checkVersion(value: unknown, file: string): number {
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new DomainError(
      'unsupported-version',
      `数据文件的格式版本为 ${version}，本程序只支持到 ${SCHEMA_VERSION}，请升级 deputy-roster`,
      file,
    );
  }
  const header = Header.safeParse(value);
  if (!header.success) {
    const issue = deepestIssue(header.error.issues);
    throw new DomainError('invalid-data-file', `${jsonPath(issue.path)}：${issue.message}（不是 deputy-roster 数据文件）`, file);
  }
  return header.data.schemaVersion;
}

/** The line that closes an appended batch: the seq and hash of its last event. */
export function commitLine(head: { readonly seq: number; readonly hash: string }): string {
  return `${JSON.stringify({ commit: { seq: head.seq, hash: head.hash } })}\n`;
}

/** A commit line as parsed, or undefined for any other value. */
export function commitOf(value: unknown): { seq: number; hash: string } | undefined {
  if (typeof value !== 'object' || value === null || !('commit' in value) || 'seq' in value) return undefined;
  const c = (value as { commit: unknown }).commit as { seq?: unknown; hash?: unknown } | null;
  return c && typeof c.seq === 'number' && typeof c.hash === 'string' ? { seq: c.seq, hash: c.hash } : undefined;
}

/** The format version a log's header line gives (refusing newer versions and lines that are no header). */
export function logVersion(headerLine: string, file: string): number {
  let value: unknown;
  try {
    value = JSON.parse(headerLine);
  } catch (e) {
    throw new DomainError('invalid-data-file', `第1行不是有效的 JSON：${(e as Error).message}`, file);
  }
  return checkVersion(value, file);
}

/** Is this text a log (its first line a header without `events`)? */
export function isLogText(text: string): boolean {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  try {
    const head = JSON.parse(firstLine) as unknown;
    return typeof head === 'object' && head !== null && (head as { layout?: unknown }).layout === 'log';
  } catch {
    return false;
  }
}

/** Validate stored records as events, in order; the first problem is named by record and field. */
export function eventsOf(raw: RawFile, file: string): RosterEvent[] {
  return raw.records.map((record, i) => eventOf(record, i, raw.where, file));
}

/** Version 1 records carry no hash: chain them as they stand. */
function migrate(records: readonly unknown[], version: number): StoredRecord[] {
  const objects = records.every((r): r is object => typeof r === 'object' && r !== null && !Array.isArray(r));
  // A record that is not an object is left for `eventsOf` to name by its position.
  if (version >= 2 || !objects) return records as StoredRecord[];
  return chainRecords(records);
}

/** Read a document-layout data file (already JSON-parsed). */
export function parseDocument(value: unknown, file: string): RawFile {
  const version = checkVersion(value, file);
  const events = (value as { events?: unknown }).events;
  if (!Array.isArray(events)) throw new DomainError('invalid-data-file', '$.events：应为事件数组', file);
  return {
    layout: 'document',
    fileVersion: version,
    records: migrate(events, version),
    where: (i, path = []) => jsonPath(['events', i, ...path]),
  };
}

/**
 * Read the lines of a log-layout file; `text` holds only whole lines. Where the log has commit
 * lines, what follows the last of them was never committed and is left out.
 */
export function parseLog(text: string, file: string): RawFile {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const [first, ...rest] = lines;
  const version = logVersion(first ?? 'null', file);
  const records: unknown[] = [];
  const lineOf: number[] = [];
  let committed: number | undefined;
  rest.forEach((line, i) => {
    let value: unknown;
    try {
      value = JSON.parse(line) as unknown;
    } catch (e) {
      throw new DomainError(
        'invalid-data-file',
        `第${i + 2}行（第${records.length + 1}条事件）不是有效的 JSON：${(e as Error).message}`,
        file,
      );
    }
    if (commitOf(value)) committed = records.length;
    else {
      records.push(value);
      lineOf.push(i + 2);
    }
  });
  const kept = committed === undefined ? records : records.slice(0, committed);
  return {
    layout: 'log',
    fileVersion: version,
    records: migrate(kept, version),
    where: (i, path = []) => `第${lineOf[i] ?? i + 2}行 ${jsonPath(path)}`,
  };
}

/** Read a data file's text in either layout; a log's torn last line (no newline) is left out. */
export function parseDataText(text: string, file: string): RawFile {
  if (isLogText(text)) return parseLog(text.slice(0, text.lastIndexOf('\n') + 1), file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new DomainError('invalid-data-file', `不是有效的 JSON：${(e as Error).message}`, file);
  }
  return parseDocument(value, file);
}

/** Kept for callers of the version 1 API: a document-layout file as plain events. */
export function parseDataFile(value: unknown, file: string): DataFile {
  return { format: FORMAT, schemaVersion: SCHEMA_VERSION, events: eventsOf(parseDocument(value, file), file) };
}
