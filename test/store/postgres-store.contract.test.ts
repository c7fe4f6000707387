/**
 * The PostgreSQL adapter against the record port's contract: each case gets a new congress in one
 * database, and the tamperer changes its rows by hand in SQL, as the database's owner can with the
 * maintenance switch on, leaving the committed head as it was.
 */
import { afterAll, beforeAll } from 'vitest';
import type { PostgresCatalog } from '../../src/store/postgres/postgres-catalog.js';
import { describePostgres, freshDatabase, type TestDatabase } from '../support/postgres.js';
import { recordStreamContract, type Tamperer } from './record-stream-contract.js';

/** Where tampered rows are parked while seqs are shifted (the primary key is checked row by row). */
const ASIDE = 1_000_000;

function sqlTamperer(db: TestDatabase, congress: string): Tamperer {
  const where = 'congress_id = $1';
  return {
    edit: async (seq, change) => {
      const [row] = await db.sql(`SELECT record FROM roster.events WHERE ${where} AND seq = $2`, [congress, seq]);
      const changed = JSON.stringify(change(row!.record as Record<string, unknown>));
      await db.maintenance(`UPDATE roster.events SET record = $3::json WHERE ${where} AND seq = $2`, [congress, seq, changed]);
    },
    remove: (seq) => db.maintenance(`DELETE FROM roster.events WHERE ${where} AND seq = $2`, [congress, seq]),
    duplicate: (seq, after) =>
      db.maintenance(
        [
          `UPDATE roster.events SET seq = seq + ${ASIDE} WHERE ${where} AND seq > $2`,
          `UPDATE roster.events SET seq = seq - ${ASIDE} + 1 WHERE ${where} AND seq > ${ASIDE}`,
          `INSERT INTO roster.events (congress_id, seq, prev_hash, hash, type, record)
             SELECT congress_id, $2 + 1, prev_hash, hash, type, record FROM roster.events WHERE ${where} AND seq = $3`,
        ],
        [congress, after, seq],
      ),
    swap: (a, b) =>
      db.maintenance(
        `UPDATE roster.events e SET record = o.record, hash = o.hash, prev_hash = o.prev_hash, type = o.type
           FROM roster.events o
          WHERE e.congress_id = $1 AND o.congress_id = $1 AND ((e.seq = $2 AND o.seq = $3) OR (e.seq = $3 AND o.seq = $2))`,
        [congress, a, b],
      ),
    truncateFrom: (seq) => db.maintenance(`DELETE FROM roster.events WHERE ${where} AND seq >= $2`, [congress, seq]),
    rewindHead: (seq) =>
      db.maintenance(
        `UPDATE roster.stream_heads h SET seq = e.seq, hash = e.hash FROM roster.events e
          WHERE h.congress_id = $1 AND e.congress_id = $1 AND e.seq = $2`,
        [congress, seq],
      ),
    dropHead: () => db.maintenance('DELETE FROM roster.stream_heads WHERE congress_id = $1', [congress]),
  };
}

describePostgres('the record port, kept in a database', () => {
  let db: TestDatabase;
  let catalog: PostgresCatalog;
  let n = 0;
  beforeAll(async () => {
    db = await freshDatabase();
    catalog = db.catalog('clerk');
  });
  afterAll(async () => {
    await catalog?.close();
  });

  recordStreamContract('PostgreSQL', async () => {
    const congress = `contract-${++n}`;
    await catalog.create(congress);
    return { stream: catalog.stream(congress), tamper: sqlTamperer(db, congress), writer: { db: db.url('clerk'), congress } };
  });
});
