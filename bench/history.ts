/**
 * The history store (issue 5): the cost of one append, of recording through the rules, of
 * verifying the chain, and the file's growth, on the seed and on a congress-sized synthetic log.
 */

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../src/app/clock.js';
import { readRecord } from '../src/app/read-record.js';
import { RosterApp } from '../src/app/roster-app.js';
import { check } from '../src/checks/consistency.js';
import type { EventInput, RosterEvent } from '../src/domain/events.js';
import { derive } from '../src/engine/derive.js';
import { createEvaluator } from '../src/engine/evaluator.js';
import { loadRuleBook } from '../src/engine/rule-book.js';
import { CLI_BIN, DEFAULT_RULES_DIR, EMBEDDED_DATA } from '../src/paths.js';
import { chainRecords, verifyChain } from '../src/store/chain.js';
import { FileRecordStream } from '../src/store/file-store.js';
import { chained, stamp } from '../src/store/stored-records.js';
import { syntheticCongress } from './_synthetic.js';

const CLI = CLI_BIN;
const evaluator = createEvaluator(loadRuleBook(DEFAULT_RULES_DIR));

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${s[s.length - 1]!.toFixed(1)} ms (n=${s.length})`;
}

async function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = process.hrtime.bigint();
  const r = await f();
  return [Number(process.hrtime.bigint() - t) / 1e6, r];
}

const person = (id: string): EventInput => ({ type: 'PersonRegistered', source: { title: '基准测试文件' }, personId: id, name: id });

/** Time store appends of one event each; report per-append time and bytes added per event. */
/** Time store appends of one event each; report per-append time and bytes added per event. */
async function appends(db: string, n: number): Promise<void> {
  const store = new FileRecordStream(db);
  let head = await store.head();
  const before = statSync(db).size;
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const records = chained(stamp([person(`bench-${i}`)], { recordedBy: 'bench', recordedAt: new Date().toISOString() }, head.seq), head);
    const [ms, next] = await time(() => store.append(records, head));
    samples.push(ms);
    head = next;
  }
  const growth = (statSync(db).size - before) / n;
  console.log(`  append one event (lock, fsync, commit head): ${stats(samples)}`);
  console.log(
    `  file growth: ${growth.toFixed(0)} bytes per event; log ${(statSync(db).size / 1024).toFixed(0)} KiB, head ${statSync(`${db}.head.json`).size} bytes`,
  );
}

async function recordThroughRules(db: string, n: number): Promise<void> {
  const app = new RosterApp({ stream: new FileRecordStream(db), evaluator, clock: systemClock });
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const [ms] = await time(() => app.record({ events: [person(`rec-${i}`)], recordedBy: 'bench' }));
    samples.push(ms);
  }
  console.log(`  roster record use case (read, derive through the rules, check, append): ${stats(samples)}`);
}

function wholeProcess(args: string[], n: number): string {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    try {
      execFileSync(process.execPath, [CLI, ...args], { stdio: 'ignore' });
    } catch {
      // `check` exits 1 when it finds errors; the time is what is measured here.
    }
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return stats(samples);
}

export default async function historyBench(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'roster-bench-'));

  const seed = path.join(dir, 'seed.json');
  copyFileSync(EMBEDDED_DATA, seed);
  const seedStore = new FileRecordStream(seed);
  const seedHead = await seedStore.head();
  console.log(`Seed (16th Ningbo congress, ${seedHead.seq} events):`);
  const first = chained(stamp([person('first')], { recordedBy: 'bench', recordedAt: new Date().toISOString() }, seedHead.seq), seedHead);
  const [convert] = await time(() => seedStore.append(first, seedHead));
  console.log(`  first append (turns the version 1 document into a log): ${convert.toFixed(1)} ms`);
  await appends(seed, 50);
  await recordThroughRules(seed, 10);
  console.log(`  whole process roster verify: ${wholeProcess(['--db', seed, 'verify'], 5)}`);

  const inputs = syntheticCongress();
  const events = inputs.map((e, i) => ({ ...e, seq: i + 1, recordedAt: '2026-01-01T00:00:00Z', recordedBy: 'bench' }) as RosterEvent);
  const big = path.join(dir, 'congress.json');
  await new FileRecordStream(big).importRecords(chainRecords(events));
  console.log(
    `\nSynthetic congress (500 deputies, 20 years: ${events.length} events, ${(statSync(big).size / 1024 / 1024).toFixed(1)} MiB):`,
  );
  await appends(big, 50);
  const bigApp = new RosterApp({ stream: new FileRecordStream(big), evaluator, clock: systemClock });
  const [verifyMs, report] = await time(() => bigApp.verify());
  console.log(`  verify the whole chain in process: ${verifyMs.toFixed(0)} ms (${report.ok ? 'ok' : 'BROKEN'})`);
  const [readMs, { events: recorded }] = await time(() => readRecord(new FileRecordStream(big)));
  const [deriveMs, d] = await time(() => derive(recorded, evaluator));
  const [checkMs, findings] = await time(() => check(d, evaluator));
  console.log(
    `  read and validate the log: ${readMs.toFixed(0)} ms; derive through the rules: ${deriveMs.toFixed(0)} ms; checks: ${checkMs.toFixed(0)} ms (${findings.filter((f) => f.level === 'error').length} errors)`,
  );
  const [hashMs] = await time(async () => verifyChain(chainRecords(events)));
  console.log(`  hashing alone (chain and verify, ${events.length} events): ${hashMs.toFixed(0)} ms`);
  await recordThroughRules(big, 3);
  console.log(`  whole process roster check: ${wholeProcess(['--db', big, 'check'], 3)}`);
  console.log(`  whole process roster verify: ${wholeProcess(['--db', big, 'verify'], 3)}`);
}
