import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { roster, seedWorkspace } from '../support/cli.js';
import { copyRules } from '../support/scenario.js';

type Check = { findings: { code: string; message: string; personId?: string }[]; errors: number };

/** The seed with a notice of two of its terminations recorded as published. */
function withNotice() {
  const s = seedWorkspace();
  const notice = s.write('notice.json', {
    type: 'TerminationsAnnounced',
    source: { title: '测试公告', session: 19, date: '2024-07-31' },
    date: '2024-07-31',
    session: 19,
    personIds: ['zhu-huan', 'chen-qingfeng'],
  });
  const run = roster(['--db', s.db, 'record', notice]);
  expect(run.code, run.stderr).toBe(0);
  return s;
}

describe('published documents recomputed under the rules they were issued under', () => {
  it('agree with the record: check finds nothing about them', () => {
    const s = withNotice();
    const run = roster(['--db', s.db, '--json', 'check']);
    expect(run.code).toBe(0);
    const codes = (JSON.parse(run.stdout) as Check).findings.map((f) => f.code);
    expect(codes).not.toContain('publication-differs');
    expect(codes).not.toContain('stated-count-mismatch');
  });
});

describe('a rule file changed after the report and the notice were published', () => {
  it('check flags the notice and the report figures that recomputation no longer gives, and the record is not changed', () => {
    const s = withNotice();
    const rules = copyRules();
    const file = path.join(rules, 'deputy-status', 'transferred-out.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"value": "transferred"', '"value": "moved"'));
    const before = readFileSync(s.db, 'utf8');

    const run = roster(['--db', s.db, '--rules', rules, '--json', 'check']);
    expect(run.code).toBe(1);
    const findings = (JSON.parse(run.stdout) as Check).findings;
    const differs = findings.filter((f) => f.code === 'publication-differs');
    expect(differs.map((f) => f.personId)).toEqual(['zhu-huan']);
    expect(differs[0]!.message).toContain(
      '《测试公告》（2024年7月31日）公告朱欢的代表资格终止，但按现行规则和记录重新计算，朱欢在该日代表资格有效',
    );
    expect(findings).toContainEqual(
      expect.objectContaining({
        code: 'stated-count-mismatch',
        message: expect.stringContaining('所述出缺代表8名，与根据记录计算的3名不一致'),
      }),
    );
    expect(readFileSync(s.db, 'utf8')).toBe(before);
  });
});
