/** `roster record --dry-run`: what recording the events would change, as the console's 预览 shows it. */
import type { Preview } from '../app/preview.js';
import { describeCheck } from '../checks/describe-check.js';
import { formatChineseDate } from '../domain/dates.js';
import { EVENT_NAMES } from '../domain/event-names.js';
import { STATUS_NAMES } from '../domain/status-names.js';

export function formatPreview(p: Preview): string {
  const out: string[] = [];
  out.push(p.refusal ? `预览（未写入）：记录将拒绝这些事件` : `预览（未写入）：${p.events.length}个事件可以记录`);
  // Every event refused, each at its place; a record that does not verify is refused as a whole.
  if (p.refusals.length > 0) out.push(...p.refusals.map((r) => `  × ${r.where}：${r.message}`));
  else if (p.refusal) out.push(`  × ${p.refusal.message}`);
  const h = p.headcount;
  out.push('', `${formatChineseDate(p.asOf)}实有代表：${h.before} → ${h.after}${h.quota !== undefined ? `（名额${h.quota}）` : ''}`);
  if (p.statusChanges.length > 0) out.push('', '代表资格的变化：');
  for (const c of p.statusChanges) {
    const rule = c.finding ? `（规则 ${c.finding.ruleId}；依据 ${c.finding.citation.text}〔${c.finding.citation.mark}〕）` : '';
    out.push(
      `  · ${c.name}（${c.electingUnit}）：${c.from ? STATUS_NAMES[c.from] : '无'} → ${STATUS_NAMES[c.to]}，${c.date ? formatChineseDate(c.date) : '日期不详'}${rule}`,
    );
  }
  const items = p.cascades.flatMap((c) => c.items.map((i) => ({ c, i })));
  if (items.length > 0) out.push('', '所任职务：');
  for (const { c, i } of items) {
    const rule = i.consequence
      ? `${i.consequence.outcome.params.label}（规则 ${i.consequence.ruleId}；依据 ${i.consequence.citation.text}）`
      : '没有适用的规则';
    out.push(`  · ${c.name}：${i.organName}${i.tenure.post.title}，${rule}`);
  }
  if (p.oaths.owed.length > 0) out.push('', '宪法宣誓：');
  for (const o of p.oaths.owed) out.push(`  · ${o.act.personId}：${o.finding.outcome.params.label}（规则 ${o.finding.ruleId}）`);
  if (p.checks.length > 0) out.push('', '将出现的检查发现：');
  for (const c of p.checks) out.push(`  ${c.level === 'error' ? '错误' : '提示'}：${describeCheck(c)}`);
  out.push('', '将记录的事件：', ...p.events.map((e) => `  ${e.seq}. ${EVENT_NAMES[e.type]}`));
  return out.join('\n');
}
