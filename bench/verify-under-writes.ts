/**
 * `roster verify` while clerks record (issue 10): whole-process verifies run two at a time against a
 * log that three writers append to without pause, counting false alarms (a verify that fails on a
 * record nobody damaged). BENCH_VERIFIES sets how many (default 1,000).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDomainError } from '../src/domain/errors.js';
import { CLI_BIN, EMBEDDED_DATA } from '../src/paths.js';
import { FileRecordStream } from '../src/store/file-store.js';
import { chained, stamp } from '../src/store/stored-records.js';

/** A verify's verdict; `ran: false` when the process gave no report at all (it did not start), which is no verdict on the record. */
function verifyOnce(db: string): Promise<{ ran: boolean; ok: boolean; count: number; problem?: string }> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      [CLI_BIN, '--db', db, '--json', 'verify'],
      { env: { ...process.env, ROSTER_USER: 'bench' } },
      (_e, stdout, stderr) => {
        try {
          const r = JSON.parse(stdout) as { ok: boolean; count: number; problem?: { message: string }; invalid?: string };
          resolve({ ran: true, ok: r.ok, count: r.count, ...(r.ok ? {} : { problem: r.problem?.message ?? r.invalid }) });
        } catch {
          // A refusal naming the record is printed as JSON on stderr: a verdict too. Anything else did not run.
          const refused = stderr.trim().startsWith('{"error"');
          resolve({ ran: refused, ok: false, count: -1, problem: stderr.trim().split('\n')[0] ?? stdout.trim() });
        }
      },
    ),
  );
}

async function writer(db: string, name: string, stop: () => boolean): Promise<number> {
  const store = new FileRecordStream(db);
  let appended = 0;
  while (!stop()) {
    const head = await store.head();
    const events = stamp(
      [0, 1].map((k) => ({
        type: 'PersonRegistered' as const,
        source: { title: '基准测试文件' },
        personId: `${name}-${appended}-${k}`,
        name: `${name}${k}`,
      })),
      { recordedBy: name, recordedAt: new Date().toISOString() },
      head.seq,
    );
    try {
      await store.append(chained(events, head), head);
      appended += 2;
    } catch (e) {
      if (!isDomainError(e, 'store-conflict')) throw e;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  return appended;
}

export default async function verifyUnderWrites(): Promise<void> {
  const total = Number(process.env.BENCH_VERIFIES ?? 1000);
  const db = path.join(mkdtempSync(path.join(os.tmpdir(), 'roster-bench-')), 'roster.json');
  copyFileSync(EMBEDDED_DATA, db);
  let done = false;
  const writers = ['w1', 'w2', 'w3'].map((w) => writer(db, w, () => done));
  const alarms: string[] = [];
  const notRun: string[] = [];
  const counts = new Set<number>();
  const started = Date.now();
  let next = 0;
  const lane = async () => {
    while (next < total) {
      next++;
      const r = await verifyOnce(db);
      counts.add(r.count);
      if (!r.ran) notRun.push(r.problem ?? '?');
      else if (!r.ok) alarms.push(r.problem ?? '?');
    }
  };
  await Promise.all([lane(), lane()]);
  done = true;
  const appended = (await Promise.all(writers)).reduce((a, b) => a + b, 0);
  const final = await verifyOnce(db);
  console.log(
    `  ${total} whole-process verifies (2 at a time) during ${appended} events appended by 3 writers, ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  console.log(
    `  false alarms: ${alarms.length}${alarms.length ? ` (first: ${alarms[0]})` : ''}; runs that gave no report: ${notRun.length}${notRun.length ? ` (first: ${notRun[0]})` : ''}`,
  );
  console.log(`  distinct record lengths seen: ${counts.size}; final verify ok: ${final.ok} (${final.count} events)`);
}
