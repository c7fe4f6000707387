/** Runs the compiled `roster` CLI as a clerk would (build first: `npm test` does). */
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, SEED_DATA, tempDir } from './scenario.js';

/** The `roster` bin: the bundled CLI package.json points to. */
export const CLI = path.join(ROOT, 'dist', 'bin', 'roster.js');

export function run(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ROSTER_DB: path.join(tempDir(), 'roster.json'), ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh working copy of the embedded seed data. */
export function seedCopy(): string {
  const file = path.join(tempDir(), 'roster.json');
  copyFileSync(SEED_DATA, file);
  return file;
}
