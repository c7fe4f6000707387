import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { roster, SCRATCH_DEATH_OF_FANG_QIN, seedWorkspace } from '../support/cli.js';
import { SEED_DATA, SEED_EVENTS } from '../support/scenario.js';

const json = <T>(args: string[], db: string): T => {
  const run = roster(['--db', db, '--json', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
};
const text = (args: string[], db: string): string => {
  const run = roster(['--db', db, ...args]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
};

type Cause = { kind: string; act?: string; session?: number; reason?: string; eventSeq: number };
type Holding = { postName: string; from?: string; started: Cause };
type Members = { units: { members: { name: string; posts: Holding[] }[] }[] };
type PostChange = { name: string; postName: string; date: string; cause: Cause; finding?: { ruleId: string } };
type Diff = { posts: { gained: PostChange[]; lost: PostChange[] } };

const memberPosts = (m: Members, name: string) => m.units.flatMap((u) => u.members).find((p) => p.name === name)?.posts;

/** The posts the 19th session's personnel decisions put people into and took them out of, as the data file records them. */
const seedActs = (
  JSON.parse(readFileSync(SEED_DATA, 'utf8')) as { events: { type: string; act?: string; posts?: unknown[] }[] }
).events.filter((e) => e.type === 'PersonnelDecided');
const appointing = (act: string | undefined) => act === 'appointed' || act === 'decided-appointed';
const postsOf = (keep: (act: string | undefined) => boolean) =>
  seedActs.filter((e) => keep(e.act)).reduce((n, e) => n + (e.posts?.length ?? 0), 0);

describe('the posts of the deputies who held a mandate at the 19th session of the 16th Ningbo standing committee', () => {
  it('方勤, by-elected and confirmed at the session, is listed with the four posts the session appointed her to', () => {
    const s = seedWorkspace();
    const posts = memberPosts(json<Members>(['members', '--session', '19'], s.db), '方勤')!;
    expect(posts.map((p) => p.postName)).toEqual([
      '宁波市人大常委会副秘书长',
      '宁波市人大常委会办公厅主任',
      '宁波市人大法制委员会委员',
      '宁波市人大常委会法制工作委员会委员',
    ]);
    expect(posts.every((p) => p.from === '2024-07-31' && p.started.act === 'appointed' && p.started.session === 19)).toBe(true);
    expect(text(['members', '--session', '19'], s.db)).toMatch(
      / {4}职务：宁波市人大常委会办公厅主任，2024年7月31日任命（常委会第十九次会议，第\d+条）/,
    );
  });

  it('竺培楠 keeps the post the record found her in, with no start date, beside the one appointed that day', () => {
    const s = seedWorkspace();
    const posts = memberPosts(json<Members>(['members', '--session', '19'], s.db), '竺培楠')!;
    expect(posts.map((p) => [p.postName, p.from ?? null, p.started.kind])).toEqual([
      ['宁波市人大常委会预算工作委员会主任', null, 'recorded'],
      ['宁波市人大财政经济委员会副主任委员', '2024-07-31', 'act'],
    ]);
    expect(text(['members', '--session', '19'], s.db)).toMatch(
      /职务：宁波市人大常委会预算工作委员会主任，起始日期不详（记录载明现任，第\d+条）/,
    );
  });

  it('at the 15th session no post appointed at the 19th is shown, and 黄利琴 still holds the posts she later resigned', () => {
    const s = seedWorkspace();
    const m = json<Members>(['members', '--session', '15'], s.db);
    expect(m.units.flatMap((u) => u.members.flatMap((p) => p.posts)).filter((p) => p.from === '2024-07-31')).toEqual([]);
    expect(memberPosts(m, '黄利琴')!.map((p) => p.postName)).toEqual(['宁波市人大常委会委员', '宁波市人大财政经济委员会主任委员']);
    expect(text(['members', '--session', '15'], s.db)).not.toContain('任命（常委会第十九次会议');
  });
});

describe('posts gained and lost between the 15th and the 19th sessions', () => {
  it('黄利琴 lost 常委会委员 and 财政经济委员会主任委员 when her resignation from them was accepted, 因到龄退休', () => {
    const s = seedWorkspace();
    const lost = json<Diff>(['diff', '--from', '15', '--to', '19'], s.db).posts.lost.filter((c) => c.name === '黄利琴');
    expect(lost.map((c) => [c.postName, c.date, c.cause.act, c.cause.reason])).toEqual([
      ['宁波市人大常委会委员', '2024-07-31', 'resignation-accepted', '因到龄退休'],
      ['宁波市人大财政经济委员会主任委员', '2024-07-31', 'resignation-accepted', '因到龄退休'],
    ]);
    expect(text(['diff', '--from', '15', '--to', '19'], s.db)).toMatch(
      / {2}黄利琴：宁波市人大常委会委员，2024年7月31日接受辞职（因到龄退休，常委会第十九次会议，第\d+条）/,
    );
  });

  it("方勤's posts are gained by appointment, and so are posts outside the congress (曹敬之, 决定任命)", () => {
    const s = seedWorkspace();
    const { gained } = json<Diff>(['diff', '--from', '15', '--to', '19'], s.db).posts;
    expect(gained.filter((c) => c.name === '方勤').map((c) => c.postName)).toHaveLength(4);
    expect(gained.find((c) => c.name === '曹敬之')).toMatchObject({
      postName: '宁波市发展和改革委员会主任',
      cause: { act: 'decided-appointed' },
    });
    const out = text(['diff', '--from', '15', '--to', '19'], s.db);
    expect(out).toMatch(/ {2}方勤：宁波市人大常委会副秘书长，2024年7月31日任命（常委会第十九次会议，第\d+条）/);
  });

  it('every post the session appointed to is gained and every post it ended is lost, deputy or not', () => {
    const s = seedWorkspace();
    const { gained, lost } = json<Diff>(['diff', '--from', '15', '--to', '19'], s.db).posts;
    expect(gained).toHaveLength(postsOf(appointing));
    expect(lost).toHaveLength(postsOf((a) => !appointing(a)));
    expect(lost.find((c) => c.name === '陈莹')).toMatchObject({
      postName: '余姚市人民检察院检察长',
      cause: { act: 'resignation-approved' },
    });
    const out = text(['diff', '--from', '15', '--to', '19'], s.db);
    expect(out).toContain(`新任职务：${gained.length}项`);
    expect(out).toContain(`卸任职务：${lost.length}项`);
  });

  it('between a session and itself no post changes', () => {
    const s = seedWorkspace();
    expect(json<Diff>(['diff', '--from', '19', '--to', '19'], s.db).posts).toEqual({ gained: [], lost: [] });
  });
});

describe('posts that end with a deputy who dies: a death recorded after the 19th session in a scratch copy (hypothetical, not in the record)', () => {
  it('death ends every post 方勤 holds, those that need no deputy status too (自然终止), first as not yet recorded, then with the PostEnded that records one', () => {
    const s = seedWorkspace();
    const died = s.write('died.json', SCRATCH_DEATH_OF_FANG_QIN);
    expect(roster(['--db', s.db, 'record', died]).code).toBe(0);
    const before = json<Diff>(['diff', '--from', '19', '--to', '2024-08-31'], s.db).posts.lost;
    const rule = 'cascade.every-post-ends-on-death';
    expect(before.map((c) => [c.postName, c.cause.kind, c.cause.eventSeq, c.finding?.ruleId])).toEqual([
      ['宁波市人大常委会副秘书长', 'cascade', SEED_EVENTS + 1, rule],
      ['宁波市人大常委会办公厅主任', 'cascade', SEED_EVENTS + 1, rule],
      ['宁波市人大法制委员会委员', 'cascade', SEED_EVENTS + 1, rule],
      ['宁波市人大常委会法制工作委员会委员', 'cascade', SEED_EVENTS + 1, rule],
    ]);
    expect(text(['diff', '--from', '19', '--to', '2024-08-31'], s.db)).toContain('记录中尚无该职务结束的记录');

    const ended = s.write('ended.json', {
      type: 'PostEnded',
      source: { title: '测试文件', date: '2024-08-01' },
      personId: 'fang-qin',
      post: { organId: 'ningbo-legal', title: '委员' },
      date: '2024-08-01',
      how: '自然终止',
    });
    expect(roster(['--db', s.db, 'record', ended]).code).toBe(0);
    const after = json<Diff>(['diff', '--from', '19', '--to', '2024-08-31'], s.db).posts.lost;
    expect(after.map((c) => [c.postName, c.cause.kind, c.finding?.ruleId])).toContainEqual(['宁波市人大法制委员会委员', 'recorded', rule]);
    expect(after.filter((c) => c.cause.kind === 'cascade')).toHaveLength(3);
    const posts = memberPosts(json<Members>(['members', '--as-of', '2024-07-31'], s.db), '方勤')!;
    expect(posts).toHaveLength(4);
  });
});

describe("a person's history shows the posts and the personnel acts about them", () => {
  it('黄利琴: the posts the record found her in, the decision accepting her resignation from them, and the cascade each post had', () => {
    const s = seedWorkspace();
    const out = text(['history', '黄利琴'], s.db);
    expect(out).toMatch(/所任职务：\n {2}宁波市人大常委会委员：起始日期不详（第\d+条），2024年7月31日接受辞职（第\d+条）/);
    expect(out).toContain('    现任职务：宁波市人大财政经济委员会主任委员（起始日期不详）');
    expect(out).toContain('    接受辞职：宁波市人大常委会委员、宁波市人大财政经济委员会主任委员（因到龄退休，常委会第十九次会议）');
    expect(out).toContain(
      '    认定：辞去代表职务被接受，职务相应终止（宁波市人大常委会委员）；规则“常务委员会组成人员、专门委员会成员（乡、民族乡、镇的人民代表大会主席、副主席）辞去代表职务的请求被接受的，其职务相应终止”；依据 选举法（2020年修正）第五十六条第一款〔V〕',
    );
    const h = json<{ posts: { name: string; end?: { how: string } }[] }>(['history', 'huang-liqin'], s.db);
    expect(h.posts.map((p) => [p.name, p.end?.how])).toEqual([
      ['宁波市人大常委会委员', 'resignation-accepted'],
      ['宁波市人大财政经济委员会主任委员', 'resignation-accepted'],
    ]);
  });

  it('方勤: her appointment at the 19th session, with the oath it obliges her to take', () => {
    const s = seedWorkspace();
    const out = text(['history', '方勤'], s.db);
    expect(out).toContain(
      '    任命：宁波市人大常委会副秘书长、宁波市人大常委会办公厅主任、宁波市人大法制委员会委员、宁波市人大常委会法制工作委员会委员（常委会第十九次会议）',
    );
    expect(out).toMatch(/任命：[^\n]*\n {4}认定：应当进行宪法宣誓；规则“[^”]+”；依据/);
    expect(out).toContain('  宁波市人大常委会办公厅主任：2024年7月31日起');
  });

  it('an oath that names the person (recorded in a scratch copy; the seed names nobody) joins her timeline', () => {
    const s = seedWorkspace();
    const oath = s.write('oath.json', {
      type: 'OathTaken',
      source: { title: '测试文件' },
      date: '2024-07-31',
      session: 19,
      personIds: ['fang-qin'],
    });
    expect(roster(['--db', s.db, 'record', oath]).code).toBe(0);
    expect(text(['history', '方勤'], s.db)).toContain(`#${SEED_EVENTS + 1} 宪法宣誓 方勤，2024年7月31日`);
  });
});
