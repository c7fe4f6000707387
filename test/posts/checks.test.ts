import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../src/domain/events.js';
import { congress, elected, opening, person, reviewed, session, src } from '../support/builders.js';
import { decided, givenPosts, held, ORGANS } from '../support/posts.js';

const record: EventInput[] = [
  congress(),
  session(1, '2024-01-10'),
  person('jia', '甲'),
  person('yi', '乙'),
  person('bing', '丙'),
  opening(5, '2024-01-10', [{ personId: 'jia', electingUnit: '甲区' }], 1),
  ...ORGANS,
  {
    type: 'SessionHeld',
    source: src('2024-07-31', 2),
    session: 2,
    date: '2024-07-31',
    agenda: [
      { item: 1, title: '代表资格审查' },
      { item: 2, title: '人事任免' },
    ],
  },
];

const codes = async (extra: EventInput[]) => (await givenPosts([...record, ...extra])).codes;

describe('the standing committee appoints a special-committee member', () => {
  it('someone who is not a deputy cannot be appointed to a special committee', async () => {
    expect(await codes([decided('bing', 'appointed', [['fec', '委员']], '2024-07-31', { session: 2 })])).toContain(
      'appointment-requires-deputy',
    );
  });

  it('a by-elected deputy confirmed under an earlier agenda item of the same session may be appointed', async () => {
    const s = await codes([
      elected('yi', '乙区', '2024-07-01'),
      { ...reviewed('yi', '2024-07-31', 2), source: { title: '报告', session: 2, item: 1, date: '2024-07-31' } },
      decided('yi', 'appointed', [['fec', '委员']], '2024-07-31', { session: 2, item: 2 }),
    ]);
    expect(s).not.toContain('appointment-requires-deputy');
  });

  it('a by-elected deputy confirmed only under a later agenda item was not yet a valid deputy at the vote', async () => {
    const s = await codes([
      elected('yi', '乙区', '2024-07-01'),
      { ...reviewed('yi', '2024-07-31', 2), source: { title: '报告', session: 2, item: 3, date: '2024-07-31' } },
      decided('yi', 'appointed', [['fec', '委员']], '2024-07-31', { session: 2, item: 2 }),
    ]);
    expect(s).toContain('appointment-requires-deputy');
  });

  it('a chair (主任委员) may not be appointed by the standing committee in recess (地方组织法 2022 art. 34)', async () => {
    const s = await givenPosts([...record, decided('jia', 'appointed', [['fec', '主任委员']], '2024-07-31', { session: 2 })]);
    const f = s.checks.find((c) => c.code === 'appointment-not-allowed');
    expect(f?.level).toBe('error');
    expect(f?.message).toContain('地方组织法（2022年修正）第三十四条第一款');
    expect(await codes([decided('jia', 'appointed', [['fec', '副主任委员']], '2024-07-31', { session: 2 })])).not.toContain(
      'appointment-not-allowed',
    );
  });
});

describe('the 代表资格审查委员会 is drawn from the standing committee', () => {
  it('appointing someone without a standing-committee seat is an error', async () => {
    expect(await codes([decided('jia', 'appointed', [['cred', '委员']], '2024-07-31', { session: 2 })])).toContain(
      'appointment-requires-standing-committee-seat',
    );
    expect(
      await codes([held('jia', 'sc', '委员'), decided('jia', 'appointed', [['cred', '委员']], '2024-07-31', { session: 2 })]),
    ).not.toContain('appointment-requires-standing-committee-seat');
  });
});

describe('a standing-committee member takes a post in another state organ (地方组织法 art. 47)', () => {
  it('holding a government post at the same time is an error', async () => {
    const s = await givenPosts([
      ...record,
      held('jia', 'sc', '委员'),
      decided('jia', 'decided-appointed', [['gov', '副市长']], '2024-07-31', { session: 2 }),
    ]);
    expect(s.checks.find((c) => c.code === 'incompatible-posts')).toMatchObject({ level: 'error' });
  });

  it('a supervisory post is barred as well under the 2022 revision, which added 监察机关', async () => {
    expect(
      await codes([held('jia', 'sc', '委员'), decided('jia', 'appointed', [['sup', '委员']], '2024-07-31', { session: 2 })]),
    ).toContain('incompatible-posts');
  });

  it('once the standing-committee seat is resigned, the overlap is only a warning', async () => {
    const s = await givenPosts([
      ...record,
      held('jia', 'sc', '委员'),
      decided('jia', 'decided-appointed', [['gov', '副市长']], '2024-07-31', { session: 2 }),
      decided('jia', 'resignation-accepted', [['sc', '委员']], '2024-07-31', { session: 2 }),
    ]);
    expect(s.checks.filter((c) => c.code === 'incompatible-posts').map((c) => c.level)).toEqual(['warning']);
  });

  it('a post that is not a standing-committee seat (副秘书长) is not barred', async () => {
    expect(
      await codes([held('jia', 'sc', '副秘书长'), decided('jia', 'decided-appointed', [['gov', '副市长']], '2024-07-31', { session: 2 })]),
    ).not.toContain('incompatible-posts');
  });
});

describe('an act contradicts the record of posts', () => {
  it('removing someone from a post the record does not show them holding is an error', async () => {
    expect(await codes([decided('bing', 'removed', [['court', '审判员']], '2024-07-31', { session: 2 })])).toContain('post-not-held');
  });

  it('a post in an organ that was never registered is an error', async () => {
    expect(await codes([held('bing', 'nowhere', '主任')])).toContain('unknown-organ');
  });
});

describe('the oath owed for an appointment', () => {
  const appoint = decided('bing', 'decided-appointed', [['gov', '秘书长']], '2024-07-31', { session: 2 });

  it('with no oath on record, check gives a warning naming the person', async () => {
    const s = await givenPosts([...record, appoint]);
    expect(s.checks.find((c) => c.code === 'oath-not-recorded')).toMatchObject({ level: 'warning', personId: 'bing' });
  });

  it('an OathTaken naming the person discharges it', async () => {
    const s = await givenPosts(
      [...record, appoint, { type: 'OathTaken', source: src('2024-07-31', 2), date: '2024-07-31', session: 2, personIds: ['bing'] }],
      { session: 2 },
    );
    expect(s.analysis.oathsOwed[0]?.status).toBe('taken');
    expect(s.codes).not.toContain('oath-not-recorded');
  });

  it('an OathTaken naming someone unregistered is refused', async () => {
    expect(
      await codes([appoint, { type: 'OathTaken', source: src('2024-07-31', 2), date: '2024-07-31', personIds: ['nobody'] }]),
    ).toContain('unknown-person');
  });
});

describe('an entry whose grouping does not add up to its posts', () => {
  it('is an error', async () => {
    const act = decided('jia', 'appointed', [['office', '主任']], '2024-07-31', { session: 2 });
    expect(await codes([{ ...act, groupedAs: [2] } as EventInput])).toContain('post-grouping-mismatch');
  });
});
