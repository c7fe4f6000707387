/**
 * Run the `roster` CLI (bundled from src/ by the suite's global setup) against a scratch data file, as a clerk would. A fresh store is
 * made empty through the store module and filled with `roster record`, so the test goes through
 * the same validation as any clerk's input (and does not depend on the file's layout).
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { EventInput } from '../../src/domain/events.js';
import { emptyDataFile } from '../../src/store/data-file.js';
import { cliEnv, tempDir } from './scenario.js';

const run = promisify(execFile);

import { CLI } from './cli.js';

export { CLI };

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function roster(db: string, ...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, '--db', db, ...args], { maxBuffer: 64 * 1024 * 1024, env: cliEnv() });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

/** A new data file holding only the given events, recorded through `roster record`. */
export async function freshStore(events: readonly EventInput[], dir = tempDir('roster-io-')): Promise<string> {
  const db = path.join(dir, 'roster.json');
  writeFileSync(db, JSON.stringify(emptyDataFile(), null, 2));
  if (events.length > 0) {
    const input = path.join(dir, 'setup-events.json');
    writeFileSync(input, JSON.stringify(events));
    const r = await roster(db, 'record', input);
    if (r.code !== 0) throw new Error(`setup failed: ${r.stderr}`);
  }
  return db;
}
