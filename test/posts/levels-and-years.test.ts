/**
 * Posts at every level and in every year: the NPC's posts rest on the 全国人大组织法, local ones on the
 * 地方组织法 (back to its 2004 text) or the constitution, a township congress's chair on 地方组织法 art. 18,
 * and the supervisory-organ bar starts with the 2018 constitutional amendment.
 */
import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../src/domain/events.js';
import { congress, opening, person, session, src } from '../support/builders.js';
import { decided, givenPosts, held, ORGANS, organ } from '../support/posts.js';

type Where = Parameters<typeof congress>[0];

/** 甲 holds a standing-committee seat and takes a post in `other` on `date`. */
async function incompatibility(date: string, other: 'sup' | 'gov', where: Where = {}) {
  const events: EventInput[] = [
    congress(where),
    session(1, date),
    person('jia', '甲'),
    opening(5, date, [{ personId: 'jia', electingUnit: '甲区' }], 1),
    ...ORGANS,
    held('jia', 'sc', '委员', date),
    decided('jia', 'appointed', [[other, other === 'sup' ? '委员' : '副市长']], date),
  ];
  const s = await givenPosts(events, { session: 1 });
  return s.checks.find((c) => c.code === 'incompatible-posts');
}

describe('a standing-committee member who becomes a member of a supervisory commission', () => {
  it('on 2018-03-11, when the constitutional amendment took effect, is barred under 宪法 art. 103(3) as amended in 2018', async () => {
    expect((await incompatibility('2018-03-11', 'sup'))?.message).toContain('宪法（2018年修正）第一百零三条第三款');
  });

  it('in 2020, still under the constitution: the 地方组织法 said so only from 2022-03-12', async () => {
    expect((await incompatibility('2020-06-01', 'sup'))?.message).toContain('宪法（2018年修正）第一百零三条第三款');
    expect((await incompatibility('2022-03-12', 'sup'))?.message).toContain('地方组织法（2022年修正）第四十七条第三款');
  });

  it('at the NPC in 2019, under 宪法 art. 65(4)', async () => {
    expect((await incompatibility('2019-06-01', 'sup', { level: 'national' }))?.message).toContain('宪法（2018年修正）第六十五条第四款');
  });
});

describe('a standing-committee member who becomes a vice-mayor', () => {
  it('in 1990 is barred by 宪法 art. 103(3) (1982 text, numbering inferred), not by a later 地方组织法', async () => {
    const f = await incompatibility('1990-06-01', 'gov');
    expect(f?.message).toContain('宪法（1988年修正）第一百零三条第三款');
  });

  it('in 2005 by the 地方组织法 as amended in 2004 (art. 41(3))', async () => {
    expect((await incompatibility('2005-06-01', 'gov'))?.message).toContain('地方组织法（2004年修正）第四十一条第三款');
  });
});

/** What the rules say a post requires, for a congress at `where`, on `date`. */
async function requirement(
  organKind: 'standing-committee' | 'working-body' | 'people-congress',
  title: string,
  date: string,
  where: Where,
) {
  const events: EventInput[] = [
    congress(where),
    session(1, date),
    person('jia', '甲'),
    opening(5, date, [{ personId: 'jia', electingUnit: '甲区' }], 1),
    organ('o', organKind, '某机关'),
    held('jia', 'o', title, date),
    { type: 'DeputyRecalled', source: src(date, 1), personId: 'jia', date },
  ];
  const s = await givenPosts(events, { session: 1 });
  const item = s.analysis.cascades[0]?.items[0];
  return {
    requirement: item?.requirement.requirement,
    requirementCitation: item?.requirement.finding?.citation.text,
    consequence: item?.consequence?.outcome.type === 'post-ends' ? item.consequence.outcome.params.mode : item?.consequence?.outcome.type,
    consequenceCitation: item?.consequence?.citation.text,
  };
}

describe('the national congress: its posts rest on the 全国人民代表大会组织法', () => {
  it('a member of the NPC standing committee must be a deputy under 全国人大组织法 2021 art. 23(2), and loses the seat on recall (选举法 art. 54)', async () => {
    expect(await requirement('standing-committee', '委员', '2024-06-01', { level: 'national' })).toEqual({
      requirement: 'deputy',
      requirementCitation: '全国人大组织法（2021年修正）第二十三条第二款',
      consequence: '相应撤销',
      consequenceCitation: '选举法（2020年修正）第五十四条第一款',
    });
  });

  it('the NPC’s 副秘书长 needs no deputy status (arts. 27, 28), a local 地方组织法 is never cited', async () => {
    const r = await requirement('standing-committee', '副秘书长', '2024-06-01', { level: 'national' });
    expect(r.requirement).toBe('none');
    expect(r.requirementCitation).toContain('全国人民代表大会组织法（2021年修正）第二十七条第二款');
  });

  it('before the 2021 amendment, whose earlier numbering is not verified, by custom', async () => {
    expect((await requirement('standing-committee', '委员', '2019-06-01', { level: 'national' })).requirementCitation).toBe('依惯例');
  });
});

describe('a local standing committee before 2015', () => {
  it('in 2008 its members must be deputies under the 地方组织法 as amended in 2004 (art. 41), as the 2015 and 2022 texts say', async () => {
    expect((await requirement('standing-committee', '委员', '2008-06-01', {})).requirementCitation).toBe(
      '地方组织法（2004年修正）第四十一条',
    );
  });

  it('in 1998, no text of that date is verified: by custom', async () => {
    expect((await requirement('standing-committee', '委员', '1998-06-01', {})).requirementCitation).toBe('依惯例');
  });
});

describe('a township congress: its chair and vice-chairs', () => {
  it('must be deputies (地方组织法 2022 art. 18(1)) and lose the post when recalled as deputies (选举法 2020 art. 54(2))', async () => {
    expect(await requirement('people-congress', '主席', '2024-06-01', { level: 'township' })).toEqual({
      requirement: 'deputy',
      requirementCitation: '地方组织法（2022年修正）第十八条第一款',
      consequence: '相应撤销',
      consequenceCitation: '选举法（2020年修正）第五十四条第二款',
    });
  });

  it('a vice-chair whose resignation as deputy is accepted loses the post 相应终止 (选举法 2020 art. 56(2))', async () => {
    const events: EventInput[] = [
      congress({ level: 'township' }),
      session(1, '2024-06-01'),
      person('jia', '甲'),
      opening(5, '2024-06-01', [{ personId: 'jia', electingUnit: '甲区' }], 1),
      organ('o', 'people-congress', '某镇人民代表大会'),
      held('jia', 'o', '副主席'),
      { type: 'DeputyResignationAccepted', source: src('2024-06-01', 1), personId: 'jia', date: '2024-06-01' },
    ];
    const item = (await givenPosts(events, { session: 1 })).analysis.cascades[0]?.items[0];
    expect(item?.consequence?.citation.text).toBe('选举法（2020年修正）第五十六条第二款');
  });
});
