/**
 * Consistency checks on posts, appointments and oaths (`roster check`, issue 3). The rules say what a
 * post requires, what is incompatible and what is owed; these checks hold the record against that.
 */
import { formatChineseDate, onOrBefore } from '../domain/dates.js';
import type { EventOf } from '../domain/events.js';
import { APPOINTING_ACTS } from '../domain/posts.js';
import { isCounted, latestMandate, type RosterState, statusOn } from '../domain/roster.js';
import { postName } from '../domain/status-names.js';
import { heldOn, type Tenure } from '../domain/tenures.js';
import type { Derivation } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import { type PostAnalysis, PostAnalyst } from '../posts/analysis.js';
import type { CheckFinding } from './check-finding.js';

export type PostCheckFinding = CheckFinding;

const who = (s: RosterState, id: string) => s.persons[id]?.name ?? id;

function organChecks(d: Derivation): PostCheckFinding[] {
  const out: PostCheckFinding[] = [];
  const known = new Set<string>();
  for (const e of d.events) {
    if (e.type === 'OrganRegistered') known.add(e.organId);
    const posts = e.type === 'PostHeld' || e.type === 'PostEnded' ? [e.post] : e.type === 'PersonnelDecided' ? e.posts : [];
    for (const p of posts) {
      if (!known.has(p.organId)) {
        out.push({
          level: 'error',
          code: 'unknown-organ',
          message: `第${e.seq}条事件（${e.type}）所指机关“${p.organId}”未登记（OrganRegistered）`,
          eventSeq: e.seq,
        });
      }
    }
  }
  for (const a of d.state.personnelActs) {
    const grouped = a.groupedAs?.reduce((x, y) => x + y, 0);
    if (grouped !== undefined && grouped !== a.posts.length) {
      out.push({
        level: 'error',
        code: 'post-grouping-mismatch',
        message: `第${a.seq}条事件：groupedAs 合计${grouped}项，与 posts 的${a.posts.length}项不符`,
        eventSeq: a.seq,
        personId: a.personId,
      });
    }
  }
  for (const u of d.state.unmatchedEnds) {
    out.push({
      level: 'error',
      code: 'post-not-held',
      message: `第${u.eventSeq}条事件结束${who(d.state, u.personId)}的“${postName(d.state, u.post)}”职务，但记录中此时没有其担任该职务的记录`,
      eventSeq: u.eventSeq,
      personId: u.personId,
    });
  }
  return out;
}

/**
 * Posts that depend on deputy status (or a standing-committee seat) still held, with no recorded end,
 * after it ended; and, as advice, posts a rule flags after a transfer out of the region.
 */
function cascadeChecks(d: Derivation, analysis: PostAnalysis): PostCheckFinding[] {
  const out: PostCheckFinding[] = [];
  for (const c of analysis.cascades) {
    for (const i of c.items.filter((x) => x.recordedEnd === undefined)) {
      const where = { eventSeq: i.tenure.startSeq, personId: c.personId };
      const post = postName(d.state, i.tenure.post);
      const f = i.consequence;
      if (f?.outcome.type === 'post-continues' && f.outcome.params.advisory) {
        out.push({
          ...where,
          level: 'warning',
          code: 'post-held-after-transfer',
          message: `${c.name}（${c.label}）仍担任“${post}”：${f.outcome.params.label}（${f.citation.text}）`,
        });
      }
      if (i.requirement.requirement === 'none') continue;
      const law = f?.outcome.type === 'post-ends' ? `依法${f.outcome.params.mode}（${f.citation.text}）` : '规则未使其自动终止';
      out.push({
        ...where,
        level: 'error',
        code: 'dependent-post-still-held',
        message: `${c.name}的代表资格已于${c.date ? formatChineseDate(c.date) : '（日期不详）'}终止（${c.label}），其“${post}”职务${i.requirement.finding?.outcome.params.label ?? ''}，${law}，但记录中没有该职务结束的记录`,
      });
    }
  }
  return out;
}

