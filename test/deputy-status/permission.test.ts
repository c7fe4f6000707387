/**
 * 许可: a deputy at county level or above may not be arrested or tried without the permission of the
 * presidium or, in recess, the standing committee; one detained in the act is reported at once
 * (代表法 2015 art. 32 / 2025 art. 39). The record keeps the permission; check warns where a suspension
 * for criminal custody has none.
 */
import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../src/domain/events.js';
import { congress, opening, person, session, src } from '../support/builders.js';
import { givenPosts } from '../support/posts.js';

const custody = (level: 'county' | 'township' | 'national', date = '2024-05-01'): EventInput[] => [
  congress({ level }),
  session(1, '2024-01-10'),
  person('a', '代表甲'),
  opening(5, '2024-01-10', [{ personId: 'a', electingUnit: '甲区' }], 1),
  { type: 'DeputySuspended', source: src(date), personId: 'a', date, ground: 'criminal-custody' },
];
const permitted = (kind: 'permission' | 'detained-in-the-act-reported'): EventInput => ({
  type: 'ProsecutionPermitted',
  source: src('2024-04-28'),
  personId: 'a',
  date: '2024-04-28',
  kind,
  measures: ['arrest'],
  grantedBy: '某县人大常委会第十次会议',
});

const warnings = async (events: EventInput[]) =>
  (await givenPosts(events)).checks.filter((c) => c.code === 'suspension-without-permission');

describe('a county deputy held in criminal custody', () => {
  it('with no permission recorded: check warns, citing 代表法 2015 art. 32', async () => {
    const [w] = await warnings(custody('county'));
    expect(w).toMatchObject({ level: 'warning' });
    expect(w!.message).toContain(
      '记录中没有本级人民代表大会主席团或者常务委员会的许可或者现行犯被拘留的报告（代表法（2015年修正）第三十二条第一款',
    );
  });

  it('with the standing committee’s permission recorded, or the report of a detention in the act, no warning', async () => {
    expect(await warnings([...custody('county'), permitted('permission')])).toEqual([]);
    expect(await warnings([...custody('county'), permitted('detained-in-the-act-reported')])).toEqual([]);
  });

  it('after the 2025 revision the permission rule is 代表法 art. 39', async () => {
    expect((await warnings(custody('county', '2025-06-01')))[0]!.message).toContain('代表法（2025年修正）第三十九条第一款');
  });
});

describe('a township deputy held in criminal custody', () => {
  it('needs no permission (the organ reports to the township congress): no warning', async () => {
    expect(await warnings(custody('township'))).toEqual([]);
  });
});
