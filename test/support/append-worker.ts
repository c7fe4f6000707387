/**
 * A writer process for the concurrency and crash tests: appends PersonRegistered events through the
 * real store, retrying on conflict. It prints `append <personId>` just before each append and
 * `ack <personId>` only after the store has acknowledged it, so a test that kills it can tell a kill
 * in the middle of an append from one between appends. Bundled from src/ by the suite's global
 * setup. Usage: append-worker.js DB WORKER COUNT
 */
import { isDomainError } from '../../src/domain/errors.js';
import { FileRecordStream } from '../../src/store/file-store.js';
import { chained, stamp } from '../../src/store/stored-records.js';

const [db, worker, count] = process.argv.slice(2) as [string, string, string];
const store = new FileRecordStream(db);
// Started: from here on the process does nothing but append (the crash test kills it after this).
process.stdout.write('ready\n');
let conflicts = 0;
for (let n = 1; n <= Number(count); n++) {
  const personId = `${worker}-${n}`;
  for (;;) {
    // As a clerk's process does: read the head, then append after it (another writer may have moved it).
    const head = await store.head();
    const events = stamp(
      [{ type: 'PersonRegistered', source: { title: '并发测试' }, personId, name: personId }],
      { recordedBy: worker, recordedAt: '2026-01-01T00:00:00.000Z' },
      head.seq,
    );
    process.stdout.write(`append ${personId}\n`);
    try {
      await store.append(chained(events, head), head);
      process.stdout.write(`ack ${personId}\n`);
      break;
    } catch (e) {
      if (!isDomainError(e, 'store-conflict')) throw e;
      conflicts++;
    }
  }
}
process.stdout.write(`conflicts ${conflicts}\n`);
