/**
 * Writer processes for the concurrency and crash tests: the bundled append worker
 * (test/support/append-worker.ts) started against a data file or a database congress, its
 * acknowledged appends read off its output, killed (SIGKILL) at a chosen moment where asked.
 */
import { spawn } from 'node:child_process';
import { inject } from 'vitest';
import { cliEnv } from './scenario.js';

const WORKER = inject('appendWorker');

export interface WriterRun {
  readonly code: number | null;
  /** The ids the writer acknowledged (its `ack` lines), in order. */
  readonly acked: readonly string[];
  /** The writer had begun an append it never acknowledged: a kill fell inside an append. */
  readonly midAppend: boolean;
  readonly stderr: string;
}

/**
 * Run a writer appending `count` events to `db` (a data file, or a database URL with `congress`);
 * with `killAfterMs`, SIGKILL it that long after its first acknowledged append.
 */
export function runWriter(db: string, worker: string, count: number, congress?: string, killAfterMs?: number): Promise<WriterRun> {
  return new Promise((resolve) => {
    const args = [WORKER, db, worker, String(count), '1', ...(congress ? [congress] : [])];
    const child = spawn(process.execPath, args, { env: cliEnv() });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (killAfterMs !== undefined && !timer && out.includes('\nack ')) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => {
      clearTimeout(timer);
      // Only whole lines count: a line cut by the kill was never fully written.
      const lines = out.split('\n').slice(0, -1);
      resolve({
        code,
        acked: lines.filter((l) => l.startsWith('ack ')).map((l) => l.slice(4)),
        midAppend: (lines.at(-1) ?? '').startsWith('append '),
        stderr,
      });
    });
  });
}

/** Repeatable pseudo-random numbers in [0, 1): the same schedule of kills on every run and machine. */
export function seeded(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}
