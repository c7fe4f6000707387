import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chainHash } from '../../src/store/chain.js';
import { roster, seedWorkspace } from '../support/cli.js';
import { SEED_EVENTS } from '../support/scenario.js';

/** A log of the seed plus one recorded event, and a way to rewrite its lines as a tamperer would. */
function recordedLog() {
  const s = seedWorkspace();
  const ev = s.write('ev.json', { type: 'PersonRegistered', source: { title: '测试文件' }, personId: 't1', name: '测试甲' });
  expect(roster(['--db', s.db, 'record', ev]).code).toBe(0);
  const lines = readFileSync(s.db, 'utf8').split('\n');
  const tamper = (change: (eventLines: string[]) => string[]) => {
    const [header, ...events] = lines.filter((l) => l !== '');
    writeFileSync(s.db, `${[header, ...change(events)].join('\n')}\n`);
    return roster(['--db', s.db, '--json', 'verify']);
  };
  return { ...s, tamper };
}

const problem = (run: { stdout: string }) => (JSON.parse(run.stdout) as { problem?: { kind: string; seq: number } }).problem;

describe('a recorded log that nobody has touched', () => {
  it('verifies, and verify prints the hash of the last event to anchor the log', () => {
    const s = recordedLog();
    const run = roster(['--db', s.db, 'verify']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`校验通过：共${SEED_EVENTS + 1}条事件`);
    expect(run.stdout).toMatch(/最后一条的哈希：[0-9a-f]{64}/);
  });
});

describe('a log changed outside the program', () => {
  let log: ReturnType<typeof recordedLog>;
  beforeAll(() => {
    log = recordedLog();
  });

  it('an edited event is named as the first bad one and verify exits non-zero', () => {
    const run = log.tamper((events) => events.map((l, i) => (i === 2 ? l.replace('"朱欢"', '"朱欢欢"') : l)));
    expect(run.code).toBe(1);
    expect(problem(run)).toEqual(expect.objectContaining({ kind: 'edited', seq: 3 }));
    expect(roster(['--db', log.db, 'verify']).stdout).toContain('第3条事件的内容与记录时的哈希不符');
  });

  it('roster check reports the broken chain as an error too', () => {
    log.tamper((events) => events.map((l, i) => (i === 2 ? l.replace('"朱欢"', '"朱欢欢"') : l)));
    const run = roster(['--db', log.db, 'check']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[错误] 哈希链校验失败：第3条事件的内容与记录时的哈希不符');
  });

  it('an event line that is no longer JSON is named with its line and sequence number', () => {
    log.tamper((events) => events.map((l, i) => (i === 4 ? l.slice(0, 40) : l)));
    const run = roster(['--db', log.db, 'verify']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('第6行（第5条事件）不是有效的 JSON');
  });

  it('a removed event is named by its missing sequence number', () => {
    const run = log.tamper((events) => events.filter((_, i) => i !== 9));
    expect(run.code).toBe(1);
    expect(problem(run)).toEqual(expect.objectContaining({ kind: 'removed', seq: 10 }));
  });

  it('an inserted event is named by the position it was put in', () => {
    const run = log.tamper((events) => [...events.slice(0, 12), events[4]!, ...events.slice(12)]);
    expect(run.code).toBe(1);
    expect(problem(run)).toEqual(expect.objectContaining({ kind: 'inserted', seq: 13 }));
  });

  it('two events swapped are named by the first position out of order', () => {
    const run = log.tamper((events) => [...events.slice(0, 6), events[7]!, events[6]!, ...events.slice(8)]);
    expect(run.code).toBe(1);
    expect(problem(run)).toEqual(expect.objectContaining({ kind: 'reordered', seq: 7 }));
  });

  it('removing the last event is caught by the committed head', () => {
    const run = log.tamper((events) => events.slice(0, -1));
    expect(run.code).toBe(1);
    expect(problem(run)).toEqual(expect.objectContaining({ kind: 'truncated', seq: SEED_EVENTS + 1 }));
  });

  it('an edited event whose own hash the tamperer recomputed breaks the chain at the next event', () => {
    const run = log.tamper((events) => {
      const previous = (JSON.parse(events[1]!) as { hash: string }).hash;
      const { hash: _old, ...edited } = JSON.parse(events[2]!.replace('"朱欢"', '"朱欢欢"')) as Record<string, unknown>;
      const forged = JSON.stringify({ ...edited, hash: chainHash(previous, edited) });
      return events.map((l, i) => (i === 2 ? forged : l));
    });
    expect(run.code).toBe(1);
    expect(problem(run)).toEqual(expect.objectContaining({ kind: 'edited', seq: 4 }));
  });
});
