/**
 * The database side of the tests: a fresh database copied from the suite's migrated template
 * (test/support/global-setup.ts) for each use, connections as its owner, a clerk (roster_app) and a
 * reader (roster_reader), and SQL run by hand as someone with access to the server would.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { PostgresCatalog } from '../../src/store/postgres/postgres-catalog.js';
import { ROOT } from './scenario.js';

const SETUP = inject('postgres');

export const MIGRATIONS_DIR = path.join(ROOT, 'schema', 'postgres');

/** `describe`, run where the suite has a PostgreSQL cluster, skipped loudly where it has none. */
export function describePostgres(name: string, body: () => void): void {
  if (!SETUP) process.stderr.write(`!! PostgreSQL 未安装，已跳过：${name}\n`);
  describe.skipIf(!SETUP)(`${name} (PostgreSQL)`, body);
}

export type Role = 'roster_owner' | 'clerk' | 'reader' | 'postgres';

export interface TestDatabase {
  readonly name: string;
  /** The URL a role logs in with (default: the clerk's). */
  url(role?: Role): string;
  /** SQL as `role` (default: the owner), every statement in one transaction. */
  sql(text: string | readonly string[], params?: unknown[], role?: Role): Promise<pg.QueryResultRow[]>;
  /** SQL with the maintenance switch on, as the owner: what the append-only rule otherwise refuses. */
  maintenance(text: string | readonly string[], params?: unknown[]): Promise<void>;
  catalog(role?: Role): PostgresCatalog;
}

function setup() {
  if (!SETUP) throw new Error('no PostgreSQL cluster in this run');
  return SETUP;
}

async function run(url: string, statements: readonly string[], params: unknown[] = []): Promise<pg.QueryResultRow[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query('BEGIN');
    let rows: pg.QueryResultRow[] = [];
    for (const s of statements) {
      const used = Math.max(0, ...[...s.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
      rows = (await client.query(s, params.slice(0, used))).rows;
    }
    await client.query('COMMIT');
    return rows;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    await client.end();
  }
}

/** A new database, migrated (a copy of the template), owned by roster_owner; `migrated: false`: an empty one. */
export async function freshDatabase(migrated = true): Promise<TestDatabase> {
  const { port, template } = setup();
  const name = `roster_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const url = (role: Role = 'clerk') => `postgres://${role}@127.0.0.1:${port}/${name}`;
  const admin = new pg.Client(`postgres://roster_owner@127.0.0.1:${port}/postgres`);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} ${migrated ? `TEMPLATE ${template}` : ''}`);
  } finally {
    await admin.end();
  }
  const list = (t: string | readonly string[]) => (typeof t === 'string' ? [t] : t);
  return {
    name,
    url,
    sql: (text, params, role = 'roster_owner') => run(url(role), list(text), params),
    maintenance: async (text, params) => {
      await run(url('roster_owner'), ["SET LOCAL roster.maintenance = 'on'", ...list(text)], params);
    },
    catalog: (role = 'clerk') => new PostgresCatalog(url(role), MIGRATIONS_DIR),
  };
}
