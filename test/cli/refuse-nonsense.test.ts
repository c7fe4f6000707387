/**
 * Questions the record cannot answer are refused, not answered with zeros or a list turned inside
 * out: a span that runs backwards, a date before the record starts (the 16th Ningbo record starts
 * with the count confirmed at the 15th session, January 2024) or after today.
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/app/clock.js';
import { RosterApp } from '../../src/app/roster-app.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { FileRecordStream } from '../../src/store/file-store.js';
import { roster, seedWorkspace } from '../support/cli.js';
import { RULES_DIR } from '../support/scenario.js';

const s = seedWorkspace();
const run = (...args: string[]) => roster(['--db', s.db, ...args]);

/** Refused: exit 1, a Chinese message naming the option, nothing on stdout. */
function refused(args: string[], ...says: string[]) {
  const r = run(...args);
  expect(r.code, args.join(' ')).toBe(1);
  expect(r.stdout, args.join(' ')).toBe('');
  for (const text of says) expect(r.stderr, args.join(' ')).toContain(text);
  expect(r.stderr).not.toMatch(/\bat \w|Error:/);
}

describe('diff runs forwards', () => {
  it('--from 19 --to 15 is refused, saying which way round to write it', () => {
    refused(
      ['diff', '--from', '19', '--to', '15'],
      '起点常委会第十九次会议（2024年7月31日）晚于终点常委会第十五次会议（2024年1月）',
      '--from 15 --to 19',
    );
    refused(['diff', '--from', '2024-08-01', '--to', '2024-02-01'], '起点2024年8月1日晚于终点2024年2月1日');
    refused(['--json', 'diff', '--from', '19', '--to', '2024-02-01'], '晚于终点');
  });

  it('forwards, and a session against a date, still answer', () => {
    expect(run('diff', '--from', '15', '--to', '19').stdout).toContain('实有代表 484名 → 479名');
    expect(run('diff', '--from', '15', '--to', '2024-07-31').stdout).toContain('实有代表 484名 → 479名');
  });
});

describe('dates within the record', () => {
  it('headcount, members, export-roster and diff dates before the record starts are refused', () => {
    for (const args of [
      ['headcount', '--as-of', '1990-01-01'],
      ['members', '--as-of', '2023-12-31'],
      ['export-roster', '--format', 'csv', '--as-of', '2000-01-01'],
      ['diff', '--from', '2020-01-01', '--to', '19'],
    ]) {
      refused(args, '早于本届记录的起点（2024年1月）', '记录中没有此前的情况');
    }
  });

  it('a date after today is refused, for the ledger and for the log', () => {
    refused(['headcount', '--as-of', '2999-01-01'], '日期 2999-01-01 晚于今天', '北京时间');
    refused(['members', '--as-of', '2999-01-01'], '晚于今天');
    refused(['diff', '--from', '15', '--to', '2999-01-01'], '晚于今天');
    refused(['log', '--since', '2999-01-01'], '没有在将来记录的事件');
  });

  it('a date in the record’s first month, and the sessions themselves, are answered', () => {
    expect(run('headcount', '--as-of', '2024-01-15').code).toBe(0);
    expect(run('headcount', '--session', '15').code).toBe(0);
    expect(run('members', '--as-of', '2024-07-31').stdout).toContain('实有代表：479名');
  });
});

describe('the same refusals for every caller of the application', () => {
  it('today is the application clock’s day in Beijing: 2024-07-31T20:00Z is already 1 August there', async () => {
    const evaluator = createEvaluator(loadRuleBook(RULES_DIR));
    const app = new RosterApp({ stream: new FileRecordStream(s.db), evaluator, clock: fixedClock('2024-07-31T20:00:00Z') });
    expect((await app.headcount({ asOf: '2024-08-01' })).countAfter).toBe(479);
    await expect(app.headcount({ asOf: '2024-08-02' })).rejects.toThrow('日期 2024-08-02 晚于今天（2024年8月1日，北京时间）');
    await expect(app.members({ asOf: '2023-06-30' })).rejects.toThrow('早于本届记录的起点（2024年1月）');
    await expect(app.diff({ session: 19 }, { session: 15 })).rejects.toMatchObject({ kind: 'invalid-input' });
  });
});
