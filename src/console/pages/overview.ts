/** 概览: the congress at a glance. */
import type { FastifyInstance } from 'fastify';
import { DIMENSIONS } from '../../app/structure.js';
import type { RosterServices } from '../../server/services.js';
import { page } from '../view-helpers.js';

export function overviewPage(app: FastifyInstance, services: RosterServices): void {
  app.get('/', async (req, reply) => page(req, reply, 'overview', '概览', { overview: await services.overview(), dimensions: DIMENSIONS }));
}
