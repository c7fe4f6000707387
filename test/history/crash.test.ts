import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowdbEventStore } from '../../src/store/lowdb-store.js';
import { roster, seedWorkspace } from '../support/cli.js';

const WORKER = path.join(import.meta.dirname, '..', 'support', 'append-worker.mjs');

/**
 * Start a writer, let it append for `ms` after its first acknowledged append, SIGKILL it; resolve with
 * the ids it acknowledged. The clock starts at the first ack, not at start-up: a writer killed while
 * holding the lock leaves it to go stale (seconds), and a writer still waiting for it would otherwise
 * be killed before appending anything, which tests nothing.
 */
function killAfter(db: string, worker: string, ms: number): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [WORKER, db, worker, '100000']);
    let out = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!timer && out.includes('\nack ')) timer = setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.on('close', () => {
      clearTimeout(timer);
      const lines = out.split('\n');
      // Only whole lines count: a line cut by the kill was never fully acknowledged.
      resolve(
        lines
          .slice(0, -1)
          .filter((l) => l.startsWith('ack '))
          .map((l) => l.slice(4)),
      );
    });
  });
}

describe('a writer killed (SIGKILL) at random moments while appending', () => {
  it('leaves a readable file holding every acknowledged event once, with an unbroken chain', async () => {
    const s = seedWorkspace();
    const acked: string[] = [];
    for (let round = 0; round < 10; round++) {
      // Random moments while reading, appending and committing; two writers at once half the time.
      const delay = 30 + Math.floor(Math.random() * 370);
      const rounds = await Promise.all(
        round % 2 === 0
          ? [killAfter(s.db, `r${round}`, delay)]
          : [killAfter(s.db, `r${round}a`, delay), killAfter(s.db, `r${round}b`, delay + 37)],
      );
      acked.push(...rounds.flat());
    }
    expect(acked.length).toBeGreaterThanOrEqual(5);

    const events = await new LowdbEventStore(s.db).read();
    const ids = events.map((e) => ('personId' in e ? e.personId : undefined));
    for (const id of acked)
      expect(
        ids.filter((x) => x === id),
        id,
      ).toHaveLength(1);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(roster(['--db', s.db, 'verify']).code).toBe(0);

    // The next writer sets aside whatever an interrupted append left past the commit point.
    const after = await new Promise<number | null>((resolve) => spawn(process.execPath, [WORKER, s.db, 'last', '1']).on('close', resolve));
    expect(after).toBe(0);
    const verify = roster(['--db', s.db, '--json', 'verify']);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toEqual(expect.objectContaining({ ok: true, uncommittedBytes: 0, count: events.length + 1 }));
    const asides = readdirSync(s.dir).filter((f) => f.includes('.uncommitted-'));
    expect(asides.length).toBeLessThanOrEqual(10);
  }, 120_000);
});
