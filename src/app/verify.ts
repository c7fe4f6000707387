/**
 * The record's trust use cases, for any store: verify the chain, export the whole record in the
 * documented format, and import one (all or nothing, chain verified first). No printing here.
 */
import { DomainError, isDomainError } from '../domain/errors.js';
import { type ChainReport, ChainVerifier, verifyChain } from '../store/chain.js';
import { eventsOf, FORMAT, parseDataText, SCHEMA_VERSION } from '../store/data-file.js';
import type { RecordStream, StorageInfo, StoredRecord } from '../store/record-store.js';
import { eventOf } from '../store/stored-records.js';

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

/** Import a data file's text (either layout, any supported version): verified and validated, then written whole. */
export async function importDocument(stream: RecordStream, file: { readonly name: string; readonly text: string }): Promise<ImportReport> {
  const raw = parseDataText(file.text, file.name);
  const report = verifyChain(raw.records);
  if (!report.ok) throw new DomainError('tampered-log', `哈希链校验失败：${report.problem!.message}；未导入任何记录`, file.name);
  eventsOf(raw, file.name);
  await stream.importRecords(raw.records);
  return { count: report.count, headHash: report.headHash, fileVersion: raw.fileVersion };
}
