/**
 * Every command, as a real process, where the world around it fails: its reader goes away before it
 * has written a byte (`roster export | head -0`: EPIPE), or its record is a read-only file in a
 * read-only folder, or there is no writable home for the default working copy. The clerk never sees a
 * stack trace: a reader that stops early ends the output quietly, with the command's own exit code;
 * reading works on a read-only record; writing to it is refused in Chinese and changes nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.js';
import { cliEnv, SEED_DATA, tempDir } from '../support/scenario.js';
import { CHINESE, STACK_TRACE, snapshot } from './workspace.js';

/** A registration: recorded without consequences for the counts or the checks. */
const PERSON = { type: 'PersonRegistered', source: { title: '测试文件' }, personId: 'p-new', name: '新登记' };

/** A folder with a copy of the embedded record and the input files the commands need. */
function setting() {
  const dir = tempDir('roster-every-');
  const db = path.join(dir, 'roster.json');
  copyFileSync(SEED_DATA, db);
  const events = path.join(dir, 'events.json');
  writeFileSync(events, JSON.stringify(PERSON));
  const csv = path.join(dir, 'roster.csv');
  writeFileSync(csv, '姓名,选举单位\r\n张三,江北区\r\n');
  const changes = path.join(dir, 'changes.csv');
  writeFileSync(changes, '姓名,选举单位,变动类型,日期,依据文件\r\n方勤,鄞州区,去世,2024-08-01,测试文件\r\n');
  return { dir, db, events, csv, changes, fresh: path.join(dir, 'imported.json'), out: (name: string) => path.join(dir, name) };
}
type Setting = ReturnType<typeof setting>;

const INIT = [
  '--name',
  '某县第一届人民代表大会',
  '--short-name',
  '县一届人大',
  '--term',
  '1',
  '--level',
  '县级',
  '--region',
  '某县',
  '--quota',
  '9',
  '--unit',
  '甲镇',
];

/** Every command of `roster`, with the exit code it gives on the embedded record. */
const COMMANDS: [string, (s: Setting) => string[], number][] = [
  ['headcount', () => ['headcount'], 0],
  ['headcount --json', () => ['--json', 'headcount', '--session', '19'], 0],
  ['members', () => ['members', '--session', '19'], 0],
  ['explain', () => ['explain', '黄利琴'], 0],
  ['history', () => ['history', '方勤'], 0],
  ['diff', () => ['diff', '--from', '15', '--to', '19'], 0],
  ['log', () => ['log'], 0],
  ['check', () => ['check'], 0],
  ['verify', () => ['verify'], 0],
  ['cascade', () => ['cascade', '--session', '19'], 0],
  ['oaths', () => ['oaths', '--session', '19'], 0],
  ['doc report', () => ['doc', 'report', '--session', '19'], 0],
  ['doc notice (with a 提示 on stderr)', () => ['doc', 'notice', '--session', '19'], 0],
  ['doc appointments html', () => ['doc', 'appointments', '--session', '19', '--format', 'html'], 0],
  ['doc explanation docx -o', (s) => ['doc', 'explanation', '--session', '19', '--format', 'docx', '-o', s.out('说明.docx')], 0],
  ['export', () => ['export'], 0],
  ['export-roster csv', () => ['export-roster', '--format', 'csv'], 0],
  ['export-roster popolo', () => ['export-roster', '--format', 'popolo'], 0],
  ['export-roster xlsx -o', (s) => ['export-roster', '--format', 'xlsx', '-o', s.out('名册.xlsx')], 0],
  ['schema', () => ['schema'], 0],
  ['record', (s) => ['record', s.events], 0],
  ['record a change register', (s) => ['record', s.changes], 0],
  ['withdraw --dry-run', () => ['withdraw', '109', '--reason', '测试', '--dry-run'], 0],
  ['correct (an unknown seq: exit 1)', () => ['correct', '9999', '--reason', '测试'], 1],
  ['init', (s) => ['--db', s.fresh, 'init', ...INIT], 0],
  ['import-roster (a roster with problems: exit 1)', (s) => ['import-roster', s.csv], 1],
  ['import', (s) => ['--db', s.fresh, 'import', SEED_DATA], 0],
  ['--help', () => ['--help'], 0],
  ['help headcount', () => ['help', 'headcount'], 0],
  ['--version', () => ['--version'], 0],
  ['a usage error (exit 2)', () => ['headcount', '--session', 'x'], 2],
];

