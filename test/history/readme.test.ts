import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { roster, seedWorkspace } from '../support/cli.js';
import { ROOT, SEED_EVENTS } from '../support/scenario.js';

/** The shell block of README's section on the record: each command with the comment that says what it shows. */
function readmeCommands(): { args: string[]; says: string }[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## The record'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .filter((l) => l.startsWith('npx roster '))
    .map((l) => {
      const [command = '', says = ''] = l.split('#');
      return { args: command.trim().slice('npx roster '.length).split(/\s+/), says: says.trim() };
    });
}

/**
 * What each command must print, for the figures its README comment states: the comment must still
 * state them and the output must show them, so neither can change without the other.
 */
const FIGURES: Record<string, { says: string[]; prints: string[] }> = {
  verify: { says: [`${SEED_EVENTS} events`], prints: [`校验通过：共${SEED_EVENTS}条事件，哈希链完整。`, '最后一条的哈希：'] },
  members: { says: ['479 deputies'], prints: ['常委会第十九次会议（2024年7月31日）实有代表：479名'] },
  diff: {
    says: ['3 came', '8 left', '11 posts gained', '22 lost'],
    prints: ['实有代表 484名 → 479名', '新增代表：3名', '离开代表：8名', '新任职务：11项', '卸任职务：22项'],
  },
  history: {
    says: ['the rule that ended her mandate', 'the decision ending them'],
    prints: [
      '2024年7月31日起：代表资格终止（第19条）',
      '认定：辞去代表职务；规则“代表辞职被接受的，其代表资格终止”',
      '宁波市人大常委会委员：起始日期不详（第52条），2024年7月31日接受辞职（第88条）',
    ],
  },
  log: { says: ['the five transfers'], prints: ['#13 调离或迁出本行政区域 朱欢', '#17 调离或迁出本行政区域 莫鼎革', '共5条。'] },
  export: { says: ['with its hashes'], prints: [`已导出${SEED_EVENTS}条事件到`] },
};

describe('the examples in README on the record', () => {
  it('every command there runs on the embedded data and prints the figures its comment states', () => {
    const commands = readmeCommands();
    expect(commands.map((c) => c.args[0])).toEqual(Object.keys(FIGURES));
    const s = seedWorkspace();
    for (const { args, says } of commands) {
      const fixed = args.map((a) => (a.endsWith('.json') ? path.join(s.dir, a) : a));
      const run = roster(['--db', s.db, ...fixed]);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      const expected = FIGURES[args[0]!]!;
      for (const figure of expected.says) expect(says, args.join(' ')).toContain(figure);
      for (const text of expected.prints) expect(run.stdout, args.join(' ')).toContain(text);
    }
    const exported = JSON.parse(readFileSync(path.join(s.dir, 'ningbo-16-export.json'), 'utf8')) as { events: { hash?: string }[] };
    expect(exported.events).toHaveLength(SEED_EVENTS);
    expect(exported.events.every((e) => /^[0-9a-f]{64}$/.test(e.hash ?? ''))).toBe(true);
  });
});
