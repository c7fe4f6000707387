/**
 * A province in one PostgreSQL database (issue 12): the synthetic province of `_province.ts` imported
 * into a throw-away cluster at two sizes (scale 0.1: about 100,000 events; scale 1: 1,500 congresses,
 * about 150,000 seats, about 1,000,000 events), and at each: the import's time, one `roster record`
 * as a whole process, `roster headcount` of one congress, `roster stats` over the province, and the
 * database's size. Needs Debian's `postgresql` (as the tests do); says so and stops where it is absent.
 * BENCH_PROVINCE_SCALES=0.1,1 picks the sizes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createEvaluator } from '../src/engine/evaluator.js';
import { loadRuleBook } from '../src/engine/rule-book.js';
import { CLI_BIN, DEFAULT_RULES_DIR, PACKAGE_ROOT } from '../src/paths.js';
import { PostgresCatalog } from '../src/store/postgres/postgres-catalog.js';
import { postgresBin, startCluster } from '../test/support/postgres-cluster.js';
import { dataFileOf, importCongress, type SyntheticCongress, syntheticProvince } from './_province.js';

const MIGRATIONS = path.join(PACKAGE_ROOT, 'schema', 'postgres');

function fmt(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

function summary(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  return `median ${fmt(s[Math.floor(s.length / 2)]!)}, max ${fmt(s[s.length - 1]!)} (n=${s.length})`;
}

/** GNU time, where installed: the CPU time of the client process beside the wall-clock time. */
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * Whole-process time of `roster …`, `n` times: wall clock, and (with GNU time) the client's CPU time,
 * which a busy machine inflates far less than the wall clock.
 */
