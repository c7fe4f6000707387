/**
 * README.md's "A shared record on PostgreSQL" as written: the administrator's SQL run on a new
 * cluster of its own (the suite's cluster already has these roles), then every shell line, with the
 * example host replaced by the cluster's address.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CLI } from '../support/cli.js';
import { describePostgres } from '../support/postgres.js';
import { type Cluster, postgresBin, startCluster } from '../support/postgres-cluster.js';
import { examplesIn } from '../support/readme.js';
import { cliEnv, ROOT } from '../support/scenario.js';

const SECTION = 'A shared record on PostgreSQL';

function sqlBlock(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const part = readme.split(`## ${SECTION}`)[1]!.split('\n## ')[0]!;
  const block = part.match(/```sql\n([\s\S]*?)```/)![1]!;
  return block
    .split('\n')
    .filter((l) => !l.startsWith('--') && l.trim() !== '')
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

describePostgres('the README’s database paragraph', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(postgresBin()!);
  }, 60_000);
  afterAll(() => cluster?.stop());

  it('sets up a database, migrates it and works on it as the README says', async () => {
    const statements = sqlBlock();
    expect(statements[0]).toBe("CREATE ROLE roster_owner LOGIN PASSWORD 'change-me'");
    const admin = new pg.Client(cluster.url());
    await admin.connect();
    for (const s of statements) await admin.query(s);
    await admin.end();

    const lines = examplesIn(SECTION);
    expect(lines[0]).toMatch(/^ROSTER_DB=\S+ npx roster db migrate$/);
    const env: Record<string, string> = {};
    const outputs: string[] = [];
    for (const line of lines.map((l) => l.replaceAll('db.example:5432', `127.0.0.1:${cluster.port}`))) {
      const exported = line.match(/^export (\w+)=(\S+)$/);
      if (exported) {
        env[exported[1]!] = exported[2]!;
        continue;
      }
      const m = line.match(/^(?:(\w+)=(\S+) )?npx roster (.*)$/);
      expect(m, line).not.toBeNull();
      const once = m![1] ? { [m![1]]: m![2]! } : {};
      const r = spawnSync(process.execPath, [CLI, ...m![3]!.split(/\s+/)], {
        cwd: ROOT,
        encoding: 'utf8',
        env: cliEnv({ ...env, ...once }),
      });
      expect(r.status, `${line}: ${r.stderr}`).toBe(0);
      outputs.push(r.stdout);
    }
    expect(outputs[0]).toContain('已执行迁移：0001_record');
    expect(outputs.join('\n')).toContain('479');
  }, 120_000);
});
