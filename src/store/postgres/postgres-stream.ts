/**
 * The PostgreSQL adapter of the record port: one congress's stream as rows of roster.events
 * (schema/postgres/0001_record.sql). The database keeps the record's promises itself: the events
 * table only takes INSERTs, and the trigger on it accepts an appending statement only where it
 * continues the committed head (seq and previous hash), then moves the head in the same
 * transaction. An append is that one transaction, with the congress's read models written beside the
 * events; the loser of a race gets a `store-conflict`, as with the file.
 */
import type { PoolClient } from 'pg';
import { DomainError, jsonPath } from '../../domain/errors.js';
import { continues, EMPTY_HEAD, headOf, storedLine } from '../chain.js';
import type { Head, RecordStream, StoredRecord, StreamSnapshot, StreamViews } from '../record-store.js';
import { type Connection, failureOf, translate } from './connection.js';
import { writeViews } from './views.js';

/** How a stream finds its congress: the id checked against the database (the only one, where none was named). */
export type CongressResolver = (create?: { readonly within?: string | undefined }) => Promise<string>;

const conflict = (expected: Head, actual: number | string, where: string) =>
  new DomainError('store-conflict', `记录已被他人更新（预期最后序号 ${expected.seq}，实为 ${actual}），请重试`, where);

export class PostgresRecordStream implements RecordStream {
  readonly keepsViews = true;
  readonly #db: Connection;
  readonly #resolve: CongressResolver;
  #id: string | undefined;
  /** Where an import creates the congress: the congress of the enclosing area. */
  readonly #within: string | undefined;

  constructor(db: Connection, resolve: CongressResolver, id?: string, within?: string) {
    this.#db = db;
    this.#resolve = resolve;
    this.#id = id;
    this.#within = within;
  }

  get location(): string {
    return `${this.#db.safeUrl}（代表大会 ${this.#id ?? '未指定'}）`;
  }

  /** The congress this stream is (the only one in the database, where none was named). */
  congressId(): Promise<string> {
    return this.#congress();
  }

