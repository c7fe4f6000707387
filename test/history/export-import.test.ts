import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { roster, seedWorkspace } from '../support/cli.js';
import { SEED_DATA, SEED_EVENTS } from '../support/scenario.js';

/** The seed with one recorded event and one correction, exported. */
function exported() {
  const s = seedWorkspace();
  const ev = s.write('ev.json', { type: 'PersonRegistered', source: { title: '测试文件' }, personId: 't1', name: '测试甲' });
  const fix = s.write('fix.json', {
    type: 'EventCorrected',
    source: { title: '测试更正' },
    supersedes: SEED_EVENTS + 1,
    reason: '重复登记',
  });
  expect(roster(['--db', s.db, 'record', ev]).code).toBe(0);
  expect(roster(['--db', s.db, 'record', fix]).code).toBe(0);
  const file = path.join(s.dir, 'export.json');
  const run = roster(['--db', s.db, 'export', '-o', file]);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toContain(`已导出${SEED_EVENTS + 2}条事件`);
  return { ...s, file };
}

describe('a whole log exported and imported into a new data file', () => {
  it('arrives with every event, the same hashes and the same headcount, and exports again identically', () => {
    const x = exported();
    const target = path.join(x.dir, 'copy.json');
    const run = roster(['--db', target, 'import', x.file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`已导入${SEED_EVENTS + 2}条事件`);
    expect(roster(['--db', target, 'verify']).code).toBe(0);
    expect(roster(['--db', target, 'headcount', '--session', '19']).stdout).toContain('= 479名');
    expect(roster(['--db', target, 'export']).stdout).toBe(readFileSync(x.file, 'utf8'));
    expect(roster(['--db', x.db, 'export']).stdout).toBe(readFileSync(x.file, 'utf8'));
  });

  it('a version 1 file (the embedded data) is imported with its chain built on the way in', () => {
    const s = seedWorkspace();
    const target = path.join(s.dir, 'fresh.json');
    const run = roster(['--db', target, 'import', SEED_DATA]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`已导入${SEED_EVENTS}条事件（版本1文件，已建立哈希链）`);
    expect(roster(['--db', target, 'verify']).stdout).toContain('格式版本 2');
  });
});

describe('an import that cannot be trusted or would overwrite a record', () => {
  it('a tampered export is refused naming the first bad event, and nothing is written', () => {
    const x = exported();
    writeFileSync(x.file, readFileSync(x.file, 'utf8').replace('"陈庆丰"', '"陈庆"'));
    const target = path.join(x.dir, 'copy.json');
    const run = roster(['--db', target, 'import', x.file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('哈希链校验失败：第8条事件的内容与记录时的哈希不符');
    expect(run.stderr).toContain('未导入任何记录');
    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}.head.json`)).toBe(false);
  });

  it('an import into a data file that already holds events is refused and the file is left as it was', () => {
    const x = exported();
    const before = readFileSync(x.db, 'utf8');
    const run = roster(['--db', x.db, 'import', x.file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`目标数据文件已有${SEED_EVENTS + 2}条记录；导入只写入新的或空的数据文件`);
    expect(readFileSync(x.db, 'utf8')).toBe(before);
  });

  it('a log whose chain is broken is not exported', () => {
    const x = exported();
    writeFileSync(x.db, readFileSync(x.db, 'utf8').replace('"陈庆丰"', '"陈庆"'));
    const run = roster(['--db', x.db, 'export']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('第8条事件的内容与记录时的哈希不符');
    expect(run.stdout).toBe('');
  });
});
