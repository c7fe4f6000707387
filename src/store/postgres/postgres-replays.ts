/**
 * The replay of a congress's record kept in the database (schema/postgres/0006_kept_replays.sql),
 * one row per congress holding the same three parts the file store keeps beside a data file
 * (src/store/kept-replay-format.ts). Every change is one statement, conditional on what is kept
 * (`extend` and `pass` only where the row still holds `base`), so concurrent writers never mix two
 * replays; one that loses keeps nothing, which only costs the next command a replay.
 */
import type { CustomTypesConfig, QueryConfig } from 'pg';
import { coreText, type Kept, keptReplayOf, type LoadOptions, linesText } from '../kept-replay-format.js';
import type { CoreSections, KeptReplay, ReplayStore } from '../replay-store.js';
import type { Connection } from './connection.js';

/**
 * A kept replay is a cache: its writes need not wait for the server to flush them to disk (a crash
 * may lose the last one, which only costs a replay), so a command does not wait on a second flush
 * after its append's.
 */
const CACHE_COMMIT = 'SET LOCAL synchronous_commit TO off';

export class PostgresReplayStore implements ReplayStore {
  readonly #db: Connection;
  readonly #congress: () => Promise<string>;

  /** `congress`: the congress whose replay is kept (resolved on first use, as the record's stream resolves it). */
  constructor(db: Connection, congress: () => Promise<string>) {
    this.#db = db;
    this.#congress = congress;
  }

  async load(key: string, options: LoadOptions = {}): Promise<KeptReplay | undefined> {
    const id = await this.#congress();
    // Only the parts asked for cross the wire (a recording needs the core alone), and in binary: as
    // text a bytea comes hex-encoded, twice its size, to be decoded again here.
    const query: QueryConfig & { readonly binary: boolean } = {
      text: `SELECT convert_to(kept::text, 'UTF8') AS kept, core, ${options.coreOnly ? 'NULL::bytea' : 'lines'} AS lines
               FROM roster.kept_replays WHERE congress_id = $1`,
      values: [id],
      // pg reads results in binary where asked (its type declarations omit the option); each value as the bytes it came in.
      binary: true,
      types: { getTypeParser: () => (raw: Buffer) => raw } as unknown as CustomTypesConfig,
    };
    const { rows } = await this.#db.use((c) => c.query<{ kept: Buffer; core: Buffer; lines: Buffer | null }>(query));
    const [row] = rows;
    if (!row) return undefined;
    let kept: Kept;
    try {
      kept = JSON.parse(row.kept.toString('utf8')) as Kept;
    } catch {
      return undefined;
    }
    return keptReplayOf(kept, key, { core: async () => row.core, lines: async () => row.lines ?? Buffer.alloc(0) }, options);
  }

  async save(key: string, core: CoreSections, lines: readonly unknown[]): Promise<void> {
    const id = await this.#congress();
    const text = Buffer.from(linesText(lines));
    await this.#db.transaction(async (c) => {
      await c.query(CACHE_COMMIT);
      await c.query(
        `INSERT INTO roster.kept_replays (congress_id, kept, core, lines) VALUES ($1, $2, $3, $4)
         ON CONFLICT (congress_id) DO UPDATE SET kept = EXCLUDED.kept, core = EXCLUDED.core, lines = EXCLUDED.lines, changed_at = now()`,
        [id, JSON.stringify({ key, count: lines.length, bytes: text.length } satisfies Kept), Buffer.from(coreText(key, core)), text],
      );
    });
  }

  async pass(base: string, key: string, behind: number): Promise<boolean> {
    const id = await this.#congress();
    const rows = await this.#db.query(
      `UPDATE roster.kept_replays
         SET kept = kept || jsonb_build_object('key', $3::text, 'core', coalesce(kept ->> 'core', kept ->> 'key'), 'behind', $4::integer),
             changed_at = now()
       WHERE congress_id = $1 AND kept ->> 'key' = $2 RETURNING 1`,
      [id, base, key, behind],
    );
    return rows.length === 1;
  }

  async extend(base: string, key: string, core: CoreSections, added: readonly unknown[]): Promise<boolean> {
    const id = await this.#congress();
    // The added lines are numbered after the kept ones, which only the row knows: read it under lock, then write.
    return this.#db.transaction(async (c) => {
      const [row] = (await c.query<{ kept: Kept }>('SELECT kept FROM roster.kept_replays WHERE congress_id = $1 FOR UPDATE', [id])).rows;
      if (row?.kept.key !== base) return false;
      await c.query(CACHE_COMMIT);
      const numbered = Buffer.from(linesText(added, row.kept.count));
      await c.query(
        `UPDATE roster.kept_replays
           SET kept = $2, core = $3, lines = substring(lines FROM 1 FOR $4) || $5, changed_at = now()
         WHERE congress_id = $1`,
        [
          id,
          JSON.stringify({ key, count: row.kept.count + added.length, bytes: row.kept.bytes + numbered.length } satisfies Kept),
          Buffer.from(coreText(key, core)),
          row.kept.bytes,
          numbered,
        ],
      );
      return true;
    });
  }
}
