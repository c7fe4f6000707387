import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { congress, session } from '../support/builders.js';
import { importInto } from '../support/import-in-process.js';
import { freshStore, roster } from '../support/roster-cli.js';
import { tempDir } from '../support/scenario.js';
import { type Cell, deputies, HEADERS, rowOf, writeCsv, writeWorkbook } from '../support/workbooks.js';

/** An invented city congress: 甲区 has a quota of 3, 乙区 none recorded; session 1 on 2026-01-10. */
const SETUP = [congress({ quota: 20, units: [{ name: '甲区', quota: 3 }, { name: '乙区' }] }), session(1, '2026-01-10')];
const VALID: Cell[][] = [...deputies('甲区', 3), ...deputies('乙区', 4)].map(rowOf);

let template: string;
beforeAll(async () => {
  template = await freshStore(SETUP);
});

/** A scratch copy of the store with the congress and session recorded (the log and its head file, as README says to copy it). */
function store(): { db: string; dir: string } {
  const dir = tempDir('roster-import-');
  const db = path.join(dir, 'roster.json');
  writeFileSync(db, readFileSync(template));
  writeFileSync(`${db}.head.json`, readFileSync(`${template}.head.json`));
  return { db, dir };
}

describe('a clerk loads the opening roster into a record that has no opening balance yet', () => {
  it('registers each deputy and states the count confirmed at the session named by --session', async () => {
    const { db, dir } = store();
    const file = await writeWorkbook(dir, { rows: VALID });
    const r = await roster(db, 'import-roster', file, '--session', '1');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('将记录第1次会议（2026年1月10日）确认的实有代表7名');
    expect(r.stdout).toContain('新登记并列入期初名册：7名');
    const h = JSON.parse((await roster(db, 'headcount', '--as-of', '2026-01-10', '--json')).stdout);
    expect(h.countAfter).toBe(7);
    expect(h.byUnit.find((u: { unit: string }) => u.unit === '甲区')).toMatchObject({ countAfter: 3, vacancies: 0 });
  });

  it('refuses without --session, since the count must belong to a confirmation at a session', async () => {
    const { db, dir } = store();
    const r = await roster(db, 'import-roster', await writeWorkbook(dir, { rows: VALID }));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('请用 --session N 指明');
  });

  it('a dry run shows what would be recorded and writes nothing', async () => {
    const { db, dir } = store();
    const before = readFileSync(db, 'utf8');
    const r = await roster(db, 'import-roster', await writeWorkbook(dir, { rows: VALID }), '--session', '1', '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('试运行（--dry-run）：将写入事件9个，实际未写入');
    expect(r.stdout).toContain('甲区（3名）：甲区代表1、甲区代表2、甲区代表3');
    expect(readFileSync(db, 'utf8')).toBe(before);
  });

  it('loading the same roster again matches every deputy and writes nothing', async () => {
    const { db, dir } = store();
    const file = await writeWorkbook(dir, { rows: VALID });
    expect((await roster(db, 'import-roster', file, '--session', '1')).code).toBe(0);
    const before = readFileSync(db, 'utf8');
    const again = await roster(db, 'import-roster', file, '--json');
    expect(again.code, again.stderr).toBe(0);
    const result = JSON.parse(again.stdout);
    expect(result.plan.matched).toHaveLength(7);
    expect(result.plan.events).toHaveLength(0);
    expect(readFileSync(db, 'utf8')).toBe(before);
  });
});

describe('a roster with problems is refused as a whole, each problem named by sheet, row and column', () => {
  async function problems(rows: Cell[][]) {
    const { db, dir } = store();
    const before = readFileSync(db, 'utf8');
    const { result, report } = await importInto(db, await writeWorkbook(dir, { rows }), { session: 1 });
    expect(result.ok).toBe(false);
    expect(readFileSync(db, 'utf8')).toBe(before);
    return report;
  }

  it('a row without a name is reported in the 姓名 column', async () => {
    const rows = VALID.map((r, i) => (i === 2 ? r.map((c, j) => (j === 1 ? '　 ' : c)) : r));
    expect(await problems(rows)).toContain('工作表“代表名册” 第4行 B列（姓名）：缺少姓名');
  });

  it('an electing unit that is not one of the congress’s is reported with the known units', async () => {
    const rows = [...VALID, rowOf({ name: '丙区代表1', unit: '丙区' }, 8)];
    expect(await problems(rows)).toContain('第9行 G列（选举单位）：选举单位“丙区”不是本届的选举单位（甲区、乙区）');
  });

  it('a birth date that is not a date is reported in the 出生年月 column', async () => {
    const rows = VALID.map((r, i) => (i === 0 ? r.map((c, j) => (j === 4 ? '七十年代' : c)) : r));
    expect(await problems(rows)).toContain('第2行 E列（出生年月）：出生年月：“七十年代”不是日期');
  });

  it('the same person listed twice is reported at the second row, naming the first', async () => {
    const rows = [...VALID.slice(3), rowOf({ name: '乙区代表2', unit: '乙区' }, 8)];
    expect(await problems(rows)).toContain('第6行 G列（选举单位）：乙区代表2（乙区）与第3行重复，同一人列入两次');
  });

  it('the same name and birth date under two electing units is one person in two seats', async () => {
    const rows = [
      ...VALID,
      rowOf({ name: '某人', unit: '甲区', birth: '1970.05' }, 8),
      rowOf({ name: '某 人', unit: '乙区', birth: '1970年5月' }, 9),
    ];
    expect(await problems(rows)).toContain(
      '第10行 G列（选举单位）：某人（出生年月1970-05）已在第9行列为甲区的代表，同一人不能由两个选举单位选出',
    );
  });

  it('more deputies for an electing unit than its quota is reported with every row of that unit', async () => {
    const rows = [...deputies('甲区', 4).map(rowOf), ...deputies('乙区', 2).map(rowOf)];
    expect(await problems(rows)).toContain('第5行 G列（选举单位）：选举单位“甲区”名额3名，名册列出4名（第2、3、4、5行）');
  });

  it('every problem is listed, not only the first', async () => {
    const rows = [...VALID, rowOf({ name: '', unit: '丙区' }, 8), rowOf({ name: '某人', unit: '乙区', birth: '1970年13月' }, 9)];
    const out = await problems(rows);
    expect(out).toContain('发现问题3项，未写入任何记录');
    expect(out).toMatch(/第9行 B列（姓名）：缺少姓名[\s\S]*第9行 G列[\s\S]*第10行 E列（出生年月）：出生年月：不是有效的日期（1970-13）/);
  });

  it('problems come as JSON with --json, each with its row and column, and the exit is non-zero', async () => {
    const { db, dir } = store();
    const before = readFileSync(db, 'utf8');
    const rows = VALID.map((r, i) => (i === 0 ? r.map((c, j) => (j === 2 ? '未知' : c)) : r));
    const r = await roster(db, 'import-roster', await writeWorkbook(dir, { rows }), '--session', '1', '--json');
    expect(r.code).toBe(1);
    expect(readFileSync(db, 'utf8')).toBe(before);
    const result = JSON.parse(r.stdout);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'invalid-gender', sheet: '代表名册', row: 2, column: 'C', header: '性别' }),
    ]);
  });
});

