/**
 * The record's trust use cases, for any store: verify the chain, export the whole record in the
 * documented format, and import one (all or nothing, chain verified first). No printing here.
 */
import { allChecks } from '../checks/all-checks.js';
import { describeCheck } from '../checks/describe-check.js';
import { DomainError } from '../domain/errors.js';
import { jsonLinesProblem, jsonProblem } from '../domain/json-text.js';
import { derive } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import { type ChainReport, ChainVerifier, GENESIS, inStoredOrder, verifyChain } from '../store/chain.js';
import { eventsOf, FORMAT, isLogText, parseDataText, SCHEMA_VERSION } from '../store/data-file.js';
import type { Head, RecordStream, StorageInfo } from '../store/record-store.js';
import { eventOf } from '../store/stored-records.js';
import { admitRecord } from './admit.js';
import { type Clock, latestToday } from './clock.js';
import { utf8Text } from './input-files.js';
import { headMissing, passOver, type RecordPass } from './read-record.js';
import { viewsOf } from './stream-views.js';

export interface VerifyReport extends ChainReport {
  /** Where the record lives: the data file, or the database and the congress. */
  readonly file: string;
  readonly layout: StorageInfo['layout'];
  /** The version the records are written in; below the current one they were migrated on read. */
  readonly fileVersion: number;
  readonly uncommittedBytes: number;
  /** Whether the store keeps its own record of its head (`missing`: it should, and it is gone). */
  readonly anchor: StorageInfo['anchor'];
  /** The first record that is not a valid event, when the chain itself holds. */
  readonly invalid?: string;
}

/**
 * Recompute the chain over the stream as committed, and validate every record as an event: all at
 * once where the store can (a large log, on every core), else, and wherever that finds anything
 * amiss, one record at a time, which names the first record that is not what was recorded.
 */
export async function verifyStream(stream: RecordStream): Promise<VerifyReport> {
  return verifyReportOf(stream, (await wholePass(stream)) ?? (await passOver(stream, { keep: false, stopAtInvalid: false })));
}

/** A pass over a snapshot the store verified whole (every record valid and chained); undefined where it could not vouch for it. */
async function wholePass(stream: RecordStream): Promise<RecordPass | undefined> {
  const snap = await stream.snapshot();
  const run = await snap.verifiedRun?.();
  if (!run) return undefined;
  const chain = new ChainVerifier(snap.committed);
  chain.pushRun(run);
  return {
    snap,
    chain: chain.finish(),
    events: [],
    invalid: undefined,
    end: { seq: run.count, hash: run.count === 0 ? GENESIS : run.lastHash },
  };
}

/** What `verify` reports of a pass over the whole stream (`check` takes it from the pass its derivation reads). */
export function verifyReportOf(stream: RecordStream, pass: RecordPass): VerifyReport {
  const { snap, chain: chained } = pass;
  const report: ChainReport =
    chained.ok && snap.storage.anchor === 'missing'
      ? {
          ...chained,
          ok: false,
          problem: { kind: 'head-missing', seq: chained.count, message: headMissing(chained.count, chained.headHash) },
        }
      : chained;
  const bad = report.ok ? pass.invalid?.message : undefined;
  return {
    file: stream.location,
    layout: snap.storage.layout,
    fileVersion: snap.storage.formatVersion,
    uncommittedBytes: snap.storage.uncommittedBytes,
    anchor: snap.storage.anchor,
    ...report,
    ok: report.ok && bad === undefined,
    ...(bad ? { invalid: bad } : {}),
  };
}

export interface RecordExport {
  readonly count: number;
  readonly headHash: string;
  /** The document-layout data file, a piece at a time (never held whole). */
  readonly chunks: AsyncIterable<string>;
}

/**
 * The whole record as a document-layout data file, refused if the chain does not verify: one pass
 * over a snapshot verifies it, a second pass over the same snapshot writes it out. Formatted as
 * `JSON.stringify(document, null, 2)` would, one event at a time, each event's keys in the order
 * the log writes them (`inStoredOrder`), so every store and layout exports the same text.
 */
export async function exportDocument(stream: RecordStream): Promise<RecordExport> {
  const snap = await stream.snapshot();
  const chain = new ChainVerifier(snap.committed);
  let i = 0;
  for await (const r of snap.records()) {
    chain.push(r);
    eventOf(r, i++, snap.where, stream.location);
  }
  const report = chain.finish();
  if (!report.ok) throw new DomainError('tampered-log', `${report.problem!.message}；请先运行 roster verify`, stream.location);
  if (snap.storage.anchor === 'missing') {
    throw new DomainError('tampered-log', `${headMissing(report.count, report.headHash)}；之后再导出`, stream.location);
  }
  async function* chunks(): AsyncGenerator<string> {
    yield `{\n  "format": ${JSON.stringify(FORMAT)},\n  "schemaVersion": ${SCHEMA_VERSION},\n  "events": [`;
    let first = true;
    for await (const r of snap.records()) {
      // As the log writes it (its canonical form, the hash last), whatever order the store keeps it in.
      yield `${first ? '' : ','}\n    ${JSON.stringify(inStoredOrder(r), null, 2).replaceAll('\n', '\n    ')}`;
      first = false;
    }
    yield first ? ']\n}\n' : '\n  ]\n}\n';
  }
  return { count: report.count, headHash: report.headHash, chunks: chunks() };
}

/**
 * Re-anchor the store's head at the end of its records, after the clerk checked the last hash:
 * only a record whose chain is whole (the one problem being its head: missing, older or newer).
 */
export async function rebuildHead(stream: RecordStream): Promise<VerifyReport> {
  const report = await verifyStream(stream);
  const headOnly = report.problem === undefined || ['head-missing', 'unanchored', 'truncated'].includes(report.problem.kind);
  if (!headOnly || report.invalid) {
    throw new DomainError('tampered-log', `哈希链本身不完整，不能重建头部：${report.problem?.message ?? report.invalid}`, stream.location);
  }
  const end: Head = { seq: report.count, hash: report.headHash };
  await stream.reanchor(end);
  return verifyStream(stream);
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
  const derived = await derive(events, ports.evaluator);
  // A file with no events makes an empty record (a congress then starts with its first event): nothing to check.
  const refused = events.length === 0 ? undefined : (await allChecks(derived, ports.evaluator)).find((f) => f.level === 'error');
  if (refused) {
    const at = refused.eventSeq !== undefined ? `第${refused.eventSeq}条事件：` : '';
    throw new DomainError('contradicts-record', `${at}${describeCheck(refused)}；未导入任何记录`, name);
  }
  await ports.stream.importRecords(raw.records, ports.stream.keepsViews ? viewsOf(derived, ports.evaluator) : undefined);
  return { count: report.count, headHash: report.headHash, fileVersion: raw.fileVersion };
}
