/**
 * A writer process for the concurrency and crash tests: appends PersonRegistered events through the
 * real store, retrying on conflict. It prints `append <personId>` just before each append and
 * `ack <personId>` only after the store has acknowledged it, so a test that kills it can tell a kill
 * in the middle of an append from one between appends. Bundled from src/ by the suite's global
 * setup. Usage: append-worker.js DB WORKER COUNT [BATCH] [CONGRESS]: COUNT appends of BATCH events
 * each (default 1), acknowledged as `ack <personId>` per event; DB is a data file or a database URL
 * (postgres://…, with the congress to append to).
 */
import path from 'node:path';
import { isDomainError } from '../../src/domain/errors.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { FileRecordStream } from '../../src/store/file-store.js';
import { isDatabaseUrl } from '../../src/store/postgres/connection.js';
import { PostgresCatalog } from '../../src/store/postgres/postgres-catalog.js';
import type { RecordStream } from '../../src/store/record-store.js';
import { chained, stamp } from '../../src/store/stored-records.js';

const [db, worker, count, batch = '1', congress] = process.argv.slice(2) as [string, string, string, string?, string?];
const store: RecordStream = isDatabaseUrl(db)
  ? new PostgresCatalog(db, path.join(PACKAGE_ROOT, 'schema', 'postgres')).stream(congress)
  : new FileRecordStream(db);
// Started: from here on the process does nothing but append (the crash test kills it after this).
process.stdout.write('ready\n');
let conflicts = 0;
for (let n = 1; n <= Number(count); n++) {
  const ids = Array.from({ length: Number(batch) }, (_, k) => (batch === '1' ? `${worker}-${n}` : `${worker}-${n}-${k + 1}`));
  const personId = ids.join(' ');
  for (;;) {
    // As a clerk's process does: read the head, then append after it (another writer may have moved it).
    const head = await store.head();
    const events = stamp(
      ids.map((id) => ({ type: 'PersonRegistered' as const, source: { title: '并发测试' }, personId: id, name: id })),
      { recordedBy: worker, recordedAt: '2026-01-01T00:00:00.000Z' },
      head.seq,
    );
    process.stdout.write(`append ${personId}\n`);
    try {
      await store.append(chained(events, head), head);
      process.stdout.write(ids.map((id) => `ack ${id}\n`).join(''));
      break;
    } catch (e) {
      if (!isDomainError(e, 'store-conflict')) throw e;
      conflicts++;
    }
  }
}
process.stdout.write(`conflicts ${conflicts}\n`);
