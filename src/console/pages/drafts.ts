/** 待审核: the drafts, each with its preview against the record as it is now; approve, return, withdraw. */
import type { FastifyInstance } from 'fastify';
import { isDomainError } from '../../domain/errors.js';
import type { RosterServices } from '../../server/services.js';
import { page, redirectWith } from '../view-helpers.js';

export function draftPages(app: FastifyInstance, services: RosterServices): void {
  app.get('/drafts', async (req, reply) => {
    const drafts = await services.drafts(req.actor!);
    return page(req, reply, 'drafts', '待审核', {
      pending: drafts.filter((d) => d.status === 'pending' || d.status === 'approving'),
      done: drafts.filter((d) => d.status !== 'pending' && d.status !== 'approving').slice(0, 50),
    });
  });

  app.get<{ Params: { id: string } }>('/drafts/:id', async (req, reply) => {
    const { draft, preview } = await services.draft(req.params.id, req.actor!);
    return page(req, reply, 'draft', `草稿 ${draft.id}：${draft.title}`, { draft, preview });
  });

  // A conflict (another reviewer was first, the record changed meanwhile) is told on the draft's page; nothing is lost.
  app.post<{ Params: { id: string } }>('/drafts/:id/approve', { config: { action: 'review' } }, async (req, reply) => {
    try {
      const { recorded } = await services.approveDraft(req.params.id, req.actor!);
      return redirectWith(
        req,
        reply,
        `/drafts/${req.params.id}`,
        `已批准并记录${recorded.length}个事件（序号 ${recorded.map((e) => e.seq).join('、')}）`,
      );
    } catch (e) {
      if (!isDomainError(e) || e.kind === 'not-permitted') throw e;
      return redirectWith(req, reply, `/drafts/${req.params.id}`, `未记录：${e.message}`, 'error');
    }
  });

  app.post<{ Params: { id: string }; Body: { reason?: string } }>(
    '/drafts/:id/return',
    { config: { action: 'review' } },
    async (req, reply) => {
      try {
        await services.returnDraft(req.params.id, String(req.body?.reason ?? ''), req.actor!);
        return redirectWith(req, reply, `/drafts/${req.params.id}`, '已退回起草人');
      } catch (e) {
        if (!isDomainError(e) || e.kind === 'not-permitted') throw e;
        return redirectWith(req, reply, `/drafts/${req.params.id}`, `未退回：${e.message}`, 'error');
      }
    },
  );

  app.post<{ Params: { id: string } }>('/drafts/:id/withdraw', { config: { action: 'draft' } }, async (req, reply) => {
    await services.withdrawDraft(req.params.id, req.actor!);
    return redirectWith(req, reply, '/drafts', `已撤回草稿 ${req.params.id}`);
  });
}
