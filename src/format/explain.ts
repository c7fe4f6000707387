/** Everything the record and the rules say about one person. */

import { formatChineseDate } from '../domain/dates.js';
import { EVENT_NAMES } from '../domain/event-names.js';
import { endedHow, STATUS_NAMES } from '../domain/status-names.js';
import type { PersonExplanation } from '../views/explain.js';
import { recorded } from './audit.js';
import { factsText } from './facts.js';

const ORIGIN_NAMES = {
  'opening-balance': '期初名册（按会议确认的实有代表）',
  general: '选举产生',
  'by-election': '补选产生',
  'session-election': '会议选举产生',
  succession: '递补',
} as const;

export function formatExplain(x: PersonExplanation): string {
  const out = [`${x.name}（编号 ${x.personId}）`];
  if (x.person?.type === 'PersonRegistered' && x.person.affiliation) out.push(`工作单位及职务：${x.person.affiliation}`);
  if (x.mandates.length === 0) out.push('', '本届没有代表资格记录。');
  for (const m of x.mandates) {
    out.push(
      '',
      `代表资格：${m.electingUnit ?? '（选举单位不详）'}选举单位，${ORIGIN_NAMES[m.origin]}${m.electedBy ? `（${m.electedBy}）` : ''}`,
    );
    for (const h of m.history) {
      out.push(`  ${h.from ? formatChineseDate(h.from) : '日期不详'}起：${STATUS_NAMES[h.status]}（第${h.eventSeq}条事件）`);
    }
  }
  if (x.findings.length > 0) out.push('', '规则认定：');
  for (const f of x.findings) {
    out.push(
      `  · ${f.outcome.params.label}`,
      `    规则：${f.title}`,
      `    依据：${f.citation.text}〔核实程度 ${f.citation.mark}〕`,
      `    生效日期：${f.effectiveDate ? formatChineseDate(f.effectiveDate) : '不详'}${f.dateFromSource ? '（事件本身未载明日期，取来源文件日期）' : ''}`,
      `    事实：${factsText(f.facts)}`,
    );
  }
  if (x.posts.length > 0) out.push('', '所任职务：');
  for (const t of x.posts) {
    const from = t.from ? `${formatChineseDate(t.from)}起` : '起始日期不详';
    const end = t.end
      ? `，第${t.end.eventSeq}条事件（${endedHow(t.end)}）${t.end.date ? `于${formatChineseDate(t.end.date)}` : ''}结束`
      : '，现任';
    out.push(`  · ${t.name}（${from}${end}）`);
  }
  if (x.postFindings.length > 0) out.push('', '职务与宣誓的规则认定：');
  for (const f of x.postFindings) {
    const about = `第${f.eventSeq}条事件${f.facts.postTitle ? `，${f.facts.postTitle}` : ''}`;
    out.push(
      `  · ${f.outcome.params.label}（${about}）`,
      `    规则：${f.title}`,
      `    依据：${f.citation.text}〔核实程度 ${f.citation.mark}〕`,
    );
  }
  out.push('', '记录的事件：');
  for (const e of x.events) {
    out.push(
      `  #${e.seq} ${EVENT_NAMES[e.type]}：《${e.source.title}》${e.source.date ? `（${formatChineseDate(e.source.date)}）` : ''}；${recorded(e)}`,
    );
  }
  return out.join('\n');
}
