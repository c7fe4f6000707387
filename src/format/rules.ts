/**
 * `roster rules` as the clerk reads it: each rule by its title, where it comes from, and each citation
 * with its period, levels and rule file (the ids are in --json).
 */

import type { ListedVersion, RuleListing } from '../app/roster-app.js';
import { formatChineseDate } from '../domain/dates.js';

const LEVELS: Record<string, string> = { national: '全国', provincial: '省级', municipal: '设区的市级', county: '县级', township: '乡级' };

function period(v: ListedVersion): string {
  if (!v.from && !v.to) return '';
  return `${v.from ? formatChineseDate(v.from) : ''}至${v.to ? formatChineseDate(v.to) : '今'}`;
}

function version(v: ListedVersion): string {
  const where = v.levels ? `，适用于${v.levels.map((l) => LEVELS[l] ?? l).join('、')}人大` : '';
  const from = v.region ? `，${v.region}规则` : '';
  const when = period(v);
  return `    - ${v.citation} [${v.mark}]${when ? `（${when}${where}${from}）` : where || from ? `（${`${where}${from}`.slice(1)}）` : ''}  ${v.file}`;
}

export function formatRules(l: RuleListing): string {
  const head = l.region
    ? `${l.region.name}人大及其所辖${l.region.areas.join('、')}等地人大适用的规则（全国规则，加上${l.region.shortName}规则 ${l.region.file}）`
    : `全国规则（不属于任何有省级规则的省份时适用）；有省级规则的省份：${l.regions.join('、') || '无'}（--region 查看）`;
  const lines = [head + (l.date ? `，${formatChineseDate(l.date)}施行的依据` : '')];
  const section = (origin: string, title: string) => {
    const rules = l.rules.filter((r) => r.origin === origin);
    if (rules.length === 0) return;
    lines.push('', `${title}（${rules.length}条）：`);
    for (const r of rules) {
      lines.push(`  ${r.title}${r.overrides ? `（覆盖 ${r.overrides}；未被覆盖的期间和层级仍依全国规则）` : ''}`);
      lines.push(...r.versions.map(version));
    }
  };
  section('overridden', `被${l.region?.shortName ?? ''}规则覆盖的全国规则`);
  section('regional', `${l.region?.shortName ?? ''}规则新增`);
  section('national', l.region ? '照常适用的全国规则' : '规则');
  return lines.join('\n');
}
