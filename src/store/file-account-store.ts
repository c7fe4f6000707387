/** The accounts file beside the data file (`FILE.accounts.json`): owner-only, since it holds password hashes. */
import * as z from 'zod';
import { Account } from '../domain/accounts.js';
import { DomainError } from '../domain/errors.js';
import type { AccountStore } from './account-store.js';
import { LockedJsonFile } from './locked-json-file.js';

const AccountsFile = z.strictObject({ accounts: z.array(Account) });
type AccountsFile = z.infer<typeof AccountsFile>;

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
