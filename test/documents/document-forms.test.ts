/**
 * Notices as each level and each congress writes them: the form comes from the congress's record, or
 * its level's file in data/document-forms, or the built-in form; the one in use on the publication's
 * date; a form that names what the record lacks is refused, naming form and value.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentInputAt } from '../../src/documents/document-kind.js';
import { loadLevelForms } from '../../src/documents/forms/level-forms.js';
import { documentKind } from '../../src/documents/kinds.js';
import { renderText } from '../../src/documents/render/text.js';
import type { RosterEvent } from '../../src/domain/events.js';
import { derive } from '../../src/engine/derive.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { run } from '../support/cli.js';
import { ROOT, RULES_DIR, squash, tempDir } from '../support/scenario.js';

const evaluator = createEvaluator(loadRuleBook(RULES_DIR));
const levelForms = loadLevelForms(path.join(ROOT, 'data', 'document-forms'));
const load = (file: string) => JSON.parse(readFileSync(path.join(ROOT, 'data', file), 'utf8')).events as RosterEvent[];

/** The record with the congress's forms replaced. */
function withForms(events: RosterEvent[], documents: unknown): RosterEvent[] {
  return events.map((e) => (e.type === 'CongressConstituted' ? ({ ...e, congress: { ...e.congress, documents } } as RosterEvent) : e));
}

async function noticeAt(events: RosterEvent[], asOf: string) {
  const d = await derive(events, evaluator);
  return squash(renderText(documentKind('notice')!.buildAt!(await documentInputAt(d, evaluator, asOf, levelForms), asOf, {})));
}

describe('which form a notice is written in', () => {
  it('an NPC record with no form of its own is written in the national form, from data/document-forms', async () => {
    const text = await noticeAt(load('npc-13.json'), '2019-04-23');
    expect(text).toContain('截至目前，第十三届全国人民代表大会实有代表2971人。');
    expect(text).not.toContain('名额');
  });

  it('of several forms in a record, the one in use on the notice’s date', async () => {
    const events = load('hunan-12.json');
    const own = (events[0] as Extract<RosterEvent, { type: 'CongressConstituted' }>).congress.documents!.notice!;
    const earlier = { ...(own as object), to: '2016-12-31', title: '旧格式' };
    const later = { ...(own as object), from: '2017-01-01' };
    const text = await noticeAt(withForms(events, { notice: [earlier, later] }), '2017-03-31');
    expect(text.startsWith('湖南省第十二届人民代表大会常务委员会公告')).toBe(true);
  });

  it('a form naming what the record does not hold is refused, naming the form and the value', async () => {
    const events = withForms(load('npc-13.json'), { notice: { title: '{sc}公告', paragraphs: [['代表名额为{quota}名。']] } });
    await expect(noticeAt(events, '2019-04-23')).rejects.toThrow(
      '文书格式（第十三届全国人民代表大会的notice格式）用到“quota”，但记录中没有这项内容',
    );
  });

  it('a form with no way to write a ground the record holds is refused, naming the ground', async () => {
    const form = { title: '{sc}公告', paragraphs: [[{ each: 'terminations', item: { died: { template: '{names}去世' } } }]] };
    await expect(noticeAt(withForms(load('npc-13.json'), { notice: form }), '2019-04-23')).rejects.toThrow('没有写明“resigned”的写法');
  });
});

describe('roster doc notice --as-of', () => {
  it('writes the NPC notice of a date from a copy of data/npc-13.json', () => {
    const copy = path.join(tempDir(), 'npc-13.json');
    copyFileSync(path.join(ROOT, 'data', 'npc-13.json'), copy);
    const r = run(['--db', copy, 'doc', 'notice', '--as-of', '2019-04-23']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('〔十三届〕第七号');
  });

  it('for a congress whose record and level give no form, asks for --session instead', () => {
    const r = run(['doc', 'notice', '--as-of', '2024-07-31']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('只能按常委会会议次数（--session）生成公告');
  });
});
