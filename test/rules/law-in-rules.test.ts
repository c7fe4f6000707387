/**
 * The law the code once held as `if`s lives in rules/ with its citation: which events the law
 * decides, the order grounds are listed in, who counts among 实有代表, that a by-election needs a
 * vacancy and the count may not pass the quota, how a void election is worded, and whom a speaker
 * at a county standing committee addresses. Take a rule file away and the behaviour goes with it.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/documents/render/text.js';
import type { EventInput } from '../../src/domain/events.js';
import { formatHeadcount } from '../../src/format/headcount.js';
import { congress, elected, opening, person, reviewed, session, src } from '../support/builders.js';
import { congressOf, documentsOf, personWith, sessionOf, transferred, voided } from '../support/document-builders.js';
import { copyRules, given, squash } from '../support/scenario.js';

/** A copy of rules/ without the given files. */
function rulesWithout(...files: string[]): string {
  const dir = copyRules();
  for (const f of files) rmSync(path.join(dir, f));
  return dir;
}

const suspendedDeputy: EventInput[] = [
  congress({ quota: 10 }),
  session(1, '2024-01-10'),
  person('a', '甲'),
  opening(5, '2024-01-10', [{ personId: 'a', electingUnit: '甲区' }], 1),
  { type: 'DeputySuspended', source: src('2024-03-01'), personId: 'a', date: '2024-03-01', ground: 'criminal-custody' },
];

describe('who counts among 实有代表 (rules/counting/)', () => {
  it('a suspended deputy still counts, by the counting rule; without that rule file the deputy no longer does', async () => {
    expect((await given(suspendedDeputy)).ledger({ asOf: '2024-03-01' }).countAfter).toBe(5);
    const without = await given(suspendedDeputy, rulesWithout('counting/suspended-counts.json'));
    const l = without.ledger({ asOf: '2024-03-01' });
    expect(l.countAfter).toBe(4);
    expect(l.otherChanges?.map((x) => [x.name, x.from, x.to, x.counted])).toEqual([['甲', 'valid', 'suspended', false]]);
    expect(formatHeadcount(l)).toContain('实有代表：5 − 0 + 0 − 1 = 4名');
  });
});

describe('a by-election needs a vacancy, and the count may not pass the quota (rules/by-election/)', () => {
  const full: EventInput[] = [
    congress({
      quota: 2,
      units: [
        { name: '甲区', quota: 1 },
        { name: '乙区', quota: 1 },
      ],
    }),
    session(1, '2024-01-10'),
    person('a', '甲'),
    person('b', '乙'),
    person('c', '丙'),
    opening(
      2,
      '2024-01-10',
      [
        { personId: 'a', electingUnit: '甲区' },
        { personId: 'b', electingUnit: '乙区' },
      ],
      1,
    ),
    elected('c', '甲区', '2024-03-01'),
    session(2, '2024-04-10'),
    reviewed('c', '2024-04-10', 2),
  ];

  it('a by-election in a full unit and the count it raises above the quota are errors resting on 选举法 Arts. 57 and 14', async () => {
    const found = await (await given(full)).check();
    const vacancy = found.find((f) => f.code === 'by-election-without-vacancy')!;
    expect(vacancy).toEqual(expect.objectContaining({ ruleId: 'by-election.vacancy-required', eventSeqs: [7], personIds: ['c'] }));
    expect(vacancy.citation).toEqual(expect.objectContaining({ law: '选举法', revision: '2020', article: 57, paragraph: 1 }));
    const quota = found.find((f) => f.code === 'above-quota')!;
    expect(quota).toEqual(expect.objectContaining({ ruleId: 'by-election.quota-fixed', facts: { session: 2, count: 3, quota: 2 } }));
    expect(quota.citation?.text).toBe('选举法（2020年修正）第十四条第一款');
  });

  it('a national congress has a cap, not a quota: a count above it rests on 选举法 Art. 16(2), not on the local Art. 14', async () => {
    const g = await given([
      congress({ level: 'national', quota: null, cap: 3000, units: [] }),
      session(1, '2024-03-11'),
      opening(3001, '2024-03-11', [], 1),
    ]);
    const over = (await g.check()).find((f) => f.code === 'above-quota')!;
    expect(over).toEqual(expect.objectContaining({ ruleId: 'by-election.quota-fixed', facts: { session: 1, count: 3001, cap: 3000 } }));
    expect(over.citation?.text).toBe('选举法（2020年修正）第十六条第二款');
  });

  it('reserved seats (机动名额) are not counted among the seats a count is held against', async () => {
    const g = await given([congress({ quota: 305, reservedSeats: 1 }), session(1, '2024-01-10'), opening(305, '2024-01-10', [], 1)]);
    const over = (await g.check()).find((f) => f.code === 'above-quota')!;
    expect(over.facts).toEqual({ session: 1, count: 305, quota: 305, reservedSeats: 1 });
    expect(over.message).toBe('第1次会议时实有代表305名，超过已分配的代表名额304名（代表名额305名，机动名额1名）');
    expect(over.citation?.text).toBe('选举法（2020年修正）第十四条第一款');
  });

  it('without those rule files neither is reported', async () => {
    const codes = (
      await (await given(full, rulesWithout('by-election/vacancy-required.json', 'by-election/quota-fixed.json'))).check()
    ).map((f) => f.code);
    expect(codes).not.toContain('by-election-without-vacancy');
    expect(codes).not.toContain('above-quota');
  });
});

