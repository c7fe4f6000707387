/** `roster record FILE --dry-run`: the preview the console shows, nothing written. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { roster } from '../support/cli.js';
import { seedBefore19thChanges } from '../support/console.js';
import { tempDir } from '../support/scenario.js';

const source = { title: '关于个别代表的代表资格的报告', session: 19, date: '2024-07-31' };

describe('roster record --dry-run before the 19th session’s changes', () => {
  it('shows 484 → 482, the article for each termination and the posts that end, and writes nothing', () => {
    const dir = tempDir();
    const db = path.join(dir, 'roster.json');
    seedBefore19thChanges(db);
    const file = path.join(dir, 'events.json');
    const events = [
      { type: 'DeputyTransferredOut', source, personId: 'zhu-huan', movement: 'transferred' },
      { type: 'DeputyResignationAccepted', source, personId: 'huang-liqin' },
    ];
    writeFileSync(file, JSON.stringify(events));
    const before = readFileSync(db, 'utf8');
    const r = roster(['--db', db, 'record', file, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2024年7月31日实有代表：484 → 482（名额495）');
    expect(r.stdout).toContain(
      '朱欢（江北区）：代表资格有效 → 代表资格终止，2024年7月31日（规则“地方各级人民代表大会代表调离本行政区域的，其代表资格终止”；依据 代表法（2015年修正）第四十九条第（一）项〔V〕）',
    );
    expect(r.stdout).toContain(
      '黄利琴：宁波市人大常委会委员，辞去代表职务被接受，职务相应终止（规则“常务委员会组成人员、专门委员会成员（乡、民族乡、镇的人民代表大会主席、副主席）辞去代表职务的请求被接受的，其职务相应终止”；依据 选举法（2020年修正）第五十六条第一款）',
    );
    expect(readFileSync(db, 'utf8')).toBe(before);
    const json = JSON.parse(roster(['--db', db, '--json', 'record', file, '--dry-run']).stdout);
    expect(json.headcount).toEqual({ quota: 495, before: 484, after: 482 });
  });

  it('lists every refusal and exits 1', () => {
    const dir = tempDir();
    const db = path.join(dir, 'roster.json');
    seedBefore19thChanges(db);
    const file = path.join(dir, 'events.json');
    writeFileSync(file, JSON.stringify([{ type: 'DeputyDied', source, personId: 'nobody' }]));
    const r = roster(['--db', db, 'record', file, '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('记录将拒绝这些事件');
    expect(r.stdout).toContain('“nobody”未登记');
  });
});
