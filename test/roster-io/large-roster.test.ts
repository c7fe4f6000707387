import { describe, expect, it } from 'vitest';
import { congress, session } from '../support/builders.js';
import { freshStore, roster } from '../support/roster-cli.js';
import { tempDir } from '../support/scenario.js';
import { rowOf, writeWorkbook } from '../support/workbooks.js';

const UNITS = Array.from({ length: 20 }, (_, i) => `第${i + 1}选区`);

describe('a roster of 10,000 deputies', () => {
  it('loads in one all-or-nothing step, and the headcount counts every one of them', async () => {
    const dir = tempDir('roster-large-');
    const db = await freshStore(
      [congress({ quota: 10_000, units: UNITS.map((name) => ({ name, quota: 500 })) }), session(1, '2026-01-10')],
      dir,
    );
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      rowOf(
        { name: `代表${i + 1}`, unit: UNITS[i % UNITS.length]!, gender: i % 2 ? '女' : '男', birth: 25_000 + (i % 5000), party: '群众' },
        i + 1,
      ),
    );
    const file = await writeWorkbook(dir, { rows });
    const r = await roster(db, 'import-roster', file, '--session', '1');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('新登记并列入期初名册：10000名');
    expect(r.stderr, 'no progress bar when output is not a terminal').toBe('');
    const h = JSON.parse((await roster(db, 'headcount', '--session', '1', '--json')).stdout);
    expect(h.countAfter).toBe(10_000);
    expect(h.byUnit.every((u: { countAfter: number; vacancies: number }) => u.countAfter === 500 && u.vacancies === 0)).toBe(true);
  });
});