describe('which events the law decides is read off the rule files', () => {
  const lost: EventInput[] = [
    ...suspendedDeputy.slice(0, 4),
    { type: 'CapacityLost', source: src('2024-03-01'), personId: 'a', date: '2024-03-01' },
  ];

  it('an event type a rule file names is decided by it; with no rule file naming it, it changes no mandate and asks for no rule', async () => {
    expect((await given(lost)).status('a')).toBe('ended');
    const without = await given(lost, rulesWithout('deputy-status/capacity-lost.json'));
    expect(without.status('a')).toBe('valid');
    expect(without.derivation.unruled).toEqual([]);
  });
});

describe('the wording of a void election and the salutation of a county standing committee', () => {
  const county = congressOf({
    name: '某县第三届人民代表大会',
    shortName: '县三届人大',
    termNumber: 3,
    level: 'county',
    region: '某县',
    standingCommittee: { name: '某县人民代表大会常务委员会', shortName: '县人大常委会' },
    quota: 200,
    units: ['东乡选区'],
  });
  const events: EventInput[] = [
    county,
    sessionOf(3, '2024-01-10'),
    personWith('sun', '孙某'),
    personWith('zhou', '周某'),
    opening(199, '2024-01-10', [{ personId: 'zhou', electingUnit: '东乡选区' }], 3),
    transferred('zhou', '2024-02-01', '因工作调动调离了某县'),
    {
      type: 'DeputyElected',
      source: src('2024-02-10'),
      personId: 'sun',
      electingUnit: '东乡选区',
      kind: 'by-election',
      date: '2024-02-10',
    },
    voided('sun', '2024-03-01', 4, 'procedure'),
    sessionOf(4, '2024-03-01'),
  ];
  const text = async (kind: string, rules?: string) => squash(renderText((await documentsOf(events, kind, 4, {}, rules))[0]!));

  it('the report states the ground in the words of the rule that found the election void', async () => {
    expect(await text('report')).toContain('孙某的选举不符合法定程序，其当选无效');
    expect(await text('report', rulesWithout('review/void-procedure.json'))).toContain('孙某的当选无效');
  });

  it('a county standing committee is addressed without a 秘书长 (地方组织法 Art. 47(2)); without the rule the line is left blank, with a note', async () => {
    expect(await text('explanation')).toContain('主任、副主任、各位委员：');
    const [doc] = await documentsOf(events, 'explanation', 4, {}, rulesWithout('standing-committee/county.json'));
    expect(doc!.addressee).toBeUndefined();
    expect(doc!.warnings).toContain('规则中没有本级常务委员会组成人员的称谓（rules/standing-committee），称呼一行留空');
  });
});
