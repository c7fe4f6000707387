/**
 * The decisions, the appointment lists, the oath roster and the posts that end with deputy status,
 * on invented congresses. Expected texts are written out from the official forms (the gazette's
 * decisions and lists, the NPCSC notice in the legal brief §3.3, 宣誓决定 items 一, 二, 九), not from
 * our output.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/documents/render/text.js';
import type { EventInput } from '../../src/domain/events.js';
import type { PersonnelList, Proposer } from '../../src/domain/posts.js';
import { opening } from '../support/builders.js';
import {
  congressOf,
  documentsOf,
  entry,
  holds,
  organNamed,
  personWith,
  recalled,
  resigned,
  sessionOf,
  transferred,
} from '../support/document-builders.js';
import { rulesWithSettings } from '../support/posts.js';
import { squash } from '../support/scenario.js';

const 组织法 = '《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》';
const 选举法 = '《中华人民共和国全国人民代表大会和地方各级人民代表大会选举法》';
const 代表法 = '《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》';
const OATH_2018 =
  '我宣誓：忠于中华人民共和国宪法，维护宪法权威，履行法定职责，忠于祖国、忠于人民，恪尽职守、廉洁奉公，接受人民监督，为建设富强民主文明和谐美丽的社会主义现代化强国努力奋斗！';
const OATH_2015 =
  '我宣誓：忠于中华人民共和国宪法，维护宪法权威，履行法定职责，忠于祖国、忠于人民，恪尽职守、廉洁奉公，接受人民监督，为建设富强、民主、文明、和谐的社会主义国家努力奋斗！';

const textOf = async (events: EventInput[], kind: string, session: number, rulesDir?: string) =>
  squash(renderText(await documentsOf(events, kind, session, {}, rulesDir)));

const province = congressOf({
  name: '某省第八届人民代表大会',
  shortName: '省八届人大',
  termNumber: 8,
  level: 'provincial',
  region: '某省',
  standingCommittee: { name: '某省人民代表大会常务委员会', shortName: '省人大常委会' },
  quota: 600,
  units: ['甲市', '乙市'],
});

const city = congressOf({
  name: '某市第一届人民代表大会',
  shortName: '市一届人大',
  termNumber: 1,
  level: 'municipal',
  region: '某市',
  standingCommittee: { name: '某市人民代表大会常务委员会', shortName: '市人大常委会' },
  quota: 300,
  units: ['甲区'],
});

/** An invented city the record places in 浙江省: Zhejiang's rules (rules/regions/zhejiang) apply. */
const zhejiangCity = congressOf({
  name: '某市第一届人民代表大会',
  shortName: '市一届人大',
  termNumber: 1,
  level: 'municipal',
  region: '某市',
  province: '浙江省',
  standingCommittee: { name: '某市人民代表大会常务委员会', shortName: '市人大常委会' },
  quota: 300,
  units: ['甲区'],
});

/** The organs of the invented province, with the short forms its documents use. */
const provincialOrgans: EventInput[] = [
  organNamed('cong', 'people-congress', '某省人民代表大会', { shortForms: ['某省人大', '省人大'] }),
  organNamed('sc', 'standing-committee', '某省人大常委会', {
    parentId: 'cong',
    localName: '常委会',
    shortForms: ['省人大常委会', '常委会'],
  }),
  organNamed('office', 'working-body', '某省人大常委会办公厅', { parentId: 'sc', localName: '办公厅' }),
  organNamed('cred', 'credentials-committee', '某省人大常委会代表资格审查委员会', { parentId: 'sc', localName: '代表资格审查委员会' }),
  organNamed('edu', 'special-committee', '某省人大教育科学文化卫生委员会', { parentId: 'cong', localName: '教育科学文化卫生委员会' }),
  organNamed('gov', 'government', '某省人民政府', { shortForms: ['省政府'] }),
  organNamed('gov-office', 'government-department', '某省人民政府办公厅', { parentId: 'gov', localName: '办公厅' }),
];

const at = (session: number, date: string, list: PersonnelList['kind'], proposer: Proposer, position: number) => ({
  session,
  date,
  list,
  proposer,
  position,
});

