/** The import report: every problem located, or what was (or would be) recorded. */

import type { ImportResult } from '../app/import-roster.js';
import { formatChineseDate } from '../domain/dates.js';
import { describeProblem } from '../domain/roster-problems.js';

function listByUnit(deputies: readonly { name: string; electingUnit: string }[], limit = 20): string[] {
  const units = new Map<string, string[]>();
  for (const d of deputies) units.set(d.electingUnit, [...(units.get(d.electingUnit) ?? []), d.name]);
  return [...units].map(
    ([unit, names]) => `  ${unit}（${names.length}名）：${names.slice(0, limit).join('、')}${names.length > limit ? ' 等' : ''}`,
  );
}

export function formatImport(r: ImportResult): string {
  const head = `文件：${r.file}，工作表“${r.sheet}”，代表${r.rows}行`;
  if (!r.ok) {
    return [head, `发现问题${r.problems.length}项，未写入任何记录：`, ...r.problems.map((p) => `  ${describeProblem(p)}`)].join('\n');
  }
  const { plan } = r;
  const b = plan.balance;
  const out = [head];
  out.push(
    b.stated === 'new'
      ? `期初实有代表：将记录第${b.session}次会议（${formatChineseDate(b.date)}）确认的实有代表${b.count}名`
      : b.stated === 'check'
        ? `核对：第${b.session}次会议（${formatChineseDate(b.date)}）时的实有代表${b.count}名，名册与记录一致`
        : `期初实有代表：第${b.session}次会议（${formatChineseDate(b.date)}）确认的${b.count}名，名册人数相符`,
  );
  out.push(`与记录中已有代表匹配（姓名与选举单位相同）：${plan.matched.length}名`);
  if (plan.matched.length > 0 && plan.matched.length <= 50) out.push(...listByUnit(plan.matched));
  out.push(`新登记并列入期初名册：${plan.added.length}名`);
  out.push(...listByUnit(plan.added));
  if (plan.skipped.length > 0) {
    out.push(`未载入（代表状态表明不计入实有代表）：${plan.skipped.length}名`);
    out.push(...plan.skipped.map((s) => `  第${s.row}行 ${s.name}（${s.electingUnit}）：${s.status}`));
  }
  if (plan.events.length === 0) out.push('名册与记录一致，无需写入。');
  else if (r.dryRun) out.push(`试运行（--dry-run）：将写入事件${plan.events.length}个，实际未写入。`);
  else out.push(`已写入事件${r.recorded.length}个（序号 ${r.recorded[0]!.seq}–${r.recorded[r.recorded.length - 1]!.seq}）。`);
  return out.join('\n');
}
