/**
 * The console's accounts and drafts in the record's database (schema/postgres/0005_console.sql):
 * the PostgreSQL adapters of the account and draft ports. Each change is one transaction that locks
 * the row it changes, as the file adapters change their file under its lock; drafts are numbered per
 * congress, the next number taken under a transaction-scoped advisory lock on the congress.
 */
import { Account } from '../../domain/accounts.js';
import { Draft, type DraftStatus } from '../../domain/drafts.js';
import { DomainError } from '../../domain/errors.js';
import type { AccountStore } from '../account-store.js';
import type { DraftStore, Transition } from '../draft-store.js';
import type { Connection } from './connection.js';

export class PostgresAccountStore implements AccountStore {
  readonly #db: Connection;
  readonly #ready: () => Promise<void>;

  constructor(db: Connection, ready: () => Promise<void>) {
    this.#db = db;
    this.#ready = ready;
  }

  get location(): string {
    return `${this.#db.safeUrl}（roster.accounts）`;
  }

  async list(): Promise<readonly Account[]> {
    await this.#ready();
    const rows = await this.#db.query<{ account: unknown }>('SELECT account FROM roster.accounts ORDER BY name');
    return rows.map((r) => Account.parse(r.account));
  }

  async get(name: string): Promise<Account | undefined> {
    await this.#ready();
    const [row] = await this.#db.query<{ account: unknown }>('SELECT account FROM roster.accounts WHERE name = $1', [name]);
    return row ? Account.parse(row.account) : undefined;
  }

  async add(account: Account): Promise<void> {
    await this.#ready();
    const stored = Account.parse(account);
    const inserted = await this.#db.query(
      'INSERT INTO roster.accounts (name, account) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING name',
      [stored.name, JSON.stringify(stored)],
    );
    if (inserted.length === 0) throw new DomainError('account-exists', `账户“${account.name}”已存在`);
  }

  async update(name: string, change: (account: Account) => Account): Promise<Account> {
    await this.#ready();
    return this.#db.transaction(async (c) => {
      const [row] = (await c.query<{ account: unknown }>('SELECT account FROM roster.accounts WHERE name = $1 FOR UPDATE', [name])).rows;
      if (!row) throw new DomainError('unknown-account', `没有账户“${name}”`);
      const updated = Account.parse(change(Account.parse(row.account)));
      await c.query('UPDATE roster.accounts SET account = $2, changed_at = now(), changed_by = current_user WHERE name = $1', [
        name,
        JSON.stringify(updated),
      ]);
      return updated;
    });
  }
}

export class PostgresDraftStore implements DraftStore {
  readonly #db: Connection;
  readonly #congress: () => Promise<string>;

  /** `congress`: the congress the drafts are for (resolved on first use, as the record's stream resolves it). */
  constructor(db: Connection, congress: () => Promise<string>) {
    this.#db = db;
    this.#congress = congress;
  }

  async list(): Promise<readonly Draft[]> {
    const id = await this.#congress();
    const rows = await this.#db.query<{ draft: unknown }>('SELECT draft FROM roster.drafts WHERE congress_id = $1 ORDER BY id', [id]);
    return rows.map((r) => Draft.parse(r.draft));
  }

  async get(draftId: string): Promise<Draft | undefined> {
    const n = draftNumber(draftId);
    if (n === undefined) return undefined;
    const id = await this.#congress();
    const [row] = await this.#db.query<{ draft: unknown }>('SELECT draft FROM roster.drafts WHERE congress_id = $1 AND id = $2', [id, n]);
    return row ? Draft.parse(row.draft) : undefined;
  }

  async add(draft: Omit<Draft, 'id'>): Promise<Draft> {
    const congress = await this.#congress();
    return this.#db.transaction(async (c) => {
      // One numbering per congress: concurrent adds take turns here, until their transactions end.
      await c.query("SELECT pg_advisory_xact_lock(hashtext('roster.drafts'), hashtext($1))", [congress]);
      const [next] = (
        await c.query<{ n: number }>('SELECT coalesce(max(id), 0) + 1 AS n FROM roster.drafts WHERE congress_id = $1', [congress])
      ).rows;
      const stored = Draft.parse({ id: String(next!.n), ...draft });
      await c.query('INSERT INTO roster.drafts (congress_id, id, draft) VALUES ($1, $2, $3)', [congress, next!.n, JSON.stringify(stored)]);
      return stored;
    });
  }

  async transition(draftId: string, from: DraftStatus, change: (draft: Draft) => Draft): Promise<Transition> {
    const n = draftNumber(draftId);
    if (n === undefined) throw new DomainError('unknown-draft', `没有编号为 ${draftId} 的草稿`);
    const congress = await this.#congress();
    return this.#db.transaction(async (c): Promise<Transition> => {
      const [row] = (
        await c.query<{ draft: unknown }>('SELECT draft FROM roster.drafts WHERE congress_id = $1 AND id = $2 FOR UPDATE', [congress, n])
      ).rows;
      if (!row) throw new DomainError('unknown-draft', `没有编号为 ${draftId} 的草稿`);
      const current = Draft.parse(row.draft);
      if (current.status !== from) return { ok: false, current };
      const draft = Draft.parse(change(current));
      await c.query(
        'UPDATE roster.drafts SET draft = $3, changed_at = now(), changed_by = current_user WHERE congress_id = $1 AND id = $2',
        [congress, n, JSON.stringify(draft)],
      );
      return { ok: true, draft };
    });
  }
}

/** Drafts are numbered 1, 2, …; any other id names none. */
function draftNumber(id: string): number | undefined {
  if (!/^[1-9]\d{0,8}$/.test(id)) return undefined;
  return Number(id);
}