describe('a provincial session with two resignations from posts, a list of the council of chairpersons and one of the government', () => {
  const day = '2025-07-20';
  const events: EventInput[] = [
    province,
    sessionOf(9, '2025-05-10'),
    ...provincialOrgans,
    personWith('jia', '甲一'),
    personWith('yi', '乙二'),
    personWith('bing', '丙三'),
    personWith('ding', '丁四'),
    personWith('wu', '戊五'),
    personWith('ji', '己六'),
    personWith('geng', '庚七'),
    holds('jia', 'gov', '副省长'),
    holds('yi', 'sc', '委员'),
    holds('yi', 'edu', '副主任委员'),
    holds('ji', 'gov-office', '副主任'),
    holds('geng', 'gov-office', '副主任'),
    sessionOf(10, day),
    // The government's list is recorded first; the gazette prints the council's first all the same.
    entry('wu', 'decided-appointed', [['gov-office', '主任']], at(10, day, 'decided-appointments', 'mayor', 1)),
    entry('ji', 'decided-removed', [['gov-office', '副主任']], at(10, day, 'decided-appointments', 'mayor', 2)),
    entry('geng', 'decided-removed', [['gov-office', '副主任']], at(10, day, 'decided-appointments', 'mayor', 3)),
    entry(
      'bing',
      'appointed',
      [
        ['sc', '副秘书长'],
        ['office', '主任'],
      ],
      at(10, day, 'appointments', 'council-of-chairpersons', 1),
    ),
    entry(
      'ding',
      'appointed',
      [
        ['edu', '委员'],
        ['office', '副主任'],
      ],
      at(10, day, 'appointments', 'council-of-chairpersons', 2),
    ),
    entry(
      'yi',
      'resignation-accepted',
      [
        ['sc', '委员'],
        ['edu', '副主任委员'],
      ],
      at(10, day, 'decision', 'council-of-chairpersons', 2),
    ),
    entry('jia', 'resignation-accepted', [['gov', '副省长']], at(10, day, 'decision', 'council-of-chairpersons', 1), {
      reason: '因工作调动',
      reportedTo: '某省人民代表大会',
      basis: ['中华人民共和国地方各级人民代表大会和地方各级人民政府组织法', '某省人民代表大会常务委员会任免国家机关工作人员条例'],
    }),
  ];

  it('each accepted resignation is a decision of its own, in the order of the decisions: a deputy governor is named after the province, later organs by their short forms', async () => {
    expect(await textOf(events, 'decisions', 10)).toBe(
      squash(`关于接受甲一请求辞去某省副省长职务的决定
        （2025年7月20日某省第八届人民代表大会常务委员会第十次会议通过）
        因工作调动，甲一向某省人大常委会提出请求辞去某省副省长职务的报告。根据${组织法}《某省人民代表大会常务委员会任免国家机关工作人员条例》等有关规定，某省第八届人民代表大会常务委员会第十次会议决定：接受甲一提出的辞去某省副省长职务的请求，并报某省人民代表大会备案。
        关于接受乙二请求辞去某省人大常委会委员、省人大教育科学文化卫生委员会副主任委员职务的决定
        （2025年7月20日某省第八届人民代表大会常务委员会第十次会议通过）
        乙二向某省人大常委会提出请求辞去某省人大常委会委员、省人大教育科学文化卫生委员会副主任委员职务的报告。某省第八届人民代表大会常务委员会第十次会议决定：接受乙二提出的辞去某省人大常委会委员、省人大教育科学文化卫生委员会副主任委员职务的请求。`),
    );
  });

  it('a decision whose reason, legal basis or filing is not recorded leaves them out and says so to the clerk', async () => {
    const [, second] = await documentsOf(events, 'decisions', 10);
    expect(second!.warnings.join('')).toContain('决定所依据的法律法规（“任免”事件的 basis），决定中不写依据');
    expect(second!.warnings.join('')).toContain('报送备案的机关（“任免”事件的 reportedTo），决定中不写备案');
  });

  it('the lists come in the gazette’s order, one per proposing body; a working body after its parent is named alone, after a special committee as 常委会…; equal removals are merged', async () => {
    expect(await textOf(events, 'appointments', 10)).toBe(
      squash(`某省人大常委会任免名单
        （2025年7月20日某省第八届人民代表大会常务委员会第十次会议通过）
        任命：
        丙三为某省人大常委会副秘书长、办公厅主任；
        丁四为某省人大教育科学文化卫生委员会委员、常委会办公厅副主任。
        某省人大常委会决定任免名单
        （2025年7月20日某省第八届人民代表大会常务委员会第十次会议通过）
        决定任命：
        戊五为某省人民政府办公厅主任。
        决定免去：
        己六、庚七的某省人民政府办公厅副主任职务。`),
    );
  });

  it('those appointed or decided on swear before the council of chairpersons, in the oath of 2018; those removed or whose resignation was accepted do not', async () => {
    const [doc] = await documentsOf(events, 'oaths', 10);
    expect(squash(renderText(doc!))).toBe(
      squash(`某省第八届人民代表大会常务委员会第十次会议宪法宣誓人员名单
        某省第八届人民代表大会常务委员会第十次会议任命、决定任命的下列人员，应当依法公开进行宪法宣誓（3名）：
        丙三，任命为某省人大常委会副秘书长、办公厅主任；
        丁四，任命为某省人大教育科学文化卫生委员会委员、常委会办公厅副主任；
        戊五，决定任命为某省人民政府办公厅主任。
        宣誓仪式由某省第八届人民代表大会常务委员会主任会议组织。
        誓词（2018年修订文本）：
        ${OATH_2018}
        依据：《全国人民代表大会常务委员会关于实行宪法宣誓制度的决定》（2018年修订）第一项、第九项；《中华人民共和国宪法》第二十七条第三款；《全国人民代表大会常务委员会关于实行宪法宣誓制度的决定》（2018年修订）第二项。
        2025年7月20日`),
    );
    expect(doc!.warnings.join('')).toContain('记录中没有丙三、丁四、戊五进行宪法宣誓的记载');
  });
});

