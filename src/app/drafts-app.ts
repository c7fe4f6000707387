/**
 * 填报 → 审核: events entered in the console wait as drafts beside the record; a reviewer sees the
 * preview and approves them (appended through `RosterApp.record`, the path `roster record` takes,
 * with `recordedBy` the reviewer and `draftedBy` the drafter) or returns them with a reason.
 *
 * Two reviewers acting at once: the draft store's compare-and-set lets one claim the draft; the other
 * is told who did. A writer that appended to the record meanwhile makes `record` refuse; the claim is
 * then released and the reviewer is told to look again. Nothing is lost either way.
 */
import { DRAFT_STATUS_NAMES, type Draft } from '../domain/drafts.js';
import { DomainError, isDomainError } from '../domain/errors.js';
import type { EventInput, RosterEvent } from '../domain/events.js';
import type { DraftStore } from '../store/draft-store.js';
import { type Actor, requirePermission } from './accounts-app.js';
import type { Preview } from './preview.js';
import type { RosterApp } from './roster-app.js';

/** A claim older than this whose approval never finished was cut short (the server stopped): settle it from the record. */
const STALE_CLAIM_MS = 2 * 60_000;

export interface DraftWithPreview {
  readonly draft: Draft;
  /** Computed against the record as it is now; only for drafts still waiting. */
  readonly preview: Preview | undefined;
}

export class DraftsApp {
  constructor(
    readonly drafts: DraftStore,
    readonly roster: RosterApp,
  ) {}

  #now(): string {
    return this.roster.clock.now();
  }

  /** The preview of events not yet drafted (the form's 预览). */
  async preview(events: readonly EventInput[], actor: Actor): Promise<Preview> {
    requirePermission(actor, 'draft');
    return this.roster.preview({ events });
  }

  /** Keeps the events as a draft if the record would accept them; otherwise refuses with every reason. */
  async create(
    input: { readonly title: string; readonly events: readonly EventInput[] },
    actor: Actor,
  ): Promise<{ readonly draft: Draft | undefined; readonly preview: Preview }> {
    requirePermission(actor, 'draft');
    const draftedAt = this.#now();
    const preview = await this.roster.preview({ events: input.events });
    if (preview.refusal) return { draft: undefined, preview };
    const draft = await this.drafts.add({
      title: input.title,
      events: [...input.events],
      draftedBy: actor.name,
      draftedAt,
      status: 'pending',
    });
    return { draft, preview };
  }

  async list(actor: Actor): Promise<readonly Draft[]> {
    requirePermission(actor, 'read');
    const all = await this.drafts.list();
    const settled = await Promise.all(all.map((d) => this.#settle(d)));
    return settled.sort((a, b) => Number(b.id) - Number(a.id));
  }

  async get(id: string, actor: Actor): Promise<DraftWithPreview> {
    requirePermission(actor, 'read');
    const draft = await this.#settle(await this.#find(id));
    const preview = draft.status === 'pending' ? await this.roster.preview({ events: draft.events }) : undefined;
    return { draft, preview };
  }

  async approve(id: string, actor: Actor): Promise<{ readonly draft: Draft; readonly recorded: readonly RosterEvent[] }> {
    requirePermission(actor, 'review');
    const found = await this.#settle(await this.#find(id));
    if (found.draftedBy === actor.name) throw new DomainError('not-permitted', '不能审核自己起草的草稿，请由另一位审核人员审核');
    const reviewedAt = this.#now();
    const claim = await this.drafts.transition(id, 'pending', (d) => ({ ...d, status: 'approving', reviewedBy: actor.name, reviewedAt }));
    if (!claim.ok) throw conflict(claim.current);
    try {
      const recorded = await this.roster.record({ events: claim.draft.events, recordedBy: actor.name, draftedBy: claim.draft.draftedBy });
      const done = await this.drafts.transition(id, 'approving', (d) => ({
        ...d,
        status: 'approved',
        recordedSeqs: recorded.map((e) => e.seq),
      }));
      return { draft: done.ok ? done.draft : done.current, recorded };
    } catch (e) {
      await this.#release(id);
      if (isDomainError(e, 'store-conflict')) {
        throw new DomainError('store-conflict', '审核期间记录已被他人更新，草稿未记录；请重新查看预览后再审核');
      }
      throw e;
    }
  }

  /** Sends a draft back to its drafter with the reason; it is never recorded. */
  async return(id: string, reason: string, actor: Actor): Promise<Draft> {
    requirePermission(actor, 'review');
    if (reason.trim() === '') throw new DomainError('invalid-input', '退回须说明理由');
    const found = await this.#find(id);
    if (found.draftedBy === actor.name) throw new DomainError('not-permitted', '不能审核自己起草的草稿；如需放弃，请撤回');
    const at = this.#now();
    const r = await this.drafts.transition(id, 'pending', (d) => ({
      ...d,
      status: 'returned',
      reviewedBy: actor.name,
      reviewedAt: at,
      reason: reason.trim(),
    }));
    if (!r.ok) throw conflict(r.current);
    return r.draft;
  }

  /** The drafter takes back a draft not yet reviewed. */
  async withdraw(id: string, actor: Actor): Promise<Draft> {
    requirePermission(actor, 'draft');
    const found = await this.#find(id);
    if (found.draftedBy !== actor.name) throw new DomainError('not-permitted', '只能撤回自己起草的草稿');
    const r = await this.drafts.transition(id, 'pending', (d) => ({ ...d, status: 'withdrawn' }));
    if (!r.ok) throw conflict(r.current);
    return r.draft;
  }

  async #find(id: string): Promise<Draft> {
    const d = await this.drafts.get(id);
    if (!d) throw new DomainError('unknown-draft', `没有编号为 ${id} 的草稿`);
    return d;
  }

  async #release(id: string): Promise<void> {
    await this.drafts.transition(id, 'approving', ({ reviewedBy: _by, reviewedAt: _at, ...d }) => ({ ...d, status: 'pending' }));
  }

  /**
   * A claim left by an approval that was cut short (the server stopped between claiming the draft and
   * marking it approved): the record says whether its events went in, recorded by the reviewer for the
   * drafter after the claim, of the draft's types in its order; the draft is settled accordingly.
   */
  async #settle(d: Draft): Promise<Draft> {
    if (d.status !== 'approving' || !d.reviewedAt || Date.parse(this.#now()) - Date.parse(d.reviewedAt) < STALE_CLAIM_MS) return d;
    const { events } = await this.roster.read();
    const types = d.events.map((e) => e.type).join('|');
    const start = events.findIndex(
      (e, i) =>
        e.recordedBy === d.reviewedBy &&
        e.draftedBy === d.draftedBy &&
        e.recordedAt >= d.reviewedAt! &&
        events
          .slice(i, i + d.events.length)
          .map((x) => x.type)
          .join('|') === types,
    );
    if (start < 0) {
      await this.#release(d.id);
    } else {
      const seqs = events.slice(start, start + d.events.length).map((e) => e.seq);
      await this.drafts.transition(d.id, 'approving', (x) => ({ ...x, status: 'approved', recordedSeqs: seqs }));
    }
    return (await this.drafts.get(d.id)) ?? d;
  }
}

function conflict(current: Draft): DomainError {
  const by = current.reviewedBy ? `已由${current.reviewedBy}` : '';
  return new DomainError('draft-conflict', `草稿 ${current.id} ${by}处理，现状态：${DRAFT_STATUS_NAMES[current.status]}；未作任何更改`);
}
