/**
 * The port for the console's accounts. They live beside the record, never in its hash chain: a file
 * next to the data file (`file-account-store.ts`), a table when the record is in PostgreSQL.
 */
import type { Account } from '../domain/accounts.js';

export interface AccountStore {
  list(): Promise<readonly Account[]>;
  get(name: string): Promise<Account | undefined>;
  /** Refused (`account-exists`) when the name is taken. */
  add(account: Account): Promise<void>;
  /** Refused (`unknown-account`) when there is no such account. */
  update(name: string, change: (account: Account) => Account): Promise<Account>;
}
