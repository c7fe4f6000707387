/**
 * Facts that cannot all be true, as `check` reports them in a record that already holds them (one
 * written before `record` refused them): each an error on the event at fault, and the ledger told in
 * Chinese instead of crashing.
 */
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/all-checks.js';
import { DomainError } from '../../src/domain/errors.js';
import type { EventInput } from '../../src/domain/events.js';
import { derive } from '../../src/engine/derive.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { withMessages } from '../../src/format/check.js';
import { ledger } from '../../src/ledger/headcount.js';
import { congress, elected, opening, person, reviewed, session, src } from '../support/builders.js';
import { RULES_DIR, stampAll } from '../support/scenario.js';

const evaluator = createEvaluator(loadRuleBook(RULES_DIR));

/** 甲区 and 乙区, 10 seats; 8 deputies counted at the 1st session (2024-01-10), 甲 and 乙 named. */
const BASE: EventInput[] = [
  congress({ quota: 10 }),
  session(1, '2024-01-10'),
  person('a', '甲'),
  person('b', '乙'),
  opening(
    8,
    '2024-01-10',
    [
      { personId: 'a', electingUnit: '甲区' },
      { personId: 'b', electingUnit: '乙区' },
    ],
    1,
  ),
];

async function errors(events: readonly EventInput[]) {
  const d = await derive(stampAll([...BASE, ...events]), evaluator);
  return withMessages(await allChecks(d, evaluator)).filter((f) => f.level === 'error');
}

describe('the same absence recorded twice', () => {
  it('a second 未经批准不出席 of the same congress session is an error, and does not count as the second absence', async () => {
    const absent = (date: string) =>
      ({ type: 'AbsentWithoutLeave', source: src(date), personId: 'a', date, congressSession: 2 }) as EventInput;
    const found = await errors([absent('2024-03-01'), absent('2024-03-02')]);
    expect(found.map((f) => [f.code, f.eventSeq])).toEqual([['duplicate-absence', 7]]);
    expect(found[0]!.message).toBe('第7条事件：甲未经批准不出席第2次代表大会会议已由第6条事件记录，同一次会议不能记两次');
  });
});

describe('a deputy reviewed twice', () => {
  it('a deputy counted in the opening balance cannot be confirmed again', async () => {
    const found = await errors([reviewed('a', '2024-03-01', 1)]);
    expect(found.map((f) => f.code)).toEqual(['review-repeated']);
  });

  it('a by-elected deputy confirmed twice: the second confirmation is the error', async () => {
    const found = await errors([
      person('c', '丙'),
      elected('c', '甲区', '2024-03-01'),
      reviewed('c', '2024-03-10', 1),
      reviewed('c', '2024-03-20', 1),
    ]);
    expect(found.map((f) => [f.code, f.eventSeq])).toEqual([['review-repeated', 9]]);
  });

  it('a deputy elected again after their mandate ended may be reviewed again', async () => {
    const died = {
      type: 'DeputyTransferredOut',
      source: src('2024-02-01'),
      personId: 'a',
      date: '2024-02-01',
      movement: 'transferred',
    } as EventInput;
    expect(await errors([died, elected('a', '乙区', '2024-03-01'), reviewed('a', '2024-03-10', 1)])).toEqual([]);
  });
});

describe('a change dated before the change it follows', () => {
  it('a death dated before the election is an error naming both events, and the ledger says so in Chinese', async () => {
    const events = [
      person('c', '丙'),
      elected('c', '甲区', '2024-03-01'),
      reviewed('c', '2024-03-10', 1),
      session(2, '2024-06-30'),
      { type: 'DeputyDied', source: src('2024-06-30'), personId: 'c', date: '2023-12-01' } as EventInput,
    ];
    const found = await errors(events);
    expect(found.map((f) => f.code)).toContain('dated-before-previous-change');
    expect(found.find((f) => f.code === 'dated-before-previous-change')!.message).toBe(
      '第10条事件（去世）：丙的这一变动日期（2023年12月1日）早于此前第8条事件所记的代表资格变动（2024年3月10日）',
    );
    const d = await derive(stampAll([...BASE, ...events]), evaluator);
    expect(() => ledger(d, { session: 2 })).toThrow(DomainError);
    expect(() => ledger(d, { session: 2 })).toThrow(/记录中的日期前后矛盾，无法计算截至2024年6月30日的人数/);
  });

  it('a balance dated after its own session (the session mistyped 0000-01-01) is named, not a crash', async () => {
    const d = await derive(
      stampAll([congress({ quota: 10 }), session(1, '0000-01-01'), opening(8, '2024-01-10', [], 1), session(2, '2024-06-30')]),
      evaluator,
    );
    const found = withMessages(await allChecks(d, evaluator)).filter((f) => f.level === 'error');
    expect(found.map((f) => f.code).sort()).toEqual(['dated-before-previous-change', 'ledger-inconsistent']);
  });

  it('an event about a person dated before their birth is an error', async () => {
    const born = { ...person('c', '丙'), birthDate: '2000-05' } as EventInput;
    const found = await errors([born, elected('c', '甲区', '1999-03-01')]);
    expect(found.map((f) => f.code)).toContain('event-before-birth');
  });
});

describe('seats: a by-election needs one free in the whole congress, on its own date', () => {
  it('with every seat held (8 counted, 2 elected and awaiting review), a third by-election is refused under the vacancy rule', async () => {
    const events = ['c', 'd', 'e'].flatMap((id) => [person(id, id), elected(id, '甲区', '2024-03-01')]);
    const found = await errors(events);
    expect(found.map((f) => [f.code, f.personId])).toEqual([['by-election-over-quota', 'e']]);
    expect(found[0]!.ruleId).toBe('by-election.vacancy-required');
    expect(found[0]!.message).toMatch(
      /^代表名额10名，2024年3月1日已有实有代表8名和已当选待确认的2名，没有缺额可以补选e（第\d+条事件）（选举法/,
    );
  });

  it('holds when no session comes after the by-election (the check once passed then)', async () => {
    const events = ['c', 'd', 'e'].flatMap((id) => [person(id, id), elected(id, '甲区', '2024-12-01')]);
    expect((await errors(events)).map((f) => f.code)).toEqual(['by-election-over-quota']);
  });

  it('a balance above the quota is an error on its own date, not only at a later session', async () => {
    const d = await derive(stampAll([congress({ quota: 10 }), session(1, '2024-01-10'), opening(11, '2024-01-10', [], 1)]), evaluator);
    const found = (await allChecks(d, evaluator)).filter((f) => f.level === 'error').map((f) => f.code);
    expect(found).toContain('count-over-quota');
  });
});

describe('names that look the same to the clerk', () => {
  it('方勤 and 方\u200b勤 (a zero-width space from a web page) are one name for the duplicate-name warning', async () => {
    const d = await derive(stampAll([...BASE, person('c', '方勤'), person('d', '方\u200b勤')]), evaluator);
    const warnings = (await allChecks(d, evaluator)).filter((f) => f.code === 'duplicate-person');
    expect(warnings.map((f) => f.personIds)).toEqual([['c']]);
    expect(withMessages(warnings)[0]!.message).toContain('（c、d）');
  });
});
