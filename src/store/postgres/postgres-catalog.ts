/**
 * A province's record in one PostgreSQL database: the catalog of its congresses, one stream each
 * (postgres-stream.ts), the figures across them answered in SQL from the read models kept beside the
 * events, the links that make congress-local person ids one person, and the schema's migrations.
 * The database is reached through `Connection`, which loads the driver on first use.
 */
import { readdirSync } from 'node:fs';
import type { CongressFacts, GroundCount } from '../../domain/congress-summary.js';
import { latestDay } from '../../domain/dates.js';
import { DomainError } from '../../domain/errors.js';
import type { CongressLevel } from '../../domain/events.js';
import type { AccountStore } from '../account-store.js';
import type { DraftStore } from '../draft-store.js';
import type {
  CongressDayFigures,
  CongressEntry,
  FiguresAnswer,
  FiguresQuery,
  LinkedPerson,
  MigrationReport,
  RecordCatalog,
} from '../record-catalog.js';
import type { Head, RecordStream, StreamViews } from '../record-store.js';
import type { ReplayStore } from '../replay-store.js';
import { Connection } from './connection.js';
import { checkSchema, migrate, readMigrations } from './migrations.js';
import { PostgresAccountStore, PostgresDraftStore } from './postgres-console.js';
import { PostgresReplayStore } from './postgres-replays.js';
import { type CongressResolver, PostgresRecordStream } from './postgres-stream.js';
import { writeViews } from './views.js';

export const CONGRESS_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

interface ViewRow {
  id: string;
  within: string | null;
  name: string | null;
  short_name: string | null;
  level: string | null;
  region: string | null;
  term_number: number | null;
  term_start: string | null;
  term_end: string | null;
  quota: number | null;
  reserved_seats: number | null;
}

function factsOf(r: ViewRow): CongressFacts | undefined {
  if (r.name === null) return undefined;
  return {
    name: r.name,
    shortName: r.short_name ?? r.name,
    level: r.level as CongressLevel,
    region: r.region ?? '',
    termNumber: r.term_number ?? 0,
    ...(r.term_start ? { termStart: r.term_start } : {}),
    ...(r.term_end ? { termEnd: r.term_end } : {}),
    ...(r.quota === null ? {} : { quota: r.quota }),
    ...(r.reserved_seats === null ? {} : { reservedSeats: r.reserved_seats }),
  };
}

const VIEW_COLUMNS = 'v.name, v.short_name, v.level, v.region, v.term_number, v.term_start, v.term_end, v.quota, v.reserved_seats';
/** Views that describe the stream as it stands, derived with the rules in use. */
const FRESH = 'v.seq = h.seq AND v.hash = h.hash AND v.rules_hash = $1';

export class PostgresCatalog implements RecordCatalog {
  readonly #db: Connection;
  readonly #migrationsDir: string;
  #ready: Promise<void> | undefined;

  constructor(url: string, migrationsDir: string) {
    this.#db = new Connection(url);
    this.#migrationsDir = migrationsDir;
  }

  get location(): string {
    return this.#db.safeUrl;
  }

