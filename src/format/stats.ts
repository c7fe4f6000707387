/** `roster stats` and `roster congresses` as the clerk reads them. */
import type { CongressListing } from '../app/congresses-app.js';
import type { Figures, Stats } from '../app/stats.js';
import type { GroundCount } from '../domain/congress-summary.js';
import { chineseNumber, formatChineseDate } from '../domain/dates.js';
import type { CongressLevel } from '../domain/events.js';

export const LEVEL_NAMES: Record<CongressLevel, string> = {
  national: '全国',
  provincial: '省级',
  municipal: '设区的市级',
  county: '县级',
  township: '乡镇级',
};

const grounds = (list: readonly GroundCount[]) => list.map((g) => `${g.label}${g.count}名`).join('，');

function line(f: Figures): string {
  const ended = f.terminated > 0 ? `；代表资格终止${f.terminated}名（${grounds(f.terminations)}）` : '；代表资格终止0名';
  const quota = f.quota === undefined ? '名额不定' : `名额${f.quota}名`;
  return `${quota}，实有代表${f.count}名${f.vacancies === undefined ? '' : `，缺额${f.vacancies}名`}${ended}`;
}

/** One section per part of the result: the totals, by area, by congress (a structure section can join them). */
export function formatStats(s: Stats): string {
  const level = s.level ? `${LEVEL_NAMES[s.level]}人民代表大会` : '各级人民代表大会';
  const out = [`代表名额与实有代表统计：${level}，截至${formatChineseDate(s.asOf)}`, ''];
  if (s.total.congresses === 0) return [...out, '没有符合条件的代表大会。'].join('\n');
  out.push(`合计（${s.total.congresses}个代表大会）：${line(s.total)}`, '', '按地区：');
  for (const a of s.areas) out.push(`  ${a.area}（${a.congresses}个代表大会）：${line(a)}`);
  out.push('', '按代表大会：');
  for (const c of s.congresses) out.push(`  ${c.name}（${c.id}，${c.area}）：${line(c)}`);
  return out.join('\n');
}

export function formatCongresses(l: CongressListing): string {
  if (l.congresses.length === 0) return '还没有代表大会。';
  const out = [`代表大会${l.congresses.length}个（实有代表截至${formatChineseDate(l.asOf)}）：`];
  for (const c of l.congresses) {
    const k = c.congress;
    const term = k
      ? `第${chineseNumber(k.termNumber)}届${k.termStart || k.termEnd ? `（${k.termStart ? formatChineseDate(k.termStart) : '？'}至${k.termEnd ? formatChineseDate(k.termEnd) : '？'}）` : ''}`
      : '';
    const what = k
      ? `${k.name}，${LEVEL_NAMES[k.level]}，${term}，${k.quota === undefined ? '名额不定' : `名额${k.quota}名`}，实有代表${c.count ?? '？'}名`
      : '（记录中尚无本届人民代表大会的基本信息）';
    out.push(
      '',
      `${c.id}${c.within ? `（属 ${c.within}）` : ''}`,
      `  ${what}`,
      `  事件${c.head.seq}条，最后一条的哈希：${c.head.seq > 0 ? c.head.hash : '（无）'}`,
    );
  }
  return out.join('\n');
}
