/**
 * Reading a very long record in bounded memory (issue 14): a generated log of BENCH_LOG_EVENTS
 * events (default 1,000,000; the figure is 5,000,000), written line by line with its commit
 * line and head file as the store writes them, then whole-process `roster verify` and `roster export
 * -o` with their peak resident memory (GNU time's maximum RSS) and time. The log is never held in one
 * string: the store streams the committed range line by line, verify hashes and validates one
 * record at a time, export writes one event at a time.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI_BIN } from '../src/paths.js';
import { chainHash, GENESIS, storedLine } from '../src/store/chain.js';
import { commitLine, logHeader } from '../src/store/data-file.js';

async function generate(db: string, n: number): Promise<void> {
  const out = createWriteStream(db);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  let bytes = 0;
  const put = async (s: string) => {
    bytes += Buffer.byteLength(s);
    await write(s);
  };
  await put(logHeader());
  let prev = GENESIS;
  for (let seq = 1; seq <= n; seq++) {
    const body = {
      type: 'PersonRegistered',
      source: { title: '基准测试文件', date: '2026-01-01' },
      personId: `p${seq}`,
      name: `人员${seq}`,
      seq,
      recordedAt: '2026-01-01T00:00:00.000Z',
      recordedBy: 'bench',
    };
    prev = chainHash(prev, body);
    await put(`${storedLine({ ...body, hash: prev })}\n`);
    // Batches of 1,000, each closed by its commit line, as appends leave them.
    if (seq % 1000 === 0 || seq === n) await put(commitLine({ seq, hash: prev }));
  }
  await new Promise<void>((r) => out.end(r));
  writeFileSync(`${db}.head.json`, JSON.stringify({ seq: n, hash: prev, bytes }));
}

function measured(args: string[]): { seconds: number; peakMiB: number; exit: number | null } {
  const t = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', 'PEAK %M', process.execPath, CLI_BIN, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ROSTER_USER: 'bench' },
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  const m = /PEAK (\d+)/.exec(r.stderr);
  return { seconds, peakMiB: m ? Number(m[1]) / 1024 : Number.NaN, exit: r.status };
}

export default async function streaming(): Promise<void> {
  const n = Number(process.env.BENCH_LOG_EVENTS ?? 1_000_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'roster-bench-stream-'));
  const db = path.join(dir, 'roster.json');
  try {
    const g = process.hrtime.bigint();
    await generate(db, n);
    const size = statSync(db).size;
    console.log(
      `  generated ${n.toLocaleString('en')} events, ${(size / 2 ** 20).toFixed(0)} MiB, in ${(Number(process.hrtime.bigint() - g) / 1e9).toFixed(0)} s`,
    );
    for (const [what, args] of [
      ['roster verify', ['--db', db, 'verify']],
      ['roster export -o', ['--db', db, 'export', '-o', path.join(dir, 'export.json')]],
    ] as const) {
      const r = measured([...args]);
      console.log(`  ${what}: ${r.seconds.toFixed(1)} s, peak RSS ${r.peakMiB.toFixed(0)} MiB, exit ${r.exit}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
