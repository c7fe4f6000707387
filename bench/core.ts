/**
 * Core benchmark (issue 2): whole-process time of `roster headcount` and `roster check` on the
 * embedded data, of every command a clerk runs on it (issue 14: each under 200 ms, wall and CPU),
 * and the cost of evaluating the rules per event on a synthetic log.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RosterEvent } from '../src/domain/events.js';
import { derive } from '../src/engine/derive.js';
import { createEvaluator } from '../src/engine/evaluator.js';
import { loadRuleBook } from '../src/engine/rule-book.js';
import { CLI_BIN, DEFAULT_RULES_DIR, EMBEDDED_DATA } from '../src/paths.js';

const CLI = CLI_BIN;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeProcess(args: string[], runs: number): { median: number; max: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
    times.push(performance.now() - t);
    if (r.status !== 0 && !(args.includes('check') && r.status === 1)) throw new Error(`roster ${args.join(' ')} failed: ${r.stderr}`);
  }
  return { median: median(times), max: Math.max(...times) };
}

/** GNU time, where the machine has it: the CPU a process used, steadier than its wall time on a shared machine. */
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Median wall and CPU (user + system) time of a command, whole process; `args(i)` gives the i-th run's arguments. */
function timeCommand(args: (i: number) => string[], runs: number, env: NodeJS.ProcessEnv): string {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const command = [process.execPath, CLI, ...args(i)];
    const t = performance.now();
    const r = GNU_TIME
      ? spawnSync(GNU_TIME, ['-f', '%U %S', ...command], { encoding: 'utf8', env, stdio: ['ignore', 'ignore', 'pipe'] })
      : spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', env, stdio: ['ignore', 'ignore', 'pipe'] });
    wall.push(performance.now() - t);
    if (r.status !== 0 && r.status !== 1) throw new Error(`roster ${args(i).join(' ')} failed: ${r.stderr}`);
    const m = /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(r.stderr ?? '');
    if (m) cpu.push((Number(m[1]) + Number(m[2])) * 1000);
  }
  return `${median(wall).toFixed(0)} ms${cpu.length === runs ? ` (CPU ${median(cpu).toFixed(0)} ms)` : ''}`;
}

/** Every command a clerk runs on the seed, whole process, median of `runs` (the first run keeps the replay and is not counted). */
export function seedCommands(runs = 7): Record<string, string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'roster-bench-'));
  const db = path.join(dir, 'roster.json');
  copyFileSync(EMBEDDED_DATA, db);
  const env = { ...process.env, ROSTER_USER: 'bench', ROSTER_CACHE_DIR: path.join(dir, 'cache') };
  spawnSync(process.execPath, [CLI, '--db', db, 'check'], { env, stdio: 'ignore' });
  const one = (i: number) => {
    const file = path.join(dir, `one-${i}.json`);
    writeFileSync(
      file,
      JSON.stringify({ type: 'PersonRegistered', source: { title: '基准测试文件' }, personId: `bench-${i}`, name: `基准${i}` }),
    );
    return ['record', file];
  };
  const commands: Record<string, (i: number) => string[]> = {
    'headcount --session 19': () => ['headcount', '--session', '19'],
    check: () => ['check'],
    'record (one event)': one,
    verify: () => ['verify'],
    log: () => ['log'],
    'members hlq (find by pinyin)': () => ['members', 'hlq'],
    'explain 黄利琴': () => ['explain', '黄利琴'],
    'members --session 19': () => ['members', '--session', '19'],
    ...Object.fromEntries(
      ['report', 'explanation', 'notice', 'decisions', 'appointments', 'oaths'].map((kind) => [
        `doc ${kind}`,
        () => ['doc', kind, '--session', '19'],
      ]),
    ),
    export: () => ['export'],
    rules: () => ['rules'],
    'diff --from 15 --to 19': () => ['diff', '--from', '15', '--to', '19'],
    'history 黄利琴': () => ['history', '黄利琴'],
  };
  return Object.fromEntries(
    Object.entries(commands).map(([name, args]) => [`roster ${name}`, timeCommand((i) => ['--db', db, ...args(i)], runs, env)]),
  );
}

