/**
 * Numbered schema migrations: plain SQL files `NNNN_name.sql` (schema/postgres/ in the package),
 * applied in order by `roster db migrate`, each in its own transaction, and recorded in
 * roster.schema_migrations with the file's SHA-256. An applied migration whose file has changed since
 * is refused (migrations are never edited, the next number is added); a database migrated by a newer
 * program is refused too. Migrators take an advisory lock, so two at once apply each file once.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../domain/errors.js';
import type { MigrationReport } from '../record-catalog.js';
import type { Connection } from './connection.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

/** An arbitrary constant: the advisory lock migrators of a database queue on. */
const MIGRATION_LOCK = 74_412_012;

export function readMigrations(dir: string): Migration[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f));
  } catch (e) {
    throw new DomainError('store-failed', `无法读取数据库迁移文件：${(e as Error).message}`, dir);
  }
  return files.sort().map((file, i) => {
    const version = Number(file.slice(0, 4));
    if (version !== i + 1) throw new DomainError('store-failed', `迁移文件应从 0001 起连续编号，第${i + 1}个是 ${file}`, dir);
    const sql = readFileSync(path.join(dir, file), 'utf8');
    return { version, name: file.replace(/\.sql$/, ''), sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
}

/** The version the database's schema is at: 0 where it has none. */
export async function schemaVersion(db: Connection): Promise<number> {
  const [row] = await db.query<{ version: number | null }>(
    "SELECT CASE WHEN to_regclass('roster.schema_migrations') IS NULL THEN 0 ELSE (SELECT coalesce(max(version), 0) FROM roster.schema_migrations) END AS version",
  );
  return row?.version ?? 0;
}

/** Refuse to work on a database whose schema is not the one this program was written for. */
export async function checkSchema(db: Connection, latest: number): Promise<void> {
  const version = await schemaVersion(db);
  if (version === latest) return;
  if (version < latest) {
    throw new DomainError(
      'store-unavailable',
      version === 0
        ? '数据库中还没有 deputy-roster 的表：请由数据库所有者运行 roster db migrate'
        : `数据库的表结构是第${version}版，本程序需要第${latest}版：请由数据库所有者运行 roster db migrate`,
      db.safeUrl,
    );
  }
  throw new DomainError(
    'unsupported-version',
    `数据库的表结构是第${version}版，比本程序（第${latest}版）新：请升级 deputy-roster`,
    db.safeUrl,
  );
}

export async function migrate(db: Connection, migrations: readonly Migration[]): Promise<MigrationReport> {
  return db.use(async (c) => {
    await c.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await c.query('CREATE SCHEMA IF NOT EXISTS roster');
      await c.query(`CREATE TABLE IF NOT EXISTS roster.schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        applied_by text NOT NULL DEFAULT current_user)`);
      const applied = (
        await c.query<{ version: number; name: string; checksum: string }>(
          'SELECT version, name, checksum FROM roster.schema_migrations ORDER BY version',
        )
      ).rows;
      for (const a of applied) {
        const m = migrations[a.version - 1];
        if (!m) {
          throw new DomainError(
            'unsupported-version',
            `数据库已应用第${a.version}版迁移（${a.name}），本程序只有到第${migrations.length}版：请升级 deputy-roster`,
            db.safeUrl,
          );
        }
        if (m.checksum !== a.checksum) {
          throw new DomainError(
            'store-failed',
            `已应用的迁移 ${a.name} 与本程序的 ${m.name}.sql 内容不同：迁移文件应用后不得修改`,
            db.safeUrl,
          );
        }
      }
      const done: string[] = [];
      for (const m of migrations.slice(applied.length)) {
        await c.query('BEGIN');
        try {
          await c.query(m.sql);
          await c.query('INSERT INTO roster.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
            m.version,
            m.name,
            m.checksum,
          ]);
          await c.query('COMMIT');
        } catch (e) {
          await c.query('ROLLBACK');
          const detail = e instanceof Error ? e.message : String(e);
          throw new DomainError('store-failed', `迁移 ${m.name} 失败，已回滚：${detail}`, db.safeUrl);
        }
        done.push(m.name);
      }
      return { applied: done, current: migrations.length };
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  });
}
