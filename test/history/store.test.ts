import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { rebuildHead, verifyStream } from '../../src/app/verify.js';
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
  it('is still read, with a warning; appending is refused until the head is rebuilt from the verified chain', async () => {
    const { db, store, read } = await log();
    rmSync(`${db}.head.json`);
    appendFileSync(db, `{"seq":${SEED_EVENTS + 2},"torn`);
    expect(await read()).toHaveLength(SEED_EVENTS + 1);
    const report = await verifyStream(store);
    expect(report).toEqual(
      expect.objectContaining({ ok: false, anchor: 'missing', problem: expect.objectContaining({ kind: 'head-missing' }) }),
    );
    await expect(append(store, 'next')).rejects.toThrow('头部文件 roster.json.head.json 缺失');
    await rebuildHead(store);
    await append(store, 'next');
    expect(await read()).toHaveLength(SEED_EVENTS + 2);
    expect(existsSync(`${db}.head.json`)).toBe(true);
    expect((await verifyStream(store)).ok).toBe(true);
  });
});

describe('a lock left behind by a writer that was killed while holding it', () => {
  const tokenOf = (pid: number, host = os.hostname()) =>
    JSON.stringify({ pid, host, nonce: 'left-behind', since: '2020-01-01T00:00:00.000Z' });

  it('is taken over at once when its owner no longer runs on this host, whatever its age', async () => {
    const { db, store, read } = await log();
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(`${db}.lock`, tokenOf(dead));
    await append(store, 'after-crash');
    expect(await read()).toHaveLength(SEED_EVENTS + 2);
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it('is never taken when it was taken on another computer: the clerk is told whose it is, nothing is written', async () => {
    const { db, read } = await log();
    writeFileSync(`${db}.lock`, tokenOf(4242, 'clerk-pc-2'));
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(`${db}.lock`, old, old);
    const store = new FileRecordStream(db, { lockWaitMs: 300 });
    await expect(append(store, 'blocked')).rejects.toThrow(/数据文件正由进程 4242（主机 clerk-pc-2，.*请删除锁文件/);
    expect(await read()).toHaveLength(SEED_EVENTS + 1);
  });

  it('left as a folder by an older version, or holding something else, is reported, not taken', async () => {
    const { db } = await log();
    mkdirSync(`${db}.lock`);
    const store = new FileRecordStream(db, { lockWaitMs: 300 });
    await expect(append(store, 'x')).rejects.toThrow('是一个文件夹（旧版本程序的锁）');
    rmSync(`${db}.lock`, { recursive: true });
    writeFileSync(`${db}.lock`, 'hello');
    await expect(append(store, 'x')).rejects.toThrow('的内容无法识别：若确认没有 roster 正在写入这个数据文件，请删除它后重试');
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
