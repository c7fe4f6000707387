/**
 * Many clerks' processes writing to one database at once: every acknowledged event is in the record
 * exactly once and every chain verifies. (A writer killed inside its transaction: the contract suite.)
 */
import { expect, it } from 'vitest';
import { readRecord } from '../../src/app/read-record.js';
import { verifyStream } from '../../src/app/verify.js';
import type { PostgresCatalog } from '../../src/store/postgres/postgres-catalog.js';
import { describePostgres, freshDatabase } from '../support/postgres.js';
import { runWriter, type WriterRun } from '../support/writers.js';

const WRITERS = 8;
const APPENDS = 25;

/** Every acknowledged id once, seqs 1…n without a gap, the chain verified. */
async function holdsExactly(catalog: PostgresCatalog, congress: string, acked: readonly string[]): Promise<void> {
  const stream = catalog.stream(congress);
  const { events } = await readRecord(stream);
  const ids = events.map((e) => ('personId' in e ? e.personId : undefined));
  for (const id of acked)
    expect(
      ids.filter((x) => x === id),
      id,
    ).toHaveLength(1);
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  expect(await verifyStream(stream)).toEqual(expect.objectContaining({ ok: true, count: events.length }));
}

const ackedBy = (runs: readonly WriterRun[]) => runs.flatMap((r) => r.acked);

describePostgres('processes appending at the same moment', () => {
  it(`${WRITERS} processes × ${APPENDS} appends to one congress: each event once, one unbroken chain`, async () => {
    const db = await freshDatabase();
    const catalog = db.catalog();
    await catalog.create('shared');
    const runs = await Promise.all(Array.from({ length: WRITERS }, (_, w) => runWriter(db.url(), `w${w}`, APPENDS, 'shared')));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    expect(ackedBy(runs)).toHaveLength(WRITERS * APPENDS);
    await holdsExactly(catalog, 'shared', ackedBy(runs));
    expect((await readRecord(catalog.stream('shared'))).events).toHaveLength(WRITERS * APPENDS);
    await catalog.close();
  }, 300_000);

  it(`${WRITERS} processes × ${APPENDS} appends, each to its own congress: ${WRITERS} chains of ${APPENDS}`, async () => {
    const db = await freshDatabase();
    const catalog = db.catalog();
    for (let w = 0; w < WRITERS; w++) await catalog.create(`c${w}`);
    const runs = await Promise.all(Array.from({ length: WRITERS }, (_, w) => runWriter(db.url(), `w${w}`, APPENDS, `c${w}`)));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    for (const [w, r] of runs.entries()) {
      expect(r.acked).toHaveLength(APPENDS);
      await holdsExactly(catalog, `c${w}`, r.acked);
      expect((await readRecord(catalog.stream(`c${w}`))).events).toHaveLength(APPENDS);
    }
    await catalog.close();
  }, 300_000);
});
