import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { roster, seedWorkspace } from '../support/cli.js';

describe('a data file written by a newer version of the program', () => {
  it('is refused with a message naming the file and both versions, and nothing is written', () => {
    const s = seedWorkspace();
    const doc = JSON.parse(readFileSync(s.db, 'utf8')) as { schemaVersion: number };
    doc.schemaVersion = 3;
    writeFileSync(s.db, JSON.stringify(doc));
    const before = readFileSync(s.db, 'utf8');
    const ev = s.write('ev.json', { type: 'PersonRegistered', source: { title: '测试文件' }, personId: 't1', name: '测试甲' });
    for (const args of [['headcount'], ['verify'], ['record', ev]]) {
      const run = roster(['--db', s.db, ...args]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${s.db}: 数据文件的格式版本为 3，本程序只支持到 2，请升级 deputy-roster`);
    }
    expect(readFileSync(s.db, 'utf8')).toBe(before);
  });
});

describe('a version 1 data file (the embedded data as shipped)', () => {
  it('is read as it is: the 19th-session headcount is 479', () => {
    const s = seedWorkspace();
    const run = roster(['--db', s.db, 'headcount', '--session', '19']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('实有代表：484 − 8 + 3 = 479名');
  });

  it('is migrated by the first append into a version 2 log that keeps every earlier event and verifies', () => {
    const s = seedWorkspace();
    const original = (JSON.parse(readFileSync(s.db, 'utf8')) as { events: object[] }).events;
    const ev = s.write('ev.json', { type: 'PersonRegistered', source: { title: '测试文件' }, personId: 't1', name: '测试甲' });
    expect(roster(['--db', s.db, 'record', ev]).code).toBe(0);
    const [header, ...lines] = readFileSync(s.db, 'utf8').trim().split('\n');
    expect(JSON.parse(header!)).toEqual({ format: 'deputy-roster', schemaVersion: 2, layout: 'log' });
    const all = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    // Each batch closed by its commit line: the converted earlier events, then the appended one.
    expect(all.filter((r) => 'commit' in r)).toEqual([
      { commit: { seq: original.length, hash: all[original.length - 1]!.hash } },
      { commit: { seq: original.length + 1, hash: all.at(-2)!.hash } },
    ]);
    const stored = all.filter((r) => !('commit' in r));
    expect(stored).toHaveLength(original.length + 1);
    stored.slice(0, original.length).forEach((r, i) => {
      const { hash, ...event } = r;
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(event).toEqual(original[i]);
    });
    expect(stored.at(-1)).toEqual(expect.objectContaining({ seq: original.length + 1, recordedBy: 'test-clerk', personId: 't1' }));
    const verify = roster(['--db', s.db, 'verify']);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('格式版本 2');
  });
});
