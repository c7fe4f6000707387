/**
 * The record's replay kept beside it: a command answers from it exactly as from a fresh replay; a
 * recording that continues it decides exactly as one that replays the whole record, and reads only
 * the end of the record; what is kept for other rules, or unreadable, is never used; a record that
 * does not verify at its end is refused exactly as when nothing is kept.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/app/clock.js';
import { PASS_LIMIT } from '../../src/app/kept-replay.js';
import { RosterApp } from '../../src/app/roster-app.js';
import { verifyStream } from '../../src/app/verify.js';
import { isDomainError } from '../../src/domain/errors.js';
import type { EventInput } from '../../src/domain/events.js';
import { createEvaluator, type Evaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { chainRecords } from '../../src/store/chain.js';
import { FileReplayStore } from '../../src/store/file-replay-store.js';
import { FileRecordStream } from '../../src/store/file-store.js';
import type { RecordStream } from '../../src/store/record-store.js';
import { seedWorkspace } from '../support/cli.js';
import { copyRules, RULES_DIR, SEED_EVENTS } from '../support/scenario.js';

const evaluator = createEvaluator(loadRuleBook(RULES_DIR));
const clock = fixedClock('2027-01-05T08:00:00.000Z');

/** The record's stream, counting how often its records are read from the first. */
function counted(db: string): RecordStream & { reads: number } {
  const inner = new FileRecordStream(db);
  const stream = {
    location: inner.location,
    reads: 0,
    head: () => inner.head(),
    snapshot: async () => {
      const snap = await inner.snapshot();
      return {
        ...snap,
        records: () => {
          stream.reads++;
          return snap.records();
        },
      };
    },
    append: inner.append.bind(inner),
    importRecords: inner.importRecords.bind(inner),
    reanchor: inner.reanchor.bind(inner),
    owns: inner.owns.bind(inner),
  };
  return stream;
}

const kept = (db: string, e: Evaluator = evaluator) =>
  new RosterApp({ stream: new FileRecordStream(db), evaluator: e, clock, keeping: { store: new FileReplayStore(db), code: 'test' } });
const fresh = (db: string, e: Evaluator = evaluator) => new RosterApp({ stream: new FileRecordStream(db), evaluator: e, clock });

const src = (date: string) => ({ title: '测试文件', date });
const person = (id: string, name = `人员${id}`): EventInput => ({
  type: 'PersonRegistered',
  source: src('2024-08-01'),
  personId: id,
  name,
});

/** Batches of the kinds a recording decides from the kept roster, some of which the record refuses. */
const BATCHES: EventInput[][] = [
  [person('n1', '新甲'), person('n2', '新乙')],
  [{ type: 'DeputyDied', source: src('2024-08-02'), personId: 'fang-qin', date: '2024-08-02' }],
  [{ type: 'DeputyDied', source: src('2024-08-03'), personId: 'fang-qin', date: '2024-08-03' }],
  [{ type: 'DeputyTransferredOut', source: src('2024-08-03'), personId: 'nobody', date: '2024-08-03', movement: 'transferred' }],
  [person('n1', '重复')],
  [{ type: 'DeputyElected', source: src('2024-08-05'), personId: 'n1', electingUnit: '鄞州区', kind: 'by-election', date: '2024-08-05' }],
  [{ type: 'DeputySuspended', source: src('2024-08-06'), personId: 'zhu-peinan', date: '2024-08-06', ground: 'criminal-custody' }],
  [{ type: 'SuspensionEnded', source: src('2024-08-07'), personId: 'zhu-peinan', date: '2024-08-07' }],
  [{ type: 'SessionHeld', source: src('2024-07-31'), session: 19, date: '2024-07-31', agenda: [] }],
  [{ type: 'AbsentWithoutLeave', source: src('2024-08-08'), personId: 'wang-wenyong', date: '2024-08-08', congressSession: 3 }],
  [person('n3'), { type: 'DeputyResignationAccepted', source: src('2024-08-09'), personId: 'n3', date: '2024-08-09' }],
];

async function outcome(app: RosterApp, events: EventInput[]): Promise<unknown> {
  try {
    return (await app.record({ events, recordedBy: '测试员' })).map((e) => e.seq);
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return { refused: e.kind, message: e.message };
  }
}