/** Runs the CLI with its stdout a pipe whose reader has already gone. */
function withReaderGone(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: cliEnv() });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('every command whose reader stops before the first byte (EPIPE)', () => {
  for (const [what, args, code] of COMMANDS) {
    it(`${what}: ends quietly with its own exit code (${code}), no stack trace`, async () => {
      const s = setting();
      const given = args(s);
      const r = await withReaderGone(given.includes('--db') ? given : ['--db', s.db, ...given]);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      expect(r.stderr).not.toMatch(/EPIPE|Error/);
      expect(r.code, r.stderr).toBe(code);
    });
  }
});

describe('Node’s own warnings', () => {
  it('an xlsx export says nothing on stderr (no DEP0005 from the spreadsheet library)', () => {
    const s = setting();
    const r = spawnSync(process.execPath, [CLI, '--db', s.db, 'export-roster', '--format', 'xlsx', '-o', s.out('x.xlsx')], {
      encoding: 'utf8',
      env: cliEnv(),
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});

/** As root a read-only file is still writable: the commands then run as the unprivileged user `nobody`. */
const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

function run(args: readonly string[], env: NodeJS.ProcessEnv = {}, user = asNobody) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: cliEnv(env), ...user });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Let every user into the folders above this one (mkdtemp makes them private). */
function openUp(dir: string) {
  for (let d = dir; d !== path.dirname(d) && (statSync(d).mode & 0o005) !== 0o005; d = path.dirname(d)) chmodSync(d, 0o755);
}

/** A record in a folder nobody may write: the data file and its folder read-only (readable by all). */
function readOnlySetting() {
  const s = setting();
  // Make it a log (the working layout, with its head file) before locking it, so both files are read.
  const first = run(['--db', s.db, 'record', s.events], {}, {});
  expect(first.code, first.stderr).toBe(0);
  writeFileSync(s.events, JSON.stringify({ ...PERSON, personId: 'p-other' }));
  openUp(s.dir);
  for (const f of [s.db, `${s.db}.head.json`, s.events, s.csv]) chmodSync(f, 0o444);
  chmodSync(s.dir, 0o555);
  return s;
}

describe('every command on a read-only record (the file and its folder read-only)', () => {
  const reading = COMMANDS.filter(([what]) => !/record|import|init|-o|usage/.test(what));
  it('every command that reads works as on a writable record, and leaves it as it was', () => {
    const s = readOnlySetting();
    const before = snapshot(s.dir);
    for (const [what, args, code] of reading) {
      const r = run(['--db', s.db, ...args(s)]);
      expect(r.code, `${what}: ${r.stderr}`).toBe(code);
      expect(r.stderr, what).not.toMatch(STACK_TRACE);
    }
    expect(snapshot(s.dir)).toEqual(before);
  }, 120_000);

  const writing: [string, (s: Setting) => string[]][] = [
    ['record', (s) => ['record', s.events]],
    ['record a change register', (s) => ['record', s.changes]],
    ['withdraw', () => ['withdraw', '109', '--reason', '测试']],
    ['init a new file in the read-only folder', (s) => ['--db', s.fresh, 'init', ...INIT]],
    ['import into a new file in the read-only folder', (s) => ['--db', s.fresh, 'import', SEED_DATA]],
    ['doc -o into the read-only folder', (s) => ['doc', 'report', '--session', '19', '-o', s.out('报告.txt')]],
    ['export -o into the read-only folder', (s) => ['export', '-o', s.out('export.json')]],
    ['export-roster -o into the read-only folder', (s) => ['export-roster', '--format', 'xlsx', '-o', s.out('名册.xlsx')]],
  ];
  for (const [what, args] of writing) {
    it(`${what}: refused in Chinese, exit 1, the record unchanged`, () => {
      const s = readOnlySetting();
      const before = snapshot(s.dir);
      const given = args(s);
      const r = run(given.includes('--db') ? given : ['--db', s.db, ...given]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(CHINESE);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      expect(snapshot(s.dir)).toEqual(before);
    }, 60_000);
  }

  it('with no --db and a home folder that cannot be written, the clerk is told to name a data file', () => {
    const home = tempDir('roster-home-');
    mkdirSync(path.join(home, 'locked'));
    chmodSync(path.join(home, 'locked'), 0o555);
    openUp(home);
    const r = run(['headcount'], { HOME: path.join(home, 'locked'), XDG_DATA_HOME: '' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^错误：无法建立数据文件的工作副本：建立文件夹“.*”时出错：没有权限（EACCES）.*请用 --db 或环境变量 ROSTER_DB 指定一个可写的数据文件/,
    );
  });
});
