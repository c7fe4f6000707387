/** Runs the bundled `roster` CLI (bundled from src/ by the suite's global setup) as a clerk would: a real process. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cliEnv, ROOT, SEED_DATA, tempDir } from './scenario.js';

/** The `roster` bin: the bundled CLI package.json points to. */
export const CLI = path.join(ROOT, 'dist', 'bin', 'roster.js');

/** Runs with a throwaway default data file, so no test touches the clerk's working copy. */
export function run(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: cliEnv({ ROSTER_DB: path.join(tempDir(), 'roster.json'), ...env }),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs as the recorder `test-clerk`; the caller names the data file with --db. */
export function roster(args: readonly string[], env: NodeJS.ProcessEnv = {}, input?: string): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: cliEnv(env), ...(input !== undefined ? { input } : {}) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh working copy of the embedded seed data. */
export function seedCopy(): string {
  const file = path.join(tempDir(), 'roster.json');
  copyFileSync(SEED_DATA, file);
  return file;
}

/** A scratch folder holding a copy of the embedded data, and a helper to write event files beside it. */
export function seedWorkspace(): { dir: string; db: string; write: (name: string, value: unknown) => string } {
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

/** Not in the record: a death of 方勤 after the 19th session, written only into scratch copies by tests. */
export const SCRATCH_DEATH_OF_FANG_QIN = {
  type: 'DeputyDied',
  source: { title: '测试文件', date: '2024-08-01' },
  personId: 'fang-qin',
  date: '2024-08-01',
} as const;
