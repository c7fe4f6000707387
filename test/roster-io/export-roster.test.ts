import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { congress, session, src } from '../support/builders.js';
import { held, organ } from '../support/posts.js';
import { freshStore, roster } from '../support/roster-cli.js';
import { SEED_DATA, tempDir } from '../support/scenario.js';
import { deputies, rowOf, sheetText, writeWorkbook } from '../support/workbooks.js';

const SETUP = [
  congress({ quota: 12, units: [{ name: '甲区', quota: 4 }, { name: '乙区' }] }),
  session(1, '2026-01-10'),
  session(2, '2026-06-30'),
];

/** A roster with details in every column, loaded at session 1. */
async function loaded() {
  const dir = tempDir('roster-export-');
  const db = await freshStore(SETUP, dir);
  const rows = [
    ...deputies('甲区', 3, {
      ethnicity: '汉族',
      party: '中共党员',
      birth: '1970.05',
      confirmed: '2026-01-10',
      affiliation: '某公司总经理',
    }),
    ...deputies('乙区', 2, { ethnicity: '回族', party: '无党派', birth: '1981年12月' }),
  ].map(rowOf);
  rows.push(rowOf({ name: '阿不都·热合曼', unit: '乙区', gender: '男', ethnicity: '维吾尔族', birth: '1965-03-08' }, 6));
  const r = await roster(db, 'import-roster', await writeWorkbook(dir, { rows }), '--session', '1');
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return { dir, db };
}

describe('a roster exported to xlsx and loaded into a fresh store', () => {
  it('gives the same roster: exporting the fresh store again yields the same sheet', async () => {
    const { dir, db } = await loaded();
    const first = path.join(dir, 'first.xlsx');
    expect((await roster(db, 'export-roster', '--format', 'xlsx', '-o', first)).code).toBe(0);

    const fresh = await freshStore(SETUP, tempDir('roster-fresh-'));
    const r = await roster(fresh, 'import-roster', first, '--session', '1');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const second = path.join(dir, 'second.xlsx');
    expect((await roster(fresh, 'export-roster', '--format', 'xlsx', '-o', second)).code).toBe(0);

    const a = await sheetText(first, '代表名册');
    expect(a).toHaveLength(8);
    expect(a[2]).toEqual(
      expect.arrayContaining(['甲区代表1', '男', '汉族', '1970-05', '中共党员', '甲区', '某公司总经理', '2026-01-10', '代表资格有效']),
    );
    expect(await sheetText(second, '代表名册')).toEqual(a);
    const headcount = async (file: string) => JSON.parse((await roster(file, 'headcount', '--session', '2', '--json')).stdout).byUnit;
    expect(await headcount(fresh)).toEqual(await headcount(db));
  });
});

describe('a roster exported with the posts its deputies hold', () => {
  it('loads into a fresh store all the same: the 职务 column is ignored, and the rest of the roster is unchanged', async () => {
    const { dir, db } = await loaded();
    const personId = JSON.parse((await roster(db, 'explain', '甲区代表1', '--json')).stdout).personId;
    const input = path.join(dir, 'posts.json');
    writeFileSync(input, JSON.stringify([organ('sc', 'standing-committee', '某市人大常委会'), held(personId, 'sc', '委员')]));
    expect((await roster(db, 'record', input)).code).toBe(0);
    const first = path.join(dir, 'with-posts.xlsx');
    expect((await roster(db, 'export-roster', '--format', 'xlsx', '-o', first)).code).toBe(0);
    const a = await sheetText(first, '代表名册');
    const posts = a[1]!.indexOf('职务');
    expect(a.find((row) => row.includes('甲区代表1'))![posts]).toBe('某市人大常委会委员');

    const fresh = await freshStore(SETUP, tempDir('roster-fresh-'));
    const r = await roster(fresh, 'import-roster', first, '--session', '1');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const second = path.join(dir, 'fresh.xlsx');
    expect((await roster(fresh, 'export-roster', '--format', 'xlsx', '-o', second)).code).toBe(0);
    // The fresh store has no posts (a roster does not load them); everything else is the same.
    const withoutPosts = (rows: string[][]) => rows.map((row) => row.filter((_, i) => i !== posts));
    expect(withoutPosts(await sheetText(second, '代表名册'))).toEqual(withoutPosts(a));
  });
});

