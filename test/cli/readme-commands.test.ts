import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.js';
import { cliEnv, ROOT, squash, tempDir } from '../support/scenario.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
/** The shell blocks of the Quick start section, in order: the main job, then the tests. */
const quickStart = [
  ...readme
    .split('## Quick start')[1]!
    .split('\n## ')[0]!
    .matchAll(/```sh\n([^`]+)```/g),
].map((m) => m[1]!.trim());

describe('the README commands work as written', () => {
  it('gives the main job and the test command', () => {
    expect(quickStart).toEqual([
      'npm install && npx roster headcount --session 19',
      'npm install && npm test',
      'npx roster user add 管理员 --role 管理 && npx roster serve',
    ]);
  });

  it('the main job prints the 19th-session ledger on the embedded data, from a fresh working copy', () => {
    const home = tempDir();
    // `npx roster` runs the package's `roster` bin: run that file with this node, not whatever PATH holds.
    const [command, ...args] = quickStart[0]!.replace(/^npm install && npx /, '').split(' ');
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(path.join(ROOT, pkg.bin[command!])).toBe(CLI);
    const out = execFileSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: cliEnv({ XDG_DATA_HOME: home }) });
    expect(squash(out)).toContain(squash('实有代表：484 − 8 + 3 = 479名'));
    expect(squash(out)).toContain('缺额：16名');
    expect(existsSync(path.join(home, 'deputy-roster', 'roster.json'))).toBe(true);
  });

  it('the console command makes an account and starts the console, where that account logs in (on port 0 here, never a fixed one)', async () => {
    const env = cliEnv({ XDG_DATA_HOME: tempDir() });
    const [add, serve] = quickStart[2]!.split(' && ').map((c) => c.replace(/^npx roster /, '').split(' '));
    // From a script the password comes from standard input; on a terminal one is made up and printed.
    const added = execFileSync(process.execPath, [CLI, ...add!], { cwd: ROOT, encoding: 'utf8', env, input: 'quick-start-secret\n' });
    expect(added).toContain('已新建账户“管理员”，角色：管理');
    const child = spawn(process.execPath, [CLI, ...serve!, '--port', '0'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          const m = /控制台已启动：(\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const res = await fetch(`${url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: '管理员', password: 'quick-start-secret' }),
      });
      expect(res.status).toBe(200);
      expect((await res.json()).role).toBe('管理');
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('the test command is the package test script, which builds, type-checks (tests too), lints and runs vitest', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.test).toBe('npm run build && npm run typecheck && npm run lint && vitest run');
    expect(readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8')).toContain('\nnpm test\n');
  });

  it('the command table lists every command `roster --help` lists, roster schema among them', () => {
    const help = execFileSync(process.execPath, [CLI, '--help'], { encoding: 'utf8', env: cliEnv() });
    const commands = [...help.split('命令：')[1]!.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['schema', 'stats', 'config', 'log', 'explain']));
    const table = readme.split('## Commands')[1]!.split('\n## ')[0]!;
    for (const command of commands) expect(table, command).toContain(`| \`roster ${command}`);
  });

  it('what the README says verify prints before and after the first append is what it prints', () => {
    const quoted = (after: string) => new RegExp(`${after}[^\`]*\`([^\`]+)\``).exec(readme)?.[1];
    const [v1Layout, v1Note, v2Layout] = [
      quoted('on such a file `verify` prints'),
      quoted('and the\\s+note'),
      quoted('from then on `verify` prints'),
    ];
    expect([v1Layout, v1Note, v2Layout].every(Boolean)).toBe(true);
    const dir = tempDir();
    const db = path.join(dir, 'roster.json');
    copyFileSync(path.join(ROOT, 'data', 'ningbo-16.json'), db);
    const verify = () => execFileSync(process.execPath, [CLI, '--db', db, 'verify'], { encoding: 'utf8', env: cliEnv() });
    const before = verify();
    expect(before).toContain(v1Layout);
    expect(before).toContain(v1Note);
    const event = path.join(dir, 'person.json');
    writeFileSync(event, JSON.stringify({ type: 'PersonRegistered', source: { title: '测试文件' }, personId: 't1', name: '测试甲' }));
    execFileSync(process.execPath, [CLI, '--db', db, 'record', event], { encoding: 'utf8', env: cliEnv() });
    const after = verify();
    expect(after).toContain(v2Layout);
    expect(after).not.toContain(v1Note);
  });
});
