/**
 * Who is asking, and may they: every route is closed unless its config says `public`. The session
 * (from @fastify/session) names the account; the account file says its role now (a role changed or
 * an account disabled takes effect at the next request); the route's `action` says what it needs;
 * and every request that can change something carries a CSRF token (@fastify/csrf-protection).
 * Order of refusal: no session 401, a role that may not 403, no CSRF token 403.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../app/accounts-app.js';
import { type Action, may } from '../domain/accounts.js';
import { isApi, RequestRefused } from './errors.js';
import type { RosterServices } from './services.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Open without a session (the login page, the API's login). */
    public?: boolean;
    /** What the route does; `read` where not given. */
    action?: Action;
    /** False where a request that changes state cannot carry a token yet (the API's login). */
    csrf?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
  }
}

export interface Flash {
  readonly kind: 'ok' | 'error';
  readonly text: string;
}

declare module '@fastify/session' {
  interface FastifySessionObject {
    user?: string;
    flash?: Flash;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Starts a fresh session for the account (a new id: a session fixed before login is worthless after it). */
export async function startSession(req: FastifyRequest, name: string): Promise<void> {
  await req.session.regenerate();
  req.session.user = name;
}

export function registerAuth(app: FastifyInstance, services: RosterServices, options: { loginAttemptsPerMinute: number }): void {
  app.decorateRequest('actor', undefined);
  app.decorate('loginRateLimit', { max: options.loginAttemptsPerMinute, timeWindow: 60_000 });

  async function authorize(req: FastifyRequest): Promise<boolean> {
    const config = req.routeOptions.config;
    const writes = !SAFE.has(req.method) && config.csrf !== false;
    if (config.public || req.url.startsWith('/assets/')) return writes;
    const name = req.session.user;
    const account = name ? await services.account(name) : undefined;
    if (!account) {
      if (name) await req.session.destroy();
      throw new RequestRefused(401, 'unauthenticated', isApi(req) ? '未登录或会话已过期，请先登录（POST /api/login）' : '请先登录');
    }
    req.actor = { name: account.name, role: account.role };
    const action = config.action ?? 'read';
    if (!may(account.role, action)) throw new RequestRefused(403, 'not-permitted', `“${account.role}”角色无权执行此操作`);
    return writes;
  }

  app.addHook('preHandler', (req, reply, done) => {
    authorize(req).then(
      (needsToken) => (needsToken ? app.csrfProtection(req, reply, done) : done()),
      (e: Error) => done(e),
    );
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The rate limit every login route takes (`config: { rateLimit: app.loginRateLimit }`). */
    loginRateLimit: { max: number; timeWindow: number };
  }
}