describe('a recording that continues the kept replay', () => {
  it('decides every batch as a recording that replays the whole record, and the records and answers stay the same', async () => {
    const a = seedWorkspace();
    const b = seedWorkspace();
    await kept(a.db).headcount();
    for (const batch of BATCHES) expect(await outcome(kept(a.db), batch), JSON.stringify(batch)).toEqual(await outcome(fresh(b.db), batch));
    expect(readFileSync(a.db, 'utf8')).toBe(readFileSync(b.db, 'utf8'));
    expect(JSON.stringify(await kept(a.db).check())).toBe(JSON.stringify(await fresh(b.db).check()));
    expect(JSON.stringify(await kept(a.db).explain('方勤'))).toBe(JSON.stringify(await fresh(b.db).explain('方勤')));
    expect(JSON.stringify(await kept(a.db).headcount({ asOf: '2024-08-31' }))).toBe(
      JSON.stringify(await fresh(b.db).headcount({ asOf: '2024-08-31' })),
    );
    // Refused as from the record: a date before it starts, a session it does not hold.
    for (const target of [{ asOf: '1990-01-01' }, { session: 99 }]) {
      const refusal = (app: RosterApp) => app.headcount(target).then(String, (e: Error) => e.message);
      expect(await refusal(kept(a.db))).toBe(await refusal(fresh(b.db)));
    }
  });

  it('passes the kept replay on without rewriting its core, and keeps a new core past the limit; answers stay the same', async () => {
    const [a, b] = [seedWorkspace(), seedWorkspace()];
    // The seed's log is made a version 2 log (whose end can be read alone) by its first append.
    for (const w of [a, b]) await (w === a ? kept : fresh)(w.db).record({ events: [person('warm')], recordedBy: '测试员' });
    const keptFile = path.join(`${a.db}.cache`, 'kept.json');
    const coreFile = path.join(`${a.db}.cache`, 'core.json');
    const core = readFileSync(coreFile, 'utf8');
    const behind = () => (JSON.parse(readFileSync(keptFile, 'utf8')) as { behind?: number }).behind ?? 0;
    for (let i = 0; i < PASS_LIMIT + 2; i++) {
      const batch = [
        person(`p${i}`),
        ...(i === 3 ? [{ type: 'DeputyDied', source: src('2024-08-02'), personId: 'fang-qin', date: '2024-08-02' } as EventInput] : []),
      ];
      expect(await outcome(kept(a.db), batch)).toEqual(await outcome(fresh(b.db), batch));
      if (i === 5) {
        // Passed on: the core as it was, six recordings (seven records) behind.
        expect(readFileSync(coreFile, 'utf8')).toBe(core);
        expect(behind()).toBe(7);
        expect(JSON.stringify(await kept(a.db).headcount({ asOf: '2024-08-31' }))).toBe(
          JSON.stringify(await fresh(b.db).headcount({ asOf: '2024-08-31' })),
        );
        expect(JSON.stringify(await kept(a.db).check())).toBe(JSON.stringify(await fresh(b.db).check()));
      }
    }
    // Past the limit, a new core: fewer records behind.
    expect(readFileSync(coreFile, 'utf8')).not.toBe(core);
    expect(behind()).toBeLessThan(PASS_LIMIT);
    expect(readFileSync(a.db, 'utf8')).toBe(readFileSync(b.db, 'utf8'));
    expect(JSON.stringify(await kept(a.db).check())).toBe(JSON.stringify(await fresh(b.db).check()));
    expect(JSON.stringify(await kept(a.db).explain('方勤'))).toBe(JSON.stringify(await fresh(b.db).explain('方勤')));
    expect(JSON.stringify(await kept(a.db).headcount({ asOf: '2024-08-31' }))).toBe(
      JSON.stringify(await fresh(b.db).headcount({ asOf: '2024-08-31' })),
    );
  });

  it('a kept replay passed on that does not match the records past its core is not used', async () => {
    const [a, b] = [seedWorkspace(), seedWorkspace()];
    for (const id of ['warm', 'q1'])
      for (const w of [a, b]) await (w === a ? kept : fresh)(w.db).record({ events: [person(id)], recordedBy: '测试员' });
    const keptFile = path.join(`${a.db}.cache`, 'kept.json');
    const passed = JSON.parse(readFileSync(keptFile, 'utf8')) as Record<string, unknown>;
    expect(passed.behind).toBe(1);
    // Too many records behind, none, or a core that is not the one named: each a miss, never a wrong answer.
    for (const [n, damage] of [{ behind: 2 }, { behind: 0 }, { core: passed.key }, { behind: -1 }].entries()) {
      writeFileSync(keptFile, JSON.stringify({ ...passed, ...damage }));
      expect(JSON.stringify(await kept(a.db).headcount({ asOf: '2024-08-31' }))).toBe(
        JSON.stringify(await fresh(b.db).headcount({ asOf: '2024-08-31' })),
      );
      writeFileSync(keptFile, JSON.stringify({ ...passed, ...damage }));
      expect(JSON.stringify(await kept(a.db).check())).toBe(JSON.stringify(await fresh(b.db).check()));
      writeFileSync(keptFile, JSON.stringify({ ...passed, ...damage }));
      const batch = [person(`r${n}`)];
      expect(await outcome(kept(a.db), batch)).toEqual(await outcome(fresh(b.db), batch));
      expect(readFileSync(a.db, 'utf8')).toBe(readFileSync(b.db, 'utf8'));
      rmSync(`${a.db}.cache`, { recursive: true });
      // Kept again (by a recording on the full path), then passed on by one recording, for the next damage.
      for (const id of [`s${n}`, `t${n}`]) {
        await kept(a.db).record({ events: [person(id)], recordedBy: '测试员' });
        await fresh(b.db).record({ events: [person(id)], recordedBy: '测试员' });
      }
      Object.assign(passed, JSON.parse(readFileSync(keptFile, 'utf8')));
      expect(passed.behind).toBe(1);
    }
  });

  it('headcount from kept lines that are not sound (reordered, cut short) answers as from the record', async () => {
    const a = seedWorkspace();
    await kept(a.db).record({ events: [person('first')], recordedBy: '测试员' });
    await kept(a.db).record({
      events: [{ type: 'DeputyDied', source: src('2024-08-02'), personId: 'fang-qin', date: '2024-08-02' }],
      recordedBy: '测试员',
    });
    const expected = JSON.stringify(await fresh(a.db).headcount({ asOf: '2024-08-31' }));
    const lines = path.join(`${a.db}.cache`, 'lines.jsonl');
    const text = readFileSync(lines, 'utf8');
    for (const damaged of [`${text.split('\n').slice(0, -1).reverse().join('\n')}\n`, text.slice(0, text.length - 10)]) {
      writeFileSync(lines, damaged);
      expect(JSON.stringify(await kept(a.db).headcount({ asOf: '2024-08-31' }))).toBe(expected);
    }
  });

  it('refuses a by-election in a unit with no vacancy as a recording over the whole record does', async () => {
    const setup: EventInput[] = [
      {
        type: 'CongressConstituted',
        source: src('2024-01-01'),
        congress: {
          name: '某县第一届人民代表大会',
          shortName: '县一届人大',
          termNumber: 1,
          level: 'county',
          region: '某县',
          term: {},
          quota: 2,
          electingUnits: [
            { name: '甲乡', quota: 1 },
            { name: '乙乡', quota: 1 },
          ],
        },
      },
      { type: 'SessionHeld', source: src('2024-01-10'), session: 1, date: '2024-01-10', agenda: [] },
      person('a'),
      person('b'),
      {
        type: 'OpeningBalanceStated',
        source: src('2024-01-10'),
        session: 1,
        date: '2024-01-10',
        count: 2,
        members: [
          { personId: 'a', electingUnit: '甲乡' },
          { personId: 'b', electingUnit: '乙乡' },
        ],
      },
    ];
    const [a, b] = [seedWorkspace(), seedWorkspace()];
    for (const w of [a, b]) {
      writeFileSync(w.db, JSON.stringify({ format: 'deputy-roster', schemaVersion: 2, events: [] }));
      await fresh(w.db).record({ events: setup, recordedBy: '测试员' });
    }
    await kept(a.db).headcount();
    const byElection: EventInput[] = [
      person('c'),
      { type: 'DeputyElected', source: src('2024-03-01'), personId: 'c', electingUnit: '甲乡', kind: 'by-election', date: '2024-03-01' },
    ];
    const quick = await outcome(kept(a.db), byElection);
    expect(quick).toEqual({ refused: 'contradicts-record', message: expect.stringContaining('没有缺额可以补选') });
    expect(quick).toEqual(await outcome(fresh(b.db), byElection));
    const vacated: EventInput[] = [{ type: 'DeputyDied', source: src('2024-02-01'), personId: 'a', date: '2024-02-01' }];
    expect(await outcome(kept(a.db), vacated)).toEqual(await outcome(fresh(b.db), vacated));
    expect(await outcome(kept(a.db), byElection)).toEqual(await outcome(fresh(b.db), byElection));
    expect(readFileSync(a.db, 'utf8')).toBe(readFileSync(b.db, 'utf8'));
  });

  it('refuses what the facts checks refuse over the whole record: a change dated before the one it follows, an event before birth, a by-election with no seat free in the congress, an absence recorded twice', async () => {
    // Seats 2 (quota 3, 1 reserved); 甲乡 may have 2, 乙乡 1; a and b hold two of them.
    const setup: EventInput[] = [
      {
        type: 'CongressConstituted',
        source: src('2024-01-01'),
        congress: {
          name: '某县第一届人民代表大会',
          shortName: '县一届人大',
          termNumber: 1,
          level: 'county',
          region: '某县',
          term: {},
          quota: 3,
          reservedSeats: 1,
          electingUnits: [
            { name: '甲乡', quota: 2 },
            { name: '乙乡', quota: 1 },
          ],
        },
      },
      { type: 'SessionHeld', source: src('2024-01-10'), session: 1, date: '2024-01-10', agenda: [] },
      // A birth date after the balance that counted a: a slip the check on birth finds in a later change.
      { ...person('a'), birthDate: '2024-02-01' } as EventInput,
      person('b'),
      {
        type: 'OpeningBalanceStated',
        source: src('2024-01-10'),
        session: 1,
        date: '2024-01-10',
        count: 2,
        members: [
          { personId: 'a', electingUnit: '甲乡' },
          { personId: 'b', electingUnit: '乙乡' },
        ],
      },
      { type: 'AbsentWithoutLeave', source: src('2024-02-01'), personId: 'b', congressSession: 1, date: '2024-02-01' },
    ];
    const [a, b] = [seedWorkspace(), seedWorkspace()];
    for (const w of [a, b]) {
      writeFileSync(w.db, JSON.stringify({ format: 'deputy-roster', schemaVersion: 2, events: [] }));
      await fresh(w.db).record({ events: setup, recordedBy: '测试员' });
    }
    await kept(a.db).headcount();
    const batches: [EventInput[], string][] = [
      [[{ type: 'DeputyDied', source: src('2023-06-01'), personId: 'a', date: '2023-06-01' }], '早于此前'],
      [[{ type: 'DeputyTransferredOut', source: src('2024-01-20'), personId: 'a', date: '2024-01-20', movement: 'transferred' }], '出生'],
      [
        [
          person('c'),
          {
            type: 'DeputyElected',
            source: src('2024-03-01'),
            personId: 'c',
            electingUnit: '甲乡',
            kind: 'by-election',
            date: '2024-03-01',
          },
        ],
        '没有缺额',
      ],
      [[{ type: 'AbsentWithoutLeave', source: src('2024-02-02'), personId: 'b', congressSession: 1, date: '2024-02-02' }], '不能记两次'],
    ];
    for (const [events, said] of batches) {
      const quick = await outcome(kept(a.db), events);
      expect(quick).toEqual({ refused: 'contradicts-record', message: expect.stringContaining(said) });
      expect(quick).toEqual(await outcome(fresh(b.db), events));
    }
    expect(readFileSync(a.db, 'utf8')).toBe(readFileSync(b.db, 'utf8'));
  });

  it('admits the events and the recorder first, as the full path does, and stamps who drafted them', async () => {
    const [a, b] = [seedWorkspace(), seedWorkspace()];
    for (const w of [a, b]) await kept(w.db).record({ events: [person('first')], recordedBy: '测试员' });
    rmSync(`${b.db}.cache`, { recursive: true });
    const inadmissible: [EventInput[], string][] = [
      [[person('bidi', '王\u202E五')], '测试员'],
      [[{ type: 'DeputyDied', source: src('2024-08-02'), personId: 'fang-qin', date: '2999-01-01' }], '测试员'],
      [[person('ok')], '测\u0007试员'],
    ];
    for (const [events, recordedBy] of inadmissible) {
      const refusal = async (db: string, app: (db: string) => RosterApp) =>
        app(db)
          .record({ events, recordedBy, origin: { name: 'events.json' } })
          .then(
            () => 'recorded',
            (e: unknown) => (isDomainError(e) ? { kind: e.kind, message: e.message, where: e.where } : e),
          );
      const quick = await refusal(a.db, kept);
      expect(quick).toEqual(expect.objectContaining({ kind: 'invalid-input' }));
      expect(quick).toEqual(await refusal(b.db, fresh));
    }
    expect(readFileSync(a.db, 'utf8')).toBe(readFileSync(b.db, 'utf8'));
    const drafted = await kept(a.db).record({ events: [person('drafted')], recordedBy: '审核人', draftedBy: '起草人' });
    expect(drafted).toEqual([expect.objectContaining({ recordedBy: '审核人', draftedBy: '起草人' })]);
    expect(readFileSync(a.db, 'utf8')).toContain('"draftedBy":"起草人"');
  });

  it('reads the end of the record, never the whole of it', async () => {
    const s = seedWorkspace();
    // The seed is a document (no head of its own to vouch for it): its first recording reads it whole and makes it a log.
    await kept(s.db).record({ events: [person('q0')], recordedBy: '测试员' });
    const stream = counted(s.db);
    const app = new RosterApp({ stream, evaluator, clock, keeping: { store: new FileReplayStore(s.db), code: 'test' } });
    await app.record({ events: [person('q1')], recordedBy: '测试员' });
    await app
      .record({ events: [{ type: 'DeputyDied', source: src('2024-08-02'), personId: 'q1', date: '2024-08-02' }], recordedBy: '测试员' })
      .catch(() => undefined);
    expect(stream.reads).toBe(0);
    // A kind decided over the whole record reads it.
    await app.record({
      events: [{ type: 'OathTaken', source: src('2024-08-02'), date: '2024-08-02', personIds: [] }],
      recordedBy: '测试员',
    });
    expect(stream.reads).toBe(1);
  });
});

