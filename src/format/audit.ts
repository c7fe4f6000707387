/** The audit queries as the clerk reads them. */

import type { FoundMembers } from '../app/find.js';
import { formatBeijingTime } from '../domain/beijing-time.js';
import { chineseNumber, formatChineseDate } from '../domain/dates.js';
import { EVENT_NAMES } from '../domain/event-names.js';
import type { Finding } from '../domain/findings.js';
import type { RosterState } from '../domain/roster.js';
import { ruleAndCitation, ruleName } from '../domain/rule-name.js';
import { ACT_NAMES, endedHow, postName, STATUS_NAMES } from '../domain/status-names.js';
import type { Change, Diff, LogEntry, PersonHistory, ResolvedTarget } from '../views/audit.js';
import type { PostCause, PostChange, PostHolding } from '../views/post-changes.js';

const when = (t: ResolvedTarget) =>
  t.session !== undefined ? `常委会第${chineseNumber(t.session)}次会议（${formatChineseDate(t.date)}）` : formatChineseDate(t.date);
const day = (date: string | undefined) => (date ? formatChineseDate(date) : '日期不详');

export function formatMembers(m: FoundMembers): string {
  const out = [`${when(m)}实有代表：${m.count}名`];
  if (m.unnamed > 0) out.push(`（其中${m.unnamed}名为会议确认的实有代表，记录未逐一列明姓名）`);
  if (m.filter) {
    const asked = [m.filter.unit, m.filter.query !== undefined ? `“${m.filter.query}”` : undefined].filter(Boolean).join('、');
    out.push(m.filter.shown > 0 ? `其中与${asked}相符、记录列明姓名的：${m.filter.shown}名` : `记录列明姓名的代表中没有与${asked}相符的。`);
  }
  for (const u of m.units) {
    out.push('', `${u.unit ?? '选举单位不详'}（记录列明${u.members.length}名）：`);
    for (const p of u.members) {
      const notes = [
        p.status === 'suspended' ? STATUS_NAMES.suspended : '',
        p.affiliation ? `工作单位及职务：${p.affiliation}` : '',
      ].filter(Boolean);
      out.push(`  ${p.name}${notes.length > 0 ? `（${notes.join('；')}）` : ''}`);
      for (const h of p.posts) out.push(`    职务：${holdingLine(h)}`);
    }
  }
  return out.join('\n');
}

const session = (n: number) => `常委会第${chineseNumber(n)}次会议`;
/** The rule by its Chinese name (its title; the id stays in --json) and the citation in force. */
const rule = ruleAndCitation;

/** 任命（因到龄退休，常委会第十九次会议，第88条）; 相应终止（随第110条的代表资格终止；规则 …）. */
function causeText(c: PostCause, finding?: Finding): string {
  switch (c.kind) {
    case 'act':
      return `${ACT_NAMES[c.act]}（${[c.reason, session(c.session), `第${c.eventSeq}条`].filter(Boolean).join('，')}）`;
    case 'recorded':
      return c.type === 'PostHeld'
        ? `（记录载明现任，第${c.eventSeq}条）`
        : `${c.how}（第${c.eventSeq}条${finding ? `；${rule(finding)}` : ''}）`;
    case 'cascade':
      return `${finding?.outcome.type === 'post-ends' ? finding.outcome.params.mode : '相应终止'}（随第${c.eventSeq}条的代表资格终止；${finding ? `${rule(finding)}；` : ''}记录中尚无该职务结束的记录）`;
  }
}

/** 2024年7月31日任命（…）; for a post as the record found it, 2020年1月起 or 起始日期不详 (…). */
function sinceText(date: string | undefined, cause: PostCause): string {
  if (cause.kind === 'recorded' && cause.type === 'PostHeld')
    return `${date ? `${formatChineseDate(date)}起` : '起始日期不详'}${causeText(cause)}`;
  return `${day(date)}${causeText(cause)}`;
}

function holdingLine(h: PostHolding): string {
  return `${h.postName}，${sinceText(h.from, h.started)}`;
}

function postChangeLine(c: PostChange): string {
  if (c.cause.kind === 'recorded' && c.cause.type === 'PostHeld') return `  ${c.name}：${c.postName}，${sinceText(c.date, c.cause)}`;
  const date = c.date ? `${formatChineseDate(c.date)}${c.dateFromSource ? '（取来源文件日期）' : ''}` : '日期不详';
  return `  ${c.name}：${c.postName}，${date}${causeText(c.cause, c.finding)}`;
}