describe('a roster exported after a deputy’s status ended', () => {
  let recorded: Promise<{ dir: string; db: string }> | undefined;
  /** Made once for the tests below, which only read it. */
  const withTransfer = () => (recorded ??= transferOut());
  async function transferOut() {
    const { dir, db } = await loaded();
    const personId = JSON.parse((await roster(db, 'explain', '甲区代表2', '--json')).stdout).personId;
    const event = { type: 'DeputyTransferredOut', source: src('2026-06-30', 2), personId, date: '2026-05-20', movement: 'transferred' };
    const input = path.join(dir, 'transfer.json');
    writeFileSync(input, JSON.stringify(event));
    expect((await roster(db, 'record', input)).code).toBe(0);
    return { dir, db };
  }

  it('the csv names the status, the date, the reason, the rule (by its title: a clerk reads it) and the citation in force', async () => {
    const { db } = await withTransfer();
    const r = await roster(db, 'export-roster', '--format', 'csv');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('\uFEFF序号,人员编号,姓名')).toBe(true);
    expect(r.stdout).toMatch(
      /甲区代表2,女,汉族,1970-05,中共党员,甲区,某公司总经理,2026-01-10,代表资格终止,2026-05-20,调离本行政区域,地方各级人民代表大会代表调离本行政区域的，其代表资格终止,代表法（2025年修正）第六十二条第一款第（一）项/,
    );
  });

  it('loaded into a fresh store, the export gives the same counted roster; the ended mandate is listed as not loaded', async () => {
    const { dir, db } = await withTransfer();
    const first = path.join(dir, 'after-transfer.xlsx');
    expect((await roster(db, 'export-roster', '--format', 'xlsx', '-o', first)).code).toBe(0);
    const fresh = await freshStore(SETUP, tempDir('roster-fresh-'));
    const r = await roster(fresh, 'import-roster', first, '--session', '2');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('未载入（代表状态表明不计入实有代表）：1名');
    expect(r.stdout).toMatch(/第4行 甲区代表2（甲区）：代表资格终止/);
    const second = path.join(dir, 'fresh.xlsx');
    expect((await roster(fresh, 'export-roster', '--format', 'xlsx', '-o', second)).code).toBe(0);
    // The same people, details, units, confirmation dates and status (序号 and 状态变更日期 aside).
    const counted = (rows: string[][]) =>
      rows
        .slice(2)
        .filter((row) => row[10] === '代表资格有效')
        .map((row) => [...row.slice(1, 11)]);
    const before = counted(await sheetText(first, '代表名册'));
    expect(before).toHaveLength(5);
    expect(counted(await sheetText(second, '代表名册'))).toEqual(before);
  });

  it('as of a date before the transfer, the deputy is still a valid deputy', async () => {
    const { db } = await withTransfer();
    const r = await roster(db, 'export-roster', '--format', 'csv', '--as-of', '2026-05-19');
    expect(r.stdout).toMatch(/甲区代表2,.*,代表资格有效,2026-01-10,,,,/);
  });

  it('popolo gives the membership an end date and a controlled end reason with its legal basis', async () => {
    const { dir, db } = await withTransfer();
    const out = path.join(dir, 'roster.popolo.json');
    expect((await roster(db, 'export-roster', '--format', 'popolo', '-o', out)).code).toBe(0);
    const p = JSON.parse(readFileSync(out, 'utf8'));
    expect(p.organizations[0]).toMatchObject({ name: '某市第一届人民代表大会', classification: 'legislature' });
    expect(p.posts).toContainEqual(expect.objectContaining({ id: 'post/甲区', organization_id: p.organizations[0].id, seats: 4 }));
    const person = p.persons.find((x: { name: string }) => x.name === '甲区代表2');
    expect(person).toMatchObject({ gender: 'female', birth_date: '1970-05' });
    const membership = p.memberships.find((m: { person_id: string; post_id?: string }) => m.person_id === person.id && m.post_id);
    expect(membership).toMatchObject({
      post_id: 'post/甲区',
      start_date: '2026-01-10',
      end_date: '2026-05-20',
      end_reason: 'transferred-out',
      legal_basis: { rule_id: 'termination.transferred-out' },
    });
    expect(p.meta.end_reasons).toContain(membership.end_reason);
  });
});

