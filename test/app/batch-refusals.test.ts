/**
 * A batch that contradicts the record in several places is refused with every contradiction told at
 * once, each at its event's place in the batch and naming the person, through the application layer
 * every interface calls; nothing is written. The batch is decided once, as a whole (why:
 * src/domain/recording.ts): an event no rule applies changes nothing the later events are judged on,
 * and an event a rule applies but a check refuses stays in place for them.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/app/clock.js';
import { RosterApp } from '../../src/app/roster-app.js';
import { type DomainError, isDomainError } from '../../src/domain/errors.js';
import type { EventInput } from '../../src/domain/events.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { FileReplayStore } from '../../src/store/file-replay-store.js';
import { FileRecordStream } from '../../src/store/file-store.js';
import { congress, elected, opening, person, reviewed, session, src } from '../support/builders.js';
import { seedWorkspace } from '../support/cli.js';
import { RULES_DIR, SEED_EVENTS, tempDir } from '../support/scenario.js';

const evaluator = createEvaluator(loadRuleBook(RULES_DIR));
const clock = fixedClock('2027-01-05T08:00:00.000Z');
const fresh = (db: string) => new RosterApp({ stream: new FileRecordStream(db), evaluator, clock });
const kept = (db: string) =>
  new RosterApp({ stream: new FileRecordStream(db), evaluator, clock, keeping: { store: new FileReplayStore(db), code: 'test' } });

/** What `record` throws, or 'recorded'. */
async function refusalOf(app: RosterApp, events: readonly EventInput[]): Promise<DomainError | 'recorded'> {
  return app.record({ events, recordedBy: '测试员' }).then(
    () => 'recorded' as const,
    (e: unknown) => {
      if (isDomainError(e)) return e;
      throw e;
    },
  );
}

const report = { title: '关于代表变动的报告', date: '2024-09-01' };
/** 黄利琴 and 朱欢 are no longer deputies after the 19th session; 方勤 is. */
const threeChanges: EventInput[] = [
  { type: 'DeputyDied', source: report, personId: 'huang-liqin', date: '2024-09-01' },
  { type: 'DeputyDied', source: report, personId: 'fang-qin', date: '2024-09-01' },
  { type: 'DeputyResignationAccepted', source: report, personId: 'zhu-huan', date: '2024-09-05' },
];

describe('three changes after the 19th session, two of them about persons who are no longer deputies', () => {
  it('are refused together, each at its place with its person; the data file is not touched', async () => {
    const { db } = seedWorkspace();
    const before = readFileSync(db);
    const refused = await refusalOf(fresh(db), threeChanges);
    if (refused === 'recorded') throw new Error('recorded');
    expect(refused.kind).toBe('contradicts-record');
    expect(refused.problems?.map((p) => [p.where, p.index, p.seq, p.code, p.personId, p.name])).toEqual([
      ['第1个事件（$[0]）', 0, SEED_EVENTS + 1, 'event-after-end', 'huang-liqin', '黄利琴'],
      ['第3个事件（$[2]）', 2, SEED_EVENTS + 3, 'event-after-end', 'zhu-huan', '朱欢'],
    ]);
    expect(refused.message.split('\n')).toEqual([
      '记录拒绝其中2个事件，未写入任何记录：',
      `  第1个事件（$[0]）：第${SEED_EVENTS + 1}条事件（DeputyDied）发生在黄利琴的代表资格终止（或当选无效）之后`,
      `  第3个事件（$[2]）：第${SEED_EVENTS + 3}条事件（DeputyResignationAccepted）发生在朱欢的代表资格终止（或当选无效）之后`,
    ]);
    expect(readFileSync(db)).toEqual(before);
  });

  it('the preview (a draft, --dry-run) lists the same refusals and says record would refuse', async () => {
    const { db } = seedWorkspace();
    const p = await fresh(db).preview({ events: threeChanges });
    expect(p.refusal?.message).toContain('记录拒绝其中2个事件');
    expect(p.refusals.map((r) => [r.index, r.name, r.kind])).toEqual([
      [0, '黄利琴', 'contradicts-record'],
      [2, '朱欢', 'contradicts-record'],
    ]);
  });

  it('a recording that continues the kept replay refuses them with the same list as one over the whole record', async () => {
    const [a, b] = [seedWorkspace(), seedWorkspace()];
    // The first recording makes the seed document a log whose head the kept replay can be trusted for.
    for (const w of [a, b]) await kept(w.db).record({ events: [person('q0')], recordedBy: '测试员' });
    const quick = await refusalOf(kept(a.db), threeChanges);
    const whole = await refusalOf(fresh(b.db), threeChanges);
    if (quick === 'recorded' || whole === 'recorded') throw new Error('recorded');
    expect(quick.problems).toHaveLength(2);
    expect({ message: quick.message, problems: quick.problems }).toEqual({ message: whole.message, problems: whole.problems });
    expect(readFileSync(a.db, 'utf8')).toBe(readFileSync(b.db, 'utf8'));
  });

  it('one refused event is still told as it always was, at its place', async () => {
    const { db } = seedWorkspace();
    const refused = await refusalOf(fresh(db), threeChanges.slice(0, 2));
    if (refused === 'recorded') throw new Error('recorded');
    expect(refused.message).toBe(`第1个事件（$[0]）: 第${SEED_EVENTS + 1}条事件（DeputyDied）发生在黄利琴的代表资格终止（或当选无效）之后`);
    expect(refused.where).toBe('第1个事件（$[0]）');
    expect(refused.problems).toHaveLength(1);
  });

  it('an event naming a person the record does not know is refused for that alone, not again for the mandate it lacks', async () => {
    const { db } = seedWorkspace();
    const p = await fresh(db).preview({
      events: [{ type: 'DeputyDied', source: report, personId: 'nobody', date: '2024-09-01' }, ...threeChanges],
    });
    expect(p.refusals.map((r) => [r.index, r.code])).toEqual([
      [0, 'unknown-person'],
      [1, 'event-after-end'],
      [3, 'event-after-end'],
    ]);
  });
});

