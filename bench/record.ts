/**
 * Recording and checking as a clerk runs them, whole process: `roster record` of one event,
 * `roster check` and `roster headcount`, on the seed (109 events), the synthetic 20-year congress
 * (5,102 events) and a synthetic 100,000-event congress. Each log is written as a version 2 log
 * first, as a working file is after its first append.
 */
import { execFileSync } from 'node:child_process';
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

/** Whole-process time of a command of the CLI `bin`, `n` times. */
function timed(bin: string, args: (i: number) => string[], n: number): string {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    try {
      execFileSync(process.execPath, [bin, ...args(i)], { stdio: 'ignore', env: { ...process.env, ROSTER_USER: 'bench' } });
    } catch {
      // `check` exits 1 when it finds errors; the time is what is measured here.
    }
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return stats(samples);
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
    const one = (i: number) => {
      const file = path.join(dir, `one-${label}-${i}.json`);
      writeFileSync(
        file,
        JSON.stringify({ type: 'PersonRegistered', source: { title: '基准测试文件' }, personId: `bench-${i}`, name: `基准${i}` }),
      );
      return ['--db', copy, 'record', file];
    };
    console.log(`  ${build.label}:`);
    console.log(`    roster record (one event): ${timed(build.bin, one, runs)}`);
    console.log(`    roster check: ${timed(build.bin, () => ['--db', copy, 'check'], runs)}`);
    console.log(`    roster headcount: ${timed(build.bin, () => ['--db', copy, 'headcount'], runs)}`);
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
