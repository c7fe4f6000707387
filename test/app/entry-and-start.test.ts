/**
 * The application layer of entry: events in the clerk's words resolved against the record, and a new
 * congress started in an empty store, without any CLI in between (what the console and the API reach).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/app/clock.js';
import { resolveEntries } from '../../src/app/entry.js';
import { PersonNames } from '../../src/app/person-names.js';
import { RosterApp } from '../../src/app/roster-app.js';
import { congressFromDraft } from '../../src/app/start-congress.js';
import { changeTypeNamed, eventTypeNamed, suspensionGroundNamed } from '../../src/domain/change-types.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { loadPinyin } from '../../src/search/pinyin.js';
import { MemoryRecordStream } from '../../src/store/memory-store.js';
import { congress, opening, person, session } from '../support/builders.js';
import { given, RULES_DIR } from '../support/scenario.js';

// The search reads names' pinyin, which the application layer loads before it searches.
beforeAll(loadPinyin);

const twoWangs = () =>
  given([
    congress({ quota: 10 }),
    session(1, '2025-01-10'),
    person('wang-jun', '王军'),
    person('wang-jun-2', '王军'),
    person('li-si', '李四'),
    opening(
      3,
      '2025-01-10',
      [
        { personId: 'wang-jun', electingUnit: '甲区' },
        { personId: 'wang-jun-2', electingUnit: '乙区' },
        { personId: 'li-si', electingUnit: '甲区' },
      ],
      1,
    ),
  ]);

describe('names of event types', () => {
  it('the glossary names, the ids and a register’s short words with what the word itself states', () => {
    expect(eventTypeNamed('去世')).toEqual({ type: 'DeputyDied', preset: {} });
    expect(eventTypeNamed('调离或迁出本行政区域')?.type).toBe('DeputyTransferredOut');
    expect(eventTypeNamed('迁出')).toEqual({ type: 'DeputyTransferredOut', preset: { movement: 'moved' } });
    expect(eventTypeNamed('补选')).toEqual({ type: 'DeputyElected', preset: { kind: 'by-election' } });
    expect(eventTypeNamed('DeputyDied')?.type).toBe('DeputyDied');
    expect(eventTypeNamed('升职')).toBeUndefined();
    // A register row is about one deputy: the glossary's other events are not 变动类型.
    expect(changeTypeNamed('丧失国籍')?.type).toBe('NationalityLost');
    expect(changeTypeNamed('公告')).toBeUndefined();
  });

  it('a suspension’s ground only where one ground fits', () => {
    expect(suspensionGroundNamed('被行政拘留')).toBe('administrative-detention');
    expect(suspensionGroundNamed('因涉嫌犯罪被羁押')).toBe('criminal-custody');
    expect(suspensionGroundNamed('拘留')).toBeUndefined();
  });
});

describe('persons by name', () => {
  it('exact names only; an ambiguous one is settled by the unit; a wrong unit is said', async () => {
    const names = new PersonNames((await twoWangs()).derivation.state);
    expect(names.resolve('李四')).toEqual({ personId: 'li-si', deputy: true });
    expect(names.resolve('王军')).toMatchObject({ code: 'ambiguous-person' });
    expect(names.resolve('王军', '乙区')).toEqual({ personId: 'wang-jun-2', deputy: true });
    expect(names.resolve('王军（甲区）')).toEqual({ personId: 'wang-jun', deputy: true });
    expect(names.resolve('李四', '乙区')).toMatchObject({ code: 'unit-mismatch' });
    expect(names.resolve('李')).toMatchObject({ code: 'unknown-person', problem: '记录中没有名为“李”的人员；相近的有：李四（甲区）' });
  });

  it('every problem of a batch at once, each by its path; none when all resolve', async () => {
    const state = (await twoWangs()).derivation.state;
    const src = { title: '测试文件' };
    const bad = resolveEntries(
      [
        { type: '去世', person: '王军', date: '2025-03-01', source: src },
        { type: '走了', person: '李四', source: src },
        { type: '辞职', person: '李四', date: 'yesterday', source: src },
      ],
      state,
      { today: '2026-01-01' },
    );
    expect(bad.events).toEqual([]);
    expect(bad.problems.map((p) => p.path)).toEqual(['$[0].person', '$[1].type', '$[2].date']);
    const good = resolveEntries([{ type: '辞职', person: '李四', date: '2025-03-01', source: src }], state, { today: '2026-01-01' });
    expect(good.problems).toEqual([]);
    expect(good.events).toEqual([{ type: 'DeputyResignationAccepted', personId: 'li-si', date: '2025-03-01', source: src }]);
  });
});

describe('starting a congress', () => {
  const evaluator = createEvaluator(loadRuleBook(RULES_DIR));
  const draft = { name: '某乡第一届人民代表大会', shortName: '乡一届人大', termNumber: '1', level: '乡镇', region: '某乡', quota: '30' };

  it('records the congress as the first event of an empty store, and refuses a second start', async () => {
    const app = new RosterApp({ stream: new MemoryRecordStream(), evaluator, clock: fixedClock('2026-03-01T00:00:00Z') });
    const r = await app.startCongress({ draft: { ...draft, units: ['甲村 10', '乙村=12'] }, recordedBy: '书记员' });
    expect(r.ok).toBe(true);
    const d = await app.derivation();
    // A township congress has no standing committee.
    expect(d.state.congress).toMatchObject({
      level: 'township',
      quota: 30,
      electingUnits: [
        { name: '甲村', quota: 10 },
        { name: '乙村', quota: 12 },
      ],
    });
    expect(d.state.congress?.standingCommittee).toBeUndefined();
    await expect(app.startCongress({ draft: { ...draft, units: ['甲村'] }, recordedBy: '书记员' })).rejects.toThrow(/已有1条记录/);
  });

  it('the same checks whatever the interface: fields named as the caller names them', () => {
    const { problems } = congressFromDraft({ ...draft, quota: '5' }, [{ name: '甲村', quota: '10', where: '第1行' }], {
      name: '名称',
      shortName: '简称',
      termNumber: '届次',
      level: '级别',
      region: '行政区域',
      province: '省',
      standingCommittee: '常委会',
      termStart: '任期开始',
      termEnd: '任期结束',
      quota: '代表名额',
      units: '选举单位及名额',
      date: '日期',
    });
    expect(problems).toEqual([
      { code: 'invalid-quota', field: 'units', where: '选举单位及名额', message: '各选举单位的名额合计10名，超过代表名额5名' },
    ]);
  });
});

describe('names that are also the names of JavaScript’s own properties', () => {
  it('are names like any other: unknown, never a crash', () => {
    for (const n of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(eventTypeNamed(n)).toBeUndefined();
      expect(changeTypeNamed(n)).toBeUndefined();
    }
    expect(
      congressFromDraft({ name: 'a', shortName: 'b', termNumber: '1', level: 'constructor', region: 'c', quota: '1' }, [
        { name: '甲', where: '1' },
      ]).problems,
    ).toMatchObject([{ field: 'level', code: 'invalid-value' }]);
  });
});
