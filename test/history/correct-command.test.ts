/** `roster correct` and `roster withdraw`: a correction as a command, never an edit of the record. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { roster, SCRATCH_DEATH_OF_FANG_QIN, seedWorkspace } from '../support/cli.js';
import { SEED_EVENTS } from '../support/scenario.js';

const DEATH = SEED_EVENTS + 1;

function withDeath() {
  const s = seedWorkspace();
  const r = roster(['--db', s.db, 'record', s.write('death.json', SCRATCH_DEATH_OF_FANG_QIN)]);
  expect(r.code, r.stderr).toBe(0);
  return s;
}

const countOn = (db: string, date: string) => JSON.parse(roster(['--db', db, '--json', 'headcount', '--as-of', date]).stdout).countAfter;

describe('roster withdraw', () => {
  it('withdraws a death recorded by mistake: the count is 479 again, both events stay in the log', () => {
    const s = withDeath();
    expect(countOn(s.db, '2024-08-02')).toBe(478);
    const r = roster(['--db', s.db, '--as', '张书记员', 'withdraw', String(DEATH), '--reason', '误记']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`已记录更正（序号 ${DEATH + 1}）：第${DEATH}条事件已撤销，原记录保留；记录人：张书记员`);
    expect(countOn(s.db, '2024-08-02')).toBe(479);
    const log = JSON.parse(roster(['--db', s.db, '--json', 'log', '--type', 'EventCorrected']).stdout);
    expect(log.at(-1).event).toMatchObject({ seq: DEATH + 1, supersedes: DEATH, reason: '误记', source: { title: '记录更正' } });
    expect(roster(['--db', s.db, 'verify']).code).toBe(0);
  });

  it('refuses an unknown seq, a seq already withdrawn and a correction itself, with exit 1 and nothing written', () => {
    const s = withDeath();
    expect(roster(['--db', s.db, 'withdraw', String(DEATH), '--reason', '误记']).code).toBe(0);
    const before = readFileSync(s.db);
    const again = roster(['--db', s.db, 'withdraw', String(DEATH), '--reason', '再撤销一次']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`第${DEATH}条已由第${DEATH + 1}条更正撤销（理由：误记）`);
    const unknown = roster(['--db', s.db, 'withdraw', '99999', '--reason', '误记']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('记录中没有第99999条事件');
    const ofCorrection = roster(['--db', s.db, 'withdraw', String(DEATH + 1), '--reason', '误记']);
    expect(ofCorrection.code).toBe(1);
    expect(ofCorrection.stderr).toContain(`第${DEATH + 1}条本身是更正；请直接更正第${DEATH}条原事件`);
    expect(readFileSync(s.db)).toEqual(before);
  });

  it('refuses a bad seq or a missing reason as a bad command line (exit 2)', () => {
    const s = seedWorkspace();
    expect(roster(['--db', s.db, 'withdraw', 'abc', '--reason', '误记']).code).toBe(2);
    const noReason = roster(['--db', s.db, 'withdraw', '3']);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('--reason');
  });
});

describe('roster correct --with', () => {
  it('puts the event of the file (Chinese type, person by name) in place of the wrong one; --dry-run first writes nothing', () => {
    const s = withDeath();
    const fix = s.write('fix.json', {
      type: '去世',
      person: '方勤',
      date: '2024-08-03',
      source: { title: '测试文件', date: '2024-08-03' },
    });
    const before = readFileSync(s.db);
    const dry = roster(['--db', s.db, 'correct', String(DEATH), '--reason', '日期误记', '--with', fix, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('预览（未写入）');
    expect(readFileSync(s.db)).toEqual(before);
    const r = roster([
      '--db',
      s.db,
      'correct',
      String(DEATH),
      '--reason',
      '日期误记',
      '--with',
      fix,
      '--source',
      '市人大常委会办公厅更正通知',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`第${DEATH}条事件已更正`);
    expect(countOn(s.db, '2024-08-02')).toBe(479);
    expect(countOn(s.db, '2024-08-04')).toBe(478);
  });

  it('a replacement naming nobody the record knows is refused naming the field', () => {
    const s = withDeath();
    const fix = s.write('fix.json', { type: '去世', person: '张三丰', date: '2024-08-03', source: { title: '测试文件' } });
    const r = roster(['--db', s.db, 'correct', String(DEATH), '--reason', '人员误记', '--with', fix]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('$.person：记录中没有名为“张三丰”的人员');
  });
});
