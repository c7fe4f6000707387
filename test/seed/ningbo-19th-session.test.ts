import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checks/consistency.js';
import { derive } from '../../src/engine/derive.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { ledger } from '../../src/ledger/headcount.js';
import { parseDataFile } from '../../src/store/data-file.js';
import { RULES_DIR, SEED_DATA } from '../support/scenario.js';

const evaluator = createEvaluator(loadRuleBook(RULES_DIR));

async function seed() {
  const data = parseDataFile(JSON.parse(readFileSync(SEED_DATA, 'utf8')), SEED_DATA);
  return derive(data.events, evaluator);
}

describe('the 19th session of the 16th Ningbo standing committee (2024-07-31)', () => {
  it('counts 484 − 8 + 3 = 479 deputies against a quota of 495, leaving 16 vacancies', async () => {
    const l = ledger(await seed(), { session: 19 });
    expect(l.quota).toBe(495);
    expect(l.baseline).toMatchObject({ session: 15, count: 484, vacancies: 11 });
    expect(l.terminated.count).toBe(8);
    expect(l.confirmed.count).toBe(3);
    expect(l.countAfter).toBe(479);
    expect(l.vacanciesAfter).toBe(16);
    expect(l.disagreements).toEqual([]);
  });

  it('groups the 8 terminations by reason, then by electing unit, in the order of the report', async () => {
    const l = ledger(await seed(), { session: 19 });
    const groups = l.terminated.groups.map((g) => ({
      label: g.label,
      count: g.count,
      units: g.units.map((u) => [u.unit, u.persons.map((p) => p.name)]),
    }));
    expect(groups).toEqual([
      {
        label: '调离本行政区域',
        count: 5,
        units: [
          ['江北区', ['朱欢']],
          ['镇海区', ['徐伟斌']],
          ['余姚市', ['何国强']],
          ['象山县', ['王安静', '莫鼎革']],
        ],
      },
      {
        label: '辞去代表职务',
        count: 3,
        units: [
          ['镇海区', ['陈庆丰']],
          ['鄞州区', ['黄利琴']],
          ['慈溪市', ['马荧波']],
        ],
      },
    ]);
  });

  it('decides each termination by the rule for its ground, citing 代表法 (2015) art. 49 in force on 2024-07-31', async () => {
    const l = ledger(await seed(), { session: 19 });
    const [transfers, resignations] = l.terminated.groups;
    for (const p of transfers!.units.flatMap((u) => u.persons)) {
      expect(p.finding?.ruleId).toBe('termination.transferred-out');
      expect(p.finding?.citation).toMatchObject({ law: '代表法', revision: '2015', article: 49, item: 1, mark: 'V' });
      expect(p.finding?.citation.text).toBe('代表法（2015年修正）第四十九条第（一）项');
    }
    for (const p of resignations!.units.flatMap((u) => u.persons)) {
      expect(p.finding?.ruleId).toBe('termination.resignation-accepted');
      expect(p.finding?.citation.text).toBe('代表法（2015年修正）第四十九条第（二）项');
    }
  });

  it('counts the by-elected deputies of 鄞州区 and 慈溪市 only from their confirmation at the session', async () => {
    const d = await seed();
    const l = ledger(d, { session: 19 });
    expect(l.confirmed.units.map((u) => [u.unit, u.persons.map((p) => p.name)])).toEqual([
      ['鄞州区', ['方勤', '竺培楠']],
      ['慈溪市', ['汪闻勇']],
    ]);
    expect(l.confirmed.units.flatMap((u) => u.persons).every((p) => p.date === '2024-07-31')).toBe(true);
    expect(ledger(d, { asOf: '2024-07-30' }).confirmed.count).toBe(0);
  });

  it('finds nothing wrong with the seed record', async () => {
    expect(await check(await seed(), evaluator)).toEqual([]);
  });
});
