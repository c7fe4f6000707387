/**
 * The file store under the attacks that once lost acknowledged events (issue 10): a lock that looks
 * old (a clock running ahead on a shared folder), a writer frozen while it holds the lock, a writer
 * whose lock is taken by hand, a file-size limit that cuts a write short, a full disk. Real
 * processes where the attack is on processes; every acknowledged event must be in the log once.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { FileRecordStream } from '../../src/store/file-store.js';
import { CLI, roster, seedWorkspace } from '../support/cli.js';
import { cliEnv, SEED_EVENTS, tempDir } from '../support/scenario.js';
import { appendEvents, eventsIn } from '../support/stores.js';

const WORKER = inject('appendWorker');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Finished {
  readonly code: number | null;
  readonly acked: string[];
  readonly stderr: string;
}

function worker(db: string, name: string, count: number, batch = 1): { child: ChildProcess; done: Promise<Finished> } {
  const child = spawn(process.execPath, [WORKER, db, name, String(count), String(batch)], { env: cliEnv() });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Finished>((resolve) =>
    child.on('close', (code) =>
      resolve({
        code,
        stderr,
        acked: stdout
          .split('\n')
          .filter((l) => l.startsWith('ack '))
          .map((l) => l.slice(4)),
      }),
    ),
  );
  return { child, done };
}

/** Every acknowledged event is in the log exactly once, the seqs run unbroken, and `roster verify` passes. */
async function expectAllKept(db: string, acked: readonly string[]): Promise<void> {
  const events = await eventsIn(db);
  const ids = events.map((e) => ('personId' in e ? e.personId : undefined));
  const lost = acked.filter((id) => ids.filter((x) => x === id).length !== 1);
  expect(lost, 'acknowledged events missing or doubled').toEqual([]);
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  const verify = roster(['--db', db, 'verify']);
  expect(verify.code, verify.stdout + verify.stderr).toBe(0);
}

const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+|Error:|ECOMPROMISED/);

describe('a clock running ahead on a shared folder: the lock looks hours old while it is held', () => {
  it('6 writers × 8 batches while the lock is back-dated and forward-dated all the time: nothing acknowledged is lost, nothing is set aside', async () => {
    const s = seedWorkspace();
    await appendEvents(new FileRecordStream(s.db), [
      { type: 'PersonRegistered', source: { title: '测试' }, personId: 'first', name: '甲' },
    ]);
    let skewing = true;
    let skews = 0;
    const skewer = (async () => {
      while (skewing) {
        const t = new Date(Date.now() + (skews % 2 === 0 ? -3_600_000 : 3_600_000));
        try {
          utimesSync(`${s.db}.lock`, t, t);
          skews++;
        } catch {
          // no lock at this moment
        }
        await sleep(1);
      }
    })();
    const runs = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((w) => worker(s.db, w, 8, 3).done));
    skewing = false;
    await skewer;
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const acked = runs.flatMap((r) => r.acked);
    expect(acked).toHaveLength(6 * 8 * 3);
    expect(skews, 'times the lock was re-dated while held').toBeGreaterThan(20);
    await expectAllKept(s.db, acked);
    expect(readdirSync(s.dir).filter((f) => f.includes('.uncommitted-'))).toEqual([]);
  }, 120_000);
});

describe('a writer frozen (SIGSTOP) while it holds the lock, for longer than the old 4.9 s stale time', () => {
  it('keeps its lock; the other writer waits; on resume the frozen writer commits and is told so; nothing is lost', async () => {
    const s = seedWorkspace();
    await appendEvents(new FileRecordStream(s.db), [
      { type: 'PersonRegistered', source: { title: '测试' }, personId: 'first', name: '甲' },
    ]);
    const lockFile = `${s.db}.lock`;
    const ownerOf = () => {
      try {
        return (JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number }).pid;
      } catch {
        return undefined;
      }
    };
    const frozen = worker(s.db, 'frozen', 150);
    const pid = frozen.child.pid!;
    // Freeze it at a moment it holds the lock (it holds it for most of each append).
    let caught = false;
    for (let tries = 0; tries < 20_000 && !caught; tries++) {
      if (ownerOf() === pid) {
        frozen.child.kill('SIGSTOP');
        await sleep(50);
        if (ownerOf() === pid) caught = true;
        else frozen.child.kill('SIGCONT');
      } else await sleep(0);
    }
    expect(caught, 'the writer was frozen holding the lock').toBe(true);
    const other = worker(s.db, 'other', 3);
    await sleep(6_000);
    expect(ownerOf(), 'the lock still belongs to the frozen writer').toBe(pid);
    frozen.child.kill('SIGCONT');
    const [a, b] = await Promise.all([frozen.done, other.done]);
    expect(a.code, a.stderr).toBe(0);
    noStackTrace(a.stderr);
    expect(a.acked).toHaveLength(150);
    expect(b.code, b.stderr).toBe(0);
    expect(b.acked).toHaveLength(3);
    await expectAllKept(s.db, [...a.acked, ...b.acked]);
  }, 60_000);
});

