/**
 * What the record must be able to say, as real reports and notices say it: no quota (the NPC's cap),
 * reserved seats, counts without names, a balance before the changes of its own session or stated
 * by nobody, other grounds, kinds of election, military electing units, and the figures a
 * publication states, each held against the figure the record gives.
 */
import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../src/domain/events.js';
import { congress, elected, opening, person, reviewed, session, src } from '../support/builders.js';
import { given } from '../support/scenario.js';

const codes = (checks: { code: string; level: string }[]) => checks.filter((c) => c.level !== 'info').map((c) => c.code);

describe('a congress with a cap and no quota (the NPC: 选举法 art. 16, 不超过三千人)', () => {
  const npc = (count: number) => [
    congress({ level: 'national', quota: null, cap: 3000, units: [] }),
    session(1, '2024-03-11'),
    opening(count, '2024-03-11', [], 1),
  ];

  it('counts its deputies and states no vacancies', async () => {
    const l = (await given(npc(2977))).ledger({ session: 1 });
    expect([l.quota, l.cap, l.countAfter, l.vacanciesAfter, l.baseline.vacancies]).toEqual([undefined, 3000, 2977, undefined, undefined]);
  });

  it('a count above the cap is an error', async () => {
    expect((await (await given(npc(3001))).check()).map((c) => c.message)).toContain('第1次会议时实有代表3001名，超过代表名额上限3000名');
  });
});

describe('reserved seats (机动名额, 预留名额)', () => {
  it('缺额 counts only the allocated seats, so a report stating 缺额4名，机动1名 agrees', async () => {
    const g = await given([
      congress({ quota: 305, reservedSeats: 1 }),
      session(5, '2022-12-22'),
      opening(300, '2022-12-22', [], 5),
      {
        type: 'CredentialsReportAdopted',
        source: src('2022-12-22', 5),
        date: '2022-12-22',
        session: 5,
        stated: { countBefore: 300, vacanciesAfter: 4 },
      },
    ]);
    expect(g.ledger({ session: 5 }).vacanciesAfter).toBe(4);
    expect(codes(await g.check())).toEqual([]);
  });
});

describe('counts without names', () => {
  const base: EventInput[] = [
    congress({ quota: 20 }),
    session(1, '2024-01-10'),
    opening(15, '2024-01-10', [], 1),
    session(2, '2024-06-30'),
  ];

  it('出缺3名 (resignations, no names, no unit) and 补选2名 confirmed count like named deputies, under the same rules', async () => {
    const g = await given([
      ...base,
      { type: 'UnnamedDeputiesLeft', source: src('2024-05-01'), count: 3, as: 'DeputyResignationAccepted' },
      { type: 'UnnamedDeputiesElected', source: src('2024-06-01'), count: 2, kind: 'by-election', electingUnit: '甲区' },
      { type: 'UnnamedDeputiesReviewed', source: src('2024-06-30', 2), count: 2, session: 2, result: 'valid' },
    ]);
    const l = g.ledger({ session: 2 });
    expect([l.baseline.count, l.terminated.count, l.confirmed.count, l.countAfter]).toEqual([15, 3, 2, 14]);
    expect(l.terminated.groups[0]).toMatchObject({ ground: 'resigned', count: 3 });
    expect(g.derivation.findings.map((f) => f.citation.text)).toContain('代表法（2015年修正）第四十九条第（二）项');
    expect(codes(await g.check())).toEqual([]);
  });

  it('more unnamed deputies confirmed than were elected confirms only those there are', async () => {
    const g = await given([
      ...base,
      { type: 'UnnamedDeputiesElected', source: src('2024-06-01'), count: 1, kind: 'by-election' },
      { type: 'UnnamedDeputiesReviewed', source: src('2024-06-30', 2), count: 2, session: 2, result: 'valid' },
    ]);
    expect(g.ledger({ session: 2 }).countAfter).toBe(16);
  });
});

