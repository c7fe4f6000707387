/**
 * The console's accounts: create them, check a login, change a role or a password, disable one.
 * Who may do what is decided here (src/domain/accounts.ts), not in the console, so the CLI, the
 * pages and the JSON API refuse the same things.
 */
import { AccountName, type AccountView, type Action, accountView, may, type Role } from '../domain/accounts.js';
import { DomainError } from '../domain/errors.js';
import type { AccountStore } from '../store/account-store.js';
import { type Clock, systemClock } from './clock.js';
import { hashPassword, UNUSABLE_HASH, verifyPassword } from './passwords.js';

/** Who is acting: the logged-in account (the CLI acts as 管理: whoever may write the data file keeps its accounts). */
export interface Actor {
  readonly name: string;
  readonly role: Role;
}

export const MIN_PASSWORD_LENGTH = 8;

const ACTION_NAMES: Record<Action, string> = {
  read: '查阅',
  draft: '填报',
  review: '审核',
  'manage-accounts': '管理账户',
};

export function requirePermission(actor: Actor, action: Action): void {
  if (!may(actor.role, action)) {
    throw new DomainError('not-permitted', `“${actor.role}”角色不能${ACTION_NAMES[action]}`);
  }
}

function checkPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new DomainError('invalid-input', `密码至少${MIN_PASSWORD_LENGTH}个字符`);
}

export class AccountsApp {
  constructor(
    readonly store: AccountStore,
    readonly clock: Clock = systemClock,
  ) {}

  async list(actor: Actor): Promise<AccountView[]> {
    requirePermission(actor, 'manage-accounts');
    return (await this.store.list()).map(accountView);
  }

  /** The account behind a session, if it still exists and is not disabled. */
  async active(name: string): Promise<AccountView | undefined> {
    const a = await this.store.get(name);
    return a && !a.disabled ? accountView(a) : undefined;
  }

  async add(input: { readonly name: string; readonly role: Role; readonly password: string }, actor: Actor): Promise<AccountView> {
    requirePermission(actor, 'manage-accounts');
    const name = AccountName.safeParse(input.name);
    if (!name.success) throw new DomainError('invalid-input', name.error.issues[0]!.message);
    checkPassword(input.password);
    const account = {
      name: name.data,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      createdAt: this.clock.now(),
      createdBy: actor.name,
      disabled: false,
    };
    await this.store.add(account);
    return accountView(account);
  }

  /** The account, if the name and password match an account that is not disabled; one message for every failure. */
  async authenticate(name: string, password: string): Promise<AccountView> {
    const a = await this.store.get(name.trim());
    const ok = await verifyPassword(password, a?.passwordHash ?? UNUSABLE_HASH);
    if (!a || !ok || a.disabled) throw new DomainError('login-failed', '账户名或密码不正确，或账户已停用');
    return accountView(a);
  }

  async setRole(name: string, role: Role, actor: Actor): Promise<AccountView> {
    requirePermission(actor, 'manage-accounts');
    if (name === actor.name && role !== '管理') throw new DomainError('not-permitted', '不能取消自己的管理角色');
    return accountView(await this.store.update(name, (a) => ({ ...a, role })));
  }

  async setDisabled(name: string, disabled: boolean, actor: Actor): Promise<AccountView> {
    requirePermission(actor, 'manage-accounts');
    if (name === actor.name && disabled) throw new DomainError('not-permitted', '不能停用自己的账户');
    return accountView(await this.store.update(name, (a) => ({ ...a, disabled })));
  }

  /** An administrator sets anyone's password; everyone may change their own, giving the current one. */
  async setPassword(name: string, password: string, actor: Actor, current?: string): Promise<AccountView> {
    if (name === actor.name) {
      await this.authenticate(name, current ?? '').catch(() => {
        throw new DomainError('login-failed', '当前密码不正确');
      });
    } else {
      requirePermission(actor, 'manage-accounts');
    }
    checkPassword(password);
    const passwordHash = await hashPassword(password);
    const at = this.clock.now();
    return accountView(await this.store.update(name, (a) => ({ ...a, passwordHash, passwordChangedAt: at })));
  }
}
