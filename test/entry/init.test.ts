/**
 * `roster init`: a new congress started from the command line or from a small Chinese-headed sheet of
 * its electing units, into a new or empty data file; never over an existing record.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { roster, run, seedCopy } from '../support/cli.js';
import { SEED_DATA, tempDir } from '../support/scenario.js';
import { writeCsv, writeWorkbook } from '../support/workbooks.js';

const BASIC = ['--name', '某县第十八届人民代表大会', '--short-name', '县十八届人大', '--term', '18', '--level', '县级', '--region', '某县'];

describe('roster init from options', () => {
  it('starts an empty record with the congress, its quota and units; the ledger and verify work on it', () => {
    const db = path.join(tempDir(), 'new.json');
    const r = roster([
      '--db',
      db,
      '--as',
      '张书记员',
      'init',
      ...BASIC,
      '--quota',
      '200',
      '--unit',
      '城关镇=25',
      '--unit',
      '东山乡 20',
      '--unit',
      '西河镇',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      '某县第十八届人民代表大会（县十八届人大），代表名额200名；选举单位3个：城关镇（25名）、东山乡（20名）、西河镇',
    );
    expect(r.stdout).toContain(`已建立本届记录：${db}`);
    const log = JSON.parse(roster(['--db', db, '--json', 'log']).stdout);
    expect(log).toHaveLength(1);
    expect(log[0].event).toMatchObject({
      seq: 1,
      type: 'CongressConstituted',
      recordedBy: '张书记员',
      congress: {
        level: 'county',
        termNumber: 18,
        quota: 200,
        standingCommittee: { name: '某县人民代表大会常务委员会', shortName: '某县人大常委会' },
        electingUnits: [{ name: '城关镇', quota: 25 }, { name: '东山乡', quota: 20 }, { name: '西河镇' }],
      },
    });
    expect(roster(['--db', db, 'verify']).code).toBe(0);
    const head = JSON.parse(roster(['--db', db, '--json', 'headcount']).stdout);
    expect(head).toMatchObject({ quota: 200, countAfter: 0 });
  });

  it('a congress without a fixed quota (无)', () => {
    const db = path.join(tempDir(), 'new.json');
    const r = roster(['--db', db, '--json', 'init', ...BASIC, '--quota', '无', '--unit', '城关镇']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).event.congress.quota).toBeUndefined();
  });

  it('every bad option is told at once; exit 1 and no file made', () => {
    const db = path.join(tempDir(), 'new.json');
    const r = roster([
      '--db',
      db,
      'init',
      ...BASIC.slice(0, 4),
      '--term',
      '十八',
      '--level',
      '省辖',
      '--region',
      '某县',
      '--quota',
      '十',
      '--unit',
      '城关镇=25',
      '--unit',
      '城关镇=3',
      '--unit',
      '东山乡=0',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('发现问题5项，未建立记录');
    expect(r.stdout).toContain('--term：“十八”应为正整数');
    expect(r.stdout).toContain('--level：“省辖”不是可选的级别');
    expect(r.stdout).toContain('--quota：“十”应为正整数，或写“无”');
    expect(r.stdout).toContain('--unit 城关镇=3：选举单位“城关镇”写了两次');
    expect(r.stdout).toContain('--unit 东山乡=0：选举单位“东山乡”的名额“0”应为正整数');
    expect(existsSync(db)).toBe(false);
    const missing = roster(['--db', db, 'init', '--name', 'x']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--short-name/);
  });

  it('refuses to write over a record that holds events, and leaves it as it was', () => {
    const db = seedCopy();
    const before = readFileSync(db);
    const r = roster(['--db', db, 'init', ...BASIC, '--quota', '200', '--unit', '城关镇']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('数据文件已有110条记录，roster init 只在新的或空的数据文件中建立本届记录，不会覆盖已有记录');
    expect(readFileSync(db)).toEqual(before);
  });

  it('without --db, makes the record at ROSTER_DB instead of copying the embedded data', () => {
    const db = path.join(tempDir(), 'sub', 'roster.json');
    const r = run(['init', ...BASIC, '--quota', '200', '--unit', '城关镇'], { ROSTER_DB: db, ROSTER_USER: '张书记员' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('内置数据');
    expect(JSON.parse(run(['--json', 'log'], { ROSTER_DB: db }).stdout)).toHaveLength(1);
  });
});

describe('a new or empty (0-byte) data file', () => {
  it('takes init and import alike', () => {
    const dir = tempDir();
    const empty = path.join(dir, 'empty.json');
    writeFileSync(empty, '');
    expect(roster(['--db', empty, 'init', ...BASIC, '--quota', '200', '--unit', '城关镇']).code).toBe(0);
    const target = path.join(dir, 'target.json');
    writeFileSync(target, '');
    const imported = roster(['--db', target, 'import', SEED_DATA]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(roster(['--db', target, 'headcount', '--session', '19']).stdout).toContain('479名');
  });
});

describe('roster init --units: the electing units from a Chinese-headed sheet', () => {
  it('reads 选举单位, 名额 and 类别 under a title row', async () => {
    const dir = tempDir();
    const sheet = await writeWorkbook(
      dir,
      {
        sheet: '选举单位',
        preamble: [['某县第十八届人民代表大会代表名额分配表']],
        headers: [['序号', '选举单位', '代表名额', '类别']],
        rows: [
          [1, '城关镇', 25, null],
          [2, '东山乡', 20, null],
          [3, '某县人武部', 3, '军队'],
        ],
      },
      '名额分配.xlsx',
    );
    const db = path.join(dir, 'new.json');
    const r = roster(['--db', db, '--json', 'init', ...BASIC, '--quota', '200', '--units', sheet]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).event.congress.electingUnits).toEqual([
      { name: '城关镇', quota: 25 },
      { name: '东山乡', quota: 20 },
      { name: '某县人武部', quota: 3, kind: 'military' },
    ]);
  });

  it('tells every problem of the sheet by row and column, and writes nothing', () => {
    const dir = tempDir();
    const sheet = writeCsv(
      dir,
      [
        [1, '城关镇', '25'],
        [2, '城关镇', '3'],
        [3, '东山乡', '十五'],
        [4, null, '3'],
      ],
      '单位.csv',
      ['序号', '选举单位', '名额'],
    );
    const db = path.join(dir, 'new.json');
    const r = roster(['--db', db, 'init', ...BASIC, '--quota', '20', '--units', sheet]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('工作表“单位.csv” 第5行 B列（选举单位）：缺少选举单位名称');
    expect(r.stdout).toContain(
      '工作表“单位.csv” 第3行 B列（选举单位）：选举单位“城关镇”写了两次（另见工作表“单位.csv” 第2行 B列（选举单位））',
    );
    expect(r.stdout).toContain('工作表“单位.csv” 第4行 C列（名额）：选举单位“东山乡”的名额“十五”应为正整数');
    expect(r.stdout).toContain('选举单位：各选举单位的名额合计25名，超过代表名额20名');
    expect(existsSync(db)).toBe(false);

    const noColumn = writeCsv(dir, [['城关镇', '25']], '无表头.csv', ['单位', '名额']);
    const missing = roster(['--db', db, 'init', ...BASIC, '--quota', '20', '--units', noColumn]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('没有找到有“选举单位”的表头行；如表头另有写法，请用 --map 列名=选举单位 指定');
    const mapped = roster(['--db', db, 'init', ...BASIC, '--quota', '200', '--units', noColumn, '--map', '单位=选举单位', '--dry-run']);
    expect(mapped.code, mapped.stdout).toBe(0);
    expect(existsSync(db)).toBe(false);
  });
});