describe('a county session that only removes', () => {
  const day = '2024-09-11';
  const events: EventInput[] = [
    congressOf({
      name: '某县第三届人民代表大会',
      shortName: '县三届人大',
      termNumber: 3,
      level: 'county',
      region: '某县',
      standingCommittee: { name: '某县人民代表大会常务委员会', shortName: '县人大常委会' },
      quota: 200,
      units: ['城关镇选区'],
    }),
    organNamed('cong', 'people-congress', '某县人民代表大会', { shortForms: ['县人大'] }),
    organNamed('sc', 'standing-committee', '某县人大常委会', {
      parentId: 'cong',
      localName: '常委会',
      shortForms: ['县人大常委会', '常委会'],
    }),
    organNamed('sc-office', 'working-body', '某县人大常委会办公室', { parentId: 'sc', localName: '办公室' }),
    organNamed('court', 'court', '某县人民法院'),
    personWith('zhou', '周甲'),
    personWith('wu', '吴乙'),
    personWith('zheng', '郑丙'),
    holds('zhou', 'court', '审判员'),
    holds('wu', 'court', '审判员'),
    holds('zheng', 'sc-office', '主任'),
    sessionOf(6, day),
    entry('zhou', 'removed', [['court', '审判员']], at(6, day, 'appointments', 'court-president', 1)),
    entry('wu', 'removed', [['court', '审判员']], at(6, day, 'appointments', 'court-president', 2)),
    entry('zheng', 'removed', [['sc-office', '主任']], at(6, day, 'appointments', 'council-of-chairpersons', 1)),
  ];

  it('has a removal list per proposing body, the council’s first', async () => {
    expect(await textOf(events, 'appointments', 6)).toBe(
      squash(`某县人大常委会任免名单
        （2024年9月11日某县第三届人民代表大会常务委员会第六次会议通过）
        免去：
        郑丙的某县人大常委会办公室主任职务。
        某县人大常委会任免名单
        （2024年9月11日某县第三届人民代表大会常务委员会第六次会议通过）
        免去：
        周甲、吴乙的某县人民法院审判员职务。`),
    );
  });

  it('has no decision accepting a resignation and nobody to swear the oath: both documents are refused', async () => {
    await expect(documentsOf(events, 'decisions', 6)).rejects.toThrow('没有接受辞去职务请求的决定的记录');
    await expect(documentsOf(events, 'oaths', 6)).rejects.toThrow('无人应当进行宪法宣誓');
  });
});

