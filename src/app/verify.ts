/**
 * The record's trust use cases, for any store: verify the chain, export the whole record in the
 * documented format, and import one (all or nothing, chain verified first). No printing here.
 */
import { allChecks } from '../checks/all-checks.js';
import { describeCheck } from '../checks/describe-check.js';
import { DomainError, isDomainError } from '../domain/errors.js';
import { jsonLinesProblem, jsonProblem } from '../domain/json-text.js';
import { derive } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import { type ChainReport, ChainVerifier, verifyChain } from '../store/chain.js';
import { eventsOf, FORMAT, isLogText, parseDataText, SCHEMA_VERSION } from '../store/data-file.js';
import type { RecordStream, StorageInfo, StoredRecord } from '../store/record-store.js';
import { eventOf } from '../store/stored-records.js';
import { admitRecord } from './admit.js';
import { type Clock, latestToday } from './clock.js';
import { utf8Text } from './input-files.js';

export interface VerifyReport extends ChainReport {
  /** Where the record lives: the data file, or the database and the congress. */
  readonly file: string;
  readonly layout: StorageInfo['layout'];
  /** The version the records are written in; below the current one they were migrated on read. */
  readonly fileVersion: number;
  readonly uncommittedBytes: number;
  /** The first record that is not a valid event, when the chain itself holds. */
  readonly invalid?: string;
}

/** Recompute the chain over the stream as committed, and validate every record as an event. */
export async function verifyStream(stream: RecordStream): Promise<VerifyReport> {
  const snap = await stream.snapshot();
  const chain = new ChainVerifier();
  let invalid: string | undefined;
  let i = 0;
  for await (const record of snap.records()) {
    chain.push(record);
    if (invalid === undefined) {
      try {
        eventOf(record, i, snap.where, stream.location);
      } catch (e) {
        if (!isDomainError(e)) throw e;
        invalid = e.message;
      }
    }
    i++;
  }
  const report = chain.finish(snap.committed);
  const bad = report.ok ? invalid : undefined;
  return {
    file: stream.location,
    layout: snap.storage.layout,
    fileVersion: snap.storage.formatVersion,
    uncommittedBytes: snap.storage.uncommittedBytes,
    ...report,
    ok: report.ok && bad === undefined,
    ...(bad ? { invalid: bad } : {}),
  };
}

/** The whole record as a document-layout data file, refused if the chain does not verify. */
export async function exportDocument(stream: RecordStream): Promise<string> {
  const snap = await stream.snapshot();
  const records: StoredRecord[] = [];
  for await (const r of snap.records()) records.push(r);
  const report = verifyChain(records, snap.committed);
  if (!report.ok) throw new DomainError('tampered-log', `${report.problem!.message}；请先运行 roster verify`, stream.location);
  for (const [i, r] of records.entries()) eventOf(r, i, snap.where, stream.location);
  return `${JSON.stringify({ format: FORMAT, schemaVersion: SCHEMA_VERSION, events: records }, null, 2)}\n`;
}

export interface ImportReport {
  readonly count: number;
  readonly headHash: string;
  /** The version the imported file was written in (1: chained as it was read). */
  readonly fileVersion: number;
}

/** A data file to import: its bytes as given (decoded strictly as UTF-8), or text already decoded. */
export type ImportFile = { readonly name: string } & ({ readonly bytes: Uint8Array } | { readonly text: string });

/** What importing needs: the stream to fill, and the rules and clock every record is admitted and checked with. */
export interface ImportPorts {
  readonly stream: RecordStream;
  readonly evaluator: Evaluator;
  readonly clock: Clock;
}

/**
 * Import a data file (either layout, any supported version): the chain verified, every record
 * admitted as if it were recorded today (src/app/admit.ts) and the whole record checked as `record`
 * checks a batch; then written whole. Any problem refuses the file, and nothing is written.
 */
export async function importDocument(ports: ImportPorts, file: ImportFile): Promise<ImportReport> {
  const { name } = file;
  const text = 'text' in file ? file.text : utf8Text({ name, bytes: file.bytes }, '数据文件');
  const problem = isLogText(text) ? jsonLinesProblem(text) : jsonProblem(text);
  if (problem) throw new DomainError('invalid-data-file', `${problem}；未导入任何记录`, name);
  const raw = parseDataText(text, name);
  const report = verifyChain(raw.records);
  if (!report.ok) throw new DomainError('tampered-log', `哈希链校验失败：${report.problem!.message}；未导入任何记录`, name);
  const events = eventsOf(raw, name);
  const today = latestToday(ports.clock);
  for (const [i, record] of raw.records.entries()) admitRecord(record, (path) => raw.where(i, path), { today, origin: name });
  // An empty record (the console's new store, before its congress is entered) contradicts nothing.
  const refused =
    events.length === 0
      ? undefined
      : (await allChecks(await derive(events, ports.evaluator), ports.evaluator)).find((f) => f.level === 'error');
  if (refused) {
    const at = refused.eventSeq !== undefined ? `第${refused.eventSeq}条事件：` : '';
    throw new DomainError('contradicts-record', `${at}${describeCheck(refused)}；未导入任何记录`, name);
  }
  await ports.stream.importRecords(raw.records);
  return { count: report.count, headHash: report.headHash, fileVersion: raw.fileVersion };
}
