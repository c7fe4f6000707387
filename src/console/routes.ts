/** The console's pages: each module registers the routes of one part of the navigation. */
import type { FastifyInstance } from 'fastify';
import type { RosterServices } from '../server/services.js';
import { accountPages } from './pages/accounts.js';
import { draftPages } from './pages/drafts.js';
import { formPages } from './pages/forms.js';
import { loginPages } from './pages/login.js';
import { overviewPage } from './pages/overview.js';
import { personPages } from './pages/persons.js';
import { recordPages } from './pages/records.js';
import { sessionPages } from './pages/sessions.js';

export function registerConsole(app: FastifyInstance, services: RosterServices): void {
  for (const register of [loginPages, overviewPage, personPages, sessionPages, recordPages, formPages, draftPages, accountPages]) {
    register(app, services);
  }
}
