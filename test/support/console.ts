/**
 * A console for a test: a scratch data file in a temporary folder, accounts made through the
 * application layer, and the server on an ephemeral port (0), stopped by `close()`.
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Role } from '../../src/domain/accounts.js';
import { consoleServices, type RunningConsole, startConsole } from '../../src/serve.js';
import { RULES_DIR, SEED_DATA, tempDir } from './scenario.js';

export const PASSWORD = 'correct-horse-9';

export interface TestConsole extends RunningConsole {
  readonly dir: string;
}

/** The seed as it stood before the 19th session's changes were recorded: 484 deputies, the session itself held. */
export function seedBefore19thChanges(file: string): void {
  const doc = JSON.parse(readFileSync(SEED_DATA, 'utf8')) as { events: { seq: number; type: string; source: { session?: number } }[] };
  const changes = new Set([
    'DeputyTransferredOut',
    'DeputyResignationAccepted',
    'DeputyElected',
    'QualificationReviewed',
    'CredentialsReportAdopted',
    'PersonnelDecided',
    'OathTaken',
  ]);
  const kept = doc.events.filter((e) => !changes.has(e.type)).map((e, i) => ({ ...e, seq: i + 1 }));
  writeFileSync(file, JSON.stringify({ ...doc, events: kept }, null, 2));
}

export async function startTestConsole(
  options: {
    readonly data?: 'seed' | 'before-19' | 'empty';
    readonly accounts?: Readonly<Record<string, Role>>;
    readonly loginAttemptsPerMinute?: number;
  } = {},
): Promise<TestConsole> {
  const dir = tempDir('roster-console-');
  const dbFile = path.join(dir, 'roster.json');
  const data = options.data ?? 'seed';
  if (data === 'seed') copyFileSync(SEED_DATA, dbFile);
  if (data === 'before-19') seedBefore19thChanges(dbFile);
  const admin = { name: 'test-admin', role: '管理' as const };
  const accounts = consoleServices(dbFile, RULES_DIR).apps.accounts;
  for (const [name, role] of Object.entries(options.accounts ?? {})) await accounts.add({ name, role, password: PASSWORD }, admin);
  const server = await startConsole({
    dbFile,
    rulesDir: RULES_DIR,
    host: '127.0.0.1',
    port: 0,
    // Tests log in many times from one address; the limit itself is tested with a small one.
    loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 1000,
  });
  return {
    ...server,
    dir,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A client that keeps its session cookie, as a script would. */
export class ApiClient {
  cookie = '';
  csrfToken = '';

  constructor(readonly base: string) {}

  /** `raw`: a form body (application/x-www-form-urlencoded), as a browser posts it. */
  async request(
    method: string,
    url: string,
    options: { body?: unknown; raw?: string; csrf?: boolean; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (this.cookie) headers.cookie = this.cookie;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.raw !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    if (options.csrf !== false && this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    const res = await fetch(this.base + url, {
      method,
      headers,
      redirect: 'manual',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.raw !== undefined ? { body: options.raw } : {}),
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    const text = await res.text();
    return { status: res.status, text, json: () => JSON.parse(text), headers: res.headers };
  }

  async login(name: string, password = PASSWORD) {
    const r = await this.request('POST', '/api/login', { body: { name, password } });
    if (r.status === 200) this.csrfToken = r.json().csrfToken;
    return r;
  }
}
