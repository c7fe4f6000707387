/**
 * Issue 14's table, regenerated rather than typed: whole-process `roster headcount` (answered from the
 * kept replay), `check` with the kept replay cold, `record` of one event (the kept replay present) and
 * `verify`, each with its peak memory, on the seed and on generated logs of both shapes
 * (bench/_shapes.ts); the floors of each log (bench/_floors.ts) and each command's ratio to them; the
 * growth exponent of each command between sizes, log(t₂/t₁) / log(n₂/n₁) (1 linear, 2 quadratic);
 * and the issue's targets held against the largest log. Times are the median of 5 runs on the seed,
 * 3 below 500,000 events, 1 from there; CPU time (user + system, GNU time) beside the wall time, as
 * other processes on a shared machine stretch the wall time far more than a process's own CPU time.
 *
 * ROSTER_BENCH_SIZES=seed,5000,50000,100000 (the default) picks the logs; the issue's targets are
 * for 1,000,000 events (`ROSTER_BENCH_SIZES=seed,5000,50000,100000,1000000`, some minutes a shape).
 * ROSTER_BENCH_SHAPES=A,B picks the shapes, ROSTER_BENCH_COMMANDS=headcount,check,record,verify the
 * commands. `node dist/bench/scale.js` runs it alone.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EventInput, RosterEvent } from '../src/domain/events.js';
import { CLI_BIN, EMBEDDED_DATA } from '../src/paths.js';
import { chainRecords } from '../src/store/chain.js';
import { FileRecordStream } from '../src/store/file-store.js';
import type { StoredRecord } from '../src/store/record-store.js';
import { FLOOR_NAMES, type Floors, floorsOf } from './_floors.js';
import { shapeA, shapeB } from './_shapes.js';

const SIZES = (process.env.ROSTER_BENCH_SIZES ?? 'seed,5000,50000,100000').split(',');
const SHAPES = (process.env.ROSTER_BENCH_SHAPES ?? 'A,B').split(',');
const COMMANDS = ['headcount', 'check', 'record', 'verify'] as const;
type Command = (typeof COMMANDS)[number];
const CHOSEN = (process.env.ROSTER_BENCH_COMMANDS ?? COMMANDS.join(',')).split(',') as Command[];
const GENERATORS: Record<string, { name: string; generate: (n: number) => EventInput[] }> = {
  A: { name: 'A (a long-lived congress of 500 deputies)', generate: shapeA },
  B: { name: 'B (a very large congress: 27.6% of the events in deputies, loaded at once)', generate: shapeB },
};

const HEADINGS: Record<Command, string> = {
  headcount: '`headcount` (kept replay)',
  check: '`check` (cache cold)',
  record: '`record` one event',
  verify: '`verify`',
};

/** Issue 14's targets, in seconds: on the 1,000,000-event log, and on the seed. */
const TARGETS: Record<Command, number> = { record: 0.15, headcount: 0.3, verify: 3, check: 10 };
const SEED_TARGET = 0.2;
const MEMORY_TARGET_MIB = 1024;

/** Write a generated log as a data file, as `roster import` would. */
export async function writeLog(inputs: readonly EventInput[], file: string): Promise<void> {
  const events = inputs.map((e, i) => ({ ...e, seq: i + 1, recordedAt: '2026-01-01T00:00:00Z', recordedBy: 'bench' }) as RosterEvent);
  await new FileRecordStream(file).importRecords(chainRecords(events));
}

/** The embedded seed written as a log, as a working copy is after its first append. */
async function seedLog(dir: string, file: string): Promise<number> {
  const doc = path.join(dir, 'seed-document.json');
  copyFileSync(EMBEDDED_DATA, doc);
  const records: StoredRecord[] = [];
  for await (const r of (await new FileRecordStream(doc).snapshot()).records()) records.push(r);
  await new FileRecordStream(file).importRecords(records);
  return records.length;
}

export interface Run {
  /** Wall-clock seconds. */
  readonly seconds: number;
  /** CPU seconds (user + system): what the process itself cost, even on a machine others are loading. */
  readonly cpu: number;
  /** Peak resident memory. */
  readonly mib: number;
}

