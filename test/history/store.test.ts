import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyStream } from '../../src/app/verify.js';
import type { EventInput } from '../../src/domain/events.js';
import { FileRecordStream } from '../../src/store/file-store.js';
import { seedWorkspace } from '../support/cli.js';
import { SEED_EVENTS } from '../support/scenario.js';
import { appendEvents, eventsIn } from '../support/stores.js';

const person = (id: string): EventInput => ({ type: 'PersonRegistered', source: { title: '测试文件' }, personId: id, name: id });
const append = (store: FileRecordStream, id: string) => appendEvents(store, [person(id)]);

/** The seed turned into a log by one append (SEED_EVENTS + 1 events); `before`: the head it had. */
async function log() {
  const s = seedWorkspace();
  const store = new FileRecordStream(s.db);
  const before = await store.head();
  await append(store, 'first');
  return { ...s, store, before, read: () => eventsIn(s.db) };
}

describe('bytes a killed writer left past the committed head', () => {
  it('are ignored by readers, reported by verify, and set aside (not destroyed) by the next writer', async () => {
    const { db, dir, store, read } = await log();
    const torn = `{"seq":${SEED_EVENTS + 2},"type":"PersonRegistered","personId":"half`;
    appendFileSync(db, torn);
    expect(await read()).toHaveLength(SEED_EVENTS + 1);
    const report = await verifyStream(store);
    expect(report).toEqual(expect.objectContaining({ ok: true, count: SEED_EVENTS + 1, uncommittedBytes: Buffer.byteLength(torn) }));

    await append(store, 'next');
    expect((await read()).map((e) => e.seq).at(-1)).toBe(SEED_EVENTS + 2);
    const aside = readdirSync(dir).filter((f) => f.startsWith('roster.json.uncommitted-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(`${dir}/${aside[0]}`, 'utf8')).toBe(torn);
    expect(await verifyStream(store)).toEqual(expect.objectContaining({ ok: true, count: SEED_EVENTS + 2, uncommittedBytes: 0 }));
  });
});

describe('a log whose head file was lost', () => {
  it('is read up to its last whole line, and the next append rebuilds the head', async () => {
    const { db, store, read } = await log();
    rmSync(`${db}.head.json`);
    appendFileSync(db, `{"seq":${SEED_EVENTS + 2},"torn`);
    expect(await read()).toHaveLength(SEED_EVENTS + 1);
    await append(store, 'next');
    expect(await read()).toHaveLength(SEED_EVENTS + 2);
    expect(existsSync(`${db}.head.json`)).toBe(true);
    expect((await verifyStream(store)).ok).toBe(true);
  });
});

describe('a lock left behind by a writer that was killed while holding it', () => {
  it('is taken over once it is stale, and the append goes through', async () => {
    const { db, store, read } = await log();
    mkdirSync(`${db}.lock`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${db}.lock`, old, old);
    await append(store, 'after-crash');
    expect(await read()).toHaveLength(SEED_EVENTS + 2);
    expect(existsSync(`${db}.lock`)).toBe(false);
  });
});

describe('a writer whose expected head is behind the log', () => {
  it('is refused with a conflict and the log is unchanged', async () => {
    const { db, store, before: stale } = await log();
    const before = readFileSync(db, 'utf8');
    await expect(appendEvents(store, [person('late')], stale)).rejects.toThrow(
      `记录已被他人更新（预期最后序号 ${SEED_EVENTS}，实为 ${SEED_EVENTS + 1}），请重试`,
    );
    expect(readFileSync(db, 'utf8')).toBe(before);
  });
});
