// A writer process for the concurrency and crash tests: appends PersonRegistered events through the
// real store (compiled to dist/ by `npm test`), retrying on conflict, and prints `ack <personId>`
// only after the store has acknowledged the append. Usage: append-worker.mjs DB WORKER COUNT
import { LowdbEventStore } from '../../dist/src/store/lowdb-store.js';

const [db, worker, count] = process.argv.slice(2);
const store = new LowdbEventStore(db);
// Started: from here on the process does nothing but append (the crash test kills it after this).
process.stdout.write('ready\n');
let conflicts = 0;
for (let n = 1; n <= Number(count); n++) {
  const personId = `${worker}-${n}`;
  for (;;) {
    const expectedSeq = (await store.read()).length;
    try {
      await store.append({
        events: [{ type: 'PersonRegistered', source: { title: '并发测试' }, personId, name: personId }],
        recordedBy: worker,
        recordedAt: new Date().toISOString(),
        expectedSeq,
      });
      process.stdout.write(`ack ${personId}\n`);
      break;
    } catch (e) {
      if (e?.kind !== 'store-conflict') throw e;
      conflicts++;
    }
  }
}
process.stdout.write(`conflicts ${conflicts}\n`);
