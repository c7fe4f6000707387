/** Runs the compiled `roster` CLI (built by `npm test`) as a real process. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, SEED_DATA, tempDir } from './scenario.js';

export const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function roster(args: readonly string[], env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ROSTER_USER: 'test-clerk', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch data file holding a copy of the embedded data, and a helper to write event files beside it. */
export function seedCopy(): { dir: string; db: string; write: (name: string, value: unknown) => string } {
  const dir = tempDir('roster-history-');
  const db = path.join(dir, 'roster.json');
  copyFileSync(SEED_DATA, db);
  return {
    dir,
    db,
    write: (name, value) => {
      const file = path.join(dir, name);
      writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
      return file;
    },
  };
}
