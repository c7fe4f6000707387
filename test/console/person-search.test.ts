/** Finding a person as a clerk types: part of a name, pinyin initials, pinyin, a unit fragment. */
import { beforeAll, describe, expect, it } from 'vitest';
import { searchPersons } from '../../src/search/person-search.js';
import { loadPinyin } from '../../src/search/pinyin.js';
import { given } from '../support/scenario.js';

// The search reads names' pinyin, which the application layer loads before it searches.
beforeAll(loadPinyin);

const src = { title: '测试文件', date: '2024-01-01' };
const registered = (personId: string, name: string) => ({ type: 'PersonRegistered', source: src, personId, name }) as const;

describe('searching the persons of the record', async () => {
  const { derivation } = await given([
    registered('huang-liqin', '黄利琴'),
    registered('huang-li', '黄力'),
    registered('zeng-dan', '曾单'),
    registered('abdu', '阿不都·热合曼'),
  ]);
  const ids = (q: string) => searchPersons(derivation.state, q).map((m) => m.personId);

  it('finds 黄利琴 by hlq, by 黄利 and by huangli, the exact name first', () => {
    expect(ids('hlq')).toEqual(['huang-liqin']);
    expect(ids('黄利')).toEqual(['huang-liqin']);
    expect(ids('huangli')).toEqual(['huang-li', 'huang-liqin']);
    expect(ids('黄力')[0]).toBe('huang-li');
  });

  it('reads a surname as a surname (曾 zeng) and tries every reading of a character for initials (单 d or s)', () => {
    expect(ids('zd')).toEqual(['zeng-dan']);
    expect(ids('zs')).toEqual(['zeng-dan']);
    expect(ids('cd')).toEqual(['zeng-dan']);
  });

  it('ignores the separating dot and spaces in names', () => {
    expect(ids('阿不都热合曼')).toEqual(['abdu']);
    expect(ids('热合 曼')).toEqual(['abdu']);
  });

  it('finds nobody for an empty query or a name not in the record', () => {
    expect(ids('  ')).toEqual([]);
    expect(ids('王')).toEqual([]);
  });
});

describe('searching the seed by electing unit', async () => {
  it('lists the named deputies of 鄞州区 for 鄞州', async () => {
    const { readFileSync } = await import('node:fs');
    const { SEED_DATA } = await import('../support/scenario.js');
    const events = (JSON.parse(readFileSync(SEED_DATA, 'utf8')) as { events: { seq?: number }[] }).events.map(({ seq: _s, ...e }) => e);
    const { derivation } = await given(events as never);
    const found = searchPersons(derivation.state, '鄞州');
    expect(found.every((m) => m.matchedBy === 'unit' && m.electingUnit === '鄞州区')).toBe(true);
    expect(found.map((m) => m.name).sort()).toEqual(['方勤', '竺培楠', '黄利琴'].sort());
  });
});