describe('a command on a record whose replay is kept', () => {
  it('answers from the kept replay: not one event is evaluated again, until the record or the rules change', async () => {
    const s = seedWorkspace();
    let evaluated = 0;
    const counting: Evaluator = {
      ...evaluator,
      evaluate: (state, event) => {
        evaluated++;
        return evaluator.evaluate(state, event);
      },
    };
    const first = JSON.stringify(await kept(s.db, counting).headcount({ session: 19 }));
    expect(evaluated).toBeGreaterThan(0);
    evaluated = 0;
    expect(JSON.stringify(await kept(s.db, counting).headcount({ session: 19 }))).toBe(first);
    expect(JSON.stringify(await kept(s.db, counting).explain('黄利琴'))).toBe(JSON.stringify(await fresh(s.db).explain('黄利琴')));
    expect(evaluated).toBe(0);
    // A recording continues it: the new event is evaluated, and the next command again evaluates nothing.
    await kept(s.db, counting).record({
      events: [{ type: 'DeputyDied', source: src('2024-08-02'), personId: 'fang-qin', date: '2024-08-02' }],
      recordedBy: '测试员',
    });
    expect(evaluated).toBe(1);
    evaluated = 0;
    expect((await kept(s.db, counting).headcount({ asOf: '2024-08-02' })).countAfter).toBe(478);
    expect(evaluated).toBe(0);
  });
});