function timed(args: (i: number) => string[], n: number, dir = os.tmpdir()): string {
  const wall: number[] = [];
  const cpu: number[] = [];
  const env = { ...process.env, ROSTER_USER: 'bench' };
  const run = (file: string, argv: string[]) => {
    try {
      execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'], env });
    } catch (e) {
      throw new Error(`roster ${argv.join(' ')} failed: ${(e as { stderr?: Buffer }).stderr?.toString() ?? e}`);
    }
  };
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    if (GNU_TIME) {
      const out = path.join(dir, 'time.txt');
      run(GNU_TIME, ['-o', out, '-f', '%U %S', process.execPath, CLI_BIN, ...args(i)]);
      const [user, sys] = readFileSync(out, 'utf8').trim().split(/\s+/).map(Number);
      cpu.push(((user ?? 0) + (sys ?? 0)) * 1000);
    } else run(process.execPath, [CLI_BIN, ...args(i)]);
    wall.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return `${summary(wall)}${cpu.length > 0 ? `; client CPU ${summary(cpu).replace(/ \(n=\d+\)$/, '')}` : ''}`;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function measure(adminUrl: string, port: number, scale: number, dir: string): Promise<void> {
  const name = `province_${String(scale).replace('.', '_')}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} OWNER roster_owner`);
  const owner = `postgres://roster_owner@127.0.0.1:${port}/${name}`;
  const clerk = `postgres://clerk@127.0.0.1:${port}/${name}`;
  const migrating = new PostgresCatalog(owner, MIGRATIONS);
  await migrating.migrate();
  await migrating.close();

  const evaluator = createEvaluator(loadRuleBook(DEFAULT_RULES_DIR));
  const catalog = new PostgresCatalog(clerk, MIGRATIONS);
  let congresses = 0;
  let events = 0;
  let seats = 0;
  let provincial: SyntheticCongress | undefined;
  const started = process.hrtime.bigint();
  for (const c of syntheticProvince(scale)) {
    await importCongress(catalog, evaluator, c);
    congresses++;
    events += c.events.length;
    seats += c.events[0]?.type === 'CongressConstituted' ? (c.events[0].congress.quota ?? 0) : 0;
    if (c.level === 'provincial') provincial = c;
  }
  const importMs = Number(process.hrtime.bigint() - started) / 1e6;
  await catalog.close();
  await admin.query('VACUUM ANALYZE');
  console.log(`Scale ${scale}: ${congresses} congresses, ${seats} seats, ${events} events`);
  console.log(
    `  import (in one process, each congress verified, derived and written with its read models): ${fmt(importMs)} (${Math.round(events / (importMs / 1000))} events/s)`,
  );

  // One congress's file through `roster import`, as a clerk loads one.
  const file = path.join(dir, 'prov-again.json');
  writeFileSync(file, dataFileOf(provincial!));
  console.log(
    `  roster import of the provincial congress (${provincial!.events.length} events), whole process: ${timed(() => ['--db', clerk, '--congress', 'prov-again', 'import', file], 1, dir)}`,
  );

  const one = (i: number) => {
    const f = path.join(dir, `one-${scale}-${i}.json`);
    writeFileSync(
      f,
      JSON.stringify({ type: 'PersonRegistered', source: { title: '基准测试文件' }, personId: `bench-${i}`, name: `基准${i}` }),
    );
    return f;
  };
  console.log(
    `  roster record (one event) to a township congress: ${timed((i) => ['--db', clerk, '--congress', 'town0001', 'record', one(i)], 5, dir)}`,
  );
  console.log(
    `  roster record (one event) to the provincial congress: ${timed((i) => ['--db', clerk, '--congress', 'prov', 'record', one(100 + i)], 5, dir)}`,
  );
  console.log(`  roster headcount of a township congress: ${timed(() => ['--db', clerk, '--congress', 'town0002', 'headcount'], 5, dir)}`);
  // The same congress from a data file, and the CLI's start-up alone, timed under the same load: the yardsticks.
  const town = path.join(dir, 'town0002.json');
  execFileSync(process.execPath, [CLI_BIN, '--db', clerk, '--congress', 'town0002', 'export', '-o', town], { stdio: 'ignore' });
  console.log(`    the same congress from a data file: ${timed(() => ['--db', town, 'headcount'], 5, dir)}`);
  console.log(`    roster --version (start-up alone): ${timed(() => ['--version'], 5, dir)}`);
  console.log(`  roster headcount of a county congress: ${timed(() => ['--db', clerk, '--congress', 'county001', 'headcount'], 5, dir)}`);
  console.log(`  roster headcount of the provincial congress: ${timed(() => ['--db', clerk, '--congress', 'prov', 'headcount'], 5, dir)}`);
  console.log(
    `  roster stats --level county --as-of 2024-06-30: ${timed(() => ['--db', clerk, 'stats', '--level', 'county', '--as-of', '2024-06-30'], 5, dir)}`,
  );
  console.log(
    `  roster congresses stats --as-of 2024-06-30 (every level): ${timed(() => ['--db', clerk, 'congresses', 'stats', '--as-of', '2024-06-30'], 5, dir)}`,
  );
  console.log(`  roster congresses: ${timed(() => ['--db', clerk, 'congresses'], 3, dir)}`);

  const sized = new pg.Client(owner);
  await sized.connect();
  const [size] = (await sized.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n')).rows;
  const tables = (
    await sized.query<{ t: string; n: string }>(
      `SELECT c.relname AS t, pg_total_relation_size(c.oid) AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
        WHERE s.nspname = 'roster' AND c.relkind = 'r' ORDER BY pg_total_relation_size(c.oid) DESC`,
    )
  ).rows;
  console.log(`  database size: ${mb(Number(size!.n))} (${tables.map((t) => `${t.t} ${mb(Number(t.n))}`).join(', ')})`);
  await sized.end();
  await admin.query(`DROP DATABASE ${name}`);
  await admin.end();
}

export default async function provinceBench(): Promise<void> {
  const bin = postgresBin();
  if (!bin) {
    console.log('PostgreSQL is not installed (Debian package postgresql): the province benchmark is skipped.');
    return;
  }
  const scales = (process.env.BENCH_PROVINCE_SCALES ?? '0.1,1').split(',').map(Number);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'roster-bench-province-'));
  const cluster = await startCluster(bin);
  try {
    const admin = new pg.Client(cluster.url());
    await admin.connect();
    await admin.query('CREATE ROLE roster_owner LOGIN CREATEDB CREATEROLE');
    await admin.query('CREATE DATABASE roster_roles OWNER roster_owner');
    const roles = new PostgresCatalog(cluster.url('roster_roles', 'roster_owner'), MIGRATIONS);
    await roles.migrate();
    await roles.close();
    await admin.query('CREATE ROLE clerk LOGIN IN ROLE roster_app');
    await admin.end();
    for (const scale of scales) await measure(cluster.url(), cluster.port, scale, dir);
  } finally {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
