import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../src/domain/events.js';
import { congress, opening, person, session, src } from '../support/builders.js';
import { roster, SCRATCH_DEATH_OF_FANG_QIN, seedWorkspace } from '../support/cli.js';
import { given, SEED_DATA, SEED_EVENTS } from '../support/scenario.js';

const base: EventInput[] = [
  congress({ quota: 10 }),
  session(1, '2025-01-10'),
  person('a', '甲'),
  person('b', '乙'),
  opening(
    2,
    '2025-01-10',
    [
      { personId: 'a', electingUnit: '甲区' },
      { personId: 'b', electingUnit: '乙区' },
    ],
    1,
  ),
];
/** seq 6: recorded for the wrong deputy. */
const wrongTransfer: EventInput = {
  type: 'DeputyTransferredOut',
  source: src('2025-06-01'),
  personId: 'a',
  date: '2025-06-01',
  movement: 'transferred',
};

describe('a transfer recorded for the wrong deputy and then corrected', () => {
  const correction: EventInput = {
    type: 'EventCorrected',
    source: src('2025-06-05'),
    supersedes: 6,
    reason: '调离的是乙，误记为甲',
    replacement: { type: 'DeputyTransferredOut', source: src('2025-06-01'), personId: 'b', date: '2025-06-01', movement: 'transferred' },
  };

  it('the deputy wrongly recorded keeps a valid mandate and the right one loses it', async () => {
    const g = await given([...base, wrongTransfer, correction]);
    expect(g.status('a')).toBe('valid');
    expect(g.status('b')).toBe('ended');
  });

  it('the finding about the replacement cites the correction that recorded it', async () => {
    const g = await given([...base, wrongTransfer, correction]);
    expect(g.findingsFor('a')).toEqual([]);
    expect(g.findingsFor('b').map((f) => f.eventSeq)).toEqual([7]);
  });

  it('the headcount counts from the corrected log, while the recorded log keeps both events', async () => {
    const g = await given([...base, wrongTransfer, correction]);
    expect(g.ledger({ asOf: '2025-07-01' }).countAfter).toBe(1);
    expect(g.derivation.recorded.map((e) => e.type)).toContain('EventCorrected');
    expect(g.derivation.recorded.find((e) => e.seq === 6)).toEqual(expect.objectContaining({ personId: 'a' }));
  });
});

describe('a correction without a replacement', () => {
  it('withdraws the event: the deputy is counted as if it had never been recorded', async () => {
    const withdrawal: EventInput = { type: 'EventCorrected', source: src('2025-06-05'), supersedes: 6, reason: '误记' };
    const g = await given([...base, wrongTransfer, withdrawal]);
    expect(g.status('a')).toBe('valid');
    expect(g.ledger({ asOf: '2025-07-01' }).countAfter).toBe(2);
  });
});

describe('corrections that do not name a correctable event', () => {
  it('a correction of an event that was never recorded is an error', async () => {
    const g = await given([...base, { type: 'EventCorrected', source: src(), supersedes: 40, reason: '误记' }]);
    expect(await g.check()).toContainEqual(expect.objectContaining({ code: 'invalid-correction', eventSeq: 6 }));
  });

  it('a correction of a correction is an error that points to the original event', async () => {
    const g = await given([
      ...base,
      wrongTransfer,
      { type: 'EventCorrected', source: src(), supersedes: 6, reason: '误记' },
      { type: 'EventCorrected', source: src(), supersedes: 7, reason: '撤回更正' },
    ]);
    expect(await g.check()).toContainEqual(
      expect.objectContaining({ code: 'invalid-correction', message: expect.stringContaining('请直接更正第6条原事件') }),
    );
  });
});

describe('corrections through `roster record` on the seed', () => {
  it('a death recorded by mistake and then withdrawn leaves the count at 479, and both events stay in the log', () => {
    const s = seedWorkspace();
    const died = s.write('died.json', SCRATCH_DEATH_OF_FANG_QIN);
    expect(roster(['--db', s.db, 'record', died]).code).toBe(0);
    expect(roster(['--db', s.db, '--json', 'headcount', '--as-of', '2024-08-02']).stdout).toContain('"countAfter": 478');
    const fix = s.write('fix.json', {
      type: 'EventCorrected',
      source: { title: '测试更正', date: '2024-08-03' },
      supersedes: SEED_EVENTS + 1,
      reason: '方勤并未去世，系误记',
    });
    const run = roster(['--db', s.db, 'record', fix]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`已记录1个事件（序号 ${SEED_EVENTS + 2}）`);
    expect(roster(['--db', s.db, '--json', 'headcount', '--as-of', '2024-08-02']).stdout).toContain('"countAfter": 479');
    const types = readFileSync(s.db, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => JSON.parse(l) as { type?: string })
      .filter((r) => r.type !== undefined) // the commit lines
      .map((r) => r.type);
    expect(types.slice(-2)).toEqual(['DeputyDied', 'EventCorrected']);
    expect(roster(['--db', s.db, 'verify']).code).toBe(0);
  });

  it('a correction naming an event that does not exist is refused with the reason and nothing is written', () => {
    const s = seedWorkspace();
    const before = readFileSync(s.db, 'utf8');
    const fix = s.write('fix.json', { type: 'EventCorrected', source: { title: '测试更正' }, supersedes: 999, reason: '误记' });
    const run = roster(['--db', s.db, 'record', fix]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`第${SEED_EVENTS + 1}条更正所指的第999条事件不存在`);
    expect(readFileSync(s.db, 'utf8')).toBe(before);
  });

  it('a replacement that is not a valid event is refused naming its field', () => {
    const s = seedWorkspace();
    const fix = s.write('fix.json', {
      type: 'EventCorrected',
      source: { title: '测试更正' },
      supersedes: 13,
      reason: '误记',
      replacement: { type: 'DeputyTransferredOut', source: { title: '测试' }, personId: 'zhu-huan', movement: 'flew' },
    });
    const run = roster(['--db', s.db, 'record', fix]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('$.replacement.movement');
  });
});

describe('a correction that would leave later events contradicting the record', () => {
  it('withdrawing the election of a deputy whose review is recorded is refused, naming the review it would orphan', () => {
    const s = seedWorkspace();
    const before = readFileSync(s.db, 'utf8');
    const fix = s.write('fix.json', { type: 'EventCorrected', source: { title: '测试更正' }, supersedes: 24, reason: '误记' });
    const run = roster(['--db', s.db, 'record', fix]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('更正后记录将出现错误：第27条事件（代表资格审查）所指的方勤在本届没有代表资格记录');
    expect(readFileSync(s.db, 'utf8')).toBe(before);
  });
});

describe('the default working copy', () => {
  it('is made from the embedded data on first use, takes records, and the embedded file is never written', () => {
    const s = seedWorkspace();
    const embedded = readFileSync(SEED_DATA, 'utf8');
    const env = { ROSTER_DB: `${s.dir}/work/roster.json` };
    const ev = s.write('ev.json', { type: 'PersonRegistered', source: { title: '测试文件' }, personId: 't1', name: '测试甲' });
    const run = roster(['record', ev], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('已从内置数据创建工作副本');
    expect(roster(['verify'], env).stdout).toContain(`共${SEED_EVENTS + 1}条事件`);
    expect(readFileSync(SEED_DATA, 'utf8')).toBe(embedded);
  });
});
