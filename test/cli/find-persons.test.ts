/**
 * A clerk finds people the way she types: part of a name, pinyin initials, a fragment of an electing
 * unit; a query that fits several persons lists them instead of guessing. `log --type` takes the
 * Chinese names of the glossary. The text a clerk reads names events and rules in Chinese and gives
 * times in Beijing time; --json keeps the ids and the stored stamps.
 */
import { describe, expect, it } from 'vitest';
import { roster, seedWorkspace } from '../support/cli.js';

const s = seedWorkspace();
const run = (...args: string[]) => roster(['--db', s.db, ...args]);
const json = <T>(...args: string[]): T => {
  const r = run('--json', ...args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
};

/** An event type id (DeputyTransferredOut) or a rule id (termination.resignation-accepted) in text meant for a clerk. */
const ENGLISH_ID = /\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b|\b[a-z]+\.[a-z]+(?:-[a-z]+)*\b/;

describe('explain and history find one person by part of a name, pinyin initials or id', () => {
  it('黄利, hlq, huangliqin and huang-liqin all find 黄利琴', () => {
    for (const query of ['黄利', 'hlq', 'huangliqin', 'huang-liqin', '黄利琴']) {
      expect(json<{ personId: string }>('explain', query).personId, query).toBe('huang-liqin');
      expect(json<{ personId: string }>('history', query).personId, query).toBe('huang-liqin');
    }
    expect(run('explain', '黄利').stdout).toMatch(/^黄利琴（编号 huang-liqin）/);
  });

  it('a unit fragment that fits three persons lists them as candidates and exits 1, printing nothing else', () => {
    const r = run('explain', '鄞州');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('“鄞州”与3名人员相符，请输入更完整的姓名或人员编号');
    for (const line of [
      '方勤（鄞州区，代表资格有效，编号 fang-qin）',
      '黄利琴（鄞州区，代表资格终止，编号 huang-liqin）',
      '竺培楠（鄞州区',
    ]) {
      expect(r.stderr).toContain(line);
    }
    const h = run('--json', 'history', '鄞州');
    expect(h.code).toBe(1);
    expect(JSON.parse(h.stderr)).toMatchObject({ error: { kind: 'ambiguous-query' } });
  });

  it('a query that fits nobody says how to search, exit 1', () => {
    const r = run('history', '王小二');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('记录中没有姓名或编号为“王小二”的人员，也没有与之相符的人员');
    expect(r.stderr).toContain('拼音首字母');
  });

  it('the help says what a query may be', () => {
    for (const command of ['explain', 'history', 'members']) {
      const help = run(command, '--help').stdout;
      expect(help, command).toContain('拼音首字母（hlq）');
      expect(help, command).toContain('鄞州');
    }
  });
});

describe('members narrowed by a query or an electing unit', () => {
  type M = { count: number; units: { unit: string; members: { name: string }[] }[]; filter?: { shown: number; unit?: string } };

  it('鄞州 lists the named deputies of 鄞州区 at the 19th session, the congress count unchanged', () => {
    const m = json<M>('members', '鄞州', '--session', '19');
    expect(m.count).toBe(479);
    expect(m.units.map((u) => [u.unit, u.members.map((p) => p.name)])).toEqual([['鄞州区', ['方勤', '竺培楠']]]);
    expect(run('members', '鄞州', '--session', '19').stdout).toContain('其中与“鄞州”相符、记录列明姓名的：2名');
  });

  it('--unit takes a fragment of one unit; initials narrow further; a fragment of several units is refused with them listed', () => {
    const m = json<M>('members', '--session', '15', '--unit', '象山');
    expect(m.units.map((u) => [u.unit, u.members.map((p) => p.name)])).toEqual([['象山县', ['王安静', '莫鼎革']]]);
    expect(json<M>('members', 'wa', '--session', '15', '--unit', '象山').units[0]!.members.map((p) => p.name)).toEqual(['王安静']);
    const r = run('members', '--unit', '区');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('与6个选举单位相符');
    expect(r.stderr).toContain('鄞州区');
    const none = run('members', '--unit', '杭州');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('没有名称含“杭州”的选举单位');
  });
});

describe('log by the clerk’s words', () => {
  type E = { seq: number; type: string; persons: { name: string }[] };
  const transfers = ['朱欢', '徐伟斌', '何国强', '王安静', '莫鼎革'];

  it('--type 调离, the glossary name and the id give the same five transfers', () => {
    for (const type of ['调离', '调离或迁出本行政区域', 'DeputyTransferredOut']) {
      const entries = json<E[]>('log', '--type', type);
      expect(
        entries.map((e) => e.persons[0]?.name),
        type,
      ).toEqual(transfers);
      expect(entries.every((e) => e.type === 'DeputyTransferredOut')).toBe(true);
    }
    expect(json<E[]>('log', '--type', '辞职').map((e) => e.persons[0]?.name)).toEqual(['陈庆丰', '黄利琴', '马荧波']);
  });

  it('an unknown type is a usage error listing the types; the help lists them in Chinese with their ids', () => {
    const r = run('log', '--type', '调走');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('事件类型“调走”无效');
    expect(r.stderr).toContain('调离或迁出本行政区域（DeputyTransferredOut）');
    const help = run('log', '--help').stdout;
    expect(help).toMatch(/调离或迁出本行政区域\s+DeputyTransferredOut/);
    expect(help).toMatch(/辞去代表职务被接受\s+DeputyResignationAccepted/);
  });

  it('--unit takes a fragment, --person a query', () => {
    expect(json<E[]>('log', '--unit', '慈溪').map((e) => e.seq)).toEqual(json<E[]>('log', '--unit', '慈溪市').map((e) => e.seq));
    const hers = json<E[]>('log', '--person', 'hlq');
    expect(hers.length).toBeGreaterThan(3);
    expect(hers.every((e) => e.persons.some((p) => p.name === '黄利琴'))).toBe(true);
    expect(hers.map((e) => e.type)).toContain('DeputyResignationAccepted');
  });
});

describe('what the clerk reads is Chinese, in Beijing time; --json keeps ids and stamps', () => {
  it('log, history and explain name event types and rules in Chinese, times as Beijing time', () => {
    const log = run('log', '--type', '调离').stdout;
    expect(log).toContain('#13 调离或迁出本行政区域 朱欢');
    // The seed was stamped 2026-11-28T03:30:00Z: 11:30 in Beijing.
    expect(log).toContain('记录于 2026-11-28 11:30（北京时间）');
    const history = run('history', '黄利琴').stdout;
    expect(history).toContain('#19 辞去代表职务被接受 黄利琴');
    expect(history).toContain('认定：辞去代表职务；规则“代表辞职被接受的，其代表资格终止”');
    const explain = run('explain', '黄利琴').stdout;
    expect(explain).toContain('    规则：代表辞职被接受的，其代表资格终止');
    expect(explain).toContain('事实：事件类型=辞去代表职务被接受，事件日期=2024-07-31，人大层级=设区的市级');
    expect(explain).toContain('#19 辞去代表职务被接受：');
    for (const [name, text] of Object.entries({ log, history, explain, all: run('log').stdout })) {
      expect(text.match(ENGLISH_ID)?.[0], name).toBeUndefined();
      expect(text, name).not.toContain('T03:30:00Z');
    }
  });

  it('--json keeps the event type ids, the rule ids and the stored ISO stamps', () => {
    const x = json<{ findings: { ruleId: string }[]; events: { type: string; recordedAt: string }[] }>('explain', '黄利琴');
    expect(x.findings.map((f) => f.ruleId)).toContain('termination.resignation-accepted');
    expect(x.events.map((e) => e.type)).toContain('DeputyResignationAccepted');
    expect(x.events[0]!.recordedAt).toBe('2026-11-28T03:30:00Z');
  });
});
