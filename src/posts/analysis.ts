/**
 * What the rules make of the posts in the record: which posts need deputy status, what happens to a
 * person's posts when their deputy status ends (the cascade, legal brief 7 D), and who owes the
 * constitutional oath for the acts of a session (7 F). The rules decide; this file asks and collects.
 */

import { type LegalDate, onOrBefore } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import type { EventOf } from '../domain/events.js';
import type { Finding } from '../domain/findings.js';
import { groupBy } from '../domain/group-by.js';
import type { OrganKind } from '../domain/posts.js';
import { type Mandate, type RosterState, sessionDate } from '../domain/roster.js';
import { heldOn, type Tenure, type TenureEnd } from '../domain/tenures.js';
import type { Derivation } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import type { Jurisdiction } from '../engine/rule-book.js';

export type Requirement = 'deputy' | 'standing-committee-member' | 'none';

export interface PostRequirement {
  readonly requirement: Requirement;
  /** The rule that decided it; undefined where no rule speaks (then nothing is required). */
  readonly finding: Finding | undefined;
}

/** One post of a person whose deputy status ended, what the rules say becomes of it, and what the record shows. */
export interface CascadeItem {
  readonly tenure: Tenure;
  readonly organName: string;
  readonly organKind: OrganKind | undefined;
  readonly requirement: PostRequirement;
  /** post-ends or post-continues; undefined where no rule applies. */
  readonly consequence: Finding | undefined;
  /** 1: the post depends on deputy status; 2: it depends on a standing-committee seat that ended. */
  readonly order: 1 | 2;
  /** How the record ended the post, if it did. */
  readonly recordedEnd: TenureEnd | undefined;
}

export interface CascadeEntry {
  readonly personId: string;
  readonly name: string;
  readonly date: LegalDate | undefined;
  /** The termination ground, or `void` for an election found void. */
  readonly ground: string;
  readonly label: string;
  readonly termination: Finding | undefined;
  readonly items: readonly CascadeItem[];
}

export interface OathDuty {
  readonly act: EventOf<'PersonnelDecided'>;
  readonly finding: Finding;
  readonly wording: Finding | undefined;
  /** taken: named in an OathTaken; unnamed-ceremony: a ceremony at the session names nobody; not-recorded. */
  readonly status: 'taken' | 'unnamed-ceremony' | 'not-recorded';
  readonly oath: EventOf<'OathTaken'> | undefined;
}

export interface PostAnalysis {
  readonly cascades: readonly CascadeEntry[];
  readonly oathsOwed: readonly OathDuty[];
  readonly oathsNotOwed: readonly { readonly act: EventOf<'PersonnelDecided'>; readonly finding: Finding | undefined }[];
  /** Every finding made here, for `explain`. */
  readonly findings: readonly Finding[];
}

const organOf = (state: RosterState, organId: string) => state.organs[organId];

type OathEvent = RosterState['oaths'][number];

export class PostAnalyst {
  readonly #found: Finding[] = [];
  /** The date a question with no date of its own is asked on: the record's latest session. */
  readonly #asOf: LegalDate | undefined;
  /** The congress's level and province: which rules apply. */
  readonly #where: Jurisdiction;
  /** Each person's tenures, and the oaths naming each person or (with no names) held at each session, in record order: made when first asked. */
  #tenures: Map<string, Tenure[]> | undefined;
  #oaths: { named: Map<string, OathEvent[]>; ceremonies: Map<number | undefined, OathEvent[]> } | undefined;

  constructor(
    private readonly d: Derivation,
    private readonly evaluator: Evaluator,
  ) {
    this.#asOf = Object.values(d.state.sessions)
      .map(sessionDate)
      .sort((a, b) => (onOrBefore(a, b) ? -1 : 1))
      .at(-1);
    this.#where = evaluator.jurisdiction(d.state);
  }

  /** What the post requires, under the rules in force on `date` (else on the record's latest session). */
  async requirementOf(t: Tenure, date: LegalDate | undefined): Promise<PostRequirement> {
    date ??= this.#asOf;
    const organ = organOf(this.d.state, t.post.organId);
    const found = await this.evaluator.ask(
      'post-requirement',
      { organKind: organ?.kind ?? null, postTitle: t.post.title },
      { eventSeq: t.startSeq, personId: t.personId, date, jurisdiction: this.#where },
    );
    const finding = found.find((f) => f.outcome.type === 'post-requires');
    this.#found.push(...found);
    const requirement = finding?.outcome.type === 'post-requires' ? finding.outcome.params.requirement : 'none';
    return { requirement, finding };
  }

  async #consequence(t: Tenure, requirement: Requirement, ground: string, date: LegalDate | undefined, eventSeq: number) {
    const organ = organOf(this.d.state, t.post.organId);
    const found = await this.evaluator.ask(
      'cascade',
      { organKind: organ?.kind ?? null, postTitle: t.post.title, postRequirement: requirement, terminationGround: ground },
      { eventSeq, personId: t.personId, date, jurisdiction: this.#where },
    );
    this.#found.push(...found);
    return found.find((f) => f.outcome.type === 'post-ends' || f.outcome.type === 'post-continues');
  }

  async #item(
    t: Tenure,
    requirement: PostRequirement,
    ground: string,
    date: LegalDate | undefined,
    eventSeq: number,
    order: 1 | 2,
  ): Promise<CascadeItem> {
    const organ = organOf(this.d.state, t.post.organId);
    return {
      tenure: t,
      organName: organ?.name ?? t.post.organId,
      organKind: organ?.kind,
      requirement,
      consequence: await this.#consequence(t, requirement.requirement, ground, date, eventSeq),
      order,
      recordedEnd: t.end,
    };
  }

