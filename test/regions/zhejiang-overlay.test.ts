/**
 * Provincial rules as a layer over the national ones: rules/regions/zhejiang is read for the congresses
 * of 浙江省 and its cities, overrides national rules by id only where its own citations are in force,
 * and leaves every other congress under the national rules.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../src/domain/events.js';
import { jurisdictionOf, loadRuleBook } from '../../src/engine/rule-book.js';
import { congress, opening, person, session, src } from '../support/builders.js';
import { run } from '../support/cli.js';
import { givenPosts, held, ORGANS } from '../support/posts.js';
import { copyRules, RULES_DIR } from '../support/scenario.js';

const book = loadRuleBook(RULES_DIR);
type Where = Parameters<typeof congress>[0];

/** A deputy holding a working-committee post is transferred out on `date`; what the cascade rules cite for the post. */
async function advisory(date: string, where: Where) {
  const events: EventInput[] = [
    congress(where),
    session(1, date),
    person('jia', '甲'),
    opening(5, date, [{ personId: 'jia', electingUnit: '甲区' }], 1),
    ...ORGANS,
    held('jia', 'office', '主任'),
    { type: 'DeputyTransferredOut', source: src(date, 1), personId: 'jia', date, movement: 'transferred' },
  ];
  const s = await givenPosts(events, { session: 1 });
  const item = s.analysis.cascades[0]?.items[0];
  return { rule: item?.consequence?.ruleId, file: item?.consequence?.ruleFile, citation: item?.consequence?.citation.text };
}

describe('which congresses read Zhejiang’s rules (the region fact)', () => {
  it('the provincial congress of 浙江省, the congresses of its cities, and any congress recorded as in 浙江省', () => {
    const j = (c: Where) => {
      const e = congress(c);
      return jurisdictionOf(book, e.type === 'CongressConstituted' ? e.congress : undefined);
    };
    expect(j({ level: 'provincial', region: '浙江省' })).toEqual({ level: 'provincial', region: '浙江' });
    expect(j({ region: '宁波市' })).toEqual({ level: 'municipal', region: '浙江' });
    expect(j({ level: 'county', region: '某县', province: '浙江省' })).toEqual({ level: 'county', region: '浙江' });
  });

  it('not a congress elsewhere, nor the national congress', () => {
    const national = congress({ level: 'national', region: '浙江省' });
    expect(jurisdictionOf(book, national.type === 'CongressConstituted' ? national.congress : undefined).region).toBeNull();
    const elsewhere = congress({ region: '某市' });
    expect(jurisdictionOf(book, elsewhere.type === 'CongressConstituted' ? elsewhere.congress : undefined).region).toBeNull();
  });
});

describe('a provincial rule overrides the national rule only where its own citations are in force', () => {
  it('the Zhejiang provincial congress in 2024: the transfer advisory cites 任免条例 (2018) art. 17(2), from the province’s file', async () => {
    expect(await advisory('2020-06-01', { level: 'provincial', region: '浙江省' })).toEqual({
      rule: 'cascade.transfer-advisory',
      file: 'rules/regions/zhejiang/cascade/transfer-advisory.json',
      citation: '浙江省人大常委会任免条例（2018年修正）第十七条第二款',
    });
  });

  it('the same in 2010: the article of the text then in force (art. 16(2) of the 2005 text, by the concordance)', async () => {
    expect((await advisory('2010-06-01', { level: 'provincial', region: '浙江省' })).citation).toBe(
      '浙江省人大常委会任免条例（2005年修订）第十六条第二款（离职或者退休的，应当提请免除其职务）',
    );
  });

  it('after the 2023 amendment, whose numbering is not verified, the citation names no article and is marked unverified', async () => {
    const s = await advisory('2024-06-01', { level: 'provincial', region: '浙江省' });
    expect(s.citation).toContain('条文序号未经核实');
  });

  it('before the 任免条例 took effect (2006-01-01), the national rule governs the provincial congress', async () => {
    expect(await advisory('2005-06-01', { level: 'provincial', region: '浙江省' })).toMatchObject({
      file: 'rules/cascade/transfer-advisory.json',
      citation: '地方组织法（2004年修正）第五十三条（设立办事机构和其他工作机构，未要求代表身份）',
    });
  });

  it('the 任免条例 is the provincial standing committee’s own: a Zhejiang city keeps the national citation', async () => {
    expect(await advisory('2020-06-01', { region: '宁波市' })).toMatchObject({ file: 'rules/cascade/transfer-advisory.json' });
  });

  it('a congress in a province with no rules of its own never cites Zhejiang’s', async () => {
    expect((await advisory('2020-06-01', { level: 'provincial', region: '某省' })).citation).not.toContain('浙江');
  });
});

