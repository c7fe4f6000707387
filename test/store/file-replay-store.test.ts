/**
 * The kept replay's files (src/store/file-replay-store.ts): a core kept in sections reads back as it
 * was kept, section by section; a table section reads back entry by entry, whatever its ids; a
 * passed-on replay names its core; and anything unsound (a core cut short, a key that is not the
 * one asked for) is a miss, never a value.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileReplayStore } from '../../src/store/file-replay-store.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function store(): { store: FileReplayStore; dir: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'replay-store-'));
  dirs.push(dir);
  return { store: new FileReplayStore(path.join(dir, 'data.json')), dir: path.join(dir, 'data.json.cache') };
}

/** Ids a table must keep apart and give back as they were: quotes, backslashes, line breaks, `__proto__`, Chinese. */
const persons: Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, {
  p1: { name: '张三', source: { title: '报告' } },
  'q"uote': { name: 'a"b' },
  'back\\slash\\': { name: 'c\\d' },
  'line\nbreak': { name: 'e\nf' },
  ['__proto__']: { name: '原型' },
  '': { name: '空' },
  王五: null,
});

describe('FileReplayStore', () => {
  it('keeps a core in sections and reads each back as kept; a table section entry by entry', async () => {
    const { store: s } = store();
    const core = {
      main: { format: 1, small: [1, 2] },
      sections: { big: { a: [1, { b: 'x' }] }, persons, empty: {} },
      tables: new Set(['persons', 'empty']),
    };
    await s.save('k1', core, ['line0', { line: 1 }]);
    const kept = await s.load('k1');
    expect(kept?.core.main).toEqual(core.main);
    expect(kept?.core.section('big')).toEqual(core.sections.big);
    expect(kept?.lines).toEqual(['line0', { line: 1 }]);
    // The whole table parsed at once, and entry by entry: the same ids and values.
    const whole = kept!.core.section('persons') as Record<string, unknown>;
    const byEntry = kept!.core.table('persons');
    expect(Object.keys(whole)).toEqual(Object.keys(persons));
    expect(Object.keys(byEntry)).toEqual(Object.keys(persons));
    for (const id of Object.keys(persons)) {
      expect(byEntry[id]).toEqual(persons[id]);
      expect(whole[id]).toEqual(persons[id]);
      expect(id in byEntry).toBe(true);
    }
    expect(byEntry.nobody).toBeUndefined();
    expect(Object.values(byEntry)).toEqual(Object.values(persons));
    expect(() => {
      (byEntry as Record<string, unknown>).p1 = 'changed';
    }).toThrow();
    expect(Object.keys(kept!.core.table('empty'))).toEqual([]);
    expect(() => kept!.core.table('big')).toThrow();
    expect(() => kept!.core.section('absent')).toThrow();
    expect(await s.load('another key')).toBeUndefined();
  });

  it('a table asked for many entries one by one (searched for, then every line indexed) gives each as kept', async () => {
    const { store: s } = store();
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`p${i}`, { name: `代表${i}`, n: i }]));
    await s.save('k', { main: {}, sections: { many }, tables: new Set(['many']) }, []);
    const table = (await s.load('k'))!.core.table('many');
    // Unknown ids among the first searches and after the table was indexed; known ones in no order.
    const asked = ['nobody', 'p59', 'p0', 'p31', 'p7', 'p8', 'p1', 'p2', 'p3', 'p4', 'also-nobody', 'p45', 'p10', 'p5'];
    for (const id of asked) expect(table[id], id).toEqual(many[id]);
    for (const id of asked) expect(id in table, id).toBe(id in many);
    expect(Object.keys(table)).toEqual(Object.keys(many));
  });

  it('reads lines one at a time where asked, and refuses lines out of their place', async () => {
    const { store: s, dir } = store();
    await s.save('k1', { main: {}, sections: {} }, ['a', 'b', 'c']);
    const kept = await s.load('k1', { lazyLines: true });
    expect([0, 1, 2].map((i) => kept!.lineAt!(i))).toEqual(['a', 'b', 'c']);
    expect(() => kept!.lineAt!(3)).toThrow();
    const lines = path.join(dir, 'lines.jsonl');
    writeFileSync(lines, `${readFileSync(lines, 'utf8').split('\n').slice(0, 3).reverse().join('\n')}\n`);
    const swapped = await s.load('k1', { lazyLines: true });
    expect(() => swapped!.lineAt!(0)).toThrow();
    expect(await s.load('k1')).toBeUndefined();
  });

  it('a core cut short, or one with a section longer than the file, is a miss', async () => {
    const { store: s, dir } = store();
    await s.save('k1', { main: { m: 1 }, sections: { a: [1, 2, 3] } }, []);
    const file = path.join(dir, 'core.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, -3));
    expect(await s.load('k1')).toBeUndefined();
    writeFileSync(file, `${text}[4]\n`);
    expect(await s.load('k1')).toBeUndefined();
    writeFileSync(file, text);
    expect((await s.load('k1'))?.core.section('a')).toEqual([1, 2, 3]);
  });

  it('passes a replay on to a new key behind its core, and extends it only from the key it was asked to', async () => {
    const { store: s } = store();
    await s.save('k1', { main: { at: 1 }, sections: {} }, ['a']);
    expect(await s.pass('k0', 'k2', 1)).toBe(false);
    expect(await s.pass('k1', 'k2', 1)).toBe(true);
    expect(await s.load('k1')).toBeUndefined();
    const passed = await s.load('k2');
    expect(passed?.behind).toBe(1);
    expect(passed?.core.main).toEqual({ at: 1 });
    expect(await s.pass('k2', 'k3', 2)).toBe(true);
    expect((await s.load('k3'))?.behind).toBe(2);
    expect(await s.extend('k2', 'k4', { main: { at: 4 }, sections: {} }, ['b'])).toBe(false);
    expect(await s.extend('k3', 'k4', { main: { at: 4 }, sections: {} }, ['b'])).toBe(true);
    const extended = await s.load('k4');
    expect(extended?.behind).toBe(0);
    expect(extended?.core.main).toEqual({ at: 4 });
    expect(extended?.lines).toEqual(['a', 'b']);
  });
});