  /** The posts a person held when their deputy status ended, and the first- and second-order consequences. */
  async cascadeFor(m: Mandate, change: Mandate['history'][number]): Promise<CascadeEntry> {
    const { state } = this.d;
    const date = change.from;
    const outcome = change.finding?.outcome;
    const ground = outcome?.type === 'mandate-terminated' ? outcome.params.ground : 'void';
    this.#tenures ??= groupBy(state.tenures, (t) => t.personId);
    const held = (this.#tenures.get(m.personId) ?? []).filter((t) => date === undefined || heldOn(t, date));
    const first: CascadeItem[] = [];
    const needsSeat: { t: Tenure; req: PostRequirement }[] = [];
    for (const t of held) {
      const req = await this.requirementOf(t, date);
      if (req.requirement === 'standing-committee-member') needsSeat.push({ t, req });
      else first.push(await this.#item(t, req, ground, date, change.eventSeq, 1));
    }
    const seatEnds = first.some(
      (i) =>
        i.organKind === 'standing-committee' &&
        i.requirement.requirement === 'deputy' &&
        (i.consequence?.outcome.type === 'post-ends' || i.recordedEnd),
    );
    const second: CascadeItem[] = [];
    for (const { t, req } of needsSeat) {
      second.push(await this.#item(t, req, seatEnds ? 'standing-committee-seat-ended' : ground, date, change.eventSeq, seatEnds ? 2 : 1));
    }
    return {
      personId: m.personId,
      name: state.persons[m.personId]?.name ?? m.personId,
      date,
      ground,
      label: outcome && 'label' in outcome.params ? outcome.params.label : '当选无效',
      termination: change.finding,
      items: [...first, ...second],
    };
  }

  /** Every deputy status that ended (or was voided) in the window (after, upTo]. */
  async cascades(after: LegalDate | undefined, upTo: LegalDate | undefined): Promise<CascadeEntry[]> {
    const out: CascadeEntry[] = [];
    for (const m of this.d.state.mandates) {
      for (const change of m.history) {
        if (change.status !== 'ended' && change.status !== 'void') continue;
        const from = change.from;
        if (from !== undefined && after !== undefined && onOrBefore(from, after)) continue;
        if (from !== undefined && upTo !== undefined && !onOrBefore(from, upTo)) continue;
        out.push(await this.cascadeFor(m, change));
      }
    }
    return out;
  }

  /** The oath duty of each act of the session, with the wording in force and whether the record discharges it. */
  async oaths(session: number | undefined) {
    const { state } = this.d;
    const owed: OathDuty[] = [];
    const notOwed: PostAnalysis['oathsNotOwed'][number][] = [];
    for (const act of state.personnelActs.filter((a) => session === undefined || a.session === session)) {
      const kinds = act.posts.map((p) => organOf(state, p.organId)?.kind ?? null);
      const found: Finding[] = [];
      for (const kind of new Set(kinds)) {
        found.push(
          ...(await this.evaluator.ask(
            'oath-duty',
            { personnelAct: act.act, organKind: kind },
            { eventSeq: act.seq, personId: act.personId, date: act.date, jurisdiction: this.#where },
          )),
        );
      }
      this.#found.push(...found);
      const duty = found.find((f) => f.outcome.type === 'oath-owed');
      if (!duty) {
        notOwed.push({ act, finding: found.find((f) => f.outcome.type === 'oath-not-owed') });
        continue;
      }
      const wording = (
        await this.evaluator.ask(
          'oath-wording',
          {},
          { eventSeq: act.seq, personId: act.personId, date: act.date, jurisdiction: this.#where },
        )
      ).find((f) => f.outcome.type === 'oath-wording');
      this.#oaths ??= {
        named: groupBy(
          state.oaths.flatMap((o) => [...new Set(o.personIds)].map((personId) => ({ personId, o }))),
          (x) => x.personId,
          (x) => x.o,
        ),
        ceremonies: groupBy(
          state.oaths.filter((o) => o.personIds.length === 0),
          (o) => o.session,
        ),
      };
      const after = (o: OathEvent) => onOrBefore(act.date, o.date);
      const named = this.#oaths.named.get(act.personId)?.find(after);
      const ceremony = this.#oaths.ceremonies.get(act.session)?.find(after);
      owed.push({
        act,
        finding: duty,
        wording,
        status: named ? 'taken' : ceremony ? 'unnamed-ceremony' : 'not-recorded',
        oath: named ?? ceremony,
      });
    }
    return { owed, notOwed };
  }

  get findings(): readonly Finding[] {
    return this.#found;
  }
}

/** The cascades and oath duties of one session, or of the whole record. */
export async function analysePosts(d: Derivation, evaluator: Evaluator, session?: number): Promise<PostAnalysis> {
  const analyst = new PostAnalyst(d, evaluator);
  const window = session === undefined ? { after: undefined, upTo: undefined } : sessionWindow(d.state, session);
  const cascades = await analyst.cascades(window.after, window.upTo);
  const { owed, notOwed } = await analyst.oaths(session);
  return { cascades, oathsOwed: owed, oathsNotOwed: notOwed, findings: analyst.findings };
}

/** A session covers what took effect after the previous recorded session, up to its own closing date. */
export function sessionWindow(state: RosterState, session: number): { after: LegalDate | undefined; upTo: LegalDate } {
  const s = state.sessions[session];
  if (!s) {
    const known = Object.keys(state.sessions).join('、') || '无';
    throw new DomainError('unknown-session', `记录中没有常委会第${session}次会议（已记录：${known}）`);
  }
  const earlier = Object.values(state.sessions)
    .filter((x) => x.session < session)
    .sort((a, b) => a.session - b.session)
    .at(-1);
  return { after: earlier ? sessionDate(earlier) : undefined, upTo: sessionDate(s) };
}
