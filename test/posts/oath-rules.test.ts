import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../src/domain/events.js';
import { congress, person, session } from '../support/builders.js';
import { decided, givenPosts, ORGANS, rulesWithSettings } from '../support/posts.js';

const appointedOn = (date: string): EventInput[] => [
  congress(),
  session(1, date),
  person('bing', '丙'),
  ...ORGANS,
  decided('bing', 'appointed', [['court', '审判员']], date),
];

async function duty(date: string, rulesDir?: string) {
  const s = await givenPosts(appointedOn(date), { session: 1, ...(rulesDir ? { rulesDir } : {}) });
  const owed = s.analysis.oathsOwed[0];
  return {
    owed: owed !== undefined,
    organiser: owed?.finding.outcome.type === 'oath-owed' ? owed.finding.outcome.params.organiser : undefined,
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

describe('who organises the oath of a judge appointed by the standing committee', () => {
  it('by default the 主任会议', async () => {
    expect((await duty('2024-07-31')).organiser).toBe('常务委员会主任会议');
  });

  it('the court itself where the configuration says provincial rules leave it to courts and procuratorates', async () => {
    const dir = rulesWithSettings((s) => (s.oath.judicialOathsByOwnOrgan = true));
    expect((await duty('2024-07-31', dir)).organiser).toBe('所在人民法院或者人民检察院');
  });
});
