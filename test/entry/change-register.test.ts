/**
 * `roster record 变动登记表.xlsx|csv`: the clerks' register of changes, one row a change, persons by name
 * and electing unit. Every problem is told by sheet, row and column at once; all or nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { congress, opening, person, session } from '../support/builders.js';
import { roster, seedWorkspace } from '../support/cli.js';
import { freshStore } from '../support/roster-cli.js';
import { SEED_EVENTS, tempDir } from '../support/scenario.js';
import { type Cell, writeCsv, writeWorkbook } from '../support/workbooks.js';

const HEADERS = ['序号', '姓名', '选举单位', '变动类型', '日期', '依据文件', '备注'];

describe('a change register in Excel', () => {
  const rows: Cell[][] = [
    [1, '竺培楠', '鄞州区', '调离', new Date(Date.UTC(2024, 8, 1)), '鄞州区人大常委会关于代表调离的报告', null],
    [2, '汪闻勇', '慈溪市', '辞职', '2024年9月5日', '慈溪市人大常委会关于接受辞去代表职务的报告', '到龄退休'],
    [3, '新代表甲', '鄞州区', '补选', '2024-10-08', '鄞州区人大常委会关于补选市人大代表的报告', null],
  ];

  it('is previewed with --dry-run (rows, consequences, nothing written), then recorded as the glossary events', async () => {
    const s = seedWorkspace();
    const file = await writeWorkbook(
      s.dir,
      { sheet: '变动登记', preamble: [['代表变动登记表']], headers: [HEADERS], rows },
      '变动登记表.xlsx',
    );
    const before = readFileSync(s.db);
    const dry = roster(['--db', s.db, 'record', file, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('工作表“变动登记”，变动3行');
    expect(dry.stdout).toContain('第3行 竺培楠（鄞州区）：调离（调离或迁出本行政区域） → DeputyTransferredOut');
    expect(dry.stdout).toContain('第5行 新代表甲（鄞州区）：补选（当选） → PersonRegistered、DeputyElected');
    expect(dry.stdout).toMatch(/实有代表：479 → 477/);
    expect(dry.stdout).toContain('实际未写入');
    expect(readFileSync(s.db)).toEqual(before);

    const rec = roster(['--db', s.db, '--as', '张书记员', 'record', file]);
    expect(rec.code, rec.stderr).toBe(0);
    expect(rec.stdout).toContain(`已记录4个事件（序号 ${SEED_EVENTS + 1}–${SEED_EVENTS + 4}），记录人：张书记员`);
    const log = JSON.parse(roster(['--db', s.db, '--json', 'log', '--since', '2000-01-01']).stdout) as { event: Record<string, unknown> }[];
    expect(log.slice(-4).map((e) => e.event)).toMatchObject([
      {
        type: 'DeputyTransferredOut',
        personId: 'zhu-peinan',
        movement: 'transferred',
        date: '2024-09-01',
        source: { title: '鄞州区人大常委会关于代表调离的报告' },
      },
      { type: 'DeputyResignationAccepted', personId: 'wang-wenyong', date: '2024-09-05', note: '到龄退休' },
      { type: 'PersonRegistered', name: '新代表甲' },
      { type: 'DeputyElected', kind: 'by-election', electingUnit: '鄞州区', date: '2024-10-08' },
    ]);
    // The by-elected deputy counts only once confirmed.
    expect(JSON.parse(roster(['--db', s.db, '--json', 'headcount', '--as-of', '2024-10-09']).stdout).countAfter).toBe(477);
  });
});

describe('a register with mistakes is refused whole, every problem named by row and column', () => {
  it('unknown name, unknown type, bad date, missing source, wrong unit, a by-election without its unit, a suspension without its ground', () => {
    const s = seedWorkspace();
    const file = writeCsv(
      s.dir,
      [
        [1, '张三丰', '鄞州区', '去世', '2024-08-01', '报告', null],
        [2, '方勤', '鄞州区', '升职', '2024-08-01', '报告', null],
        [3, '方勤', '鄞州区', '去世', '2024-13-45', '报告', null],
        [4, '竺培楠', '鄞州区', '罢免', '2024-08-01', null, null],
        [5, '汪闻勇', '鄞州区', '去世', '2024-08-01', '报告', null],
        [6, '新代表乙', null, '补选', '2024-08-01', '报告', null],
        [7, '方勤', '鄞州区', '暂停', '2024-08-01', '报告', null],
      ],
      '变动.csv',
      HEADERS,
    );
    const before = readFileSync(s.db);
    const r = roster(['--db', s.db, 'record', file]);
    expect(r.code).toBe(1);
    const out = r.stdout;
    expect(out).toContain('发现问题7项，未写入任何记录');
    expect(out).toContain('工作表“变动.csv” 第2行 B列（姓名）：记录中没有名为“张三丰”的人员');
    expect(out).toContain('第3行 D列（变动类型）：未知的变动类型“升职”；可用：调离、迁出、辞职、罢免、去世、补选、确认、暂停、恢复');
    expect(out).toMatch(/第4行 E列（日期）：不是有效的日期/);
    expect(out).toContain('第5行 F列（依据文件）：缺少依据文件');
    expect(out).toContain('第6行 C列（选举单位）：记录中的“汪闻勇”属于选举单位“慈溪市”，不是“鄞州区”');
    expect(out).toContain('第7行 C列（选举单位）：补选须写明选举单位');
    expect(out).toMatch(/第8行：暂停须在“暂停情形”列写明情形/);
    expect(readFileSync(s.db)).toEqual(before);

    const json = roster(['--db', s.db, '--json', 'record', file]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).problems[0]).toMatchObject({ row: 2, column: 'B', header: '姓名', code: 'unknown-person' });
  });

  it('a missing column is named, and --map names the clerk’s own header', () => {
    const s = seedWorkspace();
    const headers = ['姓名', '选举单位', '变动类型', '发生时间', '依据文件'];
    const file = writeCsv(s.dir, [['方勤', '鄞州区', '去世', '2024-08-01', '报告']], '变动.csv', headers);
    const r = roster(['--db', s.db, 'record', file, '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('第1行：没有找到“日期”列；如表头另有写法，请用 --map 列名=日期 指定');
    const mapped = roster(['--db', s.db, 'record', file, '--dry-run', '--map', '发生时间=日期']);
    expect(mapped.code, mapped.stdout + mapped.stderr).toBe(0);
    expect(mapped.stdout).toMatch(/实有代表：479 → 478/);
    expect(roster(['--db', s.db, 'record', file, '--map', '发生时间=生日']).code).toBe(2);
  });

  it('a change the record contradicts (the death of a deputy whose mandate already ended) is refused at its row', () => {
    const s = seedWorkspace();
    const file = writeCsv(s.dir, [[1, '黄利琴', '鄞州区', '去世', '2024-09-01', '报告', null]], '变动.csv', HEADERS);
    const r = roster(['--db', s.db, 'record', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/第2行：.*黄利琴/);
  });

  it('a register of three rows, two of which the record contradicts, is refused with both rows and their persons; exit 1, nothing written', async () => {
    const s = seedWorkspace();
    const file = await writeWorkbook(
      s.dir,
      {
        sheet: '变动登记',
        headers: [HEADERS],
        rows: [
          [1, '黄利琴', '鄞州区', '去世', '2024-09-01', '鄞州区人大常委会关于代表去世的报告', null],
          [2, '方勤', '鄞州区', '去世', '2024-09-01', '鄞州区人大常委会关于代表去世的报告', null],
          [3, '朱欢', '江北区', '辞职', '2024-09-05', '江北区人大常委会关于接受辞去代表职务的报告', null],
        ],
      },
      '变动登记表.xlsx',
    );
    const before = readFileSync(s.db);
    for (const args of [
      ['record', file],
      ['record', file, '--dry-run'],
    ]) {
      const r = roster(['--db', s.db, ...args]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stdout.split('\n')).toEqual([
        `文件：${file}，工作表“变动登记”，变动3行`,
        '发现问题2项，未写入任何记录：',
        `  工作表“变动登记” 第2行：第${SEED_EVENTS + 1}条事件（DeputyDied）发生在黄利琴的代表资格终止（或当选无效）之后`,
        `  工作表“变动登记” 第4行：第${SEED_EVENTS + 3}条事件（DeputyResignationAccepted）发生在朱欢的代表资格终止（或当选无效）之后`,
        '',
      ]);
    }
    const json = roster(['--db', s.db, '--json', 'record', file]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).problems).toEqual([
      expect.objectContaining({ row: 2, code: 'refused-by-record', personId: 'huang-liqin', name: '黄利琴' }),
      expect.objectContaining({ row: 4, code: 'refused-by-record', personId: 'zhu-huan', name: '朱欢' }),
    ]);
    expect(readFileSync(s.db)).toEqual(before);
  });

  it('an ambiguous name lists the candidates; the electing unit settles it', async () => {
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
    const dir = tempDir();
    const bad = writeCsv(dir, [[1, '王军', null, '去世', '2025-03-01', '报告', null]], 'a.csv', HEADERS);
    const r = roster(['--db', db, 'record', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('第2行 B列（姓名）：记录中有2人名为“王军”：王军（甲区）、王军（乙区）；请注明选举单位是哪一位');
    const good = writeCsv(dir, [[1, '王军', '乙区', '去世', '2025-03-01', '报告', null]], 'b.csv', HEADERS);
    const ok = roster(['--db', db, '--json', 'record', good]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).recorded[0]).toMatchObject({ type: 'DeputyDied', personId: 'wang-jun-2' });
  });
});