/** One whole-process run of `roster …`, measured by GNU time; what it prints is not kept (a large check prints megabytes). */
export function measure(args: readonly string[], exitCodes: readonly number[] = [0]): Run {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, CLI_BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ROSTER_USER: 'bench' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (!exitCodes.includes(r.status ?? -1)) throw new Error(`roster ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const [seconds, user, system, kib] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { seconds: seconds!, cpu: user! + system!, mib: kib! / 1024 };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const exponent = (n1: number, t1: number, n2: number, t2: number) => Math.log(t2 / t1) / Math.log(n2 / n1);

interface Row {
  readonly label: string;
  readonly events: number;
  readonly generated: boolean;
  readonly mib: number;
  readonly runs: number;
  readonly commands: Partial<Record<Command, Run>>;
  readonly floors: Floors;
}

/** The median of `runs` runs (wall and CPU each), with the peak memory of them all. */
function timed(runs: number, run: (i: number) => Run): Run {
  const samples = Array.from({ length: runs }, (_, i) => run(i));
  return {
    seconds: median(samples.map((s) => s.seconds)),
    cpu: median(samples.map((s) => s.cpu)),
    mib: Math.max(...samples.map((s) => s.mib)),
  };
}

/** Every chosen command on one log, in an order that leaves each its conditions: verify, check cold, headcount kept, record last (it appends). */
function measureLog(dir: string, file: string, runs: number): Partial<Record<Command, Run>> {
  const kept = `${file}.cache`;
  const forget = () => rmSync(kept, { recursive: true, force: true });
  // The kept replay, made (untimed) where no command before made it.
  const keep = () => {
    if (!existsSync(kept)) measure(['--db', file, '--json', 'headcount']);
  };
  const results: Partial<Record<Command, Run>> = {};
  if (CHOSEN.includes('verify')) results.verify = timed(runs, () => measure(['--db', file, '--json', 'verify']));
  if (CHOSEN.includes('check')) {
    results.check = timed(runs, () => {
      forget();
      return measure(['--db', file, '--json', 'check'], [0, 1]);
    });
  }
  if (CHOSEN.includes('headcount')) {
    keep();
    results.headcount = timed(runs, () => measure(['--db', file, '--json', 'headcount']));
  }
  if (CHOSEN.includes('record')) {
    keep();
    results.record = timed(runs, (i) => {
      const event = path.join(dir, `event-${i}.json`);
      writeFileSync(
        event,
        JSON.stringify({ type: 'PersonRegistered', source: { title: '基准测试文件' }, personId: `bench-${i}`, name: `基准${i}` }),
      );
      return measure(['--db', file, '--json', 'record', event]);
    });
  }
  return results;
}

const runsFor = (events: number, seed: boolean) => (seed ? 5 : events >= 500_000 ? 1 : 3);

async function rowOf(dir: string, size: string, shape: string): Promise<Row> {
  const seed = size === 'seed';
  const file = path.join(dir, `${seed ? 'seed' : `${shape}-${size}`}.json`);
  const events = seed ? await seedLog(dir, file) : Number(size);
  if (!seed) await writeLog(GENERATORS[shape]!.generate(events), file);
  const mib = statSync(file).size / 2 ** 20;
  // The floors first, on the log as generated (before any recording appends to it).
  const floors = await floorsOf(file);
  const runs = runsFor(events, seed);
  const commands = measureLog(dir, file, runs);
  for (const f of [file, `${file}.head.json`, `${file}.lock`]) rmSync(f, { force: true });
  rmSync(`${file}.cache`, { recursive: true, force: true });
  return { label: seed ? `seed (${events})` : events.toLocaleString('en'), events, generated: !seed, mib, runs, commands, floors };
}

const s = (x: number) =>
  x >= 100 ? `${x.toFixed(0)} s` : x >= 10 ? `${x.toFixed(1)} s` : x >= 1 ? `${x.toFixed(2)} s` : `${(x * 1000).toFixed(0)} ms`;
const ratio = (x: number, floor: number) => (floor > 0 ? `×${(x / floor).toFixed(x / floor >= 10 ? 0 : 1)}` : '—');

/** A Markdown table, a blank line before it so that it follows its caption as its own block. */
function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return ['', `| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function report(shape: string, rows: readonly Row[]): void {
  const commands = COMMANDS.filter((c) => CHOSEN.includes(c));
  console.log(`\nShape ${GENERATORS[shape]!.name}: whole process, wall median (CPU median); peak resident memory`);
  console.log(
    table(
      ['events', 'log', ...commands.map((c) => HEADINGS[c]), 'peak memory (MiB), same order'],
      rows.map((r) => [
        r.label,
        `${r.mib.toFixed(1)} MiB`,
        ...commands.map((c) => (r.commands[c] ? `${s(r.commands[c].seconds)} (${s(r.commands[c].cpu)})` : '')),
        commands.map((c) => (r.commands[c] ? r.commands[c].mib.toFixed(0) : '—')).join(' / '),
      ]),
    ),
  );

  const floorKeys = Object.keys(FLOOR_NAMES) as (keyof Floors)[];
  console.log(
    `\nShape ${shape}: the floors of each log (CPU time, the least of 3 runs) and each command's CPU time as a multiple of them, in the same order`,
  );
  console.log(
    table(
      ['events', ...floorKeys.map((k) => FLOOR_NAMES[k]), ...commands.map((c) => `${HEADINGS[c]} ÷ floors`)],
      rows.map((r) => [
        r.label,
        ...floorKeys.map((k) => s(r.floors[k].cpu)),
        ...commands.map((c) => (r.commands[c] ? floorKeys.map((k) => ratio(r.commands[c]!.cpu, r.floors[k].cpu)).join(' ') : '')),
      ]),
    ),
  );

  const generated = rows.filter((r) => r.generated);
  if (generated.length > 1) {
    const pairs: [Row, Row][] = generated.slice(1).map((r, i) => [generated[i]!, r]);
    if (generated.length > 2) pairs.push([generated[0]!, generated.at(-1)!]);
    console.log(`\nShape ${shape}: growth exponent of each command's CPU time between sizes (1 is linear; the issue asks ≤ 1.1)`);
    console.log(
      table(
        ['from → to', ...commands.map((c) => HEADINGS[c])],
        pairs.map(([a, b]) => [
          `${a.label} → ${b.label}`,
          ...commands.map((c) =>
            a.commands[c] && b.commands[c] ? exponent(a.events, a.commands[c].cpu, b.events, b.commands[c].cpu).toFixed(2) : '',
          ),
        ]),
      ),
    );
  }

  const largest = generated.at(-1);
  const seed = rows.find((r) => !r.generated);
  const verdict = (x: Run, limit: number) =>
    x.seconds <= limit && x.cpu <= limit ? 'met' : x.seconds > limit && x.cpu > limit ? 'not met' : 'met by one of wall and CPU';
  const targets: string[][] = [];
  if (largest) {
    for (const c of commands) {
      const r = largest.commands[c];
      if (r)
        targets.push([
          `${HEADINGS[c]} at ${largest.label} events under ${s(TARGETS[c])}`,
          `${s(r.seconds)} (${s(r.cpu)})`,
          verdict(r, TARGETS[c]),
        ]);
    }
    const peak = Math.max(...commands.map((c) => largest.commands[c]?.mib ?? 0));
    targets.push([
      `peak memory at ${largest.label} events under 1 GiB`,
      `${peak.toFixed(0)} MiB`,
      peak <= MEMORY_TARGET_MIB ? 'met' : 'not met',
    ]);
  }
  if (seed) {
    for (const c of commands) {
      const r = seed.commands[c];
      if (r) targets.push([`${HEADINGS[c]} on the seed under ${s(SEED_TARGET)}`, `${s(r.seconds)} (${s(r.cpu)})`, verdict(r, SEED_TARGET)]);
    }
  }
  if (targets.length > 0) {
    console.log(`\nShape ${shape}: issue 14's targets (set for 1,000,000 events), held against the largest log measured: wall (CPU)`);
    console.log(table(['target', 'measured', ''], targets));
  }
}

export default async function scaleBench(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'roster-scale-'));
  try {
    let seed: Row | undefined;
    for (const shape of SHAPES) {
      if (!GENERATORS[shape]) throw new Error(`ROSTER_BENCH_SHAPES: no shape ${shape} (A or B)`);
      const rows: Row[] = [];
      for (const size of SIZES) {
        if (size === 'seed') {
          seed ??= await rowOf(dir, size, shape);
          rows.push(seed);
        } else rows.push(await rowOf(dir, size, shape));
      }
      report(shape, rows);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await scaleBench();
