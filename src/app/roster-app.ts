/**
 * The use cases behind the CLI: read the log, derive the roster through the rules, and answer
 * headcount, explain, check and record. No printing here; the CLI formats the results.
 */

import { type CheckFinding, check } from '../checks/consistency.js';
import { postChecks } from '../checks/posts.js';
import { DomainError } from '../domain/errors.js';
import type { EventInput, RosterEvent } from '../domain/events.js';
import type { Finding } from '../domain/findings.js';
import type { Mandate } from '../domain/roster.js';
import type { Tenure } from '../domain/tenures.js';
import { type Derivation, derive } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import { findPerson } from '../history/audit.js';
import { type Ledger, type LedgerTarget, latestTarget, ledger } from '../ledger/headcount.js';
import { analysePosts, type PostAnalysis, postName } from '../posts/analysis.js';
import { type AppendRequest, type EventStore, stamp } from '../store/event-store.js';
import { previewOf, type RecordPreview } from './preview.js';

export interface PersonExplanation {
  readonly personId: string;
  readonly name: string;
  readonly person: RosterEvent | undefined;
  readonly mandates: readonly Mandate[];
  readonly findings: readonly Finding[];
  readonly events: readonly RosterEvent[];
  /** Posts the person held or holds, and what the rules found about them (cascades, oaths). */
  readonly posts: readonly (Tenure & { readonly name: string })[];
  readonly postFindings: readonly Finding[];
}

export class RosterApp {
  constructor(
    readonly store: EventStore,
    readonly evaluator: Evaluator,
  ) {}

  async derivation(): Promise<Derivation> {
    return derive(await this.store.read(), this.evaluator);
  }

  /** The ledger for a session or date; without one, for the latest recorded session (one derivation either way). */
  async headcount(target?: LedgerTarget): Promise<Ledger> {
    const d = await this.derivation();
    return ledger(d, target ?? latestTarget(d.state, today()));
  }

  async check(): Promise<CheckFinding[]> {
    return this.#checks(await this.derivation());
  }

  async #checks(d: Derivation, posts?: PostAnalysis): Promise<CheckFinding[]> {
    return [...check(d), ...(await postChecks(d, this.evaluator, posts ?? (await analysePosts(d, this.evaluator))))];
  }

  /** The cascade to posts of the deputies whose status ended at a session, and the oath duties its acts create. */
  async posts(session: number): Promise<PostAnalysis & { readonly session: number; readonly derivation: Derivation }> {
    const d = await this.derivation();
    return { ...(await analysePosts(d, this.evaluator, session)), session, derivation: d };
  }

  async explain(query: string): Promise<PersonExplanation> {
    const d = await this.derivation();
    const id = findPerson(d, query);
    const person = d.state.persons[id]!;
    return {
      personId: id,
      name: person.name,
      person,
      mandates: d.state.mandates.filter((m) => m.personId === id),
      findings: d.findings.filter((f) => f.personId === id),
      posts: d.state.tenures.filter((t) => t.personId === id).map((t) => ({ ...t, name: postName(d.state, t.post) })),
      postFindings: [
        ...new Map(
          (await analysePosts(d, this.evaluator)).findings
            .filter((f) => f.personId === id && f.outcome.type !== 'post-requires' && f.outcome.type !== 'oath-wording')
            .map((f) => [`${f.ruleId}|${f.eventSeq}|${f.facts.postTitle}`, f]),
        ).values(),
      ],
      events: d.events.filter(
        (e) =>
          ('personId' in e && e.personId === id) ||
          (e.type === 'OpeningBalanceStated' && e.members.some((m) => m.personId === id)) ||
          (e.type === 'RosterLoaded' && e.members.some((m) => m.personId === id)) ||
          (e.type === 'OathTaken' && e.personIds.includes(id)),
      ),
    };
  }

  /**
   * Validate new events against the record and append them all, or none. An event naming an
   * unknown person, or one the checks find contradicts the record, is refused with its index.
   * `draftedBy`: who entered them in the console, when `recordedBy` is the reviewer who approved them.
   */
  async record(
    events: readonly EventInput[],
    recordedBy: string,
    recordedAt: string,
    options: { readonly draftedBy?: string } = {},
  ): Promise<readonly RosterEvent[]> {
    const existing = await this.store.read();
    const request = { events, recordedBy, recordedAt, expectedSeq: existing.length, ...options };
    const trial = await this.#trial(existing, request);
    const first = trial.refusals[0];
    if (first) throw first;
    return this.store.append(request);
  }

  /**
   * What recording these events would change, without recording them (`roster record --dry-run`,
   * the console's 预览): the headcount before and after, the rules' findings, the posts that end,
   * the oath duties, the check findings they raise, and every reason `record` would refuse them.
   */
  async preview(events: readonly EventInput[], recordedBy: string, recordedAt: string): Promise<RecordPreview> {
    const existing = await this.store.read();
    const request = { events, recordedBy, recordedAt, expectedSeq: existing.length };
    const trial = await this.#trial(existing, request);
    const before = await derive(existing, this.evaluator);
    const postsBefore = await analysePosts(before, this.evaluator);
    return previewOf({
      before,
      after: trial.derivation,
      postsBefore,
      postsAfter: trial.posts,
      checksBefore: await this.#checks(before, postsBefore),
      checksAfter: trial.checks,
      refusals: trial.refusals,
      today: recordedAt.slice(0, 10),
    });
  }

  /** The record as it would be with the request appended, and every refusal `record` would make, in order. */
  async #trial(existing: readonly RosterEvent[], request: AppendRequest) {
    const candidate = [...existing, ...stamp(request)];
    const d = await derive(candidate, this.evaluator);
    const posts = await analysePosts(d, this.evaluator);
    const checks = await this.#checks(d, posts);
    const refusals: DomainError[] = checks
      .filter((f) => f.level === 'error' && f.eventSeq !== undefined && f.eventSeq > existing.length)
      .map((f) => {
        const index = f.eventSeq! - existing.length - 1;
        return new DomainError(
          f.code === 'unknown-person' ? 'unknown-person' : 'contradicts-record',
          f.message,
          `第${index + 1}个事件（$[${index}]）`,
        );
      });
    // A correction changes the replay of earlier events: refuse it if it makes any of them contradict the record.
    const correction = candidate.findIndex((e, i) => i >= existing.length && e.type === 'EventCorrected');
    if (correction >= 0) {
      const key = (f: CheckFinding) => `${f.code}|${f.eventSeq}|${f.personId}`;
      const before = new Set(
        check(await derive(existing, this.evaluator))
          .filter((f) => f.level === 'error')
          .map(key),
      );
      const index = correction - existing.length;
      for (const broken of check(d).filter((f) => f.level === 'error' && !before.has(key(f)))) {
        refusals.push(
          new DomainError('contradicts-record', `更正后记录将出现错误：${broken.message}`, `第${index + 1}个事件（$[${index}]）`),
        );
      }
    }
    return { derivation: d, posts, checks, refusals };
  }
}

/** Today's calendar date: the default as-of date where the record has no session (never used in the domain). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
