/** Registers the JSON API from its operations table, and serves its OpenAPI document. */
import type { FastifyInstance } from 'fastify';
import { jsonText } from '../app/json-text.js';
import type { RosterServices } from '../server/services.js';
import { openApiDocument } from './openapi.js';
import { OPERATIONS } from './operations.js';

export function registerApi(app: FastifyInstance, services: RosterServices): void {
  for (const op of OPERATIONS) {
    app.route({
      method: op.method,
      url: op.url,
      config: {
        ...(op.public ? { public: true, csrf: false } : {}),
        ...(op.action ? { action: op.action } : {}),
        ...(op.rateLimited ? { rateLimit: app.loginRateLimit } : {}),
      },
      handler: (req, reply) => op.handler(services, req, reply),
    });
  }
  app.get('/api/openapi.json', { config: { public: true } }, (_req, reply) =>
    reply.type('application/json; charset=utf-8').send(jsonText(openApiDocument())),
  );
}
