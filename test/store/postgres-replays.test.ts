/**
 * The replay kept in the database (src/store/postgres/postgres-replays.ts, roster.kept_replays): a
 * command on a congress in the database answers from the replay kept for its head, exactly as the
 * same record in a data file answers; a row that is garbled, stale or out of the reader's reach costs
 * a replay, never a different answer; and the store itself keeps, extends and passes on a replay
 * only from the key it was asked to, like the file store.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describePostgres, freshDatabase, type TestDatabase } from '../support/postgres.js';
import { roster } from '../support/roster-cli.js';
import { SEED_DATA, tempDir } from '../support/scenario.js';

describePostgres('the replay kept in the database', () => {
  let db: TestDatabase;
  let fromFile: string;

  beforeAll(async () => {
    db = await freshDatabase();
    expect((await roster(db.url('clerk'), 'import', SEED_DATA, '--congress', 'ningbo-16')).code).toBe(0);
    fromFile = (await roster(SEED_DATA, 'headcount')).stdout;
  }, 120_000);

  const keptKey = async () =>
    (await db.sql("SELECT kept ->> 'key' AS key FROM roster.kept_replays WHERE congress_id = 'ningbo-16'"))[0]?.key;

  it('a headcount keeps the replay in the congress row and the next answers from it, as the data file answers', async () => {
    await db.sql('DELETE FROM roster.kept_replays');
    const first = await roster(db.url('clerk'), 'headcount');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe(fromFile);
    const key = await keptKey();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const again = await roster(db.url('clerk'), 'headcount');
    expect(again.stdout).toBe(fromFile);
    expect(await keptKey()).toBe(key);
  });

  it('a garbled or stale row is replayed over, the answer unchanged; the read-only role reads it and cannot write it', async () => {
    await db.sql("UPDATE roster.kept_replays SET core = convert_to('not a core', 'UTF8')");
    expect((await roster(db.url('clerk'), 'headcount')).stdout).toBe(fromFile);
    await db.sql(`UPDATE roster.kept_replays SET kept = jsonb_set(kept, '{key}', '"${'0'.repeat(64)}"')`);
    expect((await roster(db.url('clerk'), 'headcount')).stdout).toBe(fromFile);
    const reader = await roster(db.url('reader'), 'headcount');
    expect(reader.code, reader.stderr).toBe(0);
    expect(reader.stdout).toBe(fromFile);
    await db.sql('DELETE FROM roster.kept_replays');
    expect((await roster(db.url('reader'), 'headcount')).stdout).toBe(fromFile);
    expect(await keptKey()).toBeUndefined();
  });

  it('a recording keeps the replay of the record it leaves, and the next command answers from it as from a fresh replay', async () => {
    const dir = tempDir('kept-pg-');
    const events = path.join(dir, 'events.json');
    writeFileSync(
      events,
      JSON.stringify([
        { type: 'PersonRegistered', source: { title: '测试' }, personId: 'kept-1', name: '测试甲' },
        { type: 'PersonRegistered', source: { title: '测试' }, personId: 'kept-2', name: '测试乙' },
      ]),
    );
    const before = await keptKey();
    const recorded = await roster(db.url('clerk'), 'record', events);
    expect(recorded.code, recorded.stderr).toBe(0);
    const after = await keptKey();
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    // Answered from what the recording kept, and the same as replaying the whole record afresh.
    const kept = await roster(db.url('clerk'), 'explain', '测试甲');
    await db.sql('DELETE FROM roster.kept_replays');
    const afresh = await roster(db.url('clerk'), 'explain', '测试甲');
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stdout).toBe(afresh.stdout);
    expect(kept.stdout).toContain('测试甲');
  });

  it('keeps, extends and passes on a replay only from the key it was asked to', async () => {
    const catalog = db.catalog('clerk');
    try {
      const store = catalog.replays(catalog.stream('ningbo-16'));
      const core = { main: { n: 1 }, sections: { big: { a: [1, 2] }, persons: { p1: { name: '张三' } } }, tables: new Set(['persons']) };
      await store.save('k1', core, ['l0', { l: 1 }]);
      const kept = await store.load('k1');
      expect(kept?.core.main).toEqual({ n: 1 });
      expect(kept?.core.section('big')).toEqual({ a: [1, 2] });
      expect(kept?.core.table('persons').p1).toEqual({ name: '张三' });
      expect(kept?.lines).toEqual(['l0', { l: 1 }]);
      expect(await store.load('k2')).toBeUndefined();
      expect(await store.extend('other', 'k2', core, ['l2'])).toBe(false);
      expect(await store.extend('k1', 'k2', { ...core, main: { n: 2 } }, ['l2'])).toBe(true);
      const extended = await store.load('k2', { lazyLines: true });
      expect(extended?.core.main).toEqual({ n: 2 });
      expect([0, 1, 2].map((i) => extended?.lineAt?.(i))).toEqual(['l0', { l: 1 }, 'l2']);
      expect(await store.pass('k1', 'k3', 1)).toBe(false);
      expect(await store.pass('k2', 'k3', 1)).toBe(true);
      const passed = await store.load('k3', { coreOnly: true });
      expect(passed?.behind).toBe(1);
      expect(passed?.core.main).toEqual({ n: 2 });
      expect(await store.load('k2')).toBeUndefined();
    } finally {
      await catalog.close();
    }
  });
});
