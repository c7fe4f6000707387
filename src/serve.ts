/**
 * `roster serve` put together: the application wired by the container, the HTTP server with the
 * console's pages and the JSON API on it, listening. What the CLI and the tests call.
 */

import { registerApi } from './api/routes.js';
import type { AccountsApp } from './app/accounts-app.js';
import type { DraftsApp } from './app/drafts-app.js';
import type { RosterApp } from './app/roster-app.js';
import { registerConsole } from './console/routes.js';
import { buildContainer, isDatabaseUrl, safeUrl, TYPES } from './container.js';
import type { RuleBook } from './engine/rule-book.js';
import { buildServer, type ServerOptions } from './server/server.js';
import { RosterServices } from './server/services.js';

export interface ConsoleOptions extends ServerOptions {
  readonly dbFile: string;
  /** In a database: the congress the console works on (default: the only one). */
  readonly congress?: string;
  readonly rulesDir: string;
  readonly host: string;
  readonly port: number;
}

export interface RunningConsole {
  readonly url: string;
  readonly port: number;
  /** Where the record is: the data file, or the database (without its password) and the congress. */
  readonly dbFile: string;
  readonly createdRecord: boolean;
  readonly accounts: number;
  close(): Promise<void>;
}

export function consoleServices(dbFile: string, rulesDir: string, congress?: string): RosterServices {
  const c = buildContainer({ dbFile, rulesDir, ...(congress === undefined ? {} : { congress }) });
  const roster = c.get<RosterApp>(TYPES.RosterApp);
  const database = isDatabaseUrl(dbFile);
  return new RosterServices(
    {
      roster,
      accounts: c.get<AccountsApp>(TYPES.AccountsApp),
      drafts: c.get<DraftsApp>(TYPES.DraftsApp),
    },
    database
      ? {
          record: congress === undefined ? safeUrl(dbFile) : roster.stream.location,
          accounts: `${safeUrl(dbFile)}（表 roster.accounts）`,
          drafts: `${safeUrl(dbFile)}（表 roster.drafts）`,
        }
      : { record: dbFile, accounts: `${dbFile}.accounts.json`, drafts: `${dbFile}.drafts.json`, dataFile: dbFile },
    c.get<RuleBook>(TYPES.RuleBook),
  );
}

export async function startConsole(options: ConsoleOptions): Promise<RunningConsole> {
  const services = consoleServices(options.dbFile, options.rulesDir, options.congress);
  const createdRecord = await services.ensureRecord();
  // Read the record and the rules once before the first request, so that a broken file is said at start.
  await services.derivation();
  const app = await buildServer(services, [registerConsole, registerApi], options);
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const accounts = (await services.apps.accounts.store.list()).length;
  return { url: `http://${host}:${port}`, port, dbFile: services.where.record, createdRecord, accounts, close: () => app.close() };
}