describe('a provincial session after a recall, a resignation and a transfer of deputies who held posts', () => {
  const events: EventInput[] = [
    province,
    sessionOf(9, '2025-03-20'),
    ...provincialOrgans,
    personWith('li', '李乙'),
    personWith('wang', '王丙'),
    personWith('zhao', '赵丁'),
    personWith('qian', '钱戊'),
    opening(
      590,
      '2025-03-20',
      [
        { personId: 'li', electingUnit: '甲市' },
        { personId: 'wang', electingUnit: '乙市' },
        { personId: 'zhao', electingUnit: '甲市' },
        { personId: 'qian', electingUnit: '乙市' },
      ],
      9,
    ),
    holds('li', 'sc', '委员'),
    holds('li', 'edu', '委员'),
    holds('li', 'cred', '委员'),
    holds('wang', 'sc', '委员'),
    holds('zhao', 'edu', '委员'),
    holds('zhao', 'office', '主任'),
    holds('qian', 'sc', '委员'),
    recalled('li', '2025-05-10', '甲市人大常委会'),
    resigned('wang', '2025-06-01', { reason: '因个人原因', submittedTo: 'electing-unit' }),
    resigned('qian', '2025-06-01', { reason: '因个人原因', submittedTo: 'electing-unit' }),
    transferred('zhao', '2025-06-15', '因工作调动调离了某省'),
    sessionOf(10, '2025-07-20'),
    // 钱戊's seat on the standing committee ended by the committee's own decision, not as a consequence.
    entry('qian', 'resignation-accepted', [['sc', '委员']], at(10, '2025-07-20', 'decision', 'council-of-chairpersons', 1)),
  ];

  it('the notice states, after the terminations, the posts revoked under 选举法 for the recall, ended under it for the resignation, and ended by eligibility for the transfer and the credentials committee seat', async () => {
    expect(await textOf(events, 'notice', 10)).toBe(
      squash(`某省人民代表大会常务委员会公告
        〔八届〕第　号
        省八届人大代表总名额为600名，省八届人大常委会第九次会议确认代表资格后，实有代表590名，缺额10名。
        省八届人大常委会第九次会议以来，调离本行政区域1名：甲市选举产生的赵丁，因工作调动调离了某省；辞去代表职务2名：乙市选举产生的王丙、钱戊，因个人原因分别向其选举单位提出辞去省八届人大代表职务的请求并被接受；被罢免1名：甲市选举产生的李乙，被甲市人大常委会罢免。依照${代表法}的有关规定，赵丁、王丙、钱戊、李乙的省八届人大代表资格终止。依照${选举法}的有关规定，李乙的某省人大常委会委员、省人大教育科学文化卫生委员会委员职务相应撤销。依照${选举法}的有关规定，王丙的某省人大常委会委员职务相应终止。李乙的某省人大常委会代表资格审查委员会委员职务，赵丁的某省人大教育科学文化卫生委员会委员职务相应终止。
        现在，省八届人大实有代表586名。
        特此公告。
        某省人民代表大会常务委员会
        年月日`),
    );
  });

  it('with the cascade on other grounds switched off, a transferred deputy’s committee seat is left to a separate act and not announced', async () => {
    const dir = rulesWithSettings((s) => {
      s.cascade.otherGrounds = false;
    });
    const text = await textOf(events, 'notice', 10, dir);
    expect(text).toContain('李乙的某省人大常委会代表资格审查委员会委员职务相应终止。');
    expect(text).not.toContain('赵丁的某省人大教育科学文化卫生委员会委员职务');
  });
});

