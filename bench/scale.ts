/**
 * Growth (issue 14): whole-process `roster headcount` and `roster check` on generated logs of both shapes
 * (bench/_shapes.ts) at 5,000, 50,000 and 100,000 events, and the growth exponent between sizes:
 * log(t₂/t₁) / log(n₂/n₁), 1 for linear, 2 for quadratic, computed on CPU time (user + system),
 * which other processes on the machine disturb far less than wall time. `ROSTER_BENCH_SIZES=5000,50000,1000000`
 * chooses other sizes; `node dist/bench/scale.js` runs it alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EventInput, RosterEvent } from '../src/domain/events.js';
import { CLI_BIN } from '../src/paths.js';
import { chainRecords } from '../src/store/chain.js';
import { FileRecordStream } from '../src/store/file-store.js';
import { shapeA, shapeB } from './_shapes.js';

const SIZES = (process.env.ROSTER_BENCH_SIZES ?? '5000,50000,100000').split(',').map(Number);
/** `ROSTER_BENCH_COMMANDS=headcount` measures only some commands (`check` exits 1 when it finds errors: measured all the same). */
const COMMANDS = (process.env.ROSTER_BENCH_COMMANDS ?? 'headcount,check').split(',');
const SHAPES: Record<string, (n: number) => EventInput[]> = { 'A (long-lived congress)': shapeA, 'B (very large congress)': shapeB };

/** Write a generated log as a data file, as `roster import` would. */
export async function writeLog(inputs: readonly EventInput[], file: string): Promise<void> {
  const events = inputs.map((e, i) => ({ ...e, seq: i + 1, recordedAt: '2026-01-01T00:00:00Z', recordedBy: 'bench' }) as RosterEvent);
  await new FileRecordStream(file).importRecords(chainRecords(events));
}

export interface Run {
  /** Wall-clock seconds. */
  readonly seconds: number;
  /** CPU seconds (user + system): what the process itself cost, even on a machine others are loading. */
  readonly cpu: number;
  /** Peak resident memory. */
  readonly mib: number;
}

/** One whole-process run, measured by /usr/bin/time. */
export function measure(args: readonly string[], extraNodeArgs: readonly string[] = [], exitCodes: readonly number[] = [0]): Run {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, ...extraNodeArgs, CLI_BIN, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (!exitCodes.includes(r.status ?? -1)) throw new Error(`roster ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const [seconds, user, system, kib] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { seconds: seconds!, cpu: user! + system!, mib: kib! / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const exponent = (n1: number, t1: number, n2: number, t2: number) => Math.log(t2 / t1) / Math.log(n2 / n1);

export default async function scaleBench(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'roster-scale-'));
  try {
    for (const [shape, generate] of Object.entries(SHAPES)) {
      const rows = new Map<string, (Run & { events: number; size: string })[]>(COMMANDS.map((c) => [c, []]));
      for (const n of SIZES) {
        const file = path.join(dir, `${shape[0]}-${n}.json`);
        await writeLog(generate(n), file);
        const runs = n >= 500_000 ? 1 : 3;
        for (const command of COMMANDS) {
          const samples = Array.from({ length: runs }, () =>
            measure(['--db', file, '--json', command], [], command === 'check' ? [0, 1] : [0]),
          );
          rows.get(command)!.push({
            events: n,
            seconds: median(samples.map((s) => s.seconds)),
            cpu: median(samples.map((s) => s.cpu)),
            mib: Math.max(...samples.map((s) => s.mib)),
            size: `${(statSync(file).size / 2 ** 20).toFixed(1)} MiB`,
          });
        }
        rmSync(file, { force: true });
      }
      for (const [command, table] of rows) {
        console.log(`\nShape ${shape}: whole-process roster ${command} --json (median of 3; 1 run from 500,000 events)`);
        report(table);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(rows: readonly (Run & { events: number; size: string })[]): void {
  console.table(
    rows.map((r, i) => {
      const prev = rows[i - 1];
      return {
        events: r.events,
        'log file': r.size,
        'wall (s)': r.seconds,
        'CPU (s)': +r.cpu.toFixed(2),
        'CPU µs per event': +((r.cpu * 1e6) / r.events).toFixed(1),
        'peak memory (MiB)': +r.mib.toFixed(0),
        'growth exponent (CPU)': prev ? +exponent(prev.events, prev.cpu, r.events, r.cpu).toFixed(2) : '',
      };
    }),
  );
  const first = rows[0]!;
  const last = rows.at(-1)!;
  if (rows.length > 1) {
    console.log(
      `  growth exponent ${first.events} → ${last.events}: ${exponent(first.events, first.cpu, last.events, last.cpu).toFixed(2)} (CPU time), ${exponent(first.events, first.seconds, last.events, last.seconds).toFixed(2)} (wall)`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await scaleBench();
