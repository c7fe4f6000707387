/**
 * A finding never cites a text adopted after the event it judges. Where no text in force on the date
 * is verified, it says 依惯例 with no article, and check says so at info level.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../src/domain/events.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { congress, elected, opening, person, reviewed, session, src } from '../support/builders.js';
import { copyRules, given, RULES_DIR } from '../support/scenario.js';

const book = loadRuleBook(RULES_DIR);

/** Years a citation's text names: 2014年8月31日, （2015年修正）, （2023年）. */
const yearsNamed = (text: string) => [...text.matchAll(/(1[89]\d\d|20\d\d)年/g)].map((m) => Number(m[1]));

describe('no citation in rules/ names a text dated after its own first day', () => {
  const versions = [...book.rules, ...[...book.regions.values()].flatMap((r) => r.overlay)].flatMap((r) =>
    r.versions.map((v) => ({ id: r.spec.id, file: v.file, text: v.citation.text, from: v.from })),
  );

  it('every year a citation names is no later than the year its period begins', () => {
    const late = versions.filter((v) => yearsNamed(v.text).some((y) => v.from === undefined || y > Number(v.from.slice(0, 4))));
    expect(late).toEqual([]);
  });

  it('a rule file whose practice citation is in force before the texts it relies on were adopted is refused', () => {
    const dir = copyRules();
    const file = path.join(dir, 'deputy-status', 'died-by-practice.json');
    const rule = JSON.parse(readFileSync(file, 'utf8'));
    rule.citations[1].from = '2010-01-01';
    writeFileSync(file, JSON.stringify(rule));
    expect(() => loadRuleBook(dir)).toThrow(/died-by-practice\.json: \$\.citations\[1\]\.from：所依据的文本2014-08-31才通过/);
  });
});

const at = (date: string, sessionNo = 1): EventInput[] => [
  congress({ quota: 10 }),
  session(sessionNo, date),
  person('a', '代表甲'),
  opening(5, date, [{ personId: 'a', electingUnit: '甲区' }], sessionNo),
];
const ending = (type: 'DeputyDied' | 'DeputyResignationAccepted' | 'DeputyRecalled', date: string): EventInput => ({
  type,
  source: src(date),
  personId: 'a',
  date,
});

async function citationOf(events: EventInput[], personId = 'a') {
  const g = await given(events);
  return { citation: g.findingsFor(personId)[0]?.citation, checks: await g.check(), status: g.status(personId) };
}

describe('a death', () => {
  it('in 1997 ends the status by custom: the NPCSC notices relied on later date from 2014 and 2019', async () => {
    const { citation, status } = await citationOf([...at('1997-01-10'), ending('DeputyDied', '1997-05-01')]);
    expect(status).toBe('ended');
    expect(citation).toMatchObject({ kind: 'custom', text: '依惯例', note: '代表去世的，其代表资格自然终止' });
  });

  it('in 2016 cites the 2014 notice only; in 2020 both notices; from 2025-03-12 代表法 art. 62(2)', async () => {
    expect((await citationOf([...at('2016-01-10'), ending('DeputyDied', '2016-05-01')])).citation?.text).toBe(
      '全国人大常委会公告惯例（〔十二届〕第七号，2014年8月31日）：代表去世的，代表资格自然终止',
    );
    expect((await citationOf([...at('2020-01-10'), ending('DeputyDied', '2020-05-01')])).citation?.text).toContain('〔十三届〕第七号');
  });
});

