/**
 * What the database itself enforces, whoever connects: the record only grows (the clerks' role may
 * only INSERT events, and even the owner is refused a change without the maintenance switch), the
 * head moves only with the events, a hand-made change is named by `roster verify`, a lost race is
 * exit 3, and the schema comes by numbered migrations.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describePostgres, freshDatabase, type TestDatabase } from '../support/postgres.js';
import { CLI, roster } from '../support/roster-cli.js';
import { cliEnv, SEED_DATA, SEED_EVENTS, tempDir } from '../support/scenario.js';

/** The SQLSTATE a statement fails with (undefined where it succeeds). */
async function failure(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

async function seeded(): Promise<TestDatabase> {
  const db = await freshDatabase();
  const r = await roster(db.url('clerk'), 'import', SEED_DATA);
  expect(r.code, r.stderr).toBe(0);
  return db;
}

describePostgres('a database record', () => {
  describe('is append-only, enforced by the database', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await seeded();
    }, 60_000);

    it('the clerks’ role may not UPDATE, DELETE or TRUNCATE events: permission denied', async () => {
      expect(await failure(db.sql("UPDATE roster.events SET type = 'x' WHERE seq = 3", [], 'clerk'))).toBe('42501');
      expect(await failure(db.sql('DELETE FROM roster.events WHERE seq = 3', [], 'clerk'))).toBe('42501');
      expect(await failure(db.sql('TRUNCATE roster.events', [], 'clerk'))).toBe('42501');
      // Not even with the maintenance switch, which only opens what privileges already allow.
      expect(await failure(db.sql(["SET LOCAL roster.maintenance = 'on'", 'DELETE FROM roster.events WHERE seq = 3'], [], 'clerk'))).toBe(
        '42501',
      );
    });

    it('the owner is refused too unless the transaction sets the maintenance switch', async () => {
      expect(await failure(db.sql("UPDATE roster.events SET type = 'x' WHERE seq = 3"))).toBe('RS403');
      expect(await failure(db.sql('DELETE FROM roster.events WHERE seq = 3'))).toBe('RS403');
      expect(await failure(db.sql('TRUNCATE roster.events CASCADE'))).toBe('RS403');
      expect(await failure(db.sql('UPDATE roster.stream_heads SET seq = 1'))).toBe('RS403');
      expect((await roster(db.url('clerk'), 'verify')).code).toBe(0);
    });

    it('a row inserted by hand that does not continue the head is refused (seq and previous hash)', async () => {
      const [last] = await db.sql('SELECT seq, hash FROM roster.stream_heads');
      const row = (seq: number, prev: string) =>
        db.sql(
          `INSERT INTO roster.events (congress_id, seq, prev_hash, hash, type, record)
           SELECT congress_id, $1, $2, hash, type, record FROM roster.events WHERE seq = 5`,
          [seq, prev],
          'clerk',
        );
      expect(await failure(row(last!.seq + 2, last!.hash))).toBe('RS409');
      expect(await failure(row(last!.seq + 1, '0'.repeat(64)))).toBe('RS409');
      expect(await failure(row(last!.seq + 1, last!.hash))).toBe('RS422');
      expect(await failure(row(3, last!.hash))).toBe('23505');
    });

    it('the read-only role reads the record and cannot write to it', async () => {
      const read = await roster(db.url('reader'), 'headcount', '--session', '19');
      expect(read.stdout).toContain('479');
      const event = path.join(tempDir(), 'person.json');
      writeFileSync(event, JSON.stringify({ type: 'PersonRegistered', source: { title: '测试文件' }, personId: 'r-1', name: '读者' }));
      const write = await roster(db.url('reader'), 'record', event);
      expect(write.code).toBe(1);
      expect(write.stderr).toContain('数据库拒绝了这一操作（当前用户无此权限）');
      expect(write.stderr).not.toMatch(/\n\s+at /);
    });
  });

  describe('roster verify names the first row changed by hand in SQL', () => {
    const verifyAfter = async (statements: string[]) => {
      const db = await seeded();
      await db.maintenance(statements);
      return roster(db.url('clerk'), 'verify');
    };

    it('a row whose record was changed', async () => {
      const r = await verifyAfter([`UPDATE roster.events SET record = json_build_object('x', 1)::json WHERE seq = 40`]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('第一处问题：第40条');
    });

    it('a row deleted from the middle', async () => {
      const r = await verifyAfter(['DELETE FROM roster.events WHERE seq = 17']);
      expect(r.stdout).toContain('第一处问题：第17条（被删除）');
    });

    it('a row inserted past the head (the head was left as it was)', async () => {
      const r = await verifyAfter([
        `INSERT INTO roster.events (congress_id, seq, prev_hash, hash, type, record)
         SELECT congress_id, seq + 1, hash, hash, type, record FROM roster.events WHERE seq = ${SEED_EVENTS}`,
      ]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`第一处问题：第${SEED_EVENTS + 1}条`);
    });
  });

  describe('several clerks recording at once', () => {
    it('each `roster record` either records or exits 3 saying another clerk appended first; nothing is half-written', async () => {
      const db = await seeded();
      const dir = tempDir();
      const runs = await Promise.all(
        ['x', 'y', 'z'].map((id) => {
          const file = path.join(dir, `${id}.json`);
          writeFileSync(file, JSON.stringify({ type: 'PersonRegistered', source: { title: '测试文件' }, personId: id, name: id }));
          return new Promise<{ code: number | null; stderr: string }>((resolve) => {
            const child = spawn(process.execPath, [CLI, '--db', db.url('clerk'), 'record', file], { env: cliEnv() });
            let stderr = '';
            child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
            child.on('close', (code) => resolve({ code, stderr }));
          });
        }),
      );
      const ok = runs.filter((r) => r.code === 0).length;
      expect(ok).toBeGreaterThanOrEqual(1);
      for (const r of runs.filter((x) => x.code !== 0)) {
        expect(r.code, r.stderr).toBe(3);
        expect(r.stderr).toMatch(/记录已被他人更新（预期最后序号 \d+，实为 \d+），请重试/);
      }
      const [{ n }] = (await db.sql('SELECT count(*)::int AS n FROM roster.events')) as [{ n: number }];
      expect(n).toBe(SEED_EVENTS + ok);
      expect((await roster(db.url('clerk'), 'verify')).code).toBe(0);
    });
  });

  describe('roster import into a database', () => {
    it('is all or nothing: a file whose chain is broken writes nothing, not even the congress', async () => {
      const db = await freshDatabase();
      const good = await roster(db.url(), '--congress', 'a', 'import', SEED_DATA);
      expect(good.code, good.stderr).toBe(0);
      const exported = JSON.parse((await roster(db.url(), '--congress', 'a', 'export')).stdout);
      exported.events[20].name = '改过的名字';
      const file = path.join(tempDir(), 'tampered.json');
      writeFileSync(file, JSON.stringify(exported));
      const bad = await roster(db.url(), '--congress', 'b', 'import', file);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('哈希链校验失败：第21条事件的内容与记录时的哈希不符');
      expect((await db.sql('SELECT id FROM roster.congresses')).map((r) => r.id)).toEqual(['a']);
    });

    it('refuses a congress that already holds events, and keeps them', async () => {
      const db = await seeded();
      const again = await roster(db.url(), 'import', SEED_DATA);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain(`目标记录已有${SEED_EVENTS}条记录；导入只写入新的或空的记录，已有记录不会被覆盖`);
      expect((await roster(db.url(), 'verify')).code).toBe(0);
    });
  });

  describe('schema migrations', () => {
    it('roster db migrate builds an empty database, once; a clerk is told to have it migrated before', async () => {
      const db = await freshDatabase(false);
      const early = await roster(db.url('clerk'), 'headcount');
      expect(early.code).toBe(1);
      expect(early.stderr).toContain('数据库中还没有 deputy-roster 的表：请由数据库所有者运行 roster db migrate');
      const first = await roster(db.url('roster_owner'), 'db', 'migrate');
      expect(first.stdout).toBe(
        '已执行迁移：0001_record、0002_views、0003_person_links、0004_head_anchor、0005_console、0006_kept_replays；数据库表结构为第6版\n',
      );
      const again = await roster(db.url('roster_owner'), 'db', 'migrate');
      expect(again.stdout).toBe('没有需要执行的迁移；数据库表结构为第6版\n');
      const imported = await roster(db.url('clerk'), 'import', SEED_DATA);
      expect(imported.code, imported.stderr).toBe(0);
    });

    it('an applied migration whose file changed, or a schema newer than the program, is refused', async () => {
      const db = await freshDatabase();
      await db.sql("UPDATE roster.schema_migrations SET checksum = 'x' WHERE version = 2");
      const changed = await roster(db.url('roster_owner'), 'db', 'migrate');
      expect(changed.code).toBe(1);
      expect(changed.stderr).toContain('已应用的迁移 0002_views 与本程序的 0002_views.sql 内容不同');
      const newer = await freshDatabase();
      await newer.sql("INSERT INTO roster.schema_migrations (version, name, checksum) VALUES (7, '0007_future', 'y')");
      const refused = await roster(newer.url('clerk'), 'headcount');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('数据库的表结构是第7版，比本程序（第6版）新：请升级 deputy-roster');
    });
  });

  it('a server that cannot be reached is said so, without a stack trace', async () => {
    const r = await roster('postgres://clerk@127.0.0.1:1/nowhere', 'headcount');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^错误：postgres:\/\/clerk@127\.0\.0\.1:1\/nowhere: 无法连接数据库/);
  });
});
