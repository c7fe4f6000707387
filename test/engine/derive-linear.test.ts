import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventInput, RosterEvent } from '../../src/domain/events.js';
import { emptyRoster, evolve, latestMandate, type RosterState } from '../../src/domain/roster.js';
import { type Derivation, derive } from '../../src/engine/derive.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { congress, elected, opening, person, reviewed, session, src } from '../support/builders.js';
import { RULES_DIR, SEED_DATA, stampAll } from '../support/scenario.js';

const evaluator = createEvaluator(loadRuleBook(RULES_DIR));

/** `evolve` folded over the derivation's events with its findings, checking at each step that the old state is untouched. */
function foldEvolve(d: Derivation): RosterState {
  let state: RosterState = { ...emptyRoster, counting: d.state.counting };
  for (const event of d.events) {
    const before = structuredClone(state);
    const next = evolve(
      state,
      event,
      d.findings.filter((f) => f.eventSeq === event.seq),
    );
    expect(state).toEqual(before);
    state = next;
  }
  return state;
}

const post = (organId: string, title: string) => ({ organId, title });
const list = { kind: 'appointments', proposer: 'council-of-chairpersons', position: 1 } as const;

/** Every kind of event that changes the roster, with a second mandate, a loaded roster and a post ended twice. */
const everything: EventInput[] = [
  congress({ quota: 6 }),
  session(1, '2024-01-10'),
  person('a', '甲'),
  person('b', '乙'),
  person('c', '丙'),
  opening(
    4,
    '2024-01-10',
    [
      { personId: 'a', electingUnit: '甲区' },
      { personId: 'b', electingUnit: '乙区' },
    ],
    1,
  ),
  person('d', '丁'),
  { type: 'RosterLoaded', source: src('2024-01-10'), session: 1, date: '2024-01-10', members: [{ personId: 'c', electingUnit: '甲区' }] },
  elected('d', '乙区', '2024-02-01'),
  reviewed('d', '2024-02-20', 2),
  session(2, '2024-02-20'),
  { type: 'DeputySuspended', source: src('2024-03-01'), personId: 'a', date: '2024-03-01', ground: 'criminal-custody' },
  { type: 'SuspensionEnded', source: src('2024-04-01'), personId: 'a', date: '2024-04-01' },
  { type: 'AbsentWithoutLeave', source: src('2024-03-05'), personId: 'b', date: '2024-03-05', congressSession: 3 },
  { type: 'AbsentWithoutLeave', source: src('2025-03-05'), personId: 'b', date: '2025-03-05', congressSession: 4 },
  { type: 'DeputyDied', source: src('2024-05-01'), personId: 'c', date: '2024-05-01' },
  elected('c', '乙区', '2024-06-01'),
  { type: 'OrganRegistered', source: src(), organId: 'sc', name: '某市人大常委会', kind: 'standing-committee', shortForms: [] },
  { type: 'PostHeld', source: src(), personId: 'a', post: post('sc', '委员') },
  {
    type: 'PersonnelDecided',
    source: src('2024-06-20', 3),
    personId: 'd',
    act: 'appointed',
    posts: [post('sc', '委员'), post('sc', '副秘书长')],
    date: '2024-06-20',
    session: 3,
    item: 1,
    list,
  },
  { type: 'OathTaken', source: src('2024-06-20', 3), date: '2024-06-20', session: 3, personIds: ['d'] },
  {
    type: 'PersonnelDecided',
    source: src('2024-08-20', 4),
    personId: 'd',
    act: 'removed',
    posts: [post('sc', '委员'), post('sc', '委员')],
    date: '2024-08-20',
    session: 4,
    item: 1,
    list,
  },
  { type: 'PostEnded', source: src('2024-09-01'), personId: 'a', post: post('sc', '委员'), date: '2024-09-01', how: '相应终止' },
  { type: 'TerminationsAnnounced', source: src('2024-06-01'), date: '2024-06-01', personIds: ['c'], stated: {} },
  { type: 'CredentialsReportAdopted', source: src('2024-06-01', 3), date: '2024-06-01', session: 3, stated: { countAfter: 4 } },
  { type: 'EventCorrected', source: src('2024-10-01'), supersedes: 13, reason: '日期有误' },
];

describe('deriving the roster applies each event once to one builder, exactly as evolve applies it', () => {
  it('the seed (16th Ningbo congress): the derived roster is evolve folded over the log, and evolve never changes the state it is given', async () => {
    const log = (JSON.parse(readFileSync(SEED_DATA, 'utf8')) as { events: RosterEvent[] }).events;
    const d = await derive(log, evaluator);
    expect(foldEvolve(d)).toEqual(d.state);
  });

  it('a record with every kind of roster event, a second mandate, a loaded roster and a post ended twice: the same', async () => {
    const d = await derive(stampAll(everything), evaluator);
    expect(foldEvolve(d)).toEqual(d.state);
    // What the record says came through: the second mandate, the loaded deputy, the unmatched second removal.
    expect(latestMandate(d.state, 'c')?.mandateId).toBe('c#2');
    expect(d.state.mandates.map((m) => m.mandateId)).toEqual(['a', 'b', 'c', 'd', 'c#2']);
    expect(d.state.unmatchedEnds).toEqual([{ eventSeq: 22, personId: 'd', post: post('sc', '委员') }]);
    expect(d.state.absences).toEqual({ b: [3, 4] });
  });
});
