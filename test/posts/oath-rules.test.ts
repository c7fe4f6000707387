import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../src/domain/events.js';
import { congress, person, session } from '../support/builders.js';
import { decided, givenPosts, ORGANS } from '../support/posts.js';

const appointedOn = (date: string, where: { province?: string; region?: string; level?: 'national' } = {}): EventInput[] => [
  congress(where),
  session(1, date),
  person('bing', '丙'),
  ...ORGANS,
  decided('bing', 'appointed', [['court', '审判员']], date),
];

async function duty(date: string, where: Parameters<typeof appointedOn>[1] = {}) {
  const s = await givenPosts(appointedOn(date, where), { session: 1 });
  const owed = s.analysis.oathsOwed[0];
  return {
    owed: owed !== undefined,
    organiser: owed?.finding.outcome.type === 'oath-owed' ? owed.finding.outcome.params.organiser : undefined,
    rule: owed?.finding.ruleId,
    citation: owed?.finding.citation.text,
    wording: owed?.wording?.outcome.type === 'oath-wording' ? owed.wording.outcome.params.text : undefined,
  };
}

describe('the oath wording is the one in force on the date of the appointment', () => {
  it('an appointment on 2017-06-01 swears the 2015 text', async () => {
    expect((await duty('2017-06-01')).wording).toMatch(/为建设富强、民主、文明、和谐的社会主义国家努力奋斗！$/);
  });

  it('an appointment on 2018-03-12 swears the 2018 text', async () => {
    expect((await duty('2018-03-12')).wording).toMatch(/为建设富强民主文明和谐美丽的社会主义现代化强国努力奋斗！$/);
  });

  it('before 2016-01-01 there was no oath to take', async () => {
    expect((await duty('2015-12-31')).owed).toBe(false);
  });
});

describe('who organises the oath of a judge appointed by the standing committee is provincial law', () => {
  it('in a province with no rules of its own in rules/regions/, the 主任会议, as the provincial rules commonly provide', async () => {
    const d = await duty('2024-07-31');
    expect(d.organiser).toBe('常务委员会主任会议');
    expect(d.citation).not.toContain('浙江');
  });

  it('in a city of Zhejiang, the court itself (浙江省组织实施宪法宣誓制度办法 art. 7), found from the city named as the region', async () => {
    const d = await duty('2024-07-31', { region: '宁波市' });
    expect(d.organiser).toBe('所在人民法院或者人民检察院');
    expect(d.rule).toBe('oath.judicial-by-own-organ');
    expect(d.citation).toContain('《浙江省组织实施宪法宣誓制度办法》第七条');
  });

  it('in a congress recorded as in 浙江省, the court too, from the oath rules’ first day (2016-01-01), with the 2015 texts', async () => {
    const d = await duty('2017-06-01', { province: '浙江省' });
    expect(d.organiser).toBe('所在人民法院或者人民检察院');
    expect(d.citation).toBe(
      '《全国人民代表大会常务委员会关于实行宪法宣誓制度的决定》（2015年）第一项、第九项；《浙江省组织实施宪法宣誓制度办法》第七条',
    );
  });

  it('the NPC standing committee’s appointees swear before the 委员长会议 (宣誓决定 item 五)', async () => {
    expect((await duty('2024-07-31', { level: 'national' })).organiser).toBe('全国人民代表大会常务委员会委员长会议');
  });
});
