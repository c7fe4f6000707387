/**
 * Every shell example in README.md is run by a test: the `npx roster` examples here, on a copy of the
 * embedded data; the Quick start in readme-commands.test.ts; the office install in
 * test/install/office-install.test.ts. An example no test runs fails this file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, seedWorkspace } from '../support/cli.js';
import { readmeExamples } from '../support/readme.js';
import { tempDir } from '../support/scenario.js';

const RUN_ELSEWHERE: Readonly<Record<string, string>> = {
  'Quick start': 'test/cli/readme-commands.test.ts',
  'Installing for the office': 'test/install/office-install.test.ts',
  'A shared record on PostgreSQL': 'test/store/postgres-readme.test.ts',
};

const examples = readmeExamples();
const runElsewhere = (section: string) => Object.keys(RUN_ELSEWHERE).some((heading) => section.startsWith(heading));
const rosterExamples = examples.filter((e) => !runElsewhere(e.section));

describe('the examples in README.md', () => {
  it('are all run by a test', () => {
    expect(examples.length).toBeGreaterThan(15);
    for (const e of rosterExamples) expect(e.command, `${e.section}: ${e.command}`).toMatch(/^npx roster /);
  });

  it('every `npx roster` example runs on the embedded data, writing the files it names', () => {
    const s = seedWorkspace();
    const configHome = tempDir('roster-config-');
    for (const { command } of rosterExamples) {
      const args = command.slice('npx roster '.length).split(/\s+/);
      const r = spawnSync(process.execPath, [CLI, '--db', s.db, ...args], {
        cwd: s.dir,
        encoding: 'utf8',
        // `roster config set` writes to a settings folder of the test's own, never the user's.
        env: { ...process.env, ROSTER_USER: 'test-clerk', XDG_CONFIG_HOME: configHome, ROSTER_CONFIG: '' },
      });
      expect(r.status, `${command}: ${r.stderr}`).toBe(0);
      const output = args.indexOf('-o');
      if (output >= 0) expect(existsSync(path.join(s.dir, args[output + 1]!)), command).toBe(true);
      else expect(r.stdout.length, command).toBeGreaterThan(0);
    }
    // Thirty-odd processes one after another: room for a loaded machine.
  }, 180_000);
});
