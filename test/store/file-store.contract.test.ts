/** The file adapter (the JSON Lines log beside its head file) against the record port's contract. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { emptyDataFile } from '../../src/store/data-file.js';
import { FileRecordStream } from '../../src/store/file-store.js';
import { tempDir } from '../support/scenario.js';
import { recordStreamContract, type Tamperer } from './record-stream-contract.js';

/** Rewrites the log's record lines as a person with a text editor would; the head file is left alone. */
function lineTamperer(db: string): Tamperer {
  const rewrite = (change: (lines: string[]) => string[]) => {
    const [header, ...lines] = readFileSync(db, 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    writeFileSync(db, `${[header, ...change(lines)].join('\n')}\n`);
  };
  return {
    edit: async (seq, change) =>
      rewrite((lines) => lines.map((l, i) => (i === seq - 1 ? JSON.stringify(change(JSON.parse(l) as Record<string, unknown>)) : l))),
    remove: async (seq) => rewrite((lines) => lines.filter((_, i) => i !== seq - 1)),
    duplicate: async (seq, after) => rewrite((lines) => [...lines.slice(0, after), lines[seq - 1]!, ...lines.slice(after)]),
    swap: async (a, b) => rewrite((lines) => lines.map((l, i) => (i === a - 1 ? lines[b - 1]! : i === b - 1 ? lines[a - 1]! : l))),
    truncateFrom: async (seq) => rewrite((lines) => lines.slice(0, seq - 1)),
  };
}

recordStreamContract('file', async () => {
  // A new record is an empty data file (a missing file is an error: a mistyped --db must not start a record).
  const db = path.join(tempDir('roster-contract-'), 'roster.json');
  writeFileSync(db, JSON.stringify(emptyDataFile()));
  return { stream: new FileRecordStream(db), tamper: lineTamperer(db) };
});
