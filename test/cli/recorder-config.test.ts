/**
 * The record names who recorded each event: a clerk's configured name, never the machine's account.
 * `roster config set recorder 张三` sets it once per user; --as and ROSTER_USER still choose for one run;
 * with none, a command that records is refused with a message saying how to set it, and nothing is written.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, seedWorkspace } from '../support/cli.js';
import { cliEnv, SEED_EVENTS, tempDir } from '../support/scenario.js';

/** A clerk's machine with no recorder configured: no ROSTER_USER, an empty config folder of its own. */
function clerk(extra: NodeJS.ProcessEnv = {}) {
  const s = seedWorkspace();
  const env = { ...cliEnv({ XDG_CONFIG_HOME: tempDir('roster-config-'), ...extra }) };
  if (!('ROSTER_USER' in extra)) delete env.ROSTER_USER;
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, '--db', s.db, ...args], { encoding: 'utf8', env, input: 'a-long-enough-password\n' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const event = s.write('person.json', { type: 'PersonRegistered', source: { title: '测试文件' }, personId: 't1', name: '测试甲' });
  return { s, env, run, event };
}

type Logged = { seq: number; recordedBy: string }[];

describe('who records', () => {
  it('with nothing configured, record is refused in Chinese, saying how to set a name, and nothing is written', () => {
    const { s, run, event } = clerk();
    const before = readFileSync(s.db);
    const r = run('record', event);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('尚未设置记录人');
    expect(r.stderr).toContain('roster config set recorder 您的姓名');
    expect(r.stderr).not.toMatch(/root|os\.userInfo|at /);
    expect(readFileSync(s.db).equals(before)).toBe(true);
  });

  it('roster config set recorder 张三 is remembered: every later record is stamped 张三', () => {
    const { run, event } = clerk();
    const set = run('config', 'set', 'recorder', '张三');
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('已设置记录人：张三');
    expect(run('config', 'get', 'recorder').stdout).toContain('记录人：张三');
    expect(run('record', event).code).toBe(0);
    const logged = JSON.parse(run('--json', 'log').stdout) as Logged;
    expect(logged.at(-1)).toMatchObject({ seq: SEED_EVENTS + 1, recordedBy: '张三' });
    expect(run('log', '--type', '人员登记').stdout).toMatch(/测试甲.*张三 记录于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/);
  });

  it('--as and ROSTER_USER choose for one run, over the configured name', () => {
    const { run, event, s } = clerk({ ROSTER_USER: '李四' });
    expect(run('config', 'set', 'recorder', '张三').code).toBe(0);
    expect(run('record', event).code).toBe(0);
    const other = s.write('other.json', { type: 'PersonRegistered', source: { title: '测试文件' }, personId: 't2', name: '测试乙' });
    expect(run('--as', '王五', 'record', other).code).toBe(0);
    const logged = JSON.parse(run('--json', 'log').stdout) as Logged;
    expect(logged.slice(-2).map((e) => e.recordedBy)).toEqual(['李四', '王五']);
  });

  it('a name a record cannot hold is refused when set; an unknown setting and a broken settings file are named', () => {
    const { run, env } = clerk();
    const bad = run('config', 'set', 'recorder', '张\u202e三');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('记录人姓名不可用');
    expect(run('config', 'set', 'recorder', '  ').stderr).toContain('记录人姓名不能为空');
    const unknown = run('config', 'set', 'colour', 'red');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('没有名为“colour”的设置，可用：recorder（记录人）');
    const file = path.join(env.XDG_CONFIG_HOME!, 'deputy-roster', 'config.json');
    expect(run('config', 'set', 'recorder', '张三').code).toBe(0);
    writeFileSync(file, '{ not json');
    const broken = run('config', 'get');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(file);
    expect(broken.stderr).toContain('设置文件不是有效的 JSON');
  });

  it('the first administrator of the console can be made on a machine with no recorder set (the README quick start)', () => {
    const { run } = clerk();
    const r = run('user', 'add', '管理员', '--role', '管理');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('已新建账户“管理员”，角色：管理');
  });
});
