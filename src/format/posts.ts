/** The cascade to posts and the oath list of a session, as the clerk reads them. */

import type { CascadeReport, OathReport } from '../app/roster-app.js';
import { chineseNumber, formatChineseDate } from '../domain/dates.js';
import type { Finding } from '../domain/findings.js';
import type { RosterState } from '../domain/roster.js';
import { ruleName } from '../domain/rule-name.js';
import { ACT_NAMES, endedHow, postName } from '../domain/status-names.js';
import type { TenureEnd } from '../domain/tenures.js';
import type { CascadeEntry, CascadeItem, OathDuty } from '../posts/analysis.js';

/** 依据：…〔核实程度 V〕；规则“…”: the rule by its title (its id is in --json). */
const basis = (f: Finding) => `依据：${f.citation.text}〔核实程度 ${f.citation.mark}〕；${ruleName(f)}`;

function endText(end: TenureEnd | undefined): string {
  if (!end) return '记录中没有该职务结束的记录';
  return `已由第${end.eventSeq}条事件（${endedHow(end)}）${end.date ? `于${formatChineseDate(end.date)}` : ''}结束`;
}

function itemLines(state: RosterState, i: CascadeItem): string[] {
  const requirement = i.requirement.finding?.outcome.params.label ?? '规则未要求代表身份';
  const c = i.consequence;
  const consequence =
    c?.outcome.type === 'post-ends'
      ? c.outcome.params.mode
      : c?.outcome.type === 'post-continues'
        ? c.outcome.params.label
        : '规则未规定连带后果';
  return [
    `  · ${postName(state, i.tenure.post)}：${requirement}${i.order === 2 ? '（以常委会组成人员身份为前提，第二层连带）' : ''} → ${consequence}`,
    ...(i.requirement.finding ? [`      职务要求${basis(i.requirement.finding)}`] : []),
    ...(c ? [`      后果${basis(c)}`] : []),
    `      记录：${endText(i.recordedEnd)}`,
  ];
}

function entryLines(state: RosterState, c: CascadeEntry): string[] {
  const head = `${c.name}（${c.label}${c.date ? `，${formatChineseDate(c.date)}` : ''}）`;
  if (c.items.length === 0) return [head, '  记录中没有其当时担任的职务。'];
  return [head, ...c.items.flatMap((i) => itemLines(state, i))];
}

export function formatCascade({ state, session, cascades }: CascadeReport): string {
  const out = [`常委会第${chineseNumber(session)}次会议：代表资格终止对所任职务的连带后果`, ''];
  if (cascades.length === 0) out.push('本次会议没有代表资格终止的代表。');
  for (const c of cascades) out.push(...entryLines(state, c), '');
  return out.join('\n').trimEnd();
}

const OATH_STATUS: Record<OathDuty['status'], string> = {
  taken: '已宣誓',
  'unnamed-ceremony': '会议记载已组织宣誓，但未列明宣誓人员',
  'not-recorded': '记录中尚无宣誓记录',
};

export function formatOaths({ state, session, owed, notOwed }: OathReport): string {
  const name = (id: string) => state.persons[id]?.name ?? id;
  const out = [`常委会第${chineseNumber(session)}次会议：任命人员的宪法宣誓`, '', `应当进行宪法宣誓：${owed.length}人`];
  owed.forEach((o, i) => {
    out.push(
      `  ${i + 1}. ${name(o.act.personId)}：${ACT_NAMES[o.act.act]}为${o.act.posts.map((p) => postName(state, p)).join('、')}（${formatChineseDate(o.act.date)}）`,
      `     组织：${o.finding.outcome.type === 'oath-owed' ? o.finding.outcome.params.organiser : ''}；${basis(o.finding)}`,
      `     记录：${OATH_STATUS[o.status]}${o.oath ? `（第${o.oath.seq}条事件）` : ''}`,
    );
  });
  const wordings = new Map<string, Finding>();
  for (const o of owed) if (o.wording?.outcome.type === 'oath-wording') wordings.set(o.wording.outcome.params.text, o.wording);
  for (const [text, f] of wordings) out.push('', `${f.outcome.params.label}（${basis(f)}）：`, `  ${text}`);
  if (owed.length > 0 && wordings.size === 0) out.push('', '誓词：宣誓之日施行的规则中没有誓词。');
  out.push('', `不进行宪法宣誓：${notOwed.length}人`);
  for (const { act, finding } of notOwed) {
    out.push(
      `  · ${name(act.personId)}（${ACT_NAMES[act.act]}）${finding ? `：${finding.outcome.params.label}；${basis(finding)}` : '：规则未规定宣誓义务'}`,
    );
  }
  return out.join('\n');
}
