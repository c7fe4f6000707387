/**
 * Consistency checks on posts, appointments and oaths (`roster check`, issue 3). The rules say what a
 * post requires, what is incompatible and what is owed; these checks hold the record against that.
 */

import { type CheckFinding, checkFinding } from '../domain/check-findings.js';
import { onOrBefore } from '../domain/dates.js';
import type { EventOf } from '../domain/events.js';
import { groupBy } from '../domain/group-by.js';
import { APPOINTING_ACTS } from '../domain/posts.js';
import { isCounted, latestMandate, type RosterState, statusOn } from '../domain/roster.js';
import { postName } from '../domain/status-names.js';
import { heldOn, type Tenure } from '../domain/tenures.js';
import type { Derivation } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import { type PostAnalysis, PostAnalyst } from '../posts/analysis.js';
import { customaryBasisNotes, permissionChecks } from './law-notes.js';

const who = (s: RosterState, id: string) => s.persons[id]?.name ?? id;

/** An act or record that ends a post the record does not show the person holding. */
function unheldEndChecks(d: Derivation): CheckFinding[] {
  return d.state.unmatchedEnds.map((u) =>
    checkFinding(
      'post-not-held',
      'error',
      { eventSeqs: [u.eventSeq], personIds: [u.personId] },
      { name: who(d.state, u.personId), post: postName(d.state, u.post) },
    ),
  );
}

/**
 * Posts that depend on deputy status (or a standing-committee seat) still held, with no recorded end,
 * after it ended; and, as advice, posts a rule flags after a transfer out of the region.
 */
function cascadeChecks(d: Derivation, analysis: PostAnalysis): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const c of analysis.cascades) {
    for (const i of c.items.filter((x) => x.recordedEnd === undefined)) {
      const about = { eventSeqs: [i.tenure.startSeq], personIds: [c.personId] };
      const post = postName(d.state, i.tenure.post);
      const f = i.consequence;
      if (f?.outcome.type === 'post-continues' && f.outcome.params.advisory) {
        out.push(
          checkFinding(
            'post-held-after-transfer',
            'warning',
            about,
            { name: c.name, termination: c.label, post, label: f.outcome.params.label },
            f,
          ),
        );
      }
      // A post that needs no deputy status still ends where a rule says so (death, deprivation of political rights).
      if (i.requirement.requirement === 'none' && f?.outcome.type !== 'post-ends') continue;
      const ends = f?.outcome.type === 'post-ends' ? f : undefined;
      out.push(
        checkFinding(
          'dependent-post-still-held',
          'error',
          about,
          {
            kind: 'cascade',
            name: c.name,
            date: c.date,
            termination: c.label,
            post,
            requirement: i.requirement.finding?.outcome.params.label,
            mode: ends?.outcome.type === 'post-ends' ? ends.outcome.params.mode : undefined,
          },
          ends,
        ),
      );
    }
  }
  return out;
}

/** The agenda item of the event that made the person's deputy status valid on `date`, if it is on that date. */
function confirmedBeforeAct(d: Derivation, act: EventOf<'PersonnelDecided'>): boolean {
  const m = latestMandate(d.state, act.personId);
  if (!m || !isCounted(d.state, statusOn(m, act.date))) return false;
  const confirmation = m.history.filter((h) => h.status === 'valid' && h.from !== undefined && onOrBefore(h.from, act.date)).at(-1);
  if (!confirmation || confirmation.from !== act.date) return true;
  const event = d.events.find((e) => e.seq === confirmation.eventSeq);
  const item = event?.source.session === act.session ? event.source.item : undefined;
  return item === undefined || item < act.item;
}

