import { describe, expect, it } from 'vitest';
import { givenPosts, seedEvents } from '../support/posts.js';

const seed = () => givenPosts(seedEvents(), { session: 19 });

function itemsOf(entry: Awaited<ReturnType<typeof seed>>['analysis']['cascades'][number] | undefined) {
  return (entry?.items ?? []).map((i) => ({
    post: `${i.organName}${i.tenure.post.title}`,
    requirement: i.requirement.requirement,
    consequence: i.consequence?.outcome.type === 'post-ends' ? i.consequence.outcome.params.mode : i.consequence?.outcome.type,
    advisory: i.consequence?.outcome.type === 'post-continues' ? i.consequence.outcome.params.advisory : undefined,
    citation: i.consequence?.citation.text,
    endedBy: i.recordedEnd?.how,
  }));
}

describe('the 19th session of the 16th Ningbo standing committee: posts of the deputies whose status ended', () => {
  it('lists all eight deputies whose status ended, in the order of the record', async () => {
    const { analysis, derivation } = await seed();
    expect(analysis.cascades.map((c) => derivation.state.persons[c.personId]?.name)).toEqual([
      '朱欢',
      '徐伟斌',
      '何国强',
      '王安静',
      '莫鼎革',
      '陈庆丰',
      '黄利琴',
      '马荧波',
    ]);
  });

  it('黄利琴 resigned as deputy, so her 常委会 seat and 财政经济委员会 chair end (选举法 2020 art. 56), matched by the decision accepting her resignation', async () => {
    expect(itemsOf((await seed()).cascadeOf('黄利琴'))).toEqual([
      {
        post: '宁波市人大常委会委员',
        requirement: 'deputy',
        consequence: '相应终止',
        advisory: undefined,
        citation: '选举法（2020年修正）第五十六条第一款',
        endedBy: 'resignation-accepted',
      },
      {
        post: '宁波市人大财政经济委员会主任委员',
        requirement: 'deputy',
        consequence: '相应终止',
        advisory: undefined,
        citation: '选举法（2020年修正）第五十六条第一款',
        endedBy: 'resignation-accepted',
      },
    ]);
  });

  it('王安静 was transferred out: her seats end by the eligibility rules, while 副秘书长 and the working-committee chair do not depend on deputy status and were ended by a separate removal', async () => {
    const items = itemsOf((await seed()).cascadeOf('王安静'));
    expect(items.map((i) => [i.post, i.requirement, i.consequence, i.advisory, i.endedBy])).toEqual([
      ['宁波市人大常委会委员', 'deputy', '相应终止', undefined, 'resignation-accepted'],
      ['宁波市人大常委会副秘书长', 'none', 'post-continues', true, 'removed'],
      ['宁波市人大常委会社会建设工作委员会主任', 'none', 'post-continues', true, 'removed'],
      ['宁波市人大社会建设委员会主任委员', 'deputy', '相应终止', undefined, 'resignation-accepted'],
    ]);
    expect(items[0]!.citation).toContain('北京市人民代表大会常务委员会任免国家机关工作人员条例（2023年）第二十五条');
    // Ningbo is a 设区的市: Zhejiang's 任免条例 governs the provincial standing committee, so the national citation stands.
    expect(items[1]!.citation).toBe('地方组织法（2022年修正）第五十九条（设立办事机构和工作机构，未要求代表身份）');
  });

  it('马荧波 resigned as deputy: the 常委会 seat and the special-committee seat end, the working-committee seat does not depend on deputy status', async () => {
    expect(itemsOf((await seed()).cascadeOf('马荧波')).map((i) => [i.post, i.consequence, i.advisory, i.endedBy])).toEqual([
      ['宁波市人大常委会委员', '相应终止', undefined, 'resignation-accepted'],
      ['宁波市人大社会建设委员会委员', '相应终止', undefined, 'removed'],
      ['宁波市人大常委会社会建设工作委员会委员', 'post-continues', false, 'removed'],
    ]);
  });

  it('朱欢 was transferred out while 副市长, a post that does not depend on deputy status: an advisory, matched by the accepted resignation', async () => {
    expect(itemsOf((await seed()).cascadeOf('朱欢')).map((i) => [i.post, i.requirement, i.advisory, i.endedBy])).toEqual([
      ['宁波市人民政府副市长', 'none', true, 'resignation-accepted'],
    ]);
  });

  it('the deputies the record shows holding no post have nothing to cascade', async () => {
    const s = await seed();
    for (const name of ['徐伟斌', '何国强', '莫鼎革', '陈庆丰']) expect(s.cascadeOf(name)?.items).toEqual([]);
  });
});

describe('the 19th session: the constitutional oath', () => {
  it('those appointed or decided on at the session owe the oath in the 2018 wording, before the 主任会议, the judge before her court (Zhejiang law)', async () => {
    const s = await seed();
    expect(s.oathNames).toEqual(['方勤', '竺培楠', '汪闻勇', '曹敬之', '励志纲', '楼纪辉', '张碧莹']);
    const organisers = s.analysis.oathsOwed.map((d) => (d.finding.outcome.type === 'oath-owed' ? d.finding.outcome.params.organiser : ''));
    expect(organisers).toEqual([...Array(6).fill('常务委员会主任会议'), '所在人民法院或者人民检察院']);
    expect(s.analysis.oathsOwed.at(-1)?.finding.citation.text).toContain('《浙江省组织实施宪法宣誓制度办法》第七条');
    for (const duty of s.analysis.oathsOwed) expect(duty.wording?.ruleId).toBe('oath.wording-2018');
  });

  it('nobody swears for a removal, an accepted resignation or an approval', async () => {
    const s = await seed();
    const acts = new Set(s.analysis.oathsNotOwed.map((n) => n.act.act));
    expect(acts).toEqual(new Set(['resignation-accepted', 'removed', 'decided-removed', 'resignation-approved']));
    expect(s.analysis.oathsNotOwed.every((n) => n.finding?.ruleId === 'oath.not-on-removal')).toBe(true);
  });

  it('the minutes record the ceremony but not who swore, so the duties stand as an unnamed ceremony and check says so once', async () => {
    const s = await seed();
    expect(s.analysis.oathsOwed.every((o) => o.status === 'unnamed-ceremony')).toBe(true);
    expect(s.checks.filter((c) => c.code === 'oath-names-not-recorded')).toHaveLength(1);
    expect(s.checks.filter((c) => c.level === 'error')).toEqual([]);
  });
});
