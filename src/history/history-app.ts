/**
 * The trust use cases: verify the chain, export the whole log in the documented format, and import
 * one (all or nothing, chain verified first). No printing here; the CLI formats the results.
 */
import { readFileSync } from 'node:fs';
import { DomainError, isDomainError } from '../domain/errors.js';
import { eventsOf, FORMAT, type Layout, parseDataText, type RawFile, SCHEMA_VERSION } from '../store/data-file.js';
import type { HistoryStore } from '../store/history-store.js';
import { type ChainReport, verifyChain } from './chain.js';

export interface VerifyReport extends ChainReport {
  readonly file: string;
  readonly layout: Layout;
  /** The version the file is written in; below the current one it was migrated on read. */
  readonly fileVersion: number;
  readonly uncommittedBytes: number;
  /** The first event that is not a valid event, when the chain itself holds. */
  readonly invalid?: string;
}

export class HistoryApp {
  constructor(readonly store: HistoryStore) {}

  async verify(): Promise<VerifyReport> {
    const snap = await this.store.snapshot();
    const chain = verifyChain(snap.raw.records, snap.head);
    let invalid: string | undefined;
    if (chain.ok) {
      try {
        eventsOf(snap.raw, this.store.location);
      } catch (e) {
        if (!isDomainError(e)) throw e;
        invalid = e.message;
      }
    }
    return {
      file: this.store.location,
      layout: snap.raw.layout,
      fileVersion: snap.raw.fileVersion,
      uncommittedBytes: snap.uncommittedBytes,
      ...chain,
      ok: chain.ok && invalid === undefined,
      ...(invalid ? { invalid } : {}),
    };
  }

  /** The whole log as a document-layout data file, refused if the chain does not verify. */
  async exportDocument(): Promise<string> {
    const snap = await this.store.snapshot();
    const report = verifyChain(snap.raw.records, snap.head);
    if (!report.ok) throw new DomainError('tampered-log', `${report.problem!.message}；请先运行 roster verify`, this.store.location);
    eventsOf(snap.raw, this.store.location);
    return `${JSON.stringify({ format: FORMAT, schemaVersion: SCHEMA_VERSION, events: snap.raw.records }, null, 2)}\n`;
  }

  /** Starts an empty record where there is none: the console then constitutes a congress from a form. */
  async createEmpty(): Promise<void> {
    await this.store.importRecords([]);
  }

  /** Import a data file (either layout, any supported version): verified and validated, then written whole. */
  async importFile(file: string): Promise<{ readonly count: number; readonly headHash: string; readonly fileVersion: number }> {
    const raw = readDataFile(file);
    const report = verifyChain(raw.records);
    if (!report.ok) throw new DomainError('tampered-log', `哈希链校验失败：${report.problem!.message}；未导入任何记录`, file);
    eventsOf(raw, file);
    await this.store.importRecords(raw.records);
    return { count: report.count, headHash: report.headHash, fileVersion: raw.fileVersion };
  }
}

function readDataFile(file: string): RawFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DomainError('invalid-input', `无法读取文件：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file);
  }
  return parseDataText(text, file);
}
