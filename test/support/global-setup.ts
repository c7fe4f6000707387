/**
 * Runs once before the suite: bundles the CLI and the append worker from src/ (so a test that starts
 * a process runs what src/ says, never an older build), makes one scratch folder every test's
 * temporary files go under, and starts one throw-away PostgreSQL cluster for the database tests
 * (test/support/postgres.ts), with a migrated template database they copy. Everything is removed
 * when the suite ends.
 *
 * Where PostgreSQL is not installed the database tests are skipped, and said so loudly; under CI
 * (CI=true) that is a failure: CI installs it (.ci/run).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundle } from '../../scripts/bundle.mjs';
import { PostgresCatalog } from '../../src/store/postgres/postgres-catalog.js';
import { type Cluster, postgresBin, startCluster } from './postgres-cluster.js';

/** What the database tests get: the cluster's superuser URL and the migrated template to copy. */
export interface PostgresSetup {
  readonly port: number;
  readonly adminUrl: string;
  readonly template: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder every test's temporary files go under. */
    tempRoot: string;
    /** The append worker of the concurrency and crash tests, bundled from test/support/append-worker.ts. */
    appendWorker: string;
    /** The throw-away PostgreSQL cluster; null where PostgreSQL is not installed (the database tests are skipped). */
    postgres: PostgresSetup | null;
  }
}

export const TEMPLATE = 'roster_template';

async function startPostgres(): Promise<{ cluster: Cluster; setup: PostgresSetup } | undefined> {
  const bin = postgresBin();
  if (!bin) {
    const message = 'PostgreSQL 未安装（找不到 /usr/lib/postgresql/*/bin/initdb，或 $PG_BIN）：数据库部分的测试全部跳过';
    if (process.env.CI === 'true') throw new Error(`${message}；CI 中不允许跳过（.ci/run 应安装 postgresql）`);
    process.stderr.write(`\n${'!'.repeat(100)}\n!! ${message}\n${'!'.repeat(100)}\n\n`);
    return undefined;
  }
  const cluster = await startCluster(bin);
  try {
    const { default: pg } = await import('pg');
    const admin = new pg.Client(cluster.url());
    await admin.connect();
    try {
      // The owner runs the migrations, as an office's administrator would; clerks and readers log in as members of its group roles.
      await admin.query('CREATE ROLE roster_owner LOGIN CREATEDB CREATEROLE');
      await admin.query(`CREATE DATABASE ${TEMPLATE} OWNER roster_owner`);
      const catalog = new PostgresCatalog(
        cluster.url(TEMPLATE, 'roster_owner'),
        path.resolve(import.meta.dirname, '../../schema/postgres'),
      );
      await catalog.migrate();
      await catalog.close();
      await admin.query('CREATE ROLE clerk LOGIN IN ROLE roster_app');
      await admin.query('CREATE ROLE reader LOGIN IN ROLE roster_reader');
      await admin.query(`ALTER DATABASE ${TEMPLATE} IS_TEMPLATE true`);
    } finally {
      await admin.end();
    }
    return { cluster, setup: { port: cluster.port, adminUrl: cluster.url(), template: TEMPLATE } };
  } catch (e) {
    cluster.stop();
    throw e;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'roster-tests-'));
  await bundle();
  const worker = await bundle({ entry: 'test/support/append-worker.ts', outdir: 'dist/test-support', name: 'append-worker' });
  const postgres = await startPostgres();
  project.provide('tempRoot', root);
  project.provide('appendWorker', worker);
  project.provide('postgres', postgres?.setup ?? null);
  return () => {
    postgres?.cluster.stop();
    rmSync(root, { recursive: true, force: true });
  };
}
