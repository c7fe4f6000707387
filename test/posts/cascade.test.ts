import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../src/domain/events.js';
import { congress, opening, person, session, src } from '../support/builders.js';
import { decided, givenPosts, held, ORGANS, rulesWithSettings } from '../support/posts.js';
import { copyRules } from '../support/scenario.js';

/** 甲 is a deputy holding a 常委会 seat, a 财经委 seat, the 代表资格审查委员会 seat and an office post. */
const base: EventInput[] = [
  congress(),
  session(1, '2024-01-10'),
  person('jia', '甲'),
  opening(5, '2024-01-10', [{ personId: 'jia', electingUnit: '甲区' }], 1),
  ...ORGANS,
  held('jia', 'sc', '委员'),
  held('jia', 'fec', '委员'),
  held('jia', 'cred', '委员'),
  held('jia', 'office', '主任'),
  session(2, '2024-06-30'),
];

const ending = (
  type: 'DeputyRecalled' | 'DeputyResignationAccepted' | 'DeputyDied' | 'DeputyTransferredOut',
  date = '2024-06-01',
): EventInput =>
  type === 'DeputyTransferredOut'
    ? { type, source: src(date, 2), personId: 'jia', date, movement: 'transferred' }
    : { type, source: src(date, 2), personId: 'jia', date };

async function outcomes(events: EventInput[], rulesDir?: string) {
  const s = await givenPosts(events, { session: 2, ...(rulesDir ? { rulesDir } : {}) });
  const entry = s.analysis.cascades[0];
  return {
    ...s,
    byTitle: Object.fromEntries(
      (entry?.items ?? []).map((i) => [
        `${i.organName}${i.tenure.post.title}`,
        {
          outcome:
            i.consequence?.outcome.type === 'post-ends' ? i.consequence.outcome.params.mode : (i.consequence?.outcome.type ?? 'none'),
          rule: i.consequence?.ruleId,
          citation: i.consequence?.citation.text,
          order: i.order,
        },
      ]),
    ),
  };
}

describe('a deputy with a standing-committee seat is recalled', () => {
  it('the seats that depend on deputy status are revoked (相应撤销) under 选举法 2020 art. 54', async () => {
    const { byTitle } = await outcomes([...base, ending('DeputyRecalled')]);
    expect(byTitle['某市人大常委会委员']).toMatchObject({ outcome: '相应撤销', citation: '选举法（2020年修正）第五十四条第一款' });
    expect(byTitle['某市人大财政经济委员会委员']).toMatchObject({ outcome: '相应撤销' });
  });

  it('the 代表资格审查委员会 seat ends with the standing-committee seat, as a second-order consequence', async () => {
    const { byTitle } = await outcomes([...base, ending('DeputyRecalled')]);
    expect(byTitle['某市人大常委会代表资格审查委员会委员']).toMatchObject({ outcome: '相应终止', rule: 'cascade.second-order', order: 2 });
  });

  it('an office post does not depend on deputy status and continues, without an advisory', async () => {
    const { byTitle } = await outcomes([...base, ending('DeputyRecalled')]);
    expect(byTitle['某市人大常委会办公厅主任']).toMatchObject({ outcome: 'post-continues', rule: 'cascade.not-dependent' });
  });

  it('with no recorded end, check reports each dependent seat as still held', async () => {
    const { checks } = await outcomes([...base, ending('DeputyRecalled')]);
    expect(checks.filter((c) => c.code === 'dependent-post-still-held').map((c) => c.message.match(/“(.+?)”/)?.[1])).toEqual([
      '某市人大常委会委员',
      '某市人大财政经济委员会委员',
      '某市人大常委会代表资格审查委员会委员',
    ]);
  });
});

describe('a deputy with a standing-committee seat resigns as deputy', () => {
  it('the dependent seats end (相应终止) under 选举法 art. 56, citing the revision in force on the date', async () => {
    expect((await outcomes([...base, ending('DeputyResignationAccepted')])).byTitle['某市人大常委会委员']).toMatchObject({
      outcome: '相应终止',
      citation: '选举法（2020年修正）第五十六条第一款',
    });
    const in2016 = [
      ...base.map((e) => (e.type === 'SessionHeld' && e.session === 2 ? session(2, '2016-06-30') : e)),
      ending('DeputyResignationAccepted', '2016-06-01'),
    ];
    const early = in2016.map((e) =>
      e.type === 'SessionHeld' && e.session === 1
        ? session(1, '2016-01-10')
        : e.type === 'OpeningBalanceStated'
          ? opening(5, '2016-01-10', [{ personId: 'jia', electingUnit: '甲区' }], 1)
          : e,
    );
    expect((await outcomes(early)).byTitle['某市人大常委会委员']).toMatchObject({ citation: '选举法（2015年修正）第五十五条' });
  });
});

describe('a deputy who holds posts dies (legal brief 10: death ends every post)', () => {
  it('every post ends 自然终止, the office post that needs no deputy status too', async () => {
    const { byTitle } = await outcomes([...base, ending('DeputyDied')]);
    expect(byTitle['某市人大常委会委员']).toMatchObject({ outcome: '自然终止', rule: 'cascade.every-post-ends-on-death' });
    expect(byTitle['某市人大常委会办公厅主任']).toMatchObject({ outcome: '自然终止', rule: 'cascade.every-post-ends-on-death' });
  });

  it('whatever rules/settings.json says of the cascade on other grounds; check reports each post still held', async () => {
    const dir = rulesWithSettings((s) => (s.cascade.otherGrounds = false));
    const off = await outcomes([...base, ending('DeputyDied')], dir);
    expect(off.byTitle['某市人大常委会办公厅主任']).toMatchObject({ outcome: '自然终止' });
    expect(off.checks.filter((c) => c.code === 'dependent-post-still-held').map((c) => c.message.match(/“(.+?)”/)?.[1])).toContain(
      '某市人大常委会办公厅主任',
    );
  });
});

