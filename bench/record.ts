/**
 * Recording and checking as a clerk runs them, whole process: `roster record` of one event,
 * `roster check` and `roster headcount`, on the seed (109 events), the synthetic 20-year congress
 * (5,102 events) and a synthetic 100,000-event congress. Each log is written as a version 2 log
 * first, as a working file is after its first append. This build keeps the record's replay beside
 * it (FILE.cache/): the first command replays the record and keeps it, the next ones answer from it,
 * and a recording continues it. BENCH_SIZES=seed,20y,100k picks logs; BENCH_LARGE_RUNS sets the
 * runs on the large one, BENCH_BEFORE_RUNS caps those of an earlier build.
 */
import { type SpawnSyncOptionsWithStringEncoding, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RosterEvent } from '../src/domain/events.js';
import { CLI_BIN, EMBEDDED_DATA } from '../src/paths.js';
import { chainRecords } from '../src/store/chain.js';
import { FileRecordStream } from '../src/store/file-store.js';
import { LARGE_CONGRESS, syntheticCongress } from './_synthetic.js';

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const fmt = (ms: number) =>
    ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
  return s.length === 1 ? fmt(s[0]!) : `median ${fmt(s[Math.floor(s.length / 2)]!)}, max ${fmt(s[s.length - 1]!)} (n=${s.length})`;
}

/** GNU time, where the machine has it: the CPU a process used, which the other processes on the machine disturb less than its wall time. */
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Whole-process time of a command of the CLI `bin`, `n` times: wall time, and CPU time (user + system) where it can be read. */
function timed(bin: string, args: (i: number) => string[], n: number): string {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const command = [process.execPath, bin, ...args(i)];
    const t = process.hrtime.bigint();
    // Standard output is not kept (a check of 100,000 events prints megabytes); standard error carries GNU time's figures.
    const options: SpawnSyncOptionsWithStringEncoding = {
      encoding: 'utf8',
      env: { ...process.env, ROSTER_USER: 'bench' },
      stdio: ['ignore', 'ignore', 'pipe'],
    };
    const r = GNU_TIME ? spawnSync(GNU_TIME, ['-f', '%U %S', ...command], options) : spawnSync(command[0]!, command.slice(1), options);
    wall.push(Number(process.hrtime.bigint() - t) / 1e6);
    // `check` exits 1 when it finds errors; the time is what is measured here.
    const last = (r.stderr ?? '').trim().split('\n').at(-1) ?? '';
    const m = /^(\d+\.\d+) (\d+\.\d+)$/.exec(last);
    if (GNU_TIME && m) cpu.push((Number(m[1]) + Number(m[2])) * 1000);
  }
  return `${stats(wall)}${cpu.length === n ? `; CPU ${stats(cpu)}` : ''}`;
}

/**
 * The CLIs to time: this build, and with BENCH_BEFORE=path/to/roster.js an earlier build too (its own
 * package folder, rules and all), on its own copy of each log, so both are measured under the same load.
 */
function builds(): { label: string; bin: string }[] {
  const before = process.env.BENCH_BEFORE;
  return [...(before ? [{ label: 'before', bin: before }] : []), { label: before ? 'after' : 'this build', bin: CLI_BIN }];
}

async function logOf(dir: string, name: string, events: readonly RosterEvent[]): Promise<string> {
  const db = path.join(dir, `${name}.json`);
  await new FileRecordStream(db).importRecords(chainRecords(events));
  return db;
}

function stamped(inputs: ReturnType<typeof syntheticCongress>): RosterEvent[] {
  return inputs.map((e, i) => ({ ...e, seq: i + 1, recordedAt: '2026-01-01T00:00:00Z', recordedBy: 'bench' }) as RosterEvent);
}

/** `runs`: how often each command is timed on this log. */
function measure(dir: string, label: string, db: string, runs: number): void {
  for (const build of builds()) {
    const copy = path.join(dir, `${label}-${build.label.replace(/\s/g, '-')}.json`);
    copyFileSync(db, copy);
    for (const suffix of ['.head.json']) if (existsSync(db + suffix)) copyFileSync(db + suffix, copy + suffix);
    let n = 0;
    const one = () => {
      const file = path.join(dir, `one-${label}-${n}.json`);
      writeFileSync(
        file,
        JSON.stringify({ type: 'PersonRegistered', source: { title: '基准测试文件' }, personId: `bench-${n}`, name: `基准${n}` }),
      );
      n++;
      return ['--db', copy, 'record', file];
    };
    const kept = `${copy}.cache`;
    const forget = () => rmSync(kept, { recursive: true, force: true });
    const times = build.label === 'before' ? Math.min(runs, Number(process.env.BENCH_BEFORE_RUNS ?? runs)) : runs;
    console.log(`  ${build.label}:`);
    if (build.label !== 'before') {
      // The first command replays the record and keeps the replay beside it; the others answer from it.
      console.log(`    first roster check (replays the record, keeps the replay): ${timed(build.bin, () => ['--db', copy, 'check'], 1)}`);
    }
    console.log(`    roster record (one event): ${timed(build.bin, one, times)}`);
    console.log(`    roster check: ${timed(build.bin, () => ['--db', copy, 'check'], times)}`);
    console.log(`    roster headcount: ${timed(build.bin, () => ['--db', copy, 'headcount'], times)}`);
    if (build.label !== 'before') {
      const cold = timed(
        build.bin,
        () => {
          forget();
          return one();
        },
        1,
      );
      console.log(`    roster record with no replay kept (replays the record): ${cold}`);
    }
  }
}

export default async function recordBench(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'roster-bench-'));
  try {
    const only = process.env.BENCH_SIZES?.split(',');
    const wanted = (size: string) => only === undefined || only.includes(size);
    if (wanted('seed')) {
      const seed = path.join(dir, 'seed.json');
      copyFileSync(EMBEDDED_DATA, seed);
      console.log('Seed (109 events):');
      measure(dir, 'seed', seed, 10);
    }
    if (wanted('20y')) {
      const events = stamped(syntheticCongress());
      console.log(`Synthetic 20-year congress (${events.length} events):`);
      measure(dir, '20y', await logOf(dir, '20y', events), 5);
    }
    if (wanted('100k')) {
      const events = stamped(syntheticCongress(...LARGE_CONGRESS));
      console.log(`Synthetic large congress (${events.length} events):`);
      measure(dir, '100k', await logOf(dir, '100k', events), Number(process.env.BENCH_LARGE_RUNS ?? 3));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
