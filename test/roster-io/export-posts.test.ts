import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Derivation } from '../../src/engine/derive.js';
import { derive } from '../../src/engine/derive.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { DERIVED_HEADERS, fieldOf, headerMap } from '../../src/roster-io/columns.js';
import { EXPORT_HEADERS, exportRows } from '../../src/roster-io/export-table.js';
import { popolo } from '../../src/roster-io/popolo.js';
import { rosterView } from '../../src/roster-io/roster-view.js';
import { seedEvents } from '../support/posts.js';
import { roster } from '../support/roster-cli.js';
import { RULES_DIR, SEED_DATA, tempDir } from '../support/scenario.js';

let seed: Promise<Derivation> | undefined;
/** The embedded record, derived once for the tests below, which only read it. */
const seedOn = async (asOf: string) => {
  seed ??= derive(seedEvents(), createEvaluator(loadRuleBook(RULES_DIR)));
  return rosterView(await seed, asOf);
};
/** The 职务 cell of a deputy's row in the exported table, split at 、. */
async function postsOf(asOf: string, name: string) {
  const rows = exportRows(await seedOn(asOf));
  const [nameAt, postsAt] = [EXPORT_HEADERS.indexOf('姓名'), EXPORT_HEADERS.indexOf('职务')];
  const cell = rows.find((r) => r[nameAt] === name)?.[postsAt];
  return cell === undefined ? undefined : cell.split('、').filter(Boolean);
}

describe('the posts in the roster of the 16th Ningbo congress, around the 19th session (2024-07-31)', () => {
  it('as of 2024-07-31, 方勤 holds the four posts the standing committee appointed her to that day', async () => {
    expect(await postsOf('2024-07-31', '方勤')).toEqual([
      '宁波市人大常委会副秘书长',
      '宁波市人大常委会办公厅主任',
      '宁波市人大法制委员会委员',
      '宁波市人大常委会法制工作委员会委员',
    ]);
  });

  it('as of 2024-07-30, 王安静 still holds 宁波市人大常委会副秘书长 and her other posts; as of 2024-07-31, when they were ended, none', async () => {
    expect(await postsOf('2024-07-30', '王安静')).toEqual([
      '宁波市人大常委会委员',
      '宁波市人大常委会副秘书长',
      '宁波市人大常委会社会建设工作委员会主任',
      '宁波市人大社会建设委员会主任委员',
    ]);
    expect(await postsOf('2024-07-31', '王安静')).toEqual([]);
  });

  it('as of 2024-07-30, 黄利琴 is still a 常委会委员 and chairs the 财政经济委员会; 竺培楠 is not yet its vice-chair', async () => {
    expect(await postsOf('2024-07-30', '黄利琴')).toEqual(['宁波市人大常委会委员', '宁波市人大财政经济委员会主任委员']);
    expect(await postsOf('2024-07-31', '竺培楠')).toEqual(['宁波市人大常委会预算工作委员会主任', '宁波市人大财政经济委员会副主任委员']);
  });

  it('people who hold posts but are not deputies in the list (曹敬之, appointed 宁波市发展和改革委员会主任) are kept for Popolo, not the table', async () => {
    const view = await seedOn('2024-07-31');
    expect(view.lines.map((l) => l.name)).not.toContain('曹敬之');
    expect(view.officeHolders.map((p) => p.name)).toContain('曹敬之');
  });

  it('the csv has a 职务 column with the posts held on the date', async () => {
    const dir = tempDir('roster-posts-');
    const db = path.join(dir, 'roster.json');
    writeFileSync(db, readFileSync(SEED_DATA));
    const r = await roster(db, 'export-roster', '--format', 'csv', '--as-of', '2024-07-30');
    expect(r.code, r.stderr).toBe(0);
    const [header, ...rows] = r.stdout
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const column = header!.split(',').indexOf('职务');
    expect(column).toBeGreaterThan(0);
    const row = rows.find((x) => x.includes(',朱欢,'))!;
    expect(row.split(',')[column]).toBe('宁波市人民政府副市长');
  });
});

interface Membership {
  person_id: string;
  organization_id?: string;
  post_id?: string;
  start_date?: string;
  end_date?: string;
  end_reason?: string;
}

