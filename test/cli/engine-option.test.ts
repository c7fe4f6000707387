import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replayFolderOf } from '../../src/store/file-replay-store.js';
import { roster, seedCopy } from '../support/cli.js';

describe('`--engine reference`: anyone who doubts the compiled rules can have json-rules-engine decide', () => {
  it('the seed gives the same headcount, checks and cascade with the rule files interpreted as with them compiled', () => {
    const db = seedCopy();
    for (const command of [['headcount', '--session', '19'], ['check'], ['cascade', '--session', '19'], ['explain', '方勤']]) {
      const compiled = roster(['--db', db, '--json', ...command]);
      const reference = roster(['--db', db, '--json', '--engine', 'reference', ...command]);
      expect(reference.code).toBe(compiled.code);
      expect(JSON.parse(reference.stdout)).toEqual(JSON.parse(compiled.stdout));
    }
    expect(JSON.parse(roster(['--db', db, '--json', '--engine', 'reference', 'headcount', '--session', '19']).stdout)).toMatchObject({
      countAfter: 479,
    });
  });

  it('the reference engine decides afresh: it neither reads nor keeps a replay the compiled rules would use', () => {
    const db = seedCopy();
    expect(roster(['--db', db, '--engine', 'reference', 'headcount', '--session', '19']).code).toBe(0);
    expect(existsSync(replayFolderOf(db))).toBe(false);
    expect(roster(['--db', db, 'headcount', '--session', '19']).code).toBe(0);
    expect(existsSync(replayFolderOf(db))).toBe(true);
  });

  it('an engine that does not exist is refused in Chinese with exit 2, naming the choices', () => {
    const r = roster(['--db', seedCopy(), '--engine', 'fast', 'headcount']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('错误：选项 --engine <kind> 的取值“fast”无效，可选：compiled、reference');
  });
});