describe('what is kept is used only for the record, rules and program it was made for', () => {
  it('a changed rule file is read afresh, not answered from the replay kept for the old one', async () => {
    const s = seedWorkspace();
    await kept(s.db).headcount();
    const rules = copyRules();
    const file = path.join(rules, 'deputy-status', 'transferred-out.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"调离本行政区域"', '"调离本市"'));
    const changed = createEvaluator(loadRuleBook(rules));
    const groups = (await kept(s.db, changed).headcount({ session: 19 })).terminated.groups.map((g) => g.label);
    expect(groups).toContain('调离本市');
  });

  it('a kept replay is never used with another rule set: national rules alone, or read with a changed Zhejiang overlay', async () => {
    const s = seedWorkspace(); // the 16th Ningbo congress: a municipal congress in 浙江省
    const labels = async (e: Evaluator) => (await kept(s.db, e).headcount({ session: 19 })).terminated.groups.map((g) => g.label);
    const national = copyRules();
    rmSync(path.join(national, 'regions'), { recursive: true });
    // Zhejiang's overlay with its own version of the national transfer rule: a Ningbo record reads it.
    const zhejiang = copyRules();
    const rule = readFileSync(path.join(RULES_DIR, 'deputy-status', 'transferred-out.json'), 'utf8');
    mkdirSync(path.join(zhejiang, 'regions', 'zhejiang', 'deputy-status'));
    writeFileSync(
      path.join(zhejiang, 'regions', 'zhejiang', 'deputy-status', 'transferred-out.json'),
      rule.replace('"调离本行政区域"', '"调离本省"'),
    );
    // The same overlay, but Ningbo no longer among the province's areas: the national rules govern it again.
    const elsewhere = copyRules();
    cpSync(zhejiang, elsewhere, { recursive: true });
    const regionFile = path.join(elsewhere, 'regions', 'zhejiang', 'region.json');
    writeFileSync(regionFile, readFileSync(regionFile, 'utf8').replace('"宁波市",', ''));

    const [n, z, w] = [national, zhejiang, elsewhere].map((dir) => createEvaluator(loadRuleBook(dir)));
    expect(new Set([n, z, w, evaluator].map((e) => e!.book.fingerprint)).size).toBe(4);
    expect(await labels(n!)).toContain('调离本行政区域');
    expect(await labels(z!)).toContain('调离本省');
    expect(await labels(w!)).not.toContain('调离本省');
    expect(await labels(n!)).not.toContain('调离本省');
    expect(await labels(z!)).toContain('调离本省');
    // Read back from what is kept, the overlay's findings are those a fresh replay makes.
    expect(JSON.stringify(await kept(s.db, z!).headcount({ session: 19 }))).toBe(
      JSON.stringify(await fresh(s.db, z!).headcount({ session: 19 })),
    );
  });

  it('an unreadable kept replay is made again, and the answers are the same', async () => {
    const s = seedWorkspace();
    const before = JSON.stringify(await kept(s.db).headcount({ session: 19 }));
    writeFileSync(path.join(`${s.db}.cache`, 'lines.jsonl'), '[0,"garbage"]\n');
    expect(JSON.stringify(await kept(s.db).headcount({ session: 19 }))).toBe(before);
    writeFileSync(path.join(`${s.db}.cache`, 'core.json'), '{not json');
    expect(JSON.stringify(await kept(s.db).headcount({ session: 19 }))).toBe(before);
    expect(await kept(s.db).record({ events: [person('after-garbage')], recordedBy: '测试员' })).toHaveLength(1);
  });
});

