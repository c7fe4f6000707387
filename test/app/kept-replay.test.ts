/**
 * The record's replay kept beside it: a command answers from it exactly as from a fresh replay; a
 * recording that continues it decides exactly as one that replays the whole record, and reads only
 * the head; what is kept for other rules, or unreadable, is never used.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/app/clock.js';
import { RosterApp } from '../../src/app/roster-app.js';
import { isDomainError } from '../../src/domain/errors.js';
import type { EventInput } from '../../src/domain/events.js';
import { createEvaluator, type Evaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { FileReplayStore } from '../../src/store/file-replay-store.js';
import { FileRecordStream } from '../../src/store/file-store.js';
import type { RecordStream } from '../../src/store/record-store.js';
import { seedWorkspace } from '../support/cli.js';
import { copyRules, RULES_DIR } from '../support/scenario.js';

const evaluator = createEvaluator(loadRuleBook(RULES_DIR));
const clock = fixedClock('2027-01-05T08:00:00.000Z');

/** The record's stream, counting how often the whole record is read. */
function counted(db: string): RecordStream & { reads: number } {
  const inner = new FileRecordStream(db);
  const stream = {
    location: inner.location,
    reads: 0,
    head: () => inner.head(),
    snapshot: () => {
      stream.reads++;
      return inner.snapshot();
    },
    append: inner.append.bind(inner),
    importRecords: inner.importRecords.bind(inner),
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

  it('reads the head of the record, never the whole of it', async () => {
    const s = seedWorkspace();
    await kept(s.db).headcount();
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
