import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../src/domain/events.js';
import { congress, opening, person, session, src } from '../support/builders.js';
import { given } from '../support/scenario.js';

const base: EventInput[] = [
  congress(),
  session(1, '2005-01-10'),
  person('a', '代表甲'),
  opening(10, '2005-01-10', [{ personId: 'a', electingUnit: '甲区' }], 1),
];
const resigned = (date: string): EventInput => ({ type: 'DeputyResignationAccepted', source: src(date), personId: 'a', date });
const died = (date: string): EventInput => ({ type: 'DeputyDied', source: src(date), personId: 'a', date });

async function citation(event: EventInput) {
  const g = await given([...base, event]);
  return g.findingsFor('a')[0]?.citation;
}

describe('the citation is the one in force on the event date', () => {
  it('an acceptance in 2008 cites 代表法 (1992 numbering, as amended 2009 or not) art. 41, a secondary source', async () => {
    expect(await citation(resigned('2008-05-01'))).toMatchObject({ text: '代表法（1992年）第四十一条第（二）项', mark: 'S' });
    expect(await citation(resigned('2009-12-01'))).toMatchObject({ text: '代表法（2009年修正）第四十一条第（二）项', mark: 'S' });
  });

  it('an acceptance in 2012 cites the 2010 revision art. 49, marked inferred', async () => {
    expect(await citation(resigned('2012-03-01'))).toMatchObject({ revision: '2010', article: 49, mark: 'I' });
  });

  it('an acceptance on 2015-08-29 cites the 2015 revision from its first day', async () => {
    expect(await citation(resigned('2015-08-28'))).toMatchObject({ revision: '2010' });
    expect(await citation(resigned('2015-08-29'))).toMatchObject({ revision: '2015', article: 49, mark: 'V' });
  });

  it('an acceptance on 2024-07-31 cites 代表法 (2015) art. 49; one on 2025-06-01 cites art. 62 of the 2025 revision', async () => {
    expect((await citation(resigned('2024-07-31')))?.text).toBe('代表法（2015年修正）第四十九条第（二）项');
    expect((await citation(resigned('2025-06-01')))?.text).toBe('代表法（2025年修正）第六十二条第一款第（二）项');
  });

  it('a death before the 2025 revision ends the status by practice, not by 代表法; after it, by art. 62(2)', async () => {
    const before = await citation(died('2019-04-01'));
    expect(before?.law).toBeUndefined();
    expect(before?.text).toContain('惯例');
    expect((await citation(died('2025-03-12')))?.text).toBe('代表法（2025年修正）第六十二条第二款');
  });

  it('the 2025 revision of 代表法 governs from 2025-03-12, the day after its adoption: events of 2025-03-11 fall under the 2015 text', async () => {
    expect((await citation(resigned('2025-03-11')))?.text).toBe('代表法（2015年修正）第四十九条第（二）项');
    expect((await citation(resigned('2025-03-12')))?.text).toBe('代表法（2025年修正）第六十二条第一款第（二）项');
    expect((await citation(died('2025-03-11')))?.kind).toBe('practice');
    const ordered = (date: string): EventInput => ({ type: 'OrderedResignationAccepted', source: src(date), personId: 'a', date });
    expect((await given([...base, ordered('2025-03-11')])).status('a')).toBe('valid');
    expect((await given([...base, ordered('2025-03-12')])).status('a')).toBe('ended');
  });

  it('loss of capacity before the 2010 revision has no provision: the list then had six items', async () => {
    const g = await given([...base, { type: 'CapacityLost', source: src('2009-01-01'), personId: 'a', date: '2009-01-01' }]);
    expect(g.status('a')).toBe('valid');
    expect((await g.check()).map((f) => f.code)).toEqual(['no-rule-in-force']);
  });
});