async function appointmentChecks(d: Derivation, analyst: PostAnalyst, evaluator: Evaluator): Promise<CheckFinding[]> {
  const out: CheckFinding[] = [];
  const { state } = d;
  for (const act of state.personnelActs.filter((a) => APPOINTING_ACTS.has(a.act))) {
    const name = who(state, act.personId);
    for (const post of act.posts) {
      const tenure: Tenure = { personId: act.personId, post, from: act.date, startSeq: act.seq, end: undefined };
      const req = await analyst.requirementOf(tenure, act.date);
      const about = { eventSeqs: [act.seq], personIds: [act.personId] };
      const seen = { name, post: postName(state, post), requirement: req.finding?.outcome.params.label };
      if (req.requirement === 'deputy' && !confirmedBeforeAct(d, act)) {
        out.push(checkFinding('appointment-requires-deputy', 'error', about, { ...seen, date: act.date }, req.finding));
      }
      if (req.requirement === 'standing-committee-member') {
        if (!(await holdsSeat(d, analyst, act.personId, (t) => heldOn(t, act.date)))) {
          out.push(checkFinding('appointment-requires-standing-committee-seat', 'error', about, seen, req.finding));
        }
      }
      const organ = state.organs[post.organId];
      const refused = await evaluator.ask(
        'appointment',
        { personnelAct: act.act, organKind: organ?.kind ?? null, postTitle: post.title },
        { eventSeq: act.seq, personId: act.personId, date: act.date, jurisdiction: evaluator.jurisdiction(state) },
      );
      for (const f of refused) {
        if (f.outcome.type !== 'appointment-not-allowed') continue;
        out.push(checkFinding('appointment-not-allowed', 'error', about, { name, post: seen.post, label: f.outcome.params.label }, f));
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
async function seatChecks(d: Derivation, analyst: PostAnalyst, reported: ReadonlySet<Tenure>): Promise<CheckFinding[]> {
  const out: CheckFinding[] = [];
  for (const t of d.state.tenures.filter((x) => x.end === undefined && !reported.has(x))) {
    const req = await analyst.requirementOf(t, t.from);
    if (req.requirement !== 'standing-committee-member') continue;
    if (await holdsSeat(d, analyst, t.personId, (s) => s.end === undefined)) continue;
    out.push(
      checkFinding(
        'dependent-post-still-held',
        'error',
        { eventSeqs: [t.startSeq], personIds: [t.personId] },
        { kind: 'seat', name: who(d.state, t.personId), post: postName(d.state, t.post), requirement: req.finding?.outcome.params.label },
        req.finding,
      ),
    );
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

async function compatibilityChecks(d: Derivation, evaluator: Evaluator): Promise<CheckFinding[]> {
  const out: CheckFinding[] = [];
  const { state } = d;
  // Each person's tenures in record order: only a person's own tenures can overlap (every pair of the record was tried before).
  const tenuresOf = groupBy(state.tenures, (t) => t.personId);
  for (const a of state.tenures) {
    for (const b of tenuresOf.get(a.personId)!) {
      if (a === b || !overlap(a, b)) continue;
      const date = [a.from, b.from, a.end?.date, b.end?.date].filter((x): x is string => x !== undefined).sort()[0];
      const seq = Math.max(a.startSeq, b.startSeq);
      const found = await evaluator.ask(
        'compatibility',
        {
          organKind: state.organs[a.post.organId]?.kind ?? null,
          postTitle: a.post.title,
          otherOrganKind: state.organs[b.post.organId]?.kind ?? null,
          otherPostTitle: b.post.title,
        },
        { eventSeq: seq, personId: a.personId, date, jurisdiction: evaluator.jurisdiction(state) },
      );
      const f = found.find((x) => x.outcome.type === 'posts-incompatible');
      if (!f) continue;
      const open = a.end === undefined && b.end === undefined;
      const endedBy = open ? undefined : (a.end ?? b.end)!.eventSeq;
      out.push(
        checkFinding(
          'incompatible-posts',
          open ? 'error' : 'warning',
          { eventSeqs: [seq, Math.min(a.startSeq, b.startSeq), ...(endedBy !== undefined ? [endedBy] : [])], personIds: [a.personId] },
          {
            name: who(state, a.personId),
            posts: [postName(state, a.post), postName(state, b.post)],
            label: f.outcome.params.label,
            open,
            endedBy,
          },
          f,
        ),
      );
    }
  }
  return out;
}

function oathChecks(d: Derivation, analysis: PostAnalysis): CheckFinding[] {
  const out: CheckFinding[] = [];
  const unnamed = new Map<EventOf<'OathTaken'>, { ids: string[]; names: string[] }>();
  for (const duty of analysis.oathsOwed) {
    const name = who(d.state, duty.act.personId);
    if (duty.status === 'not-recorded') {
      out.push(
        checkFinding(
          'oath-not-recorded',
          'warning',
          { eventSeqs: [duty.act.seq], personIds: [duty.act.personId] },
          { name, session: duty.act.session, date: duty.act.date, label: duty.finding.outcome.params.label },
          duty.finding,
        ),
      );
    }
    if (duty.status === 'unnamed-ceremony' && duty.oath) {
      const list = unnamed.get(duty.oath) ?? { ids: [], names: [] };
      unnamed.set(duty.oath, { ids: [...list.ids, duty.act.personId], names: [...list.names, name] });
    }
  }
  for (const [oath, { ids, names }] of unnamed) {
    out.push(
      checkFinding(
        'oath-names-not-recorded',
        'warning',
        { eventSeqs: [oath.seq], personIds: ids },
        { date: oath.date, participants: oath.participants, names },
      ),
    );
  }
  return out;
}

/** All post checks over the record (what an organ and a decision must hold is in the invariants). */
export async function postChecks(d: Derivation, evaluator: Evaluator, analysis: PostAnalysis): Promise<CheckFinding[]> {
  const analyst = new PostAnalyst(d, evaluator);
  const reported = new Set(analysis.cascades.flatMap((c) => c.items.map((i) => i.tenure)));
  return [
    ...unheldEndChecks(d),
    ...cascadeChecks(d, analysis),
    ...(await seatChecks(d, analyst, reported)),
    ...(await appointmentChecks(d, analyst, evaluator)),
    ...(await compatibilityChecks(d, evaluator)),
    ...oathChecks(d, analysis),
    ...customaryBasisNotes(analysis.findings, 'posts'),
    ...(await permissionChecks(d, evaluator)),
  ];
}
