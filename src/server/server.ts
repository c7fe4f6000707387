/**
 * The HTTP server behind `roster serve`: Fastify with its maintained plugins for what a web
 * application must get right (sessions in httpOnly SameSite cookies, CSRF tokens, a rate-limited
 * login, security headers, form bodies and uploads, static files, escaping templates). The console's
 * pages (src/console/) and the JSON API (src/api/) are the routes given to it (src/serve.ts); both
 * reach the application layer only through `RosterServices`.
 */

import { randomBytes } from 'node:crypto';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySession from '@fastify/session';
import fastifyStatic from '@fastify/static';
import fastifyView from '@fastify/view';
import { Eta } from 'eta';
import Fastify, { type FastifyInstance } from 'fastify';
import { LRUCache } from 'lru-cache';
import { PACKAGE_ROOT } from '../paths.js';
import { loadPinyin } from '../search/pinyin.js';
import { registerAuth } from './auth.js';
import { registerErrors } from './errors.js';
import type { RosterServices } from './services.js';

export interface ServerOptions {
  /** Login attempts allowed per client address per minute (default 10). */
  readonly loginAttemptsPerMinute?: number;
  /** Behind the office's reverse proxy: trust its X-Forwarded-* headers (client address, https). */
  readonly trustProxy?: boolean;
  /** How long a session lasts without use (default 8 hours, a working day). */
  readonly sessionIdleMs?: number;
  readonly maxUploadBytes?: number;
}

export const CONSOLE_DIR = path.join(PACKAGE_ROOT, 'src', 'console');

/** Registers a part's routes (the console's pages, the JSON API). */
export type Routes = (app: FastifyInstance, services: RosterServices) => void;

export async function buildServer(
  services: RosterServices,
  routes: readonly Routes[],
  options: ServerOptions = {},
): Promise<FastifyInstance> {
  // The console searches and names persons on every form: pinyin is loaded once, at start.
  await loadPinyin();
  const idle = options.sessionIdleMs ?? 8 * 3600_000;
  const app = Fastify({ logger: false, trustProxy: options.trustProxy ?? false, bodyLimit: 10 * 1024 * 1024 });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        // The office serves the console over plain http on its own network unless a proxy adds TLS.
        upgradeInsecureRequests: null,
      },
    },
    // Only meaningful over https; a proxy that terminates TLS sets its own.
    strictTransportSecurity: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    // A fresh secret per start: sessions live in memory and end with the server anyway.
    secret: randomBytes(48).toString('base64'),
    cookieName: 'roster_session',
    saveUninitialized: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/', maxAge: idle },
    // The plugin's store over a bounded map whose entries expire: no session outlives its idle time in memory.
    store: new fastifySession.MemoryStore(new LRUCache<string, object>({ max: 10_000, ttl: idle, updateAgeOnGet: true }) as never),
  });
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session' });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    // An uploaded file reaches the route with its name: the roster reader goes by the extension.
    async onFile(part) {
      (part as unknown as { value: unknown }).value = { filename: part.filename, bytes: await part.toBuffer() };
    },
    limits: { fileSize: options.maxUploadBytes ?? 20 * 1024 * 1024, files: 1, fields: 50 },
  });
  await app.register(fastifyStatic, { root: path.join(CONSOLE_DIR, 'assets'), prefix: '/assets/', index: false, maxAge: '1h' });
  await app.register(fastifyView, {
    engine: { eta: new Eta() },
    root: path.join(CONSOLE_DIR, 'views'),
    viewExt: 'eta',
    production: true,
  });

  registerErrors(app);
  registerAuth(app, services, { loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 10 });
  for (const register of routes) register(app, services);
  return app;
}