/** A synthetic log: one congress, `deputies` named deputies, and a stream of events over them. */
export function syntheticLog(deputies: number, extraEvents: number): RosterEvent[] {
  const events: Record<string, unknown>[] = [];
  const add = (e: Record<string, unknown>) =>
    events.push({
      ...e,
      seq: events.length + 1,
      recordedAt: '2026-01-01T00:00:00Z',
      recordedBy: 'bench',
      source: { title: 'bench', date: e.date ?? '2010-01-01' },
    });
  const units = Array.from({ length: 10 }, (_, i) => ({ name: `单位${i + 1}` }));
  add({
    type: 'CongressConstituted',
    congress: {
      name: '基准测试人民代表大会',
      shortName: '基准人大',
      termNumber: 1,
      level: 'municipal',
      region: '基准市',
      term: {},
      quota: deputies + 50,
      electingUnits: units,
    },
  });
  add({ type: 'SessionHeld', session: 1, date: '2010-01-10', agenda: [] });
  for (let i = 0; i < deputies; i++) add({ type: 'PersonRegistered', personId: `d${i}`, name: `代表${i}` });
  add({
    type: 'OpeningBalanceStated',
    session: 1,
    date: '2010-01-10',
    count: deputies,
    members: Array.from({ length: deputies }, (_, i) => ({ personId: `d${i}`, electingUnit: units[i % 10]!.name })),
  });
  for (let k = 0; k < extraEvents; k++) {
    const day = `20${String(10 + Math.floor(k / (extraEvents / 15 + 1))).padStart(2, '0')}-0${1 + (k % 9)}-1${k % 10}`;
    const who = `d${k % deputies}`;
    add(
      k % 3 === 0
        ? { type: 'DeputySuspended', personId: who, date: day, ground: 'criminal-custody' }
        : k % 3 === 1
          ? { type: 'SuspensionEnded', personId: who, date: day }
          : { type: 'AbsentWithoutLeave', personId: who, date: day, congressSession: k },
    );
  }
  return events as unknown as RosterEvent[];
}

export async function benchCore(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'roster-bench-'));
  const db = path.join(dir, 'roster.json');
  copyFileSync(EMBEDDED_DATA, db);
  const runs = 15;
  const version = timeProcess(['--version'], 5);
  const headcount = timeProcess(['--db', db, 'headcount', '--session', '19'], runs);
  const check = timeProcess(['--db', db, 'check'], runs);
  const nodeStart = (() => {
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      spawnSync(process.execPath, ['-e', ''], { encoding: 'utf8' });
      times.push(performance.now() - t);
    }
    return median(times);
  })();

  const evaluator = createEvaluator(loadRuleBook(DEFAULT_RULES_DIR));
  const log = syntheticLog(500, 6000);
  await derive(log.slice(0, 600), evaluator); // warm up
  const t = performance.now();
  const d = await derive(log, evaluator);
  const elapsed = performance.now() - t;
  const ruled = d.findings.length + d.unruled.length;
  return {
    'node start-up (ms, median)': +nodeStart.toFixed(1),
    'roster --version (ms, median)': +version.median.toFixed(1),
    'roster headcount --session 19 (ms, median / max)': `${headcount.median.toFixed(1)} / ${headcount.max.toFixed(1)}`,
    'roster check (ms, median / max)': `${check.median.toFixed(1)} / ${check.max.toFixed(1)}`,
    'synthetic log (events)': log.length,
    'derive whole log (ms)': +elapsed.toFixed(1),
    'rules evaluated per event (µs)': +((elapsed * 1000) / ruled).toFixed(1),
  };
}

/** Run by `npm run bench` (bench/run.ts). */
export default async function run(): Promise<void> {
  console.table(await benchCore());
  console.log('Every seed command, whole process, median wall (CPU) of 7 (issue 14: each under 200 ms):');
  console.table(seedCommands());
}
