/**
 * The electing units of the 16th Ningbo congress: the ten people's congresses of its districts,
 * counties and county-level cities (选举法 2020 Art. 3; the gazette's 10个区（县、市）), recorded as a
 * correction of the congress event, so that a real roster loads; the seed's own events are unchanged.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { roster } from '../support/roster-cli.js';
import { SEED_DATA, tempDir } from '../support/scenario.js';
import { rowOf, writeWorkbook } from '../support/workbooks.js';

const TEN = ['海曙区', '江北区', '镇海区', '北仑区', '鄞州区', '奉化区', '余姚市', '慈溪市', '宁海县', '象山县'];
const seed = JSON.parse(readFileSync(SEED_DATA, 'utf8')) as { events: Record<string, unknown>[] };

const KNOWN = [
  ['朱欢', '江北区'],
  ['徐伟斌', '镇海区'],
  ['何国强', '余姚市'],
  ['王安静', '象山县'],
  ['莫鼎革', '象山县'],
  ['陈庆丰', '镇海区'],
  ['黄利琴', '鄞州区'],
  ['马荧波', '慈溪市'],
].map(([name, unit]) => ({ name: name!, unit: unit! }));

function seedCopy(): { dir: string; db: string } {
  const dir = tempDir('roster-units-');
  const db = path.join(dir, 'roster.json');
  writeFileSync(db, readFileSync(SEED_DATA));
  return { dir, db };
}

describe('the embedded record of the 16th Ningbo congress', () => {
  it('keeps event 1 as the seed recorded it and corrects it with the ten units, citing the election law', () => {
    const first = seed.events[0] as { type: string; congress: { electingUnits: { name: string }[] } };
    expect(first.type).toBe('CongressConstituted');
    expect(first.congress.electingUnits).toHaveLength(6);
    const correction = seed.events.find((e) => e.type === 'EventCorrected' && e.supersedes === 1) as {
      reason: string;
      replacement: { congress: { electingUnits: { name: string; quota?: number }[]; quota: number } };
    };
    expect(correction.reason).toContain('选举法（2020年修正）第三条');
    expect(correction.replacement.congress.electingUnits.map((u) => u.name)).toEqual(TEN);
    // No quota was found published for any unit: none is recorded.
    expect(correction.replacement.congress.electingUnits.every((u) => u.quota === undefined)).toBe(true);
    expect(correction.replacement.congress.quota).toBe(495);
  });

  it('loads a roster of the 484 deputies spread over all ten units, 北仑区, 海曙区, 奉化区 and 宁海县 among them', async () => {
    const { dir, db } = seedCopy();
    const others = Array.from({ length: 476 }, (_, i) => ({ name: `测试代表${i + 1}`, unit: TEN[i % TEN.length]! }));
    const file = await writeWorkbook(dir, { rows: [...KNOWN, ...others].map(rowOf) });
    const r = await roster(db, 'import-roster', file, '--dry-run');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).not.toContain('不是本届的选举单位');
    for (const unit of ['北仑区', '海曙区', '奉化区', '宁海县']) expect(r.stdout, unit).toContain(unit);
  });

  it('refuses a unit no source names for this congress, such as the army’s, naming the row', async () => {
    const { dir, db } = seedCopy();
    const others = Array.from({ length: 476 }, (_, i) => ({ name: `测试代表${i + 1}`, unit: i === 0 ? '驻甬部队' : TEN[i % TEN.length]! }));
    const file = await writeWorkbook(dir, { rows: [...KNOWN, ...others].map(rowOf) });
    const r = await roster(db, 'import-roster', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('选举单位“驻甬部队”不是本届的选举单位');
  });
});
