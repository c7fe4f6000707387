/**
 * The port for the console's accounts. They live beside the record, never in its hash chain: a file
 * next to the data file here (`FILE.accounts.json`), a table when the record is in PostgreSQL.
 */
import { z } from 'zod';
import { Account } from '../domain/accounts.js';
import { DomainError } from '../domain/errors.js';
import { LockedJsonFile } from './locked-json-file.js';

export interface AccountStore {
  list(): Promise<readonly Account[]>;
  get(name: string): Promise<Account | undefined>;
  /** Refused (`account-exists`) when the name is taken. */
  add(account: Account): Promise<void>;
  /** Refused (`unknown-account`) when there is no such account. */
  update(name: string, change: (account: Account) => Account): Promise<Account>;
}

const AccountsFile = z.strictObject({ accounts: z.array(Account) });
type AccountsFile = z.infer<typeof AccountsFile>;

/** The accounts file beside the data file: owner-only, since it holds password hashes. */
export class FileAccountStore implements AccountStore {
  readonly #file: LockedJsonFile<AccountsFile>;

  constructor(dataFile: string) {
    this.#file = new LockedJsonFile(`${dataFile}.accounts.json`, AccountsFile, () => ({ accounts: [] }), 0o600);
  }

  get location(): string {
    return this.#file.file;
  }

  async list(): Promise<readonly Account[]> {
    return (await this.#file.read()).accounts;
  }

  async get(name: string): Promise<Account | undefined> {
    return (await this.list()).find((a) => a.name === name);
  }

  add(account: Account): Promise<void> {
    return this.#file.update(({ accounts }) => {
      if (accounts.some((a) => a.name === account.name)) {
        throw new DomainError('account-exists', `账户“${account.name}”已存在`);
      }
      return { next: { accounts: [...accounts, account] }, result: undefined };
    });
  }

  update(name: string, change: (account: Account) => Account): Promise<Account> {
    return this.#file.update(({ accounts }) => {
      const current = accounts.find((a) => a.name === name);
      if (!current) throw new DomainError('unknown-account', `没有账户“${name}”`);
      const updated = change(current);
      return { next: { accounts: accounts.map((a) => (a === current ? updated : a)) }, result: updated };
    });
  }
}