describe('a writer whose lock was taken from it by hand while it wrote', () => {
  it('does not commit, is told that nothing was recorded, and the other writer’s file is left to it', async () => {
    const s = seedWorkspace();
    const first = new FileRecordStream(s.db);
    await appendEvents(first, [{ type: 'PersonRegistered', source: { title: '测试' }, personId: 'first', name: '甲' }]);
    const head = await first.head();
    const before = readFileSync(s.db);
    let stolen = false;
    const victim = new FileRecordStream(s.db, {
      io: {
        write: async (fh, data) => {
          if (!stolen) {
            // Between its lines and its commit line: a clerk deletes the lock, another process takes it.
            stolen = true;
            rmSync(`${s.db}.lock`);
            writeFileSync(`${s.db}.lock`, JSON.stringify({ pid: process.pid, host: 'x', nonce: 'thief', since: '' }));
          }
          return (await fh.write(data)).bytesWritten;
        },
      },
    });
    const refused = await appendEvents(victim, [
      { type: 'PersonRegistered', source: { title: '测试' }, personId: 'late', name: '乙' },
    ]).catch((e: unknown) => e as Error);
    expect(String(refused)).toContain('写入期间锁文件被他人取走');
    expect(String(refused)).toContain('本次事件没有提交（未记录）');
    expect(await first.head()).toEqual(head);
    // Its lines are past the commit point, where no reader looks; the commit line was never written.
    expect(readFileSync(s.db).subarray(0, before.length)).toEqual(before);
    expect(readFileSync(s.db, 'utf8')).not.toContain(`"commit":{"seq":${head.seq + 1}`);
    expect((await eventsIn(s.db)).length).toBe(SEED_EVENTS + 1);
  });
});

describe('a file-size limit (ulimit -f) that cuts an append short', () => {
  it('at every point of the batch: told that nothing was recorded, the log byte for byte as before, verify passes; then the append lands', () => {
    const s = seedWorkspace();
    const one = s.write('one.json', { type: 'PersonRegistered', source: { title: '测试' }, personId: 'one', name: '甲' });
    expect(roster(['--db', s.db, 'record', one]).code).toBe(0);
    const batch = s.write(
      'batch.json',
      Array.from({ length: 20 }, (_, i) => ({
        type: 'PersonRegistered',
        source: { title: '批量测试文件' },
        personId: `p${i}`,
        name: `人员${i}`,
      })),
    );
    const size = statSync(s.db).size;
    const lastBlock = Math.ceil((size + 20 * 250) / 1024);
    let tried = 0;
    for (let blocks = Math.floor(size / 1024) + 1; blocks < lastBlock; blocks++) {
      const before = readFileSync(s.db);
      // The CLI ignores SIGXFSZ, so the write past the limit comes back short, then EFBIG.
      const r = spawnSync('bash', ['-c', `ulimit -f ${blocks}; exec "$0" "$@"`, process.execPath, CLI, '--db', s.db, 'record', batch], {
        encoding: 'utf8',
        env: cliEnv(),
      });
      tried++;
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toContain('写入失败（超过文件大小上限）：已回退，本次事件没有记录');
      expect(r.stdout).not.toContain('已记录');
      noStackTrace(r.stderr);
      expect(readFileSync(s.db)).toEqual(before);
      expect(roster(['--db', s.db, 'verify']).code).toBe(0);
    }
    expect(tried).toBeGreaterThanOrEqual(3);
    const ok = roster(['--db', s.db, 'record', batch]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`已记录20个事件（序号 ${SEED_EVENTS + 2}`);
    expect(roster(['--db', s.db, 'verify']).code).toBe(0);
  }, 120_000);
});

/** A tiny RAM disk, where this machine lets us mount one (root); the full-disk test needs it. */
function tinyDisk(): string | undefined {
  const dir = tempDir('roster-tmpfs-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', dir]);
  return r.status === 0 ? dir : undefined;
}

const disks: string[] = [];
afterAll(() => {
  for (const d of disks) spawnSync('umount', [d]);
});

describe('a full disk (ENOSPC on a 256 KiB tmpfs)', () => {
  const disk = tinyDisk();
  if (disk) disks.push(disk);

  it.runIf(disk !== undefined)(
    'record and -o are refused with a Chinese message, nothing half-written; after space is freed the record goes on',
    () => {
      const dir = disk!;
      const db = path.join(dir, 'roster.json');
      const s = seedWorkspace();
      copyFileSync(s.db, db);
      const one = s.write('one.json', { type: 'PersonRegistered', source: { title: '测试' }, personId: 'one', name: '甲' });
      expect(roster(['--db', db, 'record', one]).code).toBe(0);
      const batch = s.write(
        'batch.json',
        Array.from({ length: 30 }, (_, i) => ({
          type: 'PersonRegistered',
          source: { title: '批量测试文件' },
          personId: `p${i}`,
          name: `人员${i}`,
        })),
      );
      // Fill the disk but for a little room.
      const filler = path.join(dir, 'filler');
      spawnSync('sh', ['-c', `dd if=/dev/zero of="${filler}" bs=1024 count=1000 2>/dev/null; true`]);
      spawnSync('truncate', ['-s', `-8K`, filler]);
      const before = readFileSync(db);
      const r = roster(['--db', db, 'record', batch]);
      expect(r.code, r.stdout).toBe(1);
      expect(r.stderr).toContain('磁盘已满');
      expect(r.stderr).toMatch(/没有(记录|写入)任何内容|已回退，本次事件没有记录/);
      noStackTrace(r.stderr);
      expect(readFileSync(db)).toEqual(before);
      expect(roster(['--db', db, 'verify']).code).toBe(0);

      // Now not a byte left.
      spawnSync('sh', ['-c', `dd if=/dev/zero of="${filler}-2" bs=1024 count=1000 2>/dev/null; true`]);
      const out = path.join(dir, 'report.txt');
      const doc = roster(['--db', db, 'doc', 'report', '--session', '19', '-o', out]);
      expect(doc.code).toBe(1);
      expect(doc.stderr).toContain('无法写入输出文件：磁盘已满；没有写入任何内容');
      noStackTrace(doc.stderr);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

      rmSync(filler);
      rmSync(`${filler}-2`);
      const ok = roster(['--db', db, 'record', batch]);
      expect(ok.code, ok.stderr).toBe(0);
      expect(roster(['--db', db, 'verify']).code).toBe(0);
    },
  );
});
