/**
 * A draft's preview (预览) and a correction, through the application layer: what a batch of events
 * would change is shown before anything is recorded, decided exactly as `record` would decide it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/app/clock.js';
import { RosterApp } from '../../src/app/roster-app.js';
import type { EventInput } from '../../src/domain/events.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { FileRecordStream } from '../../src/store/file-store.js';
import { SCRATCH_DEATH_OF_FANG_QIN, seedWorkspace } from '../support/cli.js';
import { RULES_DIR, SEED_EVENTS } from '../support/scenario.js';

const evaluator = createEvaluator(loadRuleBook(RULES_DIR));
const seedApp = () => {
  const s = seedWorkspace();
  return { ...s, app: new RosterApp({ stream: new FileRecordStream(s.db), evaluator, clock: fixedClock('2027-01-05T08:00:00.000Z') }) };
};

describe('a preview of 方勤 dying after the 19th session (an invented death, never recorded)', () => {
  it('shows the count falling from 479 to 478, the status ending under the practice rule, every post she holds ending with it (death ends every post), and writes nothing', async () => {
    const { app, db } = seedApp();
    const before = readFileSync(db, 'utf8');
    const p = await app.preview({ events: [SCRATCH_DEATH_OF_FANG_QIN as EventInput] });
    expect(p.asOf).toBe('2024-08-01');
    expect(p.headcount).toEqual({ quota: 495, before: 479, after: 478 });
    expect(p.events.map((e) => e.seq)).toEqual([SEED_EVENTS + 1]);
    expect(p.statusChanges.map((c) => [c.name, c.from, c.to, c.date, c.finding?.ruleId])).toEqual([
      ['方勤', 'valid', 'ended', '2024-08-01', 'termination.died-by-practice'],
    ]);
    expect(p.cascades.map((c) => c.name)).toEqual(['方勤']);
    expect(p.cascades[0]!.items.map((i) => [`${i.organName}${i.tenure.post.title}`, i.consequence?.outcome.type])).toEqual([
      ['宁波市人大常委会副秘书长', 'post-ends'],
      ['宁波市人大常委会办公厅主任', 'post-ends'],
      ['宁波市人大法制委员会委员', 'post-ends'],
      ['宁波市人大常委会法制工作委员会委员', 'post-ends'],
    ]);
    expect(p.oaths).toEqual({ owed: [], notOwed: [] });
    expect(p.refusal).toBeUndefined();
    expect(readFileSync(db, 'utf8')).toBe(before);
  });

  it('a batch naming a person the record does not know shows the refusal record would give', async () => {
    const { app } = seedApp();
    const events = [{ ...SCRATCH_DEATH_OF_FANG_QIN, personId: 'nobody' } as EventInput];
    const p = await app.preview({ events });
    expect(p.refusal).toEqual({
      kind: 'unknown-person',
      where: '第1个事件（$[0]）',
      message: expect.stringContaining('所指人员“nobody”未登记'),
    });
    expect(p.checks.map((c) => c.code)).toContain('unknown-person');
    await expect(app.record({ events, recordedBy: '测试员' })).rejects.toThrow('所指人员“nobody”未登记');
  });
});

describe('a correction through the application layer', () => {
  it('withdraws a recorded death, and the count is what it was', async () => {
    const { app } = seedApp();
    const [death] = await app.record({ events: [SCRATCH_DEATH_OF_FANG_QIN as EventInput], recordedBy: '测试员' });
    expect((await app.headcount({ asOf: '2024-08-01' })).countAfter).toBe(478);
    const [correction] = await app.correct({ seq: death!.seq, reason: '误记', source: { title: '更正说明' }, recordedBy: '测试员' });
    expect(correction).toEqual(expect.objectContaining({ type: 'EventCorrected', supersedes: death!.seq, seq: death!.seq + 1 }));
    expect((await app.headcount({ asOf: '2024-08-01' })).countAfter).toBe(479);
  });

  it('refuses to correct a correction or an event that is not in the record', async () => {
    const { app } = seedApp();
    await expect(app.correct({ seq: 999, reason: '误记', source: { title: '更正说明' }, recordedBy: '测试员' })).rejects.toThrow(
      '记录中没有第999条事件',
    );
    const [death] = await app.record({ events: [SCRATCH_DEATH_OF_FANG_QIN as EventInput], recordedBy: '测试员' });
    const [correction] = await app.correct({ seq: death!.seq, reason: '误记', source: { title: '更正说明' }, recordedBy: '测试员' });
    await expect(
      app.correct({ seq: correction!.seq, reason: '再改', source: { title: '更正说明' }, recordedBy: '测试员' }),
    ).rejects.toThrow(`第${correction!.seq}条本身是更正；请直接更正第${death!.seq}条原事件`);
  });
});
