import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../src/domain/events.js';
import { congress, opening, person, session, src } from '../support/builders.js';
import { given } from '../support/scenario.js';

const loaded = (
  sessionNo: number,
  date: string,
  members: { personId: string; electingUnit: string; confirmedOn?: string }[],
): EventInput => ({
  type: 'RosterLoaded',
  source: src(date, sessionNo),
  session: sessionNo,
  date,
  members,
});

/** Session 1 confirmed 3 deputies; the record names one of them (a) when the count is stated. */
const BASE: EventInput[] = [
  congress(),
  session(1, '2026-01-10'),
  person('a'),
  person('b'),
  person('c'),
  opening(3, '2026-01-10', [{ personId: 'a', electingUnit: '甲区' }], 1),
];

describe('a roster names the deputies an opening balance counted without names', () => {
  it('the named deputies are counted from the balance, and the count stays what the balance stated', async () => {
    const g = await given([
      ...BASE,
      loaded(1, '2026-01-10', [
        { personId: 'b', electingUnit: '甲区' },
        { personId: 'c', electingUnit: '乙区' },
      ]),
    ]);
    expect(g.derivation.state.unnamed?.count).toBe(0);
    expect(g.status('c')).toBe('valid');
    expect(g.ledger({ session: 1 }).countAfter).toBe(3);
    expect(g.ledger({ session: 1 }).byUnit.map((u) => [u.unit, u.countAfter])).toEqual([
      ['甲区', 2],
      ['乙区', 1],
    ]);
    expect(await g.check()).toEqual([]);
  });

  it('a deputy confirmed before the balance is counted from the balance, where the record’s count begins', async () => {
    const g = await given([
      ...BASE,
      session(2, '2026-06-30'),
      loaded(1, '2026-01-10', [{ personId: 'b', electingUnit: '甲区', confirmedOn: '2025-12-01' }]),
    ]);
    const m = g.derivation.state.mandates.find((x) => x.personId === 'b')!;
    expect(m.history[0]).toMatchObject({ status: 'valid', from: '2026-01-10' });
    expect(g.ledger({ asOf: '2025-12-31' }).countAfter).toBe(0);
    expect(await g.check()).toEqual([]);
  });

  it('naming more deputies than the balance left unnamed is an error', async () => {
    const g = await given([
      ...BASE,
      person('d'),
      loaded(
        1,
        '2026-01-10',
        ['b', 'c', 'd'].map((personId) => ({ personId, electingUnit: '甲区' })),
      ),
    ]);
    expect(await g.check()).toContainEqual(
      expect.objectContaining({
        level: 'error',
        code: 'roster-exceeds-balance',
        message: '第8条事件（名册载入）载入代表3名，多于第1次会议确认的实有代表中尚未记名的2名',
      }),
    );
  });

  it('naming a deputy the record already names is an error', async () => {
    const g = await given([...BASE, loaded(1, '2026-01-10', [{ personId: 'a', electingUnit: '甲区' }])]);
    expect(await g.check()).toContainEqual(expect.objectContaining({ code: 'already-named', personId: 'a' }));
  });

  it('a roster for a session at which no count was stated is an error', async () => {
    const g = await given([...BASE, session(2, '2026-06-30'), loaded(2, '2026-06-30', [{ personId: 'b', electingUnit: '甲区' }])]);
    expect(await g.check()).toContainEqual(expect.objectContaining({ code: 'roster-without-balance' }));
  });
});

describe('a roster whose confirmation date is after its balance', () => {
  it('is an error, and the deputy is counted from the balance meanwhile', async () => {
    const g = await given([...BASE, loaded(1, '2026-01-10', [{ personId: 'b', electingUnit: '甲区', confirmedOn: '2026-03-01' }])]);
    expect(await g.check()).toContainEqual(
      expect.objectContaining({
        code: 'confirmed-after-balance',
        message: '第7条事件（名册载入）中b的代表资格确认日期（2026年3月1日）晚于期初名册日期（2026年1月10日）',
      }),
    );
    expect(g.derivation.state.mandates.find((m) => m.personId === 'b')!.history[0]!.from).toBe('2026-01-10');
  });
});
