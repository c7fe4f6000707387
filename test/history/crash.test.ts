import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { roster, seedWorkspace } from '../support/cli.js';
import { cliEnv } from '../support/scenario.js';
import { eventsIn } from '../support/stores.js';

const WORKER = inject('appendWorker');

/** Repeatable pseudo-random delays: the same schedule of kills on every run and machine. */
function seeded(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

interface Killed {
  /** The ids the writer acknowledged before it died. */
  readonly acked: string[];
  /** The writer had begun an append it never acknowledged: the kill fell inside an append. */
  readonly midAppend: boolean;
}

/**
 * Start a writer, let it append for `ms` after its first acknowledged append, SIGKILL it. The clock
 * starts at the first ack, not at start-up: a writer killed while holding the lock leaves it to go
 * stale (seconds), and a writer still waiting for it would otherwise be killed before appending
 * anything, which tests nothing.
 */
function killAfter(db: string, worker: string, ms: number): Promise<Killed> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [WORKER, db, worker, '100000'], { env: cliEnv() });
    let out = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!timer && out.includes('\nack ')) timer = setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.on('close', () => {
      clearTimeout(timer);
      // Only whole lines count: a line cut by the kill was never fully written.
      const lines = out.split('\n').slice(0, -1);
      const last = lines.at(-1) ?? '';
      resolve({ acked: lines.filter((l) => l.startsWith('ack ')).map((l) => l.slice(4)), midAppend: last.startsWith('append ') });
    });
  });
}

describe('a writer killed (SIGKILL) at random moments while appending', () => {
  it('leaves a readable file holding every acknowledged event once, with an unbroken chain', async () => {
    const s = seedWorkspace();
    const acked: string[] = [];
    let midAppend = 0;
    let kills = 0;
    const random = seeded(20261129);
    // Moments spread over reading, appending and committing; two writers at once half the time. At
    // least ten rounds, and more (up to 30) until three kills have fallen inside an append.
    for (let round = 0; round < 30 && (round < 10 || midAppend < 3); round++) {
      const delay = 30 + Math.floor(random() * 370);
      const rounds = await Promise.all(
        round % 2 === 0
          ? [killAfter(s.db, `r${round}`, delay)]
          : [killAfter(s.db, `r${round}a`, delay), killAfter(s.db, `r${round}b`, delay + 37)],
      );
      acked.push(...rounds.flatMap((r) => r.acked));
      midAppend += rounds.filter((r) => r.midAppend).length;
      kills += rounds.length;
    }
    expect(acked.length).toBeGreaterThanOrEqual(5);
    expect(midAppend, 'kills that fell inside an append').toBeGreaterThanOrEqual(3);

    const events = await eventsIn(s.db);
    const ids = events.map((e) => ('personId' in e ? e.personId : undefined));
    for (const id of acked)
      expect(
        ids.filter((x) => x === id),
        id,
      ).toHaveLength(1);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(roster(['--db', s.db, 'verify']).code).toBe(0);

    // The next writer sets aside whatever an interrupted append left past the commit point.
    const after = await new Promise<number | null>((resolve) =>
      spawn(process.execPath, [WORKER, s.db, 'last', '1'], { env: cliEnv() }).on('close', resolve),
    );
    expect(after).toBe(0);
    const verify = roster(['--db', s.db, '--json', 'verify']);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toEqual(expect.objectContaining({ ok: true, uncommittedBytes: 0, count: events.length + 1 }));
    const asides = readdirSync(s.dir).filter((f) => f.includes('.uncommitted-'));
    expect(asides.length).toBeLessThanOrEqual(kills);
  }, 300_000);
});
