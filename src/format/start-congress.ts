/** `roster init`: the congress as it would be or was recorded, or every problem at once. */
import type { StartCongressResult } from '../app/start-congress.js';
import { describeProblem } from '../domain/roster-problems.js';

export function formatStart(r: StartCongressResult): string {
  if (!r.ok) {
    return [
      `发现问题${r.problems.length}项，未建立记录：`,
      ...r.problems.map((p) => `  ${p.place ? describeProblem(p.place) : `${p.where}：${p.message}`}`),
    ].join('\n');
  }
  const c = (r.event as Extract<typeof r.event, { type: 'CongressConstituted' }>).congress;
  const quota = c.quota !== undefined ? `代表名额${c.quota}名` : '没有固定的代表名额';
  const units = c.electingUnits.map((u) => `${u.name}${u.quota !== undefined ? `（${u.quota}名）` : ''}`).join('、');
  const out = [`${c.name}（${c.shortName}），${quota}；选举单位${c.electingUnits.length}个：${units}`];
  if (r.dryRun) out.push('试运行（--dry-run）：记录可以建立，实际未写入。');
  else {
    out.push(`已建立本届记录：${r.location}（第1条事件：本届人民代表大会）`);
    out.push('下一步：roster import-roster 代表名册.xlsx --session N 载入期初代表名册，或 roster record 变动登记表.xlsx 登记代表变动。');
  }
  return out.join('\n');
}
