import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, seedCopy as freshDb } from '../support/cli.js';
import { cliEnv, copyRules, tempDir } from '../support/scenario.js';

function roster(args: string[], db = freshDb()) {
  const r = spawnSync(process.execPath, [CLI, '--db', db, ...args], { encoding: 'utf8', env: cliEnv() });
  return { code: r.status, out: r.stdout, err: r.stderr, db };
}

describe('roster cascade on the embedded data', () => {
  it('prints each deputy whose status ended at the 19th session, each post, its consequence and citation, and the matching record', () => {
    const r = roster(['cascade', '--session', '19']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('黄利琴（辞去代表职务，2024年7月31日）');
    expect(r.out).toContain('宁波市人大财政经济委员会主任委员：以代表身份为前提 → 相应终止');
    expect(r.out).toContain('选举法（2020年修正）第五十六条第一款');
    expect(r.out).toContain('宁波市人大常委会副秘书长：不以代表身份为前提 → 不随代表资格终止；已调离本行政区域，请核实是否另行免职');
    expect(r.out).toMatch(/已由第\d+条事件（免去）于2024年7月31日结束/);
  });

  it('gives the same as JSON with --json', () => {
    const r = roster(['--json', 'cascade', '--session', '19']);
    const json = JSON.parse(r.out) as { cascades: { personId: string; items: unknown[] }[] };
    expect(json.cascades.map((c) => c.personId)).toContain('wang-anjing');
    expect(json.cascades.find((c) => c.personId === 'wang-anjing')?.items).toHaveLength(4);
  });

  it('needs --session, and names a session the record does not have', () => {
    expect(roster(['cascade']).code).toBe(2);
    const r = roster(['cascade', '--session', '99']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('记录中没有常委会第99次会议');
  });
});

describe('roster oaths on the embedded data', () => {
  it('lists the seven appointees, the organiser, the 2018 wording, and nobody for removals', () => {
    const r = roster(['oaths', '--session', '19']);
    expect(r.code).toBe(0);
    const owed = r.out.slice(0, r.out.indexOf('不进行宪法宣誓'));
    const names = [...owed.matchAll(/^ {2}\d+\. (\S+?)：/gm)].map((m) => m[1]);
    expect(names).toEqual(['方勤', '竺培楠', '汪闻勇', '曹敬之', '励志纲', '楼纪辉', '张碧莹']);
    expect(owed).toContain('组织：常务委员会主任会议');
    expect(r.out).toContain('为建设富强民主文明和谐美丽的社会主义现代化强国努力奋斗！');
    expect(r.out).toContain('不进行宪法宣誓：15人');
  });
});

describe('roster check and explain on the embedded data', () => {
  it('check passes, with the unnamed oath ceremony as a note', () => {
    const r = roster(['check']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('未列明宣誓人员');
  });

  it('explain shows the posts a person holds and the findings about them', () => {
    const r = roster(['explain', '马荧波']);
    expect(r.out).toContain('所任职务：');
    expect(r.out).toContain('宁波市人大社会建设委员会委员（起始日期不详，第');
    // The rule by its title (its id, cascade.resignation, is in --json).
    expect(r.out).toContain(
      '规则：常务委员会组成人员、专门委员会成员（乡、民族乡、镇的人民代表大会主席、副主席）辞去代表职务的请求被接受的，其职务相应终止',
    );
  });
});

describe('recording a personnel act that contradicts the record', () => {
  it('removing 黄利琴 from a seat the record already ended is refused, in Chinese, and nothing is written', () => {
    const db = freshDb();
    const before = readFileSync(db, 'utf8');
    const file = path.join(tempDir(), 'act.json');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'PersonnelDecided',
        source: { title: '宁波市人大常委会任免名单', session: 19, item: 7, date: '2024-07-31' },
        personId: 'huang-liqin',
        act: 'removed',
        posts: [{ organId: 'ningbo-financial-economic', title: '主任委员' }],
        date: '2024-07-31',
        session: 19,
        item: 7,
        list: { kind: 'appointments', proposer: 'council-of-chairpersons', position: 6 },
      }),
    );
    const r = roster(['record', file], db);
    expect(r.code).toBe(1);
    expect(r.err).toContain('记录中此时没有其担任该职务的记录');
    expect(readFileSync(db, 'utf8')).toBe(before);
  });
});

describe('a broken rules/settings.json', () => {
  it('is refused with the file and the JSON path named', () => {
    const dir = copyRules();
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ cascade: { otherGrounds: 'yes' } }));
    const r = spawnSync(process.execPath, [CLI, '--db', freshDb(), '--rules', dir, 'cascade', '--session', '19'], {
      encoding: 'utf8',
      env: cliEnv(),
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('settings.json');
    expect(r.stderr).toContain('$.cascade.otherGrounds');
  });
});

describe('recording a post event with a field missing', () => {
  it('names the file and the field, in Chinese, and writes nothing', () => {
    const db = freshDb();
    const before = readFileSync(db, 'utf8');
    const file = path.join(tempDir(), 'post.json');
    writeFileSync(
      file,
      JSON.stringify({ type: 'PostHeld', source: { title: '名单' }, personId: 'fang-qin', post: { organId: 'ningbo-sc' } }),
    );
    const r = roster(['record', file], db);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file}: $.post.title：缺少必填字段`);
    expect(readFileSync(db, 'utf8')).toBe(before);
  });
});
