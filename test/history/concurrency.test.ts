import { spawn } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { fixedClock } from '../../src/app/clock.js';
import { RosterApp } from '../../src/app/roster-app.js';
import { isDomainError } from '../../src/domain/errors.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { FileRecordStream } from '../../src/store/file-store.js';
import { CLI, roster, seedWorkspace } from '../support/cli.js';
import { cliEnv, RULES_DIR, SEED_EVENTS } from '../support/scenario.js';
import { eventsIn } from '../support/stores.js';

const WORKER = inject('appendWorker');

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: cliEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('several processes appending to the same data file at the same moment', () => {
  it('every acknowledged event is in the log exactly once, in one unbroken chain', async () => {
    const s = seedWorkspace();
    const workers = ['w1', 'w2', 'w3', 'w4'];
    const perWorker = 12;
    const results = await Promise.all(workers.map((w) => run([WORKER, s.db, w, String(perWorker)])));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const acked = results.flatMap((r) =>
      r.stdout
        .split('\n')
        .filter((l) => l.startsWith('ack '))
        .map((l) => l.slice(4)),
    );
    expect(acked).toHaveLength(workers.length * perWorker);

    const events = await eventsIn(s.db);
    const ids = events.filter((e) => e.type === 'PersonRegistered').map((e) => ('personId' in e ? e.personId : ''));
    for (const id of acked)
      expect(
        ids.filter((x) => x === id),
        id,
      ).toHaveLength(1);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events).toHaveLength(SEED_EVENTS + acked.length);
    expect(roster(['--db', s.db, 'verify']).code).toBe(0);
  });
});

describe('two clerks recording from the same state', () => {
  it('the one who loses the race is told the record changed and may retry; nothing is half-written', async () => {
    const s = seedWorkspace();
    const evaluator = createEvaluator(loadRuleBook(RULES_DIR));
    const app = () => new RosterApp({ stream: new FileRecordStream(s.db), evaluator, clock: fixedClock('2026-01-01T00:00:00Z') });
    const ev = (personId: string) => ({ type: 'PersonRegistered' as const, source: { title: '测试文件' }, personId, name: personId });
    const outcomes = await Promise.allSettled([
      app().record({ events: [ev('a')], recordedBy: '甲' }),
      app().record({ events: [ev('b')], recordedBy: '乙' }),
    ]);
    const rejected = outcomes.filter((o) => o.status === 'rejected');
    expect(rejected).toHaveLength(1);
    const reason = (rejected[0] as PromiseRejectedResult).reason as unknown;
    expect(isDomainError(reason, 'store-conflict')).toBe(true);
    expect((reason as Error).message).toContain(`记录已被他人更新（预期最后序号 ${SEED_EVENTS}，实为 ${SEED_EVENTS + 1}），请重试`);
    expect(await eventsIn(s.db)).toHaveLength(SEED_EVENTS + 1);
  });

  it('`roster record` run by three clerks at once either records or says so with a conflict, and every success is in the log', async () => {
    const s = seedWorkspace();
    const files = ['x', 'y', 'z'].map((id) =>
      s.write(`${id}.json`, { type: 'PersonRegistered', source: { title: '测试文件' }, personId: id, name: id }),
    );
    const runs = await Promise.all(files.map((f) => run([CLI, '--db', s.db, 'record', f])));
    const ok = runs.filter((r) => r.code === 0);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of runs.filter((x) => x.code !== 0)) {
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/记录已被他人更新（预期最后序号 \d+，实为 \d+），请重试/);
    }
    const events = await eventsIn(s.db);
    expect(events).toHaveLength(SEED_EVENTS + ok.length);
    expect(roster(['--db', s.db, 'verify']).code).toBe(0);
  });
});
