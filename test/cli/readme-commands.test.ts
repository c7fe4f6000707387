import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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
    expect(quickStart).toEqual(['npm install && npx roster headcount --session 19', 'npm install && npm test']);
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

  it('the test command is the package test script, which builds, type-checks (tests too), lints and runs vitest', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.test).toBe('npm run build && npm run typecheck && npm run lint && vitest run');
    expect(readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8')).toContain('\nnpm test\n');
  });
});