/** The agenda item of the event that made the person's deputy status valid on `date`, if it is on that date. */
function confirmedBeforeAct(d: Derivation, act: EventOf<'PersonnelDecided'>): boolean {
  const m = latestMandate(d.state, act.personId);
  if (!m || !isCounted(statusOn(m, act.date))) return false;
  const confirmation = m.history.filter((h) => h.status === 'valid' && h.from !== undefined && onOrBefore(h.from, act.date)).at(-1);
  if (!confirmation || confirmation.from !== act.date) return true;
  const event = d.events.find((e) => e.seq === confirmation.eventSeq);
  const item = event?.source.session === act.session ? event.source.item : undefined;
  return item === undefined || item < act.item;
}

async function appointmentChecks(d: Derivation, analyst: PostAnalyst, evaluator: Evaluator): Promise<PostCheckFinding[]> {
  const out: PostCheckFinding[] = [];
  const { state } = d;
  for (const act of state.personnelActs.filter((a) => APPOINTING_ACTS.has(a.act))) {
    const name = who(state, act.personId);
    for (const post of act.posts) {
      const tenure: Tenure = { personId: act.personId, post, from: act.date, startSeq: act.seq, end: undefined };
      const req = await analyst.requirementOf(tenure, act.date);
      const where = { eventSeq: act.seq, personId: act.personId };
      if (req.requirement === 'deputy' && !confirmedBeforeAct(d, act)) {
        out.push({
          ...where,
          level: 'error',
          code: 'appointment-requires-deputy',
          message: `第${act.seq}条事件任命${name}为“${postName(state, post)}”，该职务${req.finding?.outcome.params.label ?? ''}（${req.finding?.citation.text ?? ''}），但${formatChineseDate(act.date)}表决时其代表资格尚未有效`,
        });
      }
      if (req.requirement === 'standing-committee-member') {
        if (!(await holdsSeat(d, analyst, act.personId, (t) => heldOn(t, act.date)))) {
          out.push({
            ...where,
            level: 'error',
            code: 'appointment-requires-standing-committee-seat',
            message: `第${act.seq}条事件任命${name}为“${postName(state, post)}”，该职务${req.finding?.outcome.params.label ?? ''}（${req.finding?.citation.text ?? ''}），但记录中其此时不是常务委员会组成人员`,
          });
        }
      }
      const organ = state.organs[post.organId];
      const refused = await evaluator.ask(
        'appointment',
        { personnelAct: act.act, organKind: organ?.kind ?? null, postTitle: post.title },
        { ...where, date: act.date },
      );
      for (const f of refused.filter((x) => x.outcome.type === 'appointment-not-allowed')) {
        out.push({
          ...where,
          level: 'error',
          code: 'appointment-not-allowed',
          message: `第${act.seq}条事件任命${name}为“${postName(state, post)}”：${f.outcome.params.label}（${f.citation.text}）`,
        });
      }
    }
  }
  return out;
}

/** Whether the person holds a standing-committee seat (a 常委会 post the rules tie to deputy status) that passes `when`. */
async function holdsSeat(d: Derivation, analyst: PostAnalyst, personId: string, when: (t: Tenure) => boolean): Promise<boolean> {
  for (const t of d.state.tenures) {
    if (t.personId !== personId || d.state.organs[t.post.organId]?.kind !== 'standing-committee' || !when(t)) continue;
    if ((await analyst.requirementOf(t, t.from ?? t.end?.date)).requirement === 'deputy') return true;
  }
  return false;
}

/**
 * A post that needs a standing-committee seat (the 代表资格审查委员会) still open after the person's
 * seat ended by an act, where no termination of deputy status already reported it (legal brief D4).
 */
async function seatChecks(d: Derivation, analyst: PostAnalyst, reported: ReadonlySet<Tenure>): Promise<PostCheckFinding[]> {
  const out: PostCheckFinding[] = [];
  for (const t of d.state.tenures.filter((x) => x.end === undefined && !reported.has(x))) {
    const req = await analyst.requirementOf(t, t.from);
    if (req.requirement !== 'standing-committee-member') continue;
    if (await holdsSeat(d, analyst, t.personId, (s) => s.end === undefined)) continue;
    out.push({
      level: 'error',
      code: 'dependent-post-still-held',
      message: `${who(d.state, t.personId)}担任的“${postName(d.state, t.post)}”职务${req.finding?.outcome.params.label ?? ''}（${req.finding?.citation.text ?? ''}），但记录中其已不是常务委员会组成人员，且没有该职务结束的记录`,
      eventSeq: t.startSeq,
      personId: t.personId,
    });
  }
  return out;
}

