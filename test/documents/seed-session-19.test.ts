import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentInput } from '../../src/documents/document-kind.js';
import { documentKind } from '../../src/documents/kinds.js';
import { renderText } from '../../src/documents/render/text.js';
import type { RosterEvent } from '../../src/domain/events.js';
import { derive } from '../../src/engine/derive.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { ROOT, RULES_DIR, SEED_DATA, squash } from '../support/scenario.js';

const seedText = (file: string) => squash(readFileSync(path.join(ROOT, 'test', 'fixtures', 'seed', file), 'utf8'));
const events = JSON.parse(readFileSync(SEED_DATA, 'utf8')).events as RosterEvent[];
const evaluator = createEvaluator(loadRuleBook(RULES_DIR));
const input = await documentInput(await derive(events, evaluator), evaluator, 19);
const documents = (kind: string) => documentKind(kind)!.build(input, 19, {});
const text = (kind: string) => renderText(documents(kind));

/** personnel-decisions.txt: the four decisions, then the lists from the first list title on. */
const personnel = seedText('personnel-decisions.txt');
const listsStart = personnel.indexOf('宁波市人大常委会任免名单');

describe('the 19th session of the 16th Ningbo standing committee, as recorded', () => {
  it('the credentials report reads, character for character, as the gazette printed it', () => {
    expect(squash(text('report'))).toBe(seedText('qualification-report.txt'));
  });

  it('the explanation of the report reads as the gazette printed it, with every post and title', () => {
    expect(squash(text('explanation'))).toBe(seedText('qualification-report-explanation.txt'));
  });

  it('the explanation is presented by the member the minutes name, in the capacity they give', () => {
    const minutes = seedText('minutes-items-6-7.txt');
    const [doc] = documents('explanation');
    expect(minutes).toContain(`会议听取了${doc!.byline}所作的关于个别代表的代表资格报告的说明`);
  });

  it('the count after the changes is the one the minutes state', () => {
    const minutes = seedText('minutes-items-6-7.txt');
    expect(minutes).toContain('本次市人民代表大会个别代表的代表资格变动后，市十六届人大实有代表479名');
    expect(squash(text('report'))).toContain('本次市人民代表大会个别代表的代表资格变动后，市十六届人大实有代表479名');
  });

  it('the four decisions accepting resignations from posts read as the gazette printed them, in its order', () => {
    expect(listsStart).toBeGreaterThan(0);
    expect(documents('decisions')).toHaveLength(4);
    expect(squash(text('decisions'))).toBe(personnel.slice(0, listsStart));
  });

  it('the appointment and removal lists read as the gazette printed them: one list per proposing body, in its order', () => {
    expect(documents('appointments').map((d) => d.title)).toEqual([
      '宁波市人大常委会任免名单',
      '宁波市人大常委会决定任免名单',
      '宁波市人大常委会任免名单',
      '宁波市人大常委会任免名单',
      '宁波市人大常委会批准辞职和免职名单',
    ]);
    expect(squash(text('appointments'))).toBe(personnel.slice(listsStart));
  });

  it('the decisions the minutes say were adopted are the ones generated', () => {
    const minutes = seedText('minutes-items-6-7.txt');
    expect(minutes).toContain('会议要求将上述四个决定报市人民代表大会备案');
    for (const doc of documents('decisions')) expect(doc.paragraphs.join('')).toContain('并报宁波市人民代表大会备案');
  });
});
