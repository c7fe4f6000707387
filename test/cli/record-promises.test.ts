/**
 * What the record promises the clerk at the command line (README, "What the record promises"): a
 * head that is missing or older is said by `verify` and by every command, `record` refuses to append
 * on top of it and sets nothing aside; a recorder must have a name; no `-o` may overwrite the record
 * or its bookkeeping, and an output is whole or absent; `verify` during writes raises no false alarm.
 */
import { spawn } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { verifyStream } from '../../src/app/verify.js';
import { FileRecordStream } from '../../src/store/file-store.js';
import { chained } from '../../src/store/stored-records.js';
import { roster, SCRATCH_DEATH_OF_FANG_QIN, seedWorkspace } from '../support/cli.js';
import { cliEnv, SEED_EVENTS } from '../support/scenario.js';
import { eventsIn } from '../support/stores.js';

const WORKER = inject('appendWorker');
const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+|TypeError|ReferenceError/);

/** The seed as a log, with one more event recorded through the CLI. */
function logWorkspace() {
  const s = seedWorkspace();
  const first = s.write('first.json', { type: 'PersonRegistered', source: { title: '测试文件' }, personId: 'first', name: '测试甲' });
  expect(roster(['--db', s.db, 'record', first]).code).toBe(0);
  return s;
}

