/**
 * Rule files validated once are remembered between commands (src/store/file-validated-rules.ts):
 * the same book comes back without validating again, and a file that changes is validated afresh,
 * so a broken rule is always told, never hidden by what was remembered.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleBook, type ValidatedFiles } from '../../src/engine/rule-book.js';
import { FileValidatedRules } from '../../src/store/file-validated-rules.js';
import { roster, seedCopy } from '../support/cli.js';
import { copyRules, tempDir } from '../support/scenario.js';

/** A memo that counts what it was asked and what it found. */
function counting(memo: FileValidatedRules): ValidatedFiles & { hits: number; misses: number } {
  const c = {
    hits: 0,
    misses: 0,
    get(key: string) {
      const v = memo.get(key);
      if (v === undefined) c.misses++;
      else c.hits++;
      return v;
    },
    set: (key: string, value: unknown) => memo.set(key, value),
  };
  return c;
}

function load(rules: string, cache: string, code = 'build-1') {
  const memo = new FileValidatedRules(cache, code);
  const seen = counting(memo);
  const book = loadRuleBook(rules, seen);
  memo.save();
  return { book, seen };
}

describe('rule files validated once are remembered', () => {
  it('a second load takes every file as validated and makes the same book', () => {
    const rules = copyRules();
    const cache = tempDir('roster-cache-');
    const first = load(rules, cache);
    expect(first.seen.hits).toBe(0);
    const second = load(rules, cache);
    expect(second.seen.misses).toBe(0);
    expect(second.seen.hits).toBe(first.seen.misses);
    expect(second.book.hash).toBe(first.book.hash);
    expect(second.book.hash).toBe(loadRuleBook(rules).hash);
  });

  it('a file broken after it was remembered is told, by file and path', () => {
    const rules = copyRules();
    const cache = tempDir('roster-cache-');
    load(rules, cache);
    const file = path.join(rules, 'laws.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"laws"', '"lawz"'));
    expect(() => load(rules, cache)).toThrow(`${file}: `);
  });

  it('another build of the program validates afresh', () => {
    const rules = copyRules();
    const cache = tempDir('roster-cache-');
    load(rules, cache, 'build-1');
    expect(load(rules, cache, 'build-2').seen.hits).toBe(0);
  });

  it('through the CLI: a rule file broken between two commands is refused with its name', () => {
    const rules = copyRules();
    const cache = tempDir('roster-cache-');
    const db = seedCopy();
    const env = { ROSTER_CACHE_DIR: cache };
    expect(roster(['--db', db, '--rules', rules, 'headcount', '--session', '19'], env).code).toBe(0);
    const file = path.join(rules, 'settings.json');
    writeFileSync(file, '{ "cascade": ');
    const broken = roster(['--db', db, '--rules', rules, 'headcount', '--session', '19'], env);
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toContain('settings.json');
  });
});