describe('a recording on a record that does not verify, with a replay kept for its very head', () => {
  const death: EventInput = { type: 'DeputyDied', source: src('2024-08-02'), personId: 'fang-qin', date: '2024-08-02' };
  const next = [person('next')];
  /** The outcome of recording `next`, with the data file's own name taken out of a message. */
  const outcomeOn = async (app: (db: string) => RosterApp, db: string) =>
    JSON.parse(JSON.stringify(await outcome(app(db), next)).replaceAll(db, 'FILE')) as unknown;

  /** The log's lines, each event line rewritten by `edit` (given its seq). */
  const editLines = (db: string, edit: (seq: number, record: Record<string, unknown>) => Record<string, unknown>) => {
    const lines = readFileSync(db, 'utf8').split('\n');
    const edited = lines.map((text) => {
      if (!text.startsWith('{')) return text;
      const value = JSON.parse(text) as Record<string, unknown>;
      return typeof value.seq === 'number' ? JSON.stringify(edit(value.seq, value)) : text;
    });
    writeFileSync(db, edited.join('\n'));
  };

  /**
   * Two identical logs (the seed, one registration, then a death recorded on the kept replay), the
   * first with its replay kept for its head, the second with none, each damaged by `damage`.
   */
  async function damaged(damage: (db: string, olderHead: Buffer) => void): Promise<[string, string]> {
    const [a, b] = [seedWorkspace(), seedWorkspace()];
    for (const w of [a, b]) {
      await kept(w.db).record({ events: [person('first')], recordedBy: '测试员' });
      const olderHead = readFileSync(`${w.db}.head.json`);
      await kept(w.db).record({ events: [death], recordedBy: '测试员' });
      damage(w.db, olderHead);
    }
    rmSync(`${b.db}.cache`, { recursive: true });
    expect(readFileSync(path.join(`${a.db}.cache`, 'kept.json'), 'utf8')).toContain('"key"');
    expect(readFileSync(a.db, 'utf8')).toBe(readFileSync(b.db, 'utf8'));
    return [a.db, b.db];
  }

  const cases: [string, (db: string, olderHead: Buffer) => void][] = [
    ['its head file deleted', (db) => rmSync(`${db}.head.json`)],
    ['an older head file put back', (db, olderHead) => writeFileSync(`${db}.head.json`, olderHead)],
    [
      'its last record edited (the head file still naming its hash)',
      (db) => editLines(db, (seq, r) => (seq === SEED_EVENTS + 2 ? { ...r, date: '2024-08-03' } : r)),
    ],
  ];
  for (const [what, damage] of cases) {
    it(`${what}: refused as with no replay kept, and nothing is written`, async () => {
      const [withKept, without] = await damaged(damage);
      const log = readFileSync(withKept);
      const quick = await outcomeOn(kept, withKept);
      expect(quick).toEqual({ refused: 'tampered-log', message: expect.stringContaining('记录未通过校验，拒绝追加') });
      expect(quick).toEqual(await outcomeOn(fresh, without));
      expect(readFileSync(withKept)).toEqual(log);
      expect(readFileSync(without)).toEqual(log);
    });
  }

  it('bytes a killed writer left past the last commit: recorded as with no replay kept, the bytes set aside', async () => {
    const [withKept, without] = await damaged((db) => writeFileSync(db, `${readFileSync(db, 'utf8')}{"seq":999,"torn`, { flag: 'w' }));
    expect(await outcomeOn(kept, withKept)).toEqual(await outcomeOn(fresh, without));
    expect(readFileSync(withKept, 'utf8')).toBe(readFileSync(without, 'utf8'));
    expect((await verifyStream(new FileRecordStream(withKept))).ok).toBe(true);
    const setAside = readdirSync(path.dirname(withKept)).filter((f) => f.includes('.uncommitted-'));
    expect(setAside.map((f) => readFileSync(path.join(path.dirname(withKept), f), 'utf8'))).toEqual(['{"seq":999,"torn']);
  });

  it('an event in the middle edited, the last record intact: the recording does not see it, verify names it afterwards', async () => {
    const [withKept] = await damaged((db) => editLines(db, (seq, r) => (seq === 5 ? { ...r, recordedBy: '他人' } : r)));
    // The trade-off the README states: `record` holds only the end of the record against its head.
    expect(await outcome(kept(withKept), next)).toEqual([SEED_EVENTS + 3]);
    const report = await verifyStream(new FileRecordStream(withKept));
    expect(report.ok).toBe(false);
    expect(report.problem).toEqual(expect.objectContaining({ kind: 'edited', seq: 5 }));
    // Every command that reads the record says so, and answers from the record as stored, not from what was kept.
    const warnings: string[] = [];
    const app = new RosterApp({
      stream: new FileRecordStream(withKept),
      evaluator,
      clock,
      keeping: { store: new FileReplayStore(withKept), code: 'test' },
      warn: (m) => warnings.push(m),
    });
    await app.members({ session: 19 });
    expect(warnings).toEqual([expect.stringContaining('哈希链校验失败')]);
  });

  it('headcount answers from the replay kept for a vouched head without reading the record; on any doubt it reads it', async () => {
    const withKept = seedWorkspace().db;
    await kept(withKept).record({ events: [person('first'), death], recordedBy: '测试员' });
    const intact = await fresh(withKept).headcount({ session: 19 });
    editLines(withKept, (seq, r) => (seq === 5 ? { ...r, recordedBy: '他人' } : r));
    const stream = counted(withKept);
    const warnings: string[] = [];
    const app = new RosterApp({
      stream,
      evaluator,
      clock,
      keeping: { store: new FileReplayStore(withKept), code: 'test' },
      warn: (m) => warnings.push(m),
    });
    // The trade-off `record` makes: the end of the record vouched for, the middle found by verify and check.
    const quick = await app.headcount({ session: 19 });
    expect(stream.reads).toBe(0);
    expect(warnings).toEqual([]);
    expect(quick).toEqual(intact);
    // The head file gone: nothing is vouched for, the record is read (and its damage warned of).
    rmSync(`${withKept}.head.json`);
    await app.headcount({ session: 19 });
    expect(stream.reads).toBe(1);
    expect(warnings).toEqual([expect.stringContaining('哈希链校验失败')]);
  });
});