describe('a broken overlay is refused, naming the file', () => {
  it('an overlay rule that overrides an id no rule has', () => {
    const dir = copyRules();
    const file = path.join(dir, 'regions', 'zhejiang', 'oath', 'judicial-by-own-organ.json');
    const rule = JSON.parse(readFileSync(file, 'utf8'));
    rule.overrides = ['oath.no-such-rule'];
    writeFileSync(file, JSON.stringify(rule));
    expect(() => loadRuleBook(dir)).toThrow(
      /regions\/zhejiang\/oath\/judicial-by-own-organ\.json: \$\.overrides\[0\]：没有编号为“oath\.no-such-rule”的规则/,
    );
  });

  it('a province folder without region.json', () => {
    const dir = copyRules();
    mkdirSync(path.join(dir, 'regions', 'nowhere', 'oath'), { recursive: true });
    expect(() => loadRuleBook(dir)).toThrow(/regions\/nowhere\/region\.json: 无法读取省级规则说明/);
  });

  it('a region.json that names again a law of laws.json', () => {
    const dir = copyRules();
    const file = path.join(dir, 'regions', 'zhejiang', 'region.json');
    const region = JSON.parse(readFileSync(file, 'utf8'));
    region.laws['代表法'] = region.laws['浙江省人大常委会任免条例'];
    writeFileSync(file, JSON.stringify(region));
    expect(() => loadRuleBook(dir)).toThrow(/region\.json: \$\.laws：“代表法”已在 laws\.json 中/);
  });
});

describe('roster rules --region 浙江', () => {
  it('lists the national rules Zhejiang overrides, with its citations and the national ones that still govern elsewhere, and the rules it adds', () => {
    const r = run(['rules', '--region', '浙江']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('被浙江规则覆盖的全国规则（4条）');
    // Each rule by its title (the ids are in --json), the national rule it overrides by its file.
    expect(r.stdout).toContain(
      '  常务委员会任命或者决定任命的国家工作人员，在依照法定程序产生后进行宪法宣誓，由主任会议组织（覆盖 rules/oath/appointed-by-standing-committee.json；',
    );
    expect(r.stdout).not.toContain('oath.appointed-by-standing-committee');
    expect(r.stdout).toContain('浙江规则新增（1条）');
    expect(r.stdout).toMatch(
      /\n {2}常务委员会任命的人民法院、人民检察院的人员，由所在人民法院、人民检察院组织宪法宣誓\n\s+- [^\n]*《浙江省组织实施宪法宣誓制度办法》第七条/,
    );
    expect(r.stdout).toContain('照常适用的全国规则');
  });

  it('with --json, each rule with its origin and versions; --date keeps the versions in force that day', () => {
    const json = JSON.parse(run(['--json', 'rules', '--region', '浙江', '--date', '2020-06-01']).stdout);
    const advice = json.rules.find((r: { id: string }) => r.id === 'cascade.transfer-advisory');
    expect(advice.origin).toBe('overridden');
    expect(advice.versions.map((v: { citation: string; levels?: string[] }) => [v.citation, v.levels])).toEqual([
      ['浙江省人大常委会任免条例（2018年修正）第十七条第二款', ['provincial']],
      ['地方组织法（2015年修正）第五十三条（设立办事机构和其他工作机构，未要求代表身份）', ['municipal', 'county']],
      ['依惯例（全国人民代表大会常务委员会副秘书长和工作委员会的职务不以代表身份为前提）', ['national']],
    ]);
  });

  it('without --region, the national rules and the provinces that have rules of their own', () => {
    const r = run(['rules']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('有省级规则的省份：浙江');
    expect(r.stdout).not.toContain('由所在人民法院、人民检察院组织宪法宣誓');
  });

  it('a province with no rules of its own is refused, naming those there are', () => {
    const r = run(['rules', '--region', '湖南']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('没有“湖南”的省级规则（已有：浙江）');
  });
});
