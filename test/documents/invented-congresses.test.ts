/**
 * The same generator on congresses other than Ningbo's: other levels and short forms, other electing
 * units (解放军, 驻地部队), other grounds. Expected texts are written out from the official forms (the
 * gazette's report and 说明, the NPCSC and provincial notices in the legal brief), not from our output.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentOptions } from '../../src/documents/document-kind.js';
import { renderText } from '../../src/documents/render/text.js';
import type { EventInput } from '../../src/domain/events.js';
import { opening, reviewed } from '../support/builders.js';
import {
  byElected,
  congressOf,
  deprived,
  died,
  documentsOf,
  personWith,
  recalled,
  reportAdopted,
  resigned,
  sessionOf,
  transferred,
  voided,
} from '../support/document-builders.js';
import { squash } from '../support/scenario.js';

const 代表法 = '《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》';
const 选举法 = '《中华人民共和国全国人民代表大会和地方各级人民代表大会选举法》';

async function documentOf(events: EventInput[], kind: string, session: number, options: DocumentOptions = {}) {
  const [doc] = await documentsOf(events, kind, session, options);
  return doc!;
}
async function textOf(events: EventInput[], kind: string, session: number, options: DocumentOptions = {}) {
  return squash(renderText(await documentOf(events, kind, session, options)));
}

describe('a provincial congress after the 2025 revision: a recall, a deprivation of political rights and a death, no by-election', () => {
  const events: EventInput[] = [
    congressOf({
      name: '某省第八届人民代表大会',
      shortName: '省八届人大',
      termNumber: 8,
      level: 'provincial',
      region: '某省',
      standingCommittee: { name: '某省人民代表大会常务委员会', shortName: '省人大常委会' },
      quota: 600,
      units: ['甲市', '乙市', '中国人民解放军'],
    }),
    sessionOf(10, '2025-03-20'),
    personWith('li', '李乙'),
    personWith('wang', '王丙'),
    personWith('zhang', '张甲'),
    opening(
      590,
      '2025-03-20',
      [
        { personId: 'zhang', electingUnit: '中国人民解放军' },
        { personId: 'li', electingUnit: '甲市' },
        { personId: 'wang', electingUnit: '乙市' },
      ],
      10,
    ),
    died('zhang', '2025-05-02', '因病去世'),
    recalled('li', '2025-05-10', '甲市人大常委会'),
    deprived('wang', '2025-06-01'),
    sessionOf(12, '2025-07-19', '2025-07-20'),
  ];

  it('the report groups the deputies by ground in the order of the law, and ends them in two sentences: 终止 and 自然终止, each under 代表法', async () => {
    expect(await textOf(events, 'report', 12)).toBe(
      squash(`某省第八届人民代表大会常务委员会代表资格审查委员会关于个别代表的代表资格的报告
        某省人民代表大会常务委员会：
        省八届人大代表总名额为600名，省八届人大常委会第十次会议确认代表资格后，实有代表590名，缺额10名。
        根据选举单位报告，省八届人大常委会第十次会议以来，共出缺代表3名。其中，被罢免1名：甲市选举产生的李乙，被甲市人大常委会罢免。依照法律被剥夺政治权利1名：乙市选举产生的王丙。去世1名：中国人民解放军选举产生的张甲，因病去世。依照${代表法}等有关规定，李乙、王丙的省八届人大代表资格终止。依照${代表法}等有关规定，张甲的省八届人大代表资格自然终止。
        本次省人民代表大会个别代表的代表资格变动后，省八届人大实有代表587名。
        以上报告，请予审议。
        某省第八届人民代表大会常务委员会代表资格审查委员会
        2025年7月20日`),
    );
  });

  it('the notice names every deputy whose status ended and the law that ends it, and states the count now', async () => {
    expect(await textOf(events, 'notice', 12, { number: 25, date: '2025-07-20' })).toBe(
      squash(`某省人民代表大会常务委员会公告
        〔八届〕第二十五号
        省八届人大代表总名额为600名，省八届人大常委会第十次会议确认代表资格后，实有代表590名，缺额10名。
        省八届人大常委会第十次会议以来，被罢免1名：甲市选举产生的李乙，被甲市人大常委会罢免；依照法律被剥夺政治权利1名：乙市选举产生的王丙；去世1名：中国人民解放军选举产生的张甲，因病去世。依照${代表法}的有关规定，李乙、王丙的省八届人大代表资格终止。依照${代表法}的有关规定，张甲的省八届人大代表资格自然终止。
        现在，省八届人大实有代表587名。
        特此公告。
        某省人民代表大会常务委员会
        2025年7月20日`),
    );
  });
});

describe('a county congress in 2024: resignations to the county standing committee for two reasons, and a death before the 2025 revision', () => {
  const events: EventInput[] = [
    congressOf({
      name: '某县第三届人民代表大会',
      shortName: '县三届人大',
      termNumber: 3,
      level: 'county',
      region: '某县',
      standingCommittee: { name: '某县人民代表大会常务委员会', shortName: '县人大常委会' },
      quota: 200,
      units: ['城关镇选区', '东乡选区', '西乡选区'],
    }),
    sessionOf(5, '2024-03-15'),
    personWith('zhou', '周甲', '某县农业农村局局长'),
    personWith('wu', '吴乙', '东乡党委书记'),
    personWith('zheng', '郑丙', '某县第一中学教师'),
    personWith('feng', '冯丁'),
    opening(
      195,
      '2024-03-15',
      [
        { personId: 'zhou', electingUnit: '城关镇选区' },
        { personId: 'wu', electingUnit: '东乡选区' },
        { personId: 'zheng', electingUnit: '东乡选区' },
        { personId: 'feng', electingUnit: '西乡选区' },
      ],
      5,
    ),
    died('zhou', '2024-07-01', '因病去世'),
    resigned('wu', '2024-08-01', { reason: '因工作调动', submittedTo: 'standing-committee' }),
    resigned('zheng', '2024-08-01', { reason: '因工作调动', submittedTo: 'standing-committee' }),
    resigned('feng', '2024-08-20', { reason: '因个人原因', submittedTo: 'standing-committee' }),
    sessionOf(6, '2024-09-10', '2024-09-11'),
    reportAdopted(6, '2024-09-11'),
  ];

  it('deputies who resigned for the same reason share one clause (分别), another reason gets its own; a death before 2025 ends the status by practice, citing no statute', async () => {
    expect(await textOf(events, 'report', 6)).toBe(
      squash(`某县第三届人民代表大会常务委员会代表资格审查委员会关于个别代表的代表资格的报告
        某县人民代表大会常务委员会：
        县三届人大代表总名额为200名，县三届人大常委会第五次会议确认代表资格后，实有代表195名，缺额5名。
        根据选举单位报告，县三届人大常委会第五次会议以来，共出缺代表4名。其中，辞去代表职务3名：东乡选区选举产生的吴乙、郑丙，因工作调动分别向县人大常委会提出辞去县三届人大代表职务的请求并被接受；西乡选区选举产生的冯丁，因个人原因向县人大常委会提出辞去县三届人大代表职务的请求并被接受。去世1名：城关镇选区选举产生的周甲，因病去世。依照${代表法}等有关规定，吴乙、郑丙、冯丁的县三届人大代表资格终止。周甲的县三届人大代表资格自然终止。
        本次县人民代表大会个别代表的代表资格变动后，县三届人大实有代表191名。
        以上报告，请予审议。
        某县第三届人民代表大会常务委员会代表资格审查委员会
        2024年9月11日`),
    );
  });

  it('the explanation addresses a county standing committee without a 秘书长 and gives each person their post, joining two of one unit with 和', async () => {
    const doc = await documentOf(events, 'explanation', 6);
    expect(doc.byline).toBeUndefined();
    expect(doc.warnings.join('')).toContain('说明人');
    expect(squash(renderText(doc))).toBe(
      squash(`关于《某县第三届人民代表大会常务委员会代表资格审查委员会关于个别代表的代表资格的报告》的说明
        主任、副主任、各位委员：
        现在，我受代表资格审查委员会委托，就县三届人大个别代表的代表资格的报告说明如下：
        县三届人大代表总名额为200名，2024年3月15日县三届人大常委会第五次会议确认代表资格后，实有代表195名，缺额5名。
        根据选举单位报告，县三届人大常委会第五次会议以来，共出缺代表4名。其中，辞去代表职务3名：东乡选区选举产生的东乡党委书记吴乙和某县第一中学教师郑丙，因工作调动分别向县人大常委会提出辞去县三届人大代表职务的请求并被接受；西乡选区选举产生的冯丁，因个人原因向县人大常委会提出辞去县三届人大代表职务的请求并被接受。去世1名：城关镇选区选举产生的某县农业农村局局长周甲，因病去世。依照${代表法}等有关规定，吴乙、郑丙、冯丁的县三届人大代表资格终止。周甲的县三届人大代表资格自然终止。
        本次县人民代表大会个别代表的代表资格变动后，县三届人大实有代表191名。
        以上说明，连同《某县第三届人民代表大会常务委员会代表资格审查委员会关于个别代表的代表资格的报告》，请予审议。`),
    );
  });
});

describe('a municipal congress whose session has only by-elections, by a district and by the garrison, one of them found void', () => {
  const events: EventInput[] = [
    congressOf({
      name: '某市第一届人民代表大会',
      shortName: '市一届人大',
      termNumber: 1,
      level: 'municipal',
      region: '某市',
      standingCommittee: { name: '某市人民代表大会常务委员会', shortName: '市人大常委会' },
      quota: 12,
      units: ['甲区', '驻市部队'],
    }),
    sessionOf(3, '2024-01-10'),
    opening(8, '2024-01-10', [], 3),
    personWith('zhao', '赵一', '甲区人民医院院长'),
    personWith('qian', '钱二', '某部政治委员'),
    personWith('sun', '孙三'),
    byElected('zhao', '甲区', '2024-02-01', '甲区人大常委会'),
    byElected('qian', '驻市部队', '2024-02-05', '驻市部队军人代表大会'),
    byElected('sun', '甲区', '2024-02-01', '甲区人大常委会'),
    sessionOf(4, '2024-03-01'),
    reviewed('zhao', '2024-03-01', 4),
    reviewed('qian', '2024-03-01', 4),
    voided('sun', '2024-03-01', 4, 'procedure'),
    reportAdopted(4, '2024-03-01', { name: '陈某', capacity: '市人大常委会代表资格审查委员会主任委员' }),
  ];

  it('the report has no paragraph on terminations; it names the bodies that held the by-elections, the two confirmed and the one whose election is void', async () => {
    expect(await textOf(events, 'report', 4)).toBe(
      squash(`某市第一届人民代表大会常务委员会代表资格审查委员会关于个别代表的代表资格的报告
        某市人民代表大会常务委员会：
        市一届人大代表总名额为12名，市一届人大常委会第三次会议确认代表资格后，实有代表8名，缺额4名。
        根据代表出缺情况和${选举法}等有关规定，甲区人大常委会和驻市部队军人代表大会分别进行了补选：甲区补选赵一、孙三，驻市部队补选钱二等3位同志为市一届人大代表。
        市人大常委会代表资格审查委员会依法对上述人员的代表资格进行了审查，赵一等2名当选代表均符合法律规定的代表基本条件，选举符合法定程序；孙三的选举不符合法定程序，其当选无效，提请市人大常委会本次会议审议通过后予以公告。
        本次市人民代表大会个别代表的代表资格变动后，市一届人大实有代表10名。
        以上报告，请予审议。
        某市第一届人民代表大会常务委员会代表资格审查委员会
        2024年3月1日`),
    );
  });

  it('the explanation is presented by the member the record names, with each by-elected deputy’s post', async () => {
    const text = await textOf(events, 'explanation', 4);
    expect(
      text.startsWith(
        squash(
          '关于《某市第一届人民代表大会常务委员会代表资格审查委员会关于个别代表的代表资格的报告》的说明市人大常委会代表资格审查委员会主任委员陈某主任、副主任、秘书长、各位委员：',
        ),
      ),
    ).toBe(true);
    expect(text).toContain('甲区补选甲区人民医院院长赵一、孙三，驻市部队补选某部政治委员钱二等3位同志为市一届人大代表。');
  });

  it('the notice says who held each by-election, which session confirmed whom, and whose election is void', async () => {
    expect(await textOf(events, 'notice', 4, { number: 3, numberStyle: 'plain', date: '2024-03-02' })).toBe(
      squash(`某市人民代表大会常务委员会公告
        第三号
        市一届人大代表总名额为12名，市一届人大常委会第三次会议确认代表资格后，实有代表8名，缺额4名。
        甲区人大常委会补选赵一、孙三，驻市部队军人代表大会补选钱二为市一届人大代表。某市第一届人民代表大会常务委员会第四次会议根据代表资格审查委员会提出的报告，确认赵一、钱二的代表资格有效，确定孙三的当选无效。
        现在，市一届人大实有代表10名。
        特此公告。
        某市人民代表大会常务委员会
        2024年3月2日`),
    );
  });
});

const secondMunicipalCongress = congressOf({
  name: '某市第二届人民代表大会',
  shortName: '市二届人大',
  termNumber: 2,
  level: 'municipal',
  region: '某市',
  standingCommittee: { name: '某市人民代表大会常务委员会', shortName: '市人大常委会' },
  quota: 300,
  units: ['丙县'],
});

describe('a single deputy transferred out and a single by-election by the same unit', () => {
  const events: EventInput[] = [
    secondMunicipalCongress,
    sessionOf(7, '2023-06-01'),
    personWith('he', '何五'),
    personWith('lv', '吕六'),
    opening(299, '2023-06-01', [{ personId: 'he', electingUnit: '丙县' }], 7),
    transferred('he', '2023-08-01', '因工作需要调离了某市'),
    byElected('lv', '丙县', '2023-09-01'),
    sessionOf(8, '2023-10-12'),
    reviewed('lv', '2023-10-12', 8),
  ];

  it('one deputy is named, not counted as 上述1名代表; one by-elected deputy is not 等1位同志; an unrecorded electing body stays unnamed', async () => {
    const text = await textOf(events, 'report', 8);
    expect(text).toContain(
      `其中，调离本行政区域1名：丙县选举产生的何五，因工作需要调离了某市。依照${代表法}等有关规定，何五的市二届人大代表资格终止。`,
    );
    expect(text).toContain(`根据代表出缺情况和${选举法}等有关规定，有关选举单位进行了补选：丙县补选吕六为市二届人大代表。`);
    expect(text).toContain('依法对上述人员的代表资格进行了审查，吕六符合法律规定的代表基本条件，选举符合法定程序，');
    expect(text).toContain('市二届人大实有代表299名。');
  });
});

describe('the date of the credentials report', () => {
  const events: EventInput[] = [
    secondMunicipalCongress,
    sessionOf(7, '2023-06-01'),
    personWith('he', '何五'),
    opening(300, '2023-06-01', [{ personId: 'he', electingUnit: '丙县' }], 7),
    transferred('he', '2023-08-01', '因工作需要调离了某市'),
    // A two-day session: the report is adopted on its first day.
    sessionOf(8, '2023-10-11', '2023-10-12'),
  ];
  const dateOf = async (evs: EventInput[]) => (await documentOf(evs, 'report', 8)).date;

  it('is the day the standing committee adopted it, where the record has the adoption', async () => {
    expect(await dateOf([...events, reportAdopted(8, '2023-10-11')])).toBe('2023年10月11日');
  });

  it('is the last day of the session, where the record has no adoption yet', async () => {
    expect(await dateOf(events)).toBe('2023年10月12日');
  });
});

describe('a session at which nothing changed', () => {
  it('is refused: there is nothing to report', async () => {
    const events: EventInput[] = [
      congressOf({
        name: '某市第一届人民代表大会',
        shortName: '市一届人大',
        termNumber: 1,
        level: 'municipal',
        region: '某市',
        standingCommittee: { name: '某市人民代表大会常务委员会', shortName: '市人大常委会' },
        quota: 10,
        units: ['甲区'],
      }),
      sessionOf(1, '2024-01-10'),
      opening(10, '2024-01-10', [], 1),
      sessionOf(2, '2024-04-10'),
    ];
    await expect(documentOf(events, 'report', 2)).rejects.toThrow('没有可报告的代表资格变动');
  });
});

describe('a township congress', () => {
  it('has no standing committee, so the committee’s documents are refused with the field named', async () => {
    const events: EventInput[] = [
      congressOf({
        name: '某镇第五届人民代表大会',
        shortName: '镇五届人大',
        termNumber: 5,
        level: 'township',
        region: '某镇',
        quota: 40,
        units: ['第一选区'],
      }),
      sessionOf(1, '2024-01-10'),
      personWith('a', '甲'),
      opening(40, '2024-01-10', [{ personId: 'a', electingUnit: '第一选区' }], 1),
      died('a', '2024-02-01'),
      sessionOf(2, '2024-04-10'),
    ];
    await expect(documentOf(events, 'report', 2)).rejects.toThrow('standingCommittee');
  });
});

describe('the law a document cites', () => {
  it('is the law the rules’ findings cite: a rule that rests on practice instead makes the report cite no statute', async () => {
    const { copyRules } = await import('../support/scenario.js');
    const { readFileSync, writeFileSync } = await import('node:fs');
    const path = await import('node:path');
    const dir = copyRules();
    const file = path.join(dir, 'deputy-status', 'transferred-out.json');
    const rule = JSON.parse(readFileSync(file, 'utf8'));
    rule.citations = [{ custom: '测试用：某地惯例', mark: '?' }];
    writeFileSync(file, JSON.stringify(rule));
    const events: EventInput[] = [
      secondMunicipalCongress,
      sessionOf(7, '2023-06-01'),
      personWith('he', '何五'),
      opening(299, '2023-06-01', [{ personId: 'he', electingUnit: '丙县' }], 7),
      transferred('he', '2023-08-01'),
      sessionOf(8, '2023-10-12'),
    ];
    const withStatute = squash(renderText(await documentsOf(events, 'report', 8)));
    const byPractice = squash(renderText(await documentsOf(events, 'report', 8, {}, dir)));
    expect(withStatute).toContain(`依照${代表法}等有关规定，何五的市二届人大代表资格终止。`);
    expect(byPractice).toContain('丙县选举产生的何五。何五的市二届人大代表资格终止。');
    expect(byPractice).not.toContain('代表法');
  });
});