describe('check', () => {
  it('reads the record once, with its replay kept or not, intact or not, and tells a broken chain first', async () => {
    const s = seedWorkspace();
    await kept(s.db).record({ events: [person('c0')], recordedBy: '测试员' });
    const keeping = { store: new FileReplayStore(s.db), code: 'test' };
    const checked = async (keep: boolean) => {
      const stream = counted(s.db);
      const warnings: string[] = [];
      const app = new RosterApp({ stream, evaluator, clock, ...(keep ? { keeping } : {}), warn: (m) => warnings.push(m) });
      const report = await app.check();
      return { reads: stream.reads, codes: report.findings.map((f) => f.code), first: report.findings[0], warnings };
    };
    for (const keep of [false, true, true]) {
      expect(await checked(keep)).toEqual({ reads: 1, codes: ['oath-names-not-recorded'], first: expect.anything(), warnings: [] });
    }
    // An event in the middle edited by hand: the chain's verdict first, then what the record as stored derives, warned of once.
    writeFileSync(s.db, readFileSync(s.db, 'utf8').replace('"朱欢"', '"朱欢欢"'));
    const verified = await verifyStream(new FileRecordStream(s.db));
    expect(verified.problem).toEqual(expect.objectContaining({ kind: 'edited' }));
    for (const keep of [false, true]) {
      const broken = await checked(keep);
      expect(broken.reads).toBe(1);
      expect(broken.codes).toEqual(['tampered-log', 'oath-names-not-recorded']);
      expect(broken.first).toEqual(
        expect.objectContaining({ level: 'error', eventSeqs: [verified.problem!.seq], facts: { problem: verified.problem!.message } }),
      );
      expect(broken.warnings).toEqual([expect.stringContaining(`哈希链校验失败：${verified.problem!.message}`)]);
    }
  });

  it('refuses a record that is not an event where the chain holds, naming it, as every read does', async () => {
    const s = seedWorkspace();
    await kept(s.db).record({ events: [person('c1')], recordedBy: '测试员' });
    const store = new FileRecordStream(s.db);
    const head = await store.head();
    // Written past the program's checks, as another tool could: chained, but its name is a number.
    const odd = { ...person('odd'), name: 42, seq: head.seq + 1, recordedAt: '2026-01-01T00:00:00Z', recordedBy: 'x' };
    await store.append(chainRecords([odd], head.hash), head);
    const verified = await verifyStream(store);
    expect(verified).toEqual(expect.objectContaining({ ok: false, invalid: expect.stringContaining('$.name') }));
    await expect(fresh(s.db).check()).rejects.toThrow(verified.invalid!);
  });
});
