/**
 * Many congresses in one database: each its own stream, picked with --congress; `roster congresses`
 * and `roster stats` across them, answered in SQL from the read models kept with every append, the
 * same as counting each record in memory; models derived under other rules are derived afresh; one
 * person across congresses where a clerk links them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCongress, type SyntheticCongress, syntheticProvince } from '../../bench/_province.js';
import { readRecord } from '../../src/app/read-record.js';
import { figuresOn } from '../../src/domain/congress-summary.js';
import { derive } from '../../src/engine/derive.js';
import { summarise } from '../../src/ledger/congress-summary.js';
import type { PostgresCatalog } from '../../src/store/postgres/postgres-catalog.js';
import { describePostgres, freshDatabase, type TestDatabase } from '../support/postgres.js';
import { roster } from '../support/roster-cli.js';
import { copyRules, evaluator, tempDir } from '../support/scenario.js';

/** 17 congresses: the province, a city, a county and 14 townships, about 10,000 events. */
const PROVINCE: SyntheticCongress[] = [...syntheticProvince(0.01)];

describePostgres('a province’s congresses in one database', () => {
  let db: TestDatabase;
  let catalog: PostgresCatalog;
  beforeAll(async () => {
    db = await freshDatabase();
    catalog = db.catalog('clerk');
    for (const c of PROVINCE) await importCongress(catalog, evaluator, c);
  }, 120_000);
  afterAll(async () => {
    await catalog?.close();
  });

  it('each congress is its own stream with its own seqs and chain', async () => {
    const [a, b] = await Promise.all([readRecord(catalog.stream('prov')), readRecord(catalog.stream('town0001'))]);
    expect(a.events[0]!.seq).toBe(1);
    expect(b.events[0]!.seq).toBe(1);
    expect(a.head.hash).not.toBe(b.head.hash);
    const verified = await roster(db.url(), '--congress', 'town0001', 'verify');
    expect(verified.stdout).toContain(`校验通过：共${b.events.length}条事件`);
  });

  it('without --congress, a command says which congresses there are', async () => {
    const r = await roster(db.url(), 'headcount');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `数据库中有${PROVINCE.length}个代表大会，请用 --congress 指定其一：city01（样例省第1市第九届人民代表大会）、county001（`,
    );
    const unknown = await roster(db.url(), '--congress', 'nowhere', 'headcount');
    expect(unknown.stderr).toContain('数据库中没有代表大会“nowhere”（已有：city01（');
    const one = await roster(db.url(), '--congress', 'county001', 'headcount', '--as-of', '2024-06-30');
    expect(one.stdout).toContain('样例省第1市第1县第九届人民代表大会代表名额与实有代表：2024年6月30日');
  });

  it('the figures answered in SQL are those of each record counted in memory, on any day and level', async () => {
    const summaries = new Map<string, ReturnType<typeof summarise>>();
    for (const c of PROVINCE)
      summaries.set(c.id, summarise((await derive((await readRecord(catalog.stream(c.id))).events, evaluator)).state));
    for (const date of ['2021-01-09', '2021-01-10', '2023-06-15', '2025-12-31', '2026-12-31']) {
      const answer = await catalog.figures({ date, rulesHash: evaluator.rulesHash });
      expect(answer.stale).toEqual([]);
      expect(answer.figures).toHaveLength(PROVINCE.length);
      for (const f of answer.figures) {
        const mem = figuresOn(summaries.get(f.id)!, date);
        const sorted = (gs: typeof mem.terminations) => [...gs].sort((x, y) => x.label.localeCompare(y.label));
        expect({ count: f.count, terminations: sorted(f.terminations) }, `${f.id} ${date}`).toEqual({
          count: mem.count,
          terminations: sorted(mem.terminations),
        });
      }
    }
    const county = await catalog.figures({ date: '2024-06-30', level: 'county', rulesHash: evaluator.rulesHash });
    expect(county.figures.map((f) => f.id)).toEqual(['county001']);
  });

  it('roster stats sums by congress, by area (the region of the congress each is within) and in all', async () => {
    const r = await roster(db.url(), '--json', 'stats', '--level', 'township', '--as-of', '2024-06-30');
    const s = JSON.parse(r.stdout);
    expect(s.total.congresses).toBe(14);
    expect(s.areas.map((a: { area: string }) => a.area)).toEqual(['样例省第1市第1县']);
    const sum = (k: string) => s.congresses.reduce((n: number, c: Record<string, number>) => n + c[k]!, 0);
    expect(s.total.count).toBe(sum('count'));
    expect(s.total.quota - s.total.count).toBe(s.total.vacancies);
    expect(s.total.terminated).toBe(sum('terminated'));
    const text = await roster(db.url(), 'stats', '--level', 'township', '--as-of', '2024-06-30');
    expect(text.stdout).toContain('代表名额与实有代表统计：乡镇级人民代表大会，截至2024年6月30日');
    expect(text.stdout).toContain(`合计（14个代表大会）：名额${s.total.quota}名，实有代表${s.total.count}名，缺额${s.total.vacancies}名`);
  });

  it('roster congresses lists each with level, term, quota, count and head hash', async () => {
    const r = await roster(db.url(), 'congresses');
    expect(r.stdout).toContain(`代表大会${PROVINCE.length}个`);
    const [head] = await db.sql("SELECT seq, hash FROM roster.stream_heads WHERE congress_id = 'city01'");
    expect(r.stdout).toContain(`city01（属 prov）\n  样例省第1市第九届人民代表大会，设区的市级，第九届（2021年1月至2025年12月），名额`);
    expect(r.stdout).toContain(`事件${head!.seq}条，最后一条的哈希：${head!.hash}`);
  });

  it('read models derived under other rules are derived afresh and stored again', async () => {
    const rules = copyRules();
    const file = path.join(rules, 'settings.json');
    const settings = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, `${JSON.stringify({ ...settings, $comment: 'changed' }, null, 2)}\n`);
    const before = await roster(db.url(), '--json', 'congresses', 'stats', '--as-of', '2024-06-30');
    const first = await roster(db.url(), '--rules', rules, '--json', 'congresses', 'stats', '--as-of', '2024-06-30');
    expect(first.stderr).toContain(`已按当前记录和规则重新生成${PROVINCE.length}个代表大会的统计表`);
    expect(first.stdout).toBe(before.stdout);
    const second = await roster(db.url(), '--rules', rules, 'congresses', 'stats', '--as-of', '2024-06-30');
    expect(second.stderr).toBe('');
    const refreshed = await roster(db.url(), 'db', 'refresh');
    expect(refreshed.stdout).toBe(
      `已重新生成${PROVINCE.length}个代表大会的统计表：${PROVINCE.map((c) => c.id)
        .sort()
        .join('、')}\n`,
    );
  });

  describe('one person across congresses, where the clerk says so', () => {
    it('links congress-local ids with a basis, shows them, and keeps an unlink on the record', async () => {
      const link = await roster(
        db.url(),
        'persons',
        'link',
        'zj-0001',
        'town0001:town0001-p1',
        'county001:county001-p5',
        '--basis',
        '身份证件核对',
      );
      expect(link.code, link.stderr).toBe(0);
      expect(link.stdout).toContain('人员 zj-0001：在2个代表大会的记录中');
      expect(link.stdout).toContain('county001：county001-p5（代表county001-p5）');
      const unlinked = await roster(db.url(), 'persons', 'unlink', 'county001:county001-p5', '--basis', '核对有误');
      expect(unlinked.code, unlinked.stderr).toBe(0);
      const shown = await roster(db.url(), '--json', 'persons', 'show', 'zj-0001');
      expect(JSON.parse(shown.stdout).linked.map((l: { congress: string }) => l.congress)).toEqual(['town0001']);
      const rows = await db.sql('SELECT person FROM roster.person_links ORDER BY id');
      expect(rows.map((r) => r.person)).toEqual(['zj-0001', 'zj-0001', null]);
    });

    it('refuses a person the congress does not record, and a link without a basis', async () => {
      const unknown = await roster(db.url(), 'persons', 'link', 'zj-0002', 'town0001:nobody', '--basis', '核对');
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('代表大会 town0001 的记录中没有编号为“nobody”的人员');
      const noBasis = await roster(db.url(), 'persons', 'link', 'zj-0002', 'town0001:town0001-p2');
      expect(noBasis.code).toBe(2);
    });

    it('a data file says links live in a database', async () => {
      const file = path.join(tempDir(), 'one.json');
      writeFileSync(file, JSON.stringify({ format: 'deputy-roster', schemaVersion: 2, events: [] }));
      const r = await roster(file, 'persons', 'show', 'zj-0001');
      expect(r.stderr).toContain('同一人在多个代表大会的关联只保存在数据库中');
    });
  });
});
