/**
 * Real notices and reports of other congresses, reproduced from their records in data/ (national,
 * provincial, municipal, county; 1997 to 2026). Each golden text is the published text as retrieved,
 * kept verbatim with its source address in test/fixtures/real/ (header above the `---` line); the
 * comparison ignores whitespace, as the seed's does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/all-checks.js';
import { documentInput, documentInputAt } from '../../src/documents/document-kind.js';
import { loadLevelForms } from '../../src/documents/forms/level-forms.js';
import { documentKind } from '../../src/documents/kinds.js';
import { renderText } from '../../src/documents/render/text.js';
import { derive } from '../../src/engine/derive.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { parseDataFile } from '../../src/store/data-file.js';
import { ROOT, RULES_DIR, squash } from '../support/scenario.js';

const evaluator = createEvaluator(loadRuleBook(RULES_DIR));
const levelForms = loadLevelForms(path.join(ROOT, 'data', 'document-forms'));

/** The published text: the fixture below its header, less the lines its header names as the page's own (an editor's mark, a newspaper's page line). */
function published(file: string, pageLines: readonly string[] = []): string {
  const text = readFileSync(path.join(ROOT, 'test', 'fixtures', 'real', file), 'utf8');
  const [header, body] = text.split(/\n---\n/);
  expect(header).toMatch(/^source: https?:\/\//);
  let out = body!;
  for (const line of pageLines) {
    expect(out).toContain(line);
    out = out.replace(line, '');
  }
  return squash(out);
}

async function recordOf(file: string) {
  const full = path.join(ROOT, 'data', file);
  const events = parseDataFile(JSON.parse(readFileSync(full, 'utf8')), full).events;
  return derive(events, evaluator);
}

async function generated(file: string, kind: 'notice' | 'report', at: { session: number } | { asOf: string }) {
  const d = await recordOf(file);
  const k = documentKind(kind)!;
  const docs =
    'session' in at
      ? k.build(await documentInput(d, evaluator, at.session, levelForms), at.session, {})
      : k.buildAt!(await documentInputAt(d, evaluator, at.asOf, levelForms), at.asOf, {});
  return squash(renderText(docs));
}

async function checksOf(file: string) {
  const d = await recordOf(file);
  return (await allChecks(d, evaluator)).filter((f) => f.level !== 'info');
}

describe('the NPC standing committee’s notices, in the national form (data/document-forms/notice-national.json)', () => {
  it('〔十三届〕第七号 (2019): resignations by a provincial standing committee, deaths with condolence and a namesake in brackets, a Hong Kong 递补', async () => {
    expect(await generated('npc-13.json', 'notice', { asOf: '2019-04-23' })).toBe(published('national-quanguo-2019-04-23-notice.txt'));
  });

  it('〔十四届〕第十五号 (2026): recalls, with the posts revoked under 选举法 as a consequence', async () => {
    expect(await generated('npc-14.json', 'notice', { asOf: '2026-02-04' })).toBe(
      published('national-quanguo-2026-02-04-notice.txt', ['【编辑：王琴】']),
    );
  });

  it('both records give the count the notice states, from a balance no source states (derived, said at info level), and check finds nothing else', async () => {
    expect(await checksOf('npc-13.json')).toEqual([]);
    expect(await checksOf('npc-14.json')).toEqual([]);
  });
});

describe('the report of the NPC standing committee’s credentials committee (2008)', () => {
  it('reads as published: by-elections by provincial standing committees to confirm, a recall, a death on a stated date', async () => {
    expect(await generated('npc-11.json', 'report', { session: 3 })).toBe(published('national-quanguo-2008-06-24-report.txt'));
  });

  it('the report states no count, so check says only that the count cannot be computed', async () => {
    expect((await checksOf('npc-11.json')).map((c) => c.code)).toEqual(['balance-count-unknown']);
  });
});

describe('a provincial notice: 湖南省第十二届人大常委会公告（第59号）(2017)', () => {
  it('reads as published: quota, the count at the 28th session, seven terminations by deciding body, a by-election, 截至目前…746名', async () => {
    expect(await generated('hunan-12.json', 'notice', { asOf: '2017-03-31' })).toBe(published('provincial-hunan-2017-03-31-notice.txt'));
  });

  it('its stated figures are the record’s: check is clean', async () => {
    expect(await checksOf('hunan-12.json')).toEqual([]);
  });
});

describe('a provincial credentials report read to the standing committee (湖北, 1997)', () => {
  it('reads as published: 应为881名, 尚缺, the unit before each name, the bodies that reported the by-elections', async () => {
    expect(await generated('hubei-8.json', 'report', { session: 26 })).toBe(published('provincial-hubei-1997-02-13-report.txt'));
  });

  it('its stated figures are the record’s: check is clean (a death in 1997 rests on custom, said at info level)', async () => {
    expect(await checksOf('hubei-8.json')).toEqual([]);
  });
});

describe('a municipal congress in Zhejiang over two notices: 舟山市第八届人大常委会公告（第5号）(2023) and（第9号）(2024)', () => {
  const newspaper = (date: string, page: string) => ['字数', `《 舟山日报 》（ ${date} 第 ${page} 版 ）`];

  it('（第5号）: the count confirmed with 缺额 and the reserved seat, a by-election by a county standing committee', async () => {
    expect(await generated('zhoushan-8.json', 'notice', { asOf: '2023-01-19' })).toBe(
      published('municipal-zhoushan-2023-01-19-notice.txt', newspaper('2023年01月20日', '02')),
    );
  });

  it('（第9号）: the record resumes from the count of the 12th session; a resignation, transfers, by-elections by military units', async () => {
    expect(await generated('zhoushan-8.json', 'notice', { asOf: '2024-01-20' })).toBe(
      published('municipal-zhoushan-2024-01-20-notice.txt', newspaper('2024年01月21日', '03')),
    );
  });

  it('its stated figures are the record’s: check is clean', async () => {
    expect(await checksOf('zhoushan-8.json')).toEqual([]);
  });
});

describe('a county report on a new term’s election (彰武县, 2021): reserved seats, 211 deputies confirmed without names', () => {
  it('reads as published (the retrieved text has no addressee, signature or date)', async () => {
    expect(await generated('zhangwu-19.json', 'report', { asOf: '2021-10-28' })).toBe(published('county-zhangwu-2021-10-28-report.txt'));
  });

  it('its stated figures are the record’s: check is clean', async () => {
    expect(await checksOf('zhangwu-19.json')).toEqual([]);
  });
});
