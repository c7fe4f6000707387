/**
 * `verify` on a log large enough to be checked on worker threads (src/store/parallel-chain.ts):
 * the same verdict as one record at a time, every tampering still named by its first bad seq, and
 * the workers, as bundled, doing the work rather than failing quietly into the slow path.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../../scripts/bundle.mjs';
import { chainRecords } from '../../src/store/chain.js';
import { FileRecordStream, PARALLEL_FROM_BYTES } from '../../src/store/file-store.js';
import type { StoredRecord } from '../../src/store/record-store.js';
import { roster } from '../support/cli.js';
import { tempDir } from '../support/scenario.js';

const EVENTS = 40_000;

let original: string;
let records: StoredRecord[];
let probe: string;
let originalDb: string;

/** A copy of the large log with its event lines changed as a tamperer would (the header kept; the commit line and head file kept, or changed by `head`). */
function tampered(change: (events: string[]) => string[], head?: (text: string) => string): string {
  const db = path.join(tempDir('roster-large-'), 'large.json');
  const lines = original.split('\n').filter((l) => l !== '');
  const header = lines[0]!;
  const commit = lines.at(-1)!;
  writeFileSync(db, `${[header, ...change(lines.slice(1, -1)), head ? head(commit) : commit].join('\n')}\n`);
  const headText = readFileSync(`${originalDb}.head.json`, 'utf8');
  writeFileSync(`${db}.head.json`, head ? head(headText) : headText);
  return db;
}

const verify = (db: string) => {
  const run = roster(['--db', db, '--json', 'verify']);
  return {
    code: run.code,
    report: JSON.parse(run.stdout) as {
      ok: boolean;
      count: number;
      headHash: string;
      problem?: { kind: string; seq: number };
      invalid?: string;
    },
  };
};

beforeAll(async () => {
  originalDb = path.join(tempDir('roster-large-'), 'large.json');
  const events = Array.from({ length: EVENTS }, (_, i) => ({
    type: 'PersonRegistered',
    source: { title: '测试文件（大型日志）', date: '2020-01-01' },
    personId: `p${i + 1}`,
    name: `代表${i + 1}`,
    seq: i + 1,
    recordedAt: '2026-01-01T00:00:00Z',
    recordedBy: 'test-clerk',
  }));
  records = chainRecords(events);
  await new FileRecordStream(originalDb).importRecords(records);
  original = readFileSync(originalDb, 'utf8');
  expect(statSync(originalDb).size).toBeGreaterThan(PARALLEL_FROM_BYTES);
  probe = await bundle({ entry: 'test/support/parallel-probe.ts', outdir: 'dist/test-parallel', name: 'parallel-probe' });
}, 120_000);

describe('a large log', () => {
  it('is verified whole by the workers as bundled, and verify reports it as one record at a time would', () => {
    const headerEnd = original.indexOf('\n') + 1;
    const run = spawnSync(process.execPath, [probe, originalDb, String(headerEnd), String(statSync(originalDb).size), String(EVENTS)], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const last = records.at(-1)!.hash;
    expect(JSON.parse(run.stdout)).toEqual({ count: EVENTS, lastHash: last, atCommitted: last });
    const { code, report } = verify(originalDb);
    expect(code).toBe(0);
    expect(report).toEqual(expect.objectContaining({ ok: true, count: EVENTS, headHash: last }));
  });

  it('written before lines were canonical (keys in the order recorded), verifies the same, and an edit in it is named', () => {
    // Every line as the store wrote it before 2026-11-30: JSON.stringify of the record as recorded.
    const older = tampered((events) => events.map((_, i) => JSON.stringify(records[i])));
    expect(readFileSync(older, 'utf8').split('\n')[1]).toMatch(/^\{"type":"PersonRegistered","source":/);
    const headerEnd = original.indexOf('\n') + 1;
    const run = spawnSync(process.execPath, [probe, older, String(headerEnd), String(statSync(older).size), String(EVENTS)], {
      encoding: 'utf8',
    });
    const last = records.at(-1)!.hash;
    expect(JSON.parse(run.stdout)).toEqual({ count: EVENTS, lastHash: last, atCommitted: last });
    expect(verify(older).report).toEqual(expect.objectContaining({ ok: true, count: EVENTS, headHash: last }));
    const edited = tampered((events) =>
      events.map((_, i) => JSON.stringify(records[i]).replace(i === 12_344 ? '代表12345' : '\u0000', '代表12346')),
    );
    expect(verify(edited).report.problem).toEqual(expect.objectContaining({ kind: 'edited', seq: 12_345 }));
  });

  it('the workers do not vouch for a log with one event edited, and verify names it', () => {
    const db = tampered((events) => events.map((l, i) => (i === 24_999 ? l.replace('代表25000', '代表25001') : l)));
    const headerEnd = original.indexOf('\n') + 1;
    const run = spawnSync(process.execPath, [probe, db, String(headerEnd), String(statSync(db).size), String(EVENTS)], {
      encoding: 'utf8',
    });
    expect(JSON.parse(run.stdout)).toBeNull();
    const { code, report } = verify(db);
    expect(code).toBe(1);
    expect(report.problem).toEqual(expect.objectContaining({ kind: 'edited', seq: 25_000 }));
  });

  it('a removed, an inserted and two swapped events are named by their first bad seq', () => {
    expect(verify(tampered((events) => events.filter((_, i) => i !== 29_999))).report.problem).toEqual(
      expect.objectContaining({ kind: 'removed', seq: 30_000 }),
    );
    expect(verify(tampered((events) => [...events.slice(0, 33_000), events[100]!, ...events.slice(33_000)])).report.problem).toEqual(
      expect.objectContaining({ kind: 'inserted', seq: 33_001 }),
    );
    const swapped = (events: string[]) => [...events.slice(0, 19_999), events[20_000]!, events[19_999]!, ...events.slice(20_001)];
    expect(verify(tampered(swapped)).report.problem).toEqual(expect.objectContaining({ kind: 'reordered', seq: 20_000 }));
  });

  it('an event that is no longer valid, re-chained from there on, is named though its chain holds', () => {
    // The tamperer rewrites the hashes after the change: the chain holds, the event does not.
    const changed = records.map((r) => ({ ...r }));
    (changed[27_000] as Record<string, unknown>).name = '   ';
    const rechained = chainRecords(changed);
    const last = (text: string) => text.replace(records.at(-1)!.hash as string, rechained.at(-1)!.hash as string);
    const db = tampered((events) => events.map((l, i) => (i >= 27_000 ? JSON.stringify(rechained[i]) : l)), last);
    const { code, report } = verify(db);
    expect(code).toBe(1);
    expect(report.problem).toBeUndefined();
    expect(report.invalid).toMatch(/: 第27002行 \$\.name：不能为空$/);
  });

  it('the end cut off, or an older head file put back, is caught against the committed head', () => {
    const cut = verify(tampered((events) => events.slice(0, -3)));
    expect(cut.report.problem).toEqual(expect.objectContaining({ kind: 'truncated', seq: EVENTS - 2 }));
    const older = records[EVENTS - 11]!;
    const db = tampered((events) => events);
    writeFileSync(
      `${db}.head.json`,
      JSON.stringify({ ...JSON.parse(readFileSync(`${db}.head.json`, 'utf8')), seq: EVENTS - 10, hash: older.hash }),
    );
    const unanchored = verify(db);
    expect(unanchored.report.problem).toEqual(expect.objectContaining({ kind: 'unanchored', seq: EVENTS - 9 }));
  });
});