describe('the embedded 16th Ningbo congress', () => {
  it('exports the deputies the record names and says how many it counts without names', async () => {
    const dir = tempDir('roster-seed-');
    const db = path.join(dir, 'roster.json');
    writeFileSync(db, readFileSync(SEED_DATA));
    const r = await roster(db, 'export-roster', '--format', 'popolo', '--json');
    const p = JSON.parse(r.stdout);
    expect(p.meta).toMatchObject({ as_of: '2024-07-31', counted: 479, unnamed_counted: 476 });
    const deputies = p.memberships.filter((m: { organization_id?: string }) => m.organization_id === p.organizations[0].id);
    const ends = deputies.filter((m: { end_reason?: string }) => m.end_reason).map((m: { end_reason: string }) => m.end_reason);
    expect(ends.sort()).toEqual([...Array(3).fill('resigned'), ...Array(5).fill('transferred-out')]);
  });

  it('a roster of the 484 deputies at the 15th session names them, matching the 8 the record knows', async () => {
    const dir = tempDir('roster-seed-');
    const db = path.join(dir, 'roster.json');
    writeFileSync(db, readFileSync(SEED_DATA));
    // The eight named in the credentials report, then invented names for the rest of the 484.
    const known = [
      ['朱欢', '江北区'],
      ['徐伟斌', '镇海区'],
      ['何国强', '余姚市'],
      ['王安静', '象山县'],
      ['莫鼎革', '象山县'],
      ['陈庆丰', '镇海区'],
      ['黄利琴', '鄞州区'],
      ['马荧波', '慈溪市'],
    ].map(([name, unit]) => ({ name: name!, unit: unit! }));
    const units = ['江北区', '镇海区', '余姚市', '象山县', '鄞州区', '慈溪市'];
    const others = Array.from({ length: 476 }, (_, i) => ({ name: `测试代表${i + 1}`, unit: units[i % units.length]! }));
    const file = await writeWorkbook(dir, { rows: [...known, ...others].map(rowOf) });
    const r = await roster(db, 'import-roster', file, '--json');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout).plan;
    expect(plan.balance).toMatchObject({ session: 15, count: 484, stated: 'recorded' });
    expect(plan.matched.map((m: { personId: string }) => m.personId)).toContain('zhu-huan');
    expect(plan.added).toHaveLength(476);

    const h = JSON.parse((await roster(db, 'headcount', '--session', '19', '--json')).stdout);
    expect(h).toMatchObject({ baseline: { count: 484 }, terminated: { count: 8 }, confirmed: { count: 3 }, countAfter: 479 });
    expect(h.byUnit.find((u: { unit: string }) => u.unit === '鄞州区').countAfter).toBe(80 - 1 + 2);
    expect((await roster(db, 'check')).code).toBe(0);

    // Every deputy now has a name: the roster of the 19th session is checked against the record.
    const byElected = [
      ['方勤', '鄞州区'],
      ['竺培楠', '鄞州区'],
      ['汪闻勇', '慈溪市'],
    ].map(([name, unit]) => ({ name: name!, unit: unit! }));
    const at19 = await writeWorkbook(dir, { rows: [...others, ...byElected].map(rowOf) }, 'session-19.xlsx');
    const agrees = await roster(db, 'import-roster', at19, '--session', '19');
    expect(agrees.code, agrees.stdout).toBe(0);
    expect(agrees.stdout).toContain('核对：第19次会议（2024年7月31日）时的实有代表479名，名册与记录一致');
    const stale = await writeWorkbook(dir, { rows: [...others, ...byElected.slice(1), known[0]!].map(rowOf) }, 'stale.xlsx');
    const disagrees = await roster(db, 'import-roster', stale, '--session', '19');
    expect(disagrees.code).toBe(1);
    expect(disagrees.stdout).toContain('第480行 G列（选举单位）：朱欢（江北区）在记录中不是第19次会议（2024年7月31日）时的实有代表');
    expect(disagrees.stdout).toContain('记录中第19次会议（2024年7月31日）时的实有代表方勤（鄞州区）不在名册中');
  });
});

describe('the xlsx export, as a clerk opens it in Excel', () => {
  it('has typed cells: numbers for 序号 and counts, date cells shown in Chinese (a birth month as a month), empty cells empty', async () => {
    const { dir, db } = await loaded();
    const file = path.join(dir, 'typed.xlsx');
    const r = await roster(db, 'export-roster', '--format', 'xlsx', '-o', file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/DeprecationWarning|DEP0/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('代表名册')!;
    const headers = (ws.getRow(2).values as string[]).slice(1);
    const col = (header: string) => headers.indexOf(header) + 1;
    const first = ws.getRow(3);
    expect(first.getCell(col('序号')).value).toBe(1);
    const birth = first.getCell(col('出生年月'));
    expect(birth.value).toEqual(new Date(Date.UTC(1970, 4, 1)));
    expect(birth.numFmt).toBe('yyyy"年"m"月"');
    const confirmed = first.getCell(col('代表资格确认日期'));
    expect(confirmed.value).toEqual(new Date(Date.UTC(2026, 0, 10)));
    expect(confirmed.numFmt).toBe('yyyy"年"m"月"d"日"');
    // No ended mandate on this row: its reason, rule and citation are empty cells, not empty strings.
    for (const header of ['终止原因', '依据规则', '法律依据']) expect(first.getCell(col(header)).type).toBe(ExcelJS.ValueType.Null);
    const about = wb.getWorksheet('说明')!;
    expect(about.getRow(1).values).toEqual([undefined, '代表名额', 12]);
    expect(about.getRow(2).values).toEqual([undefined, '实有代表', 6]);
  });

  it('filters on its header row, repeats the title and headers on every printed page, and sizes every column', async () => {
    const { dir, db } = await loaded();
    const file = path.join(dir, 'print.xlsx');
    expect((await roster(db, 'export-roster', '--format', 'xlsx', '-o', file)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('代表名册')!;
    expect(ws.autoFilter).toBe('A2:Q8');
    expect(ws.pageSetup.printTitlesRow).toBe('1:2');
    expect(ws.pageSetup.orientation).toBe('landscape');
    const headers = (ws.getRow(2).values as string[]).slice(1);
    headers.forEach((header, i) => {
      const width = ws.getColumn(i + 1).width!;
      expect(width, header).toBeGreaterThanOrEqual([...header].length * 2);
    });
    // The widest affiliation fits its column.
    expect(ws.getColumn(headers.indexOf('工作单位及职务') + 1).width).toBeGreaterThanOrEqual('某公司总经理'.length * 2);
  });
});
