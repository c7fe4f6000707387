import { describe, expect, it } from 'vitest';
import type { EventOf, RosterEvent } from '../../src/domain/events.js';
import { seedEvents, seedText } from '../support/posts.js';

const decisions = seedText('personnel-decisions.txt');
const minutes = seedText('minutes-items-6-7.txt');
const explanation = seedText('qualification-report-explanation.txt');
const seed = decisions + minutes + explanation;
const events = seedEvents();
const of = <K extends RosterEvent['type']>(type: K) => events.filter((e) => e.type === type) as EventOf<K>[];

describe('the seed record of posts says only what the gazette says', () => {
  it('every organ name and short form is written in the gazette, or composed of a form of the parent name and a local name the gazette writes', () => {
    const organs = new Map(of('OrganRegistered').map((o) => [o.organId, o]));
    for (const o of organs.values()) {
      const parent = o.parentId ? organs.get(o.parentId) : undefined;
      const composed = parent !== undefined && [parent.name, ...parent.shortForms].some((prefix) => o.name === `${prefix}${o.localName}`);
      expect(seed.includes(o.name) || composed, o.name).toBe(true);
      if (o.localName) expect(seed, o.localName).toContain(o.localName);
      for (const form of o.shortForms) expect(seed, form).toContain(form);
    }
  });

  it('the acts follow the gazette: each name comes after the previous one in the decisions and lists', () => {
    const names = new Map(of('PersonRegistered').map((p) => [p.personId, p.name]));
    let at = 0;
    for (const act of of('PersonnelDecided')) {
      const name = names.get(act.personId)!;
      const next = decisions.indexOf(name, at);
      expect(next, name).toBeGreaterThanOrEqual(at);
      at = next + name.length;
    }
  });

  it('each person in a list carries the title the gazette gives them, and the reasons and presenters are quoted from it', () => {
    for (const act of of('PersonnelDecided')) {
      for (const p of act.posts) expect(decisions, p.title).toContain(p.title);
      if (act.reason) expect(decisions).toContain(`${act.reason}，`);
      if (act.presentedBy) expect(minutes).toContain(act.presentedBy);
    }
  });

  it('positions number each list from 1 in the order the gazette gives', () => {
    const lists = new Map<string, number[]>();
    for (const act of of('PersonnelDecided')) {
      const key = `${act.list.kind}/${act.list.proposer}`;
      lists.set(key, [...(lists.get(key) ?? []), act.list.position]);
    }
    for (const [key, positions] of lists) expect(positions, key).toEqual(positions.map((_, i) => i + 1));
  });

  it('the oath is recorded as the minutes give it: held at the session, with nobody named', () => {
    const oaths = of('OathTaken');
    expect(oaths).toHaveLength(1);
    expect(oaths[0]).toMatchObject({ date: '2024-07-31', session: 19, personIds: [] });
    expect(minutes).toContain(`会议还组织${oaths[0]!.participants}进行了宪法宣誓`);
  });

  it('no post the gazette does not state has a start date', () => {
    expect(of('PostHeld').filter((p) => p.since !== undefined)).toEqual([]);
  });
});

describe('the grouping of posts in a list entry', () => {
  it('方勤 is appointed to two runs of posts, as the gazette punctuates them', () => {
    const fang = events.find((e) => e.type === 'PersonnelDecided' && e.personId === 'fang-qin');
    expect(fang).toMatchObject({ groupedAs: [2, 2] });
    expect(decisions).toContain('方勤为宁波市人大常委会副秘书长、办公厅主任，市人大法制委员会委员、常委会法制工作委员会委员');
  });
});