describe('a roster loaded against a recorded opening balance must agree with its count', () => {
  it('a count that disagrees with the balance is reported with both figures', async () => {
    const { db, dir } = store();
    expect((await roster(db, 'import-roster', await writeWorkbook(dir, { rows: VALID }), '--session', '1')).code).toBe(0);
    const shorter = await writeWorkbook(dir, { rows: VALID.slice(0, 6) }, 'shorter.xlsx');
    const r = await roster(db, 'import-roster', shorter);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('名册列出实有代表6名，与记录中第1次会议确认的实有代表7名不一致');
    expect(r.stdout).toContain('记录中第1次会议的实有代表乙区代表4（乙区）不在名册中');
  });
});

describe('names are normalised the way clerks write them', () => {
  it('full-width and stray spaces go, the middle dot takes one form, and characters outside the BMP stay whole', async () => {
    const { db, dir } = store();
    const rows = [
      rowOf({ name: '阿不都・热合曼', unit: '甲区' }, 1),
      rowOf({ name: ' 吉\u3000𠮷 ', unit: '甲区' }, 2),
      rowOf({ name: '张 三', unit: '乙区' }, 3),
    ];
    const { result } = await importInto(db, await writeWorkbook(dir, { rows }), { session: 1 });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.plan.added.map((p) => p.name)).toEqual(['阿不都·热合曼', '吉𠮷', '张三']);
    expect((await roster(db, 'explain', '阿不都·热合曼')).stdout).toContain('甲区选举单位');
  });
});

