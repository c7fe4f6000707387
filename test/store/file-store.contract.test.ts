/** The file adapter (the JSON Lines log beside its head file) against the record port's contract. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { commitLine, emptyDataFile } from '../../src/store/data-file.js';
import { FileRecordStream, type LogIo } from '../../src/store/file-store.js';
import { tempDir } from '../support/scenario.js';
import { type Fault, recordStreamContract, type Tamperer } from './record-stream-contract.js';

/**
 * Rewrites the log's record lines as a careful person with a text editor would: the records changed,
 * and one commit line after them naming the last, as the program writes it. The head file is left alone.
 */
function lineTamperer(db: string): Tamperer {
  const rewrite = (change: (lines: string[]) => string[]) => {
    const [header, ...lines] = readFileSync(db, 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    const records = change(lines.filter((l) => !l.startsWith('{"commit"')));
    const last = JSON.parse(records.at(-1) ?? '{"seq":0,"hash":""}') as { seq: number; hash: string };
    writeFileSync(db, `${[header, ...records].join('\n')}\n${commitLine(last)}`);
  };
  return {
    edit: async (seq, change) =>
      rewrite((lines) => lines.map((l, i) => (i === seq - 1 ? JSON.stringify(change(JSON.parse(l) as Record<string, unknown>)) : l))),
    remove: async (seq) => rewrite((lines) => lines.filter((_, i) => i !== seq - 1)),
    duplicate: async (seq, after) => rewrite((lines) => [...lines.slice(0, after), lines[seq - 1]!, ...lines.slice(after)]),
    swap: async (a, b) => rewrite((lines) => lines.map((l, i) => (i === a - 1 ? lines[b - 1]! : i === b - 1 ? lines[a - 1]! : l))),
    truncateFrom: async (seq) => rewrite((lines) => lines.slice(0, seq - 1)),
    // An older copy of FILE.head.json, as the program wrote it when record `seq` was the last committed.
    rewindHead: async (seq) => {
      const text = readFileSync(db, 'utf8');
      const line = text.split('\n').find((l) => l.startsWith(`{"commit":{"seq":${seq},`));
      if (!line) throw new Error(`no batch ended at seq ${seq}`);
      const { commit } = JSON.parse(line) as { commit: { seq: number; hash: string } };
      const bytes = Buffer.byteLength(text.slice(0, text.indexOf(line) + line.length + 1));
      writeFileSync(`${db}.head.json`, JSON.stringify({ ...commit, bytes }));
    },
    dropHead: async () => rmSync(`${db}.head.json`),
  };
}

/** The log's writes and flushes, made to fail once on demand (what a full disk or a failing device does). */
function faultyIo() {
  let next: Fault | undefined;
  const io: LogIo = {
    write: async (fh, data) => {
      if (next === 'write') {
        next = undefined;
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      }
      if (next === 'short' && data.length > 1) {
        // As at a file-size limit: what fits is written, the next write is refused.
        next = 'write';
        return (await fh.write(data.subarray(0, Math.floor(data.length / 2)))).bytesWritten;
      }
      return (await fh.write(data)).bytesWritten;
    },
    sync: async (fh) => {
      if (next === 'sync') {
        next = undefined;
        throw Object.assign(new Error('input/output error'), { code: 'EIO' });
      }
      await fh.sync();
    },
  };
  return { io, fail: (fault: Fault) => (next = fault) };
}

recordStreamContract('file', async () => {
  // A new record is an empty data file (a missing file is an error: a mistyped --db must not start a record).
  const db = path.join(tempDir('roster-contract-'), 'roster.json');
  writeFileSync(db, JSON.stringify(emptyDataFile()));
  const faults = faultyIo();
  return { stream: new FileRecordStream(db, { io: faults.io }), tamper: lineTamperer(db), failNextAppend: faults.fail, writer: { db } };
});