  async #congress(create?: { within?: string | undefined }): Promise<string> {
    this.#id = await this.#resolve(create);
    return this.#id;
  }

  /** The committed head; where its row was lost, the last event stored (an append is refused then: see `append`). */
  async head(): Promise<Head> {
    const id = await this.#congress();
    const [row] = await this.#db.query<{ seq: number; hash: string }>(
      `SELECT seq, hash FROM (
         SELECT 0 AS pick, seq, hash FROM roster.stream_heads WHERE congress_id = $1
         UNION ALL (SELECT 1, seq, hash FROM roster.events WHERE congress_id = $1 ORDER BY seq DESC LIMIT 1)
       ) h ORDER BY pick LIMIT 1`,
      [id],
    );
    return row ? { seq: row.seq, hash: row.hash } : EMPTY_HEAD;
  }

  /** The committed head and every row of the stream, read in one snapshot of the database. */
  async snapshot(): Promise<StreamSnapshot> {
    const id = await this.#congress();
    const { head, records } = await this.#db.transaction(
      async (c) => {
        const [h] = (await c.query<{ seq: number; hash: string }>('SELECT seq, hash FROM roster.stream_heads WHERE congress_id = $1', [id]))
          .rows;
        // Every row, not only those up to the head: a row inserted by hand past it is for `verify` to name.
        const rows = (await c.query<{ record: StoredRecord }>('SELECT record FROM roster.events WHERE congress_id = $1 ORDER BY seq', [id]))
          .rows;
        return { head: h ? { seq: h.seq, hash: h.hash } : undefined, records: rows.map((r) => r.record) };
      },
      { mode: 'ISOLATION LEVEL REPEATABLE READ READ ONLY' },
    );
    return {
      committed: head,
      storage: { layout: 'database', formatVersion: 2, uncommittedBytes: 0, anchor: head ? 'kept' : 'missing' },
      async *records() {
        yield* records;
      },
      // The last records up to the committed head (a row past it is not committed).
      tail: async (count) => {
        const upTo = records.filter((r) => head !== undefined && (r.seq as number) <= head.seq);
        return count > 0 ? upTo.slice(-count) : [];
      },
      where: (i, path = []) => `第${i + 1}条事件${path.length > 0 ? ` ${jsonPath(path)}` : ''}`,
    };
  }

  async #insert(c: PoolClient, id: string, records: readonly StoredRecord[], after: Head): Promise<void> {
    const seqs: number[] = [];
    const prevs: string[] = [];
    const hashes: string[] = [];
    const types: string[] = [];
    const texts: string[] = [];
    let prev = after.hash;
    for (const r of records) {
      seqs.push(r.seq as number);
      prevs.push(prev);
      hashes.push(String(r.hash));
      types.push(String(r.type));
      texts.push(storedLine(r));
      prev = String(r.hash);
    }
    // In batches: one statement per 5,000 rows keeps the parameters small; the trigger checks each against the head.
    for (let i = 0; i < records.length; i += 5000) {
      const part = (xs: unknown[]) => xs.slice(i, i + 5000);
      await c.query(
        `INSERT INTO roster.events (congress_id, seq, prev_hash, hash, type, record)
         SELECT $1, s, p, h, t, r::json FROM unnest($2::integer[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(s, p, h, t, r)`,
        [id, part(seqs), part(prevs), part(hashes), part(types), part(texts)],
      );
    }
  }

  async append(records: readonly StoredRecord[], expected: Head, views?: StreamViews): Promise<Head> {
    if (!continues(expected, records)) throw new Error('records to append must be chained onto the expected head');
    const id = await this.#congress();
    const next = headOf(records, expected);
    try {
      await this.#db.transaction(
        async (c) => {
          if (records.length === 0) {
            const [h] = (
              await c.query<{ seq: number; hash: string }>('SELECT seq, hash FROM roster.stream_heads WHERE congress_id = $1', [id])
            ).rows;
            if (h?.seq !== expected.seq || h.hash !== expected.hash) throw conflict(expected, h?.seq ?? 0, this.location);
          }
          await this.#insert(c, id, records, expected);
          if (views) await writeViews(c, id, next, views);
        },
        { raw: true },
      );
    } catch (e) {
      throw (await this.#conflictOf(e, expected, id)) ?? translate(e, this.location) ?? e;
    }
    return next;
  }

  /**
   * A lost race, said as the file says it: the head moved (the trigger), or the seq was taken (the
   * primary key). Where the seq was taken by events past the committed head (a head put back from
   * an older copy), it is no race: the record and its head disagree, and nothing may be appended until
   * `roster verify` has been run.
   */
  async #conflictOf(e: unknown, expected: Head, id: string): Promise<DomainError | undefined> {
    const f = failureOf(e);
    if (f?.code === 'RS409') return conflict(expected, f.detail ?? '?', this.location);
    if (f?.code === '23505' && f.constraint === 'events_pkey') {
      const [h] = await this.#db.query<{ seq: number | null; last: number | null }>(
        `SELECT (SELECT seq FROM roster.stream_heads WHERE congress_id = $1) AS seq,
                (SELECT max(seq) FROM roster.events WHERE congress_id = $1) AS last`,
        [id],
      );
      if (h && h.seq !== null && h.last !== null && h.last > h.seq) {
        return new DomainError(
          'tampered-log',
          `头部记录的最后提交为第${h.seq}条，但其后还有第${h.seq + 1}至${h.last}条事件，拒绝写入；请运行 roster verify 查看`,
          this.location,
        );
      }
      return conflict(expected, h?.seq ?? '?', this.location);
    }
    return undefined;
  }

  /** Set the committed head to `end`, the last event stored (roster.reanchor refuses anything else). */
  async reanchor(end: Head): Promise<Head> {
    const id = await this.#congress();
    try {
      await this.#db.use((c) => c.query('SELECT roster.reanchor($1, $2, $3)', [id, end.seq, end.hash]), true);
    } catch (e) {
      const f = failureOf(e);
      if (f?.code === 'RS409') throw new DomainError('store-conflict', f.message, this.location);
      throw translate(e, this.location) ?? e;
    }
    return end;
  }

  /** A database keeps no files: no output file can be one of the record's. */
  async owns(_file: string): Promise<boolean> {
    return false;
  }

  /** Fill an empty stream, creating the congress where it is new, in one transaction. */
  async importRecords(records: readonly StoredRecord[], views?: StreamViews): Promise<Head> {
    if (!continues(EMPTY_HEAD, records)) throw new Error('records to import must be chained from the start');
    const id = await this.#congress({ within: this.#within });
    const head = headOf(records);
    try {
      await this.#db.transaction(
        async (c) => {
          await c.query('INSERT INTO roster.congresses (id, within) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [
            id,
            this.#within ?? null,
          ]);
          const [h] = (await c.query<{ seq: number }>('SELECT seq FROM roster.stream_heads WHERE congress_id = $1', [id])).rows;
          if ((h?.seq ?? 0) > 0) {
            throw new DomainError(
              'invalid-input',
              `目标记录已有${h?.seq}条记录；导入只写入新的或空的记录，已有记录不会被覆盖`,
              this.location,
            );
          }
          await this.#insert(c, id, records, EMPTY_HEAD);
          if (views) await writeViews(c, id, head, views);
        },
        { raw: true },
      );
    } catch (e) {
      const f = failureOf(e);
      if (f?.code === 'RS409' || (f?.code === '23505' && f.constraint === 'events_pkey')) {
        throw new DomainError('invalid-input', '导入时目标记录已被他人写入；导入只写入新的或空的记录，已有记录不会被覆盖', this.location);
      }
      throw translate(e, this.location) ?? e;
    }
    return head;
  }
}