describe('header rows as clerks lay them out', () => {
  it('a title row and headers merged over two rows are recognised', async () => {
    const { db, dir } = store();
    const file = await writeWorkbook(dir, {
      preamble: [['某市第一届人民代表大会代表名册']],
      headers: [
        ['序号', '姓  名', '基本情况', null, null, '党派', '选举单位', '工作单位及职务', '代表资格', '备注'],
        [null, null, '性别', '民族', '出生年月', null, null, null, '确认日期', null],
      ],
      rows: VALID,
      merges: ['A1:J1', 'A2:A3', 'B2:B3', 'C2:E2', 'F2:F3', 'G2:G3', 'H2:H3', 'J2:J3'],
    });
    const { result, report } = await importInto(db, file, { session: 1, dryRun: true });
    expect(result.ok, report).toBe(true);
    expect(report).toContain('新登记并列入期初名册：7名');
  });

  it('a header spread over two columns, and an electing unit merged down over its deputies, are read', async () => {
    const { db, dir } = store();
    const headers = [['序号', '姓名', null, '选举单位', '性别']];
    const rows: Cell[][] = [
      [1, '甲区代表1', null, '甲区', '男'],
      [2, '甲区代表2', null, null, '女'],
      [3, '乙区代表1', null, '乙区', '男'],
    ];
    const file = await writeWorkbook(dir, { headers, rows, merges: ['B1:C1', 'D2:D3'] });
    const { result, report } = await importInto(db, file, { session: 1, dryRun: true });
    expect(result.ok, report).toBe(true);
    expect(report).toContain('甲区（2名）：甲区代表1、甲区代表2');
  });

  it('a heading row merged across the table between groups of deputies is not read as a deputy', async () => {
    const { db, dir } = store();
    const rows: Cell[][] = [['甲区（3名）'], ...VALID.slice(0, 3), ['乙区（4名）'], ...VALID.slice(3)];
    const file = await writeWorkbook(dir, { rows, merges: ['A2:J2', 'A6:J6'] });
    const { result, report } = await importInto(db, file, { session: 1, dryRun: true });
    expect(result.ok, report).toBe(true);
    expect(report).toContain('新登记并列入期初名册：7名');
  });

  it('--map names a column whose header is the clerk’s own', async () => {
    const { db, dir } = store();
    const headers = [HEADERS.map((h) => (h === '姓名' ? '代表' : h))];
    const file = await writeWorkbook(dir, { headers, rows: VALID });
    expect((await importInto(db, file, { session: 1 })).report).toContain(
      '前20行中没有找到“姓名”表头；如表头另有写法，请用 --map 表头=name 指定',
    );
    const { result, report } = await importInto(db, file, { session: 1, map: ['代表=name'] });
    expect(result.ok, report).toBe(true);
    // Repeated: each --map adds its column (here the notes under the clerk's 备考).
    const noted = [HEADERS.map((h) => (h === '姓名' ? '代表' : h === '备注' ? '备考' : h))];
    const rows = [...deputies('甲区', 3, { note: '连任' }), ...deputies('乙区', 4)].map(rowOf);
    const both = await writeWorkbook(dir, { headers: noted, rows }, 'noted.xlsx');
    const twice = await roster(
      store().db,
      'import-roster',
      '--map',
      '代表=name',
      '--map',
      '备考=note',
      both,
      '--session',
      '1',
      '--dry-run',
      '--json',
    );
    expect(twice.code, twice.stdout + twice.stderr).toBe(0);
    const planned = (JSON.parse(twice.stdout) as { plan: { events: { type: string; name?: string; note?: string }[] } }).plan.events;
    expect(planned.filter((e) => e.type === 'PersonRegistered').map((e) => [e.name, e.note])).toEqual([
      ['甲区代表1', '连任'],
      ['甲区代表2', '连任'],
      ['甲区代表3', '连任'],
      ['乙区代表1', undefined],
      ['乙区代表2', undefined],
      ['乙区代表3', undefined],
      ['乙区代表4', undefined],
    ]);
    const bad = await roster(db, 'import-roster', file, '--map', '代表=姓名');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--map “代表=姓名”无效：应写作 列名=字段');
  });

  it('--sheet chooses the sheet, and an unknown sheet is named with the ones there are', async () => {
    const { db, dir } = store();
    const file = await writeWorkbook(dir, { sheet: '名单', rows: VALID, extraSheets: ['封面'] });
    expect((await roster(db, 'import-roster', file, '--session', '1', '--sheet', '名单')).code).toBe(0);
    const r = await roster(db, 'import-roster', file, '--sheet', '花名册');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('工作簿中没有名为“花名册”的工作表（现有：封面、名单）');
  });
});

