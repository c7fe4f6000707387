import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../src/domain/events.js';
import { congress, elected, opening, person, reviewed, session, src } from '../support/builders.js';
import { given } from '../support/scenario.js';

const report = (sessionNo: number, date: string, stated: Record<string, number>): EventInput => ({
  type: 'CredentialsReportAdopted',
  source: { title: '代表资格审查委员会的报告', session: sessionNo, date },
  session: sessionNo,
  date,
  stated,
});

describe('a count stated in a document is compared with the computed one', () => {
  const base: EventInput[] = [
    congress({ quota: 10 }),
    session(1, '2024-01-10'),
    session(2, '2024-06-28'),
    person('a', '代表甲'),
    person('b', '代表乙'),
    opening(9, '2024-01-10', [{ personId: 'a', electingUnit: '甲区' }], 1),
    { type: 'DeputyDied', source: src('2024-03-01'), personId: 'a', date: '2024-03-01' },
  ];

  it('a report whose figures agree raises nothing', async () => {
    const g = await given([...base, report(2, '2024-06-28', { countBefore: 9, terminated: 1, countAfter: 8 })]);
    expect(await g.check()).toEqual([]);
  });

  it('a report that states a wrong count is an error naming the document, the stated and the computed figures', async () => {
    const g = await given([...base, report(2, '2024-06-28', { countAfter: 7 })]);
    const l = g.ledger({ session: 2 });
    expect(l.disagreements).toEqual([expect.objectContaining({ field: 'countAfter', stated: 7, computed: 8 })]);
    expect(await g.check()).toEqual([
      expect.objectContaining({
        level: 'error',
        code: 'stated-count-mismatch',
        message: '《代表资格审查委员会的报告》所述变动后实有代表7名，与根据记录计算的8名不一致（第2次会议）',
      }),
    ]);
  });

  it('a report that counts a deputy elected but not yet confirmed is flagged as such', async () => {
    const g = await given([...base, elected('b', '甲区', '2024-06-01'), report(2, '2024-06-28', { countAfter: 9 })]);
    const [finding] = await g.check();
    expect(finding?.code).toBe('counted-before-confirmation');
    expect(finding?.message).toContain('当选代表在常委会确认前不计入实有代表');
  });
});

describe('consistency of the record', () => {
  it('more deputies than the quota is an error', async () => {
    const g = await given([congress({ quota: 5 }), session(1, '2024-01-10'), opening(6, '2024-01-10', [], 1)]);
    expect((await g.check()).map((f) => [f.code, f.message])).toEqual([['above-quota', '第1次会议时实有代表6名，超过代表名额5名']]);
  });

  it('a by-election in a unit with no vacancy is an error where unit quotas are known', async () => {
    const g = await given([
      congress({
        quota: 2,
        units: [
          { name: '甲区', quota: 1 },
          { name: '乙区', quota: 1 },
        ],
      }),
      session(1, '2024-01-10'),
      person('a', '代表甲'),
      person('b', '代表乙'),
      opening(1, '2024-01-10', [{ personId: 'a', electingUnit: '甲区' }], 1),
      elected('b', '甲区', '2024-03-01'),
    ]);
    expect(await g.check()).toEqual([
      expect.objectContaining({
        code: 'by-election-without-vacancy',
        message: '甲区名额1名，2024年3月1日已有代表1名，没有缺额可以补选代表乙',
      }),
    ]);
  });

  it('an event about a deputy whose status has already ended is an error', async () => {
    const g = await given([
      congress(),
      session(1, '2024-01-10'),
      person('a', '代表甲'),
      opening(10, '2024-01-10', [{ personId: 'a', electingUnit: '甲区' }], 1),
      { type: 'DeputyTransferredOut', source: src('2024-03-01'), personId: 'a', date: '2024-03-01', movement: 'transferred' },
      { type: 'DeputyResignationAccepted', source: src('2024-04-01'), personId: 'a', date: '2024-04-01' },
    ]);
    expect(await g.check()).toEqual([expect.objectContaining({ level: 'error', code: 'event-after-end', eventSeq: 6 })]);
  });

  it('a confirmation dated before the election is an error', async () => {
    const g = await given([
      congress(),
      session(1, '2024-01-10'),
      person('b', '代表乙'),
      opening(9, '2024-01-10', [], 1),
      elected('b', '甲区', '2024-03-01'),
      reviewed('b', '2024-02-01', 1),
    ]);
    expect((await g.check()).map((f) => f.code)).toContain('counted-before-confirmation');
  });

  it('the same person registered twice is an error; two persons with one name and no birth dates is a warning', async () => {
    const g = await given([congress(), person('a', '张某'), person('a', '张某'), person('c', '张某')]);
    expect((await g.check()).map((f) => [f.level, f.code])).toEqual([
      ['error', 'duplicate-person'],
      ['warning', 'duplicate-person'],
    ]);
  });

  it('an event naming a person never registered is an error', async () => {
    const g = await given([
      congress(),
      session(1, '2024-01-10'),
      opening(9, '2024-01-10', [{ personId: 'ghost', electingUnit: '甲区' }], 1),
    ]);
    expect(await g.check()).toEqual([
      expect.objectContaining({ code: 'unknown-person', message: '第3条事件（期初实有代表）所指人员“ghost”未登记' }),
    ]);
  });

  it('a session recorded twice is an error rather than a silent replacement', async () => {
    const g = await given([congress(), session(1, '2024-01-10'), session(1, '2024-01-11')]);
    expect(await g.check()).toEqual([
      expect.objectContaining({
        code: 'duplicate-definition',
        message: '常委会第1次会议被重复记录（第2条与第3条）；如需更正，请记录更正事件',
        eventSeq: 3,
      }),
    ]);
  });
});