/** The posts an entry records or decides, under its timeline line. */
function postDetail(state: RosterState, e: LogEntry): string[] {
  const ev = e.event;
  if (ev.type === 'PersonnelDecided') {
    return [
      `    ${ACT_NAMES[ev.act]}：${ev.posts.map((p) => postName(state, p)).join('、')}（${[ev.reason, session(ev.session)].filter(Boolean).join('，')}）`,
    ];
  }
  if (ev.type === 'PostHeld')
    return [`    现任职务：${postName(state, ev.post)}（${ev.since ? `${formatChineseDate(ev.since)}起` : '起始日期不详'}）`];
  if (ev.type === 'PostEnded') return [`    职务结束：${postName(state, ev.post)}（${ev.how}）`];
  if (ev.type === 'OathTaken') return [`    宪法宣誓${ev.participants ? `：${ev.participants}` : ''}`];
  return [];
}

/** 记录人 张三，记录于 2024-07-31 10:05（北京时间）: the stamp as stored is ISO with its offset (in --json). */
export function recorded(e: { readonly recordedBy: string; readonly recordedAt: string }): string {
  return `${e.recordedBy} 记录于 ${formatBeijingTime(e.recordedAt)}（北京时间）`;
}

export function formatLogEntry(e: LogEntry): string {
  const who = e.persons.length > 0 ? ` ${e.persons.map((p) => p.name).join('、')}` : '';
  const lines = [`#${e.seq} ${EVENT_NAMES[e.type]}${who}，${day(e.date)}；《${e.source.title}》；${recorded(e)}`];
  if (e.corrects) {
    lines.push(
      `    更正第${e.corrects.seq}条：${e.corrects.reason}${e.corrects.replacement ? `（以“${EVENT_NAMES[e.corrects.replacement]}”替代）` : '（撤回，不替代）'}`,
    );
  }
  if (e.supersededBy.length > 0) lines.push(`    已被第${e.supersededBy.join('、')}条更正`);
  return lines.join('\n');
}

export function formatLog(entries: readonly LogEntry[]): string {
  return entries.length === 0 ? '没有符合条件的记录。' : [...entries.map(formatLogEntry), '', `共${entries.length}条。`].join('\n');
}

export function formatHistory(h: PersonHistory & { readonly state: RosterState }): string {
  const { state } = h;
  const out = [`${h.name}（编号 ${h.personId}）的记录`];
  for (const m of h.mandates) {
    out.push('', `代表资格（${m.electingUnit ?? '选举单位不详'}）：`);
    for (const c of m.history) out.push(`  ${day(c.from)}起：${STATUS_NAMES[c.status]}（第${c.eventSeq}条）`);
  }
  if (h.posts.length > 0) out.push('', '所任职务：');
  for (const t of h.posts) {
    const end = t.end
      ? `，${t.end.date ? formatChineseDate(t.end.date) : '日期不详'}${endedHow(t.end)}（第${t.end.eventSeq}条）`
      : '，现任';
    out.push(`  ${t.name}：${t.from ? `${formatChineseDate(t.from)}起` : '起始日期不详'}（第${t.startSeq}条）${end}`);
  }
  out.push('', '时间线（按记录顺序）：');
  for (const e of h.entries) {
    out.push(formatLogEntry(e), ...postDetail(state, e));
    for (const f of e.findings) out.push(`    认定：${f.outcome.params.label}；${rule(f)}`);
    for (const p of e.postFindings)
      out.push(`    认定：${p.finding.outcome.params.label}${p.post ? `（${p.post}）` : ''}；${rule(p.finding)}`);
  }
  return out.join('\n');
}

function changeLine(c: Change): string {
  const why = c.finding
    ? `${c.finding.outcome.params.label}（${ruleName(c.finding)}；依据 ${c.finding.citation.text}）`
    : c.to
      ? STATUS_NAMES[c.to]
      : '';
  return `  ${c.name}（${c.electingUnit ?? '选举单位不详'}），${day(c.date)}：${why}`;
}

export function formatDiff(x: Diff): string {
  const out = [`从${when(x.from)}到${when(x.to)}：实有代表 ${x.from.count}名 → ${x.to.count}名`];
  out.push('', `新增代表：${x.came.length}名`, ...x.came.map(changeLine));
  out.push('', `离开代表：${x.left.length}名`, ...x.left.map(changeLine));
  if (x.statusChanged.length > 0)
    out.push('', `状态变化（仍计入实有代表）：${x.statusChanged.length}名`, ...x.statusChanged.map(changeLine));
  out.push('', `新任职务：${x.posts.gained.length}项`, ...x.posts.gained.map(postChangeLine));
  out.push('', `卸任职务：${x.posts.lost.length}项`, ...x.posts.lost.map(postChangeLine));
  return out.join('\n');
}