describe('dates stored as Excel serials, date cells and text', () => {
  it('1970.05, 1970年5月, a serial number, a date cell and ISO text are all read', async () => {
    const { db, dir } = store();
    const births: Cell[] = ['1970.05', '1970年5月', 25_689, new Date(Date.UTC(1970, 4, 3)), '1970-05-03', 1970.1, '1970年5月3日'];
    const rows = VALID.map((r, i) => r.map((c, j) => (j === 4 ? births[i]! : j === 8 ? 46_032 : c)));
    const file = await writeWorkbook(dir, { rows, formats: { D: '@' } });
    const { result, report } = await importInto(db, file, { session: 1, dryRun: true });
    if (!result.ok) throw new Error(report);
    const events = result.plan.events;
    const registered = events.flatMap((e) => (e.type === 'PersonRegistered' ? [e.birthDate] : []));
    expect(registered).toEqual(['1970-05', '1970-05', '1970-05-01', '1970-05-03', '1970-05-03', '1970-10', '1970-05-03']);
    const loaded = events.find((e) => e.type === 'RosterLoaded');
    expect(loaded?.type === 'RosterLoaded' && loaded.members[0]?.confirmedOn).toBe('2026-01-10');
  });
});

describe('a roster as CSV', () => {
  it('a UTF-8 CSV with a byte-order mark loads like a workbook', async () => {
    const { db, dir } = store();
    const file = writeCsv(dir, VALID);
    writeFileSync(file, `\uFEFF${readFileSync(file, 'utf8')}`);
    const r = await roster(db, 'import-roster', file, '--session', '1');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('新登记并列入期初名册：7名');
  });

  it('a CSV saved by Excel on Chinese Windows (GB18030) is decoded', async () => {
    const { db, dir } = store();
    const file = path.join(dir, 'gbk.csv');
    // 姓名,选举单位 / 张三,甲区 in GB18030.
    const bytes = Buffer.from('d0d5c3fb2cd1a1bed9b5a5cebb0d0ad5c5c8fd2cbcd7c7f8', 'hex');
    expect(new TextDecoder('gb18030').decode(bytes)).toBe('姓名,选举单位\r\n张三,甲区');
    writeFileSync(file, bytes);
    const { result, report } = await importInto(db, file, { session: 1, dryRun: true });
    expect(result.ok, report).toBe(true);
    expect(report).toContain('甲区（1名）：张三');
  });

  it('a CSV problem is named by row and column like a sheet’s', async () => {
    const { db, dir } = store();
    const { report } = await importInto(db, writeCsv(dir, [...VALID, rowOf({ name: '某人', unit: '乙区', birth: '去年' }, 8)]), {
      session: 1,
    });
    expect(report).toContain('工作表“roster.csv” 第9行 E列（出生年月）：出生年月：“去年”不是日期');
  });
});

describe('a file that is not a roster at all', () => {
  it('a text file named .xlsx is refused with a Chinese message and nothing is written', async () => {
    const { db, dir } = store();
    const before = readFileSync(db, 'utf8');
    const file = path.join(dir, '名册.xlsx');
    writeFileSync(file, '这不是工作簿');
    const r = await roster(db, 'import-roster', file, '--session', '1');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('不是 Excel 工作簿（.xlsx）或 CSV 文件，无法导入');
    expect(readFileSync(db, 'utf8')).toBe(before);
  });

  it('a damaged zip named .xlsx is refused as not a valid workbook', async () => {
    const { db, dir } = store();
    const file = path.join(dir, 'broken.xlsx');
    writeFileSync(file, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40, 1)]));
    const r = await roster(db, 'import-roster', file, '--session', '1');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('不是有效的 Excel 工作簿（.xlsx），无法读取');
  });

  it('an old .xls workbook is refused with the way to convert it', async () => {
    const { db, dir } = store();
    const file = path.join(dir, '名册.xls');
    writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const r = await roster(db, 'import-roster', file, '--session', '1');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('这是旧版 Excel 文件（.xls），请在 Excel 中另存为 .xlsx 后再导入');
  });

  it('a missing file is named', async () => {
    const { db, dir } = store();
    const r = await roster(db, 'import-roster', path.join(dir, 'nope.xlsx'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('无法读取文件：文件或文件夹不存在（ENOENT）');
  });
});