describe('termination before 代表法 1992', () => {
  it('a resignation accepted, a recall and a transfer out in 1985 end the status by custom, with no article', async () => {
    for (const type of ['DeputyResignationAccepted', 'DeputyRecalled'] as const) {
      const { citation, status } = await citationOf([...at('1985-01-10'), ending(type, '1985-05-01')]);
      expect(status).toBe('ended');
      expect(citation).toMatchObject({ kind: 'custom', text: '依惯例' });
    }
    const transfer: EventInput = {
      type: 'DeputyTransferredOut',
      source: src('1985-05-01'),
      personId: 'a',
      date: '1985-05-01',
      movement: 'transferred',
    };
    expect((await citationOf([...at('1985-01-10'), transfer])).citation?.kind).toBe('custom');
  });

  it('the electing unit’s 撤销代表资格 in 1959 ends the status by custom; after 代表法 1992 no rule knows it, and check says so', async () => {
    const revoked = (date: string): EventInput => ({
      type: 'MandateRevoked',
      source: src(date),
      personId: 'a',
      date,
      revokedBy: '原选举单位',
    });
    const before = await citationOf([...at('1959-01-10'), revoked('1959-04-01')]);
    expect(before.status).toBe('ended');
    expect(before.citation).toMatchObject({ kind: 'custom', note: '原选举单位撤销代表资格的，其代表资格终止' });
    const after = await citationOf([...at('1995-01-10'), revoked('1995-04-01')]);
    expect(after.status).toBe('valid');
    expect(after.checks.map((c) => c.code)).toContain('no-rule-in-force');
  });

  it('loss of nationality in 1985 has no rule: the record keeps the deputy and check says no rule was in force', async () => {
    const lost: EventInput = { type: 'NationalityLost', source: src('1985-05-01'), personId: 'a', date: '1985-05-01' };
    const { status, checks } = await citationOf([...at('1985-01-10'), lost]);
    expect(status).toBe('valid');
    expect(checks.map((c) => c.code)).toContain('no-rule-in-force');
  });
});

describe('the review of a by-elected deputy', () => {
  const byElection = (date: string): EventInput[] => [
    ...at(date),
    person('b', '代表乙'),
    elected('b', '甲区', date),
    reviewed('b', date, 1),
  ];

  it('in 1959 is confirmed by custom, not under the 地方组织法 of 2004', async () => {
    expect((await citationOf(byElection('1959-04-21'), 'b')).citation).toMatchObject({ kind: 'custom' });
  });

  it('in 2008 under the 地方组织法 as amended in 2004, art. 51; in 2016 under 选举法 2015 art. 46', async () => {
    expect((await citationOf(byElection('2008-06-01'), 'b')).citation?.text).toBe(
      '地方组织法（2004年修正）第五十一条（代表资格审查委员会审查代表的选举是否符合法律规定）',
    );
    expect((await citationOf(byElection('2016-06-01'), 'b')).citation?.text).toBe('选举法（2015年修正）第四十六条');
  });

  it('an election found void in 2012 rests on 选举法 2010 art. 55(3)', async () => {
    const events = [...at('2012-01-10'), person('b', '代表乙'), elected('b', '甲区', '2012-06-01'), reviewed('b', '2012-06-01', 1, 'void')];
    const { citation, status } = await citationOf(events, 'b');
    expect(status).toBe('void');
    expect(citation?.text).toBe('选举法（2010年修正）第五十五条第三款');
  });
});

describe('check reports findings that rest on custom at info level', () => {
  it('once per rule, naming the events; they are not errors', async () => {
    const g = await given([
      ...at('1997-01-10'),
      person('b', '代表乙'),
      ending('DeputyDied', '1997-05-01'),
      elected('b', '甲区', '1997-06-01'),
      reviewed('b', '1997-06-01', 1),
    ]);
    const notes = (await g.check()).filter((c) => c.code === 'customary-basis');
    expect(notes.map((n) => n.level)).toEqual(['info', 'info']);
    expect(notes[0]!.message).toContain(
      '依惯例认定（代表去世的，其代表资格自然终止；规则“代表去世的，其代表资格自然终止（2025年代表法修正前依惯例）”）',
    );
    expect(notes[0]).toMatchObject({ ruleId: 'termination.died-by-practice' });
    expect((await g.check()).filter((c) => c.level === 'error')).toEqual([]);
  });
});
