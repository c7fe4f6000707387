/** The memory adapter against the record port's contract: what a second adapter must keep, with nothing but its storage. */
import { MemoryRecordStream } from '../../src/store/memory-store.js';
import { recordStreamContract } from './record-stream-contract.js';

recordStreamContract('memory', async () => {
  const stream = new MemoryRecordStream();
  const change = (f: (records: Record<string, unknown>[]) => Record<string, unknown>[]) => {
    stream.stored = f(stream.stored.map((r) => ({ ...r })));
  };
  return {
    stream,
    tamper: {
      edit: async (seq, edit) => change((rs) => rs.map((r, i) => (i === seq - 1 ? edit(r) : r))),
      remove: async (seq) => change((rs) => rs.filter((_, i) => i !== seq - 1)),
      duplicate: async (seq, after) => change((rs) => [...rs.slice(0, after), rs[seq - 1]!, ...rs.slice(after)]),
      swap: async (a, b) => change((rs) => rs.map((r, i) => (i === a - 1 ? rs[b - 1]! : i === b - 1 ? rs[a - 1]! : r))),
      truncateFrom: async (seq) => change((rs) => rs.slice(0, seq - 1)),
      rewindHead: async (seq) => {
        stream.committed = { seq, hash: String(stream.stored[seq - 1]!.hash) };
      },
      dropHead: async () => {
        stream.committed = undefined;
      },
    },
  };
});
