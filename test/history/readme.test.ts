import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { roster, seedWorkspace } from '../support/cli.js';
import { ROOT } from '../support/scenario.js';

/** The shell block of README's section on the record, one command a line, comments dropped. */
function readmeCommands(): string[][] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## The record'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter((l) => l.startsWith('npx roster '))
    .map((l) => l.slice('npx roster '.length).split(/\s+/));
}

describe('the examples in README on the record', () => {
  it('every command there runs on the embedded data and succeeds', () => {
    const commands = readmeCommands();
    expect(commands.length).toBeGreaterThanOrEqual(5);
    const s = seedWorkspace();
    for (const args of commands) {
      const fixed = args.map((a) => (a.endsWith('.json') ? path.join(s.dir, a) : a));
      const run = roster(['--db', s.db, ...fixed]);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      expect(run.stdout.length).toBeGreaterThan(0);
    }
  });
});
