/**
 * `verifyInParallel` run alone, bundled as the CLI is (test/history/verify-large.test.ts): node
 * parallel-probe.js FILE START END [COMMITTED_SEQ] prints the run it verified, or null.
 */
import { open } from 'node:fs/promises';

const [file, start, end, committed] = process.argv.slice(2);
// Imported on demand, as the file store does: its own chunk, which each worker thread loads.
const { verifyInParallel } = await import('../../src/store/parallel-chain.js');
const fh = await open(file!, 'r');
try {
  const run = await verifyInParallel(fh, Number(start), Number(end), committed ? Number(committed) : undefined);
  process.stdout.write(JSON.stringify(run ?? null));
} finally {
  await fh.close();
}