describe('a county congress whose two electing units hold one seat each, both filled', () => {
  async function county(): Promise<string> {
    const db = path.join(tempDir(), 'roster.json');
    writeFileSync(db, JSON.stringify({ format: 'deputy-roster', schemaVersion: 2, events: [] }));
    await fresh(db).record({
      events: [
        congress({
          quota: 2,
          level: 'county',
          units: [
            { name: '甲乡', quota: 1 },
            { name: '乙乡', quota: 1 },
          ],
        }),
        session(1, '2025-01-10'),
        person('a'),
        person('b'),
        opening(
          2,
          '2025-01-10',
          [
            { personId: 'a', electingUnit: '甲乡' },
            { personId: 'b', electingUnit: '乙乡' },
          ],
          1,
        ),
      ],
      recordedBy: '测试员',
    });
    return db;
  }

  it('a by-election in 甲乡 (no vacancy) and a second death of b are refused; the confirmation of the by-election is not refused again, the first death of b stands', async () => {
    const db = await county();
    const before = readFileSync(db);
    const events: EventInput[] = [
      person('c', '丙'),
      { type: 'DeputyDied', source: src('2025-02-01'), personId: 'b', date: '2025-02-01' },
      elected('c', '甲乡', '2025-03-01'),
      session(2, '2025-04-01'),
      reviewed('c', '2025-04-01', 2),
      { type: 'DeputyDied', source: src('2025-05-01'), personId: 'b', date: '2025-05-01' },
    ];
    const refused = await refusalOf(fresh(db), events);
    if (refused === 'recorded') throw new Error('recorded');
    expect(refused.problems?.map((p) => [p.index, p.code, p.name])).toEqual([
      [2, 'by-election-without-vacancy', '丙'],
      [5, 'event-after-end', 'b'],
    ]);
    expect(readFileSync(db)).toEqual(before);
    // Put right (the by-election is 乙乡's, where b's death left a seat), the rest is recorded as it stood.
    const corrected = events.filter((_, i) => i !== 5).map((e, i) => (i === 2 ? elected('c', '乙乡', '2025-03-01') : e));
    expect(await refusalOf(fresh(db), corrected)).toBe('recorded');
  });
});

describe('a correction that would make several recorded events contradict the record', () => {
  it('withdrawing the registration of 方勤 is refused for every event that names her, at the correction', async () => {
    const { db, dir } = seedWorkspace();
    const copy = path.join(dir, 'copy.json');
    copyFileSync(db, copy);
    const app = fresh(db);
    const registration = (await app.read()).events.find((e) => e.type === 'PersonRegistered' && e.personId === 'fang-qin')!;
    const refused = await app.correct({ seq: registration.seq, reason: '误记', source: { title: '更正说明' }, recordedBy: '测试员' }).then(
      () => undefined,
      (e: DomainError) => e,
    );
    expect(refused?.kind).toBe('contradicts-record');
    const problems = refused?.problems ?? [];
    expect(problems.length).toBeGreaterThan(1);
    for (const p of problems) {
      expect(p).toMatchObject({ where: '第1个事件（$[0]）', personId: 'fang-qin', code: 'unknown-person' });
      expect(p.message).toMatch(/^更正后记录将出现错误：第\d+条事件（\w+）所指人员“fang-qin”未登记$/);
    }
    expect(readFileSync(db)).toEqual(readFileSync(copy));
  });
});
