/** `roster record --dry-run`: what recording the events would change, as the console's 预览 shows it. */
import type { RecordPreview } from '../app/preview.js';
import { chineseNumber, formatChineseDate } from '../domain/dates.js';
import { EVENT_NAMES } from '../domain/event-names.js';

export function formatPreview(p: RecordPreview): string {
  const out: string[] = [];
  out.push(p.ok ? `预览（未写入）：${p.events.length}个事件可以记录` : `预览（未写入）：记录将拒绝这些事件（${p.refusals.length}个问题）`);
  for (const r of p.refusals) out.push(`  × ${r.message}`);
  if (p.before && p.after) {
    const at = p.after.session !== undefined ? `常委会第${chineseNumber(p.after.session)}次会议` : formatChineseDate(p.after.date);
    out.push(
      '',
      `${at}实有代表：${p.before.countAfter} → ${p.after.countAfter}（名额${p.after.quota}，缺额${p.before.vacanciesAfter} → ${p.after.vacanciesAfter}）`,
    );
  }
  const name = (id: string | undefined) => (id ? (p.names[id] ?? id) : '');
  if (p.findings.length > 0) out.push('', '规则认定：');
  for (const f of p.findings) {
    out.push(
      `  · ${name(f.personId)}：${f.outcome.params.label}（规则 ${f.ruleId}；依据 ${f.citation.text}〔${f.citation.mark}〕；生效日期 ${f.effectiveDate ? formatChineseDate(f.effectiveDate) : '不详'}）`,
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
  if (p.oathsOwed.length > 0) out.push('', '宪法宣誓：');
  for (const o of p.oathsOwed) out.push(`  · ${name(o.act.personId)}：${o.finding.outcome.params.label}（规则 ${o.finding.ruleId}）`);
  if (p.checks.length > 0) out.push('', '将出现的检查发现：');
  for (const c of p.checks) out.push(`  ${c.level === 'error' ? '错误' : '提示'}：${c.message}`);
  out.push(
    '',
    '将记录的事件：',
    ...p.events.map((e) => `  ${e.seq}. ${EVENT_NAMES[e.type]}${'personId' in e ? `：${name(e.personId)}` : ''}`),
  );
  return out.join('\n');
}