describe('a deputy who holds posts is deprived of political rights (刑法 art. 54(3))', () => {
  const deprived: EventInput = { type: 'PoliticalRightsDeprived', source: src('2024-06-01', 2), personId: 'jia', date: '2024-06-01' };

  it('may hold no post in a state organ: the office post and a government post end too, under 刑法 1997 art. 54(3)', async () => {
    const { byTitle } = await outcomes([...base, held('jia', 'gov', '副市长'), deprived]);
    for (const post of ['某市人大常委会委员', '某市人大常委会办公厅主任', '某市人民政府副市长']) {
      expect(byTitle[post]).toMatchObject({
        outcome: '相应终止',
        rule: 'cascade.every-post-ends-on-deprivation',
        citation: '刑法（1997年修订）第五十四条第（三）项（剥夺担任国家机关职务的权利）',
      });
    }
  });
});

describe('a deputy who holds posts loses PRC nationality', () => {
  it('every post in a state organ ends, by custom (no text saying so is verified)', async () => {
    const lost: EventInput = { type: 'NationalityLost', source: src('2024-06-01', 2), personId: 'jia', date: '2024-06-01' };
    const { byTitle } = await outcomes([...base, lost]);
    expect(byTitle['某市人大常委会办公厅主任']).toMatchObject({ outcome: '相应终止', citation: '依惯例' });
  });
});

describe('a deputy with a standing-committee seat loses capacity for conduct (another ground, legal brief D3)', () => {
  const lost: EventInput = { type: 'CapacityLost', source: src('2024-06-01', 2), personId: 'jia', date: '2024-06-01' };

  it('by default the dependent seats end by the eligibility rules and practice; the office post continues', async () => {
    const { byTitle } = await outcomes([...base, lost]);
    expect(byTitle['某市人大常委会委员']).toMatchObject({ outcome: '相应终止', rule: 'cascade.other-grounds' });
    expect(byTitle['某市人大常委会办公厅主任']).toMatchObject({ outcome: 'post-continues', rule: 'cascade.not-dependent' });
  });

  it('switched off in rules/settings.json, no rule ends them, and check still reports the seat held by a non-deputy', async () => {
    const dir = rulesWithSettings((s) => (s.cascade.otherGrounds = false));
    const off = await outcomes([...base, lost], dir);
    expect(off.byTitle['某市人大常委会委员']).toMatchObject({ outcome: 'none', rule: undefined });
    expect(off.checks.find((c) => c.code === 'dependent-post-still-held')?.message).toContain('规则未使其自动终止');
  });
});

describe('a deputy holding an office post is transferred out of the region', () => {
  it('the office post continues, with an advisory to check whether a removal is due', async () => {
    expect((await outcomes([...base, ending('DeputyTransferredOut')])).byTitle['某市人大常委会办公厅主任']).toMatchObject({
      outcome: 'post-continues',
      rule: 'cascade.transfer-advisory',
    });
  });

  it('while the office post has no recorded end, check gives the advisory as a warning', async () => {
    const { checks } = await outcomes([...base, ending('DeputyTransferredOut')]);
    expect(checks.filter((c) => c.code === 'post-held-after-transfer')).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringContaining('某市人大常委会办公厅主任') }),
    ]);
  });
});

describe('a deputy with a standing-committee seat is suspended', () => {
  it('suspension is not termination: nothing cascades and no seat is reported', async () => {
    const s = await outcomes([
      ...base,
      { type: 'DeputySuspended', source: src('2024-06-01', 2), personId: 'jia', date: '2024-06-01', ground: 'criminal-custody' },
    ]);
    expect(s.analysis.cascades).toEqual([]);
    expect(s.codes).not.toContain('dependent-post-still-held');
  });
});

describe('a clerk edits a rule file', () => {
  it('taking 委员 out of the special-committee rule makes that seat survive a resignation, with no code change', async () => {
    const dir = copyRules();
    const file = path.join(dir, 'posts', 'special-committee-member-requires-deputy.json');
    const rule = JSON.parse(readFileSync(file, 'utf8'));
    rule.rule.conditions.all[2].value = ['主任委员', '副主任委员'];
    writeFileSync(file, JSON.stringify(rule));
    const edited = await outcomes([...base, ending('DeputyResignationAccepted')], dir);
    expect(edited.byTitle['某市人大财政经济委员会委员']).toMatchObject({ outcome: 'none' });
    expect(edited.byTitle['某市人大常委会委员']).toMatchObject({ outcome: '相应终止' });
  });
});

describe('a standing-committee member resigns the seat but keeps deputy status (legal brief E1, D4)', () => {
  it('a 代表资格审查委员会 seat left open afterwards is reported', async () => {
    const s = await givenPosts([...base, decided('jia', 'resignation-accepted', [['sc', '委员']], '2024-06-01', { session: 2 })]);
    expect(s.checks.filter((c) => c.code === 'dependent-post-still-held').map((c) => c.message)).toEqual([
      expect.stringContaining('某市人大常委会代表资格审查委员会委员'),
    ]);
  });

  it('nothing is reported once the 代表资格审查委员会 seat is ended too', async () => {
    const s = await givenPosts([
      ...base,
      decided('jia', 'resignation-accepted', [['sc', '委员']], '2024-06-01', { session: 2 }),
      decided('jia', 'removed', [['cred', '委员']], '2024-06-01', { session: 2 }),
    ]);
    expect(s.codes).not.toContain('dependent-post-still-held');
  });
});