describe('a balance confirmed at the same session as further changes', () => {
  it('counts from the balance and includes the changes of that same session (the count before them)', async () => {
    const g = await given([
      congress({ quota: 20 }),
      session(3, '2024-03-01'),
      person('a', '代表甲'),
      { ...opening(12, '2024-03-01', [{ personId: 'a', electingUnit: '甲区' }], 3), beforeChanges: true, statedBy: '筹备组' } as EventInput,
      { type: 'DeputyDied', source: src('2024-03-01', 3), personId: 'a', date: '2024-03-01' },
    ]);
    const l = g.ledger({ session: 3 });
    expect([l.baseline.count, l.terminated.count, l.countAfter]).toEqual([12, 1, 11]);
  });
});

describe('a balance that states no count (an NPC notice gives only the count after its changes)', () => {
  const npc = (withCount: boolean): EventInput[] => [
    congress({ level: 'national', quota: null, cap: 3000, units: [] }),
    person('a', '代表甲'),
    { type: 'OpeningBalanceStated', source: src(), members: [{ personId: 'a' }] } as EventInput,
    { type: 'DeputyResignationAccepted', source: src('2019-04-23'), personId: 'a', acceptedBy: '某省人大常委会' },
    {
      type: 'TerminationsAnnounced',
      source: src('2019-04-23'),
      date: '2019-04-23',
      personIds: ['a'],
      ...(withCount ? { stated: { countAfter: 2971 } } : {}),
    } as EventInput,
  ];

  it('takes it from the count the notice states after, and check says the balance was derived (info)', async () => {
    const g = await given(npc(true));
    const l = g.ledger({ asOf: '2019-04-23' });
    expect([l.baseline.count, l.terminated.count, l.countAfter, l.baseline.derivedFrom]).toEqual([2972, 1, 2971, 5]);
    expect((await g.check()).filter((c) => c.code === 'balance-count-derived')).toEqual([
      expect.objectContaining({ level: 'info', message: expect.stringContaining('推算为2972名') }),
    ]);
  });

  it('with no later count stated, check says the count is unknown (error)', async () => {
    expect(codes(await (await given(npc(false))).check())).toContain('balance-count-unknown');
  });
});

describe('a termination on a ground no rule knows', () => {
  it('is recorded with its wording (撤销代表资格, 1959), counted, and flagged for the clerk', async () => {
    const g = await given([
      congress({ level: 'national', quota: null, units: [] }),
      session(1, '1959-04-21'),
      person('a', '代表甲'),
      opening(1226, '1959-04-01', [{ personId: 'a', electingUnit: '某选举单位' }]),
      { type: 'MandateEndedOtherwise', source: src('1959-04-21', 1), personId: 'a', wording: '由原选举单位撤销代表资格' },
    ]);
    expect(g.status('a')).toBe('ended');
    expect(g.ledger({ session: 1 }).countAfter).toBe(1225);
    const flag = (await g.check()).find((c) => c.code === 'termination-on-other-ground');
    expect(flag).toMatchObject({ level: 'warning' });
    expect(flag!.message).toContain('“由原选举单位撤销代表资格”');
  });
});

describe('kinds of election', () => {
  it('a 递补 (Hong Kong NPC deputies) counts from its confirmation, like a by-election', async () => {
    const g = await given([
      congress({ level: 'national', quota: null, units: [] }),
      session(10, '2019-04-23'),
      opening(2970, '2019-01-01', []),
      person('c', '代表丙'),
      { type: 'DeputyElected', source: src('2019-04-01'), personId: 'c', electingUnit: '香港特别行政区', kind: 'succession' },
      reviewed('c', '2019-04-23', 10),
    ]);
    expect(g.ledger({ session: 10 }).countAfter).toBe(2971);
  });

  it('an election at a congress session in a unit with no vacancy is refused like a by-election', async () => {
    const g = await given([
      congress({ quota: 1, units: [{ name: '甲区', quota: 1 }] }),
      session(1, '2024-01-10'),
      person('a', '代表甲'),
      person('b', '代表乙'),
      opening(1, '2024-01-10', [{ personId: 'a', electingUnit: '甲区' }], 1),
      { ...elected('b', '甲区', '2024-02-01'), kind: 'session-election' } as EventInput,
    ]);
    expect(codes(await g.check())).toContain('by-election-without-vacancy');
  });
});

