import { describe, expect, it } from 'vitest';
import { roster, seedWorkspace } from '../support/cli.js';

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

const memberPosts = (m: Members, name: string) => m.units.flatMap((u) => u.members).find((p) => p.name === name)?.posts;

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
    expect(text(['members', '--session', '19'], s.db)).toMatch(/ {4}职务：宁波市人大常委会办公厅主任，2024年7月31日任命（常委会第十九次会议，第\d+条）/);
  });

  it('竺培楠 keeps the post the record found her in, with no start date, beside the one appointed that day', () => {
    const s = seedWorkspace();
    const posts = memberPosts(json<Members>(['members', '--session', '19'], s.db), '竺培楠')!;
    expect(posts.map((p) => [p.postName, p.from ?? null, p.started.kind])).toEqual([
      ['宁波市人大常委会预算工作委员会主任', null, 'recorded'],
      ['宁波市人大财政经济委员会副主任委员', '2024-07-31', 'act'],
    ]);
    expect(text(['members', '--session', '19'], s.db)).toMatch(/职务：宁波市人大常委会预算工作委员会主任，起始日期不详（记录载明现任，第\d+条）/);
  });

  it('at the 15th session no post appointed at the 19th is shown, and 黄利琴 still holds the posts she later resigned', () => {
    const s = seedWorkspace();
    const m = json<Members>(['members', '--session', '15'], s.db);
    expect(m.units.flatMap((u) => u.members.flatMap((p) => p.posts)).filter((p) => p.from === '2024-07-31')).toEqual([]);
    expect(memberPosts(m, '黄利琴')!.map((p) => p.postName)).toEqual(['宁波市人大常委会委员', '宁波市人大财政经济委员会主任委员']);
    expect(text(['members', '--session', '15'], s.db)).not.toContain('任命（常委会第十九次会议');
  });
});