/** Two tenures overlap when neither ended before the other began (unknown dates stretch to the open side). */
function overlap(a: Tenure, b: Tenure): boolean {
  const aEnd = a.end?.date;
  const bEnd = b.end?.date;
  return (
    (aEnd === undefined || b.from === undefined || onOrBefore(b.from, aEnd)) &&
    (bEnd === undefined || a.from === undefined || onOrBefore(a.from, bEnd))
  );
}

async function compatibilityChecks(d: Derivation, evaluator: Evaluator): Promise<PostCheckFinding[]> {
  const out: PostCheckFinding[] = [];
  const { state } = d;
  for (const a of state.tenures) {
    for (const b of state.tenures) {
      if (a === b || a.personId !== b.personId || !overlap(a, b)) continue;
      const date = [a.from, b.from, a.end?.date, b.end?.date].filter((x): x is string => x !== undefined).sort()[0];
      const found = await evaluator.ask(
        'compatibility',
        {
          organKind: state.organs[a.post.organId]?.kind ?? null,
          postTitle: a.post.title,
          otherOrganKind: state.organs[b.post.organId]?.kind ?? null,
          otherPostTitle: b.post.title,
        },
        { eventSeq: Math.max(a.startSeq, b.startSeq), personId: a.personId, date },
      );
      const f = found.find((x) => x.outcome.type === 'posts-incompatible');
      if (!f) continue;
      const open = a.end === undefined && b.end === undefined;
      out.push({
        level: open ? 'error' : 'warning',
        code: 'incompatible-posts',
        message: `${who(state, a.personId)}${open ? '同时担任' : '曾同时担任'}“${postName(state, a.post)}”和“${postName(state, b.post)}”：${f.outcome.params.label}（${f.citation.text}）${open ? '' : `；已由第${(a.end ?? b.end)!.eventSeq}条事件结束`}`,
        eventSeq: Math.max(a.startSeq, b.startSeq),
        personId: a.personId,
      });
    }
  }
  return out;
}

function oathChecks(d: Derivation, analysis: PostAnalysis): PostCheckFinding[] {
  const out: PostCheckFinding[] = [];
  const unnamed = new Map<EventOf<'OathTaken'>, string[]>();
  for (const duty of analysis.oathsOwed) {
    const name = who(d.state, duty.act.personId);
    if (duty.status === 'not-recorded') {
      out.push({
        level: 'warning',
        code: 'oath-not-recorded',
        message: `${name}经第${duty.act.session}次会议（${formatChineseDate(duty.act.date)}）任命，${duty.finding.outcome.params.label}（${duty.finding.citation.text}），记录中尚无其宣誓的记录`,
        eventSeq: duty.act.seq,
        personId: duty.act.personId,
      });
    }
    if (duty.status === 'unnamed-ceremony' && duty.oath) unnamed.set(duty.oath, [...(unnamed.get(duty.oath) ?? []), name]);
  }
  for (const [oath, names] of unnamed) {
    const seq = oath.seq;
    out.push({
      level: 'warning',
      code: 'oath-names-not-recorded',
      message: `第${seq}条事件记载${formatChineseDate(oath.date)}组织了宪法宣誓（${oath.participants ?? '未列人员'}），但未列明宣誓人员；应宣誓的${names.length}人无法逐一核实：${names.join('、')}`,
      eventSeq: seq,
    });
  }
  return out;
}

/** All post checks over the record. */
export async function postChecks(d: Derivation, evaluator: Evaluator, analysis: PostAnalysis): Promise<PostCheckFinding[]> {
  const analyst = new PostAnalyst(d, evaluator);
  const reported = new Set(analysis.cascades.flatMap((c) => c.items.map((i) => i.tenure)));
  return [
    ...organChecks(d),
    ...cascadeChecks(d, analysis),
    ...(await seatChecks(d, analyst, reported)),
    ...(await appointmentChecks(d, analyst, evaluator)),
    ...(await compatibilityChecks(d, evaluator)),
    ...oathChecks(d, analysis),
  ];
}