describe('military electing units (军队选举办法 2021 arts. 37, 38, 40)', () => {
  const transferred = (date: string): EventInput[] => [
    congress({ quota: 20, units: [{ name: '舟山警备区', kind: 'military' }, { name: '甲区' }] }),
    session(1, '2020-01-10'),
    person('a', '代表甲'),
    opening(15, '2020-01-10', [{ personId: 'a', electingUnit: '舟山警备区' }], 1),
    { type: 'DeputyTransferredOut', source: src(date), personId: 'a', date, movement: 'transferred' },
  ];

  it('a deputy elected by a military unit and transferred out from 2021-04-29 ends 自行终止 under art. 38(2)', async () => {
    const [f] = (await given(transferred('2024-01-03'))).findingsFor('a');
    expect(f?.ruleId).toBe('termination.military-transferred-out');
    expect(f?.citation.text).toBe('军队选举办法（2021年修正）第三十八条第二款');
    expect(f?.outcome).toMatchObject({ params: { phrase: '代表资格自行终止' } });
  });

  it('before the 2021 measures are in force, the 代表法 rule', async () => {
    expect((await given(transferred('2020-06-01'))).findingsFor('a')[0]?.ruleId).toBe('termination.transferred-out');
  });

  it('a resignation submitted to the electing committee is accepted like any other', async () => {
    const g = await given([
      ...transferred('2024-01-03').slice(0, 4),
      {
        type: 'DeputyResignationAccepted',
        source: src('2024-01-03'),
        personId: 'a',
        date: '2024-01-03',
        submittedTo: 'electing-committee',
        acceptedBy: '舟山警备区军人代表大会',
      },
    ]);
    expect(g.status('a')).toBe('ended');
  });
});

describe('the figures a publication states', () => {
  it('vacancies after, the count between the terminations and the confirmations, and expected attendance are each compared', async () => {
    const g = await given([
      congress({ quota: 20 }),
      session(1, '2024-01-10'),
      session(2, '2024-06-30'),
      person('a', '代表甲'),
      person('b', '代表乙'),
      opening(15, '2024-01-10', [{ personId: 'a', electingUnit: '甲区' }], 1),
      { type: 'DeputyDied', source: src('2024-03-01'), personId: 'a', date: '2024-03-01' },
      elected('b', '甲区', '2024-06-01'),
      reviewed('b', '2024-06-30', 2),
      {
        type: 'CredentialsReportAdopted',
        source: src('2024-06-30', 2),
        date: '2024-06-30',
        session: 2,
        stated: { countBetween: 14, vacanciesBetween: 6, countAfter: 15, vacanciesAfter: 4, expectedAttendance: 15, attendance: 13 },
      },
    ]);
    const mismatches = (await g.check()).filter((c) => c.code === 'stated-count-mismatch').map((c) => c.message);
    expect(mismatches).toEqual(['《测试文件》所述变动后缺额4名，与根据记录计算的5名不一致（第2次会议）']);
  });

  it('a notice’s stated count is compared on its own date when the record holds no session for it', async () => {
    const g = await given([
      congress({ quota: 20 }),
      person('a', '代表甲'),
      opening(15, '2024-01-10', [{ personId: 'a', electingUnit: '甲区' }]),
      { type: 'DeputyDied', source: src('2024-03-01'), personId: 'a', date: '2024-03-01' },
      { type: 'TerminationsAnnounced', source: src('2024-03-05'), date: '2024-03-05', personIds: ['a'], stated: { countAfter: 15 } },
    ]);
    expect((await g.check()).map((c) => c.message)).toContain(
      '《测试文件》所述变动后实有代表15名，与根据记录计算的14名不一致（2024年3月5日）',
    );
  });
});