describe('a municipal session in Zhejiang in 2017, where the courts organise their own appointees’ oath (浙江省组织实施宪法宣誓制度办法 art. 7)', () => {
  const day = '2017-06-30';
  const events: EventInput[] = [
    zhejiangCity,
    organNamed('cong', 'people-congress', '某市人民代表大会', { shortForms: ['市人大'] }),
    organNamed('sc', 'standing-committee', '某市人大常委会', { parentId: 'cong', localName: '常委会' }),
    organNamed('court', 'court', '某市中级人民法院'),
    personWith('a', '陈甲'),
    personWith('b', '林乙'),
    personWith('c', '黄丙'),
    holds('c', 'court', '审判员'),
    sessionOf(3, day),
    entry('a', 'appointed', [['sc', '副秘书长']], at(3, day, 'appointments', 'council-of-chairpersons', 1)),
    entry('b', 'appointed', [['court', '审判员']], at(3, day, 'appointments', 'court-president', 1)),
    entry('c', 'removed', [['court', '审判员']], at(3, day, 'appointments', 'court-president', 2)),
  ];

  it('names each organiser with those who swear before it, cites each text once, and gives the oath of 2015 in force on the date', async () => {
    expect(await textOf(events, 'oaths', 3)).toBe(
      squash(`某市第一届人民代表大会常务委员会第三次会议宪法宣誓人员名单
        某市第一届人民代表大会常务委员会第三次会议任命的下列人员，应当依法公开进行宪法宣誓（2名）：
        由某市第一届人民代表大会常务委员会主任会议组织宣誓的：
        陈甲，任命为某市人大常委会副秘书长。
        由所在人民法院或者人民检察院组织宣誓的：
        林乙，任命为某市中级人民法院审判员。
        誓词（2015年文本）：
        ${OATH_2015}
        依据：《全国人民代表大会常务委员会关于实行宪法宣誓制度的决定》（2015年）第一项、第九项；《浙江省组织实施宪法宣誓制度办法》第五条、第六条；《浙江省组织实施宪法宣誓制度办法》第七条；《全国人民代表大会常务委员会关于实行宪法宣誓制度的决定》（2015年）第二项。
        2017年6月30日`),
    );
  });
});

describe('appointments made before the constitutional oath began (2016-01-01)', () => {
  it('owe no oath, so there is no oath roster; the lists are printed, headed by the committee’s full name when no organ records a shorter one', async () => {
    const day = '2015-06-30';
    const events: EventInput[] = [
      city,
      organNamed('court', 'court', '某市中级人民法院'),
      organNamed('proc', 'procuratorate', '某市甲区人民检察院'),
      personWith('a', '陈甲'),
      personWith('b', '林乙'),
      holds('b', 'proc', '检察长'),
      sessionOf(2, day),
      entry('a', 'appointed', [['court', '审判员']], at(2, day, 'appointments', 'court-president', 1)),
      entry('b', 'resignation-approved', [['proc', '检察长']], at(2, day, 'approvals-and-removals', 'procurator-general', 1)),
    ];
    await expect(documentsOf(events, 'oaths', 2)).rejects.toThrow('无人应当进行宪法宣誓');
    expect(await textOf(events, 'appointments', 2)).toBe(
      squash(`某市人民代表大会常务委员会任免名单
        （2015年6月30日某市第一届人民代表大会常务委员会第二次会议通过）
        任命：
        陈甲为某市中级人民法院审判员。
        某市人民代表大会常务委员会批准辞职和免职名单
        （2015年6月30日某市第一届人民代表大会常务委员会第二次会议通过）
        批准：
        林乙辞去某市甲区人民检察院检察长职务。`),
    );
  });
});

describe('a personnel record the documents cannot write', () => {
  const day = '2024-09-11';
  const base: EventInput[] = [
    city,
    organNamed('gov', 'government', '某市人民政府'),
    personWith('a', '陈甲'),
    holds('a', 'gov', '副市长'),
    sessionOf(2, day),
  ];

  it('an entry naming an organ the record does not register is refused with the organ named, not printed with its id', async () => {
    const events = [...base, entry('a', 'appointed', [['gov-office', '主任']], at(2, day, 'appointments', 'mayor', 1))];
    await expect(documentsOf(events, 'appointments', 2)).rejects.toThrow('机关“gov-office”没有登记');
  });

  it('a decision of its own that is not an accepted resignation is refused, naming the event, rather than left out', async () => {
    const events = [...base, entry('a', 'dismissed', [['gov', '副市长']], at(2, day, 'decision', 'council-of-chairpersons', 1))];
    await expect(documentsOf(events, 'decisions', 2)).rejects.toThrow(/第6条事件.*“撤职”/);
  });
});
