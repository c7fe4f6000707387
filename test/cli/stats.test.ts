/**
 * 代表结构 (`roster stats`): the deputies counted on a date by gender, ethnicity, party, age band and
 * occupation group, for the congress and by electing unit, counted only from what the record
 * registers; 未登记 where it does not. As a table, as JSON, and as an HTML page with SVG charts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ageOn } from '../../src/views/structure.js';
import { congress, session } from '../support/builders.js';
import { roster as cli, seedWorkspace } from '../support/cli.js';
import { freshStore, roster } from '../support/roster-cli.js';
import { tempDir } from '../support/scenario.js';
import { deputies, rowOf, writeWorkbook } from '../support/workbooks.js';

type Tally = { value: string; count: number };
type Group = { unit?: string; total: number; by: Record<string, Tally[]> };
type Stats = { count: number; unnamed: number; date: string; congress: Group; units: Group[]; notes: string[] };

/** Six deputies loaded from a roster at session 1 (2026-01-10): three of 甲区, three of 乙区, one without a party. */
async function sixDeputies() {
  const dir = tempDir('roster-stats-');
  const db = await freshStore(
    [congress({ quota: 12, units: [{ name: '甲区', quota: 4 }, { name: '乙区' }] }), session(1, '2026-01-10'), session(2, '2026-06-30')],
    dir,
  );
  const rows = [
    ...deputies('甲区', 3, { ethnicity: '汉族', party: '中共党员', birth: '1970.05' }),
    ...deputies('乙区', 2, { ethnicity: '回族', party: '无党派', birth: '1981年12月' }),
  ].map(rowOf);
  rows.push(rowOf({ name: '阿不都·热合曼', unit: '乙区', gender: '男', ethnicity: '维吾尔族', birth: '1965-03-08' }, 6));
  const r = await roster(db, 'import-roster', await writeWorkbook(dir, { rows }), '--session', '1');
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return { dir, db };
}

const values = (tallies: Tally[]) => Object.fromEntries(tallies.map((t) => [t.value, t.count]));

describe('代表结构 from the registered facts', () => {
  it('counts gender, ethnicity, party and age bands for the congress and each unit; a missing party is 未登记', async () => {
    const { db } = await sixDeputies();
    const r = await roster(db, '--json', 'stats', '--session', '1');
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as Stats;
    expect([s.count, s.unnamed, s.date]).toEqual([6, 0, '2026-01-10']);
    expect(values(s.congress.by.gender!)).toEqual({ 男: 4, 女: 2 });
    expect(values(s.congress.by.ethnicity!)).toEqual({ 汉族: 3, 回族: 2, 维吾尔族: 1 });
    expect(values(s.congress.by.party!)).toEqual({ 中共党员: 3, 无党派: 2, 未登记: 1 });
    // On 2026-01-10: born 1970-05 → 55; 1981-12 → 44; 1965-03-08 → 60.
    expect(s.congress.by.age).toEqual([
      { value: '36至45岁', count: 2 },
      { value: '46至55岁', count: 3 },
      { value: '56至65岁', count: 1 },
    ]);
    expect(values(s.congress.by.occupation!)).toEqual({ 未登记: 6 });
    expect(s.units.map((u) => [u.unit, u.total, values(u.by.party!)])).toEqual([
      ['甲区', 3, { 中共党员: 3 }],
      ['乙区', 3, { 无党派: 2, 未登记: 1 }],
    ]);
    expect(s.notes.join('')).toContain('职业构成：记录中没有登记代表的职业类别');
  });

  it('prints tables a clerk reads, and an HTML page with one SVG chart per dimension', async () => {
    const { db, dir } = await sixDeputies();
    const text = (await roster(db, 'stats', '--session', '1')).stdout;
    expect(text).toContain('某市第一届人民代表大会代表结构：常委会第一次会议（2026年1月10日）');
    expect(text).toMatch(/党派\s+人数\s+占比\n\s+中共党员\s+3\s+50\.0%\n\s+无党派\s+2\s+33\.3%\n\s+未登记\s+1\s+16\.7%/);
    expect(text).toMatch(/选举单位（党派）\s+合计\s+中共党员\s+无党派\s+未登记\n\s+甲区\s+3\s+3\s+0\s+0\n\s+乙区\s+3\s+0\s+2\s+1/);
    const out = path.join(dir, '代表结构.html');
    const r = await roster(db, 'stats', '--session', '1', '--format', 'html', '-o', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('已生成代表结构统计（实有代表6名）');
    const html = readFileSync(out, 'utf8');
    expect(html.match(/<svg /g)).toHaveLength(5);
    expect(html).toContain('<title>乙区：未登记 1名（33.3%）</title>');
    expect(html).toContain('<th>维吾尔族</th>');
    expect(html).not.toContain('<script');
  });

  it('the 16th Ningbo record registers no such facts: its 479 deputies are all 未登记, the 476 unnamed under 选举单位不详', () => {
    const s = seedWorkspace();
    const r = cli(['--db', s.db, '--json', 'stats']);
    expect(r.code, r.stderr).toBe(0);
    const x = JSON.parse(r.stdout) as Stats;
    expect([x.count, x.unnamed]).toEqual([479, 476]);
    for (const key of ['gender', 'ethnicity', 'party', 'age', 'occupation'])
      expect(x.congress.by[key], key).toEqual([{ value: '未登记', count: 479 }]);
    expect(x.units.map((u) => [u.unit ?? null, u.total])).toEqual([
      ['鄞州区', 2],
      ['慈溪市', 1],
      [null, 476],
    ]);
    const refused = cli(['--db', s.db, 'stats', '--format', 'html']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('html 格式须用 -o 指定输出文件');
    expect(cli(['--db', s.db, 'stats', '--as-of', '2023-01-01']).code).toBe(1);
  });

  it('ages in completed years, a month-only birth date read as the month’s first day', () => {
    expect(ageOn('1970-05', '2025-04-30')).toBe(54);
    expect(ageOn('1970-05', '2025-05-01')).toBe(55);
    expect(ageOn('1965-03-08', '2026-03-07')).toBe(60);
    expect(ageOn('1965-03-08', '2026-03-08')).toBe(61);
  });
});
