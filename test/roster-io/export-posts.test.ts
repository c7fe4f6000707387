import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Derivation } from '../../src/engine/derive.js';
import { derive } from '../../src/engine/derive.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { DERIVED_HEADERS, fieldOf, headerMap } from '../../src/roster-io/columns.js';
import { rosterView } from '../../src/roster-io/roster-view.js';
import { seedEvents } from '../support/posts.js';
import { roster } from '../support/roster-cli.js';
import { RULES_DIR, SEED_DATA, tempDir } from '../support/scenario.js';

let seed: Promise<Derivation> | undefined;
/** The embedded record, derived once for the tests below, which only read it. */
const seedOn = async (asOf: string) => rosterView(await (seed ??= derive(seedEvents(), createEvaluator(loadRuleBook(RULES_DIR)))), asOf);
const postsOf = async (asOf: string, name: string) => (await seedOn(asOf)).lines.find((l) => l.name === name)?.posts;

describe('the posts in the roster of the 16th Ningbo congress, around the 19th session (2024-07-31)', () => {
  it('as of 2024-07-31, 方勤 holds the four posts the standing committee appointed her to that day', async () => {
    expect(await postsOf('2024-07-31', '方勤')).toEqual([
      '宁波市人大常委会副秘书长',
      '宁波市人大常委会办公厅主任',
      '宁波市人大法制委员会委员',
      '宁波市人大常委会法制工作委员会委员',
    ]);
  });

  it('as of 2024-07-30, 王安静 still holds 宁波市人大常委会副秘书长 and her other posts; as of 2024-07-31, when they were ended, none', async () => {
    expect(await postsOf('2024-07-30', '王安静')).toEqual([
      '宁波市人大常委会委员',
      '宁波市人大常委会副秘书长',
      '宁波市人大常委会社会建设工作委员会主任',
      '宁波市人大社会建设委员会主任委员',
    ]);
    expect(await postsOf('2024-07-31', '王安静')).toEqual([]);
  });

  it('as of 2024-07-30, 黄利琴 is still a 常委会委员 and chairs the 财政经济委员会; 竺培楠 is not yet its vice-chair', async () => {
    expect(await postsOf('2024-07-30', '黄利琴')).toEqual(['宁波市人大常委会委员', '宁波市人大财政经济委员会主任委员']);
    expect(await postsOf('2024-07-31', '竺培楠')).toEqual(['宁波市人大常委会预算工作委员会主任', '宁波市人大财政经济委员会副主任委员']);
  });

  it('people who hold posts but are not deputies in the list (曹敬之, appointed 宁波市发展和改革委员会主任) are kept for Popolo, not the table', async () => {
    const view = await seedOn('2024-07-31');
    expect(view.lines.map((l) => l.name)).not.toContain('曹敬之');
    expect(view.officeHolders.map((p) => p.name)).toContain('曹敬之');
  });

  it('the csv has a 职务 column with the posts held on the date', async () => {
    const dir = tempDir('roster-posts-');
    const db = path.join(dir, 'roster.json');
    writeFileSync(db, readFileSync(SEED_DATA));
    const r = await roster(db, 'export-roster', '--format', 'csv', '--as-of', '2024-07-30');
    expect(r.code, r.stderr).toBe(0);
    const [header, ...rows] = r.stdout.replace(/^\uFEFF/, '').trim().split('\r\n');
    const column = header!.split(',').indexOf('职务');
    expect(column).toBeGreaterThan(0);
    const row = rows.find((x) => x.includes(',朱欢,'))!;
    expect(row.split(',')[column]).toBe('宁波市人民政府副市长');
  });
});

describe('a roster with the columns exports add', () => {
  it('import-roster reads none of them as a field: 状态变更日期, 终止原因, 依据规则, 法律依据 and 职务 are ignored', () => {
    const map = headerMap();
    for (const header of Object.values(DERIVED_HEADERS)) expect(fieldOf(map, header), header).toBeUndefined();
  });
});
