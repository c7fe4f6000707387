import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, seedCopy } from '../support/cli.js';
import { SEED_DATA, tempDir } from '../support/scenario.js';

/** The number of events in the embedded data: new events are numbered after it. */
const SEED_EVENTS: number = JSON.parse(readFileSync(SEED_DATA, 'utf8')).events.length;

function eventFile(content: unknown): string {
  const file = path.join(tempDir(), 'events.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const source = { title: '鄞州区人大常委会关于补选市人大代表的报告', date: '2024-11-20' };

describe('roster record appends valid events and refuses bad input without writing anything', () => {
  it('a by-elected deputy recorded and confirmed enters the count', () => {
    const db = seedCopy();
    const file = eventFile([
      { type: 'PersonRegistered', source, personId: 'new-1', name: '新代表' },
      { type: 'DeputyElected', source, personId: 'new-1', electingUnit: '鄞州区', kind: 'by-election', date: '2024-11-01' },
      { type: 'SessionHeld', source: { title: '议程', session: 21 }, session: 21, date: '2024-12-20' },
      {
        type: 'QualificationReviewed',
        source: { ...source, session: 21 },
        personId: 'new-1',
        date: '2024-12-20',
        session: 21,
        result: 'valid',
      },
    ]);
    const rec = run(['--db', db, '--as', '张书记员', 'record', file]);
    expect(rec.stderr).toBe('');
    expect(rec.stdout).toContain(`已记录4个事件（序号 ${[1, 2, 3, 4].map((i) => SEED_EVENTS + i).join('、')}），记录人：张书记员`);
    const log = JSON.parse(run(['--db', db, '--json', 'log', '--type', 'QualificationReviewed']).stdout);
    expect(log.at(-1)).toMatchObject({ seq: SEED_EVENTS + 4, recordedBy: '张书记员', type: 'QualificationReviewed' });
    const head = run(['--db', db, '--json', 'headcount', '--session', '21']);
    expect(JSON.parse(head.stdout)).toMatchObject({ baseline: { session: 19, count: 479 }, countAfter: 480 });
  });

  const refusals: [string, unknown, RegExp][] = [
    ['a file that is not JSON', '{"type": ', /events\.json: 不是有效的 JSON/],
    ['an unknown event type', { type: 'DeputyPromoted', source, personId: 'zhu-huan' }, /events\.json: \$\.type：/],
    [
      'a missing field',
      [
        { type: 'DeputyDied', source, personId: 'chen-qingfeng', date: '2024-09-01' },
        { type: 'DeputyDied', source },
      ],
      /events\.json: \$\[1\]\.personId：/,
    ],
    [
      'a date that is not a date',
      { type: 'DeputyDied', source, personId: 'fang-qin', date: '2024-02-30' },
      /\$\.date：日期应为 YYYY-MM-DD 格式的有效日期/,
    ],
    [
      'an unknown person',
      { type: 'DeputyDied', source, personId: 'nobody', date: '2024-09-01' },
      new RegExp(`第1个事件（\\$\\[0\\]）: 第${SEED_EVENTS + 1}条事件（去世）所指人员“nobody”未登记`),
    ],
    [
      'an event that contradicts the record',
      { type: 'DeputyResignationAccepted', source, personId: 'zhu-huan', date: '2024-09-01' },
      new RegExp(`第1个事件（\\$\\[0\\]）: 第${SEED_EVENTS + 1}条事件（辞去代表职务被接受）发生在朱欢的代表资格终止（或当选无效）之后`),
    ],
  ];
  for (const [what, content, message] of refusals) {
    it(`${what} is refused with exit 1, a message naming it, and the data file unchanged`, () => {
      const db = seedCopy();
      const before = readFileSync(db, 'utf8');
      const result = run(['--db', db, 'record', eventFile(content)]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^错误：/);
      expect(result.stderr).toMatch(message);
      expect(readFileSync(db, 'utf8')).toBe(before);
    });
  }

  it('a missing events file is named', () => {
    const result = run(['--db', seedCopy(), 'record', '/nonexistent/events.json']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('错误：/nonexistent/events.json: 无法读取文件：文件或文件夹不存在（ENOENT）\n');
  });
});

describe('a malformed data file is refused, naming the file and the field', () => {
  it('an event with a bad field', () => {
    const db = seedCopy();
    const data = JSON.parse(readFileSync(db, 'utf8'));
    data.events[5].personId = '';
    writeFileSync(db, JSON.stringify(data));
    const result = run(['--db', db, 'headcount']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${db}: $.events[5].personId：不能为空`);
  });

  it('a file from a newer version of the program', () => {
    const db = seedCopy();
    const data = JSON.parse(readFileSync(db, 'utf8'));
    writeFileSync(db, JSON.stringify({ ...data, schemaVersion: 99 }));
    const result = run(['--db', db, 'check']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('数据文件的格式版本为 99，本程序只支持到 2');
  });

  it('a gap in the sequence numbers', () => {
    const db = seedCopy();
    const data = JSON.parse(readFileSync(db, 'utf8'));
    data.events.splice(3, 1);
    writeFileSync(db, JSON.stringify(data));
    expect(run(['--db', db, 'headcount']).stderr).toContain('$.events[3].seq：序号应为 4，实为 5');
  });
});

describe('the command line', () => {
  it('an invalid date is refused with exit 2', () => {
    const result = run(['headcount', '--as-of', '2024-7-31']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('错误：日期“2024-7-31”无效，应为 YYYY-MM-DD\n');
  });

  it('a session not in the record is refused with the recorded ones listed', () => {
    const result = run(['--db', seedCopy(), 'headcount', '--session', '20']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('错误：记录中没有常委会第20次会议（已记录：15、19）\n');
  });

  it('explain gives every finding about a person with its rule, citation and facts', () => {
    const result = run(['--db', seedCopy(), 'explain', '王安静']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('规则：地方各级人民代表大会代表调离本行政区域的，其代表资格终止');
    expect(result.stdout).toContain('依据：代表法（2015年修正）第四十九条第（一）项〔核实程度 V〕');
    expect(result.stdout).toContain('生效日期：2024年7月31日（事件本身未载明日期，取来源文件日期）');
    expect(result.stdout).toContain('代表资格状态=代表资格有效');
  });

  it('explain of an unknown person fails clearly', () => {
    const result = run(['--db', seedCopy(), 'explain', '无此人']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      '错误：记录中没有姓名或编号为“无此人”的人员，也没有与之相符的人员（可输入姓名的一部分、拼音首字母如 hlq、选举单位的一部分如 鄞州）\n',
    );
  });

  it('check exits 1 when it finds an error', () => {
    const db = seedCopy();
    const data = JSON.parse(readFileSync(db, 'utf8'));
    data.events.find((e: { type: string }) => e.type === 'CredentialsReportAdopted').stated.countAfter = 480;
    writeFileSync(db, JSON.stringify(data));
    const result = run(['--db', db, 'check']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('所述变动后实有代表480名，与根据记录计算的479名不一致（第19次会议）');
    expect(JSON.parse(run(['--db', db, '--json', 'check']).stdout).errors).toBe(1);
  });
});
