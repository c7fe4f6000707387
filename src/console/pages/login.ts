/** 登录 and 退出. The login form is rate-limited and CSRF-protected like every other form. */
import type { FastifyInstance } from 'fastify';
import { isDomainError } from '../../domain/errors.js';
import { startSession } from '../../server/auth.js';
import type { RosterServices } from '../../server/services.js';
import { page } from '../view-helpers.js';

/** Only a path inside the console: never send a clerk off-site after login. */
const safeNext = (next: unknown) => (typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/');

export function loginPages(app: FastifyInstance, services: RosterServices): void {
  app.get<{ Querystring: { next?: string } }>('/login', { config: { public: true } }, (req, reply) =>
    page(req, reply, 'login', '登录', { next: safeNext(req.query.next), name: '', error: undefined }),
  );

  app.post<{ Body: { name?: string; password?: string; next?: string } }>(
    '/login',
    { config: { public: true, rateLimit: app.loginRateLimit } },
    async (req, reply) => {
      const name = String(req.body?.name ?? '');
      try {
        const account = await services.login(name, String(req.body?.password ?? ''));
        await startSession(req, account.name);
        return reply.redirect(safeNext(req.body?.next), 303);
      } catch (e) {
        if (!isDomainError(e, 'login-failed')) throw e;
        reply.code(401);
        return page(req, reply, 'login', '登录', { next: safeNext(req.body?.next), name, error: e.message });
      }
    },
  );

  app.post('/logout', async (req, reply) => {
    await req.session.destroy();
    return reply.redirect('/login', 303);
  });
}