  /** Once per process: the schema is the one this program was written for. */
  #checked(): Promise<void> {
    this.#ready ??= checkSchema(this.#db, readdirSync(this.#migrationsDir).filter((f) => /^\d{4}_.*\.sql$/.test(f)).length);
    return this.#ready;
  }

  async #ids(): Promise<{ id: string; name: string | null }[]> {
    await this.#checked();
    return this.#db.query(
      'SELECT c.id, v.name FROM roster.congresses c LEFT JOIN roster.congress_views v ON v.congress_id = c.id ORDER BY c.id',
    );
  }

  #resolver(id: string | undefined): CongressResolver {
    return async (create) => {
      const known = await this.#ids();
      const listing = () => known.map((k) => (k.name ? `${k.id}（${k.name}）` : k.id)).join('、');
      if (id === undefined) {
        if (create) throw new DomainError('invalid-input', '写入数据库时请用 --congress 指明代表大会的编号', this.location);
        if (known.length === 1) return known[0]!.id;
        if (known.length === 0) {
          throw new DomainError(
            'invalid-input',
            '数据库中还没有代表大会：用 roster import 文件 --congress 编号 导入一个，或用 roster congresses add 编号 新建',
            this.location,
          );
        }
        throw new DomainError(
          'invalid-input',
          `数据库中有${known.length}个代表大会，请用 --congress 指定其一：${listing()}`,
          this.location,
        );
      }
      if (!CONGRESS_ID.test(id)) {
        throw new DomainError(
          'invalid-input',
          `代表大会编号“${id}”无效：只能用字母、数字和 . _ -，以字母或数字开头，至多63个字符`,
          this.location,
        );
      }
      if (known.some((k) => k.id === id)) return id;
      if (create) {
        if (create.within !== undefined && !known.some((k) => k.id === create.within)) {
          throw new DomainError('invalid-input', `所属代表大会“${create.within}”不在数据库中（已有：${listing() || '无'}）`, this.location);
        }
        return id;
      }
      throw new DomainError('invalid-input', `数据库中没有代表大会“${id}”（已有：${listing() || '无'}）`, this.location);
    };
  }

  stream(id?: string, options?: { readonly within?: string }): RecordStream {
    return new PostgresRecordStream(this.#db, this.#resolver(id), id, options?.within);
  }

  async congresses(): Promise<CongressEntry[]> {
    await this.#checked();
    return this.#db
      .query<ViewRow & { seq: number; hash: string; fresh: boolean }>(
        `SELECT c.id, c.within, h.seq, h.hash, ${VIEW_COLUMNS}
           FROM roster.congresses c JOIN roster.stream_heads h ON h.congress_id = c.id
           LEFT JOIN roster.congress_views v ON v.congress_id = c.id AND v.seq = h.seq AND v.hash = h.hash
          ORDER BY c.id`,
      )
      .then((rows) =>
        rows.map((r) => {
          const congress = factsOf(r);
          return {
            id: r.id,
            ...(r.within ? { within: r.within } : {}),
            head: { seq: r.seq, hash: r.hash },
            ...(congress ? { congress } : {}),
          };
        }),
      );
  }

  async create(id: string, within?: string): Promise<void> {
    const resolved = await this.#resolver(id)({ within });
    const inserted = await this.#db.query(
      'INSERT INTO roster.congresses (id, within) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id',
      [resolved, within ?? null],
    );
    if (inserted.length === 0) throw new DomainError('invalid-input', `数据库中已有代表大会“${id}”`, this.location);
  }

  async figures(query: FiguresQuery): Promise<FiguresAnswer> {
    await this.#checked();
    const day = latestDay(query.date);
    const rows = await this.#db.query<ViewRow & { count: number; terminations: GroundCount[] }>(
      `WITH fresh AS (
         SELECT v.congress_id, c.within, ${VIEW_COLUMNS}
           FROM roster.congress_views v
           JOIN roster.stream_heads h ON h.congress_id = v.congress_id
           JOIN roster.congresses c ON c.id = v.congress_id
          WHERE ${FRESH} AND v.name IS NOT NULL AND ($2::text IS NULL OR v.level = $2)
       ), counts AS (
         SELECT s.congress_id, sum(s.weight)::integer AS count
           FROM roster.counted_spans s
          WHERE s.congress_id IN (SELECT congress_id FROM fresh)
            AND (s.from_day IS NULL OR s.from_day <= $3) AND (s.until_day IS NULL OR $3 < s.until_day)
          GROUP BY s.congress_id
       ), grounds AS (
         SELECT g.congress_id,
                json_agg(json_build_object('ground', g.ground, 'label', g.label, 'place', g.place, 'count', g.n)) AS terminations
           FROM (SELECT t.congress_id, t.ground, t.label, min(ARRAY[t.place_paragraph, t.place_item])::text[] AS place, count(*)::integer AS n
                   FROM roster.termination_views t
                  WHERE t.congress_id IN (SELECT congress_id FROM fresh) AND (t.day IS NULL OR t.day <= $3)
                  GROUP BY t.congress_id, t.ground, t.label) g
          GROUP BY g.congress_id
       )
       SELECT f.congress_id AS id, f.within, f.name, f.short_name, f.level, f.region, f.term_number, f.term_start, f.term_end, f.quota, f.reserved_seats,
              coalesce(counts.count, 0) AS count, coalesce(grounds.terminations, '[]'::json) AS terminations
         FROM fresh f LEFT JOIN counts USING (congress_id) LEFT JOIN grounds USING (congress_id)
        ORDER BY f.congress_id`,
      [query.rulesHash, query.level ?? null, day],
    );
    const stale = await this.#db.query<{ id: string }>(
      `SELECT c.id FROM roster.congresses c JOIN roster.stream_heads h ON h.congress_id = c.id
         LEFT JOIN roster.congress_views v ON v.congress_id = c.id
        WHERE v.congress_id IS NULL OR NOT (${FRESH})
        ORDER BY c.id`,
      [query.rulesHash],
    );
    // Places travel as text: JSON has no Infinity.
    const place = (g: { place: readonly unknown[] }) => g.place.map((x) => Number(x)) as unknown as readonly [number, number];
    const figures = rows.map(
      (r): CongressDayFigures => ({
        id: r.id,
        ...(r.within ? { within: r.within } : {}),
        congress: factsOf(r)!,
        count: r.count,
        terminations: r.terminations.map((g) => ({ ...g, place: place(g) })),
      }),
    );
    return { figures, stale: stale.map((s) => s.id) };
  }

  async storeViews(id: string, head: Head, views: StreamViews): Promise<boolean> {
    await this.#checked();
    return this.#db.transaction(async (c) => {
      await writeViews(c, id, head, views);
      const [now] = (await c.query<{ seq: number; hash: string }>('SELECT seq, hash FROM roster.stream_heads WHERE congress_id = $1', [id]))
        .rows;
      if (now?.seq === head.seq && now.hash === head.hash) return true;
      // Appended meanwhile: that append wrote its own views.
      await c.query('ROLLBACK AND CHAIN');
      return false;
    });
  }

  async link(
    person: string | undefined,
    locals: readonly { congress: string; personId: string }[],
    basis: string,
    by: string,
  ): Promise<void> {
    await this.#checked();
    await this.#db.transaction(async (c) => {
      for (const l of locals) {
        await c.query('INSERT INTO roster.person_links (person, congress_id, person_id, basis, linked_by) VALUES ($1, $2, $3, $4, $5)', [
          person ?? null,
          l.congress,
          l.personId,
          basis,
          by,
        ]);
      }
    });
  }

  async linked(person: string): Promise<LinkedPerson[]> {
    await this.#checked();
    const rows = await this.#db.query<{
      person: string;
      congress_id: string;
      person_id: string;
      basis: string;
      linked_by: string;
      linked_at: Date;
      name: string | null;
    }>(
      `WITH latest AS (
         SELECT DISTINCT ON (l.congress_id, l.person_id) l.*
           FROM roster.person_links l
          WHERE (l.congress_id, l.person_id) IN (SELECT congress_id, person_id FROM roster.person_links WHERE person = $1)
          ORDER BY l.congress_id, l.person_id, l.id DESC)
       SELECT latest.person, latest.congress_id, latest.person_id, latest.basis, latest.linked_by, latest.linked_at, p.name
         FROM latest LEFT JOIN roster.person_views p USING (congress_id, person_id)
        WHERE latest.person = $1
        ORDER BY latest.congress_id, latest.person_id`,
      [person],
    );
    return rows.map((r) => ({
      congress: r.congress_id,
      personId: r.person_id,
      name: r.name ?? undefined,
      link: {
        person: r.person,
        congress: r.congress_id,
        personId: r.person_id,
        basis: r.basis,
        linkedBy: r.linked_by,
        linkedAt: r.linked_at.toISOString(),
      },
    }));
  }

  /** The office's accounts: one table for every congress in the database. */
  accounts(): AccountStore {
    return new PostgresAccountStore(this.#db, () => this.#checked());
  }

  /** The drafts of `stream`'s congress (a stream of this catalog). */
  drafts(stream: RecordStream): DraftStore {
    if (!(stream instanceof PostgresRecordStream)) throw new Error('drafts are kept for a stream of the same database');
    return new PostgresDraftStore(this.#db, () => stream.congressId());
  }

  /** The kept replay of `stream`'s congress (a stream of this catalog): a row of roster.kept_replays. */
  replays(stream: RecordStream): ReplayStore {
    if (!(stream instanceof PostgresRecordStream)) throw new Error('replays are kept for a stream of the same database');
    return new PostgresReplayStore(this.#db, () => stream.congressId());
  }

  async migrate(): Promise<MigrationReport> {
    return migrate(this.#db, readMigrations(this.#migrationsDir));
  }

  async close(): Promise<void> {
    await this.#db.close();
  }
}