describe('a head file put back from an older copy, after a death was recorded', () => {
  it('verify names the events past it, every command warns, record refuses and sets nothing aside; --rebuild-head brings it back', () => {
    const s = logWorkspace();
    const olderHead = readFileSync(`${s.db}.head.json`);
    const death = s.write('death.json', SCRATCH_DEATH_OF_FANG_QIN);
    expect(roster(['--db', s.db, 'record', death]).code).toBe(0);
    writeFileSync(`${s.db}.head.json`, olderHead);
    const log = readFileSync(s.db);
    // The death was recorded on the kept replay, which is kept for the log's last record: record must not trust it.
    expect(existsSync(path.join(`${s.db}.cache`, 'kept.json'))).toBe(true);

    const verify = roster(['--db', s.db, 'verify']);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain(`头部记录的最后提交为第${SEED_EVENTS + 1}条，但其后还有第${SEED_EVENTS + 2}至${SEED_EVENTS + 2}条事件`);
    expect(verify.stdout).toContain('roster verify --rebuild-head');

    // Every command still answers from the record as stored (the death counts), with a warning.
    const headcount = roster(['--db', s.db, 'headcount', '--as-of', '2024-08-02']);
    expect(headcount.code).toBe(0);
    expect(headcount.stderr).toContain('警告：哈希链校验失败：头部记录的最后提交为');
    expect(headcount.stdout).toContain('478');
    const json = roster(['--db', s.db, '--json', 'explain', '方勤']);
    expect(JSON.parse(json.stderr.trim().split('\n')[0]!)).toEqual({ warning: expect.stringContaining('头部记录的最后提交为') });

    const next = s.write('next.json', { type: 'PersonRegistered', source: { title: '测试文件' }, personId: 'next', name: '测试乙' });
    const refused = roster(['--db', s.db, 'record', next]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('记录未通过校验，拒绝追加');
    noStackTrace(refused.stderr);
    expect(readFileSync(s.db)).toEqual(log);
    expect(readdirSync(s.dir).filter((f) => f.includes('.uncommitted-'))).toEqual([]);

    const rebuilt = roster(['--db', s.db, 'verify', '--rebuild-head']);
    expect(rebuilt.code, rebuilt.stdout).toBe(0);
    expect(rebuilt.stdout).toContain(`已按数据文件重建头部。`);
    expect(rebuilt.stdout).toContain(`校验通过：共${SEED_EVENTS + 2}条事件`);
    expect(roster(['--db', s.db, 'record', next]).code).toBe(0);
    expect(roster(['--db', s.db, 'headcount', '--as-of', '2024-08-02']).stderr).toBe('');
  });
});

describe('a head file deleted and the last events cut off', () => {
  it('verify says the end cannot be vouched for and names the last event left; commands warn; record refuses', () => {
    const s = logWorkspace();
    const death = s.write('death.json', SCRATCH_DEATH_OF_FANG_QIN);
    expect(roster(['--db', s.db, 'record', death]).code).toBe(0);
    rmSync(`${s.db}.head.json`);
    // Cut the last batch with its commit line, as someone hiding the death would.
    const lines = readFileSync(s.db, 'utf8').split('\n');
    writeFileSync(s.db, `${lines.slice(0, -3).join('\n')}\n`);

    const verify = roster(['--db', s.db, 'verify']);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain('记录的头部（最后提交的序号和哈希）缺失，无法确认末尾没有事件被删除');
    expect(verify.stdout).toContain(`现存最后一条为第${SEED_EVENTS + 1}条`);
    expect(roster(['--db', s.db, 'headcount']).stderr).toContain('警告：记录的头部（最后提交的序号和哈希）缺失');
    const next = s.write('next.json', { type: 'PersonRegistered', source: { title: '测试文件' }, personId: 'next', name: '测试乙' });
    expect(roster(['--db', s.db, 'record', next]).stderr).toContain('拒绝追加');
    expect(roster(['--db', s.db, 'export']).code).toBe(1);
  });
});

describe('the recorder', () => {
  it('an empty or blank name (--as "", ROSTER_USER of spaces) is refused in Chinese and nothing is written', () => {
    const s = logWorkspace();
    const before = readFileSync(s.db);
    const ev = s.write('ev.json', { type: 'PersonRegistered', source: { title: '测试文件' }, personId: 'x', name: '测试丙' });
    for (const r of [roster(['--db', s.db, '--as', '', 'record', ev]), roster(['--db', s.db, 'record', ev], { ROSTER_USER: '  ' })]) {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('记录人不能为空：请用 --as 或环境变量 ROSTER_USER 写明记录人的姓名');
      noStackTrace(r.stderr);
    }
    expect(readFileSync(s.db)).toEqual(before);
  });

  it('a record that somehow holds an empty recorder stays readable by every command', async () => {
    const s = logWorkspace();
    const store = new FileRecordStream(s.db);
    const head = await store.head();
    // Written past the program's own check, as another tool or an older version could have.
    const odd = { type: 'PersonRegistered', source: { title: '测试文件' }, personId: 'odd', name: '测试丁', seq: head.seq + 1 };
    await store.append(chained([{ ...odd, recordedAt: '2026-01-01T00:00:00Z', recordedBy: '' } as never], head), head);
    expect(roster(['--db', s.db, 'verify']).code).toBe(0);
    const headcount = roster(['--db', s.db, 'headcount', '--session', '19']);
    expect(headcount.code, headcount.stderr).toBe(0);
    expect(headcount.stdout).toContain('479');
    expect(roster(['--db', s.db, 'explain', '测试丁']).code).toBe(0);
    expect(roster(['--db', s.db, 'log', '--since', '2025-01-01']).code).toBe(0);
  });
});

describe('-o: never the record or its bookkeeping, whole or not at all', () => {
  it('the data file, its head, its lock, its kept replay, a hard link to it, or any file named after it are refused, and the record is untouched', () => {
    const s = logWorkspace();
    const log = readFileSync(s.db);
    const head = readFileSync(`${s.db}.head.json`);
    const kept = path.join(`${s.db}.cache`, 'kept.json');
    const keptBefore = readFileSync(kept);
    linkSync(s.db, path.join(s.dir, 'alias.json'));
    const attempts = [
      ['doc', 'report', '--session', '19', '-o', s.db],
      ['doc', 'report', '--session', '19', '--format', 'docx', '-o', `${s.db}.head.json`],
      ['export-roster', '--format', 'csv', '-o', `${s.db}.lock`],
      ['export', '-o', path.join(s.dir, 'alias.json')],
      ['export', '-o', path.join(s.dir, '.', 'sub', '..', 'roster.json.derivation-cache')],
      ['doc', 'report', '--session', '19', '-o', kept],
      ['export', '-o', path.join(`${s.db}.cache`, 'new.json')],
      ['export', '-o', `${s.db}.cache`],
    ];
    mkdirSync(path.join(s.dir, 'sub'));
    for (const args of attempts) {
      const r = roster(['--db', s.db, ...args]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain('输出文件不能是数据文件本身，也不能是它旁边的记录文件');
      noStackTrace(r.stderr);
    }
    expect(readFileSync(s.db)).toEqual(log);
    expect(readFileSync(`${s.db}.head.json`)).toEqual(head);
    expect(readFileSync(kept)).toEqual(keptBefore);
    expect(readdirSync(`${s.db}.cache`)).not.toContain('new.json');
    expect(existsSync(`${s.db}.lock`)).toBe(false);
    expect(roster(['--db', s.db, 'verify']).code).toBe(0);
  });

  it('a folder, a missing folder or /dev/full gives a Chinese message, no stack trace and no partial file', () => {
    const s = logWorkspace();
    const cases: [string, string][] = [
      [s.dir, '这是一个文件夹，请指定文件名'],
      [path.join(s.dir, 'missing', 'report.txt'), '目标文件夹不存在'],
      ['/dev/full', '磁盘已满'],
    ];
    for (const [target, message] of cases) {
      const r = roster(['--db', s.db, 'doc', 'report', '--session', '19', '-o', target]);
      expect(r.code, target).toBe(1);
      expect(r.stderr).toContain(`无法写入输出文件：${message}；没有写入任何内容`);
      noStackTrace(r.stderr);
    }
    expect(readdirSync(s.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const ok = roster(['--db', s.db, 'export', '-o', path.join(s.dir, 'export.json')]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(s.dir, 'export.json'), 'utf8')).events).toHaveLength(SEED_EVENTS + 1);
  });
});

describe('verify while other clerks record', () => {
  it('300 verifies against 3 writing processes: not one false alarm, and every verify sees an unbroken, anchored chain', async () => {
    const s = logWorkspace();
    const writers = ['a', 'b', 'c'].map(
      (w) =>
        new Promise<number | null>((resolve) =>
          spawn(process.execPath, [WORKER, s.db, w, '60', '2'], { env: cliEnv() }).on('close', resolve),
        ),
    );
    let finished = 0;
    for (const w of writers) void w.then(() => finished++);
    const alarms: string[] = [];
    let runs = 0;
    const counts = new Set<number>();
    while (runs < 300 || finished < writers.length) {
      const r = await verifyStream(new FileRecordStream(s.db));
      runs++;
      counts.add(r.count);
      if (!r.ok) alarms.push(`${r.problem?.message ?? r.invalid}`);
    }
    expect(await Promise.all(writers)).toEqual([0, 0, 0]);
    expect(alarms).toEqual([]);
    expect(counts.size, 'verifies saw the record grow').toBeGreaterThan(5);
    expect((await eventsIn(s.db)).length).toBe(SEED_EVENTS + 1 + 3 * 60 * 2);
    expect(roster(['--db', s.db, 'verify']).code).toBe(0);
  }, 120_000);
});
