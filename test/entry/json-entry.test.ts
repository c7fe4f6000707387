/**
 * A clerk's events file written in the glossary's Chinese and with persons by name: `"type": "去世"`,
 * `"person": "方勤"`. Every problem of a batch is told at once, each by its JSON path; nothing is written.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { congress, opening, person, session } from '../support/builders.js';
import { roster, seedWorkspace } from '../support/cli.js';
import { freshStore } from '../support/roster-cli.js';
import { SEED_EVENTS } from '../support/scenario.js';

const source = { title: '宁波市人大常委会代表工作委员会情况报告', date: '2024-08-05' };

describe('events entered with Chinese type names and persons by name', () => {
  it('a death written as 去世 for 方勤 is recorded as DeputyDied of her id and the count falls to 478', () => {
    const s = seedWorkspace();
    const file = s.write('death.json', { type: '去世', person: '方勤', date: '2024-08-01', source });
    const r = roster(['--db', s.db, '--as', '张书记员', 'record', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`序号 ${SEED_EVENTS + 1}`);
    const log = JSON.parse(roster(['--db', s.db, '--json', 'log', '--type', 'DeputyDied']).stdout);
    expect(log.at(-1).event).toMatchObject({ seq: SEED_EVENTS + 1, type: 'DeputyDied', personId: 'fang-qin', date: '2024-08-01' });
    const count = JSON.parse(roster(['--db', s.db, '--json', 'headcount', '--as-of', '2024-08-02']).stdout);
    expect(count.countAfter).toBe(478);
  });

  it('调离 states the movement, and a by-election written 补选 with the new person registered in the same batch by name', () => {
    const s = seedWorkspace();
    const file = s.write('batch.json', [
      { type: '调离', person: '竺培楠', date: '2024-09-01', source },
      { type: '人员登记', personId: 'new-1', name: '新代表', source },
      { type: '补选', person: '新代表', electingUnit: '鄞州区', date: '2024-10-01', source },
    ]);
    const r = roster(['--db', s.db, '--json', 'record', '--dry-run', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).events).toMatchObject([
      { type: 'DeputyTransferredOut', personId: 'zhu-peinan', movement: 'transferred' },
      { type: 'PersonRegistered', personId: 'new-1' },
      { type: 'DeputyElected', personId: 'new-1', kind: 'by-election', electingUnit: '鄞州区' },
    ]);
  });

  it('an unknown type, an unknown name and a bad date in one batch are all told at once; exit 1 and nothing written', () => {
    const s = seedWorkspace();
    const before = readFileSync(s.db);
    const file = s.write('bad.json', [
      { type: '升职', person: '方勤', source },
      { type: '去世', person: '张三丰', date: '2024-08-01', source },
      { type: '去世', person: '方勤', date: '2024-13-01', source },
      { type: '辞职', person: '黄利', date: '2024-08-01', source },
    ]);
    const r = roster(['--db', s.db, 'record', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('发现问题4项，未写入任何记录');
    expect(r.stderr).toMatch(/\$\[0\]\.type：未知的事件类型“升职”/);
    expect(r.stderr).toMatch(/\$\[1\]\.person：记录中没有名为“张三丰”的人员/);
    expect(r.stderr).toMatch(/\$\[2\]\.date：/);
    // Part of a name is not taken as the person, but offered.
    expect(r.stderr).toMatch(/\$\[3\]\.person：记录中没有名为“黄利”的人员；相近的有：黄利琴（鄞州区）/);
    expect(readFileSync(s.db)).toEqual(before);
  });

  it('a batch that contradicts the record twice (黄利琴 and 朱欢 are no longer deputies) is refused with both, exit 1 and nothing written; --json lists them', () => {
    const s = seedWorkspace();
    const before = readFileSync(s.db);
    const file = s.write('changes.json', [
      { type: '去世', person: '黄利琴', date: '2024-09-01', source },
      { type: '去世', person: '方勤', date: '2024-09-01', source },
      { type: '辞职', person: '朱欢', date: '2024-09-05', source },
    ]);
    const r = roster(['--db', s.db, 'record', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      '错误：记录拒绝其中2个事件，未写入任何记录：',
      `  第1个事件（$[0]）：第${SEED_EVENTS + 1}条事件（DeputyDied）发生在黄利琴的代表资格终止（或当选无效）之后`,
      `  第3个事件（$[2]）：第${SEED_EVENTS + 3}条事件（DeputyResignationAccepted）发生在朱欢的代表资格终止（或当选无效）之后`,
      '',
    ]);
    expect(readFileSync(s.db)).toEqual(before);

    const json = roster(['--db', s.db, '--json', 'record', file]);
    expect(json.code).toBe(1);
    const { error } = JSON.parse(json.stderr);
    expect(error.kind).toBe('contradicts-record');
    expect(error.problems).toEqual([
      expect.objectContaining({
        index: 0,
        seq: SEED_EVENTS + 1,
        where: '第1个事件（$[0]）',
        code: 'event-after-end',
        personId: 'huang-liqin',
        name: '黄利琴',
      }),
      expect.objectContaining({
        index: 2,
        seq: SEED_EVENTS + 3,
        where: '第3个事件（$[2]）',
        code: 'event-after-end',
        personId: 'zhu-huan',
        name: '朱欢',
      }),
    ]);
    const dry = roster(['--db', s.db, 'record', '--dry-run', file]);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain(`  × 第1个事件（$[0]）：第${SEED_EVENTS + 1}条事件（DeputyDied）发生在黄利琴的代表资格终止`);
    expect(dry.stdout).toContain(`  × 第3个事件（$[2]）：第${SEED_EVENTS + 3}条事件（DeputyResignationAccepted）发生在朱欢的代表资格终止`);
    expect(readFileSync(s.db)).toEqual(before);
  });

  it('an ambiguous name lists the candidates with their units; the unit settles it', async () => {
    const db = await freshStore([
      congress({ quota: 10 }),
      session(1, '2025-01-10'),
      person('wang-jun', '王军'),
      person('wang-jun-2', '王军'),
      opening(
        2,
        '2025-01-10',
        [
          { personId: 'wang-jun', electingUnit: '甲区' },
          { personId: 'wang-jun-2', electingUnit: '乙区' },
        ],
        1,
      ),
    ]);
    const s = seedWorkspace();
    const bad = s.write('ambiguous.json', { type: '去世', person: '王军', date: '2025-03-01', source });
    const r = roster(['--db', db, 'record', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('$.person：记录中有2人名为“王军”：王军（甲区）、王军（乙区）；请注明选举单位');
    const good = s.write('unit.json', { type: '去世', person: '王军（乙区）', date: '2025-03-01', source });
    const ok = roster(['--db', db, '--json', 'record', good]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)[0]).toMatchObject({ type: 'DeputyDied', personId: 'wang-jun-2' });
  });
});
