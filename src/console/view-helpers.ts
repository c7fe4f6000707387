/**
 * What every page template may call: dates, statuses, event types and citations in the clerk's words.
 * Templates escape every interpolation (Eta's default); these helpers return plain text.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { describeCheck } from '../checks/describe-check.js';
import { formatBeijingTime } from '../domain/beijing-time.js';
import type { CheckFinding } from '../domain/check-findings.js';
import { chineseNumber, formatChineseDate } from '../domain/dates.js';
import { DRAFT_STATUS_NAMES, type DraftStatus } from '../domain/drafts.js';
import { EVENT_NAMES } from '../domain/event-names.js';
import type { EventType, RosterEvent } from '../domain/events.js';
import type { Finding } from '../domain/findings.js';
import type { PersonnelAct } from '../domain/posts.js';
import type { MandateStatus, RosterState } from '../domain/roster.js';
import { ruleName } from '../domain/rule-name.js';
import { ACT_NAMES, endedHow, postName, STATUS_NAMES } from '../domain/status-names.js';
import { factsText } from '../format/facts.js';
import { FIELD_NAMES } from '../ledger/headcount.js';

export const HELPERS = {
  day: (date: string | undefined) => (date ? formatChineseDate(date) : '日期不详'),
  time: (iso: string | undefined) => (iso ? formatBeijingTime(iso) : ''),
  status: (s: MandateStatus | undefined) => (s ? STATUS_NAMES[s] : '无代表资格记录'),
  type: (t: string) => EVENT_NAMES[t as EventType] ?? t,
  act: (a: string) => ACT_NAMES[a as PersonnelAct] ?? a,
  ended: endedHow,
  /** A check finding's sentence, from the formatter `roster check` uses. */
  check: (f: CheckFinding) => describeCheck(f),
  field: (f: keyof typeof FIELD_NAMES) => FIELD_NAMES[f],
  /** What a personnel act or a post record names: 接受辞职：宁波市人大常委会委员、… */
  posts: (state: RosterState, e: RosterEvent) => {
    if (e.type === 'PersonnelDecided') return `${ACT_NAMES[e.act]}：${e.posts.map((p) => postName(state, p)).join('、')}`;
    if (e.type === 'PostHeld' || e.type === 'PostEnded') return postName(state, e.post);
    return '';
  },
  draftStatus: (s: DraftStatus) => DRAFT_STATUS_NAMES[s],
  session: (n: number | undefined) => (n === undefined ? '' : `第${chineseNumber(n)}次会议`),
  citation: (f: Finding) => `${f.citation.text}〔核实程度 ${f.citation.mark}〕`,
  /** 规则“…”: a rule by its title, as the CLI names it (the id goes in a hover title). */
  rule: (f: { readonly title: string }) => ruleName(f),
  /** The facts a rule tested, in the clerk's words (as `explain` prints them). */
  facts: (f: Finding) => factsText(f.facts),
  pct: (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0),
  /** A query string from the non-empty values (for filter links). */
  query: (values: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') q.set(k, String(v));
    const s = q.toString();
    return s ? `?${s}` : '';
  },
};

export type Helpers = typeof HELPERS;

/** Renders a page inside the layout: the account, a fresh CSRF token for its forms, a one-time message. */
export async function page(req: FastifyRequest, reply: FastifyReply, template: string, title: string, data: Record<string, unknown> = {}) {
  const flash = req.session.flash;
  if (flash) req.session.flash = undefined;
  reply.header('Cache-Control', 'no-store');
  return reply.view(template, { title, actor: req.actor, csrfToken: reply.generateCsrf(), flash, h: HELPERS, path: req.url, ...data });
}

/** After a form that changed something: a message for the next page, and the page to go to (303: GET it). */
export function redirectWith(req: FastifyRequest, reply: FastifyReply, to: string, text: string, kind: 'ok' | 'error' = 'ok') {
  req.session.flash = { kind, text };
  return reply.redirect(to, 303);
}
