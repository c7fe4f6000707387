import { describe, expect, it } from 'vitest';
import { roster, SCRATCH_DEATH_OF_FANG_QIN, seedWorkspace } from '../support/cli.js';
import { SEED_EVENTS } from '../support/scenario.js';

const json = <T>(args: string[], db: string): T => {
  const run = roster(['--db', db, '--json', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
};

describe('who held a mandate at the 19th session of the 16th Ningbo standing committee', () => {
  it('479 deputies, of whom the three confirmed by-elected deputies are named under their electing units', () => {
    const s = seedWorkspace();
    const m = json<{ count: number; unnamed: number; units: { unit: string; members: { name: string }[] }[] }>(
      ['members', '--session', '19'],
      s.db,
    );
    expect(m.count).toBe(479);
    expect(m.unnamed).toBe(476);
    expect(m.units.map((u) => [u.unit, u.members.map((p) => p.name)])).toEqual([
      ['鄞州区', ['方勤', '竺培楠']],
      ['慈溪市', ['汪闻勇']],
    ]);
    const text = roster(['--db', s.db, 'members', '--session', '19']).stdout;
    expect(text).toContain('常委会第十九次会议（2024年7月31日）实有代表：479名');
  });

  it('at the 15th session the 484 include the eight whose mandates later ended, and no by-elected deputy yet', () => {
    const s = seedWorkspace();
    const m = json<{ count: number; units: { members: { name: string }[] }[] }>(['members', '--session', '15'], s.db);
    expect(m.count).toBe(484);
    const names = m.units.flatMap((u) => u.members.map((p) => p.name));
    expect(names).toEqual(expect.arrayContaining(['朱欢', '徐伟斌', '何国强', '王安静', '莫鼎革', '陈庆丰', '黄利琴', '马荧波']));
    expect(names).not.toContain('方勤');
  });
});

describe('what changed between the 15th and the 19th sessions', () => {
  it('three came by by-election and eight left, each with the rule and citation that decided it', () => {
    const s = seedWorkspace();
    type C = { name: string; finding: { ruleId: string; citation: { text: string } } };
    const x = json<{ from: { count: number }; to: { count: number }; came: C[]; left: C[] }>(['diff', '--from', '15', '--to', '19'], s.db);
    expect([x.from.count, x.to.count]).toEqual([484, 479]);
    expect(x.came.map((c) => c.name)).toEqual(['方勤', '竺培楠', '汪闻勇']);
    expect(x.left.map((c) => c.name)).toEqual(['朱欢', '徐伟斌', '何国强', '王安静', '莫鼎革', '陈庆丰', '黄利琴', '马荧波']);
    expect(x.left.find((c) => c.name === '朱欢')?.finding.citation.text).toBe('代表法（2015年修正）第四十九条第（一）项');
    expect(x.left.find((c) => c.name === '陈庆丰')?.finding.ruleId).toBe('termination.resignation-accepted');
  });

  it('dates work as well as session numbers', () => {
    const s = seedWorkspace();
    const run = roster(['--db', s.db, 'diff', '--from', '2024-02-01', '--to', '2024-07-31']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('实有代表 484名 → 479名');
    expect(roster(['--db', s.db, 'diff', '--from', 'yesterday', '--to', '19']).code).toBe(2);
  });
});

describe("a person's history", () => {
  it('shows the recorded events, the rule that ended the mandate, and a correction beside the event it corrects', () => {
    const s = seedWorkspace();
    const died = s.write('died.json', SCRATCH_DEATH_OF_FANG_QIN);
    const fix = s.write('fix.json', {
      type: 'EventCorrected',
      source: { title: '测试更正' },
      supersedes: SEED_EVENTS + 1,
      reason: '方勤并未去世，系误记',
    });
    expect(roster(['--db', s.db, 'record', died]).code).toBe(0);
    expect(roster(['--db', s.db, 'record', fix]).code).toBe(0);
    const text = roster(['--db', s.db, 'history', '方勤']).stdout;
    expect(text).toContain(`#${SEED_EVENTS + 1} 去世 方勤`);
    expect(text).toContain(`已被第${SEED_EVENTS + 2}条更正`);
    expect(text).toContain(`更正第${SEED_EVENTS + 1}条：方勤并未去世，系误记（撤回，不替代）`);
    expect(text).toContain('认定：确认代表资格有效；规则“常务委员会根据代表资格审查委员会的报告，确认代表的资格有效”');
    const h = json<{ mandates: { history: { status: string }[] }[] }>(['history', 'fang-qin'], s.db);
    expect(h.mandates[0]!.history.map((c) => c.status)).toEqual(['pending', 'valid']);
  });

  it('names the rule and citation for a resignation', () => {
    const s = seedWorkspace();
    expect(roster(['--db', s.db, 'history', '黄利琴']).stdout).toContain(
      '认定：辞去代表职务；规则“代表辞职被接受的，其代表资格终止”；依据 代表法（2015年修正）第四十九条第（二）项〔V〕',
    );
  });
});

describe('the log as entered', () => {
  it('filters by type, by electing unit and by recording date, and says who recorded each event and when', () => {
    const s = seedWorkspace();
    type E = { seq: number; recordedBy: string; recordedAt: string; persons: { name: string }[] };
    expect(json<E[]>(['log', '--type', 'DeputyTransferredOut'], s.db).map((e) => e.persons[0]?.name)).toEqual([
      '朱欢',
      '徐伟斌',
      '何国强',
      '王安静',
      '莫鼎革',
    ]);
    const cixi = json<E[]>(['log', '--unit', '慈溪市'], s.db).map((e) => e.seq);
    expect(cixi).toEqual(expect.arrayContaining([10, 20, 23, 26, 29]));
    expect(cixi).not.toContain(13);
    const ev = s.write('ev.json', { type: 'PersonRegistered', source: { title: '测试文件' }, personId: 't1', name: '测试甲' });
    const recorded = roster(['--db', s.db, '--as', '李四', '--json', 'record', ev]);
    expect(recorded.code).toBe(0);
    // The day in Beijing the event was stamped on, whatever this machine's clock says when the test reads it.
    const stamp = (JSON.parse(recorded.stdout) as E[])[0]!.recordedAt;
    const today = new Date(Date.parse(stamp) + 8 * 3_600_000).toISOString().slice(0, 10);
    const recent = json<E[]>(['log', '--since', today], s.db);
    expect(recent.map((e) => [e.seq, e.recordedBy]).at(-1)).toEqual([SEED_EVENTS + 1, '李四']);
    expect(roster(['--db', s.db, 'log', '--since', today]).stdout).toMatch(
      new RegExp(`#${SEED_EVENTS + 1} 人员登记 测试甲.*李四 记录于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}（北京时间）`),
    );
  });
});