describe('the Popolo export of the 16th Ningbo congress: organs, posts and tenures', () => {
  const seedPopolo = async (asOf: string) => popolo(await seedOn(asOf));
  const personId = (p: Awaited<ReturnType<typeof seedPopolo>>, name: string) => p.persons.find((x) => x.name === name)?.id;
  const membershipsOf = (p: Awaited<ReturnType<typeof seedPopolo>>, name: string, organization: string) =>
    (p.memberships as Membership[]).filter((m) => m.person_id === personId(p, name) && m.organization_id === organization);

  it('the organs are organizations classified by kind, each committee and office under its parent', async () => {
    const p = await seedPopolo('2024-07-31');
    expect(p.organizations).toContainEqual(
      expect.objectContaining({
        id: 'organ/ningbo-sc',
        name: '宁波市人大常委会',
        classification: 'standing-committee',
        parent_id: 'organ/ningbo-congress',
      }),
    );
    expect(p.organizations).toContainEqual(
      expect.objectContaining({
        id: 'organ/ningbo-sc-office',
        name: '宁波市人大常委会办公厅',
        classification: 'working-body',
        parent_id: 'organ/ningbo-sc',
      }),
    );
    // 宁波市人民政府 has no parent in the record, so none is given.
    expect(p.organizations.find((o) => o.id === 'organ/ningbo-government')).not.toHaveProperty('parent_id');
  });

  it('黄利琴’s membership of the standing committee ends on 2024-07-31 with the acceptance of her resignation; the record gives no start', async () => {
    const p = await seedPopolo('2024-07-31');
    const [seat, ...more] = membershipsOf(p, '黄利琴', 'organ/ningbo-sc');
    expect(more).toEqual([]);
    expect(seat).toMatchObject({
      post_id: 'post/ningbo-sc/委员',
      role: '委员',
      end_date: '2024-07-31',
      end_reason: 'resignation-accepted',
      end_reason_label: '接受辞职',
    });
    expect(seat).not.toHaveProperty('start_date');
    expect(p.meta.post_end_reasons).toContain(seat!.end_reason);
    expect(p.posts).toContainEqual(
      expect.objectContaining({ id: 'post/ningbo-sc/委员', label: '宁波市人大常委会委员', organization_id: 'organ/ningbo-sc' }),
    );
  });

  it('as of 2024-07-30 the same membership has not ended', async () => {
    const [seat] = membershipsOf(await seedPopolo('2024-07-30'), '黄利琴', 'organ/ningbo-sc');
    expect(seat).toBeDefined();
    expect(seat).not.toHaveProperty('end_date');
    expect(seat).not.toHaveProperty('end_reason');
  });

  it('王安静’s 副秘书长 ends by removal (免去), 方勤’s begins on 2024-07-31 by appointment', async () => {
    const p = await seedPopolo('2024-07-31');
    expect(membershipsOf(p, '王安静', 'organ/ningbo-sc').find((m) => m.post_id === 'post/ningbo-sc/副秘书长')).toMatchObject({
      end_date: '2024-07-31',
      end_reason: 'removed',
      end_reason_label: '免去',
    });
    const fang = membershipsOf(p, '方勤', 'organ/ningbo-sc').find((m) => m.post_id === 'post/ningbo-sc/副秘书长');
    expect(fang).toMatchObject({ start_date: '2024-07-31' });
    expect(fang).not.toHaveProperty('end_date');
  });

  it('曹敬之, appointed 宁波市发展和改革委员会主任 by decision and not a deputy in the list, is a person with that membership', async () => {
    const p = await seedPopolo('2024-07-31');
    expect(personId(p, '曹敬之')).toBe('cao-jingzhi');
    expect(membershipsOf(p, '曹敬之', 'organ/ningbo-ndrc')).toEqual([
      expect.objectContaining({ post_id: 'post/ningbo-ndrc/主任', role: '主任', start_date: '2024-07-31' }),
    ]);
    // Before the decision the record shows no post of his.
    expect(personId(await seedPopolo('2024-07-30'), '曹敬之')).toBeUndefined();
  });
});

describe('a roster with the columns exports add', () => {
  it('import-roster reads none of them as a field: 状态变更日期, 终止原因, 依据规则, 法律依据 and 职务 are ignored', () => {
    const map = headerMap();
    for (const header of Object.values(DERIVED_HEADERS)) expect(fieldOf(map, header), header).toBeUndefined();
  });
});

describe('the Popolo export says where each fact comes from and how each mandate began', () => {
  const seedPopolo = async (asOf: string) => popolo(await seedOn(asOf));
  const REPORT = '宁波市第十六届人民代表大会常务委员会代表资格审查委员会关于个别代表的代表资格的报告（常委会第19次会议，2024-07-31）';

  it('a by-elected deputy’s membership began by by-election, within the term, and cites the report that confirmed it', async () => {
    const p = await seedPopolo('2024-07-31');
    const fang = p.persons.find((x) => x.name === '方勤')!;
    const mandate = (p.memberships as (Membership & Record<string, unknown>)[]).find(
      (m) => m.person_id === fang.id && m.organization_id === 'congress/16',
    )!;
    expect(mandate).toMatchObject({ start_reason: 'by-election', start_reason_label: '补选当选', legislative_period_id: 'term/16' });
    expect(mandate.sources).toEqual([expect.objectContaining({ note: REPORT })]);
    expect(p.meta.start_reasons).toEqual(['general-election', 'by-election', 'opening-roster']);
  });

  it('a deputy counted when the record starts began with the opening roster; the term is a legislative period of the congress', async () => {
    const p = await seedPopolo('2024-07-31');
    const zhu = (p.memberships as (Membership & Record<string, unknown>)[]).find(
      (m) => m.person_id === 'zhu-huan' && m.organization_id === 'congress/16',
    )!;
    expect(zhu.start_reason).toBe('opening-roster');
    expect(p.events).toEqual([{ id: 'term/16', name: '第十六届', classification: 'legislative period', organization_id: 'congress/16' }]);
  });

  it('persons, posts and post memberships cite their documents and carry the record’s ids', async () => {
    const p = await seedPopolo('2024-07-31');
    for (const person of p.persons) {
      expect(person.identifiers).toEqual([{ scheme: 'deputy-roster', identifier: person.id }]);
      expect(person.sources?.length, person.name).toBeGreaterThan(0);
    }
    // 朱欢's post of 副市长 ends by the decision accepting his resignation: both documents are cited.
    const viceMayor = (p.memberships as (Membership & Record<string, unknown>)[]).find(
      (m) => m.person_id === 'zhu-huan' && m.post_id === 'post/ningbo-government/副市长',
    )!;
    expect((viceMayor.sources as { note: string }[]).map((s) => s.note)).toContain(
      '关于接受朱欢请求辞去宁波市副市长职务的决定（常委会第19次会议，2024-07-31）',
    );
    for (const post of p.posts) expect((post as { sources?: unknown[] }).sources?.length, post.id).toBeGreaterThan(0);
  });
});
